"""The clock budget (`game.authoring.budget`): the latest the clock can show, and what it proves out of reach."""

from __future__ import annotations

from collections import deque
from typing import Any

from authoring_helpers import scenario, text_of, with_filing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import engine
from game.authoring.budget import latest_clock, never_in_time
from game.authoring.playtest import explore
from game.loader import check_text
from game.model import Scenario, minutes_of


def load(data: dict[str, Any]) -> Scenario:
    checked = check_text(text_of(data), "budget.yaml")
    assert checked.scenario is not None and not checked.errors, [str(p) for p in checked.problems]
    return checked.scenario


def press_room(questions: int = 6, loop_costs: bool = False) -> Scenario:
    """A press room of once-only questions and a corridor the reporter can walk to and back; the walk back
    is once-only unless `loop_costs`, when it is a sticky choice that costs minutes (so time can run on)."""
    items = [{"id": f"q{n}", "ask": f"Question {n}?", "to": "ed", "answer": "Yes.", "minutes": 15}
             for n in range(questions)]
    data = scenario(scenes=[
        {"id": "room", "text": "The room.", "gather": ["ed-go"], "questions": {"items": items},
         "choices": [{"label": "Out", "goto": "corridor", "minutes": 5},
                     {"label": "Write", "file": True, "minutes": 0}]},
        {"id": "corridor", "text": "The corridor.", "choices": [
            {"label": "Back in", "goto": "room", "minutes": 5, "once": not loop_costs},
            {"label": "Write", "file": True, "minutes": 0}]}])
    data["clock"] = {"start": "09:00", "deadline": "12:00", "minutes_per_action": 10}
    data = with_filing(data, [{"ending": "missed", "late": True},
                              {"ending": "after-eleven", "when": {"after": "11:30"}}, {"ending": "filed"}])
    data["filing"]["writing_minutes"] = 20
    return load(data)


def target(kind: str, name: str) -> Any:
    return type("Target", (), {"kind": kind, "name": name, "places": {}})()


def test_once_only_moves_bound_the_clock_and_prove_a_late_ending_out_of_reach() -> None:
    room = press_room()
    found = latest_clock(room)
    assert found is not None
    # 6 questions of 15 minutes and one once-only walk back (5), plus at most 5 minutes between each of
    # the 7 once-only moves and after the last: 09:00 + 95 + 8 * 5.
    assert found.latest == minutes_of("09:00") + 95 + 8 * 5
    reason = never_in_time(room, target("ending", "missed"), found)
    assert reason and "a late story" in reason and "11:15" in reason and "11:35" in reason
    reason = never_in_time(room, target("ending", "after-eleven"), found)
    assert reason and "the clock at 11:30 or later" in reason
    assert never_in_time(room, target("ending", "filed"), found) is None  # the fallback ending: always there


def test_the_walk_cut_short_reports_the_proof_and_a_complete_walk_agrees() -> None:
    room = press_room()
    report = explore(room, max_states=5, search_states=5, first_look=5)
    settled = {item.id: item for item in report.settled}
    assert settled["ending:missed"].status == "unreachable"
    assert "the clock can never pass 11:15" in settled["ending:missed"].reason
    full = explore(room)
    assert full.exhaustive and "missed" not in full.endings and "after-eleven" not in full.endings


def test_a_loop_that_costs_minutes_gives_no_bound_and_proves_nothing() -> None:
    looping = press_room(loop_costs=True)
    assert latest_clock(looping) is None
    report = explore(looping, max_states=5, search_states=2_000, first_look=5)
    assert all(item.status != "unreachable" for item in report.settled if item.id == "ending:missed")


def test_a_desk_whose_clock_runs_or_a_long_story_that_costs_time_proves_no_late_ending() -> None:
    room = press_room()
    found = latest_clock(room)
    assert found is not None
    longer = room.model_copy(update={"filing": room.filing.model_copy(update={"minutes_per_100_words": 5})})
    assert never_in_time(longer, target("ending", "missed"), latest_clock(longer)) is None
    running = room.model_copy(update={"filing": room.filing.model_copy(update={"desk_clock_rate": 1})})
    assert latest_clock(running) is None


# --- soundness: no state a complete walk reaches is later than the bound -----------------------------

def _key(state: engine.GameState) -> tuple[Any, ...]:
    return (state.scene, state.time, frozenset(state.quotes), frozenset(state.facts), frozenset(state.flags),
            frozenset(state.visited), frozenset(state.taken), state.at_desk, state.ending, frozenset(state.fired))


def latest_seen(room: Scenario, cap: int) -> tuple[int, int]:
    """Every state a player can reach whose clock is at most `cap` (and the first past it, not walked on):
    the latest clock seen, and the latest a story filed from one of them would be in."""
    start = engine.new_game(room)
    seen = {_key(start)}
    queue = deque([start])
    latest = filed = start.time
    while queue:
        state = queue.popleft()
        latest = max(latest, state.time)
        if state.ending or state.time > cap:
            continue
        if state.at_desk:
            filed = max(filed, engine.filing_time(room, state))
            after = [engine.leave_desk(state)]
        else:
            after = [successor.state for successor in engine.successors(room, state)]
        for nxt in after:
            if _key(nxt) not in seen:
                seen.add(_key(nxt))
                queue.append(nxt)
    return latest, filed


