"""newsroom playtest: coverage, endings and routes, dead ends and errors on small crafted scenarios; the
memo that keeps loops finite; the random mode; and every shipped scenario through validate, lint and playtest."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from authoring_helpers import ending, scenario, text_of, with_filing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import engine
from game.authoring import directed
from game.authoring.lint import lint_text
from game.authoring.playtest import FILE_STEP, LEAVE_STEP, Desk, explore, next_states, play_randomly, route_text
from game.bundled import bundled
from game.cli import main
from game.loader import check_text
from game.model import Scenario
from tests.conftest import ROOT

JSON_KEYS = {"scenes_total", "scenes_reached", "choices_total", "choices_taken", "endings", "dead_ends", "errors"}

WHOLE_WALK = 200_000
"""States enough for the whole walk of the scenarios the property tests draw (one has needed more than
the first look of 5,000: its once-only choices times the clock)."""


def load(data: dict[str, Any]) -> Scenario:
    checked = check_text(text_of(data), "tiny.yaml")
    assert checked.scenario is not None and not checked.errors, [str(p) for p in checked.problems]
    return checked.scenario


def replay(scenario: Scenario, route: list[str]) -> engine.GameState:
    """Play a reported route on the engine, step by step, as a player would."""
    state = engine.new_game(scenario)
    for step in route:
        if step == LEAVE_STEP:
            state = engine.leave_desk(state)
        elif step.startswith(FILE_STEP):
            match = re.search(r"score (\d+)(?:, an error in (\w+))?", step)
            assert match, step
            errors = frozenset([match[2]]) if match[2] else frozenset()
            state = engine.file_story(scenario, state, int(match[1]), errors)
        else:
            [option] = [o for o in engine.options(scenario, state) if o.label == step]
            state = engine.choose(scenario, state, option.key)
    return state


# --- coverage and endings ---------------------------------------------------------------------------

def test_the_example_covers_everything_and_every_route_replays(example: Scenario) -> None:
    report = explore(example)
    data = report.as_json()
    assert set(data) >= JSON_KEYS
    assert report.complete and report.ok
    assert data["scenes_reached"] == data["scenes_total"] == len(example.scenes)
    assert data["choices_taken"] == data["choices_total"]
    assert data["quotes_never"] == [] and data["facts_never"] == []
    assert data["endings"] == ["front-page", "inside", "correction", "missed"]
    for ending_id, route in report.endings.items():
        assert replay(example, route).ending == ending_id
    # the shortest route to the front page: the chamber, then straight to the desk
    assert len(report.endings["front-page"]) == 3
    # missing the deadline takes dithering at the desk, and the route says so
    assert LEAVE_STEP in report.endings["missed"]
    longest = replay(example, report.longest)
    assert longest.ending == report.longest_ending
    assert LEAVE_STEP not in report.longest
    assert len(report.longest) >= max(len(route) for route in report.endings.values() if LEAVE_STEP not in route)


def test_what_is_never_reached_is_listed() -> None:
    data = scenario(
        flags=["never"],
        quotes=[*scenario()["quotes"],
                {"id": "hidden", "speaker": "ed", "text": "Hidden.", "context": "c", "kind": "on_record"}],
        facts=[{"id": "lost", "statement": "Lost.", "status": "confirmed"}],
        scenes=[{"id": "start", "text": "Start.", "gather": ["ed-go"],
                 "questions": {"items": [{"id": "ask", "ask": "Well?", "to": "ed", "when": {"flag": "never"}}]},
                 "choices": [{"label": "Go on", "goto": "end"},
                             {"label": "Vault", "goto": "vault", "when": {"flag": "never"}}]},
                {"id": "vault", "text": "Vault.", "gather": ["hidden"], "learn": ["lost"],
                 "choices": [{"label": "Out", "goto": "secret-end"}]},
                ending("end"), ending("secret-end")])
    report = explore(load(data)).as_json()
    assert report["scenes_total"] == 4 and report["scenes_reached"] == 2
    assert report["scenes_never"] == ["vault", "secret-end"]
    assert report["choices_total"] == 3 and report["choices_taken"] == 1
    assert [c["label"] for c in report["choices_never"]] == ["Vault", "Out"]
    assert report["questions_never"] == [{"scene": "start", "key": "start/ask:ask", "ask": "Well?"}]
    assert report["quotes_never"] == ["hidden"] and report["facts_never"] == ["lost"]
    assert report["endings"] == ["end"] and report["endings_never"] == ["secret-end"]
    assert report["dead_ends"] == [] and report["errors"] == []


def test_every_outcome_at_the_desk_is_tried() -> None:
    data = with_filing(scenario(), [
        {"ending": "late", "late": True},
        {"ending": "corrected", "errors_in": ["accuracy"]},
        {"ending": "great", "min_score": 90},
        {"ending": "poor", "max_score": 20},
        {"ending": "flagged", "when": {"flag": "bold"}},
        {"ending": "fine"}])
    data["flags"] = ["bold"]
    data["clock"] = {"start": "09:00", "deadline": "09:30"}
    data["scenes"][0]["choices"] = [{"label": "Write", "file": True}, {"label": "Be bold", "set": ["bold"]},
                                    {"label": "Give up", "goto": "end"}]
    scenario_ = load(data)
    report = explore(scenario_)
    assert sorted(report.endings) == ["corrected", "end", "fine", "flagged", "great", "late", "poor"]
    for ending_id, route in report.endings.items():
        assert replay(scenario_, route).ending == ending_id


# --- dead ends, errors, limits -----------------------------------------------------------------------

def stranded() -> dict[str, Any]:
    """A once-only way out of a scene the player can come back to: the second visit is a dead end."""
    return scenario(scenes=[
        {"id": "start", "text": "Start.", "gather": ["ed-go"], "choices": [
            {"label": "Into the room", "goto": "room", "once": True},
            {"label": "Go on", "goto": "end", "when": {"not": {"visited": "room"}}}]},
        {"id": "room", "text": "A room.", "choices": [{"label": "Back", "goto": "start"}]},
        ending("end")])


def test_a_dead_end_is_found_with_the_route_to_it() -> None:
    scenario_ = load(stranded())
    report = explore(scenario_)
    assert not report.ok
    [dead] = report.dead_ends
    assert dead.scene == "start" and dead.route == ["Into the room", "Back"]
    assert engine.options(scenario_, replay(scenario_, dead.route)) == []
    assert lint_text(text_of(stranded()), "tiny.yaml").problems == []  # only playing finds this one


def test_the_command_exits_1_on_a_dead_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stranded.yaml"
    path.write_text(text_of(stranded()), encoding="utf-8")
    assert main(["playtest", str(path)]) == 1
    out = capsys.readouterr().out
    assert "DEAD END in scene 'start'" in out and "Into the room > Back" in out
    assert main(["playtest", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["dead_ends"] == [{"scene": "start", "route": ["Into the room", "Back"], "count": 1}]


def test_an_engine_error_is_reported_with_its_route(monkeypatch: pytest.MonkeyPatch, example: Scenario) -> None:
    real_choose = engine.choose

    def broken(scenario_: Scenario, state: engine.GameState, key: engine.Key) -> engine.GameState:
        if key.scene == "gallery":
            raise KeyError("boom")
        return real_choose(scenario_, state, key)

    monkeypatch.setattr(engine, "choose", broken)
    report = explore(example)
    assert not report.ok and report.dead_ends == []
    [error] = report.errors
    assert error.scene == "gallery" and "KeyError" in error.message
    assert error.route[-1] == "Listen to the gossip in the gallery"


def test_loops_and_counters_do_not_explode() -> None:
    """A sticky stay-here choice that costs time and raises a counter: endless, but finitely many states."""
    data = scenario(counters={"coffee": 0}, scenes=[
        {"id": "start", "text": "Start.", "gather": ["ed-go"], "choices": [
            {"label": "Another coffee", "change": {"coffee": 1}},
            {"label": "Wired", "goto": "end", "when": {"counter": "coffee", "at_least": 3}},
            {"label": "Go on", "goto": "end"}]},
        ending("end")])
    report = explore(load(data))
    assert report.complete and report.ok and report.loops
    assert report.states < 100
    assert report.choices == {"start/1", "start/2", "start/3"}


def test_a_walk_cut_short_is_settled_by_directed_search(example: Scenario, capsys: pytest.CaptureFixture[str]) -> None:
    """Stopped at 10 states, the walk leaves targets unreached; a directed search reaches each, with a route
    that replays to it, so the playtest is still complete (and says how it got there)."""
    report = explore(example, max_states=10)
    assert not report.exhaustive and report.states == 10
    assert report.complete and report.exit_code == 0
    assert report.settled and all(target.status == "reached" for target in report.settled)
    for target in report.settled:
        if target.kind == "ending":
            assert replay(example, target.route).ending == target.name
    assert {part for part, _ in report.multipliers} >= {"the clock"}
    assert main(["playtest", "--max-states", "10", "example-bridge"]) == 0
    out = capsys.readouterr().out
    assert "STOPPED after 10 states (limit 10)" in out and "settled by a directed search" in out
    assert "the states multiplied on: the clock" in out


def test_a_walk_that_cannot_finish_exits_3_and_never_says_never(example: Scenario,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    report = explore(example, max_states=10, search_states=5)
    assert not report.complete and report.exit_code == 3
    data = report.as_json()
    assert data["complete"] is False and data["exhaustive"] is False and data["exit_code"] == 3
    assert data["endings_unknown"] == ["missed"] and data["endings_never"] == []
    assert [t["status"] for t in data["searched"] if t["name"] == "missed"] == ["unknown"]
    assert main(["playtest", "--max-states", "10", "--search-states", "5", "example-bridge"]) == 3
    out = capsys.readouterr().out
    assert "NOT COMPLETE" in out and "not reached before the limit" in out and "never:" not in out
    assert "exit 3" in out
    # the advice names a part of the guide that is there
    named = re.search(r'see docs/authoring\.md, "([^"]+)"', out)
    assert named and named.group(1) in (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


# --- random mode ------------------------------------------------------------------------------------

def test_random_playthroughs_are_seeded(example: Scenario) -> None:
    first = play_randomly(example, 50, seed=7).as_json()
    again = play_randomly(example, 50, seed=7).as_json()
    assert first == again
    assert first["runs"] == 50 and first["seed"] == 7 and first["mode"] == "random"
    assert set(first["endings"]) <= {"front-page", "inside", "correction", "missed"} and first["endings"]
    for ending_id, route in play_randomly(example, 50, seed=7).endings.items():
        assert replay_loosely(example, route) == ending_id


def replay_loosely(scenario_: Scenario, route: list[str]) -> str | None:
    """Random routes may file with several errors; replay them with the errors they name."""
    state = engine.new_game(scenario_)
    for step in route:
        if step == LEAVE_STEP:
            state = engine.leave_desk(state)
        elif step.startswith(FILE_STEP):
            match = re.search(r"score (\d+)(?:, errors in ([\w, ]+))?", step)
            assert match
            errors = frozenset(match[2].split(", ")) if match[2] else frozenset()
            state = engine.file_story(scenario_, state, int(match[1]), errors)
        else:
            [option] = [o for o in engine.options(scenario_, state) if o.label == step]
            state = engine.choose(scenario_, state, option.key)
    return state.ending


def test_the_random_command_prints_its_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playtest", "example-bridge", "--random", "20", "--seed", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["runs"] == 20 and report["seed"] == 3 and set(report) >= JSON_KEYS
    assert main(["playtest", "example-bridge", "--random", "5"]) == 0
    assert re.search(r"5 random playthroughs, seed \d+", capsys.readouterr().out)


def test_bad_arguments_and_bad_files_are_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["playtest", "example-bridge", "--random", "0"])
    assert exit_.value.code == 2
    assert main(["playtest", str(tmp_path / "missing.yaml")]) == 2
    assert "no scenario file" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\n", encoding="utf-8")
    assert main(["playtest", str(broken)]) == 1
    assert "does not validate" in capsys.readouterr().err


def test_route_text_folds_repeats() -> None:
    assert route_text([]) == "(the start)"
    assert route_text(["a", "b", "x", "y", "x", "y", "x", "y", "c"]) == "a > b > (x > y) x3 > c"
    assert route_text(["a", "a", "a", "b"]) == "a x3 > b"
    assert route_text(["a", "a", "b"]) == "a > a > b"
    long = [f"s{n}" for n in range(100)]
    assert route_text(long) == " > ".join([*long[:12], "... 80 more steps ...", *long[-8:]])
    assert route_text(long, shown=None) == " > ".join(long)


# --- lint and playtest agree ------------------------------------------------------------------------

FLAGS = ["a", "b", "c"]
atoms = st.one_of(
    st.sampled_from(FLAGS).map(lambda flag: {"flag": flag}),
    st.sampled_from(FLAGS).map(lambda flag: {"not": {"flag": flag}}),
    st.sampled_from(["s0", "s1", "s2"]).map(lambda scene: {"visited": scene}),
    st.integers(-1, 2).map(lambda n: {"counter": "n", "at_least": n}),
    st.sampled_from(["09:20", "10:00"]).map(lambda t: {"before": t}),
)
conditions = st.one_of(st.none(), atoms, st.lists(atoms, min_size=2, max_size=3).map(lambda parts: {"all": parts}))


@st.composite
def small_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    scenes = []
    for index in range(3):
        choices = []
        for _ in range(draw(st.integers(1, 3))):
            choice: dict[str, Any] = {"label": f"choice {len(choices)}",
                                      "goto": draw(st.sampled_from(["s0", "s1", "s2", "end"]))}
            when = draw(conditions)
            if when:
                choice["when"] = when
            effect = draw(st.sampled_from(["", "set", "clear", "up", "down"]))
            if effect in ("set", "clear"):
                choice[effect] = [draw(st.sampled_from(FLAGS))]
            elif effect:
                choice["change"] = {"n": 1 if effect == "up" else -1}
            choice["once"] = draw(st.booleans())
            choice["fallback"] = draw(st.booleans())
            choices.append(choice)
        choices.append({"label": "leave", "goto": "end", "when": draw(conditions)} if index == 0 else
                       {"label": "back", "goto": "s0", "when": draw(conditions)} if draw(st.booleans()) else
                       {"label": "back", "goto": "s0"})
        choices[-1] = {key: value for key, value in choices[-1].items() if value is not None}
        choices[0]["goto"] = f"s{index + 1}" if index < 2 else "end"  # every scene is linked
        scenes.append({"id": f"s{index}", "text": f"Scene {index}.", "choices": choices})
    scenes[0]["gather"] = ["ed-go"]
    return scenario(flags=FLAGS, counters={"n": 0}, scenes=[*scenes, ending("end")])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_scenarios())
def test_whatever_lint_says_can_never_happen_never_happens_in_play(data: dict[str, Any]) -> None:
    checked = check_text(text_of(data), "random.yaml")
    if checked.scenario is None or checked.errors:
        return  # e.g. a scene nothing leads to: validation's business
    linted = lint_text(text_of(data), "random.yaml")
    report = explore(checked.scenario, max_states=2_000)  # a counter that goes both ways has no end
    never = {problem.message.split('"')[1] + "@" + problem.message.split("'")[1]
             for problem in linted.findings if problem.code == "L101"}
    for s, _, key, label in report.all_choices():
        if f"{label}@{checked.scenario.scenes[s].id}" in never:
            assert key not in report.choices, f"lint said {key} is never offered, but playtest took it"
    unreached = {problem.message.split("'")[1] for problem in linted.findings if problem.code in ("L140", "L141")}
    assert not unreached & report.scenes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_scenarios(), st.randoms(use_true_random=False))
def test_choose_takes_exactly_what_options_offers(data: dict[str, Any], chance: Any) -> None:
    """The engine's quick check in `choose` agrees with `options` on every key of every scene visited."""
    checked = check_text(text_of(data), "random.yaml")
    if checked.scenario is None or checked.errors:
        return
    scenario_ = checked.scenario
    every_key = {o.key for scene in scenario_.scenes for o, _ in engine.index(scenario_).menus[scene.id].questions
                 + engine.index(scenario_).menus[scene.id].choices}
    state = engine.new_game(scenario_)
    for _ in range(30):
        offered = {option.key for option in engine.options(scenario_, state)}
        for key in every_key:
            try:
                engine.choose(scenario_, state, key)
                assert key in offered, f"choose took {key}, which options did not offer"
            except engine.InvalidChoice:
                assert key not in offered, f"choose refused {key}, which options offered"
        if not offered:
            break
        state = engine.choose(scenario_, state, chance.choice(sorted(offered)))


