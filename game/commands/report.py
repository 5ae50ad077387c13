"""`newsroom report RESULTS_DIR`: the class report over a folder of report cards."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_SKIPPED = 1
"""Some files could not be read: the report covers the rest, and names them."""
EXIT_NOTHING = 2
"""No folder, or not one report card in it."""


WATCH_SECONDS = 2.0
"""How often `--watch` reads the folder again."""


def run(options: argparse.Namespace) -> int:
    from game.classroom.report import csv_text, gradebook_csv, json_data, markdown, read_results
    from game.saves import write_atomically

    if options.watch:
        return watch(options.results)
    try:
        results = read_results(options.results)
    except FileNotFoundError as error:
        print(f"newsroom report: {error}", file=sys.stderr)
        return EXIT_NOTHING
    for item in results.unread:
        print(f"newsroom report: skipped {item.path}: {item.reason}", file=sys.stderr)
    if options.regrade and results.count:
        regraded = regrade_with(results, options.scenario)
        if regraded is None:
            return EXIT_NOTHING
        results = regraded
    if not results.count:
        folders = ", ".join(str(source) for source in results.sources)
        print(f"newsroom report: no report cards in {folders} (they are the .json files Newsroom writes "
              "when a story is filed)", file=sys.stderr)
        return EXIT_NOTHING
    link_from = options.output.parent if options.output else None
    if options.format == "json":
        text = json.dumps(json_data(results, link_from), indent=2, ensure_ascii=False) + "\n"
    elif options.format == "csv":
        text = csv_text(results, link_from)
    elif options.format == "gradebook":
        text = gradebook_csv(results, link_from)
    else:
        text = markdown(results, link_from)
    if options.output:
        try:
            write_atomically(options.output, text)
        except OSError as error:
            print(f"newsroom report: cannot write {options.output}: {error.strerror or error}", file=sys.stderr)
            return EXIT_NOTHING
        print(f"Class report of {results.count} report cards written to {options.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_SKIPPED if results.unread else 0


def regrade_with(results: Any, scenario_files: list[Path]) -> Any | None:
    """The results graded again against the shipped scenarios and any given; what changed, on stderr."""
    from game.bundled import bundled
    from game.classroom.report import regrade
    from game.loader import load_scenario
    from game.problems import ScenarioError

    scenarios = []
    for path in [*bundled().values(), *scenario_files]:
        try:
            scenarios.append(load_scenario(path))
        except ScenarioError as error:
            if path in scenario_files:
                print(f"newsroom report: cannot regrade against {path}: it has problems "
                      f"(`newsroom validate {path}` lists them)\n{error}", file=sys.stderr)
                return None
        except OSError as error:
            print(f"newsroom report: cannot read {path}: {error.strerror or error}", file=sys.stderr)
            return None
    done = regrade(results, scenarios)
    moved = len(done.changed)
    print(f"newsroom report: graded {results.count - len(done.kept)} report cards again with this Newsroom's "
          f"editor; {moved} changed{':' if moved else '.'}", file=sys.stderr)
    for line in (*done.changed, *(f"not regraded: {line}" for line in done.kept)):
        print(f"  {line}", file=sys.stderr)
    return done.results


def watch_frame(folder: Path, width: int = 100) -> str:
    """One screenful of `--watch`: every seat's status, then the class averages so far."""
    from game.classroom.report import read_results
    from game.classroom.seats import Roster
    from game.classroom.status import class_status
    from game.model import DIMENSIONS

    roster = Roster(folder)
    scenario = _noted_scenario(roster)
    lines = [f"Newsroom class in {folder}" + (f": {scenario.title}" if scenario else ""), ""]
    statuses = class_status(roster, scenario)
    if not statuses:
        lines.append("No student has joined yet (students join through `newsroom serve`).")
    short = {name: name[:4] for name in DIMENSIONS}
    header = f"{'student':<20} {'where':<20} {'time':>5} {'left':>4} {'quotes':>6}  {'filed':<7} {'score':>5}  " \
        + " ".join(f"{short[name]:>4}" for name in DIMENSIONS)
    if statuses:
        lines += [header[:width], "-" * min(width, len(header))]
    for s in statuses:
        scores = " ".join(f"{s.scores[name]:>4}" for name in DIMENSIONS) if s.filed else ""
        left = "" if s.minutes_left is None else str(s.minutes_left)
        line = (f"{_fit(s.name, 20)} {_fit(s.scene or '', 20)} {s.clock or '':>5} {left:>4} {s.quotes:>6}  "
                f"{(s.filed_at or 'filed') if s.filed else 'not yet':<7} "
                f"{s.overall if s.overall is not None else '':>5}  "
                f"{scores}")
        lines.append(line.rstrip()[:width] + (f"  ({s.problem})" if s.problem else ""))
    try:
        results = read_results([folder])
    except FileNotFoundError:
        results = None
    if results is not None and results.count:
        for group in results.scenarios:
            averages = group.averages()
            lines += ["", f"{group.title}: {len(group.students)} report cards, average {averages['overall']}"]
            lines.append("  " + ", ".join(f"{name.replace('_', ' ')} {averages[name]}" for name in DIMENSIONS))
            for finding in group.shared_findings()[:3]:
                shared = f"{finding.students} of {len(group.students)}: {finding.text}"
                lines.append("  " + _fit(shared, width - 2).rstrip())
    return "\n".join(lines) + "\n"


