"""Reading a sentence's structure, not its phrases (issue 10): each rule a reader would state in a sentence,
pinned with wording written for this file, beside a contrast the rule must still catch.

- A report the story calls wrong a sentence or two later ("The figure turned out to be wrong") is not
  asserted; nor one followed by "Nothing had been declared".
- A negation does not reach across a dash; "whether" or "if" opens a clause that is not asserted; a comma
  then an -ing verb opens a clause of its own.
- An act said to be cancelled, scrapped or axed did not happen.
- A `with` sense a proposition needs must be in the sentence; a possessive's owner is not the one who acts.
- A sense's word that only modifies a noun ("election agent") names no event; a name in an aside ("The
  count, demanded by Brandt, confirmed her victory") is not the subject of the clause after it.
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


# --- who is speaking: titles, guesses, a side speaking for its leader, bare proper names ------------------

def attribution(name: str, base: str, extra: str) -> set[str]:
    report = graded(name, base, extra)
    return {f.code or "" for f in report.findings if f.dimension == "attribution" and f.severity != "praise"}


OSEI_WORDS = "Whatever the count says, this town turned out, and that matters more than who wins."
NATARAJAN_WORDS = "I declare that Margaret Osei is duly elected Mayor of Harrowby."


def test_a_gendered_pronoun_passes_over_someone_it_cannot_stand_for() -> None:
    """'she' after Mr Brandt spoke stands for the woman the sentence before named, not for him."""
    extra = (f"Mr Brandt said he would not contest the figures. The hall then turned towards Mrs Osei. "
             f"\"{OSEI_WORDS}\" she said.")
    assert attribution("count-night.yaml", COUNT_BASE, extra) == set()
    assert graded("count-night.yaml", COUNT_BASE, extra).by_code("attribution.right-speaker")


def test_a_pronoun_of_the_right_gender_still_goes_to_the_last_speaker() -> None:
    """Contrast: 'she' after Ms Natarajan spoke is Ms Natarajan, so Mrs Osei's words given so are wrong."""
    extra = (f"Ms Natarajan said the count had been slow. \"{OSEI_WORDS}\" she said.")
    assert "attribution.wrong-speaker" in attribution("count-night.yaml", COUNT_BASE, extra)


def test_a_title_in_the_story_is_what_says_the_gender() -> None:
    """Without a title nothing rules the pronoun out: 'she' still reads as the last one who spoke, so the
    words are not credited to Osei (at best the editor cannot tell)."""
    extra = (f"Brandt said he would not contest the figures. The hall then turned towards Osei. "
             f"\"{OSEI_WORDS}\" she said.")
    report = graded("count-night.yaml", COUNT_BASE, extra)
    assert not report.by_code("attribution.right-speaker")
    assert report.by_code("attribution.wrong-speaker") or report.by_code("attribution.ambiguous-speaker")


def test_a_quote_no_verb_ties_to_anyone_is_not_called_wrong_for_a_speaker_a_sentence_before() -> None:
    """A declaration brought in by 'came the declaration:' has no speaker: the one who spoke in the
    sentence before is a guess, so the editor says it cannot tell."""
    extra = (f"Brandt said: \"When it's this close, every vote deserves a second look. That isn't a complaint, "
             f"it's the job.\"\n\nJust before half past eleven came the result: \"{NATARAJAN_WORDS}\"")
    found = attribution("count-night.yaml", COUNT_BASE, extra)
    assert "attribution.wrong-speaker" not in found
    assert "attribution.ambiguous-speaker" in found


def test_a_speaker_named_with_the_quote_is_still_wrong_when_wrong() -> None:
    extra = f"Just before half past eleven Brandt said: \"{NATARAJAN_WORDS}\""
    assert "attribution.wrong-speaker" in attribution("count-night.yaml", COUNT_BASE, extra)


def test_a_side_speaking_for_its_leader_is_its_leader_speaking() -> None:
    """'Brandt's campaign put out a statement saying "..."' gives the words to Brandt's side."""
    extra = f"Brandt's campaign put out a statement saying \"{OSEI_WORDS}\""
    assert "attribution.wrong-speaker" in attribution("count-night.yaml", COUNT_BASE, extra)


def test_a_side_that_only_asks_for_something_is_not_speaking() -> None:
    """Contrast: 'Brandt's side asked for a recount' does not make Brandt the speaker of the next quote."""
    extra = (f"Earlier Brandt's side asked for a recount. Mrs Osei was calm. \"{OSEI_WORDS}\" she said.")
    assert "attribution.wrong-speaker" not in attribution("count-night.yaml", COUNT_BASE, extra)


