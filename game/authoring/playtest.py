"""The automatic playtester: every route through a scenario, or many random ones, played on the engine.

The exhaustive walk is a breadth-first search over game states. States are memoised on what can still
make a difference to the game — the scene, the clock (which stops mattering once it has passed every
time any condition or the deadline mentions), the notebook and flags only as far as some condition tests
them, the once-only choices and questions taken — so loops and counters do not make it explode, and
states that differ only in `history`, `response` or `gathered` are one state. A filing choice leads to the
desk, where every ending the outcomes allow is tried (with a score and errors that meet each outcome),
and so is going back to reporting without filing. A limit on states stops runaway scenarios with a clear
report instead of a hang.

The random mode plays N seeded playthroughs, picking uniformly among what is on offer, for scenarios too
big to walk exhaustively.
"""

from __future__ import annotations

import gc
import random
from collections import deque
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial, wraps
from typing import Any

from game import engine
from game.engine import GameState
from game.model import CONDITION_KINDS, DIMENSIONS, Scenario, minutes_of, plain_words
from game.references import conditions, successors

MAX_STATES = 200_000
"""How many distinct states the exhaustive walk visits before it stops and says so."""
MAX_STEPS = 1_000
"""How many steps a random playthrough takes before it is counted as going round for ever."""
FILE_STEP = "file the story"
LEAVE_STEP = "leave the desk without filing"


@dataclass
class Stuck:
    """A place where a playthrough could not go on: a dead end, or an error in the engine."""

    scene: str
    route: list[str]
    message: str = ""
    count: int = 1