def _fit(text: str, width: int) -> str:
    from game.classroom.seats import tidy_name

    text = tidy_name(text)  # a student's name cannot move the cursor or colour the teacher's terminal
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def _noted_scenario(roster: Any) -> Any:
    from game.loader import ScenarioError, load_scenario

    path = roster.noted_scenario()
    if path is None:
        return None
    try:
        return load_scenario(path)
    except (ScenarioError, OSError):
        return None


def watch(folders: list[Path]) -> int:
    """Redraw the class every WATCH_SECONDS until Ctrl+C."""
    import shutil
    import time

    if len(folders) != 1 or not folders[0].is_dir():
        print("newsroom report: --watch takes one results folder (the one `newsroom serve` writes to)",
              file=sys.stderr)
        return EXIT_NOTHING
    clear = "\x1b[H\x1b[2J" if sys.stdout.isatty() else ""
    try:
        while True:
            width = shutil.get_terminal_size((100, 30)).columns
            sys.stdout.write(clear + watch_frame(folders[0], width) + ("" if clear else "\n"))
            sys.stdout.flush()
            time.sleep(WATCH_SECONDS)
    except KeyboardInterrupt:
        return 0


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "report", help="the class report over a folder of report cards",
        description="Read the report cards in a results folder (the .json files Newsroom writes when a "
                    "story is filed) and report each student's score per dimension, the class averages, "
                    "the most common findings, the endings reached, with a link to each report card.",
        epilog="Exit status: 0 when every file was read; 1 when some were skipped (each is named on stderr "
               "and in the report); 2 when there was nothing to report.")
    parser.add_argument("results", nargs="+", type=Path, metavar="RESULTS_DIR",
                        help="a results folder (or single transcript files)")
    parser.add_argument("--format", choices=("md", "csv", "json", "gradebook"), default="md",
                        help="md: a readable report (default); csv: one row per report card; json: everything; "
                             "gradebook: one row per student (their latest card), for importing into a gradebook")
    parser.add_argument("--watch", action="store_true",
                        help="show a class served by `newsroom serve` live in the terminal (each student's scene, "
                             "time left, quotes, filing and scores), refreshed every two seconds; Ctrl+C stops")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the report to FILE (links to report cards are made relative to it) "
                             "instead of printing it")
    parser.add_argument("--regrade", action="store_true",
                        help="grade every report card again with this Newsroom's editor (after an update) from "
                             "what it filed: the story, the notebook and the time; the report shows the new "
                             "grades and stderr lists each that changed. No file is changed")
    parser.add_argument("--scenario", action="append", type=Path, default=[], metavar="FILE",
                        help="with --regrade: a scenario file the cards were played on, when it is not one "
                             "that ships with Newsroom (give it once per file)")
    parser.set_defaults(run=run)
