import sys

from backcare_tui.cli.entry import main

sys.exit(main())
