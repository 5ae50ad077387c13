"""Settling what an unfinished walk left open: each target reached (with a route), proven unreachable, or unknown.

When the exhaustive walk stops at its limit, every target it did not reach (a scene, choice, question,
quote, fact or ending) gets its own search, and every scene that might strand the player gets one
for a dead end. Each is settled one of three ways:

- **reached**: a best-first search heads for it — states nearer (in scene steps) to the place where the
  target happens, and closer to meeting its condition, first — and reports the route it took;
- **proven unreachable**: lint's analysis (what any route could ever do) shows no route can; or it needs
  two flags up at once that every effect raising one lowers the other (`flags_apart`); or the
  search walked every state that can still lead to the target (keyed by `Sight` over just the scenes from
  which the target can be reached, so it is exact for that target) without meeting it;
- **unknown**: neither within the search's budget of states.

A scene is proven free of dead ends without playing when some choice there is always on offer: a sticky
choice whose condition holds in every combination of the answers its tests can give.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import partial

from game import engine
from game.authoring.reach import Reach
from game.authoring.sight import DESK, Sight, cone
from game.engine import GameState
from game.model import Condition, Effects, Outcome, Scenario, Scene, clock_text, minutes_of
from game.references import conditions, every_effect, successors

Step = tuple[str, GameState]
Successors = Callable[[GameState], list[Step]]


@dataclass
class Target:
    """Something a route may do: enter a scene, be offered a choice or question, gather a quote, ..."""

    kind: str
    """scene, choice, question, quote, fact, ending or dead end."""
    name: str
    """The id (or, for choices and questions, the key; for a dead end, the scene)."""
    places: dict[str, list[Condition | None]]
    """Where it happens (scene ids, or DESK for an ending by filing) and the tests it needs there."""
    status: str = "unknown"
    """reached, unreachable or unknown."""
    route: list[str] = field(default_factory=list)
    reason: str = ""
    states: int = 0
    """States the search for it walked."""

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.name}"

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "name": self.name, "status": self.status, "route": self.route,
                "reason": self.reason, "states": self.states}


def targets(scenario: Scenario, want: set[str]) -> list[Target]:
    """The targets with these ids (`kind:name`), with the places where each can happen."""
    found: list[Target] = []
    outcome_endings = {outcome.ending: outcome for outcome in scenario.filing.outcomes} if scenario.filing else {}
    gathers: dict[str, dict[str, list[Condition | None]]] = {}

    def note(kind: str, names: list[str], scene: Scene, when: Condition | None) -> None:
        for name in names:
            gathers.setdefault(f"{kind}:{name}", {}).setdefault(scene.id, []).append(when)

    for scene in scenario.scenes:
        note("quote", scene.gather, scene, None)
        note("fact", [*scene.learn, *scene.verify], scene, None)
        for choice in scene.choices:
            for part in [choice, *choice.chance]:  # a chance outcome gathers when its choice is taken
                note("quote", part.gather, scene, choice.when)
                note("fact", [*part.learn, *part.verify], scene, choice.when)
        for question in scene.questions.asked if scene.questions else []:
            note("quote", question.gather, scene, question.when)
            note("fact", [*question.learn, *question.verify], scene, question.when)
        for arrival in scene.arrive:
            note("quote", arrival.gather, scene, arrival.when)
            note("fact", [*arrival.learn, *arrival.verify], scene, arrival.when)
        if not scene.ending:
            for event in scenario.events:  # a timed event happens wherever the player is
                note("quote", event.gather, scene, event.when)
                note("fact", [*event.learn, *event.verify], scene, event.when)
    for scene in scenario.scenes:
        if scene.ending and f"ending:{scene.id}" in want:
            places: dict[str, list[Condition | None]] = {scene.id: []}
            if scene.id in outcome_endings:
                places[DESK] = [outcome_endings[scene.id].when, *_lateness(scenario, outcome_endings[scene.id])]
            found.append(Target("ending", scene.id, places))
        elif f"scene:{scene.id}" in want:
            found.append(Target("scene", scene.id, {scene.id: []}))
        for position, choice in enumerate(scene.choices):
            key = engine.choice_key(scene, position, choice)
            if f"choice:{key}" in want:
                found.append(Target("choice", key, {scene.id: [choice.when]}))
        for question in scene.questions.asked if scene.questions else []:
            key = engine.question_key(scene, question)
            if f"question:{key}" in want:
                found.append(Target("question", key, {scene.id: [question.when]}))
        if f"dead end:{scene.id}" in want:
            found.append(Target("dead end", scene.id, {scene.id: []}))
    for quote in scenario.quotes:
        if f"quote:{quote.id}" in want:
            found.append(Target("quote", quote.id, gathers.get(f"quote:{quote.id}", {})))
    for fact in scenario.facts:
        if f"fact:{fact.id}" in want:
            found.append(Target("fact", fact.id, gathers.get(f"fact:{fact.id}", {})))
    return found


def _lateness(scenario: Scenario, outcome: Outcome) -> list[Condition | None]:
    """A late (or on-time) outcome's test of the clock, as a condition the search can head for."""
    if outcome.late is None:
        return []
    writing = scenario.filing.writing_minutes if scenario.filing else 0
    late_from = minutes_of(scenario.clock.deadline) - writing + 1
    if late_from < 0:
        return []
    return [Condition.model_validate({"after" if outcome.late else "before": clock_text(late_from)})]


