"""How high and how low each counter can ever go, proven without playing: a bound on every counter.

A counter starts at its declared value and moves only by effects (`change` adds, `set_to` sets), so its
value at any moment is the value it was last set to (or its start) plus the changes applied since. Its
highest value is therefore at most the highest of those starting points plus every rise that could ever
apply, each as many times as its effect can apply; likewise for its lowest. What is left is to bound how
many times each effect can apply (`applications`):

- a question is put at most once, and a scene with a `limit` lets only that many of its questions count;
- a timed event fires at most once; an ending is entered at most once (the game is over);
- a once-only choice is taken at most once; so is a sticky one whose own condition needs something
  lasting to be false (a flag nothing lowers, a visit, a notebook entry) that taking it makes true;
- a sticky choice that needs the clock before a time, and takes minutes, fits only so many times before it;
- a sticky choice that needs a flag up and lowers it is taken at most as often as the flag is raised;
- a sticky choice that always leaves its scene is taken at most once per entry into the scene, and a
  scene is entered once at the start (the first one) and once for each choice or event that leads in.

Those counts feed each other (entries into a scene come from choices, choices from entries), so they are
worked out as the least solution of those inequalities, by rounds; whatever still grows after a few rounds
(a loop the player can go round for ever) is taken as unbounded, and then the rounds are run again
downwards from there, which keeps every count an upper bound (a counter given in such a loop gets no
bound). Only effects `reach` finds could ever apply are counted. The bound is sound, not always tight.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game import engine
from game.model import Choice, Condition, Effects, Scenario, minutes_of
from game.references import choice_targets, every_effect, references

if TYPE_CHECKING:
    from game.authoring.reach import Reach

UNBOUNDED = math.inf
ROUNDS = 12
"""Rounds of working out the counts before whatever still grows is taken as unbounded."""
SHOWN = 5
"""How many of a bound's contributions a reason names."""

Node = tuple[str, str]
"""("enter", scene id), ("choice", choice key) or ("raise", flag): something counted."""


@dataclass(frozen=True)
class Site:
    """One effect and where it sits: how many times it can apply is `count` of the node values."""

    place: str
    """As the author reads it: a choice's or question's key, "entering scene 'x'", "event 'y'"."""
    effects: Effects
    times: Callable[[dict[Node, float]], float]
    group: str = ""
    """Sites in one group never apply together more often than the group's count (a choice's chance
    outcomes: each take draws one); their gains count as the largest of them."""
    limited: str = ""
    """The scene whose question limit caps how many of its sites count (questions only)."""


@dataclass(frozen=True)
class Bound:
    """How far a counter can ever go: `high` and `low` (None when no bound is proven), with how."""

    name: str
    start: int
    high: float
    low: float
    rises: tuple[str, ...] = ()
    """The contributions to `high`, as the author reads them ("+1 at traders/ask:how-long")."""
    falls: tuple[str, ...] = ()
    tops: tuple[str, ...] = ()
    """Where it is set to the highest value it can be set to, when that is above its start."""
    bottoms: tuple[str, ...] = ()

    def most(self) -> str:
        """"'trust' can reach at most 3 (it starts at 0; +1 at a, +1 at b)"."""
        return f"counter '{self.name}' can reach at most {int(self.high)} ({_how(self.start, self.tops, self.rises)})"

    def least(self) -> str:
        return f"counter '{self.name}' can fall to no less than {int(self.low)} " \
               f"({_how(self.start, self.bottoms, self.falls)})"

    def refuses(self, low: float, high: float, want: bool = True) -> str | None:
        """Why a test that the counter lies in [low, high] can never hold (want=False: never fail), or None."""
        needs = _needs(low, high)
        if want:
            if self.high < low:
                return f"it needs '{self.name}' {needs}, but {self.most()}"
            if self.low > high:
                return f"it needs '{self.name}' {needs}, but {self.least()}"
            return None
        if low <= self.low and self.high <= high:
            parts = [part for part, bounded in ((self.least(), low > -UNBOUNDED), (self.most(), high < UNBOUNDED))
                     if bounded]
            return f"'{self.name}' is always {needs}: " + "; ".join(parts)
        return None


def _needs(low: float, high: float) -> str:
    if low == high:
        return f"exactly {int(low)}"
    if high == UNBOUNDED:
        return f"at least {int(low)}"
    if low == -UNBOUNDED:
        return f"at most {int(high)}"
    return f"between {int(low)} and {int(high)}"


def _how(start: int, sets: tuple[str, ...], moves: tuple[str, ...]) -> str:
    said = [*sets] if sets else [f"it starts at {start}"]
    if not moves:
        said.append("nothing else moves it that way")
    else:
        said += list(moves[:SHOWN])
        if len(moves) > SHOWN:
            said.append(f"and {len(moves) - SHOWN} more")
    return "; ".join(said[:1]) + ("; " + ", ".join(said[1:]) if len(said) > 1 else "")


