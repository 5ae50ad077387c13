"""`newsroom graph SCENARIO`: the story map, as Mermaid or Graphviz DOT."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.commands.common import add_scenario_argument, load_or_report


def run(options: argparse.Namespace) -> int:
    from game.authoring.graph import render
    from game.saves import write_atomically

    scenario = load_or_report(options.scenario)
    if scenario is None:
        return 1
    text = render(scenario, options.format)
    if options.output:
        try:
            write_atomically(Path(options.output), text)
        except (OSError, ValueError) as error:  # ValueError: a path no file system accepts (a NUL byte)
            reason = getattr(error, "strerror", None) or error
            print(f"newsroom graph: cannot write {options.output}: {reason}", file=sys.stderr)
            return 1
        print(f"wrote the story map of {scenario.id} to {options.output}", file=sys.stderr)
    else:
        print(text, end="")
    return 0


FORMATS = ("mermaid", "dot")
"""The same as `game.authoring.graph.FORMATS`, written out so building the parser loads no scenario models
(`newsroom` must draw its first frame fast; a test checks the two agree)."""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "graph", help="draw the story map: scenes, choices, endings",
        description="Print the story map: scenes as nodes, choices as labelled edges, the story desk and "
                    "its outcomes, endings coloured by tone, unreachable scenes and choices that can never "
                    "be offered dashed. Mermaid pastes into GitHub Markdown or mermaid.live; DOT renders "
                    "with Graphviz (dot -Tsvg).")
    add_scenario_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="mermaid", help="mermaid (default) or dot")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the map to FILE instead of printing it")
    parser.set_defaults(run=run)