@st.composite
def clocked_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """Three scenes of choices with minutes (sticky or once), waits until a time, questions under a limit or
    not, timed events that move the player; a desk with writing minutes."""
    scenes = []
    for index in range(3):
        choices: list[dict[str, Any]] = []
        for n in range(draw(st.integers(1, 3))):
            choice: dict[str, Any] = {"label": f"choice {n}", "goto": draw(st.sampled_from(["s0", "s1", "s2"])),
                                      "once": draw(st.booleans())}
            if draw(st.integers(0, 4)) == 0:
                choice["until"] = draw(st.sampled_from(["09:30", "10:15"]))
            else:
                choice["minutes"] = draw(st.sampled_from([0, 0, 5, 20]))
            choices.append(choice)
        if index == 2 or draw(st.booleans()):
            choices.append({"label": "write", "file": True, "minutes": draw(st.sampled_from([0, 0, 10]))})
        scene: dict[str, Any] = {"id": f"s{index}", "text": f"Scene {index}.", "choices": choices}
        asked = draw(st.integers(0, 3))
        if asked:
            scene["questions"] = {"items": [{"id": f"k{index}{n}", "ask": f"Q{n}?", "to": "ed", "answer": "A.",
                                             "minutes": draw(st.sampled_from([5, 15]))} for n in range(asked)]}
            if draw(st.booleans()):
                scene["questions"]["limit"] = draw(st.integers(1, 2))
        scenes.append(scene)
    scenes[0]["gather"] = ["ed-go"]
    events = [{"id": f"e{n}", "at": draw(st.sampled_from(["09:20", "09:50"])), "text": "Now.",
               "goto": draw(st.sampled_from(["s0", "s1", "s2"]))} for n in range(draw(st.integers(0, 2)))]
    data = scenario(scenes=scenes, **({"events": events} if events else {}))
    data["clock"] = {"start": "09:00", "deadline": "11:00", "minutes_per_action": 10}
    data = with_filing(data, [{"ending": "missed", "late": True}, {"ending": "filed"}])
    data["filing"]["writing_minutes"] = draw(st.sampled_from([0, 30]))
    return data


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clocked_scenarios())
def test_no_route_passes_the_bound_and_a_late_ending_proven_out_of_reach_never_happens(data: dict[str, Any]) -> None:
    checked = check_text(text_of(data), "clocked.yaml")
    if checked.scenario is None or checked.errors:
        return
    clocked = checked.scenario
    found = latest_clock(clocked)
    if found is None:
        return
    latest, filed = latest_seen(clocked, found.latest)
    assert latest <= found.latest
    if never_in_time(clocked, target("ending", "missed"), found):
        assert filed <= minutes_of(clocked.clock.deadline)


# --- what the world does is covered too: timed events and chance outcomes ---------------------------

def newsroom(event_at: str, luck: bool = True) -> Scenario:
    """A once-only call (a chance: the source answers or not) and a press room of questions; a timed event."""
    data = scenario(scenes=[
        {"id": "room", "text": "The room.", "gather": ["ed-go"],
         "questions": {"items": [{"id": f"q{n}", "ask": f"Question {n}?", "to": "ed", "answer": "Yes.",
                                  "minutes": 15} for n in range(4)]},
         "choices": [{"label": "Call the source", "once": True, "minutes": 10,
                      "chance": [{"id": "answers", "weight": 1, "text": "She picks up."},
                                 {"id": "silent", "weight": 1, "text": "Nothing."}]} if luck else
                     {"label": "Call the source", "once": True, "minutes": 10},
                     {"label": "Write", "file": True, "minutes": 0}]}],
        events=[{"id": "statement", "at": event_at, "text": "A statement lands."}])
    return load(with_filing(data))


def test_an_event_and_chance_outcomes_the_walk_missed_are_settled_by_search() -> None:
    room = newsroom("10:00")
    report = explore(room, max_states=3, search_states=2_000, first_look=3)
    settled = {item.id: item for item in report.settled}
    assert settled["event:statement"].status == "reached" and settled["event:statement"].route
    assert report.has("event", "statement") and report.has("chance", "room/1:silent")
    assert report.complete and report.exit_code == 0


def test_an_event_after_the_latest_clock_is_proven_never_to_come() -> None:
    room = newsroom("11:30")
    found = latest_clock(room)
    assert found is not None and found.latest < minutes_of("11:30")
    report = explore(room, max_states=3, search_states=2_000, first_look=3)
    settled = {item.id: item for item in report.settled}
    assert settled["event:statement"].status == "unreachable"
    assert "it comes at 11:30" in settled["event:statement"].reason
    full = explore(room)
    assert full.exhaustive and not full.has("event", "statement")


def test_an_event_the_search_cannot_settle_keeps_the_walk_incomplete() -> None:
    room = newsroom("10:00", luck=False)
    report = explore(room, max_states=3, search_states=1, first_look=3)
    if not report.has("event", "statement"):
        assert not report.complete and report.exit_code == 3
