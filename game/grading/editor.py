"""The editor: grades a filed story against the scenario's record, dimension by dimension.

`grade` reads the story once (game.grading.reading: names, fact phrases and propositions), runs one check
per rubric dimension (game.grading.quotes, .facts, .desk_checks), and turns the findings into scores
(game.grading.score). Every finding carries its rubric code (game.grading.rubric); praise costs nothing and
is reported all the same, so the review says what was done well, but never beside an error of its kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from game.grading.assertions import tokens_of
from game.grading.desk_checks import (
    check_balance,
    check_completeness,
    check_copying,
    check_deadline,
    check_news_judgement,
)
from game.grading.facts import carried, check_facts, proposition_occurrences
from game.grading.quotes import check_quotes, rightly_quoted
from game.grading.reading import Desk, Notes, called, lower_first, mentions_in_story, phrase_occurrences
from game.grading.record import Record, record_of
from game.grading.report import Filed, Report, Story
from game.grading.rubric import WEIGHTS
from game.grading.score import finding_order, overall, without_doubtful_praise
from game.grading.text import read
from game.model import DIMENSIONS, Scenario

__all__ = ["WEIGHTS", "grade", "grade_filed", "strong_story_notes"]


# --- the verdict ----------------------------------------------------------------------------------

def grade(scenario: Scenario, story: Story, *, gathered: Iterable[str] | None, known: Iterable[str] = (),
          verified: Iterable[str] = (), filed_at: int) -> Report:
    """Grade a story against the scenario's record.

    `gathered` names the quotes in the player's notebook (None: every quote counts as gathered), `known`
    the facts learned, `verified` the facts checked, and `filed_at` the clock (minutes since midnight).
    """
    record = record_of(scenario)
    reading = read(story.text, len(story.headline))
    desk = Desk(
        record=record, story=story, reading=reading, mentions=mentions_in_story(record, reading),
        occurrences=phrase_occurrences(record, reading),
        gathered=None if gathered is None else frozenset(gathered),
        known=frozenset(known), verified=frozenset(verified), tokens=tokens_of(reading),
    )
    found = proposition_occurrences(desk.tokens, desk)
    if found:
        ordered = tuple(sorted((*desk.occurrences, *found), key=lambda o: (o.start, o.end)))
        desk = replace(desk, occurrences=ordered)
    notes = Notes()
    verdicts, invented = check_quotes(desk, notes)
    check_facts(desk, notes)
    check_copying(desk, notes)
    completeness, thin = check_completeness(desk, notes)
    scores = {
        "completeness": completeness,
        "news_judgement": check_news_judgement(desk, notes),
        "balance": check_balance(desk, notes, verdicts),
    }
    scores["deadline"], late_by = check_deadline(desk, notes, filed_at)
    for dimension in ("accuracy", "quotes", "attribution", "verification"):
        scores[dimension] = max(0, 100 - notes.cost(dimension))
    if invented:
        scores["quotes"] = 0
    scores = {dimension: int(min(100, max(0, scores[dimension]))) for dimension in DIMENSIONS}
    findings = tuple(sorted(without_doubtful_praise(notes.items), key=finding_order))
    return Report(overall(scores, findings, invented, thin), scores, findings, filed_at, late_by,
                  facts=carried(desk), quoted=rightly_quoted(verdicts))


def grade_filed(scenario: Scenario, filed: Filed) -> Report:
    """Grade what was filed: the story against the record, with the notebook and time it was filed with.
    The editor knows no game state: the play layer makes the `Filed` (`game.play.filing.filed_from`)."""
    return grade(scenario, filed.story, gathered=filed.quotes, known=filed.facts, verified=filed.verified,
                 filed_at=filed.filed_at)


def strong_story_notes(scenario: Scenario) -> list[str]:
    """What a strong story did, for the review screen: the lede, the facts, the voices, the checks."""
    record = record_of(scenario)
    notes: list[str] = []
    top = record.top_fact
    if top is not None:
        notes.append(f"Led with the news, in the headline and the first paragraph: {lower_first(top.statement)}.")
    others = [record.facts[key.fact] for key in sorted(record.key_facts, key=lambda k: -k.weight)
              if record.facts[key.fact] is not top]
    if others:
        notes.append("Carried the other key facts: " + "; ".join(lower_first(f.statement) for f in others) + ".")
    filing = scenario.filing
    if filing and filing.balance:
        sides = []
        for side in filing.balance:
            names = [called(record.people[p]) for p in side.people if p in record.people]
            sides.append(f"{side.label} ({', '.join(names)})")
        notes.append("Heard every side in its own words: " + "; ".join(sides) + ".")
    real = [said for said in record.said if said.speaker.real]
    if real:
        example = max(real, key=lambda said: (said.quote.kind == "on_record", -abs(len(said.words) - 12)))
        notes.append(f"Quoted word for word and named the speaker, e.g. {called(example.speaker)}: "
                     f"\u201c{example.quote.text}\u201d")
    claims = [fact for fact in scenario.facts if fact.status == "claim"]
    if claims:
        owned = [f"{lower_first(fact.statement)} (from {_name(record, fact.claimed_by)})" for fact in claims]
        notes.append("Put each contested claim in its owner's mouth: " + "; ".join(owned) + ".")
    rumours = [fact for fact in scenario.facts if fact.status == "rumour"]
    if rumours:
        notes.append("Checked the rumours before going near them, and printed none as fact: "
                     + "; ".join(lower_first(f.statement) for f in rumours) + ".")
    notes.append(f"Filed before the {scenario.clock.deadline} deadline.")
    return notes


def _name(record: Record, person: str | None) -> str:
    found = record.people.get(person or "")
    return called(found) if found else "its source"
