import sys

from backcare_tui.cli.main import main

sys.exit(main())
