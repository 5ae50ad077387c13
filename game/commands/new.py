"""`newsroom new NAME`: write a starter scenario, NAME.yaml, in the current folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def run(options: argparse.Namespace) -> int:
    from game.authoring.scaffold import ScaffoldError, write_starter

    try:
        path = write_starter(options.name, Path.cwd())
    except ScaffoldError as error:
        print(f"newsroom new: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"newsroom new: cannot write the file: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {path.name}: a small complete scenario whose comments explain each part.")
    print(f"Change it a piece at a time, and after each change run `newsroom lint {path.name}`;")
    print(f"`newsroom playtest {path.name}` plays every route, `newsroom play {path.name}` lets you play it.")
    return 0


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "new", help="write a starter scenario to edit",
        description="Write NAME.yaml in the current folder: a small, complete scenario that validates, "
                    "lints clean and playtests clean, with comments that teach the format. Never "
                    "overwrites a file.")
    parser.add_argument("name", metavar="NAME",
                        help="the scenario's id and file name: letters, digits, '-' and '_' (e.g. mill-fire)")
    parser.set_defaults(run=run)
