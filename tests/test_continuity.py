"""Continuity lint (L170-L172) and the desk's story-length writing time, on small crafted scenarios."""

from __future__ import annotations

from typing import Any

import pytest
from authoring_helpers import ending, scenario, text_of, with_filing

from game import engine
from game.authoring.continuity import scene_windows
from game.authoring.lint import lint_text
from game.loader import check_text
from game.model import Scenario


def findings(data: dict[str, Any]) -> list[Any]:
    result = lint_text(text_of(data), "tiny.yaml")
    assert not result.checked.errors, [str(problem) for problem in result.checked.errors]
    return [problem for problem in result.findings if problem.code.startswith("L17")]


def loaded(data: dict[str, Any]) -> Scenario:
    checked = check_text(text_of(data), "tiny.yaml")
    assert checked.scenario is not None and not checked.errors, [str(p) for p in checked.problems]
    return checked.scenario


def two_rooms(hall_text: str, *, hall_when: dict[str, Any] | None = None, **hall: Any) -> dict[str, Any]:
    """A lobby at 09:00, a hall 30 minutes away (when `hall_when` allows), and an ending."""
    go = {"label": "Into the hall", "goto": "hall", "minutes": 30, **({"when": hall_when} if hall_when else {})}
    return scenario(scenes=[
        {"id": "lobby", "text": "The lobby.", "gather": ["ed-go"],
         "choices": [go, {"label": "Leave", "goto": "end"}]},
        {"id": "hall", "text": hall_text, "choices": [{"label": "Leave", "goto": "end"}], **hall},
        ending("end"),
    ])


def test_windows_follow_the_clock_through_waits_and_closing_times() -> None:
    data = two_rooms("The hall.", hall_when={"after": "10:00"})
    windows = scene_windows(loaded(data))
    assert windows["lobby"].first == 9 * 60
    assert windows["hall"].first == 10 * 60 + 30  # waits for 10:00, then 30 minutes on foot
    closed = two_rooms("The hall.", hall_when={"before": "09:00"})
    assert "hall" not in scene_windows(loaded(closed))


def test_a_past_time_readable_before_it_has_come_is_flagged_where_it_is_written() -> None:
    data = two_rooms("A notice posted at 10:15 says the room is full.")
    [problem] = findings(data)
    assert problem.code == "L170" and "09:30" in problem.message
    assert "posted at 10:15" in text_of(data).splitlines()[problem.line - 1]
    assert findings(two_rooms("A notice posted at 09:15 says the room is full.")) == []


def test_a_quote_timed_later_than_any_route_can_gather_it() -> None:
    data = two_rooms("The hall.", gather=["ed-late"])
    data["quotes"].append({"id": "ed-late", "speaker": "ed", "text": "Late words.", "context": "A post",
                           "kind": "social_post", "time": "11:00"})
    [problem] = findings(data)
    assert problem.code == "L170" and "'ed-late' is timed 11:00" in problem.message
    data["scenes"][0]["choices"][0]["when"] = {"after": "11:00"}
    assert findings(data) == []


def test_a_time_still_to_come_that_can_be_read_after_it_passes() -> None:
    stays = {"questions": {"items": [{"id": "q1", "ask": "Why?", "minutes": 60}]}}
    data = two_rooms("The speaker is due at ten.", **stays)
    [problem] = findings(data)
    assert problem.code == "L171" and "due at ten" in problem.message
    assert findings(two_rooms("The speaker is due at eleven.")) == [], "read at 09:30 and gone by 09:40"
    fixed = two_rooms("The hall.", extra=[{"when": {"before": "10:00"}, "text": "The speaker is due at ten."}],
                      **stays)
    assert findings(fixed) == []


def test_a_quote_written_into_the_prose_that_gathers_it() -> None:
    data = two_rooms('Ed looks up. "Get the hall, get the numbers, get out," he says.', gather=["ed-hall"])
    data["quotes"].append({"id": "ed-hall", "speaker": "ed", "text": "Get the hall, get the numbers, get out.",
                           "context": "In the hall", "kind": "on_record"})
    [problem] = findings(data)
    assert problem.code == "L172" and "'ed-hall'" in problem.message
    data["scenes"][1]["text"] = "Ed looks up and gives you your orders."
    assert findings(data) == []


@pytest.mark.parametrize("shipped", ["hanoi-summit", "count-night", "example-bridge"])
def test_the_shipped_scenarios_have_no_continuity_slips(shipped: str) -> None:
    from tests.conftest import ROOT

    result = lint_text((ROOT / "scenarios" / f"{shipped}.yaml").read_text(encoding="utf-8"), shipped)
    assert [str(p) for p in result.findings if p.code.startswith("L17")] == []


def desk(**filing: Any) -> Scenario:
    data = with_filing(scenario())
    data["scenes"][0]["choices"].append({"label": "File it", "file": True})
    data["filing"].update(filing)
    return loaded(data)


def test_writing_time_grows_with_the_story_above_its_floor() -> None:
    paced = desk(writing_minutes=20, minutes_per_100_words=8)
    assert engine.writing_minutes(paced, 0) == 20
    assert engine.writing_minutes(paced, 250) == 20
    assert engine.writing_minutes(paced, 251) == 21  # part of a hundred words still takes its share
    assert engine.writing_minutes(paced, 500) == 40
    flat = desk(writing_minutes=30)
    assert engine.writing_minutes(flat, 5000) == 30
    state = engine.new_game(paced)
    assert engine.filing_time(paced, state, 500) == state.time + 40
    assert engine.words_in("  Three   short\nwords ") == 3


def test_the_desk_clock_runs_at_the_scenario_rate() -> None:
    running, stopped = desk(desk_clock_rate=2), desk()
    state = engine.new_game(running)
    assert engine.write_for(running, state, 90).time == state.time + 3
    assert engine.write_for(running, state, 29).time == state.time  # under a game minute: nothing yet
    assert engine.write_for(stopped, state, 600) is state


def test_objectives_before_play_hide_the_ending() -> None:
    data = scenario(objectives=["Lead with the deal that never came."])
    assert loaded(data).title_objectives == ["Lead with the deal that never came."]
    data["objectives_before_play"] = ["Lead with the news."]
    assert loaded(data).title_objectives == ["Lead with the news."]