def never_by_lint(scenario: Scenario, target: Target, found: Reach) -> str | None:
    """Why lint's analysis of every condition (`found`, from `reach`) shows no route can reach the
    target, or None."""
    positions = {scene.id: s for s, scene in enumerate(scenario.scenes)}
    if target.kind in ("scene", "ending", "dead end"):
        return None if target.name in found.scenes else "no route can enter the scene (lint)"
    if target.kind in ("quote", "fact"):
        have = found.quotes if target.kind == "quote" else found.facts
        verb = "gather" if target.kind == "quote" else "learn"
        return None if target.name in have else f"no route can {verb} it (lint)"
    scene_id, _, _ = target.name.partition("/")
    s = positions.get(scene_id)
    if s is None:
        return None
    scene = scenario.scenes[s]
    if target.kind == "question":
        items = scene.questions.asked if scene.questions else []
        q = next((i for i, item in enumerate(items) if engine.question_key(scene, item) == target.name), None)
        return None if q is None or (s, q) in found.questions else "its condition can never hold (lint)"
    c = next((i for i, choice in enumerate(scene.choices) if engine.choice_key(scene, i, choice) == target.name), None)
    return None if c is None or (s, c) in found.choices else "its condition can never hold (lint)"


def flags_apart(scenario: Scenario) -> set[frozenset[str]]:
    """Pairs of flags that are never raised together.

    Sound because the state only changes by applying one effect at a time (`engine.apply_effects`), and
    conditions are only tested between effects: if the day does not start with both, and every effect
    that raises either one lowers the other (a flag both raised and lowered by one effect ends lowered),
    then after every effect at most one of the two is raised, so no condition ever sees both."""
    raisers: dict[str, list[Effects]] = {}
    for effects in every_effect(scenario):
        for flag in effects.set:
            raisers.setdefault(flag, []).append(effects)
    start = set(engine.new_game(scenario).flags)
    apart = set()
    for one, other in itertools.combinations(sorted(raisers), 2):
        if {one, other} <= start:
            continue
        if all(other in e.clear for e in raisers[one]) and all(one in e.clear for e in raisers[other]):
            apart.add(frozenset((one, other)))
    return apart


def needed_flags(condition: Condition | None) -> set[str]:
    """Flags the condition cannot hold without (tested directly, or in an `all`)."""
    if condition is None:
        return set()
    if condition.kind == "flag":
        return {str(condition.flag)}
    if condition.kind == "all":
        return set().union(*(needed_flags(part) for part in condition.all or ()))
    return set()


def never_together(scenario: Scenario, target: Target, apart: set[frozenset[str]]) -> str | None:
    """Why the target needs two flags that are never raised together, or None.

    Choices and questions need their own condition; an ending counts only when no choice, chance outcome
    or event leads into it, so filing is the only way in and every outcome naming it must need such a pair."""
    def needs_a_pair(conditions: list[Condition | None]) -> str | None:
        """The reason, when there are conditions and each needs a pair of flags kept apart."""
        first = None
        for condition in conditions:
            needed = needed_flags(condition)
            pair = next((pair for pair in sorted(apart, key=sorted) if pair <= needed), None)
            if pair is None:
                return None
            first = first or pair
        if first is None:
            return None
        one, other = sorted(first)
        return (f"it needs flags '{one}' and '{other}' raised together, but every effect that raises one "
                "lowers the other")

    if target.kind in ("choice", "question"):
        return needs_a_pair([when for whens in target.places.values() for when in whens])
    if target.kind != "ending" or not scenario.filing:
        return None
    if any(target.name in goals for goals in successors(scenario, DESK).values()):
        return None  # a choice or an event leads into the ending: filing is not the only way in
    return needs_a_pair([outcome.when for outcome in scenario.filing.outcomes if outcome.ending == target.name])


