"""How a sentence stands towards what it reports (issue 10), pinned with wording written for this file, each
rule beside a contrast it must still catch:

- A time or a decimal inside a source's report ("a feed posted at 9:25 p.m. that ...") does not end the
  clause that puts it as the source's report.
- A next sentence in which someone denies it ("The returning officer denied it") says it is not so.
- A question in the story's own voice ("Was a ballot box missing?") asserts nothing.
- A line that leads into what follows (a question as a heading, a line ending in a colon) is not the lede.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
LEDE = "Margaret Osei was re-elected Mayor of Harrowby by 112 votes after a recount asked for by Daniel Brandt."
WRONG = {"accuracy", "verification"}


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{name}.yaml")


def graded(text: str, name: str = "count-night") -> Report:
    found = scenario(name)
    return grade(found, Story.parse(text), gathered=None, known=[fact.id for fact in found.facts], verified=[],
                 filed_at=23 * 60 if name == "count-night" else 15 * 60)


def wrong(extra: str) -> set[str]:
    report = graded(f"# Osei keeps Harrowby\n\n{LEDE}\n\n{extra}\n")
    return {f.code or "" for f in report.findings if f.severity == "error" and f.dimension in WRONG}


@pytest.mark.parametrize("extra", [
    "A town news account posted at 9:25 p.m. that Brandt had won by 300 votes.",
    "A town news account announced at 9.25pm that Brandt had won by 300 votes, long before any declaration.",
    "At the start of the night a community page declared at 21:25 that Brandt had taken the town by 300 votes.",
])
def test_a_time_inside_a_sources_report_keeps_it_the_sources(extra: str) -> None:
    assert not wrong(extra)


def test_the_same_report_in_the_storys_own_voice_is_still_wrong() -> None:
    assert wrong("At 9:25 p.m. Brandt had won by 300 votes.")


@pytest.mark.parametrize("extra", [
    "People in the hall said a ballot box from Eastfield had gone missing. The returning officer denied it.",
    "Supporters said a ballot box from Eastfield had gone missing. Priya Natarajan flatly dismissed the claim.",
])
def test_a_denial_in_the_next_sentence_says_it_is_not_so(extra: str) -> None:
    assert not wrong(extra)


def test_without_the_denial_the_missing_box_is_still_reported_as_fact() -> None:
    assert wrong("A ballot box from Eastfield had gone missing. Counting went on.")
    assert wrong("A ballot box from Eastfield had gone missing. The returning officer said the count would go on.")


def test_a_question_in_the_storys_voice_asserts_nothing_but_its_answer_does() -> None:
    assert not wrong("Was a ballot box from Eastfield missing?\n\nNo. The returning officer said it arrived late.")
    assert wrong("Had Brandt won by 300 votes? He had won by 300 votes, the hall heard.")


def news_codes(body: str) -> set[str]:
    return {f.code or "" for f in graded(f"# Harrowby count\n\n{body}\n").findings if f.dimension == "news_judgement"}


@pytest.mark.parametrize("opening", ["Who won?", "Our coverage from the count has ended. The key points:"])
def test_a_line_that_leads_into_what_follows_is_not_the_lede(opening: str) -> None:
    codes = news_codes(f"{opening}\n\n{LEDE}\n\nBrandt asked for the recount.\n\nTurnout was 58 per cent.")
    assert "news.buried-lede" not in codes and codes & {"news.lede-carries", "news.leads"}


def test_a_lede_that_tells_something_else_still_buries_the_news() -> None:
    body = ("Harrowby Leisure Centre was full on Thursday night.\n\nThe counting tables ran the length of the hall.\n\n"
            f"Volunteers worked late.\n\n{LEDE}")
    assert "news.buried-lede" in news_codes(body)


HANOI_LEDE = ("# Summit ends without a deal\n\nHANOI \u2014 Donald Trump and Kim Jong Un ended their second summit "
              "on Thursday without a deal, after the talks were cut short.\n\n")


def hanoi_codes(extra: str) -> set[str]:
    return {f.code or "" for f in graded(f"{HANOI_LEDE}{extra}\n", "hanoi-summit").findings if f.severity == "error"}


def hanoi_wrong(extra: str) -> set[str]:
    return {code for code in hanoi_codes(extra) if code.split(".")[0] in WRONG}


def test_a_negation_that_inverts_its_clause_falls_on_the_verb_not_the_subject() -> None:
    assert not hanoi_wrong("Nor did the collapse of the talks cool Trump's praise for Kim.")
    assert hanoi_wrong("Nor did the talks collapse: they went on to a signing.")


def test_no_as_an_answer_is_a_sentence_of_its_own() -> None:
    assert not hanoi_wrong("Did the two leaders sign anything?\n\nNo. The summit ended without an agreement.")


def test_a_straight_quote_with_a_curly_one_nested_inside_closes_after_it() -> None:
    text = (f"{HANOI_LEDE}A reporter posted: \"I asked Kim Jong Un if he felt confident he could get a deal "
            "with @realDonaldTrump. He replied: \u201cIt\u2019s too early to say. I would not say I\u2019m "
            "pessimistic.\u201d\" Kim also said: \"If I\u2019m not willing to do that, I wouldn\u2019t be here right "
            "now.\"\n")
    report = graded(text, "hanoi-summit")
    assert not report.by_code("quotes.invented"), [f.message for f in report.by_code("quotes.invented")]


@pytest.mark.parametrize("extra", [
    "A lunch and a signing ceremony were cancelled, and nothing was signed.",
    "Nothing at all was signed, not even a short statement.",
])
def test_nothing_signed_agrees_with_a_cancelled_signing(extra: str) -> None:
    assert not hanoi_codes(extra) & {"accuracy.contradiction", "verification.rumour-as-fact"}


def test_a_signed_statement_still_contradicts_the_record() -> None:
    assert hanoi_codes("The two leaders signed a short statement before they left.") & {
        "accuracy.contradiction", "verification.rumour-as-fact"}


def test_a_next_meeting_under_a_negation_is_not_this_ones_number() -> None:
    assert "accuracy.core-fact" not in hanoi_codes("No date has been set for a third meeting.")
    assert "accuracy.core-fact" in hanoi_codes("The third summit between the two men ended early.")


def test_per_before_a_name_attributes_a_claim() -> None:
    claim = "Kim offered to dismantle the Yongbyon nuclear complex in return for sanctions relief."
    assert "attribution.claim-as-fact" not in hanoi_codes(f"Per Trump and Mike Pompeo, {claim[0].lower()}{claim[1:]}")
    assert "attribution.claim-as-fact" in hanoi_codes(claim)
