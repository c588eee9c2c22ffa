"""The command line: subcommands that need no full screen never import Textual."""
