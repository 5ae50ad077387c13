"""`newsroom validate PATH...`: every problem in every scenario, located, with a hint."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def files_to_check(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The scenario files named or found in folders, and a message for each path that gives none.

    A name that is not a path but names a shipped scenario ("hanoi-summit") means that scenario's file.
    """
    from game.bundled import bundled
    from game.loader import scenario_files

    shipped = bundled()
    files: list[Path] = []
    unreadable: list[str] = []
    for name in paths:
        path = Path(name)
        if not path.exists() and name in shipped:
            path = shipped[name]
        if path.is_dir():
            found = list(scenario_files(path))
            if not found:
                unreadable.append(f"{name}: no scenario files (*.yaml, *.yml) in this folder")
            files += found
        elif path.exists():
            files.append(path)
        else:
            unreadable.append(f"{name}: no such file or folder, and no shipped scenario of that name "
                              f"(shipped: {', '.join(shipped) or 'none'})")
    return files, unreadable


def run(options: argparse.Namespace) -> int:
    from game.loader import check_file

    files, unreadable = files_to_check(options.paths)
    for message in unreadable:
        print(f"newsroom validate: {message}", file=sys.stderr)
    results = [check_file(path) for path in files]
    problems = [problem for result in results for problem in result.problems]
    if options.json:
        print(json.dumps({
            "files": [{"file": result.file, "ok": not result.errors} for result in results],
            "problems": [problem.as_json() for problem in problems],
            "unreadable": unreadable,
        }, indent=2))
    elif results:
        for problem in problems:
            print(problem)
        bad = sum(1 for result in results if result.errors)
        summary = f"{len(results)} scenario file{'s' * (len(results) != 1)} checked: "
        summary += f"{len(problems)} problem{'s' * (len(problems) != 1)} in {bad}" if problems else "all clean"
        print(summary, file=sys.stderr)
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_PROBLEMS if any(result.errors for result in results) else EXIT_CLEAN


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "validate", help="check scenario files and report every problem",
        description="Check scenario files (or every .yaml in folders) and report each problem as "
                    "file:line:col: CODE message, with a hint. Exit 0 when clean, 1 when any file has "
                    "problems, 2 when a path cannot be read.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="scenario files or folders, or names of shipped scenarios (e.g. hanoi-summit)")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    parser.set_defaults(run=run)
