"""The `newsroom` command: one subcommand per module in `game.commands`, imported when parsing."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from game import __version__

COMMANDS = ("play", "validate", "lint", "playtest", "graph", "new", "quotes", "schema", "report", "serve", "grade")
"""Subcommands, in the order `--help` lists them; each is a module in game/commands with
`register(subparsers)` that sets `run` as the parser's default."""


class Parser(argparse.ArgumentParser):
    """argparse, exiting 2 with a short usage line on bad arguments (its own behaviour), never a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="newsroom",
        description="A reporter's day on deadline. With no command, plays the Hanoi summit scenario.",
        epilog="Run `newsroom COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"newsroom {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for name in COMMANDS:
        importlib.import_module(f"game.commands.{name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help", "--version")):
        arguments = ["play", *arguments]
    options = parser.parse_args(arguments)
    try:
        return int(options.run(options) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