def naive_coverage(scenario_: Scenario, limit: int) -> tuple[set[str], set[str], set[str], int] | None:
    """(scenes, option keys, endings, dead ends) by a walk that memoises on the whole state (all but history,
    response and gathered): slow but plainly right. None when it does not finish within `limit` states."""
    desk = Desk(scenario_)
    start = engine.new_game(scenario_)

    def whole(state: engine.GameState) -> object:
        return dataclasses.replace(state, history=(), response=None, gathered=())

    seen = {whole(start)}
    todo = [start]
    scenes, keys, endings, dead = {start.scene}, set(), set(), 0
    while todo:
        state = todo.pop()
        if state.ending:
            endings.add(state.ending)
            continue
        steps = next_states(scenario_, state, desk, lambda option: keys.add(option.key.text))  # as the report names it
        dead += not steps
        for _, after in steps:
            scenes.add(after.scene)
            if whole(after) not in seen:
                if len(seen) >= limit:
                    return None
                seen.add(whole(after))
                todo.append(after)
    return scenes, keys, endings, dead


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_scenarios())
def test_the_memoised_walk_finds_what_the_plain_walk_finds(data: dict[str, Any]) -> None:
    """Leaving out of the memo what no reachable condition tests loses nothing: same scenes, choices,
    endings and dead ends as a walk that tells every different state apart."""
    checked = check_text(text_of(data), "random.yaml")
    if checked.scenario is None or checked.errors:
        return
    plain = naive_coverage(checked.scenario, limit=3_000)
    if plain is None:
        return  # a counter that goes both ways without end: nothing to compare with
    scenes, keys, endings, dead = plain
    report = explore(checked.scenario)
    assert report.complete
    assert report.scenes == scenes
    assert report.choices | report.questions == keys
    assert set(report.endings) == endings
    assert bool(report.dead_ends) == bool(dead)


