"""The proof that bounds each counter (game/authoring/bounds.py): what it proves on crafted scenarios of each
shape (once-only givers, `set_to`, a question limit, the clock, a flag that gates a giver, a hub that can be
gone round for ever), that it is sound (a plain walk of every state never sees a value beyond the bound), and
that the playtest and lint say why something can never happen when a counter cannot get far enough."""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable
from typing import Any

import pytest
from authoring_helpers import ending, scenario, text_of, with_filing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import engine
from game.authoring import directed
from game.authoring.bounds import UNBOUNDED, Bound
from game.authoring.lint import lint_text
from game.authoring.playtest import Desk, explore, next_states
from game.authoring.reach import reach
from game.loader import check_text
from game.model import Scenario


def load(data: dict[str, Any]) -> Scenario:
    checked = check_text(text_of(data), "bounds.yaml")
    assert checked.scenario is not None and not checked.errors, checked.problems
    return checked.scenario


def bound_of(data: dict[str, Any], name: str = "trust") -> Bound:
    return reach(load(data), counted=True).bounds[name]


def market(*choices: dict[str, Any], questions: dict[str, Any] | None = None, counters: dict[str, int] | None = None,
           gate: int = 4, **extra: Any) -> dict[str, Any]:
    """A market the reporter comes back to, with the given choices, and a vault that needs trust >= gate."""
    start = {"id": "start", "text": "The start.", "gather": ["ed-go"],
             "choices": [{"label": "To the market", "goto": "market"},
                         {"label": "Into the vault", "goto": "vault", "when": {"counter": "trust", "at_least": gate}},
                         {"label": "Give up", "goto": "end"}]}
    stalls: dict[str, Any] = {"id": "market", "text": "Stalls.",
                              "choices": [*choices, {"label": "Back", "goto": "start"}]}
    if questions:
        stalls["questions"] = questions
    vault = {"id": "vault", "text": "The vault.", "gather": ["secret"],
             "choices": [{"label": "Out", "goto": "end"}]}
    data = scenario(counters=counters or {"trust": 0}, scenes=[start, stalls, vault, ending("end")], **extra)
    data["quotes"] = [*data["quotes"], {"id": "secret", "speaker": "ed", "text": "The ledger.", "context": "vault",
                                        "kind": "on_record"}]
    return data


def test_once_only_givers_add_up_and_no_more() -> None:
    data = market({"label": "Help", "change": {"trust": 1}, "once": True},
                  {"label": "Buy", "change": {"trust": 2}, "once": True},
                  {"label": "Haggle", "change": {"trust": -1}, "once": True})
    bound = bound_of(data)
    assert (bound.high, bound.low) == (3, -1)
    assert "+2 at market/2" in bound.most() and "+1 at market/1" in bound.most()
    assert bound_of(market({"label": "Help", "change": {"trust": 1}, "once": True}, gate=1)).high == 1


def test_a_giver_that_can_be_repeated_gets_no_bound() -> None:
    sticky = market({"label": "Help", "change": {"trust": 1}})  # stays in the market: as often as you like
    assert bound_of(sticky).high == UNBOUNDED
    arriving = market(counters={"trust": 0})  # each visit to the market raises it: the hub can be gone round
    arriving["scenes"][1]["change"] = {"trust": 1}
    assert bound_of(arriving).high == UNBOUNDED
    leaving = market({"label": "Help and go", "change": {"trust": 1}, "goto": "start"})
    assert bound_of(leaving).high == UNBOUNDED
    for data in (sticky, arriving, leaving):
        assert "vault" in reach(load(data), counted=True).scenes


def test_a_scene_entered_once_bounds_what_it_gives_on_every_entry() -> None:
    data = market({"label": "Help", "change": {"trust": 1}, "once": True})
    data["scenes"][0]["choices"][0]["once"] = True  # the market can be entered only once
    data["scenes"][1]["change"] = {"trust": 1}
    data["scenes"][1]["choices"].append({"label": "Thank them and go", "change": {"trust": 1}, "goto": "start"})
    assert bound_of(data).high == 3


def test_set_to_starts_the_count_again() -> None:
    data = market({"label": "Vouch", "set_to": {"trust": 5}, "once": True},
                  {"label": "Help", "change": {"trust": 1}, "once": True}, gate=7)
    bound = bound_of(data)
    assert bound.high == 6 and "it is set to 5 at market/1" in bound.most()
    assert "vault" not in reach(load(data), counted=True).scenes
    assert "vault" in reach(load(market(*data["scenes"][1]["choices"][:2], gate=6)), counted=True).scenes
    sticky_set = market({"label": "Reset", "set_to": {"trust": 0}}, {"label": "Help", "change": {"trust": 1},
                                                                   "once": True})
    assert (bound_of(sticky_set).high, bound_of(sticky_set).low) == (1, 0)


