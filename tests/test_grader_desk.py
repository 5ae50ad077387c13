"""The desk's checks on stories of our own (issue 10): a holding story with no outcome does not carry the
result, a short scene-setting opening followed at once by the news is a delayed lede (not buried), and the
news further down is still buried. Quotes are real ones from the scenarios."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import Scenario

ROOT = Path(__file__).resolve().parent.parent


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / name)


def graded(name: str, headline: str, body: str) -> Report:
    found = scenario(name)
    return grade(found, Story(headline, body), gathered=None, known=[fact.id for fact in found.facts],
                 verified=(), filed_at=0)


def codes(report: Report) -> set[str]:
    return {finding.code or "" for finding in report.findings}


HOLDING = """The count in the Harrowby mayoral election went to a recount late last night, with the piles on \
the counting tables too close to call.

Daniel Brandt asked for the recount when the candidates were shown the first figures. "When it's this close, \
every vote deserves a second look. That isn't a complaint, it's the job," he said.

The returning officer, Priya Natarajan, agreed. "The margin is within the range where I will grant a recount, \
and I have granted one," she said. She put turnout at 58 per cent, the highest for a mayoral election since 1994.

Margaret Osei, the sitting mayor, waited by a fire door. "Whatever the count says, this town turned out, and that \
matters more than who wins," she said.

No result had been declared when this edition went to press."""


def test_a_holding_story_with_no_outcome_does_not_carry_the_result() -> None:
    report = graded("count-night.yaml", "Harrowby mayoral count goes to a recount", HOLDING)
    missing = {fact for finding in report.findings if finding.code == "completeness.missing-fact"
               for fact in [finding.message]}
    assert any("re-elected" in message for message in missing), missing
    assert "completeness" in report.error_dimensions  # the result weighs more than all the rest
    assert report.scores["completeness"] < 60


def test_the_same_story_with_the_outcome_carries_it() -> None:
    body = HOLDING.replace("No result had been declared when this edition went to press.",
                           "After the recount Ms Natarajan declared Margaret Osei re-elected, by 112 votes.")
    report = graded("count-night.yaml", "Osei re-elected Mayor of Harrowby by 112 votes after recount", body)
    assert "completeness" not in report.error_dimensions
    assert report.scores["completeness"] == 100


HANOI_SCENE = "The tables were laid for lunch. The pens were out for a signing. Neither was used."
HANOI_NEWS = ("The second summit between Donald Trump and Kim Jong Un ended without a deal in Hanoi on Thursday, "
              "after the talks were cut short and the lunch and signing ceremony were cancelled.")
HANOI_REST = [
    "\"Sometimes you have to walk, and this was just one of those times,\" Mr Trump told a news conference. He "
    "said Kim had wanted sanctions \"lifted in their entirety\" without fully dismantling the nuclear program.",
    "Kim had sounded hopeful that morning. \"It's too early to say. I would not say I'm pessimistic,\" he told "
    "a foreign reporter.",
    "The White House said no agreement was reached. Trump said no further summit was planned.",
]


def test_a_short_scene_then_the_news_is_a_delayed_lede_not_a_buried_one() -> None:
    body = "\n\n".join([HANOI_SCENE, HANOI_NEWS, *HANOI_REST])
    report = graded("hanoi-summit.yaml", "A day in Hanoi built around a signing", body)
    assert "news.delayed-lede" in codes(report)
    assert "news_judgement" not in report.error_dimensions


def test_the_news_further_down_is_still_buried() -> None:
    body = "\n\n".join([HANOI_SCENE, *HANOI_REST[:2], HANOI_NEWS, HANOI_REST[2]])
    report = graded("hanoi-summit.yaml", "A day in Hanoi built around a signing", body)
    assert "news.buried-lede" in codes(report)


def test_a_long_opening_does_not_make_a_delayed_lede() -> None:
    long_scene = " ".join([HANOI_SCENE] * 4)  # forty-odd words of scene before the news
    body = "\n\n".join([long_scene, HANOI_NEWS, *HANOI_REST])
    report = graded("hanoi-summit.yaml", "A day in Hanoi built around a signing", body)
    assert "news.buried-lede" in codes(report)


RESULT = """Margaret Osei was re-elected Mayor of Harrowby last night by 112 votes after a recount requested by \
her challenger, Daniel Brandt.

"It was close, and I heard that. I will be a mayor for the half of Harrowby that didn't vote for me too," Ms Osei \
said.

Mr Brandt conceded. "I congratulate Margaret. We'll be back, and we'll be louder," he said. Turnout was 58 per \
cent, the returning officer, Priya Natarajan, said."""


def test_pasting_the_scenes_own_prose_is_copying() -> None:
    scene = ("Trestle tables fill the sports hall, with counters sorting ballot papers into piles under the "
             "basketball hoops. Candidates' people pace the barriers with clipboards. A stage at the far end "
             "waits for the returning officer.")
    report = graded("count-night.yaml", "Osei re-elected by 112 votes", RESULT + "\n\n" + scene)
    assert "accuracy.copied-record" in codes(report)


def test_the_same_scene_in_the_reporters_own_words_is_not_copying() -> None:
    scene = ("Counters worked at long tables in the leisure centre's sports hall, sorting ballots beneath the "
             "basketball hoops while the candidates' teams watched from behind a barrier.")
    report = graded("count-night.yaml", "Osei re-elected by 112 votes", RESULT + "\n\n" + scene)
    assert "accuracy.copied-record" not in codes(report)
    assert "accuracy" not in report.error_dimensions


def test_stock_phrases_shared_with_the_record_are_not_copying() -> None:
    # Each sentence shares a run of a dozen or so words with the record - the names and the plain facts -
    # as wire copy does; none is a copied sentence.
    body = "\n\n".join([HANOI_NEWS, *HANOI_REST,
                        "The second nuclear summit between President Donald Trump and North Korean leader Kim Jong Un "
                        "ended without a deal, officials on both sides confirmed later."])
    report = graded("hanoi-summit.yaml", "Trump-Kim summit ends without a deal", body)
    assert "accuracy.copied-record" not in codes(report)


US_ONLY = '"Sometimes you have to walk, and this was just one of those times," Trump told reporters.'


def balance_of(paragraph: str) -> set[str]:
    body = "\n\n".join([HANOI_NEWS, US_ONLY, paragraph])
    report = graded("hanoi-summit.yaml", "Trump-Kim summit ends without a deal", body)
    return {finding.code or "" for finding in report.findings if finding.dimension == "balance"}


def test_a_side_is_heard_through_a_paraphrase_attributed_to_it() -> None:
    assert balance_of("The North Korean leader told a reporter that morning that he was not pessimistic.") == {
        "balance.every-side"}
    assert balance_of("In Kim's view, it was too early to say.") == {"balance.every-side"}
    assert balance_of("Kim, answering a foreign reporter, said he would not call himself pessimistic.") == {
        "balance.every-side"}


def test_a_side_is_heard_through_its_quote_even_when_the_pronoun_is_unsure() -> None:
    paragraph = ("Trump spoke at length. Then the North Korean leader's aide stepped forward. \"It's too early to "
                 "say. I would not say I'm pessimistic,\" he said.")
    assert "balance.single-voice" not in balance_of(paragraph)


def test_a_side_that_is_only_spoken_of_is_not_heard() -> None:
    assert balance_of("North Korea did not comment, and Kim left for his hotel.") == {"balance.single-voice"}