def test_a_possessive_speech_noun_with_words_between_marks_the_speaker() -> None:
    """"Osei's only words to the press came late, when she answered a question:" names Osei as the
    speaker though 'only' stands in between, and the pronoun after it is hers."""
    extra = (f"Brandt said little. Osei's only words to the press came late, when she answered a question: "
             f"\"{OSEI_WORDS}\"")
    assert graded("count-night.yaml", COUNT_BASE, extra).by_code("attribution.right-speaker")
    wrong = (f"Osei said little. Brandt's only words to the press came late, when he answered a question: "
             f"\"{OSEI_WORDS}\"")
    assert "attribution.wrong-speaker" in attribution("count-night.yaml", COUNT_BASE, wrong)


SANDERS_WORDS = "their respective teams look forward to meeting in the future"


def test_a_proper_name_with_the_is_known_without_it_before_a_noun() -> None:
    """'the White House' names the press secretary; so does 'a White House note'."""
    extra = f"A White House statement later said both sides' teams \"{SANDERS_WORDS}\"."
    found = attribution("hanoi-summit.yaml", HANOI_BASE, extra)
    assert "attribution.wrong-speaker" not in found
    assert graded("hanoi-summit.yaml", HANOI_BASE, extra).by_code("attribution.right-speaker")
    wrong = f"A Pyongyang statement later said both sides' teams \"{SANDERS_WORDS}\"; Trump said so too."
    assert not graded("hanoi-summit.yaml", HANOI_BASE, wrong).by_code("attribution.right-speaker")


# --- rumours in other words: no certain praise, and a denied fact that is the rumour ------------------

def codes(report: Report) -> set[str]:
    return {f.code or "" for f in report.findings}


def test_a_rumours_subject_in_unreadable_words_withholds_the_praise_for_keeping_it_out() -> None:
    """A sentence in the story's own voice about the Eastfield box, in words the editor cannot read, may be
    the missing-box rumour: the editor says it cannot tell rather than 'you kept it out'."""
    report = graded("count-night.yaml", COUNT_BASE, "For an hour the Eastfield box wandered off somewhere.")
    assert "verification.kept-out" not in codes(report)
    assert "verification.could-not-tell" in codes(report)


def test_a_story_silent_on_a_rumour_is_still_praised_for_keeping_it_out() -> None:
    report = graded("count-night.yaml", COUNT_BASE, "Turnout was 58 per cent, the returning officer said.")
    assert "verification.kept-out" in codes(report)
    assert "verification.could-not-tell" not in codes(report)


def test_denying_a_confirmed_fact_asserts_the_false_rumour_about_the_same_thing() -> None:
    """'The signing ceremony was never cancelled' says, in the story's voice, the rumour that it is still on."""
    found = hanoi("In the end the signing ceremony was never cancelled, whatever the mood in the room.")
    assert "accuracy.contradiction" in found and "verification.rumour-as-fact" in found


def test_a_denial_put_in_someones_mouth_is_not_the_reporters() -> None:
    found = hanoi("Tom Reilly told colleagues the signing ceremony was never cancelled.")
    assert "verification.rumour-as-fact" not in found and "accuracy.contradiction" not in found


def test_a_claims_subject_in_the_storys_own_unreadable_words_withholds_attribution_praise() -> None:
    """'North Korea wanted the whole sanctions regime swept away' is Trump's account in the reporter's voice,
    in words no proposition reads: the editor says it cannot tell and praises no attribution."""
    extra = ("North Korea wanted the whole sanctions regime swept away. "
             "\"We weren't willing to do that,\" Trump said.")
    report = graded("hanoi-summit.yaml", HANOI_BASE, extra)
    assert "attribution.claim-unread" in codes(report)
    assert not [f for f in report.findings if f.dimension == "attribution" and f.severity == "praise"]


def test_a_claims_subject_in_a_sentence_that_reports_speech_is_not_in_doubt() -> None:
    extra = ("Trump said North Korea wanted the whole sanctions regime swept away. "
             "\"We weren't willing to do that,\" Trump said.")
    report = graded("hanoi-summit.yaml", HANOI_BASE, extra)
    assert "attribution.claim-unread" not in codes(report)
    assert report.by_code("attribution.right-speaker")


BRANDT_WORDS = "When it's this close, every vote deserves a second look. That isn't a complaint, it's the job."


