"""`newsroom playtest SCENARIO`: play every route (or many random ones) and report what was never reached."""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any

from game.commands.common import add_scenario_argument


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("it must be 1 or more")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def run(options: argparse.Namespace) -> int:
    from game.authoring.playtest import MAX_STATES, SEARCH_STATES, explore, play_randomly, summary_lines
    from game.bundled import resolve
    from game.loader import check_file

    try:
        path = resolve(options.scenario)
    except FileNotFoundError as error:
        print(f"newsroom playtest: {error}", file=sys.stderr)
        return 2
    checked = check_file(path)
    if checked.scenario is None or checked.errors:
        for problem in checked.problems:
            print(problem, file=sys.stderr)
        print(f"newsroom playtest: {path} does not validate; fix the problems above first", file=sys.stderr)
        return 1
    scenario = checked.scenario
    if options.random:
        seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1_000_000)
        report = play_randomly(scenario, options.random, seed)
    else:
        report = explore(scenario, options.max_states or MAX_STATES,
                         search_states=options.search_states or SEARCH_STATES)
    if options.json:
        print(json.dumps({"file": str(path), **report.as_json()}, indent=2, ensure_ascii=False))
    else:
        located = checked.located

        def where(place: tuple[object, ...]) -> int:
            node = located.find(place) if located else None
            return node.start_mark.line + 1 if node else 0

        for line in summary_lines(report, where):
            print(line)
    return report.exit_code


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "playtest", help="play every route through a scenario and report coverage, endings, dead ends",
        description="Play a scenario automatically: every route (states are told apart only by what a "
                    "condition can still see), or --random N seeded random playthroughs. If the walk stops "
                    "at its limit, each target it did not reach gets a directed search: reached (with a "
                    "route), proven unreachable, or unknown. Reports the scenes, choices, questions, quotes "
                    "and facts reached and never reached, each ending with an example route, the longest "
                    "route, dead ends and errors. Exit 0 when complete and clean, 1 on dead ends or "
                    "errors, 3 when not complete (some target unknown).")
    add_scenario_argument(parser)
    parser.add_argument("--random", type=_positive, metavar="N",
                        help="play N random playthroughs instead of walking every route")
    parser.add_argument("--seed", type=_whole, metavar="S",
                        help="the random playthroughs' seed (default: a new one, printed)")
    parser.add_argument("--max-states", type=_positive, metavar="N", default=None,
                        help="stop the exhaustive walk after N distinct states and search for what it did not "
                             "reach (default: 20,000)")
    parser.add_argument("--search-states", type=_positive, metavar="N", default=None,
                        help="states each directed search may visit (default: 20,000)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)