@dataclass
class Playtest:
    """What a playtest found: coverage, endings with example routes, dead ends and errors."""

    scenario: Scenario
    mode: str
    """"exhaustive" or "random"."""
    states: int = 0
    """Distinct states visited (exhaustive mode)."""
    complete: bool = True
    """False when the walk stopped at the state limit: then coverage is only what was seen."""
    state_limit: int | None = None
    runs: int = 0
    """Playthroughs (random mode)."""
    seed: int | None = None
    unfinished: int = 0
    """Random playthroughs that reached MAX_STEPS without an ending."""
    scenes: set[str] = field(default_factory=set)
    choices: set[str] = field(default_factory=set)
    """Keys of the choices taken (`engine.choice_key`)."""
    questions: set[str] = field(default_factory=set)
    """Keys of the questions put (`engine.question_key`)."""
    quotes: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    endings: dict[str, list[str]] = field(default_factory=dict)
    """Each ending reached, with an example route to it (the shortest, in exhaustive mode)."""
    longest: list[str] = field(default_factory=list)
    longest_ending: str | None = None
    loops: bool = False
    """Some route can go round in a loop (the longest route given is then the longest without one)."""
    dead_ends: list[Stuck] = field(default_factory=list)
    errors: list[Stuck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.dead_ends and not self.errors

    # --- what was never covered ----------------------------------------------------------------

    def all_choices(self) -> list[tuple[int, int, str, str]]:
        """(scene index, choice index, key, label) for every choice in the scenario."""
        return [(s, c, engine.choice_key(scene, c, choice), plain_words(choice.label))
                for s, scene in enumerate(self.scenario.scenes) for c, choice in enumerate(scene.choices)]

    def all_questions(self) -> list[tuple[int, int, str, str]]:
        return [(s, q, engine.question_key(scene, question), plain_words(question.ask))
                for s, scene in enumerate(self.scenario.scenes) if scene.questions
                for q, question in enumerate(scene.questions.asked)]

    def as_json(self) -> dict[str, Any]:
        scenario = self.scenario
        choices, questions = self.all_choices(), self.all_questions()
        endings = [scene.id for scene in scenario.scenes if scene.ending]
        return {
            "scenario": scenario.id, "mode": self.mode, "complete": self.complete,
            "states": self.states, "state_limit": self.state_limit, "runs": self.runs, "seed": self.seed,
            "unfinished": self.unfinished,
            "scenes_total": len(scenario.scenes), "scenes_reached": len(self.scenes),
            "scenes_never": [scene.id for scene in scenario.scenes if scene.id not in self.scenes],
            "choices_total": len(choices), "choices_taken": sum(key in self.choices for *_, key, _ in choices),
            "choices_never": [{"scene": scenario.scenes[s].id, "key": key, "label": label}
                              for s, _, key, label in choices if key not in self.choices],
            "questions_total": len(questions),
            "questions_asked": sum(key in self.questions for *_, key, _ in questions),
            "questions_never": [{"scene": scenario.scenes[s].id, "key": key, "ask": label}
                                for s, _, key, label in questions if key not in self.questions],
            "quotes_total": len(scenario.quotes), "quotes_gathered": len(self.quotes),
            "quotes_never": [quote.id for quote in scenario.quotes if quote.id not in self.quotes],
            "facts_total": len(scenario.facts), "facts_learned": len(self.facts),
            "facts_never": [fact.id for fact in scenario.facts if fact.id not in self.facts],
            "endings": [ending for ending in endings if ending in self.endings],
            "endings_never": [ending for ending in endings if ending not in self.endings],
            "routes": {ending: route for ending, route in self.endings.items()},
            "longest_route": {"steps": len(self.longest), "ending": self.longest_ending,
                              "route": self.longest},
            "loops": self.loops,
            "dead_ends": [{"scene": s.scene, "route": s.route, "count": s.count} for s in self.dead_ends],
            "errors": [{"scene": s.scene, "route": s.route, "message": s.message, "count": s.count}
                       for s in self.errors],
        }


# --- the desk: which endings a filed story can reach ---------------------------------------------

Filing = tuple[str, int, frozenset[str], frozenset[str], frozenset[str]]
"""An ending, and a filed story that reaches it: its score, error dimensions, facts carried, people quoted."""
"""(ending, score, error dimensions): a filed story that leads to that ending."""


class Desk:
    """Finds, for a state at the story desk, every ending some filed story leads to, with a witness.

    The outcome chosen depends on the state only through lateness and each outcome's `when`, so the
    answer is cached on those.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        outcomes = scenario.filing.outcomes if scenario.filing else []
        scores = {0, 100}
        for outcome in outcomes:
            for bound in (outcome.min_score, outcome.max_score):
                if bound is not None:
                    scores |= {bound - 1, bound, bound + 1}
        mentioned = [d for d in DIMENSIONS if any(d in outcome.errors_in for outcome in outcomes)]
        errors = [frozenset(), *(frozenset([d]) for d in mentioned)]
        empty: frozenset[str] = frozenset()
        stories = dict.fromkeys([(empty, empty), *((frozenset(o.carried), frozenset(o.quoted)) for o in outcomes)])
        self.trials = [(score, error, carried, quoted) for carried, quoted in stories for error in errors
                       for score in sorted(scores, reverse=True) if 0 <= score <= 100]
        self.cache: dict[tuple[bool, tuple[bool, ...]], list[Filing]] = {}

    def filings(self, state: GameState) -> list[Filing]:
        scenario = self.scenario
        if scenario.filing is None:
            return []
        filed_at = engine.filing_time(scenario, state)
        key = (engine.is_late(scenario, filed_at),
               tuple(engine.holds(outcome.when, state) for outcome in scenario.filing.outcomes))
        found = self.cache.get(key)
        if found is None:
            chosen: dict[str, Filing] = {}
            for score, error, carried, quoted in self.trials:
                ending = engine.ending_for(scenario, state, score, error, filed_at, carried, quoted)
                chosen.setdefault(ending, (ending, score, error, carried, quoted))
            found = self.cache[key] = list(chosen.values())
        return found


def filing_label(filing: Filing) -> str:
    _, score, errors, carried, quoted = filing
    said = f"score {score}" + (f", an error in {next(iter(errors))}" if errors else "")
    said += f", carrying {', '.join(sorted(carried))}" if carried else ""
    said += f", quoting {', '.join(sorted(quoted))}" if quoted else ""
    return f"{FILE_STEP} ({said})"


# --- memoising states ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Relevant:
    """What can still make a difference to the game from one scene: the tests of every condition that
    decides what is on offer in the scenes reachable from it (and at the desk, if that is reachable)."""

    quotes: frozenset[str]
    facts: frozenset[str]
    verified: frozenset[str]
    flags: frozenset[str]
    visited: frozenset[str]
    counters: frozenset[str]
    taken: frozenset[str]
    """Keys of once-only choices and of questions (each askable once) in reachable scenes."""
    time_cap: int | None
    """Past this minute no reachable test of the clock can change its answer (None: none tests it)."""


def _components(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of a graph, each after every part it leads to (Tarjan, without
    recursion, so a long chain of scenes cannot overflow the stack)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in order:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, ())))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], order[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == order[node]:
                    part = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        part.append(member)
                        if member == node:
                            break
                    found.append(part)
    return found


@dataclass(frozen=True)
class Memo:
    """How the exhaustive walk tells states apart, and how it keeps the states it walks small."""

    key: Callable[[GameState], Hashable]
    """A key that is equal for two states only when they can only play out the same way."""
    trim: Callable[[GameState], GameState]
    """The state without what can no longer make a difference (same key, same future), and without
    its history: the walk keeps routes itself, and long routes would make every step slower."""


def memo_for(scenario: Scenario) -> Memo:
    """How to tell states apart: two states are one when they can only play out the same way.

    From any scene, only the tests in conditions of the scenes still reachable from it (and the desk's
    outcomes, if a route can still file) can tell two states apart; what they do not test is left out
    of the key. The clock stops counting once past every time those tests mention; a counter that only
    ever rises (or falls) stops counting once past every number it is tested against; once-only choices
    and questions count only while their scene can still be reached. Extra paragraphs and debrief notes
    change text, not what can happen, so they are left out. Every ending is one state per ending.
    """
    deciding: dict[str, list[Any]] = {
        scene.id: [*(choice.when for choice in scene.choices),
                   *((q.when for q in scene.questions.asked) if scene.questions else ())]
        for scene in scenario.scenes}
    for scene in scenario.scenes:
        deciding[scene.id] += [arrival.when for arrival in scene.arrive]
        deciding[scene.id] += [event.when for event in scenario.events]  # an event may fire anywhere
    deciding[""] = [outcome.when for outcome in scenario.filing.outcomes] if scenario.filing else []
    remembered: dict[str, set[str]] = {scene.id: set() for scene in scenario.scenes}
    questions: dict[str, str] = {}
    for scene in scenario.scenes:
        for q in scene.questions.asked if scene.questions else []:
            remembered[scene.id].add(engine.question_key(scene, q))
            questions[q.id] = engine.question_key(scene, q)
        remembered[scene.id] |= {engine.choice_key(scene, c, choice)
                                 for c, choice in enumerate(scene.choices) if choice.once}
    writing = scenario.filing.writing_minutes if scenario.filing else 0
    late_from = minutes_of(scenario.clock.deadline) - writing + 1

    bounds: dict[str, list[tuple[str, int]]] = {}
    tests: dict[str, tuple[dict[str, set[str]], list[int]]] = {}
    for place, whens in deciding.items():
        tested: dict[str, set[str]] = {kind: set() for kind in CONDITION_KINDS}
        times = [late_from] if place == "" else [minutes_of(event.at) for event in scenario.events]
        for when in whens:
            for part, _ in conditions(when, ()):
                kind = part.kind
                if kind in ("before", "after"):
                    times.append(minutes_of(str(part.part(kind))))
                elif kind in tested:
                    tested[kind].add(str(part.part(kind)))
                if kind == "counter":
                    for name in ("at_least", "at_most", "equals"):
                        if getattr(part, name) is not None:
                            bounds.setdefault(str(part.counter), []).append((name, getattr(part, name)))
        tests[place] = (tested, times)

    # What each place can test, and then (sinks first) what it or any place after it can test.
    graph = successors(scenario, desk="")  # "" is the story desk
    ahead: dict[str, tuple[dict[str, set[str]], list[int], set[str]]] = {}
    for component in _components(graph):
        merged: dict[str, set[str]] = {kind: set() for kind in CONDITION_KINDS}
        clock: list[int] = []
        taken: set[str] = set()
        for place in component:
            tested, place_times = tests[place]
            for kind, names in tested.items():
                merged[kind] |= names
            clock += place_times
            taken |= remembered.get(place, set())
            for target in graph.get(place, ()):
                if target in ahead and target not in component:
                    later = ahead[target]
                    for kind, names in later[0].items():
                        merged[kind] |= names
                    clock.append(max(later[1], default=-1))
                    taken |= later[2]
        clock = [max(clock)] if clock and max(clock) >= 0 else []
        for place in component:
            ahead[place] = (merged, clock, taken)
    relevant: dict[str, _Relevant] = {}
    for scene in scenario.scenes:
        merged, clock, taken = ahead[scene.id]
        asked = {questions[name] for name in merged["asked"] if name in questions}
        relevant[scene.id] = _Relevant(
            frozenset(merged["has_quote"]), frozenset(merged["knows"]), frozenset(merged["verified"]),
            frozenset(merged["flag"]), frozenset(merged["visited"]), frozenset(merged["counter"]),
            frozenset(taken | asked), clock[0] if clock else None)

    rises: set[str] = set()
    falls: set[str] = set()
    for scene in scenario.scenes:
        for effects in [scene, *scene.choices, *(scene.questions.asked if scene.questions else []),
                        *scene.arrive, *(outcome for choice in scene.choices for outcome in choice.chance),
                        *scenario.events]:
            for name, delta in effects.change.items():
                (rises if delta > 0 else falls if delta < 0 else set()).add(name)
            rises.update(effects.set_to)
            falls.update(effects.set_to)
    clamps: dict[str, tuple[float, float]] = {}
    for name, named in bounds.items():
        high = max(value + (0 if kind == "at_least" else 1) for kind, value in named)
        low = min(value - (1 if kind in ("at_least", "equals") else 0) for kind, value in named)
        clamps[name] = (low if name not in rises else float("-inf"),
                        high if name not in falls else float("inf"))

    def key(state: GameState) -> Hashable:
        if state.ending:
            return state.ending
        rel = relevant[state.scene]
        counters = tuple((name, min(max(value, clamps[name][0]), clamps[name][1]))
                         for name, value in state.counters if name in rel.counters) if rel.counters else ()
        return (state.scene, None if rel.time_cap is None else min(state.time, rel.time_cap), state.at_desk,
                rel.quotes.intersection(state.quotes), rel.facts.intersection(state.facts),
                rel.verified.intersection(state.verified), rel.flags.intersection(state.flags), counters,
                rel.visited.intersection(state.visited), rel.taken.intersection(state.taken), state.fired)

    def trim(state: GameState) -> GameState:
        if state.ending:
            return state
        rel = relevant[state.scene]

        def keep(values: tuple[str, ...], wanted: frozenset[str]) -> tuple[str, ...]:
            return tuple(value for value in values if value in wanted) if values else values

        return replace(state, quotes=keep(state.quotes, rel.quotes), facts=keep(state.facts, rel.facts),
                       verified=keep(state.verified, rel.verified), flags=keep(state.flags, rel.flags),
                       visited=keep(state.visited, rel.visited), taken=keep(state.taken, rel.taken),
                       history=(), gathered=(), response=None)

    return Memo(key, trim)


# --- the walks -----------------------------------------------------------------------------------

Step = tuple[str, GameState]
"""A step's label and the state it leads to."""


def next_states(scenario: Scenario, state: GameState, desk: Desk,
                taken: Callable[[engine.Option], None] | None = None) -> list[Step]:
    """Every state one step on from this one (nothing at an ending; an empty list is a dead end)."""
    if state.ending:
        return []
    if state.at_desk:
        steps: list[Step] = [(filing_label(filing), engine.file_story(scenario, state, *filing[1:]))
                             for filing in desk.filings(state)]
        return [*steps, (LEAVE_STEP, engine.leave_desk(state))]
    steps = []
    for way in engine.successors(scenario, state):
        if taken:
            taken(way.option)
        steps.append((way.option.label + (f" [the world: {way.luck}]" if way.luck else ""), way.state))
    return steps


class _Walk:
    """Bookkeeping shared by both modes: coverage and where playthroughs got stuck."""

    def __init__(self, report: Playtest) -> None:
        self.report = report
        self.stuck: dict[tuple[str, str, str], Stuck] = {}

    def taken(self, option: engine.Option) -> None:
        (self.report.questions if option.kind == "question" else self.report.choices).add(option.key)

    def arrived(self, state: GameState) -> None:
        report = self.report
        report.scenes.add(state.scene)
        for item in state.gathered:
            kind, _, name = item.partition(":")
            (report.quotes if kind == "quote" else report.facts).add(name)

    def get_stuck(self, kind: str, state: GameState, route: Callable[[], list[str]], message: str = "") -> None:
        found = self.stuck.get((kind, state.scene, message))
        if found:
            found.count += 1
            return
        found = self.stuck[(kind, state.scene, message)] = Stuck(state.scene, route(), message)
        (self.report.errors if kind == "error" else self.report.dead_ends).append(found)


def _start(scenario: Scenario, walk: _Walk) -> GameState | None:
    try:
        state = engine.new_game(scenario)
    except Exception as error:  # noqa: BLE001 - a scenario that breaks the engine is what we report
        walk.get_stuck("error", engine.GameState(scenario.id, scenario.version, scenario.start_scene, 0),
                       list, f"{type(error).__name__}: {error}")
        return None
    walk.arrived(state)
    walk.report.facts.update(state.facts)
    walk.report.quotes.update(state.quotes)
    return state


def _collector_paused(walk: Callable[..., Playtest]) -> Callable[..., Playtest]:
    """Run a walk with the garbage collector paused, as the loader does: a walk makes many small objects
    that live until it ends, and the collector would only trace them again and again for nothing."""
    @wraps(walk)
    def paused(*args: Any, **kwargs: Any) -> Playtest:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return walk(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return paused


@_collector_paused
def explore(scenario: Scenario, max_states: int = MAX_STATES) -> Playtest:
    """Walk every state a player can reach, breadth first, memoised; stop (and say so) at max_states."""
    report = Playtest(scenario, "exhaustive", state_limit=max_states)
    walk = _Walk(report)
    start = _start(scenario, walk)
    if start is None:
        return report
    memo = memo_for(scenario)
    key_of = memo.key
    desk = Desk(scenario)
    first = key_of(start)
    start = memo.trim(start)
    parents: dict[Hashable, tuple[Hashable, str] | None] = {first: None}
    edges: dict[Hashable, list[tuple[Hashable, str]]] = {}
    ends: dict[Hashable, str] = {}
    todo: deque[tuple[Hashable, GameState]] = deque([(first, start)])

    def route_to(key: Hashable) -> list[str]:
        steps: list[str] = []
        link = parents[key]
        while link is not None:
            key, label = link
            steps.append(label)
            link = parents[key]
        return steps[::-1]

    while todo:
        key, state = todo.popleft()
        if state.ending:
            ends[key] = state.ending
            if state.ending not in report.endings:
                report.endings[state.ending] = route_to(key)
            continue
        try:
            steps = next_states(scenario, state, desk, walk.taken)
        except Exception as error:  # noqa: BLE001 - reported with the route that led here
            walk.get_stuck("error", state, partial(route_to, key), f"{type(error).__name__}: {error}")
            continue
        if not steps:
            walk.get_stuck("dead end", state, partial(route_to, key))
            continue
        out = edges[key] = []
        for label, after in steps:
            walk.arrived(after)
            next_key = key_of(after)
            out.append((next_key, label))
            if next_key not in parents:
                if len(parents) >= max_states:
                    report.complete = False
                    continue
                parents[next_key] = (key, label)
                todo.append((next_key, memo.trim(after)))
    report.states = len(parents)
    _longest(report, first, edges, ends, route_to)
    return report


def _longest(report: Playtest, first: Hashable, edges: dict[Hashable, list[tuple[Hashable, str]]],
             ends: dict[Hashable, str], route_to: Callable[[Hashable], list[str]]) -> None:
    """The longest route from the start to an ending over the walked states, following no loop and never
    leaving the desk without filing (which could stretch any route to the deadline)."""
    length: dict[Hashable, int] = {}
    best: dict[Hashable, tuple[Hashable, str] | None] = {}
    on_path: set[Hashable] = set()
    stack: list[tuple[Hashable, int]] = [(first, 0)]
    on_path.add(first)
    while stack:
        key, position = stack[-1]
        out = edges.get(key, [])
        if position < len(out):
            stack[-1] = (key, position + 1)
            target = out[position][0]
            if target in on_path:
                report.loops = True
            elif target not in length:
                on_path.add(target)
                stack.append((target, 0))
            continue
        stack.pop()
        length[key], best[key] = (0, None) if key in ends else (-1, None)
        for target, label in out:
            if label == LEAVE_STEP or target in on_path:
                continue  # no loops; and dithering at the desk would stretch any route to the deadline
            if length.get(target, -1) >= 0 and length[target] + 1 > length[key]:
                length[key], best[key] = length[target] + 1, (target, label)
        on_path.discard(key)
    if length.get(first, -1) < 0:
        return
    key = first
    steps: list[str] = []
    while best.get(key) and len(steps) <= len(best):
        key, label = best[key]  # type: ignore[misc]
        steps.append(label)
    report.longest, report.longest_ending = steps, ends.get(key)


@_collector_paused
def play_randomly(scenario: Scenario, runs: int, seed: int, max_steps: int = MAX_STEPS) -> Playtest:
    """Play `runs` playthroughs picking uniformly among what is on offer; the same seed gives the same runs."""
    report = Playtest(scenario, "random", runs=runs, seed=seed)
    walk = _Walk(report)
    chance = random.Random(seed)
    desk = Desk(scenario)
    for _ in range(runs):
        state = _start(scenario, walk)
        if state is None:
            return report
        route: list[str] = []
        for _ in range(max_steps):
            if state.ending:
                if state.ending not in report.endings:
                    report.endings[state.ending] = list(route)
                if len(route) > len(report.longest):
                    report.longest, report.longest_ending = list(route), state.ending
                break
            try:
                steps = _random_steps(scenario, state, desk, walk, chance)
            except Exception as error:  # noqa: BLE001 - reported with the route that led here
                walk.get_stuck("error", state, route.copy, f"{type(error).__name__}: {error}")
                break
            if not steps:
                walk.get_stuck("dead end", state, route.copy)
                break
            label, state = steps[0]
            route.append(label)
            walk.arrived(state)
        else:
            report.unfinished += 1
            report.loops = True
    return report


def _random_steps(scenario: Scenario, state: GameState, desk: Desk, walk: _Walk,
                  chance: random.Random) -> list[Step]:
    """One step picked at random (at the desk: file, mostly, with a random score and maybe an error)."""
    if state.at_desk:
        if chance.random() < 0.1:
            return [(LEAVE_STEP, engine.leave_desk(state))]
        score = chance.randint(0, 100)
        errors = frozenset(d for d in DIMENSIONS if chance.random() < 0.1)
        after = engine.file_story(scenario, state, score, errors)
        said = f"score {score}" + (f", errors in {', '.join(sorted(errors))}" if errors else "")
        return [(f"{FILE_STEP} ({said})", after)]
    offered = engine.options(scenario, state)
    if not offered:
        return []
    option = chance.choice(offered)
    walk.taken(option)
    outcomes = engine.chances(scenario, state, option.key)
    luck = chance.choices([name for name, _ in outcomes], [weight for _, weight in outcomes])[0] if outcomes else None
    return [(option.label + (f" [the world: {luck}]" if luck else ""),
             engine.choose(scenario, state, option.key, luck))]


SHOWN_STEPS = 24
"""Routes longer than this (after folding repeats) are shortened in the text report; JSON has them whole."""


def route_text(route: list[str], shown: int | None = SHOWN_STEPS) -> str:
    """A route on one line, with a step or pair of steps repeated back to back shown once with a count,
    and the middle of a very long route left out."""
    parts: list[str] = []
    position = 0
    while position < len(route):
        for width in (1, 2):
            chunk = route[position:position + width]
            times = 1
            while route[position + times * width:position + (times + 1) * width] == chunk:
                times += 1
            if times > 2 and len(chunk) == width:
                parts.append(f"({' > '.join(chunk)}) x{times}" if width > 1 else f"{chunk[0]} x{times}")
                position += times * width
                break
        else:
            parts.append(route[position])
            position += 1
    if shown is not None and len(parts) > shown:
        head, tail = parts[: shown // 2], parts[-(shown // 3):]
        parts = [*head, f"... {len(parts) - len(head) - len(tail)} more steps ...", *tail]
    return " > ".join(parts) or "(the start)"


def summary_lines(report: Playtest, where: Callable[[tuple[object, ...]], int] | None = None) -> Iterable[str]:
    """The report as text, a line at a time; `where` gives the line of a path in the file, if known."""
    data = report.as_json()
    scenario = report.scenario
    line = (lambda path: f" (line {where(path)})") if where else (lambda path: "")
    if report.mode == "exhaustive":
        head = f"{scenario.id}: every route walked, {report.states:,} distinct states"
        if not report.complete:
            head = (f"{scenario.id}: STOPPED at the limit of {report.state_limit:,} states; the walk is "
                    "not complete, so what follows is only what it saw (raise --max-states, or try --random)")
    else:
        head = f"{scenario.id}: {report.runs:,} random playthroughs, seed {report.seed}"
    yield head

    def counted(name: str, done: int, total: int, verb: str) -> str:
        return f"  {name:<10} {done}/{total} {verb}"

    yield counted("scenes", data["scenes_reached"], data["scenes_total"], "reached")
    positions = {scene.id: s for s, scene in enumerate(scenario.scenes)}
    for scene_id in data["scenes_never"]:
        yield f"      never: {scene_id}{line(('scenes', positions[scene_id]))}"
    yield counted("choices", data["choices_taken"], data["choices_total"], "taken")
    for s, c, key, label in report.all_choices():
        if key not in report.choices:
            yield f"      never: {key} \"{label}\"{line(('scenes', s, 'choices', c))}"
    if data["questions_total"]:
        yield counted("questions", data["questions_asked"], data["questions_total"], "asked")
        for s, q, key, label in report.all_questions():
            if key not in report.questions:
                yield f"      never: {key} \"{label}\"{line(('scenes', s, 'questions', 'items', q))}"
    yield counted("quotes", data["quotes_gathered"], data["quotes_total"], "gathered")
    for q, quote in enumerate(scenario.quotes):
        if quote.id not in report.quotes:
            yield f"      never: {quote.id}{line(('quotes', q))}"
    yield counted("facts", data["facts_learned"], data["facts_total"], "learned")
    for f, fact in enumerate(scenario.facts):
        if fact.id not in report.facts:
            yield f"      never: {fact.id}{line(('facts', f))}"
    yield counted("endings", len(data["endings"]), len(data["endings"]) + len(data["endings_never"]), "reached")
    for ending in data["endings"]:
        route = report.endings[ending]
        yield f"      {ending}, in {len(route)} steps: {route_text(route)}"
    for ending in data["endings_never"]:
        yield f"      never: {ending}{line(('scenes', positions[ending]))}"
    if report.longest:
        yield f"  longest route: {len(report.longest)} steps, to {report.longest_ending}" + (
            " (some routes can also go round in a loop)" if report.loops else "")
    if report.unfinished:
        yield f"  {report.unfinished} playthroughs took {MAX_STEPS} steps without reaching an ending"
    for stuck in report.dead_ends:
        yield (f"  DEAD END in scene '{stuck.scene}' ({stuck.count} way{'s' * (stuck.count != 1)} in): "
               "nothing is on offer. Route: " + route_text(stuck.route))
    for stuck in report.errors:
        yield f"  ERROR in scene '{stuck.scene}': {stuck.message}. Route: " + route_text(stuck.route)
    if report.ok:
        yield "  no dead ends, no errors"
