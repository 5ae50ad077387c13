"""The grader, check by check, on the example scenario and a richer variant of it built here."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.engine import choose, filing_time, new_game, options
from game.grader import Finding, Report, Story, grade, grade_filed, strong_story_notes
from game.grading.matching import closest, exact_matches, locate, split, word_diff
from game.grading.record import record_of
from game.grading.text import normalise, read, words
from game.loader import load_scenario
from game.model import DIMENSIONS, Scenario

ROOT = Path(__file__).resolve().parent.parent
BRIDGE = ROOT / "scenarios" / "example-bridge.yaml"
NOON = 12 * 60
LEDE = "Council votes 5-2 to close the old bridge"
OPENING = "Millbrook council voted 5-2 on Tuesday to close the old iron bridge from Monday."
RUIZ = "The engineers were clear. We close the bridge on Monday or we gamble with lives."
OKAFOR = "Every shop on River Street just lost half its customers."


@pytest.fixture(scope="module")
def bridge() -> Scenario:
    return load_scenario(BRIDGE)


def _richer() -> Scenario:
    """The bridge scenario with a governor (a role-like alias), claims, a true rumour, a second-hand quote."""
    data: dict[str, Any] = yaml.safe_load(BRIDGE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["people"].append({"id": "park", "name": "Lena Park", "role": "Governor", "real": False,
                           "names": ["Park", "the governor", "Governor Park"]})
    data["quotes"] += [
        {"id": "park-money", "speaker": "park", "kind": "statement", "context": "In a written statement",
         "text": "We will find the money for a new bridge, but not this year."},
        {"id": "ruiz-aside", "speaker": "ruiz", "kind": "second_hand", "heard_from": "okafor",
         "context": "What Okafor says the mayor told him", "text": "Tell them the bridge is finished for good."},
        {"id": "okafor-bridge", "speaker": "okafor", "kind": "on_record", "context": "On the steps",
         "text": "The bridge is finished and so is River Street."},
    ]
    data["facts"] += [
        {"id": "cost-claim", "statement": "Okafor says the closure will cost River Street shops two million.",
         "status": "claim", "claimed_by": "okafor", "wording": ["cost River Street shops two million"]},
        {"id": "funds-claim", "statement": "The governor says money for repairs is already set aside.",
         "status": "claim", "claimed_by": "park", "accurate": False,
         "excerpt": "Governor Park and the mayor both said the money is already set aside",
         "wording": ["money is already set aside"], "check": "The budget has no such line."},
        {"id": "ferry-rumour", "statement": "A ferry will run while the bridge is shut.", "status": "rumour",
         "accurate": True, "wording": ["ferry will run"], "check": "The harbour office confirms it."},
        {"id": "closure-date", "statement": "The bridge closes on Monday.", "status": "confirmed",
         "wording": ["from Monday", "closes on Monday"], "contradictions": ["stays open until June"]},
    ]
    data["filing"]["min_words"] = 0
    data["filing"]["key_facts"] = [{"fact": "vote", "weight": 3}, {"fact": "closure-date", "weight": 1}]
    data["filing"]["balance"].append({"label": "The state", "people": ["park"]})
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def richer() -> Scenario:
    return _richer()


def story(body: str, headline: str = LEDE) -> Story:
    return Story(headline, body)


def graded(scenario: Scenario, body: str, headline: str = LEDE, *, filed_at: int = NOON - 20,
           gathered: list[str] | None = None, verified: tuple[str, ...] = (),
           known: tuple[str, ...] = ()) -> Report:
    return grade(scenario, story(body, headline), gathered=gathered, verified=verified, known=known,
                 filed_at=filed_at)


def found(report: Report, dimension: str, severity: str) -> list[Finding]:
    return [f for f in report.findings if f.dimension == dimension and f.severity == severity]


def marked(report: Report, text: str, dimension: str, severity: str) -> list[str]:
    """The story text under each finding of a kind."""
    return [text[f.span[0]:f.span[1]] for f in found(report, dimension, severity) if f.span]


GOOD = (f'{OPENING}\n\n"{RUIZ}" Mayor Ana Ruiz said after the vote.\n\n'
        f'Councillor Daniel Okafor, who voted against, said: \u201c{OKAFOR}\u201d')


# --- reading the text ---------------------------------------------------------------------------

def test_normalise_keeps_every_offset() -> None:
    raw = "\u201cIt\u2019s \u2014 fine\u2026\u201d\u00a0she\r\nsaid\rthen"
    plain = normalise(raw)
    assert len(plain) == len(raw)
    assert plain.startswith("\"It's - fine")
    assert "\r" not in plain and plain.count("\n") == 2


def test_words_ignore_case_punctuation_and_keep_inner_apostrophes() -> None:
    assert words("We weren\u2019t willing \u2014 the 22-year-old, 5-2!") == [
        "we", "weren't", "willing", "the", "22-year-old", "5-2"]


def quotes_in(text: str) -> list[str]:
    reading = read(text, 0)
    return [" | ".join(reading.text[s:e] for s, e in q.parts) for q in reading.quotations]


def test_straight_and_curly_quotes_are_found() -> None:
    assert quotes_in('\n\nHe said "one two three" and \u201cfour five\u201d.') == ["one two three", "four five"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert quotes_in("\n\nIt's the mayor's bridge, isn't it? The Joneses\u2019 shop shut.") == []


def test_single_quotes_inside_double_quotes_stay_inside() -> None:
    assert quotes_in("\n\n\"He told me 'close it', and we did,\" she said.") == [
        "He told me 'close it', and we did,"]


def test_curly_single_quotes_at_the_top_level_are_quotations() -> None:
    assert quotes_in("\n\nThe mayor said \u2018we close the bridge\u2019 and left; it\u2019s over.") == [
        "we close the bridge"]


def test_a_quote_runs_on_over_paragraphs_when_the_next_opens_with_a_mark() -> None:
    text = '\n\n"First paragraph of the quote.\n\n"Second paragraph," she said.\n\nAfter.'
    reading = read(text, 0)
    assert len(reading.quotations) == 1
    quote = reading.quotations[0]
    assert [reading.text[s:e] for s, e in quote.parts] == ["First paragraph of the quote.", "Second paragraph,"]
    assert quote.closed


def test_an_unclosed_quote_ends_with_its_paragraph() -> None:
    reading = read('\n\n"Never closed here\n\nNext paragraph is plain.', 0)
    assert len(reading.quotations) == 1 and not reading.quotations[0].closed
    assert reading.text[slice(*reading.quotations[0].parts[0])] == "Never closed here"


def test_a_stray_closing_mark_is_passed_over() -> None:
    assert quotes_in("\n\nStray\u201d mark, then \u201cgood words\u201d.") == ["good words"]


def test_sentences_do_not_break_inside_quotes_or_after_abbreviations() -> None:
    text = '\n\n"One. Two. Three," said Mr. Okafor. Then he left.'
    reading = read(text, 0)
    assert [reading.text[s:e] for s, e in reading.sentences] == [
        '"One. Two. Three," said Mr. Okafor.', "Then he left."]


def test_a_body_without_blank_lines_breaks_at_each_newline() -> None:
    reading = read("Head\n\nOne.\nTwo.", 4)
    assert [reading.text[s:e] for s, e in reading.paragraphs] == ["Head", "One.", "Two."]


# --- matching against the record ----------------------------------------------------------------

ORIGINAL = tuple(words("I don't believe [Kim] knew about it. He felt badly about it, he knew the case very well"))


@pytest.mark.parametrize("quoted", [
    "I don't believe [Kim] knew about it",
    "he felt badly about it",                      # partial, lower-case first letter
    "I don't believe ... he knew the case",        # ellipsis keeping the order
    "I don't believe \u2026 he knew the case",
    "I don't believe [the North Korean leader] knew about it",  # brackets stand in for words
    "he knew the case very well.",                 # punctuation does not count
])
def test_faithful_quotes_are_located(quoted: str) -> None:
    assert locate(split(quoted).pieces, ORIGINAL) is not None


@pytest.mark.parametrize("quoted", [
    "he knew the case ... I don't believe",        # ellipsis out of order
    "I do believe Kim knew about it",               # a changed word
    "he felt bad about it",
    "I don't believe [Kim] [really] [truly] [ever] [once] [at] [all] knew about it ever",
])
def test_unfaithful_quotes_are_not(quoted: str) -> None:
    assert locate(split(quoted).pieces, ORIGINAL) is None


def test_closest_original_and_word_diff(bridge: Scenario) -> None:
    said = record_of(bridge).said
    pieces = split("Every shop on River Street just lost all its customers")
    assert exact_matches(pieces, said) == []
    match = closest(pieces, said)
    assert match is not None and match.said.quote.id == "okafor-shops" and match.ratio > 0.8
    assert word_diff(pieces.own_words, match.said.words) == "\u2026 street just lost [-half-] {+all+} its customers"


# --- quotes -------------------------------------------------------------------------------------

def test_verbatim_quotes_earn_praise_and_point_at_the_quote(bridge: Scenario) -> None:
    report = graded(bridge, GOOD)
    text = story(GOOD).text
    assert marked(report, text, "quotes", "praise") == [f'"{RUIZ}"', f"\u201c{OKAFOR}\u201d"]
    assert report.scores["quotes"] == 100
    assert marked(report, text, "attribution", "praise") == [f'"{RUIZ}"', f"\u201c{OKAFOR}\u201d"]
    assert report.scores["attribution"] == 100


def test_a_partial_quote_and_an_ellipsis_are_faithful(bridge: Scenario) -> None:
    body = (f'{OPENING}\n\nThe mayor said the town would "close the bridge on Monday" rather than '
            '"gamble with lives". "The engineers were clear ... we gamble with lives," Ruiz said.')
    report = graded(bridge, body)
    assert len(found(report, "quotes", "praise")) == 3
    assert not found(report, "quotes", "error")


def test_an_altered_word_is_a_misquote_with_a_word_diff(bridge: Scenario) -> None:
    body = f'{OPENING}\n\n"Every shop on River Street just lost all its customers," Okafor said.'
    report = graded(bridge, body)
    [error] = found(report, "quotes", "error")
    assert error.message.startswith("Misquote")
    assert error.detail is not None and "[-half-] {+all+}" in error.detail and OKAFOR in error.detail
    assert report.scores["quotes"] < 100 and "quotes" in report.error_dimensions


def test_an_invented_quote_fails_quotes_outright_and_caps_the_overall(bridge: Scenario) -> None:
    body = f'{GOOD}\n\n"We will build a brand new bridge by Christmas," Mayor Ruiz promised.'
    report = graded(bridge, body)
    [error] = found(report, "quotes", "error")
    assert error.message.startswith("Invented quote") and "Ana Ruiz" in error.message
    assert report.scores["quotes"] == 0
    assert report.overall <= 35


def test_short_scare_quotes_are_not_inventions(bridge: Scenario) -> None:
    report = graded(bridge, f'{GOOD}\n\nSome call it a "historic" day.')
    assert not found(report, "quotes", "error") and not found(report, "quotes", "warning")
    report = graded(bridge, f'{GOOD}\n\nOkafor called it "a disgrace".')
    assert [f.message[:34] for f in found(report, "quotes", "warning")] == ["The record has no such words from "]


def test_a_quote_not_in_the_notebook_is_flagged(bridge: Scenario) -> None:
    report = graded(bridge, GOOD, gathered=["ruiz-safety"])
    [warning] = found(report, "quotes", "warning")
    assert "notebook" in warning.message and "Daniel Okafor" in warning.message


def test_an_unclosed_quotation_mark_is_a_warning(bridge: Scenario) -> None:
    report = graded(bridge, f'{OPENING}\n\nOkafor said: "{OKAFOR}\n\nThe vote was quick.')
    assert any("never closed" in f.message for f in found(report, "quotes", "warning"))
    assert found(report, "quotes", "praise")


def test_no_quotes_at_all_is_noted(bridge: Scenario) -> None:
    report = graded(bridge, OPENING)
    assert any("No direct quotation" in f.message for f in found(report, "quotes", "warning"))


# --- attribution --------------------------------------------------------------------------------

def test_swapped_speakers_are_attribution_errors(bridge: Scenario) -> None:
    body = f'{OPENING}\n\n"{RUIZ}" Okafor said.\n\n"{OKAFOR}" the mayor said.'
    report = graded(bridge, body)
    errors = found(report, "attribution", "error")
    assert len(errors) == 2
    assert errors[0].message == ("Wrong speaker: the record has these words from Ana Ruiz, but the story gives "
                                 "them to Daniel Okafor.")
    # The words are the record's (no quotes error), but a passage marked wrong earns no praise beside it.
    assert not found(report, "quotes", "error") and not found(report, "quotes", "praise")


def test_role_like_names_match_in_any_case_and_proper_names_do_not(bridge: Scenario) -> None:
    assert found(graded(bridge, f'{OPENING}\n\n"{RUIZ}" The Mayor said.'), "attribution", "praise")
    report = graded(bridge, f'{OPENING}\n\n"{RUIZ}" the old mills said.')
    assert not found(report, "attribution", "error")
    assert found(report, "attribution", "warning")  # no one named


def test_a_speech_cue_beats_a_nearer_bare_name(bridge: Scenario) -> None:
    body = f'{OPENING}\n\nRuiz said that Okafor had lost: "{RUIZ}"'
    assert found(graded(bridge, body), "attribution", "praise")


def test_the_sentence_before_beats_the_sentence_after(bridge: Scenario) -> None:
    body = f'{OPENING}\n\nRuiz spoke first. "{RUIZ}" Okafor shook his head.'
    assert found(graded(bridge, body), "attribution", "praise")


@pytest.mark.parametrize("body", [
    f'Ruiz faced the gallery. When Okafor asked why, she said: "{RUIZ}"',      # the asker is not the speaker
    f'The mayor stopped on the steps, telling Okafor: "{RUIZ}"',               # nor is the one spoken to
    f'Ruiz was blunt. "{RUIZ}" she said. Okafor replied angrily.',            # "she said" points back
    f'Ruiz said Okafor had it wrong. "{RUIZ}"',                                # "Ruiz said Okafor..." names Ruiz
])
def test_who_asks_or_listens_is_not_the_speaker(bridge: Scenario, body: str) -> None:
    report = graded(bridge, f"{OPENING}\n\n{body}")
    assert found(report, "attribution", "praise") and not found(report, "attribution", "error")


def test_a_quote_attributed_in_the_neighbouring_sentence(bridge: Scenario) -> None:
    body = f'{OPENING}\n\nThe mayor did not hesitate when asked why.\n\n"{RUIZ}"'
    report = graded(bridge, body)
    assert found(report, "attribution", "praise") and not found(report, "attribution", "warning")


def test_an_unattributed_quote_is_a_warning(bridge: Scenario) -> None:
    body = f'{OPENING}\n\nThe vote was quick.\n\nThe gallery was full.\n\n"{OKAFOR}"'
    [warning] = found(graded(bridge, body), "attribution", "warning")
    assert "Daniel Okafor" in warning.message


def test_a_multi_paragraph_quote_is_checked_part_by_part(bridge: Scenario) -> None:
    body = (f'{OPENING}\n\nThe mayor was blunt after the vote.\n\n"The engineers were clear.\n\n'
            '"We close the bridge on Monday or we gamble with lives," Ruiz said.')
    report = graded(bridge, body)
    assert len(found(report, "quotes", "praise")) == 1  # the whole quote matches as one
    assert not found(report, "quotes", "error")


def test_second_hand_words_need_their_messenger(richer: Scenario) -> None:
    body = f'{OPENING}\n\n"Tell them the bridge is finished for good," the mayor said.'
    [warning] = found(graded(richer, body), "attribution", "warning")
    assert "Second hand" in warning.message and "Daniel Okafor" in warning.message
    body = f'{OPENING}\n\nOkafor said the mayor told him: "Tell them the bridge is finished for good."'
    assert not found(graded(richer, body), "attribution", "warning")


def test_of_two_originals_the_named_speakers_is_chosen(richer: Scenario) -> None:
    body = f'{OPENING}\n\nOkafor was blunt: "the bridge is finished."'
    report = graded(richer, body)
    assert found(report, "attribution", "praise") and not found(report, "attribution", "error")


# --- claims, rumours, contradictions ------------------------------------------------------------

def test_a_contested_claim_stated_as_fact_is_an_attribution_error(richer: Scenario) -> None:
    body = f"{GOOD}\n\nThe closure will cost River Street shops two million."
    [error] = found(graded(richer, body), "attribution", "error")
    assert "one-sided claim stated as fact" in error.message and "Daniel Okafor" in error.message


def test_a_claim_put_as_its_owners_earns_praise(richer: Scenario) -> None:
    body = f"{GOOD}\n\nOkafor said the closure would cost River Street shops two million."
    report = graded(richer, body)
    assert any("one-sided claim" in f.message for f in found(report, "attribution", "praise"))
    assert not found(report, "attribution", "error")


def test_a_claim_attributed_in_the_sentence_before(richer: Scenario) -> None:
    body = f"{GOOD}\n\nOkafor was angry. He said it would cost River Street shops two million."
    assert not found(graded(richer, body), "attribution", "error")


def test_a_false_claim_stated_as_fact_is_also_inaccurate(richer: Scenario) -> None:
    body = f"{GOOD}\n\nThe money is already set aside for repairs."
    report = graded(richer, body)
    assert found(report, "attribution", "error") and found(report, "accuracy", "error")
    assert not found(graded(richer, f"{GOOD}\n\nThe governor insists the money is already set aside."),
                     "accuracy", "error")


def test_anyone_the_excerpt_names_as_saying_a_claim_may_be_its_source(richer: Scenario) -> None:
    assert record_of(richer).claimants["funds-claim"] == {"park", "ruiz"}
    report = graded(richer, f"{GOOD}\n\nThe mayor said the money is already set aside.")
    assert not found(report, "attribution", "error") and found(report, "attribution", "praise")
    report = graded(richer, f"{GOOD}\n\nOkafor said the money is already set aside.")
    assert any("someone else's mouth" in f.message for f in found(report, "attribution", "error"))


def test_a_false_rumour_as_fact_fails_verification_and_accuracy(bridge: Scenario) -> None:
    report = graded(bridge, f"{GOOD}\n\nThe bridge will reopen within a month.")
    assert found(report, "verification", "error") and found(report, "accuracy", "error")
    assert report.overall < 80


@pytest.mark.parametrize("sentence", [
    "A rumour that the bridge will reopen within a month could not be confirmed.",
    "The bridge will not reopen within a month, the engineers say.",
    "Unconfirmed talk in the gallery had it that it would reopen within a month.",
])
def test_hedged_or_denied_rumours_are_not_assertions(bridge: Scenario, sentence: str) -> None:
    report = graded(bridge, f"{GOOD}\n\n{sentence}")
    assert not found(report, "verification", "error") and not found(report, "accuracy", "error")


def test_a_checked_rumour_reported_as_false_is_praised(bridge: Scenario) -> None:
    body = f"{GOOD}\n\nTalk that the bridge would reopen within a month proved false."
    report = graded(bridge, body, verified=("reopen-rumour",))
    assert any("report it as false" in f.message for f in found(report, "verification", "praise"))
    hedged = graded(bridge, f"{GOOD}\n\nThere is a rumour it will reopen within a month.", verified=("reopen-rumour",))
    assert any("say so" in f.message for f in found(hedged, "verification", "warning"))


def test_a_true_rumour_needs_checking(richer: Scenario) -> None:
    body = f"{GOOD}\n\nA ferry will run while the bridge is shut."
    assert found(graded(richer, body), "verification", "error")
    assert found(graded(richer, body, verified=("ferry-rumour",)), "verification", "praise")


def test_a_false_rumour_left_out_is_praised_when_it_was_known(bridge: Scenario) -> None:
    report = graded(bridge, GOOD, known=("reopen-rumour",))
    assert any("kept a false rumour out" in f.message for f in found(report, "verification", "praise"))


def test_a_contradiction_is_an_accuracy_error_unless_negated(bridge: Scenario) -> None:
    report = graded(bridge, f"{GOOD}\n\nIn the end the bridge will stay open.")
    [error] = found(report, "accuracy", "error")
    assert error.detail and "voted 5-2" in error.detail
    assert not found(graded(bridge, f"{GOOD}\n\nNobody now thinks the bridge will stay open."), "accuracy", "error")


def test_words_inside_quotes_are_the_speakers_not_the_reporters(bridge: Scenario) -> None:
    body = f'{GOOD}\n\nA man in the gallery shouted "it will reopen within a month".'
    assert not found(graded(bridge, body), "verification", "error")


# --- completeness, news judgement, balance, deadline ---------------------------------------------

def test_completeness_is_weighted_by_key_fact(richer: Scenario) -> None:
    both = graded(richer, GOOD)
    assert both.scores["completeness"] == 100
    heavy_only = graded(richer, "The council voted 5-2 to shut it.\n\nThat was all.", "Vote held")
    assert heavy_only.scores["completeness"] == 75
    light_only = graded(richer, "The old bridge closes on Monday.", "Bridge news")
    assert light_only.scores["completeness"] == 25
    assert any("Missing a key fact" in f.message for f in found(light_only, "completeness", "warning"))


def test_the_news_in_headline_and_lede_is_praised(bridge: Scenario) -> None:
    report = graded(bridge, GOOD)
    assert report.scores["news_judgement"] == 100 and found(report, "news_judgement", "praise")


def test_a_buried_lede_is_an_error_pointing_at_the_news(bridge: Scenario) -> None:
    body = ("Millbrook woke to grey skies and a full public gallery.\n\nCoffee was served at nine.\n\n"
            "Later, the council voted 5-2 to close the old bridge.")
    report = graded(bridge, body, headline="A busy morning in Millbrook")
    [error] = found(report, "news_judgement", "error")
    assert "Buried lede" in error.message and error.span
    # The span is where the news is asserted: the phrase, or the whole proposition around it.
    assert "5-2" in story(body, "A busy morning in Millbrook").text[slice(*error.span)]
    assert report.scores["news_judgement"] < 50


def test_a_story_without_the_news_misses_it(bridge: Scenario) -> None:
    report = graded(bridge, "The weather was fine.", headline="Weather")
    assert any("misses the news" in f.message for f in found(report, "news_judgement", "error"))


def test_balance_hears_both_sides_or_flags_a_single_voice(bridge: Scenario) -> None:
    assert graded(bridge, GOOD).scores["balance"] == 100
    one_sided = graded(bridge, f'{OPENING}\n\n"{RUIZ}" the mayor said.')
    [error] = found(one_sided, "balance", "error")
    assert "single voice" in error.message.lower() and "opposition" in error.message
    assert one_sided.scores["balance"] == 50


def test_indirect_speech_counts_as_a_side_heard(bridge: Scenario) -> None:
    body = f'{OPENING}\n\n"{RUIZ}" the mayor said. Okafor said the shops would suffer.'
    assert graded(bridge, body).scores["balance"] == 100


def test_deadline_score_falls_with_every_minute_late(bridge: Scenario) -> None:
    on_time = graded(bridge, GOOD, filed_at=NOON)
    assert on_time.late_by == 0 and on_time.scores["deadline"] == 100
    assert found(on_time, "deadline", "praise")
    scores = [graded(bridge, GOOD, filed_at=NOON + late).scores["deadline"] for late in (1, 5, 20, 60)]
    assert scores == sorted(scores, reverse=True) and scores[0] < 100 and scores[-1] == 0
    late = graded(bridge, GOOD, filed_at=NOON + 7)
    assert late.late_by == 7 and "deadline" in late.error_dimensions
    overall = [graded(bridge, GOOD, filed_at=NOON + minutes).overall for minutes in (1, 10, 30)]
    assert overall == sorted(overall, reverse=True) and overall[0] > overall[-1]


# --- the overall score and the report ------------------------------------------------------------

def test_an_accurate_story_scores_high_and_any_error_caps_it(bridge: Scenario) -> None:
    good = graded(bridge, GOOD)
    assert good.overall >= 90 and not good.error_dimensions
    late = graded(bridge, GOOD, filed_at=NOON + 1)
    assert late.overall < 80 < good.overall
    # Errors in heavier dimensions, and more of them, cap lower.
    misquoted = graded(bridge, GOOD.replace("half its", "all its"), filed_at=NOON + 1)
    assert misquoted.overall < late.overall


def test_scores_cover_exactly_the_dimensions(bridge: Scenario) -> None:
    report = graded(bridge, GOOD)
    assert list(report.scores) == list(DIMENSIONS)
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in report.scores.values())


def test_report_json_round_trip(bridge: Scenario) -> None:
    report = graded(bridge, f"{GOOD}\n\n\"We will build it by Christmas,\" Ruiz said.", filed_at=NOON + 3)
    data = report.to_json()
    assert data["filed_at"] == "12:03" and data["late_by"] == 3
    assert Report.from_json(data) == report
    assert {"dimension", "severity", "message", "span", "detail", "code"} == set(data["findings"][0])


@pytest.mark.parametrize("change", [
    {"overall": 101}, {"overall": "90"}, {"scores": {"accuracy": 5}}, {"filed_at": "25:00"},
    {"late_by": -1}, {"findings": [{"dimension": "style", "severity": "error", "message": "x", "span": None}]},
    {"findings": [{"dimension": "quotes", "severity": "error", "message": "x", "span": [5, 2]}]},
])
def test_report_from_json_refuses_malformed_data(bridge: Scenario, change: dict[str, Any]) -> None:
    data = graded(bridge, GOOD).to_json() | change
    with pytest.raises(ValueError):
        Report.from_json(data)


def test_story_parse_takes_the_first_line_as_headline() -> None:
    parsed = Story.parse("\n\n# Bridge closes\n\nFirst paragraph.\n\nSecond.\n")
    assert parsed.headline == "Bridge closes" and parsed.body == "First paragraph.\n\nSecond."
    assert parsed.text.startswith("Bridge closes\n\n")
    assert Story.parse("  \n \n") == Story("", "")


def test_a_filed_story_is_graded_with_the_states_notebook_and_filing_time(bridge: Scenario) -> None:
    from game.play.filing import filed_from  # the play layer makes the Filed: the editor knows no state

    state = new_game(bridge)
    state = choose(bridge, state, options(bridge, state)[0].key)          # to the chamber
    file_key = next(o.key for o in options(bridge, state) if o.kind == "file")
    state = choose(bridge, state, file_key)
    report = grade_filed(bridge, filed_from(bridge, state, story(GOOD)))
    assert report.filed_at == filing_time(bridge, state)
    # Neither quote was gathered on this route, so both are flagged as not in the notebook.
    assert len([f for f in found(report, "quotes", "warning") if "notebook" in f.message]) == 2


def test_strong_story_notes_say_what_a_good_story_did(richer: Scenario) -> None:
    notes = strong_story_notes(richer)
    assert notes[0].startswith("Led with the news") and "5-2" in notes[0]
    joined = "\n".join(notes)
    assert "The opposition" in joined and "Daniel Okafor" in joined and "12:00" in joined
    assert "reopen within a month" in joined


def test_findings_are_ordered_by_dimension_then_severity(bridge: Scenario) -> None:
    report = graded(bridge, f"{GOOD}\n\nThe bridge will reopen within a month.", filed_at=NOON + 5)
    order = [(DIMENSIONS.index(f.dimension)) for f in report.findings]
    assert order == sorted(order)


def test_a_headline_with_the_news_but_a_first_paragraph_without_is_a_warning(bridge: Scenario) -> None:
    report = graded(bridge, f"The gallery was full.\n\n{OPENING}")
    [warning] = found(report, "news_judgement", "warning")
    assert "first paragraph" in warning.message and report.scores["news_judgement"] == 75


def test_a_scenario_without_a_story_desk_still_grades() -> None:
    data: dict[str, Any] = yaml.safe_load(BRIDGE.read_text(encoding="utf-8"))
    del data["filing"]
    for scene in data["scenes"]:
        for choice in scene.get("choices", []):
            choice.pop("file", None)
    scenario = Scenario.model_validate(data)
    report = graded(scenario, GOOD)
    assert report.scores["completeness"] == report.scores["balance"] == report.scores["news_judgement"] == 100
    assert strong_story_notes(scenario)[-1] == "Filed before the 12:00 deadline."
