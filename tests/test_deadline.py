"""The deadline at the story desk (game.deadline), as every face shows it: the file-by time of the story as
it stands, the clock that runs while the player writes, and the warnings before the deadline passes."""

from __future__ import annotations

from game import deadline, engine
from game.model import Scenario


def with_filing(scenario: Scenario, **changes: object) -> Scenario:
    assert scenario.filing is not None
    return replace_model(scenario, filing=scenario.filing.model_copy(update=changes))


def replace_model(scenario: Scenario, **changes: object) -> Scenario:
    return scenario.model_copy(update=changes)


def test_the_file_by_time_grows_with_the_story(example: Scenario) -> None:
    timed = with_filing(example, writing_minutes=10, minutes_per_100_words=5)
    state = engine.new_game(timed)
    empty, long = deadline.file_by(timed, state, 0), deadline.file_by(timed, state, 600)
    assert empty.at == state.time + engine.writing_minutes(timed, 0)
    assert long.at == state.time + engine.writing_minutes(timed, 600) and long.at > empty.at
    assert long.spare == engine.index(timed).deadline - long.at


def test_a_story_that_would_miss_the_deadline_says_how_late() -> None:
    found = deadline.FileBy(now=600, at=640, writing=40, deadline=630, words=300)
    assert found.late and found.spare == -10 and found.status == "10 min late"
    assert deadline.FileBy(600, 610, 10, 630, 100).status == "20 min to spare"
    assert deadline.FileBy(600, 630, 30, 630, 100).status == "on the deadline"


def test_each_warning_is_given_once_and_only_the_most_pressing_at_a_time() -> None:
    comfortable = deadline.FileBy(600, 610, 10, 700, 100)
    assert deadline.warnings_due(comfortable) == ((), frozenset())
    close = deadline.FileBy(600, 691, 10, 700, 100)  # 9 to spare: the 10-minute warning
    (said,), warned = deadline.warnings_due(close)
    assert "9 min to spare" in said and warned == {10}
    assert deadline.warnings_due(close, warned) == ((), warned)  # not again
    late = deadline.FileBy(600, 705, 10, 700, 100)  # 5 and late crossed at once: only "late" is said
    (said,), warned = deadline.warnings_due(late, warned)
    assert "late" in said and warned == {10, 5, deadline.LATE}


def test_the_clock_runs_while_the_player_writes_at_the_scenarios_rate(example: Scenario) -> None:
    running = with_filing(example, desk_clock_rate=2)
    state = engine.new_game(running)
    clock = deadline.DeskClock(state).spend(60).spend(30)  # 90 real seconds at 2 game minutes a real minute
    assert clock.state(running).time == state.time + 3
    still = with_filing(example, desk_clock_rate=0)
    assert deadline.DeskClock(state).spend(600).state(still).time == state.time
    assert not deadline.clock_runs(still) and deadline.clock_runs(running)


def test_writing_up_to_the_deadline_warns_then_says_late(example: Scenario) -> None:
    running = with_filing(example, desk_clock_rate=60)  # a game minute per real second
    state = engine.new_game(running)
    found = deadline.file_by(running, state, 0)
    clock = deadline.DeskClock(state).spend(found.spare - 8)  # 8 minutes to spare
    clock, found, said = clock.check(running, 0)
    assert found.spare == 8 and len(said) == 1 and "8 min to spare" in said[0]
    clock, found, said = clock.spend(9).check(running, 0)
    assert found.late and "late" in said[0]
    assert clock.spend(1).check(running, 0)[2] == ()
