"""The corpus: short stories about the Hanoi summit, each graded with the findings the editor must make.

Accurate stories and stories with each kind of fault (an altered word, swapped speakers, an invented quote,
a rumour as fact, a one-sided claim as fact, a buried lede, a single voice, a late filing). Every story's
error dimensions must be exactly those expected, and every accurate story must outrank every flawed one.
The expectations live beside the stories in tests/stories/expected.yaml.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.cli import main
from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import DIMENSIONS, Scenario, minutes_of

ROOT = Path(__file__).resolve().parent.parent
STORIES = Path(__file__).resolve().parent / "stories"
HANOI = ROOT / "scenarios" / "hanoi-summit.yaml"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((STORIES / "expected.yaml").read_text(encoding="utf-8"))
FAULTS = {"an altered word", "swapped speakers", "an invented quote", "a rumour as fact",
          "a one-sided claim as fact", "a buried lede", "a single voice", "a late filing"}


@cache
def hanoi() -> Scenario:
    return load_scenario(HANOI)


@cache
def graded(name: str) -> Report:
    expected = EXPECTED[name]
    story = Story.parse((STORIES / name).read_text(encoding="utf-8"))
    gathered = expected.get("gathered", "all")
    return grade(hanoi(), story, gathered=None if gathered == "all" else gathered,
                 known=[fact.id for fact in hanoi().facts], verified=expected.get("verified", []),
                 filed_at=minutes_of(expected.get("filed_at", "15:30")))


def test_the_corpus_is_large_and_covers_every_fault() -> None:
    files = sorted(path.name for path in STORIES.glob("*.md"))
    assert files == sorted(EXPECTED), "every story needs its expectations, and every expectation its story"
    assert len(files) >= 20
    accurate = [name for name, expected in EXPECTED.items() if expected.get("accurate")]
    assert len(accurate) >= 6
    assert {expected.get("fault") for expected in EXPECTED.values()} >= FAULTS


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_story_gets_the_expected_findings(name: str) -> None:
    expected, report = EXPECTED[name], graded(name)
    assert report.error_dimensions == set(expected["errors"]), [
        (f.dimension, f.message) for f in report.findings if f.severity == "error"]
    for wanted in expected.get("findings", []):
        dimension, severity, *start = wanted.split(":", 2)
        assert dimension in DIMENSIONS
        assert any(f.dimension == dimension and f.severity == severity
                   and (not start or f.message.startswith(start[0].strip())) for f in report.findings), (
            wanted, [(f.dimension, f.severity, f.message) for f in report.findings])
    if expected.get("accurate"):
        assert report.overall >= 85, "an accurate story reaches the front-page score"


def test_every_accurate_story_outranks_every_flawed_one() -> None:
    accurate = {name: graded(name).overall for name, e in EXPECTED.items() if e.get("accurate")}
    flawed = {name: graded(name).overall for name, e in EXPECTED.items() if not e.get("accurate")}
    weakest, strongest = min(accurate, key=accurate.__getitem__), max(flawed, key=flawed.__getitem__)
    assert accurate[weakest] > flawed[strongest], (weakest, accurate[weakest], strongest, flawed[strongest])


def test_an_invented_quote_fails_quotes_outright() -> None:
    report = graded("12-invented-quote.md")
    assert report.scores["quotes"] == 0 and report.overall <= 35


def test_the_command_grades_a_corpus_story_the_same_way(capsys: pytest.CaptureFixture[str]) -> None:
    name = "10-altered-word.md"
    assert main(["grade", str(HANOI), str(STORIES / name), "--filed-at", "15:30", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == graded(name).to_json()
