"""What several commands share: finding a scenario by path or name and reporting load problems."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_scenario_argument(parser: argparse.ArgumentParser, optional: bool = False) -> None:
    parser.add_argument(
        "scenario", nargs="?" if optional else None, metavar="SCENARIO",
        help="a scenario file, or the name of a shipped one (e.g. hanoi-summit)"
        + (" (default: hanoi-summit)" if optional else ""))


def load_or_report(name: str | None) -> Any:
    """The scenario, or None after printing why it could not be loaded (to stderr)."""
    from game.bundled import resolve
    from game.loader import ScenarioError, load_scenario

    try:
        path = resolve(name)
    except FileNotFoundError as error:
        print(f"newsroom: {error}", file=sys.stderr)
        return None
    try:
        return load_scenario(path)
    except ScenarioError as error:
        print(error, file=sys.stderr)
        print(f"newsroom: {path} has problems; run `newsroom validate {path}` for the full list",
              file=sys.stderr)
        return None