def test_a_next_sentence_that_points_back_at_the_words_names_their_speaker() -> None:
    """A lone quote, then 'Brandt offered that reply while ...': the sentence's subject said it."""
    extra = (f"Ms Natarajan said the figures would be read again.\n\n\"{BRANDT_WORDS}\" Brandt offered that "
             "reply while loosening his collar.")
    report = graded("count-night.yaml", COUNT_BASE, extra)
    assert "attribution.wrong-speaker" not in codes(report)
    assert report.by_code("attribution.right-speaker")


def test_a_next_sentence_that_does_not_point_back_names_no_speaker() -> None:
    """Contrast: 'Brandt loosened his collar.' says nothing about the words before it."""
    extra = (f"Ms Natarajan said the figures would be read again.\n\n\"{BRANDT_WORDS}\" Brandt loosened his "
             "collar.")
    assert not graded("count-night.yaml", COUNT_BASE, extra).by_code("attribution.right-speaker")


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


def test_one_who_asks_for_something_is_the_subject_a_later_pronoun_stands_for() -> None:
    """'Brandt asked for the figures to be checked again.' is a request, not a question put to someone: its
    subject is who 'he said' stands for in the next sentence, not a speaker named a paragraph before."""
    extra = (f"Ms Natarajan said the margin was narrow.\n\nBrandt asked for the figures to be checked again. "
             f"\"{BRANDT_WORDS}\" he said.")
    report = graded("count-night.yaml", COUNT_BASE, extra)
    assert "attribution.wrong-speaker" not in codes(report)
    assert report.by_code("attribution.right-speaker")


def test_one_asked_a_question_is_not_the_one_who_asked_it() -> None:
    """Contrast: 'Brandt asked Ms Natarajan whether ...' puts the question to her: 'she said' is hers."""
    extra = (f"Mr Brandt asked Ms Natarajan whether the Eastfield box was in. \"{BRANDT_WORDS}\" she said.")
    assert "attribution.wrong-speaker" in attribution("count-night.yaml", COUNT_BASE, extra)


def test_a_next_sentence_whose_verb_takes_the_quote_as_its_object_names_the_speaker() -> None:
    """A lone quote, then 'Brandt said this while ...' or 'The challenger made the statement ...': "this" and
    "the statement" are the words just quoted, so the subject said them."""
    for after in ("Brandt said this while loosening his collar.",
                  "The challenger made the statement from the stage, his collar loosened."):
        extra = f"Ms Natarajan said the figures would be read again.\n\n\"{BRANDT_WORDS}\" {after}"
        report = graded("count-night.yaml", COUNT_BASE, extra)
        assert "attribution.wrong-speaker" not in codes(report), after
        assert report.by_code("attribution.right-speaker"), after


def test_a_next_sentence_that_says_something_new_names_no_speaker() -> None:
    """Contrast: 'Brandt said that the count was fair.' reports something else he said, not the quote."""
    extra = (f"Ms Natarajan said the figures would be read again.\n\n\"{BRANDT_WORDS}\" Brandt said that the count "
             "had been fair.")
    assert not graded("count-night.yaml", COUNT_BASE, extra).by_code("attribution.right-speaker")


def attribution_codes(extra: str) -> set[str]:
    return {f.code or "" for f in graded("hanoi-summit.yaml", HANOI_BASE, extra).findings
            if f.dimension == "attribution"}


def test_a_pronoun_joined_to_a_name_as_subject_is_one_of_those_who_make_the_claim() -> None:
    """'He and Pompeo told reporters ...' after Trump spoke: Trump is among those who say it, so the claim is
    his, not put in Pompeo's mouth alone."""
    found = attribution_codes("Trump said the mood had been friendly. The room was hot. He and Pompeo later told "
                              "reporters Kim had asked for every sanction to be lifted.")
    assert "attribution.claim-to-wrong-person" not in found and "attribution.claim-as-fact" not in found
    assert "attribution.claim-attributed" in found


def test_a_pronoun_joined_to_a_name_stands_for_whoever_it_stands_for() -> None:
    """Contrast: after Sanders spoke, 'She and Pompeo ...' puts Trump's claim in other mouths."""
    found = attribution_codes("Sanders said the teams would meet again. The room was hot. She and Pompeo later "
                              "told reporters Kim had asked for every sanction to be lifted.")
    assert "attribution.claim-to-wrong-person" in found


KIM_WORDS = "It's too early to say. I would not say I'm pessimistic."


