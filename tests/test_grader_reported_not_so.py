"""A claim the story reports as a source's report, or knocks down in the next sentence, is not the story's
own voice: no rumour-as-fact, no wrong value. Written for this file (count-night's false post that Brandt won
by 300 votes), in several wordings, before the grader was run on them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
BASE = ("# Osei keeps Harrowby after recount\n\nMargaret Osei was re-elected Mayor of Harrowby by 112 votes "
        "after a recount requested by her challenger, Daniel Brandt. Turnout was 58 per cent, the returning "
        "officer said.\n\n{extra}\n")


@cache
def count_night() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "count-night.yaml")


def graded(extra: str) -> Report:
    scenario = count_night()
    return grade(scenario, Story.parse(BASE.format(extra=extra)), gathered=None,
                 known=[fact.id for fact in scenario.facts], verified=[], filed_at=23 * 60 + 30)


def codes(report: Report) -> set[str]:
    return {finding.code for finding in report.findings if finding.severity == "error"}


FALSE_CLAIM_CODES = {"verification.rumour-as-fact", "accuracy.false-rumour", "accuracy.core-fact"}


@pytest.mark.parametrize("extra", [
    "A post on a local news account had announced, long before the declaration, that Brandt had won by 300 "
    "votes. He had not: the count was still going on.",
    "Earlier a popular account told its followers that Brandt had won by 300 votes. It was not so.",
    "An online post claimed that Brandt had won by 300 votes. It had not happened: nothing had been declared.",
])
def test_a_false_post_reported_as_a_post_and_knocked_down_is_no_error(extra: str) -> None:
    assert not codes(graded(extra)) & FALSE_CLAIM_CODES, [(f.code, f.message) for f in graded(extra).findings]


@pytest.mark.parametrize("extra", [
    "Earlier in the evening Brandt had won by 300 votes on the first count.",
    "Brandt won by 300 votes at the first count, before the recount reversed it.",
])
def test_the_same_claim_in_the_storys_own_voice_is_still_an_error(extra: str) -> None:
    assert codes(graded(extra)) & FALSE_CLAIM_CODES
