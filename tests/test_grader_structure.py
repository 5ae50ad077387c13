"""Reading a sentence's structure, not its phrases (issue 10): each rule a reader would state in a sentence,
pinned with wording written for this file, beside a contrast the rule must still catch.

- A report the story calls wrong a sentence or two later ("The figure turned out to be wrong") is not
  asserted; nor one followed by "Nothing had been declared".
- A negation does not reach across a dash; "whether" or "if" opens a clause that is not asserted; a comma
  then an -ing verb opens a clause of its own.
- An act said to be cancelled, scrapped or axed did not happen.
- A `with` sense a proposition needs must be in the sentence; a possessive's owner is not the one who acts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
HANOI_BASE = ("# Summit over\n\nHANOI \u2014 Donald Trump and Kim Jong Un met for a second day on Thursday.\n\n"
              "{extra}\n")
COUNT_BASE = ("# Osei keeps Harrowby\n\nMargaret Osei was re-elected Mayor of Harrowby by 112 votes after a recount "
              "asked for by her challenger, Daniel Brandt.\n\n{extra}\n")
WRONG = {"accuracy", "verification"}


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / name)


def graded(name: str, base: str, extra: str) -> Report:
    found = scenario(name)
    return grade(found, Story.parse(base.format(extra=extra)), gathered=None,
                 known=[fact.id for fact in found.facts], verified=[], filed_at=23 * 60)


def errors(report: Report) -> set[str]:
    return {f.code or "" for f in report.findings if f.severity == "error" and f.dimension in WRONG}


def hanoi(extra: str) -> set[str]:
    return errors(graded("hanoi-summit.yaml", HANOI_BASE, extra))


def count(extra: str) -> set[str]:
    return errors(graded("count-night.yaml", COUNT_BASE, extra))


@pytest.mark.parametrize("extra", [
    "A fan page posted that Brandt had won by 300 votes. Counting went on for another hour. The figure turned "
    "out to be wrong.",
    "Before midnight a supporters' feed posted that Brandt had won by 300 votes. Nothing had been declared.",
    "Someone in the hall shouted that Brandt had won by 300 votes, which was mistaken.",
])
def test_a_report_the_story_calls_wrong_later_is_not_asserted(extra: str) -> None:
    assert not count(extra)


def test_a_report_left_standing_is_still_an_error() -> None:
    assert count("Brandt won by 300 votes. Counting went on for another hour.")


@pytest.mark.parametrize("extra", [
    "The meeting broke up with no agreement \u2014 the talks were cut short.",
    "Asked whether the two men would sign a deal, an aide shrugged.",
    "They parted without an accord, scrapping the signing ceremony.",
    "There was no agreement. The lunch and the signing ceremony were axed.",
    "The summit ended without an accord after the lunch and signing were called off.",
])
def test_a_clause_that_does_not_assert_a_deal_is_no_contradiction(extra: str) -> None:
    assert not hanoi(extra), extra


@pytest.mark.parametrize("extra", ["Trump and Kim signed a deal on Thursday.",
                                   "The talks were not cut short."])
def test_a_deal_or_a_full_day_in_the_storys_voice_is_still_an_error(extra: str) -> None:
    assert "accuracy.contradiction" in hanoi(extra)


def test_a_proposition_needs_its_with_sense() -> None:
    # The false post's proposition needs "300": taking the lead is not it, and taking the town is not the rumour.
    assert not count("Brandt took an early lead in the count.")
    assert "accuracy.false-rumour" in count("Brandt took the town by 300 votes, the story says as fact.") or \
        "verification.rumour-as-fact" in count("Brandt took the town by 300 votes.")


def test_a_possessive_owner_is_not_the_one_who_acts() -> None:
    assert not count("Brandt's supporters claimed victory for a while.")
    assert "accuracy.contradiction" in count("Brandt's victory was declared at midnight.")


def attribution_errors(extra: str) -> set[str]:
    report = graded("hanoi-summit.yaml", HANOI_BASE, extra)
    return {f.code or "" for f in report.findings if f.severity == "error" and f.dimension == "attribution"}


@pytest.mark.parametrize("extra", [
    "Trump spoke for an hour. His version was that Kim had asked for every sanction to be lifted.",
    "Trump's explanation of the collapse is that Kim had asked for every sanction to be lifted.",
])
def test_a_claim_put_as_someones_account_is_not_the_storys_voice(extra: str) -> None:
    assert "attribution.claim-as-fact" not in attribution_errors(extra)


def test_the_same_claim_bare_is_still_claim_as_fact() -> None:
    assert "attribution.claim-as-fact" in attribution_errors("Kim had asked for every sanction to be lifted.")


def speaker_codes(extra: str) -> set[str]:
    report = graded("hanoi-summit.yaml", HANOI_BASE, extra)
    return {f.code or "" for f in report.findings if f.dimension == "attribution" and f.severity != "info"}


def test_a_name_after_but_opens_a_new_clause_and_does_not_claim_the_quote() -> None:
    # The press secretary's words, then Trump as the subject of a clause of his own.
    found = speaker_codes('In its statement the White House said the two teams "look forward to meeting in the '
                          'future", and Trump said nothing was fixed yet.')
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_a_quote_after_the_closing_mark_still_goes_to_the_name_there() -> None:
    found = speaker_codes('"Sometimes you have to walk, and this was just one of those times," Kim said.')
    assert "attribution.wrong-speaker" in found


def test_a_next_sentence_with_news_of_its_own_does_not_name_a_lone_quotes_speaker() -> None:
    found = speaker_codes('Trump said he had turned down what was on the table. "We weren\'t willing to do that." '
                          "Pompeo said Kim had offered to give up Yongbyon.")
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_a_next_sentence_that_only_attributes_names_the_lone_quotes_speaker() -> None:
    found = speaker_codes('"We weren\'t willing to do that." Pompeo said at the hotel.')
    assert "attribution.wrong-speaker" in found


def test_a_sentence_that_refers_back_names_the_speaker_even_without_said() -> None:
    found = speaker_codes('Kim had little to say in public. "Sometimes you have to walk, and this was just one of '
                          'those times." That was how the president put the day at his news conference.')
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_the_one_answered_is_spoken_to_not_speaking() -> None:
    found = speaker_codes('Kim, hours before, answered a foreign reporter\'s question, it is thought for the first '
                          'time: "It\u2019s too early to say. I would not say I\u2019m pessimistic."')
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_adding_goes_on_with_the_sentences_own_speaker() -> None:
    found = speaker_codes('Trump spoke first. He said Kim had wanted sanctions "lifted in their entirety" for too '
                          'little, adding: "We weren\'t willing to do that."')
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_a_possessive_account_makes_its_owner_the_speaker() -> None:
    found = speaker_codes('Trump took questions. His account was that Kim wanted sanctions "lifted in their entirety".')
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_a_name_before_an_aside_is_still_its_sentences_subject() -> None:
    found = speaker_codes('Trump spoke at length. Earlier that day Kim, in a rare exchange with the press, had '
                          'sounded upbeat. "It\u2019s too early to say. I would not say I\u2019m pessimistic," '
                          'he said.')
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_a_speaker_only_guessed_from_the_nearest_name_is_reported_as_unclear_not_wrong() -> None:
    report = graded("hanoi-summit.yaml", HANOI_BASE, 'Pompeo was in the room. Later came the line of the day: '
                    '"Sometimes you have to walk, and this was just one of those times."')
    unclear = [f for f in report.findings if f.code == "attribution.ambiguous-speaker"]
    assert unclear and "could not tell" in unclear[0].message
    assert not [f for f in report.findings if f.code == "attribution.wrong-speaker"]


def test_a_quote_a_verb_gives_to_the_wrong_person_is_still_wrong() -> None:
    assert "attribution.wrong-speaker" in speaker_codes('Pompeo said: "Sometimes you have to walk, and this was '
                                                        'just one of those times."')


def quote_codes(extra: str) -> set[str]:
    report = graded("hanoi-summit.yaml", HANOI_BASE, extra)
    return {f.code or "" for f in report.findings if f.dimension == "quotes"}


def test_a_trailing_ellipsis_that_cuts_off_a_negation_is_a_misquote() -> None:
    assert "quotes.ellipsis-changes-meaning" in quote_codes('Trump said: "We felt it\u2026"')
    assert "quotes.ellipsis-changes-meaning" in quote_codes('Kim said: "It\u2019s too early to say. I would ..."')


def test_a_trailing_ellipsis_that_drops_nothing_that_turns_the_meaning_is_faithful() -> None:
    found = quote_codes('Trump said: "Sometimes you have to walk, and this was just one of those times. ..."')
    assert "quotes.ellipsis-changes-meaning" not in found
    found = quote_codes('Trump said: "Sometimes you have to walk..."')
    assert "quotes.ellipsis-changes-meaning" not in found and "quotes.partial" in found


def test_the_name_in_the_speech_verbs_own_clause_is_the_speaker() -> None:
    # Trump's words given to Kim by the clause that governs the colon: a misattribution, not Trump's.
    found = speaker_codes('As Trump finished, Kim leaned over and said: "Sometimes you have to walk, and this was '
                          'just one of those times."')
    assert "attribution.wrong-speaker" in found
    found = speaker_codes('As Kim listened, Trump leaned over and said: "Sometimes you have to walk, and this was '
                          'just one of those times."')
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_the_speaker_whose_verb_governs_the_colon_wins_over_one_named_in_an_aside() -> None:
    found = speaker_codes('Pompeo, speaking after the president told reporters he had walked, explained it this '
                          'way: "Sometimes you have to walk, and this was just one of those times."')
    assert "attribution.wrong-speaker" in found


def test_a_quote_cut_to_begin_after_a_negation_is_a_misquote() -> None:
    # The statement's own sentence begins "No agreement was reached": a quote that starts after "No" says the
    # opposite, with a leading ellipsis or without one.
    assert "quotes.ellipsis-changes-meaning" in quote_codes(
        'The White House said the leaders had talked at length: "\u2026agreement was reached at this time."')
    assert "quotes.ellipsis-changes-meaning" in quote_codes(
        'The White House statement was upbeat, saying "agreement was reached at this time".')
    assert "quotes.ellipsis-changes-meaning" in quote_codes(
        'Kim was asked about his hopes and said: "... say I\u2019m pessimistic."')


def test_a_quote_that_begins_mid_sentence_keeps_its_meaning_when_the_story_carries_the_negation() -> None:
    found = quote_codes('The White House said no "agreement was reached at this time".')
    assert "quotes.ellipsis-changes-meaning" not in found
    found = quote_codes('Kim said he would not say he was "pessimistic".')
    assert "quotes.ellipsis-changes-meaning" not in found
    found = quote_codes('Trump said that "you have to walk" at times.')
    assert "quotes.ellipsis-changes-meaning" not in found
