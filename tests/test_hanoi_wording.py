"""The Hanoi scenario's fact wording, as the editor reads it: false statements caught, true ones left alone."""

from __future__ import annotations

import pytest

from game.bundled import resolve
from game.grader import Story, grade
from game.loader import load_scenario
from game.model import Scenario, minutes_of

HEADLINE = "Hanoi summit ends without a deal"


@pytest.fixture(scope="module")
def hanoi() -> Scenario:
    return load_scenario(resolve("hanoi-summit"))


def errors(scenario: Scenario, sentence: str) -> set[str]:
    report = grade(scenario, Story(HEADLINE, sentence), gathered=None,
                   filed_at=minutes_of(scenario.clock.deadline))
    return {finding.dimension for finding in report.findings if finding.severity == "error"}


@pytest.mark.parametrize("sentence", [
    "Trump and Kim sign a deal in Hanoi.",
    "Trump, Kim sign historic deal.",
    "Kim and Trump signed the deal after lunch.",
    "The summit ended with a deal: the leaders reached an agreement on sanctions.",
])
def test_saying_a_deal_was_signed_is_inaccurate(hanoi: Scenario, sentence: str) -> None:
    assert "accuracy" in errors(hanoi, sentence)


@pytest.mark.parametrize("sentence", [
    "The signing ceremony is still on, just pushed back an hour.",
    "Officials said the signing ceremony was delayed until the afternoon.",
    "The leaders are set to sign an agreement this afternoon.",
])
def test_a_false_rumour_stated_as_fact_fails_verification(hanoi: Scenario, sentence: str) -> None:
    assert "verification" in errors(hanoi, sentence)


@pytest.mark.parametrize("sentence", [
    "The two leaders had been expected to sign a deal, but the summit ended without a deal.",
    "The summit ended without a deal; the leaders failed to sign a deal.",
    "Trump refused to sign an agreement that left the program intact, and the summit ended without a deal.",
    "The leaders never signed the agreement that aides had drafted.",
    "Before the talks, experts had focused on the Yongbyon nuclear complex as a bargaining chip.",
])
def test_true_background_is_not_punished(hanoi: Scenario, sentence: str) -> None:
    assert not errors(hanoi, sentence) & {"accuracy", "verification", "attribution"}
