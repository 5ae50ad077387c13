"""The editor reads what sentences assert (issue 10): each fault class pinned with a few cases on the Hanoi
scenario, each a variant of one good story from the blind tuning corpus, so the fault is the only change.

The numbers over the whole blind corpus are benchmarks/bench_grader_accuracy.py's; these tests pin the
behaviour the issue names, case by case.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.authoring.lint import weak_propositions
from game.grader import Report, Story, grade
from game.grading.assertions import key_of_word
from game.grading.rubric import RUBRIC
from game.loader import load_scenario
from game.model import Proposition, Scenario

ROOT = Path(__file__).resolve().parent.parent
BASE = (ROOT / "tests" / "stories" / "blind" / "tune" / "hanoi" / "138-ap-short-good.md").read_text(encoding="utf-8")
"""A good AP story: no deal, talks cut short, signing cancelled, claims attributed, both sides quoted."""


@cache
def hanoi() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "hanoi-summit.yaml")


def graded(text: str, *, verified: tuple[str, ...] = (), filed_at: int = 15 * 60 + 30) -> Report:
    scenario = hanoi()
    return grade(scenario, Story.parse(text), gathered=None, known=[fact.id for fact in scenario.facts],
                 verified=verified, filed_at=filed_at)


def variant(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def codes(report: Report, severity: str | None = None) -> set[str]:
    return {f.code or "" for f in report.findings if severity is None or f.severity == severity}


def praised(report: Report, dimension: str) -> list[str]:
    return [f.message for f in report.findings if f.severity == "praise" and f.dimension == dimension]


PARAGRAPH = "Trump said no further summit was planned"


def test_the_base_story_is_good() -> None:
    report = graded(BASE)
    assert not report.error_dimensions and report.overall >= 90


# --- rumour as fact, in other words ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The signing ceremony will go ahead this afternoon after all.",
    "The signing has only been pushed back, officials at the hotel insist.",
    "Sources confirm the signing ceremony has merely been delayed until later in the day.",
    "The ceremony was put back to a later date rather than called off.",
])
def test_the_signing_rumour_in_any_words_is_a_verification_error(sentence: str) -> None:
    report = graded(variant(PARAGRAPH, sentence + " " + PARAGRAPH))
    assert "verification.rumour-as-fact" in codes(report, "error")
    assert not any("kept a false rumour out" in message for message in praised(report, "verification"))


@pytest.mark.parametrize("sentence", [
    "Word went round the filing centre that the signing had merely been delayed. It was not true.",
    "A rumour that the ceremony was only postponed proved false.",
    "The signing was cancelled, not postponed.",
])
def test_a_rumour_hedged_or_debunked_in_the_sentence_or_the_next_is_not_asserted(sentence: str) -> None:
    report = graded(variant(PARAGRAPH, sentence + " " + PARAGRAPH))
    assert "verification" not in report.error_dimensions


# --- quotes: ellipses and brackets ----------------------------------------------------------------

def test_an_ellipsis_that_drops_a_negation_is_a_misquote() -> None:
    report = graded(variant("I would not say I’m pessimistic", "I would … say I’m pessimistic"))
    assert "quotes.ellipsis-changes-meaning" in codes(report, "error")
    assert not praised(report, "quotes")


def test_an_ellipsis_that_drops_only_words_is_faithful() -> None:
    text = variant('"Sometimes you have to walk, and this was just one of those times,"',
                   '"Sometimes you have to walk, and this was ... one of those times,"')
    report = graded(text)
    assert "quotes" not in report.error_dimensions


def test_brackets_that_change_a_quote_are_a_misquote_and_a_clarifying_name_is_not() -> None:
    changed = variant('Kim said: "It’s too early to say. I would not say I’m pessimistic."',
                      'Kim said: "If I’m not willing to [lift sanctions, I] wouldn’t be here right now."')
    assert "quotes.bracket-changes-meaning" in codes(graded(changed), "error")
    fine = variant('Kim said: "It’s too early to say. I would not say I’m pessimistic."',
                   'Kim said: "If I’m not willing to [denuclearize, I] wouldn’t be here right now."')
    assert "quotes" not in graded(fine).error_dimensions


def test_a_misquote_is_not_also_called_rightly_attributed() -> None:
    report = graded(variant("Sometimes you have to walk", "Sometimes you just have to walk away"))
    assert "quotes.misquote" in codes(report, "error")
    assert "attribution.right-speaker" not in {f.code for f in report.findings
                                               if f.span and "walk away" in Story.parse(
                                                   variant("Sometimes you have to walk",
                                                           "Sometimes you just have to walk away")).text[
                                                   f.span[0]:f.span[1]]}


# --- quotation marks and names -----------------------------------------------------------------------

def test_an_invented_quote_in_straight_single_marks_is_seen() -> None:
    text = variant(PARAGRAPH, "'We will have a deal within weeks, I promise you,' said Mr Trump. " + PARAGRAPH)
    report = graded(text)
    assert "quotes.invented" in codes(report, "error") and report.overall <= 35


def test_british_single_marks_over_paragraphs_are_quotes_not_copying() -> None:
    text = BASE + ("\n\nAsked about Otto Warmbier, Mr Trump said:\n\n'Those prisons are rough, they're rough places, "
                   "and bad things happen. I don't believe [Kim] knew about it.\n\n'He felt badly about it, he "
                   "knew the case very well, but he knew it later.'")
    report = graded(text)
    assert "accuracy" not in report.error_dimensions and "quotes" not in report.error_dimensions


def test_names_in_capitals_are_names() -> None:
    report = graded(variant('times," Trump said.', 'times," TRUMP SAID.'))
    assert "attribution" not in report.error_dimensions


# --- attribution by structure --------------------------------------------------------------------------

def test_the_speech_verb_governs_not_the_nearest_name() -> None:
    text = variant('"Sometimes you have to walk, and this was just one of those times," Trump said.',
                   'Trump said, "Sometimes you have to walk, and this was just one of those times," after Kim '
                   'had left the hotel.')
    assert "attribution" not in graded(text).error_dimensions


def test_a_fictional_reporter_after_a_trump_quote_keeps_his_own_words() -> None:
    text = variant(PARAGRAPH, 'Gideon Pask of The Sentinel said: "Mine went out at eleven with a deal in the '
                   'first line." ' + PARAGRAPH)
    report = graded(text)
    assert "attribution.wrong-speaker" not in codes(report) and "quotes.invented" not in codes(report)


def test_he_replied_looks_back_not_to_the_next_paragraph() -> None:
    text = variant('Earlier, in what is believed to be his first answer to a foreign reporter, Kim said: ',
                   'Earlier, a foreign reporter asked Kim whether he was confident of a deal. He replied: ')
    text = text.replace('Trump said no further', 'Trump, for his part, said no further')
    assert "attribution" not in graded(text).error_dimensions


def test_trumps_words_given_to_kim_are_wrong_and_do_not_hear_north_korea() -> None:
    text = variant('Kim said: "It’s too early to say. I would not say I’m pessimistic."',
                   'Kim said: "Sometimes you have to walk."')
    report = graded(text)
    assert "attribution.wrong-speaker" in codes(report, "error")
    assert "balance" in report.error_dimensions


# --- claims and facts in the story's own voice -------------------------------------------------------

def test_a_claim_stated_as_fact_is_an_error_even_when_attributed_elsewhere() -> None:
    text = BASE + "\n\nNorth Korea had demanded that sanctions be lifted while keeping its weapons."
    assert "attribution.claim-as-fact" in codes(graded(text), "error")


def test_a_belief_of_trumps_stated_as_fact_is_a_claim_as_fact() -> None:
    text = BASE + "\n\nKim did not know what had happened to Otto Warmbier until much later."
    assert "attribution.claim-as-fact" in codes(graded(text), "error")


def test_a_claim_attributed_in_the_next_sentence_is_attributed() -> None:
    text = BASE + "\n\nKim did not know what had happened to Otto Warmbier. That is Trump's account, he said."
    assert "attribution.claim-as-fact" not in codes(graded(text))


@pytest.mark.parametrize(("old", "new"), [
    ("HANOI, Vietnam (AP) —", "SEOUL (AP) —"),
    ("ended their summit Thursday", "ended their three-day summit Thursday"),
    ("ended their summit Thursday", "ended their summit Wednesday"),
    (PARAGRAPH, "A third summit has already been scheduled for the summer. " + PARAGRAPH),
    ("# No deal: Trump-Kim summit in Hanoi cut short", "# Trump and Kim strike deal as Hanoi summit ends early"),
])
def test_the_record_contradicted_in_the_storys_own_voice_is_an_accuracy_error(old: str, new: str) -> None:
    assert "accuracy" in graded(variant(old, new)).error_dimensions


@pytest.mark.parametrize("sentence", [
    "It was not a deal, and no date was set for the next meeting.",
    "The signing was never going to go ahead once the talks broke down.",
    "Trump had hoped to sign a deal.",
])
def test_negated_or_hoped_for_opposites_are_not_contradictions(sentence: str) -> None:
    assert "accuracy" not in graded(variant(PARAGRAPH, sentence + " " + PARAGRAPH)).error_dimensions


def test_inflections_match_by_lemma() -> None:
    assert key_of_word("cancelled") == key_of_word("canceled") == key_of_word("cancels")
    assert key_of_word("struck") == key_of_word("strike")


# --- length, substance, copying -------------------------------------------------------------------------

def test_a_nine_word_story_and_a_bare_headline_cannot_pass() -> None:
    short = graded("# Summit ends without a deal\n\nThe Hanoi summit ended early without any deal.")
    bare = graded("# Trump and Kim summit ends without a deal")
    for report in (short, bare):
        assert "completeness" in report.error_dimensions and report.overall <= 20


def test_a_ramble_far_over_the_limit_is_warned_and_ranks_below_the_good_story() -> None:
    ramble = BASE + "\n\n" + "\n\n".join(["Reporters waited in the filing centre as the afternoon wore on, and "
                                          "the city traffic slowed around the barriers near the hotel."] * 90)
    report = graded(ramble)
    assert "completeness.too-long" in codes(report, "warning")
    assert report.overall < graded(BASE).overall


def test_copying_the_record_wholesale_is_flagged() -> None:
    copied = ("The second nuclear summit between President Donald Trump and North Korean leader Kim Jong Un ended "
              "without a deal Thursday after talks in Hanoi, Vietnam, were abruptly cut short. A previously "
              "scheduled lunch and signing ceremony was canceled, and the motorcades carrying the two leaders had "
              "departed from the summit site, heading back to their hotels.")
    report = graded(BASE + "\n\n" + copied)
    assert "accuracy.copied-record" in codes(report, "error")


# --- on-screen speech, codes, the report ------------------------------------------------------------------

def test_quoting_words_a_character_speaks_on_screen_is_not_an_invention() -> None:
    scenario = hanoi()
    from game.grading.record import record_of
    spoken = record_of(scenario).on_screen
    assert spoken, "the Hanoi scenes have characters speaking in quotation marks"
    said = next(item for item in spoken if len(item.words) >= 4)
    text = variant(PARAGRAPH, f'"{said.quote.text}" {said.speaker.name} said. ' + PARAGRAPH)
    assert "quotes.invented" not in codes(graded(text))


def test_every_finding_has_a_code_in_the_rubric_with_its_dimension_and_severity() -> None:
    for text in (BASE, variant("I would not say", "I would … say"), "# Headline only"):
        for finding in graded(text).findings:
            assert finding.code in RUBRIC, finding
            rule = RUBRIC[finding.code]
            assert (rule.dimension, rule.severity) == (finding.dimension, finding.severity)


def test_the_report_names_the_facts_carried_and_the_people_quoted() -> None:
    report = graded(BASE)
    assert {"no-deal", "talks-cut-short", "lunch-signing-cancelled", "sanctions-dispute"} <= report.facts
    assert {"trump", "kim"} <= report.quoted
    assert Report.from_json(report.to_json()) == report


def test_no_praise_beside_an_error_of_its_dimension() -> None:
    report = graded(variant("Sometimes you have to walk", "Sometimes you just have to walk away"))
    for dimension in report.error_dimensions:
        assert not praised(report, dimension)


def test_lint_warns_of_a_proposition_too_weak_to_match() -> None:
    from authoring_helpers import scenario, text_of

    from game.authoring.lint import lint_text
    data = scenario(facts=[{
        "id": "vote", "statement": "The council voted to close the bridge.", "status": "confirmed",
        "asserts": [{"about": ["the"], "happened": ["close"]}, {"about": ["council"], "happened": ["not"]},
                    {"about": ["mayor"], "happened": ["resign"]}]}])
    found = lint_text(text_of(data), "tiny.yaml").findings
    messages = [(problem.code, str(problem)) for problem in found if problem.code in ("L180", "L181")]
    assert [code for code, _ in messages].count("L180") == 2, messages
    assert any("only common words" in text for _, text in messages)
    assert any("negation" in text for _, text in messages)
    assert "L181" not in [code for code, _ in messages]  # "council ... close" would match if "the" did


def test_a_proposition_that_misses_its_own_statement_is_linted() -> None:
    from authoring_helpers import scenario, text_of

    from game.authoring.lint import lint_text
    data = scenario(facts=[{
        "id": "vote", "statement": "The council voted to close the bridge.", "status": "confirmed",
        "asserts": [{"about": ["mayor"], "happened": ["resign"]}]}])
    assert "L181" in [problem.code for problem in lint_text(text_of(data), "tiny.yaml").findings]
    assert weak_propositions is not None and Proposition is not None


def test_every_rubric_code_is_documented_for_authors() -> None:
    docs = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    for code in RUBRIC:
        assert f"`{code}`" in docs, code


def test_a_pronoun_that_could_mean_two_people_is_reported_not_guessed() -> None:
    text = variant(PARAGRAPH, 'Trump and Kim met for breakfast. He said: "Sometimes you have to walk." ' + PARAGRAPH)
    report = graded(text)
    assert "attribution.ambiguous-speaker" in codes(report, "warning")
    assert any("could not tell" in f.message for f in report.findings)


# --- "according to" names a source, not an accord ------------------------------------------------------

def test_according_to_is_not_an_accord() -> None:
    """A sentence about the leaders' cancelled signing, sourced "according to" someone, does not say the
    leaders signed an accord; one that says they signed an accord does."""
    sourced = ("The lunch and the signing ceremony were dropped, and both leaders left early, according to "
               "officials at the hotel.")
    report = graded(variant(PARAGRAPH, sourced + " " + PARAGRAPH))
    assert "accuracy.contradiction" not in codes(report), [f.message for f in report.findings]
    signed = "Before leaving, both leaders signed a short accord on their next steps."
    assert "accuracy.contradiction" in codes(graded(variant(PARAGRAPH, signed + " " + PARAGRAPH)))
