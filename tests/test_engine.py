"""The engine, driven directly: the example scenario from start to every ending, and the rules."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from game import engine
from game.engine import GameState, InvalidChoice, Key
from game.loader import check_text
from game.model import Scenario


def keys(scenario: Scenario, state: GameState) -> list[str]:
    """The keys on offer, in their text form (as a save writes them)."""
    return [option.key.text for option in engine.options(scenario, state)]


def play(scenario: Scenario, *choices: str) -> GameState:
    """The state after taking the options these keys' text forms name."""
    state = engine.new_game(scenario)
    for key in choices:
        state = engine.choose(scenario, state, Key.parse(key))
    return state


def test_a_new_game_starts_in_the_first_scene_at_the_start_time(example: Scenario) -> None:
    state = engine.new_game(example)
    assert state.scene == "call" and engine.clock(state) == "09:00"
    assert state.quotes == ("mills-brief",), "arriving applies the scene's effects"
    assert engine.time_left(example, state) == 180
    assert keys(example, state) == ["call/1"]


def test_playing_to_the_front_page(example: Scenario) -> None:
    state = play(example, "call/1", "chamber/1", "steps/ask:ask-why", "steps/ask:ask-shops", "steps/1")
    assert state.at_desk and engine.options(example, state) == []
    assert engine.clock(state) == "09:50"
    assert state.quotes == ("mills-brief", "ruiz-safety", "okafor-shops")
    assert state.facts == ("vote",)
    filed = engine.file_story(example, state, score=90)
    assert filed.ending == "front-page" and filed.scene == "front-page"
    assert filed.filed_at == 10 * 60 + 20
    assert engine.clock(filed) == "10:20", "writing takes the filing section's 30 minutes"
    assert engine.options(example, filed) == []


@pytest.mark.parametrize(("score", "errors", "late", "ending"), [
    (95, set(), False, "front-page"),
    (60, set(), False, "inside"),
    (95, {"verification"}, False, "correction"),
    (95, {"quotes"}, False, "front-page"),
    (95, set(), True, "missed"),
])
def test_outcomes_choose_the_ending(example: Scenario, score: int, errors: set[str], late: bool,
                                    ending: str) -> None:
    state = play(example, "call/1", "chamber/3")
    if late:
        state = replace(state, time=engine.index(example).deadline)
    assert engine.file_story(example, state, score, errors).ending == ending


def test_each_ending_is_reachable(example: Scenario) -> None:
    endings = {scene.id for scene in example.scenes if scene.ending}
    reached = set()
    for score, errors, late in [(95, set(), False), (60, set(), False), (95, {"accuracy"}, False),
                                (95, set(), True)]:
        state = play(example, "call/1", "chamber/3")
        if late:
            state = replace(state, time=12 * 60)
        reached.add(engine.file_story(example, state, score, errors).ending)
    assert reached == endings


def test_once_only_choice_is_not_offered_twice() -> None:
    text = """
format: 1
id: loop
version: "1"
title: Loop
summary: s
authors: [a]
sources: [{id: s, title: t, outlet: o, date: "2020-01-01", where: w}]
clock: {start: "09:00", deadline: "10:00"}
people: [{id: p, name: P, role: r, real: false}]
scenes:
  - id: a
    text: A
    choices:
      - {label: Once, once: true, goto: b}
      - {label: Sticky, goto: b}
      - {label: Only when stuck, fallback: true, goto: end}
  - id: b
    text: B
    choices:
      - {label: Back, goto: a, minutes: 0}
  - id: end
    text: End
    ending: {title: End, tone: good}
"""
    checked = check_text(text, "loop.yaml")
    assert checked.problems == []
    scenario = checked.scenario
    assert scenario is not None
    state = engine.new_game(scenario)
    assert keys(scenario, state) == ["a/1", "a/2"], "the fallback hides while other choices exist"
    state = play(scenario, "a/1", "b/1")
    assert keys(scenario, state) == ["a/2"]
    state = engine.choose(scenario, state, Key.parse("a/2"))
    state = engine.choose(scenario, state, Key.parse("b/1"))
    assert keys(scenario, state) == ["a/2"], "sticky choices stay"
    assert engine.clock(state) == "09:20"


def test_fallback_appears_when_nothing_else_is_available() -> None:
    text = """
format: 1
id: fb
version: "1"
title: F
summary: s
authors: [a]
sources: [{id: s, title: t, outlet: o, date: "2020-01-01", where: w}]
clock: {start: "09:00", deadline: "10:00", minutes_per_action: 30}
people: [{id: p, name: P, role: r, real: false}]
scenes:
  - id: a
    text: A
    choices:
      - {label: Early only, goto: a, when: {before: "09:30"}}
      - {label: Give up, fallback: true, goto: end}
  - id: end
    text: End
    ending: {title: End, tone: good}
"""
    scenario = check_text(text, "fb.yaml").scenario
    assert scenario is not None
    state = engine.new_game(scenario)
    assert keys(scenario, state) == ["a/1"]
    state = engine.choose(scenario, state, Key.parse("a/1"))
    assert engine.clock(state) == "09:30" and keys(scenario, state) == ["a/2"]


