"""Developer scripts run from the Makefile (`make screenshots`, `make mutate`); not shipped."""
