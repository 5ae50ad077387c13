"""`newsroom play [SCENARIO]`: play a scenario in the terminal."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.commands.common import add_scenario_argument, load_or_report


def run(options: argparse.Namespace) -> int:
    scenario = load_or_report(options.scenario)
    if scenario is None:
        return 1
    print(f"{scenario.title}: the terminal game is not built yet. "
          "For now, `newsroom validate` and `newsroom quotes` work on scenarios.", file=sys.stderr)
    return 1


def register(commands: Any) -> None:
    parser = commands.add_parser("play", help="play a scenario (the default command)",
                                 description="Play a scenario in the terminal.")
    add_scenario_argument(parser, optional=True)
    parser.set_defaults(run=run)
