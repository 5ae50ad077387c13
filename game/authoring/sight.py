"""What a condition can see: the one place that decides which parts of a game state can still matter.

Both walks (the exhaustive one and the directed search for one target) tell states apart by a key made
here. From a scene, only the tests in the conditions of the scenes still reachable from it — and the
desk's outcomes, if a route can still file — can tell two states apart; what none of them tests is left
out. The clock stops counting once it is past every time those tests mention; a counter that only ever
rises (or falls) stops counting once it is past every number it is tested against; once-only choices
and questions count only while their scene can still be reached.

The key is compact: the scene's position, the clock, the desk, one integer whose bits are the notebook
entries, flags, visits and taken options that matter here, and the counters that matter. A new kind of
state field or of test is added in `Sight.__init__` (what it tests) and `Sight.key` (how it is encoded).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from game import engine
from game.engine import GameState
from game.model import CONDITION_KINDS, Condition, Scenario, minutes_of
from game.references import conditions, every_effect, successors

DESK = ""
"""The story desk's node in the scene graph."""

ITEM_KINDS = ("has_quote", "knows", "verified", "flag", "visited", "taken", "fired")
"""The kinds of notebook entries and marks a key keeps as bits, each named by the state field it reads."""
FIELDS = {"has_quote": "quotes", "knows": "facts", "verified": "verified", "flag": "flags",
          "visited": "visited", "taken": "taken", "fired": "fired"}


@dataclass(frozen=True)
class View:
    """What can still make a difference from one scene: the bit of every entry some test there sees."""

    bits: dict[str, dict[Entry, int]]
    """For each item kind, the entries that matter here and their bits in the key."""
    counters: tuple[str, ...]
    time_cap: int | None
    """Past this minute no reachable test of the clock can change its answer (None: none tests it)."""
    keep: dict[str, frozenset[Entry]]


Entry = str | engine.Key
"""One entry a key keeps as a bit: an id (of a quote, fact, flag, scene, event), or a taken option's key."""
Kept = TypeVar("Kept", str, engine.Key)


def components(graph: dict[str, set[str]]) -> list[list[str]]:
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


def deciding(scenario: Scenario) -> dict[str, list[Condition | None]]:
    """The conditions that decide what is on offer in each scene (and, under DESK, which ending a filed
    story reaches), what arrival effects apply there, and whether a timed event happens (anywhere). Text
    variants and debrief notes change words, not what can happen."""
    events = [event.when for event in scenario.events]
    found: dict[str, list[Condition | None]] = {
        scene.id: [*(choice.when for choice in scene.choices),
                   *((q.when for q in scene.questions.asked) if scene.questions else ()),
                   *(arrival.when for arrival in scene.arrive), *events]
        for scene in scenario.scenes}
    found[DESK] = [outcome.when for outcome in scenario.filing.outcomes] if scenario.filing else []
    return found


def cone(graph: dict[str, set[str]], goals: Iterable[str]) -> set[str]:
    """Every node from which some goal can be reached (the goals included)."""
    backwards: dict[str, set[str]] = {}
    for source, targets in graph.items():
        for target in targets:
            backwards.setdefault(target, set()).add(source)
    found = set(goals)
    todo = list(found)
    while todo:
        for source in backwards.get(todo.pop(), ()):
            if source not in found:
                found.add(source)
                todo.append(source)
    return found