def test_words_said_to_come_from_someone_make_them_the_speaker_a_pronoun_stands_for() -> None:
    """'The one answer of the morning came from Kim.' names Kim as the one who spoke, so the 'he said' of the
    next sentence is his, not that of Trump, who spoke a paragraph before."""
    extra = (f"Trump said the talks had been productive.\n\nThe one answer of the morning came from Kim, in the "
             f"garden. Asked about a deal, he said: \"{KIM_WORDS}\"")
    found = attribution_codes(extra)
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_one_the_words_are_about_is_not_their_source() -> None:
    """Contrast: in 'The sharpest words came from Trump, about Kim' Trump is the source: the 'he' who goes on
    to speak Kim's words is Trump (at most the editor cannot tell), never credited to Kim."""
    extra = (f"Kim said little.\n\nThe sharpest words of the morning came from Trump, about Kim. Asked about a "
             f"deal, he said: \"{KIM_WORDS}\"")
    assert "attribution.right-speaker" not in attribution_codes(extra)


@pytest.mark.parametrize("extra", [
    "Counting stalled for an hour because the Eastfield ballot box had gone astray on its way to the hall.",
    "The Eastfield ballot box was mislaid for an hour, and counting stalled.",
])
def test_a_lost_thing_in_other_words_is_the_missing_rumour(extra: str) -> None:
    """'gone astray' and 'mislaid' say what 'missing' says: the false rumour, in the story's own voice."""
    assert "verification.rumour-as-fact" in count(extra)


def test_a_lost_thing_denied_is_not_the_rumour() -> None:
    """Contrast: the same words, said not to be so."""
    assert "verification.rumour-as-fact" not in count(
        "The Eastfield ballot box had not gone astray: it came in late, held up by a road accident.")


def test_sanctions_gone_is_sanctions_lifted() -> None:
    """'wanted every sanction gone' says what 'wanted sanctions lifted' says: a claim, here in the story's voice."""
    assert "attribution.claim-as-fact" in attribution_errors("Pyongyang wanted every last sanction gone.")


def test_sanctions_gone_put_in_its_owners_mouth_is_attributed() -> None:
    """Contrast: the same words, governed by the claimant's speech verb."""
    found = attribution_codes("Trump said Pyongyang wanted every last sanction gone.")
    assert "attribution.claim-as-fact" not in found and "attribution.claim-attributed" in found


def test_a_claimant_in_a_clause_of_their_own_after_the_claim_does_not_own_it() -> None:
    """'Pyongyang wanted every last sanction gone, and Trump refused' says the claim in the story's voice:
    Trump, named in a clause of his own after it, is not said to be its source."""
    assert "attribution.claim-as-fact" in attribution_errors(
        "Pyongyang wanted every last sanction gone, and Trump said no.")


def test_a_claimant_named_after_the_claim_as_its_speaker_owns_it() -> None:
    """Contrast: '..., Trump said' after the claim is his attribution of it."""
    assert "attribution.claim-as-fact" not in attribution_errors(
        "Pyongyang wanted every last sanction gone, Trump said, and the US would not pay that price.")


FISCHER_WORDS = "People came out for change."


def test_a_name_that_only_owns_the_subject_is_not_the_speaker_of_a_colon_quote() -> None:
    """'Brandt's agent, Lena Fischer, was blunter, adding: "..."': Brandt owns 'agent'; the subject (and
    speaker) is Fischer, not Brandt, so the editor must not call it wrong."""
    extra = f"Mr Brandt's agent, Lena Fischer, was blunter about the turnout, adding: \"{FISCHER_WORDS}\""
    assert "attribution.wrong-speaker" not in attribution("count-night.yaml", COUNT_BASE, extra)
    extra = f"In the hall the mayor's supporters heard one line above the others: \"{NATARAJAN_WORDS}\""
    assert "attribution.wrong-speaker" not in attribution("count-night.yaml", COUNT_BASE, extra)


def test_a_named_subject_before_a_colon_quote_is_still_its_speaker() -> None:
    """Contrast: 'Brandt, at the microphone, added:' names Brandt as the one who spoke Fischer's words."""
    extra = f"Mr Brandt, blunter about the turnout, added: \"{FISCHER_WORDS}\""
    assert "attribution.wrong-speaker" in attribution("count-night.yaml", COUNT_BASE, extra)
    extra = f"Mr Brandt's reaction came fast: \"{FISCHER_WORDS}\""
    assert "attribution.wrong-speaker" in attribution("count-night.yaml", COUNT_BASE, extra)


