"""`newsroom play [SCENARIO]` (and plain `newsroom`): play a scenario in the terminal."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.commands.common import add_scenario_argument

THEME_VARIABLE = "NEWSROOM_THEME"
"""Pick any Textual theme by name; otherwise the terminal decides between a full-colour and an ANSI look."""


def theme_for(environ: Mapping[str, str]) -> str | None:
    """The ANSI theme for terminals that only do 16 colours, the default theme otherwise."""
    chosen = environ.get(THEME_VARIABLE, "").strip()
    if chosen:
        return chosen
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return None
    term = environ.get("TERM", "")
    if term in ("linux", "vt100", "vt220", "xterm", "xterm-color", "ansi", "screen", "cons25", "rxvt"):
        return "ansi-dark"
    return None


def run(options: argparse.Namespace) -> int:
    if options.plain:
        return run_plain_mode(options)
    from game.bundled import resolve
    from game.ui.preview import read_preview

    try:
        path = resolve(options.scenario)
    except FileNotFoundError as error:
        print(f"newsroom: {error}", file=sys.stderr)
        return 1
    preview = read_preview(path)
    if preview is None and not options.watch:
        return report_problems(path)
    from game.ui.app import NewsroomApp

    app = NewsroomApp(path, preview, start_new=options.new, watch=options.watch,
                      results_dir=options.results, theme=theme_for(os.environ))
    app.run()
    if app.problems and app.scenario is None:
        for problem in app.problems:
            print(problem, file=sys.stderr)
        print(f"newsroom: {path} has problems; fix them and play again", file=sys.stderr)
        return 1
    return 0


def run_plain_mode(options: argparse.Namespace) -> int:
    """`--plain`: the game as lines of text (game.plain), for screen readers and scripts."""
    from game.commands.common import load_or_report
    from game.plain import run_plain

    if options.watch:
        print("newsroom: --watch works in the full-screen game only, not with --plain", file=sys.stderr)
        return 2
    scenario = load_or_report(options.scenario)
    if scenario is None:
        return 1
    return run_plain(scenario, results_dir=options.results, new=options.new)


def report_problems(path: Path) -> int:
    """The file cannot even be previewed: print every problem the full check finds."""
    from game.loader import check_file

    checked = check_file(path)
    for problem in checked.problems:
        print(problem, file=sys.stderr)
    print(f"newsroom: {path} cannot be played; run `newsroom validate {path}` after fixing it",
          file=sys.stderr)
    return 1


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "play", help="play a scenario (the default command)",
        description="Play a scenario in the terminal. The game saves after every choice; "
                    "run it again to continue where you left off.")
    add_scenario_argument(parser, optional=True)
    parser.add_argument("--new", action="store_true",
                        help="start a new game straight away (a saved game is replaced once you start)")
    parser.add_argument("--watch", action="store_true",
                        help="for authors: reload the scenario whenever the file changes, keeping your "
                             "place, and show its problems in the game instead of stopping")
    parser.add_argument("--results", type=Path, metavar="DIR",
                        help="where to write the report card after filing (default: the user data folder)")
    parser.add_argument("--plain", action="store_true",
                        help="play as plain lines of text with numbered choices: for screen readers, and for "
                             "scripts (input may be piped)")
    parser.set_defaults(run=run)