def test_a_question_limit_counts_only_the_best_questions() -> None:
    items = [{"id": f"q{n}", "ask": f"Q{n}?", "to": "ed", "answer": "A.", "change": {"trust": n}} for n in (1, 2, 3)]
    bound = bound_of(market(questions={"limit": 2, "items": items}))
    assert bound.high == 5 and "only 2 of the questions in scene 'market' can be put" in bound.most()
    assert bound_of(market(questions={"items": items})).high == 6


def test_the_clock_bounds_a_sticky_giver_that_needs_it_early() -> None:
    early = market({"label": "Chat", "change": {"trust": 1}, "minutes": 10, "when": {"before": "09:30"}})
    assert bound_of(early).high == 3  # at 09:00, 09:10 and 09:20
    free = market({"label": "Chat", "change": {"trust": 1}, "minutes": 0, "when": {"before": "09:30"}})
    assert bound_of(free).high == UNBOUNDED


def test_a_giver_that_needs_a_flag_it_lowers_counts_as_often_as_the_flag_is_raised() -> None:
    data = market({"label": "Tip off", "set": ["owed"], "once": True},
                  {"label": "Cash in", "change": {"trust": 2}, "clear": ["owed"], "when": {"flag": "owed"}},
                  flags=["owed"])
    assert bound_of(data).high == 2
    again = market({"label": "Tip off", "set": ["owed"]},
                   {"label": "Cash in", "change": {"trust": 2}, "clear": ["owed"], "when": {"flag": "owed"}},
                   flags=["owed"])
    assert bound_of(again).high == UNBOUNDED


def test_a_giver_that_closes_itself_counts_once() -> None:
    data = market({"label": "Meet", "change": {"trust": 2}, "set": ["met"], "when": {"not": {"flag": "met"}}},
                  flags=["met"])
    assert bound_of(data).high == 2
    undone = market({"label": "Meet", "change": {"trust": 2}, "set": ["met"], "when": {"not": {"flag": "met"}}},
                    {"label": "Forget", "clear": ["met"]}, flags=["met"])
    assert bound_of(undone).high == UNBOUNDED


def test_falling_has_its_bound_too() -> None:
    data = market({"label": "Snub", "change": {"trust": -2}, "once": True}, counters={"trust": 1})
    data["scenes"][0]["choices"][1]["when"] = {"counter": "trust", "at_most": -2}
    bound = bound_of(data)
    assert bound.low == -1 and "can fall to no less than -1" in bound.least()
    assert "vault" not in reach(load(data), counted=True).scenes


def test_lint_says_a_condition_is_never_true_because_of_the_bound() -> None:
    data = market({"label": "Help", "change": {"trust": 1}, "once": True},
                  {"label": "Buy", "change": {"trust": 2}, "once": True})
    findings = lint_text(text_of(data), "bounds.yaml").findings
    never = [problem for problem in findings if problem.code == "L101"]
    assert len(never) == 1 and "Into the vault" in never[0].message
    assert "it needs 'trust' at least 4, but counter 'trust' can reach at most 3" in never[0].message
    assert "+2 at market/2" in never[0].message
    assert not [problem for problem in lint_text(text_of(market({"label": "Help", "change": {"trust": 1}})),
                                                 "bounds.yaml").findings if problem.code == "L101"]


def test_a_walk_cut_short_proves_what_the_bound_rules_out_and_says_why() -> None:
    data = with_filing(market({"label": "Help", "change": {"trust": 1}, "once": True},
                              {"label": "Buy", "change": {"trust": 2}, "once": True},
                              {"label": "Loiter", "minutes": 1},  # the clock makes the walk too big to finish
                              {"label": "Write", "file": True, "minutes": 0}),
                       [{"ending": "scoop", "when": {"counter": "trust", "at_least": 5}}, {"ending": "filed"}])
    scenario_ = load(data)
    report = explore(scenario_, max_states=40, first_look=40, search_states=40)
    assert not report.exhaustive and report.complete and report.exit_code == 0
    settled = {target.id: target for target in report.settled}
    for name in ("scene:vault", "quote:secret", "ending:scoop", "choice:start/2"):
        assert settled[name].status == "unreachable", settled[name]
        assert "counter 'trust' can reach at most 3" in settled[name].reason, settled[name].reason
    assert "choice 'start/2'" in settled["scene:vault"].reason


@pytest.mark.parametrize("repeat", ["sticky", "hub"])
def test_a_giver_in_a_loop_is_never_taken_for_a_bound(repeat: str) -> None:
    data = market({"label": "Help", "change": {"trust": 1}, **({"goto": "start"} if repeat == "hub" else {})},
                  gate=3)
    data["scenes"][1]["choices"].append({"label": "Write", "file": True, "minutes": 0})
    scenario_ = load(with_filing(data))
    assert not directed.shut_by_counters(scenario_, reach(scenario_, counted=True).bounds)
    report = explore(scenario_, max_states=30, first_look=30)
    assert report.status("scene", "vault") != "never"