# --- CI: every shipped scenario validates, lints clean under --strict and playtests clean -------------

@pytest.mark.parametrize("name", sorted(bundled()))
def test_every_shipped_scenario_validates_lints_strictly_and_playtests(name: str,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = str(bundled()[name])
    assert main(["validate", path]) == 0, capsys.readouterr().out
    assert main(["lint", "--strict", path]) == 0, capsys.readouterr().out
    assert main(["playtest", "--json", path]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["complete"], f"{name}: the exhaustive playtest hit its state limit"
    assert report["dead_ends"] == [] and report["errors"] == []
    assert report["endings_never"] == [], f"{name}: endings no playthrough reaches"


def _rivals(port_clears_union: bool = True) -> Scenario:
    """A hub where backing the union lowers 'port' and backing the port lowers 'union' (unless told not to):
    an ending and a choice that need both flags."""
    data = scenario(flags=["union", "port"], scenes=[
        {"id": "start", "text": "The hall.", "choices": [
            {"label": "Back the union", "set": ["union"], "clear": ["port"]},
            {"label": "Back the port", "set": ["port"], "clear": ["union"] if port_clears_union else []},
            {"label": "Claim both sides", "when": {"all": [{"flag": "union"}, {"flag": "port"}]},
             "response": "Both."},
            {"label": "Wait", "minutes": 5},
            {"label": "Write", "file": True, "minutes": 0}]},
    ])
    data = with_filing(data, [{"ending": "exclusive", "when": {"all": [{"flag": "union"}, {"flag": "port"}]}},
                              {"ending": "filed"}])
    return load(data)


def test_a_walk_cut_short_proves_flags_that_lower_each_other_are_never_up_together() -> None:
    report = explore(_rivals(), max_states=3, search_states=3, first_look=3)
    assert not report.exhaustive
    settled = {target.name: target for target in report.settled}
    for name in ("exclusive", "start/3"):
        assert settled[name].status == "unreachable", name
        assert "'port' and 'union' raised together" in settled[name].reason
    full = explore(_rivals())
    assert full.exhaustive and "exclusive" not in full.endings and "start/3" not in full.choices


def test_flags_that_do_not_lower_each_other_are_not_proven_apart() -> None:
    report = explore(_rivals(port_clears_union=False), max_states=3, search_states=3, first_look=3)
    settled = {target.name: target for target in report.settled}
    assert all(settled[name].status != "unreachable" for name in ("exclusive", "start/3") if name in settled)
    full = explore(_rivals(port_clears_union=False))
    assert "exclusive" in full.endings and "start/3" in full.choices


def _gate(*, lowered: bool = False, when: dict[str, Any] | None = None, filing_minutes: int = 0,
          by_visit: bool = False) -> Scenario:
    """A quay the reporter can walk round all morning; at 10:00 a timed event shuts the gate (raises 'shut',
    or with `by_visit` takes the player to the yard), and the fish berth opens only from 10:30 with the gate
    open. Variants: a choice that lowers the flag again, a condition on the event, a filing choice that
    takes minutes (the desk fires no events, so going back finds the gate still open)."""
    event: dict[str, Any] = {"id": "gate", "at": "10:00", "text": "The gate shuts."}
    event.update({"goto": "yard"} if by_visit else {"set": ["shut"]})
    if when:
        event["when"] = when
    unseen = {"visited": "yard"} if by_visit else {"flag": "shut"}
    choices: list[dict[str, Any]] = [
        {"label": "Walk the quay", "minutes": 10},
        {"label": "Get a tip", "once": True, "set": ["tipped"]},
        {"label": "Watch the berth", "when": {"all": [{"after": "10:30"}, {"not": unseen}]}, "goto": "berth"},
        {"label": "Write", "file": True, "minutes": filing_minutes}]
    if lowered:
        choices.append({"label": "Talk the gate open", "clear": ["shut"]})
    data = scenario(flags=["shut", "tipped"], events=[event], scenes=[
        {"id": "start", "text": "The quay.", "gather": ["ed-go"], "choices": choices},
        *([{"id": "yard", "text": "The yard.", "choices": [{"label": "Back to the quay", "goto": "start"}]}]
          if by_visit else []),
        {"id": "berth", "text": "The berth.", "choices": [
            {"label": "Ask about the catch", "once": True, "gather": ["ed-catch"]},
            {"label": "Back", "goto": "start"}]}])
    data["quotes"].append({"id": "ed-catch", "speaker": "ed", "text": "Sold on.", "context": "the berth",
                           "kind": "on_record"})
    return load(with_filing(data, [{"ending": "scoop", "when": {"all": [{"after": "10:30"}, {"not": unseen}]}},
                                   {"ending": "filed"}]))


GATED = ["choice:start/3", "scene:berth", "choice:berth/1", "choice:berth/2", "quote:ed-catch", "ending:scoop"]


def _settled(report: Any) -> dict[str, Any]:
    return {target.id: target for target in report.settled}


@pytest.mark.parametrize("variant", [{}, {"by_visit": True}, {"when": {"after": "09:30"}}])
def test_a_walk_cut_short_proves_what_a_sure_event_has_closed_by_the_time_it_opens(variant: dict[str, Any]) -> None:
    """The berth needs 10:30 or later with the gate open; an event with no condition (or one that always
    holds when it fires) shuts it at 10:00 for good: the berth, its choices and its quote are proven
    unreachable, each with the reason; a complete walk agrees."""
    gated = _gate(**variant)
    report = explore(gated, max_states=3, search_states=3, first_look=3)
    assert not report.exhaustive
    settled = _settled(report)
    for name in GATED:
        assert settled[name].status == "unreachable", (name, settled[name].reason)
        assert "the timed event 'gate' (due at 10:00, always happens)" in settled[name].reason
    assert "10:30 or later with" in settled["choice:start/3"].reason
    assert "once choice 'start/3' is shut" in settled["quote:ed-catch"].reason
    assert "no route can enter scene 'berth'" in settled["choice:berth/1"].reason
    full = explore(gated)
    assert full.exhaustive and not {f"{kind}:{name}" for kind, name in [t.split(":", 1) for t in GATED]
                                    if full.has(kind, name)}


@pytest.mark.parametrize("variant", [{"lowered": True}, {"when": {"flag": "tipped"}}, {"filing_minutes": 40},
                                     {"by_visit": True, "filing_minutes": 40}])
def test_an_event_that_can_be_undone_or_passed_by_or_outrun_at_the_desk_proves_nothing(
        variant: dict[str, Any]) -> None:
    """The flag lowered again, an event that needs the tip, or a filing choice that takes 40 minutes (at
    09:50, filing carries the clock to 10:30 and the desk fires no events, so going back finds the gate
    open): none of these is proven, and a complete walk does reach the berth."""
    gated = _gate(**variant)
    report = explore(gated, max_states=3, search_states=3, first_look=3)
    assert all(target.status != "unreachable" for target in report.settled if target.id in GATED)
    full = explore(gated)
    assert full.exhaustive and "start/3" in full.choices and "scoop" in full.endings
    if not variant.get("by_visit"):  # (there, the event fires as the step into the berth ends: off to the yard)
        assert "berth" in full.scenes and "ed-catch" in full.quotes


def _hall(always: bool) -> Scenario:
    """A fallback beside choices always on offer, or (not `always`) offered only before 10:00."""
    until_ten = {} if always else {"when": {"before": "10:00"}}
    data = scenario(scenes=[
        {"id": "start", "text": "The hall.", "gather": ["ed-go"], "choices": [
            {"label": "Read the notes", "when": {"before": "09:30"}, "once": True},
            {"label": "Ask for the secretary", "fallback": True, "goto": "end"},
            {"label": "Pace", "minutes": 10, **until_ten},
            {"label": "Go on", "goto": "end", **until_ten}]},
        ending("end")])
    return load(data)


def test_a_fallback_is_proven_never_offered_where_something_else_always_is() -> None:
    report = explore(_hall(always=True), max_states=2, search_states=2, first_look=2)
    target = _settled(report)["choice:start/2"]
    assert target.status == "unreachable" and "'Pace' is always on offer" in target.reason
    assert "start/2" not in explore(_hall(always=True)).choices
    contrast = explore(_hall(always=False), max_states=2, search_states=2, first_look=2)
    assert all(t.status != "unreachable" for t in contrast.settled if t.id == "choice:start/2")
    assert "start/2" in explore(_hall(always=False)).choices


timed_atoms = st.one_of(
    st.sampled_from(FLAGS).map(lambda flag: {"not": {"flag": flag}}),
    st.sampled_from(FLAGS).map(lambda flag: {"flag": flag}),
    st.sampled_from(["s1", "s2"]).map(lambda scene: {"not": {"visited": scene}}),
    st.sampled_from(["09:20", "09:40", "10:00"]).map(lambda t: {"after": t}),
    st.sampled_from(["09:40", "10:00"]).map(lambda t: {"before": t}),
)
gated = st.tuples(st.sampled_from(["09:20", "09:40", "10:00"]),
                  st.sampled_from([{"flag": "a"}, {"visited": "s1"}]))  # what the first event may do
timed_conditions = st.one_of(st.none(), timed_atoms,
                             st.lists(timed_atoms, min_size=2, max_size=3).map(lambda parts: {"all": parts}),
                             *[gated.map(lambda pair: {"all": [{"after": pair[0]}, {"not": pair[1]}]})] * 3)


@st.composite
def timed_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """Three scenes of choices under conditions on flags, visits and the clock; timed events that raise a
    flag or take the player somewhere, with or without a condition; filing choices with or without minutes."""
    scenes = []
    for index in range(3):
        choices: list[dict[str, Any]] = [{"label": "on", "goto": f"s{index + 1}" if index < 2 else "s0"}]
        for n in range(draw(st.integers(1, 3))):
            choice: dict[str, Any] = {"label": f"choice {n}", "goto": draw(st.sampled_from(["s0", "s1", "s2"])),
                                      "once": draw(st.booleans()), "fallback": draw(st.booleans())}
            when = draw(timed_conditions)
            if when:
                choice["when"] = when
            effect = draw(st.sampled_from(["", "set", "clear"]))
            if effect:
                choice[effect] = [draw(st.sampled_from(FLAGS))]
            choices.append(choice)
        if index == 2 or draw(st.booleans()):
            choices.append({"label": "write", "file": True, "minutes": draw(st.sampled_from([0, 10]))})
        scenes.append({"id": f"s{index}", "text": f"Scene {index}.", "choices": choices})
    scenes[0]["gather"] = ["ed-go"]
    events = []
    for n in range(draw(st.integers(1, 2))):
        event: dict[str, Any] = {"id": f"e{n}", "at": draw(st.sampled_from(["09:20", "09:40"])), "text": "Now."}
        if draw(st.booleans()):
            event["set"] = [draw(st.sampled_from(FLAGS)) if n else "a"]
        else:
            event["goto"] = draw(st.sampled_from(["s1", "s2"])) if n else "s1"
        when = draw(st.sampled_from([None, None, {"after": "09:00"}, {"flag": "a"}, {"before": "09:30"}]))
        if when:
            event["when"] = when
        events.append(event)
    data = scenario(flags=FLAGS, events=events, scenes=scenes)
    data["clock"] = {"start": "09:00", "deadline": "10:30", "minutes_per_action": 10}
    scoop = draw(gated)
    return with_filing(data, [{"ending": "scoop", "when": {"all": [{"after": scoop[0]}, {"not": scoop[1]}]}},
                              {"ending": "filed"}])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timed_scenarios())
def test_whatever_the_event_and_fallback_proofs_shut_never_happens_in_play(data: dict[str, Any]) -> None:
    """Each option `shut_by_events` or `shut_fallbacks` proves never on offer, and everything `Closures`
    finds unreachable because of them, is never reached by a complete walk (the clock ends the day)."""
    checked = check_text(text_of(data), "timed.yaml")
    if checked.scenario is None or checked.errors:
        return
    timed = checked.scenario
    report = explore(timed, WHOLE_WALK, first_look=WHOLE_WALK)  # the proofs are checked against every state
    assert report.exhaustive
    shut = [*directed.shut_by_events(timed), *directed.shut_fallbacks(timed)]
    closures = directed.Closures(timed, shut)
    for target in directed.targets(timed, set(report.missing()) | {"ending:scoop"} | {
            f"{kind}:{key}" for kind, items in (("choice", report.all_choices()), ("question", report.all_questions()))
            for *_, key, _ in items} | {f"scene:{scene.id}" for scene in timed.scenes}):
        reason = closures.why(target) or directed.ending_shut_by_events(timed, target)
        if reason:
            assert not report.has(target.kind, target.name), (target.id, reason)


def _staffroom(limit: int) -> Scenario:
    """A staffroom where the head will answer `limit` questions in the whole game: two give a quote each,
    a third follows up on the first; an ending needs both quotes."""
    quotes = [{"id": name, "speaker": "ed", "text": f"{name}.", "context": "the staffroom", "kind": "on_record"}
              for name in ("ed-staff", "ed-proud")]
    data = scenario(scenes=[
        {"id": "start", "text": "The hall.", "gather": ["ed-go"], "choices": [
            {"label": "Wait", "minutes": 5},
            {"label": "Cross to the staffroom", "goto": "staff"},
            {"label": "Write", "file": True, "minutes": 0}]},
        {"id": "staff", "text": "The staffroom.", "questions": {"limit": limit, "items": [
            {"id": "when-told", "ask": "When were you told?", "to": "ed", "gather": ["ed-staff"], "answer": "Late."},
            {"id": "lost", "ask": "What is lost?", "to": "ed", "gather": ["ed-proud"], "answer": "Much."},
            {"id": "who-told", "ask": "Who told you?", "to": "ed", "when": {"asked": "when-told"},
             "answer": "Nobody."}]},
         "choices": [{"label": "Back to the hall", "goto": "start", "minutes": 5}]}])
    data["quotes"] += quotes
    data = with_filing(data, [{"ending": "both-sides",
                               "when": {"all": [{"has_quote": "ed-staff"}, {"has_quote": "ed-proud"}]}},
                              {"ending": "filed"}])
    return load(data)


def test_a_walk_cut_short_proves_what_a_scenes_question_limit_never_lets_the_player_hold() -> None:
    """With a limit of one question, the ending that needs both quotes, and the follow-up that needs the
    first question put (which uses up the limit), are proven unreachable; a complete walk agrees."""
    report = explore(_staffroom(limit=1), max_states=3, search_states=3, first_look=3)
    assert not report.exhaustive
    settled = _settled(report)
    both, follow = settled["ending:both-sides"], settled["question:staff/ask:who-told"]
    assert both.status == follow.status == "unreachable"
    assert "only questions in scene 'staff' give; that takes 2 of them" in both.reason
    assert "question 'when-told'" in follow.reason and "0 before this one" in follow.reason
    full = explore(_staffroom(limit=1))
    assert full.exhaustive and "both-sides" not in full.endings and "staff/ask:who-told" not in full.questions


def test_a_limit_that_allows_enough_questions_proves_nothing() -> None:
    report = explore(_staffroom(limit=2), max_states=3, search_states=3, first_look=3)
    assert all(target.status != "unreachable" for target in report.settled
               if target.id in ("ending:both-sides", "question:staff/ask:who-told"))
    full = explore(_staffroom(limit=2))
    assert full.exhaustive and "both-sides" in full.endings and "staff/ask:who-told" in full.questions


QUOTES = ["qa", "qb", "qc"]
held_atoms = st.one_of(st.sampled_from(QUOTES).map(lambda quote: {"has_quote": quote}),
                       st.sampled_from(["k0", "k1", "k2"]).map(lambda key: {"asked": key}),
                       st.sampled_from(QUOTES).map(lambda quote: {"not": {"has_quote": quote}}))
held_conditions = st.one_of(st.none(), held_atoms,
                            st.lists(held_atoms, min_size=2, max_size=3).map(lambda parts: {"all": parts}))


@st.composite
def limited_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """A hub and a room, each with questions under a limit that give quotes and test what is held."""
    scenes = []
    for index in range(2):
        items = []
        for n in range(draw(st.integers(1, 3))):
            item: dict[str, Any] = {"id": f"k{index * 3 + n}" if index == 0 else f"r{n}", "ask": f"Q{n}?",
                                    "to": "ed", "answer": "A."}
            gives = draw(st.sampled_from(["", *QUOTES]))
            if gives:
                item["gather"] = [gives]
            when = draw(held_conditions)
            if when:
                item["when"] = when
            items.append(item)
        choices: list[dict[str, Any]] = [{"label": "across", "goto": f"s{1 - index}"}]
        when = draw(held_conditions)
        choices.append({"label": "test", "response": "Yes.", **({"when": when} if when else {})})
        if draw(st.booleans()):
            choices.append({"label": "also", "gather": [draw(st.sampled_from(QUOTES))], "once": True})
        choices.append({"label": "write", "file": True, "minutes": 0})
        scenes.append({"id": f"s{index}", "text": f"Scene {index}.", "choices": choices,
                       "questions": {"limit": draw(st.integers(1, 2)), "items": items}})
    scenes[0]["gather"] = ["ed-go"]
    data = scenario(scenes=scenes)
    data["quotes"] += [{"id": quote, "speaker": "ed", "text": f"{quote}.", "context": "here", "kind": "on_record"}
                       for quote in QUOTES]
    return with_filing(data, [{"ending": "held", "when": draw(held_conditions) or {"has_quote": "qa"}},
                              {"ending": "filed"}])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(limited_scenarios())
def test_whatever_the_question_limits_rule_out_never_happens_in_play(data: dict[str, Any]) -> None:
    checked = check_text(text_of(data), "limited.yaml")
    if checked.scenario is None or checked.errors:
        return
    limited = checked.scenario
    report = explore(limited, WHOLE_WALK, first_look=WHOLE_WALK)  # the proofs are checked against every state
    assert report.exhaustive
    every = {f"{kind}:{key}" for kind, items in (("choice", report.all_choices()), ("question", report.all_questions()))
             for *_, key, _ in items} | {"ending:held"}
    closures = directed.Closures(limited, directed.shut_by_limits(limited))
    for target in directed.targets(limited, every | {f"scene:{scene.id}" for scene in limited.scenes} | {
            f"quote:{quote}" for quote in QUOTES}):
        reason = directed.never_within_limits(limited, target) or closures.why(target)
        if reason:
            assert not report.has(target.kind, target.name), (target.id, reason)


# --- the shapes that explode (benchmarks/shapes.py): complete, with routes that replay -------------------

def _shape(name: str, **options: int) -> Scenario:
    import importlib.util

    spec = importlib.util.spec_from_file_location("shapes", ROOT / "benchmarks" / "shapes.py")
    assert spec is not None and spec.loader is not None
    shapes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shapes)
    checked = check_text(shapes.text_of(shapes.SHAPES[name](**options)), f"{name}.yaml")
    assert checked.scenario is not None and not checked.errors, [str(p) for p in checked.problems[:3]]
    return checked.scenario