def _literals(condition: Condition | None, positive: bool = True) -> Iterable[tuple[bool, Condition]]:
    """The tests a condition needs, each with the answer it needs (through `all`, `not` and `not any`)."""
    if condition is None:
        return
    kind = condition.kind
    if kind == "not" and condition.not_ is not None:
        yield from _literals(condition.not_, not positive)
    elif kind == ("all" if positive else "any"):
        for part in (condition.all if positive else condition.any) or ():
            yield from _literals(part, positive)
    elif kind not in ("all", "any"):
        yield positive, condition


LASTING = ("flag", "visited", "has_quote", "knows", "verified")


def _makes_true(effects: Iterable[Effects], visits: set[str], kind: str, name: str) -> bool:
    """Whether these effects (and these visits) make a lasting test true."""
    for part in effects:
        if kind == "flag" and name in part.set and name not in part.clear:
            return True
        if kind == "has_quote" and name in part.gather or kind == "knows" and name in [*part.learn, *part.verify]:
            return True
        if kind == "verified" and name in part.verify:
            return True
    return kind == "visited" and name in visits


def _cap(scenario: Scenario, choice: Choice, lowered: set[str], scenes: Mapping[str, Effects]) -> float:
    """How many times a choice can be taken whatever else happens (once-only, closing itself, the clock)."""
    if choice.once:
        return 1
    literals = list(_literals(choice.when))
    gotos = {outcome.goto or choice.goto for outcome in choice.chance} if choice.chance else {choice.goto}
    visits = {goto for goto in gotos if goto} if len(gotos) == 1 and not choice.file else set()
    own: list[Effects] = [choice, *(scenes[goto] for goto in visits if goto in scenes)]
    for positive, part in literals:
        kind = part.kind
        if positive or kind not in LASTING:
            continue
        name = str(part.part(kind))
        if kind == "flag" and name in lowered:
            continue
        if _makes_true(own, visits, kind, name):
            return 1
    minutes = scenario.clock.minutes_per_action if choice.minutes is None else choice.minutes
    if choice.until is None and minutes > 0:
        start = minutes_of(scenario.clock.start)
        ends = [minutes_of(str(part.part(part.kind))) for positive, part in literals
                if (part.kind, positive) in (("before", True), ("after", False))]
        begins = [minutes_of(str(part.part(part.kind))) for positive, part in literals
                  if (part.kind, positive) in (("after", True), ("before", False))]
        if ends:
            first, last = max([start, *begins]), min(ends) - 1
            return (last - first) // minutes + 1 if last >= first else 0
    return UNBOUNDED


def _leaves(choice: Choice) -> bool:
    """Whether taking the choice always takes the player out of its scene (into another, or back in anew)."""
    if choice.file:
        return False
    if choice.chance:
        return all(outcome.goto or choice.goto for outcome in choice.chance)
    return choice.goto is not None


@dataclass
class Applications:
    """How many times each effect can apply: each site's `times`, from the counts worked out (`values`)."""

    sites: list[Site] = field(default_factory=list)
    values: dict[Node, float] = field(default_factory=dict)

    def times(self, site: Site) -> float:
        return site.times(self.values)