def test_questions_respect_the_limit_and_cost_their_minutes(example: Scenario) -> None:
    state = play(example, "call/1", "chamber/1")
    assert engine.questions_left(engine.current_scene(example, state), state) == 2
    before = state.time
    state = engine.choose(example, state, Key.parse("steps/ask:ask-reopen"))
    assert state.time - before == 5
    assert state.response and "engineers" in state.response
    assert state.verified == ("reopen-rumour",) and "checked-rumour" in state.flags
    state = engine.choose(example, state, Key.parse("steps/ask:ask-shops"))
    assert state.counter("goodwill") == 1
    assert keys(example, state) == ["steps/1"], "two questions asked: the rest close"


def test_gathered_says_what_the_last_step_added(example: Scenario) -> None:
    state = play(example, "call/1", "chamber/1", "steps/ask:ask-why")
    assert state.gathered == (engine.Gathered("quote", "ruiz-safety"),)
    assert engine.GameState.from_json(state.to_json()) == state
    assert state.to_json()["gathered"] == ["quote:ruiz-safety"]  # the save format is what it was
    state = play(example, "call/1")
    assert state.gathered == (engine.Gathered("fact", "vote"),)


def test_a_save_with_a_malformed_gathered_item_is_refused(example: Scenario) -> None:
    data = play(example, "call/1").to_json()
    for bad in (["vote"], ["rumour:x"], ["fact:"], "fact:vote"):
        with pytest.raises(ValueError, match="gathered"):
            engine.GameState.from_json({**data, "gathered": bad})


def test_conditions_close_scenes_as_the_clock_moves(example: Scenario) -> None:
    state = play(example, "call/1")
    assert "chamber/2" in keys(example, state)
    late = replace(state, time=11 * 60)
    assert "chamber/2" not in keys(example, late)


def test_extra_text_follows_its_condition(example: Scenario) -> None:
    state = play(example, "call/1", "chamber/2")
    assert "Okafor catches your eye" not in engine.scene_text(example, state)
    assert "Okafor catches your eye" in engine.scene_text(example, replace(state, counters=(("goodwill", 1),)))


def test_notebook_reports_speakers_and_statuses(example: Scenario) -> None:
    state = play(example, "call/1", "chamber/2")
    book = engine.notebook(example, state)
    assert [(entry.fact.id, entry.status) for entry in book.facts] == [("vote", "confirmed"),
                                                                       ("reopen-rumour", "rumour")]
    assert book.facts[1].claimed_by is not None and book.facts[1].claimed_by.name == "Daniel Okafor"
    state = play(example, "call/1", "chamber/2", "gallery/1", "steps/ask:ask-reopen")
    statuses = {entry.fact.id: entry.status for entry in engine.notebook(example, state).facts}
    assert statuses["reopen-rumour"] == "disproved"
    assert list(engine.notebook(example, state).by_speaker()) == ["Jo Mills"]


def test_an_option_not_on_offer_is_refused(example: Scenario) -> None:
    state = engine.new_game(example)
    with pytest.raises(InvalidChoice):
        engine.choose(example, state, Key.parse("chamber/1"))
    with pytest.raises(InvalidChoice):
        engine.choose(example, play(example, "call/1", "chamber/3"), Key.parse("chamber/1"))


def test_steps_are_pure(example: Scenario) -> None:
    state = play(example, "call/1")
    snapshot = json.dumps(state.to_json())
    engine.choose(example, state, Key.parse("chamber/1"))
    assert json.dumps(state.to_json()) == snapshot
    chamber = Key.parse("chamber/1")
    assert engine.choose(example, state, chamber) == engine.choose(example, state, chamber)


def test_state_round_trips_through_json(example: Scenario) -> None:
    state = play(example, "call/1", "chamber/2", "gallery/1", "steps/ask:ask-reopen", "steps/ask:ask-shops")
    text = json.dumps(state.to_json())
    assert GameState.from_json(json.loads(text)) == state
    filed = engine.file_story(example, engine.choose(example, state, Key.parse("steps/1")), 85)
    assert GameState.from_json(json.loads(json.dumps(filed.to_json()))) == filed


@pytest.mark.parametrize("damage", [
    {"time": "soon"}, {"scene": 3}, {"counters": [1, 2]}, {"history": [[1]]}, {"surprise": 1},
])
def test_malformed_state_is_refused(example: Scenario, damage: dict[str, object]) -> None:
    data = {**engine.new_game(example).to_json(), **damage}
    with pytest.raises((ValueError, TypeError, KeyError)):
        GameState.from_json(data)


def test_debrief_notes_follow_the_route(example: Scenario) -> None:
    checked = play(example, "call/1", "chamber/1", "steps/ask:ask-reopen", "steps/1")
    notes = engine.debrief(example, engine.file_story(example, checked, 90))
    assert ("Verify before you publish",
            "You put the rumour to the mayor and learned it was false before it reached print.") in notes
    hasty = play(example, "call/1", "chamber/3")
    notes = engine.debrief(example, engine.file_story(example, hasty, 50))
    assert any("one voice" in text for _, text in notes), "the filing choice's own debrief"
    assert any("never put it" in text for _, text in notes)
