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


def run(options: argparse.Namespace) -> int:
    from game.classroom.report import csv_text, json_data, markdown, read_results
    from game.saves import write_atomically

    try:
        results = read_results(options.results)
    except FileNotFoundError as error:
        print(f"newsroom report: {error}", file=sys.stderr)
        return EXIT_NOTHING
    for item in results.unread:
        print(f"newsroom report: skipped {item.path}: {item.reason}", file=sys.stderr)
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
    parser.add_argument("--format", choices=("md", "csv", "json"), default="md",
                        help="md: a readable report (default); csv: one row per student; json: everything")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the report to FILE (links to report cards are made relative to it) "
                             "instead of printing it")
    parser.set_defaults(run=run)