def shortfall(condition: Condition | None, state: GameState) -> int:
    """How far a state is from meeting a condition: 0 when it holds; more the further off it is."""
    if condition is None:
        return 0
    kind = condition.kind
    if kind == "all":
        return sum(shortfall(part, state) for part in condition.all or ())
    if kind == "any":
        return min((shortfall(part, state) for part in condition.any or ()), default=0)
    if kind == "counter" and not engine.holds(condition, state):
        value = state.counter(condition.counter or "")
        bound = condition.at_least if condition.at_least is not None else (
            condition.at_most if condition.at_most is not None else condition.equals)
        return abs(value - (bound or 0))
    if kind == "after" and not engine.holds(condition, state):
        return 1 + (minutes_of(condition.after or "00:00") - state.time) // 30
    return 0 if engine.holds(condition, state) else 1


def search(scenario: Scenario, target: Target, start: GameState, successors: Successors,
           met: Callable[[GameState, list[Step] | None], bool], budget: int,
           graph: dict[str, set[str]] | None = None) -> None:
    """A best-first search from `start` for the target; settles it. `met(state, None)` says whether
    arriving in a state (untrimmed, with what it just gathered) meets the target; `met(state, steps)`
    whether a state the search stands in, with its successors, does (a dead end, an option on offer)."""
    within = cone(graph if graph is not None else Sight(scenario).graph, target.places)
    sight = Sight(scenario, within, target.places)
    graph = sight.graph
    distance = distances(graph, target.places)
    goal_tests = [when for tests in target.places.values() for when in tests]

    def estimate(state: GameState) -> int:
        place = DESK if state.at_desk else state.scene
        near = distance.get(place, len(distance) + 1)
        return near * 4 + min((shortfall(when, state) for when in goal_tests), default=0)

    first = sight.key(start)
    parents: dict[Hashable, tuple[Hashable, str] | None] = {first: None}

    def route_to(key: Hashable) -> list[str]:
        steps: list[str] = []
        link = parents[key]
        while link is not None:
            key, label = link
            steps.append(label)
            link = parents[key]
        return steps[::-1]

    if met(start, None):
        target.status, target.states = "reached", 1
        return
    order = itertools.count()
    todo: list[tuple[int, int, int, Hashable, GameState]] = [
        (estimate(start), 0, next(order), first, sight.trim(start))]
    while todo:
        _, depth, _, key, state = heapq.heappop(todo)
        try:
            steps = successors(state)
        except Exception:  # noqa: BLE001 - the exhaustive walk reports engine errors; here it is a wall
            continue
        if met(state, steps):
            target.status, target.route, target.states = "reached", route_to(key), len(parents)
            return
        for label, after in steps:
            if met(after, None):
                target.status, target.route, target.states = "reached", [*route_to(key), label], len(parents)
                return
            if after.ending or after.scene not in within:
                continue
            next_key = sight.key(after)
            if next_key in parents:
                continue
            if len(parents) >= budget:
                target.states = len(parents)
                target.reason = f"not reached in a directed search of {budget:,} states"
                return
            parents[next_key] = (key, label)
            heapq.heappush(todo, (estimate(after), depth + 1, next(order), next_key, sight.trim(after)))
    target.status, target.states = "unreachable", len(parents)
    target.reason = f"proven: all {len(parents):,} states that could lead to it were walked"


def never_stuck(scenario: Scenario, scene: Scene, worlds: int = 4096) -> bool:
    """Whether some choice in the scene is on offer whatever the state: a sticky (not once-only) choice
    whose condition holds for every combination of answers to the tests in those conditions."""
    sticky = [choice.when for choice in scene.choices if not choice.once]
    if not sticky:
        return False
    if any(when is None for when in sticky):
        return True
    atoms = [part for when in sticky for part, _ in conditions(when, ()) if part.kind not in ("all", "any", "not")]
    times = sorted({minutes_of(str(part.part(part.kind))) for part in atoms if part.kind in ("before", "after")})
    time_values = sorted({0, *times, *(t - 1 for t in times)})
    counter_values: dict[str, set[int]] = {}
    for part in atoms:
        if part.kind == "counter":
            bound = next(getattr(part, name) for name in ("at_least", "at_most", "equals")
                         if getattr(part, name) is not None)
            counter_values.setdefault(str(part.counter), set()).update({bound - 1, bound, bound + 1})
    items = sorted({(part.kind, str(part.part(part.kind))) for part in atoms
                    if part.kind not in ("before", "after", "counter")})
    counters = sorted(counter_values)
    total = len(time_values) * 2 ** len(items)
    for name in counters:
        total *= len(counter_values[name])
    if total > worlds:
        return False
    for time in time_values:
        for values in itertools.product(*(sorted(counter_values[name]) for name in counters)):
            for truths in itertools.product((False, True), repeat=len(items)):
                world = _world(scene, time, dict(zip(counters, values, strict=True)),
                               [item for item, true in zip(items, truths, strict=True) if true])
                if not any(engine.holds(when, world) for when in sticky):
                    return False
    return True