def applications(scenario: Scenario, found: Reach) -> Applications:
    """Bound how many times each effect some route could apply can apply (see the module's docstring)."""
    scenes = {scene.id: scene for scene in scenario.scenes}
    lowered = {flag for effects in every_effect(scenario) for flag in effects.clear}
    formulas: dict[Node, Callable[[dict[Node, float]], float]] = {}
    tops: dict[Node, float] = {}
    sites: list[Site] = []
    into: dict[str, list[Node]] = {}
    events_into: dict[str, int] = {}
    setters: dict[str, list[Site]] = {}
    gates: dict[Node, list[str]] = {}

    def value(node: Node) -> Callable[[dict[Node, float]], float]:
        return lambda values: values.get(node, 0)

    def once_per(node: Node) -> Callable[[dict[Node, float]], float]:
        return lambda values: min(values.get(node, 0), 1)

    def one(values: dict[Node, float]) -> float:
        return 1

    for s, scene in enumerate(scenario.scenes):
        if scene.id not in found.scenes:
            continue
        entered: Node = ("enter", scene.id)
        sites.append(Site(f"entering scene '{scene.id}'", scene, value(entered)))
        for a, arrival in enumerate(scene.arrive):
            if (s, a) in found.arrivals:
                sites.append(Site(f"arriving at scene '{scene.id}'", arrival,
                                  once_per(entered) if arrival.first_time else value(entered)))
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            if (s, q) in found.questions:
                limited = scene.id if scene.questions and scene.questions.limit is not None else ""
                sites.append(Site(str(engine.question_key(scene, question)), question, one, limited=limited))
        for c, choice in enumerate(scene.choices):
            if (s, c) not in found.choices:
                continue
            key = str(engine.choice_key(scene, c, choice))
            node: Node = ("choice", key)
            cap = _cap(scenario, choice, lowered, scenes)
            flow = entered if _leaves(choice) else None
            gated = [str(part.flag) for positive, part in _literals(choice.when)
                     if positive and part.kind == "flag" and str(part.flag) in choice.clear]
            gates[node] = gated
            tops[node] = cap
            formulas[node] = _choice_formula(cap, flow, [("raise", flag) for flag in gated])
            sites.append(Site(key, choice, value(node)))
            for luck in choice.chance:
                sites.append(Site(f"{key} (chance '{luck.id}')", luck, value(node), group=key))
            for target in choice_targets(choice):
                if not choice.file:
                    into.setdefault(target, []).append(node)
    for e, event in enumerate(scenario.events):
        if e in found.events:
            sites.append(Site(f"event '{event.id}'", event, one))
            if event.goto:
                events_into[event.goto] = events_into.get(event.goto, 0) + 1
    for scene in scenario.scenes:
        if scene.id not in found.scenes:
            continue
        entered = ("enter", scene.id)
        tops[entered] = 1 if scene.ending else UNBOUNDED
        formulas[entered] = _enter_formula(1 if scene.ending else UNBOUNDED,
                                           (scene.id == scenario.start_scene) + events_into.get(scene.id, 0),
                                           into.get(scene.id, []))
    for site in sites:
        for flag in site.effects.set:
            if flag not in site.effects.clear:
                setters.setdefault(flag, []).append(site)
    for flag in {flag for gated in gates.values() for flag in gated}:
        node = ("raise", flag)
        tops[node] = UNBOUNDED
        formulas[node] = _sum_formula(setters.get(flag, []))
    order = _order(scenario, formulas)
    return Applications(sites, _solve(formulas, tops, order))


def _choice_formula(cap: float, flow: Node | None,
                    raises: list[Node]) -> Callable[[dict[Node, float]], float]:
    def times(values: dict[Node, float]) -> float:
        found = cap
        if flow is not None:
            found = min(found, values.get(flow, 0))
        for node in raises:
            found = min(found, values.get(node, 0))
        return found
    return times


def _enter_formula(top: float, fixed: int, choices: list[Node]) -> Callable[[dict[Node, float]], float]:
    def times(values: dict[Node, float]) -> float:
        return min(top, fixed + sum(values.get(node, 0) for node in choices))
    return times


def _sum_formula(sites: list[Site]) -> Callable[[dict[Node, float]], float]:
    def times(values: dict[Node, float]) -> float:
        return sum(site.times(values) for site in sites)
    return times


def _order(scenario: Scenario, formulas: Mapping[Node, object]) -> list[Node]:
    """The nodes in the order the rounds work them out: scenes from the first one outwards (each scene's
    entries, then its choices), and the flags' raisings last, so most counts settle in a round or two."""
    by_scene: dict[str, list[Node]] = {}
    for node in formulas:
        if node[0] == "choice":
            by_scene.setdefault(node[1].partition("/")[0], []).append(node)
    graph = {scene.id: {target for choice in scene.choices for target in choice_targets(choice)}
             for scene in scenario.scenes}
    seen = [scenario.start_scene]
    todo = deque(seen)
    known = set(seen)
    while todo:
        for target in sorted(graph.get(todo.popleft(), ())):
            if target not in known:
                known.add(target)
                seen.append(target)
                todo.append(target)
    seen += [scene.id for scene in scenario.scenes if scene.id not in known]
    order: list[Node] = []
    for scene_id in seen:
        if ("enter", scene_id) in formulas:
            order.append(("enter", scene_id))
        order += by_scene.get(scene_id, [])
    order += [node for node in formulas if node[0] == "raise"]
    return order


def _solve(formulas: dict[Node, Callable[[dict[Node, float]], float]], tops: dict[Node, float],
           order: list[Node]) -> dict[Node, float]:
    """The least counts meeting every formula, or counts above them: rounds upwards from nothing, each count
    still growing after `ROUNDS` rounds taken to its top (unbounded, or its cap), then rounds downwards.

    Sound because every count the game can reach is at most the least solution (each entry into a scene is
    owed to a step taken in an earlier state, so the game's counts after n steps are at most the n-th round's
    for some large enough n), the rounds upwards stop only at counts that every formula keeps (a solution
    or above: at least the least one), and a round downwards from such counts stays at or above the least."""
    values: dict[Node, float] = dict.fromkeys(order, 0)
    rounds = 0
    changed = True
    while changed:
        changed = False
        rounds += 1
        for node in order:
            new = formulas[node](values)
            if new > values[node]:
                values[node] = tops[node] if rounds > ROUNDS else new
                changed = True
    for _ in range(3):
        lower = False
        for node in order:
            new = formulas[node](values)
            if new < values[node]:
                values[node] = new
                lower = True
        if not lower:
            break
    return values


