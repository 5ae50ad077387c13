"""The exact rules of a step, as docs/authoring.md ("The exact rules of a step") promises them to authors:
each rule played on the engine with a small scenario, so the guide and the game cannot drift apart."""

from __future__ import annotations

from typing import Any

from game import engine
from game.loader import check_text
from game.model import minutes_of
from tests.authoring_helpers import ending, scenario, text_of


def load(data: dict[str, Any]) -> Any:
    checked = check_text(text_of(data), "rules.yaml")
    assert checked.errors == [], "\n".join(map(str, checked.errors))
    return checked.scenario


def take(world: Any, state: engine.GameState, label: str) -> engine.GameState:
    option = next(o for o in engine.options(world, state) if o.label.startswith(label))
    return engine.choose(world, state, option.key)


def hub(**extra: Any) -> dict[str, Any]:
    scenes = [
        {"id": "start", "text": "The start.",
         "choices": [{"label": "Wait at the dock", "until": "10:00", "goto": "dock"},
                     {"label": "Go to the hall", "goto": "hall", "minutes": 5},
                     {"label": "Stay", "minutes": 5}]},
        {"id": "dock", "text": "The dock.", "set": ["saw-dock"],
         "arrive": [{"set": ["first"]}, {"when": {"flag": "first"}, "set": ["second"]}],
         "choices": [{"label": "Back", "goto": "start"}]},
        {"id": "hall", "text": "The hall.",
         "questions": {"limit": 1, "items": [{"id": "q1", "ask": "One?", "to": "ed", "answer": "One."},
                                             {"id": "q2", "ask": "Two?", "to": "ed", "answer": "Two."}]},
         "choices": [{"label": "Back", "goto": "start"}]},
        {"id": "north", "text": "North.", "choices": [{"label": "Back", "goto": "start"}]},
        {"id": "south", "text": "South.", "choices": [{"label": "Back", "goto": "start"}]},
        ending("end"),
    ]
    scenes[0]["choices"] += [{"label": "Finish", "goto": "end"}, {"label": "North", "goto": "north"},
                             {"label": "South", "goto": "south"}]
    for scene in scenes[1:5]:
        scene["choices"].append({"label": "Finish", "goto": "end"})
    flags = ["saw-dock", "first", "second", "heard-horn", "a", "b", "x"]
    return scenario(scenes=scenes, flags=flags, **extra)


def test_a_wait_that_crosses_an_event_arrives_first_and_the_event_happens_where_the_player_arrived() -> None:
    world = load(hub(events=[{"id": "horn", "at": "09:30", "when": {"flag": "saw-dock"}, "text": "A horn.",
                              "set": ["heard-horn"]}]))
    state = take(world, engine.new_game(world), "Wait at the dock")
    assert state.scene == "dock" and state.time == minutes_of("10:00")
    # the event's `when` was tested at the end of the step, after the dock's own effects: so it held
    assert "heard-horn" in state.flags and {"first", "second"} <= set(state.flags)


def test_an_events_when_is_tested_at_the_end_of_the_step_and_if_false_it_is_passed_by_for_good() -> None:
    world = load(hub(events=[{"id": "horn", "at": "09:03", "when": {"flag": "saw-dock"},
                              "set": ["heard-horn"]}]))
    state = take(world, engine.new_game(world), "Stay")
    assert "horn" in state.fired and "heard-horn" not in state.flags
    state = take(world, state, "Wait at the dock")
    assert "saw-dock" in state.flags and "heard-horn" not in state.flags, "a passed-by event never comes back"


def test_events_due_together_run_in_the_order_written_and_the_last_goto_wins() -> None:
    world = load(hub(events=[{"id": "a", "at": "09:05", "goto": "north", "set": ["a"]},
                             {"id": "b", "at": "09:05", "goto": "south", "set": ["b"]}]))
    state = take(world, engine.new_game(world), "Stay")
    assert state.fired == ("a", "b") and state.scene == "south" and {"a", "b"} <= set(state.flags)
    assert {"north", "south"} <= set(state.visited), "an event's goto is a visit"


def test_a_question_limit_counts_for_the_whole_game_not_per_visit() -> None:
    world = load(hub())
    state = take(world, engine.new_game(world), "Go to the hall")
    state = take(world, state, "One?")
    assert not any(o.label == "Two?" for o in engine.options(world, state))
    state = take(world, take(world, state, "Back"), "Go to the hall")
    assert not any(o.label in ("One?", "Two?") for o in engine.options(world, state))


def test_a_flag_both_set_and_cleared_by_one_effect_ends_up_lowered() -> None:
    data = hub()
    data["scenes"][0]["choices"][2].update({"set": ["x"], "clear": ["x"]})
    world = load(data)
    assert "x" not in take(world, engine.new_game(world), "Stay").flags


def test_going_back_from_the_desk_costs_nothing_and_returns_to_the_scene_left() -> None:
    data = hub()
    data["scenes"][1]["choices"].append({"label": "Write it", "file": True, "minutes": 0})
    data["filing"] = {"brief": "Write it.", "outcomes": [{"ending": "end"}]}
    world = load(data)
    state = take(world, take(world, engine.new_game(world), "Wait at the dock"), "Write it")
    assert state.at_desk
    back = engine.leave_desk(state)
    assert not back.at_desk and back.scene == "dock" and back.time == state.time
