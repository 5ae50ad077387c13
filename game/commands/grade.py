"""`newsroom grade SCENARIO STORY_FILE`: the editor's verdict on a story written outside the game.

Teachers, scenario authors and tests use it: the story is graded as if the listed quotes (default: all)
were in the notebook and it was filed at the given time (default: on the deadline).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from game.commands.common import add_scenario_argument, load_or_report

EXIT_BROKEN_SCENARIO, EXIT_BAD_INPUT = 1, 2
_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
_OPEN, _CLOSE = "\u27e6", "\u27e7"


class BadInput(ValueError):
    """A problem with the command line or the story file: printed as one line, exit 2."""


def read_story_text(name: str) -> str:
    if name == "-":
        try:
            return sys.stdin.read()
        except (OSError, UnicodeDecodeError) as error:
            raise BadInput(f"cannot read the story from standard input: {error}") from None
    path = Path(name)
    if path.is_dir():
        raise BadInput(f"{name}: is a folder, not a story file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInput(f"{name}: no such file") from None
    except UnicodeDecodeError:
        raise BadInput(f"{name}: not UTF-8 text") from None
    except OSError as error:
        raise BadInput(f"{name}: cannot read it ({error.strerror or error})") from None


def parse_ids(value: str, known: list[str], what: str) -> list[str] | None:
    """None for "all", [] for "none", else the listed ids, every one checked against the scenario."""
    from game.problems import did_you_mean

    text = value.strip()
    if text.lower() == "all":
        return None
    if text.lower() in ("none", ""):
        return []
    ids = [part.strip() for part in text.split(",") if part.strip()]
    for item in ids:
        if item not in known:
            raise BadInput(f"no {what} '{item}' in this scenario; {did_you_mean(item, known, what)}")
    return ids


def parse_clock(value: str) -> int:
    match = _CLOCK.match(value.strip())
    if not match:
        raise BadInput(f"--filed-at wants a time like 11:45 (24-hour HH:MM), not '{value}'")
    return int(match.group(1)) * 60 + int(match.group(2))


def marked_story(text: str, numbered: list[tuple[int, tuple[int, int]]]) -> str:
    """The story with each finding's span in ⟦…⟧ and its note numbers after the closing mark."""
    labels: dict[tuple[int, int], list[int]] = {}
    for number, span in numbered:
        start, end = max(0, min(span[0], len(text))), max(0, min(span[1], len(text)))
        labels.setdefault((start, max(start, end)), []).append(number)
    events: list[tuple[int, int, int, str]] = []
    for (start, end), numbers in labels.items():
        events.append((start, 1, -(end - start), _OPEN))
        events.append((end, 0, end - start, _CLOSE + "[" + ",".join(map(str, numbers)) + "]"))
    out, position = [], 0
    for offset, _, _, mark in sorted(events):
        out.append(text[position:offset])
        out.append(mark)
        position = offset
    out.append(text[position:])
    return "".join(out)


def human(report: Any, story: Any, scenario: Any) -> str:
    from game.model import DIMENSIONS, clock_text

    lines = [f"{scenario.title}: the editor's verdict", "",
             f"Overall  {report.overall:3d}/100   filed {clock_text(report.filed_at)}, "
             + (f"{report.late_by} min late" if report.late_by else "on time"), ""]
    for dimension in DIMENSIONS:
        score = report.scores[dimension]
        bar = "#" * round(score / 10) + "." * (10 - round(score / 10))
        lines.append(f"  {dimension.replace('_', ' '):<15} {score:3d}  {bar}")
    numbered = [(number, finding.span) for number, finding in enumerate(
        (f for f in report.findings if f.span is not None), start=1)]
    lines += ["", "The story, marked", "-----------------", marked_story(story.text, numbered), "",
              "Findings", "--------"]
    number = 0
    for finding in report.findings:
        if finding.span is not None:
            number += 1
            tag = f"[{number}]"
        else:
            tag = "[*]"
        lines.append(f"{tag:>5} {finding.severity.upper():<7} {finding.dimension.replace('_', ' ')}: "
                     f"{finding.message}")
        for detail in (finding.detail or "").splitlines():
            lines.append(f"{'':>14}{detail}")
    return "\n".join(lines)


def run(options: argparse.Namespace) -> int:
    from game.grader import Story, grade

    scenario = load_or_report(options.scenario)
    if scenario is None:
        return EXIT_BROKEN_SCENARIO
    try:
        text = read_story_text(options.story)
        story = Story.parse(text)
        if not story.headline.strip():
            raise BadInput(f"{options.story}: the story is empty (its first line is the headline)")
        gathered = parse_ids(options.gathered, [quote.id for quote in scenario.quotes], "quote")
        verified = parse_ids(options.verified, [fact.id for fact in scenario.facts], "fact")
        filed_at = (parse_clock(options.filed_at) if options.filed_at is not None
                    else parse_clock(scenario.clock.deadline))
    except BadInput as error:
        print(f"newsroom grade: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    facts = [fact.id for fact in scenario.facts]
    report = grade(scenario, story, gathered=gathered, known=facts,
                   verified=facts if verified is None else verified, filed_at=filed_at)
    if options.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(human(report, story, scenario))
    return 0


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "grade", help="grade a story against a scenario's record",
        description="Grade a story as the game's editor would: every quote checked against the record, "
                    "attribution, accuracy, verification, balance, news judgement, completeness and deadline. "
                    "The story file's first non-empty line is the headline (a leading '# ' is dropped); "
                    "the rest is the body.")
    add_scenario_argument(parser)
    parser.add_argument("story", metavar="STORY_FILE", help="the story: a text or Markdown file, or - for stdin")
    parser.add_argument("--gathered", default="all", metavar="all|ID,ID...",
                        help="quote ids in the notebook (default: all; 'none' for an empty notebook)")
    parser.add_argument("--verified", default="none", metavar="all|ID,ID...",
                        help="fact ids the reporter checked (default: none)")
    parser.add_argument("--filed-at", metavar="HH:MM", help="when the story was filed (default: the deadline)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)
