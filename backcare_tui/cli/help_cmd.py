"""`backcare help [format]`: the command help, or the routine format reference."""

from __future__ import annotations

import argparse
import sys
from typing import Any

TOPICS = ("format",)


def add_help_command(
    commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    topic = commands.add_parser(
        "help",
        parents=[common],
        help="this help, or `help format`: the routine file reference",
    )
    topic.add_argument("topic", nargs="?", choices=TOPICS, help="format: how to write routines")


def print_help_topic(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.topic == "format":
        from ..core.reference import format_reference

        sys.stdout.write(format_reference())
        sys.stdout.flush()
        return 0
    parser.print_help()
    return 0
