"""backcare: guided back-care sessions and paced breathing in the terminal."""

__version__ = "0.1.0"
