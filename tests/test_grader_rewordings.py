"""Generality: each fault class in many wordings, none of them from the blind corpus or the scenario's lists.

Every case is a sentence (or a paragraph) written for this file, added to or swapped into one good story
also written for it, so the fault is the only change. The sentences were written before the grader was run
on them: they are a writer's many ways of making one mistake, and of getting it right. A failure here is a
reading the grader lacks, to be fixed by a general mechanism, never by adding the sentence to a list.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import Scenario

ROOT = Path(__file__).resolve().parent.parent

BASE = (ROOT / "tests" / "stories" / "rewordings" / "base.md").read_text(encoding="utf-8")
"""A good story, about 230 words: the news first, claims attributed, both sides quoted word for word."""

LAST = "The two men first met in Singapore last June."


@cache
def hanoi() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "hanoi-summit.yaml")


def graded(text: str) -> Report:
    scenario = hanoi()
    return grade(scenario, Story.parse(text), gathered=None, known=[fact.id for fact in scenario.facts],
                 verified=[], filed_at=15 * 60 + 30)


def added(paragraph: str) -> str:
    """The base story with one more paragraph before its last."""
    return BASE.replace(LAST, paragraph + "\n\n" + LAST, 1)


def swapped(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def errors(report: Report) -> list[tuple[str | None, str]]:
    return [(f.code, f.message) for f in report.findings if f.severity == "error"]


def praise(report: Report, dimension: str) -> list[str]:
    return [f.message for f in report.findings if f.severity == "praise" and f.dimension == dimension]


def test_the_base_story_is_good() -> None:
    report = graded(BASE)
    assert not report.error_dimensions, errors(report)
    assert report.overall >= 90


# --- the false rumour (the signing is only delayed) stated as fact, in a writer's own words -------------

SIGNING_LATER = [
    "The signing will now happen later in the day.",
    "The leaders will sign the agreement later this week instead.",
    "The ceremony has been moved to another day.",
    "The signing was rescheduled for Friday.",
    "A signing is now expected tomorrow.",
    "The signing ceremony is now slated for the evening.",
    "The signing was pushed to a later date.",
    "The ceremony was merely put off until the afternoon.",
    "The two sides will hold the signing once the talks resume.",
    "Instead of a lunch, the signing will take place at the end of the day.",
    "The signing has been put on hold until later.",
    "The ceremony, delayed by a few hours, will still go ahead.",
]


@pytest.mark.parametrize("sentence", SIGNING_LATER)
def test_the_signing_put_later_in_the_story_s_voice_is_a_verification_error(sentence: str) -> None:
    report = graded(added(sentence))
    assert "verification" in report.error_dimensions, sentence
    assert not praise(report, "verification")


def test_a_headline_that_says_the_signing_is_delayed_is_a_verification_error() -> None:
    report = graded(BASE.replace("Hanoi summit collapses without a deal", "Signing delayed as Hanoi talks stall", 1))
    assert "verification" in report.error_dimensions


SIGNING_RIGHT = [
    "Tom's tip that the signing was merely delayed proved false: the ceremony had been cancelled.",
    "Rumours that the signing would take place later turned out to be wrong.",
    "A signing ceremony planned for the afternoon was called off.",
    "Hotel staff stacked away the chairs that had been set out for the signing.",
    "Officials said there would be no signing at all.",
]


@pytest.mark.parametrize("sentence", SIGNING_RIGHT)
def test_the_signing_rightly_put_is_no_error(sentence: str) -> None:
    report = graded(added(sentence))
    assert not report.error_dimensions, (sentence, errors(report))


# --- a one-sided claim stated as fact ----------------------------------------------------------------

CLAIMS_AS_FACT = [
    "Kim demanded that every sanction be lifted before giving up his weapons.",
    "North Korea wanted the sanctions scrapped in full.",
    "Pyongyang had insisted on an end to all sanctions.",
    "Kim was prepared to close Yongbyon in exchange for relief.",
    "The North offered to shut its main nuclear complex at Yongbyon.",
    "Kim did not know what had happened to Otto Warmbier.",
    "Kim was unaware of Otto Warmbier's treatment at the time.",
]


@pytest.mark.parametrize("sentence", CLAIMS_AS_FACT)
def test_a_claim_stated_as_fact_in_other_words_is_an_attribution_error(sentence: str) -> None:
    report = graded(added(sentence))
    assert "attribution" in report.error_dimensions, sentence


CLAIMS_OWNED = [
    "Kim, Trump said, had demanded that every sanction be lifted.",
    "In Trump's account, North Korea wanted the sanctions scrapped in full.",
    "Trump insisted that Kim had not known what happened to Otto Warmbier.",
    "Pompeo said the North had offered to shut its complex at Yongbyon.",
    "Trump said he believed Kim was unaware of Otto Warmbier's treatment at the time.",
]


@pytest.mark.parametrize("sentence", CLAIMS_OWNED)
def test_a_claim_given_to_its_owner_is_no_error(sentence: str) -> None:
    report = graded(added(sentence))
    assert not report.error_dimensions, (sentence, errors(report))


# --- false in the story's own voice --------------------------------------------------------------------

FALSE_OWN_VOICE = [
    ("ended on Thursday without a deal", "ended on Thursday with a deal signed by both men"),
    ("HANOI, Vietnam -", "SEOUL -"),
    ("The second summit between", "The three-day second summit between"),
    (LAST, "The two leaders agreed to meet again next month. " + LAST),
    (LAST, "A third summit has already been scheduled for the spring. " + LAST),
    (LAST, "Trump and Kim signed a joint declaration before leaving. " + LAST),
    ("Hanoi summit collapses without a deal", "Trump and Kim seal deal in Hanoi"),
    ("ended on Thursday", "ended on Wednesday"),
]


@pytest.mark.parametrize(("old", "new"), FALSE_OWN_VOICE)
def test_a_falsehood_in_the_story_s_voice_is_an_accuracy_error(old: str, new: str) -> None:
    report = graded(swapped(old, new))
    assert "accuracy" in report.error_dimensions, new


# --- quotations: styles, speakers, changes ------------------------------------------------------------

MISATTRIBUTED = [
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     '"Sometimes you have to walk, and this was just one of those times," Kim said as he left.'),
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     'Kim put it simply: "Sometimes you have to walk, and this was just one of those times."'),
    ('"It\'s too early to say. I would not say I\'m pessimistic," he said.',
     '"It\'s too early to say. I would not say I\'m pessimistic," Trump said.'),
    ('"It\'s too early to say. I would not say I\'m pessimistic," he said.',
     'Pompeo told reporters: "It\'s too early to say. I would not say I\'m pessimistic."'),
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     "'Sometimes you have to walk, and this was just one of those times,' said Mr Kim."),
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     'KIM JONG UN SAID: "Sometimes you have to walk, and this was just one of those times."'),
]


@pytest.mark.parametrize(("old", "new"), MISATTRIBUTED)
def test_words_given_to_the_wrong_person_are_an_attribution_error(old: str, new: str) -> None:
    report = graded(swapped(old, new))
    assert "attribution" in report.error_dimensions, new
    assert not any("Rightly attributed" in message for message in praise(report, "attribution")
                   if "walk" in new and "Kim" in message)


RIGHTLY_ATTRIBUTED = [
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     "'Sometimes you have to walk, and this was just one of those times,' Mr Trump said."),
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     'TRUMP SAID: "Sometimes you have to walk, and this was just one of those times."'),
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     '"Sometimes you have to walk," the president told reporters, "and this was just one of those times."'),
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     'Trump, who spoke for almost an hour at his hotel, said: "Sometimes you have to walk, and this was just '
     'one of those times."'),
    ('"Sometimes you have to walk, and this was just one of those times," Trump said at a news conference.',
     '\u201cSometimes you have to walk, and this was just one of those times,\u201d Trump said.'),
]


@pytest.mark.parametrize(("old", "new"), RIGHTLY_ATTRIBUTED)
def test_a_quote_given_to_its_speaker_in_any_style_is_no_error(old: str, new: str) -> None:
    report = graded(swapped(old, new))
    assert not report.error_dimensions, (new, errors(report))


INVENTED_OR_CHANGED = [
    "'We will be back here very soon to finish the job,' Mr Trump said.",
    '"We got very close, and next time we will sign," Trump said.',
    '"If I\'m willing to [give up everything, I] wouldn\'t be here right now," Kim said.',
    '"It\'s too early to say. I would ... say I\'m pessimistic," Kim said.',
    '"I would say I\'m pessimistic," Kim said.',
    '\u2018Sometimes you have to stay, and this was one of those times,\u2019 Trump said.',
]


@pytest.mark.parametrize("paragraph", INVENTED_OR_CHANGED)
def test_an_invented_or_changed_quote_is_a_quotes_error(paragraph: str) -> None:
    report = graded(added(paragraph))
    assert "quotes" in report.error_dimensions, paragraph
    assert not any(message.startswith(("Word for word", "A faithful")) and "pessimistic" in paragraph
                   and "pessimistic" in message for message in praise(report, "quotes"))


# --- praise only what is certain ---------------------------------------------------------------------

def test_no_praise_for_keeping_out_a_rumour_the_story_states() -> None:
    for sentence in SIGNING_LATER:
        report = graded(added(sentence))
        assert not any("kept" in message.lower() for message in praise(report, "verification")), sentence


# --- whole good stories in other styles ------------------------------------------------------------------

GOOD_STORIES = sorted(path.name for path in (ROOT / "tests" / "stories" / "rewordings").glob("good-*.md"))


@pytest.mark.parametrize("name", GOOD_STORIES)
def test_a_good_story_in_another_style_gets_no_error_and_90(name: str) -> None:
    report = graded((ROOT / "tests" / "stories" / "rewordings" / name).read_text(encoding="utf-8"))
    assert not report.error_dimensions, errors(report)
    assert report.overall >= 90


# --- true sentences that name a wrong-looking value -------------------------------------------------------

TRUE_WITH_VALUES = [
    "The summit had opened on Wednesday evening with a dinner; it ended on Thursday.",
    "Kim's delegation is expected to travel back to Pyongyang by train after the summit.",
    "After the summit, Trump flew home to Washington.",
    "Officials in Seoul, which has pushed hard for the talks, said they were disappointed by the summit.",
    "The two-day summit was the pair's second; the first, in Singapore, lasted one day.",
    "Washington and Pyongyang failed to bridge the gap at the summit.",
    "Many in Beijing had watched the talks closely.",
]


@pytest.mark.parametrize("sentence", TRUE_WITH_VALUES)
def test_a_true_sentence_naming_other_places_or_days_is_no_error(sentence: str) -> None:
    report = graded(added(sentence))
    assert not report.error_dimensions, (sentence, errors(report))


# --- claims given to a side, not a name ----------------------------------------------------------------

CLAIMS_TO_A_SIDE = [
    "US officials said Kim had wanted every sanction lifted.",
    "The Americans say North Korea demanded an end to all sanctions.",
    "Kim wanted the sanctions lifted, the president told reporters.",
    "Kim wanted the sanctions lifted. That, at least, is the American account.",
]


@pytest.mark.parametrize("sentence", CLAIMS_TO_A_SIDE)
def test_a_claim_given_to_a_side_or_in_the_next_sentence_is_no_error(sentence: str) -> None:
    report = graded(added(sentence))
    assert not report.error_dimensions, (sentence, errors(report))


# --- who spoke: pronouns and structure -------------------------------------------------------------------

PRONOUN_MISATTRIBUTED = [
    # Kim is the subject just before: "he" is Kim, and the words are Trump's.
    'Kim left the hotel without speaking to reporters. Earlier he had said: "Sometimes you have to walk, '
    'and this was just one of those times."',
    # The speaker is named in the next sentence's speech verb, and it is the wrong one.
    '"We weren\'t willing to do that." Those were Kim\'s words as he left.',
    'Mr Kim was blunt. "We felt it wasn\'t a good thing to be signing anything," he said.',
]


@pytest.mark.parametrize("paragraph", PRONOUN_MISATTRIBUTED)
def test_a_pronoun_or_a_later_name_that_gives_words_to_the_wrong_person_is_an_error(paragraph: str) -> None:
    report = graded(added(paragraph))
    assert "attribution" in report.error_dimensions, paragraph


PRONOUN_RIGHT = [
    'Mr Trump was blunt. "We felt it wasn\'t a good thing to be signing anything," he said.',
    'Trump turned to the sanctions. "We weren\'t willing to do that," the president said.',
    'A reporter asked Kim whether he was confident. He replied: "It\'s too early to say. I would not say '
    'I\'m pessimistic."',
]


@pytest.mark.parametrize("paragraph", PRONOUN_RIGHT)
def test_a_pronoun_that_resolves_to_the_speaker_is_no_error(paragraph: str) -> None:
    report = graded(added(paragraph))
    assert not report.error_dimensions, (paragraph, errors(report))


def test_a_quote_no_verb_ties_to_anyone_is_not_praised_as_rightly_attributed() -> None:
    paragraph = "Kim and Trump sat side by side. \"That might be the best answer you've ever heard.\""
    report = graded(added(paragraph))
    start = report_text_offset(added(paragraph), "That might be")
    assert not any(f.code == "attribution.right-speaker" and f.span and f.span[0] <= start <= f.span[1]
                   for f in report.findings)
    assert any(f.code == "attribution.cannot-tell" and f.span and f.span[0] <= start <= f.span[1]
               for f in report.findings)


def report_text_offset(text: str, words: str) -> int:
    story = Story.parse(text)
    return story.text.index(words)


# --- a pronoun the record resolves: never "wrong speaker" when the real speaker is its likely antecedent ---

@pytest.mark.parametrize("paragraph", [
    "Mr Trump gave his account. His account of the breakdown was that Mr Kim wanted sanctions \"lifted in "
    "their entirety\". \"We weren't willing to do that,\" he said.",
    "Mr Trump still reckons Kim is \"quite a guy, quite a character\". Will they meet again? No summit is "
    "planned. \"It might be soon, it might not be for a long time,\" said the President.",
])
def test_a_pronoun_that_can_mean_the_real_speaker_is_not_a_wrong_speaker(paragraph: str) -> None:
    report = graded(added(paragraph))
    assert not report.by_code("attribution.wrong-speaker"), errors(report)
    assert report.by_code("attribution.ambiguous-speaker") or report.by_code("attribution.right-speaker")


def test_a_quote_given_by_name_to_the_wrong_person_is_still_a_wrong_speaker() -> None:
    report = graded(added("Mr Trump spoke first. \"We weren't willing to do that,\" Mr Kim said."))
    assert report.by_code("attribution.wrong-speaker"), errors(report)


def test_a_pronoun_whose_only_antecedent_did_not_say_it_is_a_wrong_speaker() -> None:
    report = graded(added("Mr Kim arrived late.\n\nMr Kim was unmoved. \"We weren't willing to do that,\" "
                          "he said."))
    assert report.by_code("attribution.wrong-speaker") or report.by_code(
        "attribution.ambiguous-speaker"), errors(report)