# --- soundness against every state -----------------------------------------------------------------------

def every_state(scenario_: Scenario, limit: int = 3_000) -> list[engine.GameState]:
    """A plain breadth-first walk over real states (nothing trimmed, only `history` and what a step says
    left out of the key), up to `limit` of them."""
    desk = Desk(scenario_)

    def key(state: engine.GameState) -> Hashable:
        return (state.scene, state.time, state.quotes, state.facts, state.verified, state.flags, state.counters,
                state.visited, state.taken, state.fired, state.at_desk, state.ending)

    first = engine.new_game(scenario_)
    seen = {key(first)}
    found = [first]
    todo = deque([first])
    while todo and len(found) < limit:
        for _, after in next_states(scenario_, todo.popleft(), desk):
            if key(after) not in seen:
                seen.add(key(after))
                found.append(after)
                todo.append(after)
    return found


effects = st.one_of(
    st.just({}),
    st.integers(-2, 2).filter(bool).map(lambda n: {"change": {"c": n}}),
    st.integers(-1, 3).map(lambda n: {"set_to": {"c": n}}),
    st.sampled_from(["f", "g"]).map(lambda flag: {"set": [flag]}),
    st.sampled_from(["f", "g"]).map(lambda flag: {"clear": [flag]}),
)
tests = st.one_of(
    st.none(),
    st.integers(-1, 3).map(lambda n: {"counter": "c", "at_least": n}),
    st.integers(-2, 1).map(lambda n: {"counter": "c", "at_most": n}),
    st.sampled_from(["f", "g"]).map(lambda flag: {"flag": flag}),
    st.sampled_from(["f", "g"]).map(lambda flag: {"not": {"flag": flag}}),
    st.sampled_from(["s1", "s2"]).map(lambda scene: {"not": {"visited": scene}}),
    st.sampled_from(["09:30", "10:00"]).map(lambda time: {"before": time}),
)


@st.composite
def counted_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    scenes = []
    for index in range(3):
        choices: list[dict[str, Any]] = [{"label": "on", "goto": f"s{index + 1}" if index < 2 else "end"}]
        for n in range(draw(st.integers(1, 3))):
            choice: dict[str, Any] = {"label": f"do {n}", **draw(effects), "once": draw(st.booleans()),
                                      "minutes": draw(st.sampled_from([0, 10, 20]))}
            goto = draw(st.sampled_from([None, "s0", "s1", "s2", "end"]))
            if goto:
                choice["goto"] = goto
            when = draw(tests)
            if when:
                choice["when"] = when
            if draw(st.integers(0, 4)) == 0:
                choice["chance"] = [{"id": "heads", **draw(effects)}, {"id": "tails", **draw(effects)}]
            choices.append(choice)
        scene: dict[str, Any] = {"id": f"s{index}", "text": f"Scene {index}.", "choices": choices, **draw(effects)}
        if draw(st.booleans()):
            scene["arrive"] = [{**draw(effects), "first_time": draw(st.booleans()),
                                **({"when": when} if (when := draw(tests)) else {})}]
        if draw(st.booleans()):
            scene["questions"] = {"items": [{"id": f"q{index}{n}", "ask": "Q?", "to": "ed", "answer": "A.",
                                             **draw(effects)} for n in range(draw(st.integers(1, 3)))],
                                  **({"limit": limit} if (limit := draw(st.sampled_from([None, 1, 2]))) else {})}
        scenes.append(scene)
    scenes[0]["gather"] = ["ed-go"]
    events = [{"id": "news", "at": "09:20", **draw(effects),
               **({"goto": goto} if (goto := draw(st.sampled_from([None, "s1", "s2"]))) else {})}]
    data = scenario(flags=["f", "g"], counters={"c": draw(st.integers(-1, 1))}, events=events,
                    scenes=[*scenes, ending("end")])
    data["scenes"][-1]["change"] = draw(st.sampled_from([{}, {"c": 1}]))
    data["debrief"] = [{"text": "Noted.", "when": {"counter": "c", "at_least": 0}}]  # so it is tested
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(counted_scenarios())
def test_no_state_ever_has_a_counter_beyond_its_bound(data: dict[str, Any]) -> None:
    checked = check_text(text_of(data), "counted.yaml")
    if checked.scenario is None or checked.errors:
        return
    scenario_ = checked.scenario
    counted = reach(scenario_, counted=True)
    bound = counted.bounds.get("c")
    states = every_state(scenario_)
    shut = {item.key for item in directed.shut_by_counters(scenario_, counted.bounds)}
    for state in states:
        if bound is not None:
            assert bound.low <= state.counter("c") <= bound.high, (state.counters, bound)
        assert state.scene in counted.scenes, state.scene
        if not state.ending and not state.at_desk:
            assert not shut & {option.key for option in engine.options(scenario_, state)}