def test_a_pronoun_subject_of_the_speech_verbs_own_clause_beats_a_source_named_in_an_aside() -> None:
    """'Asked, by one reporter's account, whether he felt sure of a deal, he said:' is the pronoun's person
    speaking (Kim, the sentence before's subject), not the reporter whose account is cited in the aside."""
    extra = (f"Kim took questions in the garden. Asked, by one reporter's account, whether he felt sure of a deal, "
             f"he said: \"{KIM_WORDS}\"")
    found = attribution_codes(extra)
    assert "attribution.wrong-speaker" not in found and "attribution.right-speaker" in found


def test_a_named_speaker_of_the_clause_still_wins_over_a_pronoun_elsewhere() -> None:
    """Contrast: 'After he sat down, Trump said:' has Trump as the verb's subject."""
    extra = f"Kim took questions in the garden. After he sat down, one reporter said: \"{KIM_WORDS}\""
    assert "attribution.wrong-speaker" in attribution_codes(extra)


def test_the_one_asked_a_question_is_who_a_later_pronoun_answering_stands_for() -> None:
    """'We asked the mayor what came next. She took her time. "...," she said.': the one asked answers, not
    the speaker of a paragraph before."""
    extra = (f"Brandt said he would not contest the figures.\n\nWe asked the mayor what came next. She took her "
             f"time. \"{OSEI_WORDS}\" she said.")
    report = graded("count-night.yaml", COUNT_BASE, extra)
    assert "attribution.wrong-speaker" not in codes(report)
    assert report.by_code("attribution.right-speaker")


def test_one_merely_spoken_to_is_not_who_a_later_pronoun_stands_for() -> None:
    """Contrast: 'Brandt told the mayor ...' makes the mayor a listener, not one asked to answer."""
    extra = (f"Brandt said he would not contest the figures.\n\nBrandt told the mayor what came next. The hall "
             f"was quiet. \"{OSEI_WORDS}\" she said.")
    assert not graded("count-night.yaml", COUNT_BASE, extra).by_code("attribution.right-speaker")


# --- a sense's word as a noun modifier, and a name inside an aside -------------------------------------

@pytest.mark.parametrize("extra", [
    "Brandt's election agent spent the evening at the tally tables.",
    "The independent's victory hopes faded as the recount closed.",
])
def test_a_sense_word_that_only_modifies_a_noun_asserts_nothing(extra: str) -> None:
    """"Election agent" names a job, "victory hopes" a hope: neither says Brandt won."""
    assert "accuracy.contradiction" not in count(extra)


def test_a_name_in_an_aside_is_not_the_subject_of_what_follows() -> None:
    """"The second count, demanded by Brandt, confirmed her victory": the count confirmed Osei's win; Brandt
    is in the aside. Without the aside the same words say Brandt won."""
    assert "accuracy.contradiction" not in count("The second count, demanded by the challenger Daniel Brandt, "
                                                 "confirmed her victory by 112 votes.")
    assert "accuracy.contradiction" in count("In the end Brandt sealed victory at 2am.")
    assert "accuracy.contradiction" in count("Brandt's victory speech was short.")


# --- a post's or the hall's talk, put as theirs; a cancelled act beside "no deal" ----------------------

@pytest.mark.parametrize("extra", [
    "Just before midnight a fan page posted that Brandt had taken the seat by 300 votes.",
    "Talk spread through the sports hall that Brandt had won by 300 votes.",
])
def test_a_post_or_talk_reported_as_such_is_not_asserted(extra: str) -> None:
    assert not count(extra) & {"verification.rumour-as-fact", "accuracy.false-rumour"}


def test_the_same_rumour_in_the_storys_own_voice_is_asserted() -> None:
    assert "verification.rumour-as-fact" in count("Before the recount Brandt had won by 300 votes.")


def test_a_headline_listing_a_cancelled_signing_and_no_deal_says_nothing_was_signed() -> None:
    listing = "# Talks end early, signing axed, no agreement for Kim and Trump\n\nHANOI \u2014 {extra}\n"
    found = errors(graded("hanoi-summit.yaml", listing, "The two leaders left Hanoi on Thursday."))
    assert "accuracy.contradiction" not in found
    signed = "# Kim and Trump sign agreement in Hanoi\n\nHANOI \u2014 {extra}\n"
    assert "accuracy.contradiction" in errors(graded("hanoi-summit.yaml", signed, "The two leaders met."))