def _settled_by_routes_that_replay(scenario_: Scenario, report: Any, every: int = 1) -> None:
    """Every target the searches reached (or every `every`-th of them) replays on the engine to where it says."""
    for ending_id, route in report.endings.items():
        assert replay(scenario_, route).ending == ending_id, (ending_id, route)
    reached = [target for target in report.settled
               if target.status == "reached" and target.kind in ("scene", "quote", "choice")]
    for target in reached[::every]:
        state = replay(scenario_, target.route)
        if target.kind == "scene":
            assert target.name in state.visited, target.id
        elif target.kind == "quote":
            assert target.name in state.quotes, target.id
        else:
            assert target.name in {str(option.key) for option in engine.options(scenario_, state)}, target.id


@pytest.mark.parametrize(("shape", "options"), [("hub", {}), ("counters", {}), ("quotes", {})])
def test_each_exploding_shape_playtests_complete(shape: str, options: dict[str, int]) -> None:
    """The walk cannot finish any of these (a counter that rises and falls has no end), yet every target is
    settled: reached with a route that replays, or proven unreachable; none unknown, so the exit is 0."""
    scenario_ = _shape(shape, **options)
    report = explore(scenario_)
    assert not report.exhaustive
    assert report.complete and report.exit_code == 0, [t.id for t in report.settled if t.status == "unknown"]
    assert all(report.status(*target.split(":", 1)) == "never" for target in report.missing())
    _settled_by_routes_that_replay(scenario_, report)


def test_a_thousand_scene_hub_playtests_complete() -> None:
    """A generated hub of 1,001 scenes (994 timed rooms) is settled target by target: complete, exit 0,
    every scene reached, and what the searches found replays on the engine."""
    hub = _shape("hub", rooms=994)
    assert len(hub.scenes) == 1_001
    report = explore(hub)
    assert report.complete and report.exit_code == 0, [t.id for t in report.settled if t.status == "unknown"][:10]
    assert report.as_json()["scenes_reached"] == 1_001
    _settled_by_routes_that_replay(hub, report, every=97)  # a sample: each replay lists a 1,000-door hub
