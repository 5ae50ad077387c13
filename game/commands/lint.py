"""`newsroom lint PATH...`: validation, then what routes through a scenario would trip over."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def run(options: argparse.Namespace) -> int:
    from game.authoring.lint import lint_file
    from game.commands.validate import files_to_check

    files, unreadable = files_to_check(options.paths)
    for message in unreadable:
        print(f"newsroom lint: {message}", file=sys.stderr)
    results = [lint_file(path) for path in files]

    def failed(result: Any) -> bool:
        return bool(result.errors or (options.strict and result.warnings))

    if options.json:
        print(json.dumps({
            "files": [{"file": result.file, "ok": not failed(result),
                       "validated": not result.checked.errors, "errors": len(result.errors),
                       "warnings": len(result.warnings)} for result in results],
            "problems": [problem.as_json() for result in results for problem in result.problems],
            "unreadable": unreadable,
        }, indent=2))
    elif results:
        for result in results:
            for problem in result.problems:
                print(_shown(problem))
            if result.checked.errors:
                print(f"{result.file}: not linted until it validates", file=sys.stderr)
        errors = sum(len(result.errors) for result in results)
        warnings = sum(len(result.warnings) for result in results)
        summary = f"{len(results)} scenario file{'s' * (len(results) != 1)} linted: "
        if errors or warnings:
            summary += f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
            if warnings and not options.strict and not errors:
                summary += " (--strict makes warnings fail)"
        else:
            summary += "all clean"
        print(summary, file=sys.stderr)
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_PROBLEMS if any(failed(result) for result in results) else EXIT_CLEAN


def _shown(problem: Any) -> str:
    """A problem as validate prints it; warnings say so, so they can be told from errors at a glance."""
    text = str(problem)
    if problem.severity == "warning":
        head, _, rest = text.partition(f" {problem.code} ")
        text = f"{head} {problem.code} warning: {rest}"
    return text


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "lint", help="validate, then find what a player would trip over",
        description="Validate scenario files, then look for what no route can use: choices whose "
                    "conditions can never hold, dead ends, quotes and facts no route gathers, key facts no "
                    "route learns, people who never speak, endings no route reaches, overlong scenes. "
                    "Each finding is printed as file:line:col: CODE message, with a hint. Exit 0 when "
                    "clean, 1 on errors (and on warnings with --strict), 2 when a path cannot be read.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="scenario files or folders, or names of shipped scenarios")
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    parser.set_defaults(run=run)