def bounds(scenario: Scenario, found: Reach, names: set[str] | None = None) -> dict[str, Bound]:
    """A bound on each counter some condition tests, from what `found` says could ever happen (`names`:
    `tested_counters(scenario)`, when the caller has it already)."""
    names = tested_counters(scenario) if names is None else names
    if not names:
        return {}
    counted = applications(scenario, found)
    return {name: _bound(scenario, counted, name) for name in sorted(names)}


def tested_counters(scenario: Scenario) -> set[str]:
    """The counters some condition tests (not only changed, nor only shown in a text)."""
    return {reference.id for reference in references(scenario) if reference.kind == "counter"
            and not (len(reference.path) > 1 and reference.path[-2] in ("change", "set_to"))}


def _bound(scenario: Scenario, counted: Applications, name: str) -> Bound:
    start = scenario.counters.get(name, 0)
    ends = {"high": [], "low": []}  # type: dict[str, list[tuple[float, str, str]]]
    groups: dict[str, dict[str, tuple[float, str, str]]] = {"high": {}, "low": {}}
    limited: dict[str, dict[str, list[tuple[float, str, str]]]] = {"high": {}, "low": {}}
    top_set, bottom_set = float(start), float(start)
    tops: list[str] = []
    bottoms: list[str] = []
    for site in counted.sites:
        times = counted.times(site)
        if times <= 0:
            continue
        if name in site.effects.set_to:
            level = site.effects.set_to[name]
            if level > top_set:
                top_set, tops = level, [f"it is set to {level} at {site.place}"]
            if level < bottom_set:
                bottom_set, bottoms = level, [f"it is set to {level} at {site.place}"]
        delta = site.effects.change.get(name, 0)
        if not delta:
            continue
        side = "high" if delta > 0 else "low"
        step = abs(delta)
        total = UNBOUNDED if times == UNBOUNDED else step * times
        sign = "+" if delta > 0 else "-"
        said = f"{sign}{step} at {site.place}" + ("" if times in (1, UNBOUNDED) else f" (up to {int(times)} times)")
        entry = (total, said, site.place)
        if site.group:
            best = groups[side].get(site.group)
            if best is None or best[0] < total:
                groups[side][site.group] = entry
        elif site.limited:
            limited[side].setdefault(site.limited, []).append(entry)
        else:
            ends[side].append(entry)
    for side in ("high", "low"):
        ends[side] += groups[side].values()
        for scene_id, entries in limited[side].items():
            allowed = _limit(scenario, scene_id)
            kept = sorted(entries, key=lambda entry: -entry[0])[:allowed]
            if len(entries) > allowed:
                kept = [(total, f"{said} (only {allowed} of the questions in scene '{scene_id}' can be put)", place)
                        for total, said, place in kept]
            ends[side] += kept
    rise = sum(total for total, _, _ in ends["high"])
    fall = sum(total for total, _, _ in ends["low"])
    shown = {side: tuple(said for _, said, _ in sorted(ends[side], key=lambda entry: (-entry[0], entry[2])))
             for side in ends}
    return Bound(name, start, top_set + rise, bottom_set - fall, shown["high"], shown["low"],
                 tuple(tops), tuple(bottoms))


def _limit(scenario: Scenario, scene_id: str) -> int:
    for scene in scenario.scenes:
        if scene.id == scene_id and scene.questions and scene.questions.limit is not None:
            return scene.questions.limit
    return 10**9


def beyond(condition: Condition | None, found: dict[str, Bound]) -> str | None:
    """Why a condition can never hold because it needs a counter beyond its bound, or None. (An `any`
    can never hold when none of its branches can.)"""
    if condition is None or not found:
        return None
    if condition.kind == "any":
        reasons = [beyond(part, found) for part in condition.any or ()]
        return reasons[0] if reasons and all(reasons) else None
    for positive, part in _literals(condition):
        if part.kind != "counter":
            continue
        bound = found.get(str(part.counter))
        if bound is None:
            continue
        low, high = _range(part)
        reason = bound.refuses(low, high, positive)
        if reason:
            return reason
    return None


def _range(condition: Condition) -> tuple[float, float]:
    if condition.at_least is not None:
        return condition.at_least, UNBOUNDED
    if condition.at_most is not None:
        return -UNBOUNDED, condition.at_most
    return condition.equals or 0, condition.equals or 0