def _world(scene: Scene, time: int, counters: dict[str, int], true: list[tuple[str, str]]) -> GameState:
    """A state in which exactly these tests hold (an `asked` test is met through a taken question key)."""
    by_kind: dict[str, tuple[str, ...]] = {}
    for kind, name in true:
        by_kind[kind] = (*by_kind.get(kind, ()), name if kind != "asked" else f"?{engine.QUESTION_MARK}{name}")
    return GameState("", "", scene.id, time, quotes=by_kind.get("has_quote", ()), facts=by_kind.get("knows", ()),
                     verified=by_kind.get("verified", ()), flags=by_kind.get("flag", ()),
                     counters=tuple(sorted(counters.items())), visited=by_kind.get("visited", ()),
                     taken=by_kind.get("asked", ()))


def distances(graph: dict[str, set[str]], goals: Iterable[str]) -> dict[str, int]:
    """Scene steps from each node to the nearest goal (nodes that cannot reach one are left out)."""
    backwards: dict[str, set[str]] = {}
    for source, ends in graph.items():
        for end in ends:
            backwards.setdefault(end, set()).add(source)
    found = dict.fromkeys(goals, 0)
    frontier = deque(found)
    while frontier:
        place = frontier.popleft()
        for source in backwards.get(place, ()):
            if source not in found:
                found[source] = found[place] + 1
                frontier.append(source)
    return found


def sweep(scenario: Scenario, pending: dict[str, Target], start: GameState, successors: Successors,
          spot: Callable[[GameState, list[Step] | None], list[str]], budget: int,
          graph: dict[str, set[str]]) -> int:
    """One best-first search for every pending target at once: states nearer the nearest target still
    pending first. Each target met is settled as reached with the route taken and leaves `pending`;
    returns the states walked. It proves nothing unreachable (its states are not keyed for any one target)."""
    sight = Sight(scenario)
    parents: dict[Hashable, tuple[Hashable, str] | None] = {sight.key(start): None}

    def route_to(key: Hashable) -> list[str]:
        steps: list[str] = []
        link = parents[key]
        while link is not None:
            key, label = link
            steps.append(label)
            link = parents[key]
        return steps[::-1]

    def route_on(key: Hashable, label: str) -> list[str]:
        return [*route_to(key), label]

    def settle(ids: list[str], route: Callable[[], list[str]]) -> bool:
        met = [pending.pop(name) for name in ids if name in pending]
        if met:
            steps = route()
            for target in met:
                target.status, target.route, target.reason = "reached", steps, "found by the joint search"
        return bool(met)

    def aims() -> tuple[dict[str, int], dict[str, list[Condition | None]]]:
        tests: dict[str, list[Condition | None]] = {}
        for target in pending.values():
            for place, whens in target.places.items():
                tests.setdefault(place, []).extend(whens)
        return distances(graph, tests), tests

    distance, tests = aims()
    far = len(graph) + 1

    def estimate(state: GameState) -> int:
        place = DESK if state.at_desk else state.scene
        near = distance.get(place, far)
        if near == 0:
            return min((shortfall(when, state) for when in tests.get(place, ())), default=0)
        return near * 4

    first = sight.key(start)
    settle(spot(start, None), list)
    order = itertools.count()
    todo: list[tuple[int, int, Hashable, GameState]] = [(estimate(start), next(order), first, sight.trim(start))]
    stale = False
    while todo and pending:
        guess, _, key, state = heapq.heappop(todo)
        if stale:
            distance, tests, stale = *aims(), False
        if estimate(state) > guess:
            heapq.heappush(todo, (estimate(state), next(order), key, state))
            continue
        try:
            steps = successors(state)
        except Exception:  # noqa: BLE001 - the exhaustive walk reports engine errors; here it is a wall
            continue
        stale |= settle(spot(state, steps), partial(route_to, key))
        for label, after in steps:
            stale |= settle(spot(after, None), partial(route_on, key, label))
            if after.ending:
                continue
            next_key = sight.key(after)
            if next_key in parents:
                continue
            if len(parents) >= budget:
                return len(parents)
            parents[next_key] = (key, label)
            heapq.heappush(todo, (estimate(after), next(order), next_key, sight.trim(after)))
    return len(parents)