class Sight:
    """Keys that are equal only for states that can play out the same way (as far as `within` goes).

    `within` limits the walk to some scenes (a directed search keeps to the scenes from which its target
    can be reached); `extra` adds tests a goal makes in a scene, as if a choice there tested them.
    """

    def __init__(self, scenario: Scenario, within: set[str] | None = None,
                 extra: dict[str, list[Condition | None]] | None = None) -> None:
        self.scenario = scenario
        self.positions = {scene.id: position for position, scene in enumerate(scenario.scenes)}
        whens = deciding(scenario)
        for place, added in (extra or {}).items():
            whens[place] = [*whens.get(place, []), *added]
        remembered: dict[str, set[engine.Key]] = {scene.id: set() for scene in scenario.scenes}
        question_keys: dict[str, engine.Key] = {}
        for scene in scenario.scenes:
            for q in scene.questions.asked if scene.questions else []:
                remembered[scene.id].add(engine.question_key(scene, q))
                question_keys[q.id] = engine.question_key(scene, q)
            remembered[scene.id] |= {engine.choice_key(scene, c, choice)
                                     for c, choice in enumerate(scene.choices) if choice.once}
        writing = scenario.filing.writing_minutes if scenario.filing else 0
        late_from = minutes_of(scenario.clock.deadline) - writing + 1

        self.bounds: dict[str, list[tuple[str, int]]] = {}
        tests: dict[str, tuple[dict[str, set[str]], list[int]]] = {}
        for place, place_whens in whens.items():
            tested: dict[str, set[str]] = {kind: set() for kind in CONDITION_KINDS}
            times = [late_from] if place == DESK else [minutes_of(event.at) for event in scenario.events]
            for when in place_whens:
                for part, _ in conditions(when, ()):
                    kind = part.kind
                    if kind in ("all", "any", "not"):
                        continue
                    if kind in ("before", "after"):
                        times.append(minutes_of(str(part.part(kind))))
                    elif kind in tested:
                        tested[kind].add(str(part.part(kind)))
                    if kind == "counter":
                        for name in ("at_least", "at_most", "equals"):
                            if getattr(part, name) is not None:
                                self.bounds.setdefault(str(part.counter), []).append((name, getattr(part, name)))
            tests[place] = (tested, times)

        graph = successors(scenario, desk=DESK)
        if within is not None:
            graph = {place: {target for target in targets if target in within}
                     for place, targets in graph.items() if place in within}
        self.graph = graph
        ahead: dict[str, tuple[dict[str, set[str]], list[int], set[engine.Key]]] = {}
        for component in components(graph):
            merged: dict[str, set[str]] = {kind: set() for kind in CONDITION_KINDS}
            clock: list[int] = []
            taken: set[engine.Key] = set()
            for place in component:
                tested, place_times = tests.get(place, ({}, []))
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

        self.bit_of: dict[tuple[str, Entry], int] = {}
        self.views: dict[str, View] = {}
        shared: dict[int, View] = {}  # the scenes of one strongly connected part see the same: one view
        for scene in scenario.scenes:
            if scene.id not in ahead:
                continue
            merged, clock, taken = ahead[scene.id]
            view = shared.get(id(merged))
            if view is not None:
                self.views[scene.id] = view
                continue
            asked = {question_keys[name] for name in merged["asked"] if name in question_keys}
            seen: dict[str, AbstractSet[Entry]] = {
                    "has_quote": merged["has_quote"], "knows": merged["knows"], "verified": merged["verified"],
                    "flag": merged["flag"], "visited": merged["visited"], "taken": taken | asked,
                    "fired": {event.id for event in scenario.events}}  # which events are still to come
            bits = {kind: {name: self._bit(kind, name) for name in sorted(names)} for kind, names in seen.items()}
            self.views[scene.id] = shared[id(merged)] = View(
                bits, tuple(sorted(merged["counter"])), clock[0] if clock else None,
                {FIELDS[kind]: frozenset(names) for kind, names in seen.items()})
        self.clamps = self._clamps()

    def _bit(self, kind: str, name: Entry) -> int:
        found = self.bit_of.get((kind, name))
        if found is None:
            found = self.bit_of[(kind, name)] = 1 << len(self.bit_of)
        return found

    def _clamps(self) -> dict[str, tuple[float, float]]:
        """For each tested counter, the values past which it no longer matters: a counter nothing lowers
        is the same above its highest test, one nothing raises the same below its lowest."""
        rises: set[str] = set()
        falls: set[str] = set()
        for effects in every_effect(self.scenario):
            for name, delta in effects.change.items():
                (rises if delta > 0 else falls if delta < 0 else set()).add(name)
            rises.update(effects.set_to)  # a counter set to a value may go either way
            falls.update(effects.set_to)
        clamps: dict[str, tuple[float, float]] = {}
        for name, named in self.bounds.items():
            high = max(value + (0 if kind == "at_least" else 1) for kind, value in named)
            low = min(value - (1 if kind in ("at_least", "equals") else 0) for kind, value in named)
            clamps[name] = (low if name not in rises else float("-inf"),
                            high if name not in falls else float("inf"))
        return clamps

    def key(self, state: GameState) -> Hashable:
        """The compact key: equal for two states only when they can only play out the same way here."""
        if state.ending:
            late = state.filed_at is not None and engine.is_late(self.scenario, state.filed_at)
            return (state.ending, late)
        view = self.views.get(state.scene)
        if view is None:
            return (state.scene,)
        bits = 0
        for kind, names in view.bits.items():
            if names:
                for name in getattr(state, FIELDS[kind]):
                    bits |= names.get(name, 0)
        if view.counters:
            values = dict(state.counters)
            counters: tuple[Any, ...] = tuple(
                min(max(values.get(name, 0), self.clamps[name][0]), self.clamps[name][1]) for name in view.counters)
        else:
            counters = ()
        time = None if view.time_cap is None else min(state.time, view.time_cap)
        return (self.positions[state.scene], time, state.at_desk, bits, counters)

    def trim(self, state: GameState) -> GameState:
        """The state without what can no longer make a difference (same key, same future), and without its
        history: the walk keeps routes itself, and long routes would make every step slower."""
        if state.ending:
            return state
        view = self.views.get(state.scene)
        if view is None:
            return state
        keep = view.keep

        def kept(values: tuple[Kept, ...], wanted: frozenset[Entry]) -> tuple[Kept, ...]:
            return tuple(value for value in values if value in wanted) if values else values

        return replace(state, quotes=kept(state.quotes, keep["quotes"]), facts=kept(state.facts, keep["facts"]),
                       verified=kept(state.verified, keep["verified"]), flags=kept(state.flags, keep["flags"]),
                       visited=kept(state.visited, keep["visited"]), taken=kept(state.taken, keep["taken"]),
                       history=(), gathered=(), response=None)

    def size(self, start: GameState) -> float:
        """An upper bound on how many distinct keys a walk from `start` can make (inf when some counter
        that matters has no end): for each scene, the clock's readings up to its cap, times every
        combination of the bits its view keeps, times each counter's values between its clamps (or its
        start, on the side nothing moves it towards), times at the desk or not. A walk that cannot finish
        within its limit is seen from this before it is walked; the bound is loose (it counts combinations
        no route makes), so it only ever says a walk will surely finish, never that it will not."""
        moved: dict[str, set[int]] = {}
        for effects in every_effect(self.scenario):
            for name, delta in effects.change.items():
                moved.setdefault(name, set()).add(1 if delta > 0 else -1 if delta < 0 else 0)
            for name in effects.set_to:
                moved.setdefault(name, set()).update((1, -1))
        values = dict(start.counters)
        total = float(sum(1 for scene in self.scenario.scenes if scene.ending)) * 2
        for scene in self.scenario.scenes:
            view = self.views.get(scene.id)
            if view is None:
                total += 1
                continue
            ways = float(1 if view.time_cap is None else max(view.time_cap - start.time + 1, 1))
            ways *= 2.0 ** min(sum(len(names) for names in view.bits.values()), 1000) * 2
            for name in view.counters:
                low, high = self.clamps.get(name, (float("-inf"), float("inf")))
                first = values.get(name, 0)
                if 1 not in moved.get(name, ()):
                    high = min(high, first)
                if -1 not in moved.get(name, ()):
                    low = max(low, first)
                if high == float("inf") or low == float("-inf"):
                    return float("inf")
                ways *= max(high - low + 1, 1)
            total += ways
        return total

    def multipliers(self, keys: Iterable[Hashable]) -> list[tuple[str, int]]:
        """Which parts of the state the walked keys differ in, and in how many ways: what multiplied the
        states. Most ways first."""
        groups: dict[str, int] = {}
        for (kind, _), bit in self.bit_of.items():
            groups[kind] = groups.get(kind, 0) | bit
        seen: dict[str, set[object]] = {}
        counter_names = {self.positions[scene]: view.counters for scene, view in self.views.items()}
        for key in keys:
            if not isinstance(key, tuple) or len(key) != 5:
                continue
            position, time, _, bits, counters = key
            seen.setdefault("the clock", set()).add(time)
            for kind, mask in groups.items():
                seen.setdefault(LABELS[kind], set()).add(bits & mask)
            for name, value in zip(counter_names.get(position, ()), counters, strict=False):
                seen.setdefault(f"counter '{name}'", set()).add(value)
        ranked = sorted(((what, len(values)) for what, values in seen.items() if len(values) > 1),
                        key=lambda pair: -pair[1])
        return ranked


LABELS = {"has_quote": "quotes held", "knows": "facts known", "verified": "facts checked",
          "flag": "flags set", "visited": "scenes visited", "taken": "once-only choices and questions taken",
          "fired": "timed events passed"}
