"""How English asserts, hedges and attributes: one rule per test, each with a sentence the rule must catch and a
good sentence it must leave alone. Sentences are written for this file (Hanoi: a variant of one good story
from the blind tuning corpus; count-night: a short good story), so the sentence is the only change.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.grader import Report, Story, grade
from game.loader import load_scenario
from game.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
HANOI = (ROOT / "tests" / "stories" / "blind" / "tune" / "hanoi" / "138-ap-short-good.md").read_text(encoding="utf-8")
COUNT = ("# Osei keeps Harrowby after recount\n\nMargaret Osei was re-elected Mayor of Harrowby by 112 votes "
         "after a recount requested by her challenger, Daniel Brandt. Turnout was 58 per cent, the highest for a "
         "mayoral election since 1994, the returning officer said.\n\n\"I declare that Margaret Osei is duly "
         "elected Mayor of Harrowby,\" the returning officer, Priya Natarajan, said at 11.25pm.\n\nMr Brandt said: "
         "\"When it's this close, every vote deserves a second look. That isn't a complaint, it's the job.\"\n\n"
         "Ms Osei said: \"It was close, and I heard that. I will be a mayor for the half of Harrowby that didn't "
         "vote for me too.\"\n\n{extra}\n")


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / name)


def graded(name: str, text: str, filed_at: int) -> Report:
    found = scenario(name)
    return grade(found, Story.parse(text), gathered=None, known=[fact.id for fact in found.facts], verified=[],
                 filed_at=filed_at)


def hanoi(extra: str = "", *, headline: str | None = None) -> Report:
    text = HANOI.rstrip("\n") + ("\n\n" + extra if extra else "") + "\n"
    if headline is not None:
        text = f"# {headline}\n" + text.split("\n", 1)[1]
    return graded("hanoi-summit.yaml", text, 15 * 60 + 30)


def count(extra: str, *, headline: str | None = None) -> Report:
    text = COUNT.format(extra=extra)
    if headline is not None:
        text = f"# {headline}\n" + text.split("\n", 1)[1]
    return graded("count-night.yaml", text, 23 * 60 + 30)


def errors(report: Report) -> set[str]:
    return {finding.code or "" for finding in report.findings if finding.severity == "error"}


def shown(report: Report) -> list[tuple[str | None, str]]:
    return [(finding.code, finding.message) for finding in report.findings if finding.severity == "error"]


def test_the_base_stories_are_clean() -> None:
    assert not errors(hanoi()), shown(hanoi())
    assert not errors(count("")), shown(count(""))


# --- an ordinal qualifies the noun after it ---------------------------------------------------------

@pytest.mark.parametrize("headline", ["Third Trump-Kim summit ends without a deal",
                                      "First-ever Trump-Kim summit ends without a deal"])
def test_the_wrong_ordinal_for_the_summit_is_an_accuracy_error(headline: str) -> None:
    assert "accuracy.core-fact" in errors(hanoi(headline=headline))


@pytest.mark.parametrize("extra", [
    "There are no plans for a third summit, though the two could meet again, Trump said.",
    "A third summit could still follow, Trump suggested.",
    "Their first summit, in Singapore, produced a short statement.",
    "It was the first time Kim had faced questions from reporters at a summit.",
])
def test_an_ordinal_of_something_else_or_of_a_plan_is_not(extra: str) -> None:
    assert "accuracy.core-fact" not in errors(hanoi(extra)), shown(hanoi(extra))


def test_the_wrong_year_for_singapore_is_an_accuracy_error_and_the_right_one_is_not() -> None:
    assert "accuracy.core-fact" in errors(hanoi("The two first met at a summit in Singapore in 2017."))
    assert "accuracy.core-fact" not in errors(hanoi("The two first met at a summit in Singapore last June."))


def test_a_value_tied_only_to_a_word_inside_a_quote_is_not_the_storys_claim() -> None:
    extra = ('On Wednesday the president had posted: "Great meetings and dinner tonight in Vietnam with Kim Jong '
             'Un of North Korea."')
    assert "accuracy.core-fact" not in errors(hanoi(extra)), shown(hanoi(extra))


# --- nothing was signed ------------------------------------------------------------------------------

@pytest.mark.parametrize("extra", ["Before leaving, both leaders signed a brief joint declaration.",
                                   "The only document of the day was a short communique, signed by both men."])
def test_a_signed_document_contradicts_the_record(extra: str) -> None:
    assert "accuracy.contradiction" in errors(hanoi(extra))


@pytest.mark.parametrize("extra", [
    "The two leaders had been due to sit down to lunch and sign a joint declaration.",
    "No declaration was signed.",
])
def test_a_planned_or_denied_signing_is_not(extra: str) -> None:
    assert "accuracy.contradiction" not in errors(hanoi(extra)), shown(hanoi(extra))


# --- a question asks; it does not assert ----------------------------------------------------------------

def test_a_question_about_the_rumour_is_not_the_rumour_stated() -> None:
    extra = "Signing ceremony only pushed back? No. It was cancelled."
    assert "verification.rumour-as-fact" not in errors(hanoi(extra)), shown(hanoi(extra))
    assert "verification.rumour-as-fact" in errors(hanoi("The signing ceremony was only pushed back."))


# --- claims: what a side reads into the numbers -------------------------------------------------------

@pytest.mark.parametrize("extra, headline", [
    ("Harrowby's voters turned out wanting change.", None),
    ("Brandt's agent, Lena Fischer, said turnout was high.", "Change-hungry Harrowby keeps its mayor"),
])
def test_the_change_reading_in_the_storys_own_voice_is_a_claim_as_fact(extra: str, headline: str | None) -> None:
    assert "attribution.claim-as-fact" in errors(count(extra, headline=headline))


def test_the_change_reading_put_as_its_owners_is_not() -> None:
    extra = "Brandt's agent, Lena Fischer, said people came out for change."
    assert not errors(count(extra)) & {"attribution.claim-as-fact"}, shown(count(extra))


def test_a_modal_that_only_sets_a_comparison_does_not_hedge_the_claim() -> None:
    """"than anyone could remember" is the standard of the comparison: the sentence still says it."""
    bare = "Harrowby voters came out in greater numbers than anyone at the count could remember."
    assert "attribution.claim-as-fact" in errors(count(bare))
    owned = "Lena Fischer, Brandt's agent, said turnout was the highest anyone could remember."
    assert "attribution.claim-as-fact" not in errors(count(owned)), shown(count(owned))


def test_a_record_turnout_borne_out_by_the_official_figure_is_no_claim() -> None:
    report = count("", headline="Record turnout as Osei keeps Harrowby")
    assert not errors(report), shown(report)


# --- the false 300-vote lead ---------------------------------------------------------------------------

def test_a_300_vote_lead_in_the_storys_own_voice_is_the_rumour_stated() -> None:
    assert "verification.rumour-as-fact" in errors(count("Brandt had been 300 votes ahead at one stage."))


@pytest.mark.parametrize("extra", [
    "A post claimed that Brandt was 300 votes ahead. It was wrong.",
    "A local news account announced at 9.25pm that Brandt had won by 300 votes. That proved false.",
])
def test_the_lead_put_as_a_posts_report_is_not(extra: str) -> None:
    assert not errors(count(extra)) & {"verification.rumour-as-fact", "accuracy.core-fact"}, shown(count(extra))


# --- the venue ----------------------------------------------------------------------------------------

def test_the_wrong_venue_for_the_count_is_an_accuracy_error_and_the_right_one_is_not() -> None:
    assert "accuracy.core-fact" in errors(count("The count at Harrowby Town Hall ran late."))
    assert "accuracy.core-fact" not in errors(count("The count at Harrowby Leisure Centre ran late."))


# --- who walked out -------------------------------------------------------------------------------------

def test_kim_walking_out_contradicts_the_record_and_trump_walking_out_on_kim_does_not() -> None:
    assert "accuracy.contradiction" in errors(hanoi(headline="Kim walks out as Hanoi summit ends without a deal"))
    report = hanoi(headline="No deal: Trump walks out on Kim in Hanoi")
    assert "accuracy.contradiction" not in errors(report), shown(report)


# --- a negation between a sense's words breaks it -------------------------------------------------------

def test_a_summit_ending_with_a_deal_contradicts_the_record_and_with_kim_without_one_does_not() -> None:
    assert "accuracy.contradiction" in errors(hanoi("The summit ended with a deal."))
    extra = "Trump ended his summit with Kim without a deal."
    assert "accuracy.contradiction" not in errors(hanoi(extra)), shown(hanoi(extra))


# --- claims in other words -----------------------------------------------------------------------------

@pytest.mark.parametrize("extra", [
    "North Korea was caught out by American knowledge of a secret uranium plant.",
    "Kim was in the dark about what happened to Otto Warmbier.",
])
def test_trumps_claims_in_other_words_stated_as_fact_are_claims_as_fact(extra: str) -> None:
    assert "attribution.claim-as-fact" in errors(hanoi(extra))


# --- an attribution's reach ----------------------------------------------------------------------------

def test_a_said_inside_a_later_clause_covers_that_clause_only() -> None:
    aside = ("That would have left a uranium enrichment plant North Korea had kept hidden, which is why, Trump "
             "said, the US could not accept it.")
    assert "attribution.claim-as-fact" in errors(hanoi(aside))
    trailing = "That would have left a uranium enrichment plant North Korea had kept hidden, Trump said."
    assert "attribution.claim-as-fact" not in errors(hanoi(trailing)), shown(hanoi(trailing))


# --- a demand is not a report of speech ------------------------------------------------------------------

def test_insisted_on_is_the_claim_itself_not_its_attribution() -> None:
    bare = "North Korea insisted on full sanctions relief, sinking the talks."
    assert "attribution.claim-as-fact" in errors(hanoi(bare))
    owned = "Trump insisted that North Korea wanted full sanctions relief."
    assert "attribution.claim-as-fact" not in errors(hanoi(owned)), shown(hanoi(owned))


# --- put as others' report or belief, no one named -------------------------------------------------------

@pytest.mark.parametrize("extra", [
    "The Eastfield box, said to be missing, had arrived late.",
    "Many feared a ballot box had gone missing; it had arrived late.",
])
def test_a_rumour_put_as_unnamed_peoples_talk_is_not_stated_as_fact(extra: str) -> None:
    assert "verification.rumour-as-fact" not in errors(count(extra)), shown(count(extra))


def test_the_same_rumour_in_the_storys_own_voice_is() -> None:
    assert "verification.rumour-as-fact" in errors(count("A ballot box from Eastfield was lost for an hour."))


# --- a question in the rumour's own listed words ---------------------------------------------------------

def test_a_listed_rumour_phrase_in_a_question_is_not_asserted() -> None:
    extra = "Was a deal within reach? Not by lunchtime."
    assert "verification.rumour-as-fact" not in errors(hanoi(extra)), shown(hanoi(extra))
    assert "verification.rumour-as-fact" in errors(hanoi("A deal was within reach by lunchtime."))


# --- a negation between the act and what it is of ---------------------------------------------------------

@pytest.mark.parametrize("extra", ["Trump and Kim reached no agreement.", "The leaders signed no deal.",
                                   "As the summit neared its end, no deal was in sight."])
def test_an_act_done_to_nothing_is_not_the_act(extra: str) -> None:
    report = hanoi(extra)
    assert not errors(report) & {"accuracy.contradiction", "verification.rumour-as-fact"}, shown(report)


@pytest.mark.parametrize("extra", ["Negotiators were close to a deal before lunch.",
                                   "Kim put Yongbyon on the table in return for sanctions relief."])
def test_the_rumour_and_the_claim_in_other_words_are_read(extra: str) -> None:
    assert errors(hanoi(extra)) & {"verification.rumour-as-fact", "attribution.claim-as-fact"}


# --- a claimant merely named is not the claim's source ----------------------------------------------------

def test_a_claimant_named_in_a_clause_of_his_own_does_not_attribute_the_claim() -> None:
    report = hanoi(headline="Kim wanted sanctions gone, so Trump walked")
    assert "attribution.claim-as-fact" in errors(report)


@pytest.mark.parametrize("extra", [
    "In the account given by Trump and Secretary of State Mike Pompeo, Kim was willing to dismantle Yongbyon.",
    "Kim was willing to dismantle Yongbyon in return for sanctions relief, Trump and Secretary of State Mike "
    "Pompeo said.",
    "Pompeo joined Trump in describing Kim's offer: the dismantling of Yongbyon.",
])
def test_a_claim_put_as_its_owners_account_or_words_is_attributed(extra: str) -> None:
    assert "attribution.claim-as-fact" not in errors(hanoi(extra)), shown(hanoi(extra))


# --- claims and meetings in other words ---------------------------------------------------------------------

@pytest.mark.parametrize("headline", ["Kim's sanctions demand sinks Hanoi summit",
                                      "The North's price was the lifting of all sanctions"])
def test_the_sanctions_demand_as_a_noun_is_the_claim(headline: str) -> None:
    assert "attribution.claim-as-fact" in errors(hanoi(headline=headline))


@pytest.mark.parametrize("extra", ["Trump did not say when, or whether, a third summit would happen.",
                                   "Trump said he and Kim could meet again, perhaps in May."])
def test_a_possible_meeting_is_not(extra: str) -> None:
    assert not errors(hanoi(extra)) & {"accuracy.contradiction", "accuracy.core-fact"}, shown(hanoi(extra))


# --- who did it to whom ------------------------------------------------------------------------------------

def test_the_winner_beating_the_loser_is_no_contradiction_and_the_winner_beaten_is() -> None:
    assert "accuracy.contradiction" not in errors(count("Osei beat Brandt by 112 votes."))
    assert "accuracy.contradiction" in errors(count("Osei was beaten by Brandt."))


def test_a_possessive_with_a_describing_word_owns_the_act_and_a_camp_acts_for_itself() -> None:
    assert "verification.rumour-as-fact" in errors(count("Brandt's 300-vote lead evaporated in the recount."))
    extra = "Brandt's camp will take heart from the turnout."
    assert not errors(count(extra)), shown(count(extra))


def test_a_reading_put_as_its_owners_is_attributed() -> None:
    extra = "Fischer read the turnout as a vote for change."
    assert "attribution.claim-as-fact" not in errors(count(extra)), shown(count(extra))


def test_the_wrong_party_for_an_independent_is_an_accuracy_error() -> None:
    assert "accuracy.core-fact" in errors(count("", headline="Osei beats Green challenger Brandt by 112"))
    assert "accuracy.core-fact" not in errors(count("", headline="Osei beats independent challenger Brandt"))


def test_a_name_that_says_no_speaks_for_itself_not_for_the_claim() -> None:
    assert "attribution.claim-as-fact" in errors(hanoi(headline="Kim offers Yongbyon, Trump says no"))
    assert "attribution.claim-as-fact" not in errors(hanoi(headline="Kim offered Yongbyon, Trump says"))


@pytest.mark.parametrize("extra", ["Kim knew of Warmbier's case only later.",
                                   "The North Korean leader had not known what was happening to Otto Warmbier."])
def test_trumps_warmbier_view_in_other_words_is_his_claim(extra: str) -> None:
    assert "attribution.claim-as-fact" in errors(hanoi(extra))


def test_signatures_put_to_a_statement_are_a_signing() -> None:
    assert "accuracy.contradiction" in errors(hanoi("The two leaders put their signatures to a joint statement."))
    assert "accuracy.contradiction" not in errors(hanoi("No joint statement was signed."))


@pytest.mark.parametrize("extra", [
    "Kim wanted sanctions lifted in their entirety, per Trump.",
    "Trump's claim that Kim wanted sanctions lifted could not be checked.",
    "Kim's offer on Yongbyon, as Trump and Pompeo set it out, fell short.",
    "Trump mentioned a uranium enrichment plant.",
])
def test_more_ways_of_putting_a_claim_as_its_owners(extra: str) -> None:
    assert "attribution.claim-as-fact" not in errors(hanoi(extra)), shown(hanoi(extra))
