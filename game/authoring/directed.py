"""Settling what an unfinished walk left open: each target reached (with a route), proven unreachable, or unknown.

When the exhaustive walk stops at its limit, every target it did not reach (a scene, choice, question,
quote, fact or ending) gets its own search, and every scene that might strand the player gets one
for a dead end. Each is settled one of three ways:

- **reached**: a best-first search heads for it — states nearer (in scene steps) to the place where the
  target happens, and closer to meeting its condition, first — and reports the route it took;
- **proven unreachable**: lint's analysis (what any route could ever do) shows no route can; or it needs
  two flags up at once that every effect raising one lowers the other (`flags_apart`); or it is a choice
  or question shut for good by a timed event sure to have happened by the time it opens
  (`shut_by_events`; for an ending, `ending_shut_by_events`), or a fallback beside a choice always
  on offer (`shut_fallbacks`); or it needs more of one scene's questions put than the scene's limit
  allows (`never_within_limits`, `shut_by_limits`); or lint's analysis finds it unreachable once those
  options are left out (`Closures`); or the search walked every state that can still lead to the target
  (keyed by `Sight` over just the scenes from which the target can be reached, so it is exact for that
  target) without meeting it;
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
from game.authoring.bounds import UNBOUNDED, Bound, beyond
from game.authoring.reach import Reach, reach
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
                found.append(Target("choice", str(key), {scene.id: [choice.when]}))
        for question in scene.questions.asked if scene.questions else []:
            key = engine.question_key(scene, question)
            if f"question:{key}" in want:
                found.append(Target("question", str(key), {scene.id: [question.when]}))
        if f"dead end:{scene.id}" in want:
            found.append(Target("dead end", scene.id, {scene.id: []}))
    for quote in scenario.quotes:
        if f"quote:{quote.id}" in want:
            found.append(Target("quote", quote.id, gathers.get(f"quote:{quote.id}", {})))
    for fact in scenario.facts:
        if f"fact:{fact.id}" in want:
            found.append(Target("fact", fact.id, gathers.get(f"fact:{fact.id}", {})))
    found += _world_targets(scenario, want)
    return found


def _world_targets(scenario: Scenario, want: set[str]) -> list[Target]:
    """Targets for what the world does: a timed event comes wherever the player is once its time does; a
    chance outcome is drawn where its choice is taken."""
    found = []
    for event in scenario.events:
        if f"event:{event.id}" in want:
            time = Condition.model_validate({"after": event.at})
            found.append(Target("event", event.id, {scene.id: [time] for scene in scenario.scenes if not scene.ending}))
    for scene in scenario.scenes:
        for position, choice in enumerate(scene.choices):
            key = engine.choice_key(scene, position, choice)
            for luck in choice.chance:
                if f"chance:{key}:{luck.id}" in want:
                    found.append(Target("chance", f"{key}:{luck.id}", {scene.id: [choice.when]}))
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


_POSITIONS: dict[int, tuple[Scenario, dict[str, int]]] = {}


def _positions(scenario: Scenario) -> dict[str, int]:
    """Each scene's index, worked out once per scenario (asked for each of thousands of targets)."""
    kept = _POSITIONS.get(id(scenario))
    if kept is None or kept[0] is not scenario:
        if len(_POSITIONS) > 8:
            _POSITIONS.clear()
        kept = _POSITIONS[id(scenario)] = (scenario, {scene.id: s for s, scene in enumerate(scenario.scenes)})
    return kept[1]


def never_by_lint(scenario: Scenario, target: Target, found: Reach) -> str | None:
    """Why lint's analysis of every condition (`found`, from `reach`) shows no route can reach the
    target, or None."""
    if target.kind in ("scene", "ending", "dead end"):
        return None if target.name in found.scenes else "no route can enter the scene (lint)"
    if target.kind == "event":
        return None
    if target.kind == "chance":  # drawn only where its choice is taken
        choice = Target("choice", target.name.rpartition(":")[0], target.places)
        reason = never_by_lint(scenario, choice, found)
        return reason and f"its choice is never on offer: {reason}"
    if target.kind in ("quote", "fact"):
        have = found.quotes if target.kind == "quote" else found.facts
        verb = "gather" if target.kind == "quote" else "learn"
        return None if target.name in have else f"no route can {verb} it (lint)"
    key = engine.Key.parse(target.name)
    s = _positions(scenario).get(key.scene)
    if s is None:
        return None
    scene = scenario.scenes[s]
    if target.kind == "question":
        items = scene.questions.asked if scene.questions else []
        q = next((i for i, item in enumerate(items) if engine.question_key(scene, item) == key), None)
        return None if q is None or (s, q) in found.questions else "its condition can never hold (lint)"
    c = next((i for i, choice in enumerate(scene.choices) if engine.choice_key(scene, i, choice) == key), None)
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


HELD = {"has_quote": "quote", "knows": "fact", "verified": "checked fact", "asked": "question"}
"""The tests only something done can make true, and what each names."""


def givers_of(scenario: Scenario) -> dict[tuple[str, str], set[tuple[int, int] | None]]:
    """For each test in `HELD` (as (kind, id)), what can make it true: a question, as (scene index, question
    index), or None for anything else (a scene, choice, chance outcome, arrival or timed event): the same
    parts as `every_effect`, told apart."""
    found: dict[tuple[str, str], set[tuple[int, int] | None]] = {}

    def note(effects: Effects, giver: tuple[int, int] | None) -> None:
        for quote in effects.gather:
            found.setdefault(("has_quote", quote), set()).add(giver)
        for fact in [*effects.learn, *effects.verify]:
            found.setdefault(("knows", fact), set()).add(giver)
        for fact in effects.verify:
            found.setdefault(("verified", fact), set()).add(giver)

    for s, scene in enumerate(scenario.scenes):
        for effects in [scene, *scene.arrive, *scene.choices, *(luck for c in scene.choices for luck in c.chance)]:
            note(effects, None)
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            note(question, (s, q))
            found.setdefault(("asked", question.id), set()).add((s, q))
    for event in scenario.events:
        note(event, None)
    return found


def _fewest(needs: list[set[int]], most: int) -> int | None:
    """The fewest questions (by index) that meet every need (each a set of questions, any one of which will
    do), when that is more than `most`; None when `most` can do it (or there are too many to try)."""
    candidates = sorted(set().union(*needs))
    if len(candidates) > 16:
        return None
    for size in range(len(candidates) + 1):
        if any(all(need & set(chosen) for need in needs) for chosen in itertools.combinations(candidates, size)):
            return size if size > most else None
    return None


def beyond_limits(scenario: Scenario, condition: Condition | None, own: tuple[int, int] | None = None,
                  givers: dict[tuple[str, str], set[tuple[int, int] | None]] | None = None) -> str | None:
    """Why a condition can never hold because what it needs only questions in one scene give, and that
    scene's `limit` lets the player put too few of them, or None. `own` is the target's own place when it
    is itself a question: it must still be on offer, so one fewer may have been put there before it.

    Sound because a scene's questions are offered only while fewer than its limit have been put there in
    the whole game (`engine._offered`), each question is put at most once, and what is in the notebook (or
    asked) stays there: to hold every item the condition needs, the player must have put, in that scene,
    questions that between them give each one; if no set of at most `limit` (or `limit - 1`) of them does,
    the condition never holds. Items something other than a question can give are left out, which only
    makes the condition easier to meet."""
    if condition is None:
        return None
    if condition.kind == "any":
        reasons = [beyond_limits(scenario, part, own, givers) for part in condition.any or ()]
        return reasons[0] if reasons and all(reasons) else None
    givers = givers_of(scenario) if givers is None else givers
    by_scene: dict[int, list[tuple[str, str, set[int]]]] = {}
    for positive, part in _literals(condition):
        kind = part.kind
        if not positive or kind not in HELD:
            continue
        name = str(part.part(kind))
        ways = givers.get((kind, name), set())
        scenes = {way[0] for way in ways if way is not None}
        if not ways or None in ways or len(scenes) != 1:
            continue
        s = scenes.pop()
        by_scene.setdefault(s, []).append((kind, name, {way[1] for way in ways if way is not None}))
    for s, items in sorted(by_scene.items()):
        scene = scenario.scenes[s]
        if not scene.questions or scene.questions.limit is None:
            continue
        here = own is not None and own[0] == s
        what = " and ".join(dict.fromkeys(f"{HELD[kind]} '{name}'" for kind, name, _ in items))
        needs = [ways - {own[1]} if own is not None and here else ways for _, _, ways in items]
        if not all(needs):
            return f"it needs {what}, which only this question itself gives"
        limit = scene.questions.limit
        most = limit - 1 if here else limit
        fewest = _fewest(needs, max(most, 0))
        if fewest is None:
            continue
        plural = "s" if limit != 1 else ""
        before = f", and {most} before this one" if most != limit else ""
        return (f"it needs {what}, which only questions in scene '{scene.id}' give; that takes {fewest} of them, "
                f"but the scene lets the player put {limit} question{plural} in the whole game{before}")
    return None


def shut_by_limits(scenario: Scenario) -> list[Shut]:
    """Choices and questions whose own condition is beyond a scene's question limit (`beyond_limits`)."""
    if not any(scene.questions and scene.questions.limit is not None for scene in scenario.scenes):
        return []
    givers = givers_of(scenario)
    found = []
    for s, scene in enumerate(scenario.scenes):
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            reason = beyond_limits(scenario, question.when, (s, q), givers)
            if reason:
                found.append(Shut("question", engine.question_key(scene, question), ("question", s, q), reason))
        for c, choice in enumerate(scene.choices):
            reason = beyond_limits(scenario, choice.when, None, givers)
            if reason:
                found.append(Shut("choice", engine.choice_key(scene, c, choice), ("choice", s, c), reason))
    return found


def shut_by_counters(scenario: Scenario, limits: dict[str, Bound]) -> list[Shut]:
    """Choices and questions whose own condition needs a counter beyond how far it can ever go
    (`bounds.beyond`; `limits` from `reach(counted=True)`)."""
    if not limits:
        return []
    found = []
    for s, scene in enumerate(scenario.scenes):
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            reason = beyond(question.when, limits)
            if reason:
                found.append(Shut("question", engine.question_key(scene, question), ("question", s, q), reason))
        for c, choice in enumerate(scene.choices):
            reason = beyond(choice.when, limits)
            if reason:
                found.append(Shut("choice", engine.choice_key(scene, c, choice), ("choice", s, c), reason))
    return found


def never_by_counters(scenario: Scenario, target: Target, limits: dict[str, Bound],
                      counted: Reach | None = None) -> str | None:
    """Why the target can never happen because of how far the counters can go, or None: an ending only
    filing leads to, when every outcome naming it needs a counter beyond its bound; or anything lint's
    analysis, counting those bounds (`counted`, from `reach(counted=True)`), finds unreachable."""
    if not limits:
        return None
    if target.kind == "ending" and scenario.filing and not any(
            target.name in goals for goals in successors(scenario, DESK).values()):
        whens = [outcome.when for outcome in scenario.filing.outcomes if outcome.ending == target.name]
        reasons = [beyond(when, limits) for when in whens]
        if reasons and all(reasons):
            return reasons[0]
    if counted is None or not never_by_lint(scenario, target, counted):
        return None
    said = [bound.most() for bound in limits.values() if bound.high != UNBOUNDED]
    said += [bound.least() for bound in limits.values() if bound.low != -UNBOUNDED]
    return (str(never_by_lint(scenario, target, counted)).removesuffix(" (lint)")
            + " once it is counted how far each counter can go: " + "; ".join(said))


def never_within_limits(scenario: Scenario, target: Target,
                        givers: dict[tuple[str, str], set[tuple[int, int] | None]] | None = None) -> str | None:
    """Why the target needs more of one scene's questions than its limit allows (`beyond_limits`), or None:
    a choice or question by its own condition; an ending, like `never_together`, only when filing is the
    only way in and every outcome naming it is beyond the limits. `givers` (from `givers_of`) saves working
    them out again for each of many targets."""
    if not any(scene.questions and scene.questions.limit is not None for scene in scenario.scenes):
        return None
    givers = givers_of(scenario) if givers is None else givers
    if target.kind in ("choice", "question"):
        key = engine.Key.parse(target.name)
        s = next((i for i, scene in enumerate(scenario.scenes) if scene.id == key.scene), None)
        own = None
        questions = scenario.scenes[s].questions if s is not None else None
        if target.kind == "question" and s is not None and questions:
            own = next(((s, q) for q, question in enumerate(questions.asked) if question.id == key.asked), None)
        whens = [when for whens in target.places.values() for when in whens]
        reasons = [beyond_limits(scenario, when, own, givers) for when in whens]
        return reasons[0] if reasons and all(reasons) else None
    if target.kind != "ending" or not scenario.filing:
        return None
    if any(target.name in goals for goals in successors(scenario, DESK).values()):
        return None
    whens = [outcome.when for outcome in scenario.filing.outcomes if outcome.ending == target.name]
    reasons = [beyond_limits(scenario, when, None, givers) for when in whens]
    return reasons[0] if reasons and all(reasons) else None


LASTING = ("flag", "visited", "has_quote", "knows", "verified")
"""The tests an effect can make true for good: a flag nothing lowers, a visit, something in the notebook."""


@dataclass(frozen=True)
class Shut:
    """A choice or question proven never on offer by something lint's analysis does not see."""

    kind: str
    """choice or question."""
    key: engine.Key
    at: tuple[str, int, int]
    """(kind, scene index, item index), as `reach(closed=...)` takes it."""
    reason: str


def surely(condition: Condition | None, at: int) -> bool:
    """Whether a timed event's condition holds whenever an event due at `at` fires: none, or only tests
    that the clock has reached a time no later than `at` (the clock has reached `at` when it fires)."""
    if condition is None:
        return True
    kind = condition.kind
    if kind == "all":
        return all(surely(part, at) for part in condition.all or ())
    if kind == "any":
        return any(surely(part, at) for part in condition.any or ())
    if kind == "after":
        return minutes_of(condition.after or "") <= at
    inner = condition.not_
    return kind == "not" and inner is not None and inner.kind == "before" and minutes_of(inner.before or "") <= at


def lasting_marks(scenario: Scenario) -> list[tuple[int, str, dict[tuple[str, str], str]]]:
    """For each timed event sure to happen when its time comes (`surely`): its minute, its id, and what it
    leaves true for good, each with how ("raises flag 'x'"): flags it raises that no effect anywhere lowers,
    what it puts in the notebook, and, when it takes the player somewhere, that visit and what that scene
    (its own effects and its unconditional arrivals) does there."""
    lowered = {flag for effects in every_effect(scenario) for flag in effects.clear}
    scenes = {scene.id: scene for scene in scenario.scenes}
    marks = []
    for event in scenario.events:
        at = minutes_of(event.at)
        if not surely(event.when, at):
            continue
        parts: list[Effects] = [event]
        leaves: dict[tuple[str, str], str] = {}
        goto = scenes.get(event.goto or "")
        if goto is not None:
            leaves[("visited", goto.id)] = f"takes the player to scene '{goto.id}'"
            parts += [goto, *(arrival for arrival in goto.arrive if arrival.when is None)]
        for effects in parts:
            for flag in effects.set:
                if flag not in lowered:
                    leaves.setdefault(("flag", flag), f"raises flag '{flag}'")
            for quote in effects.gather:
                leaves.setdefault(("has_quote", quote), f"puts quote '{quote}' in the notebook")
            for fact in [*effects.learn, *effects.verify]:
                leaves.setdefault(("knows", fact), f"puts fact '{fact}' in the notebook")
            for fact in effects.verify:
                leaves.setdefault(("verified", fact), f"checks fact '{fact}'")
        if leaves:
            marks.append((at, event.id, leaves))
    return marks


def settled_scenes(scenario: Scenario) -> set[str]:
    """The scenes in which every option is offered only in a state where each timed event due by then has
    fired (apart from the first state of the day): those without a filing choice, and those whose filing
    choices take no minutes when the desk's clock stands still (see `shut_by_events`)."""
    still = not scenario.filing or scenario.filing.desk_clock_rate == 0
    found = set()
    for scene in scenario.scenes:
        filing = [choice for choice in scene.choices if choice.file]
        if all(still and choice.until is None and (choice.minutes if choice.minutes is not None
                                                   else scenario.clock.minutes_per_action) == 0
               for choice in filing):
            found.add(scene.id)
    return found


def _literals(condition: Condition, positive: bool = True) -> Iterable[tuple[bool, Condition]]:
    """The tests a condition needs, each with the answer it needs (through `all`, `not` and `not any`)."""
    kind = condition.kind
    if kind == "not" and condition.not_ is not None:
        yield from _literals(condition.not_, not positive)
    elif kind == ("all" if positive else "any"):
        for part in (condition.all if positive else condition.any) or ():
            yield from _literals(part, positive)
    elif kind not in ("all", "any"):
        yield positive, condition


def closed_by_events(scenario: Scenario, condition: Condition | None, scene: str,
                     marks: list[tuple[int, str, dict[tuple[str, str], str]]]) -> str | None:
    """Why a condition tested on offering an option in this (settled) scene can never hold, or None: it
    needs the clock at T or later and some lasting test false, and an event sure to fire by T makes that
    test true for good. (An `any` is closed when each of its branches is.)"""
    if condition is None:
        return None
    if condition.kind == "any":
        reasons = [closed_by_events(scenario, part, scene, marks) for part in condition.any or ()]
        return reasons[0] if reasons and all(reasons) else None
    literals = list(_literals(condition))
    times = [minutes_of(str(part.part(part.kind))) for positive, part in literals
             if (part.kind, positive) in (("after", True), ("before", False))]
    if not times:
        return None
    earliest = max(times)
    if scene == scenario.start_scene and earliest <= minutes_of(scenario.clock.start):
        return None  # the first state of the day comes before any event has fired
    refused = {(part.kind, str(part.part(part.kind))) for positive, part in literals
               if not positive and part.kind in LASTING}
    for at, event, leaves in sorted(marks):
        if at > earliest:
            break
        for (kind, name), how in leaves.items():
            if (kind, name) in refused:
                what = {"flag": f"flag '{name}' lowered", "visited": f"scene '{name}' not yet visited",
                        "has_quote": f"quote '{name}' not in the notebook",
                        "knows": f"fact '{name}' not in the notebook",
                        "verified": f"fact '{name}' not yet checked"}[kind]
                undone = " and nothing lowers it" if kind == "flag" else ""
                return (f"it needs the clock at {clock_text(earliest)} or later with {what}, but the timed event "
                        f"'{event}' (due at {clock_text(at)}, always happens) {how} by then{undone}")
    return None


def shut_by_events(scenario: Scenario) -> list[Shut]:
    """Choices and questions an event sure to happen has closed for good by the time they open.

    Sound for these reasons, from the engine's rules (`engine.choose`, `engine._timed_events`):

    - **When an event has surely fired.** A step moves the clock, applies its effects, enters the next
      scene, then fires, in time order, every event due by the new time that has not fired yet; the loop
      stops early only when an event's `goto` ends the game (nothing is offered after that) or at the story
      desk. So after every step that does not end at the desk, each event due by the clock has fired.
      The states where that may fail are the first state of the day (no step yet: we give up when the
      option's own scene is the first one and the day starts at or after T), and the desk and what follows
      it: a filing choice fires no events, the desk's clock may run (`desk_clock_rate`), and going back
      puts the player, with no events fired, in the scene they filed from. So only scenes with no filing
      choice, or whose filing choices take 0 minutes while the desk's clock stands still, count
      (`settled_scenes`): there, going back finds the clock and the fired events as they were before
      filing. (Nothing here is said of filing outcomes, which are tested at the desk.)
    - **What it surely did.** A fired event's effects apply only when its `when` holds then, so only events
      with no condition, or one that can only test that the clock has reached a time no later than their
      own (`surely`), count. What such an event leaves behind stays (`lasting_marks`): notebook entries
      and visits are never undone, and a flag only counts when no effect anywhere lowers it (not even the
      event itself: a flag both raised and lowered by one effect ends lowered).
    - **Why the option is closed.** A choice or question is on offer only where its condition holds. If
      that needs the clock at T or later (`after: T`, or `not: {before: T}`) and needs a lasting test to
      be false (`not: {flag: F}`, `not: {visited: S}`, ...), and an event due at or before T leaves that
      test true for good, the two parts can never hold together in a settled scene. Parts of the condition
      not understood are simply ignored, which only makes it easier to meet, so the proof stays sound.
    """
    marks = lasting_marks(scenario)
    if not marks:
        return []
    settled = settled_scenes(scenario)
    found = []
    for s, scene in enumerate(scenario.scenes):
        if scene.id not in settled:
            continue
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            reason = closed_by_events(scenario, question.when, scene.id, marks)
            if reason:
                found.append(Shut("question", engine.question_key(scene, question), ("question", s, q), reason))
        for c, choice in enumerate(scene.choices):
            reason = closed_by_events(scenario, choice.when, scene.id, marks)
            if reason:
                found.append(Shut("choice", engine.choice_key(scene, c, choice), ("choice", s, c), reason))
    return found


def shut_fallbacks(scenario: Scenario) -> list[Shut]:
    """Fallback choices never offered: a fallback is on offer only when nothing else is (`engine._offered`),
    so none is where some choice that is not a fallback is always on offer (`never_stuck`)."""
    found = []
    for s, scene in enumerate(scenario.scenes):
        if not any(choice.fallback for choice in scene.choices) or not never_stuck(scenario, scene, fallbacks=False):
            continue
        always = next((choice for choice in scene.choices
                       if not choice.fallback and not choice.once and choice.when is None), None)
        which = f"'{engine.say(scenario, engine.new_game(scenario), always.label)}' is" if always else \
            "a choice that is not a fallback is"
        for c, choice in enumerate(scene.choices):
            if choice.fallback:
                found.append(Shut("choice", engine.choice_key(scene, c, choice), ("choice", s, c),
                                  f"it is a fallback, offered only when nothing else is, and {which} always "
                                  "on offer here"))
    return found


def ending_shut_by_events(scenario: Scenario, target: Target) -> str | None:
    """Why an ending only filing leads to is closed by a timed event (`closed_by_events`), or None.

    A filed story's outcome is tested at the desk, where no event fires. But when every scene with a
    filing choice is settled (`settled_scenes`: its filing choices take no minutes and the desk's clock
    stands still), the desk holds the clock and the fired events of the state the player filed from, in
    which every event due by then had fired, unless that was the first state of the day (so the first
    scene counts as where the test is made when it has a filing choice)."""
    if target.kind != "ending" or not scenario.filing:
        return None
    if any(target.name in goals for goals in successors(scenario, DESK).values()):
        return None  # a choice or an event leads into the ending: filing is not the only way in
    marks = lasting_marks(scenario)
    filing_scenes = {scene.id for scene in scenario.scenes if any(choice.file for choice in scene.choices)}
    if not marks or not filing_scenes <= settled_scenes(scenario):
        return None
    where = scenario.start_scene if scenario.start_scene in filing_scenes else DESK
    whens = [outcome.when for outcome in scenario.filing.outcomes if outcome.ending == target.name]
    reasons = [closed_by_events(scenario, when, where, marks) for when in whens]
    return reasons[0] if reasons and all(reasons) else None


class Closures:
    """What follows from options proven shut (`shut_by_events`): the options themselves, and the scenes,
    options, quotes, facts and endings that lint's analysis finds unreachable once they are left out."""

    def __init__(self, scenario: Scenario, shut: list[Shut]) -> None:
        self.scenario = scenario
        self.shut = {f"{item.kind}:{item.key}": item for item in shut}
        self.all = reach(scenario, {item.at for item in shut}) if shut else None
        self.alone: dict[engine.Key, Reach] = {}

    def why(self, target: Target) -> str | None:
        """Why the target is unreachable given the shut options, or None."""
        item = self.shut.get(target.id)
        if item is not None:
            return item.reason
        if self.all is None or not never_by_lint(self.scenario, target, self.all):
            return None
        for item in list(self.shut.values())[:8]:  # name the one option that alone shuts it, when there is one
            found = self.alone.get(item.key)
            if found is None:
                found = self.alone[item.key] = reach(self.scenario, {item.at})
            if never_by_lint(self.scenario, target, found):
                return f"{self._never(target, found)} once {item.kind} '{item.key}' is shut: {item.reason}"
        names = ", ".join(f"'{key}'" for key in sorted(str(item.key) for item in self.shut.values()))
        return f"{self._never(target, self.all)} once {names} are shut (see why each is)"

    def _never(self, target: Target, found: Reach) -> str:
        """Lint's reason, naming the scene when that is why a choice or question is never on offer."""
        scene = target.name.partition("/")[0]
        if target.kind in ("choice", "question") and scene not in found.scenes:
            return f"no route can enter scene '{scene}'"
        return str(never_by_lint(self.scenario, target, found)).removesuffix(" (lint)")


Aim = Callable[[Condition, GameState], int]
"""For a test a state does not meet: how many scene steps it is from a scene whose effects could meet it."""


def shortfall(condition: Condition | None, state: GameState, aim: Aim | None = None) -> int:
    """How far a state is from meeting a condition: 0 when it holds; more the further off it is. With
    `aim` (see `aims`), an unmet test also counts how far the state is from where it can be met."""
    if condition is None:
        return 0
    kind = condition.kind
    if kind == "all":
        return sum(shortfall(part, state, aim) for part in condition.all or ())
    if kind == "any":
        return min((shortfall(part, state, aim) for part in condition.any or ()), default=0)
    if kind == "counter" and not engine.holds(condition, state):
        value = state.counter(condition.counter or "")
        bound = condition.at_least if condition.at_least is not None else (
            condition.at_most if condition.at_most is not None else condition.equals)
        return abs(value - (bound or 0)) + (aim(condition, state) if aim else 0)
    if kind == "after" and not engine.holds(condition, state):
        return 1 + (minutes_of(condition.after or "00:00") - state.time) // 30
    if engine.holds(condition, state):
        return 0
    return 1 + (aim(condition, state) if aim else 0)


def aims(scenario: Scenario, graph: dict[str, set[str]], tests: Iterable[Condition | None],
         distance: dict[str, int]) -> Aim:
    """Landmarks for the search: for each test the target needs that something done makes true (a flag
    raised, a quote or fact gathered, a scene visited, a counter moved the needed way), how many scene
    steps longer than the straight way to the target (`distance`) the way through the nearest scene where
    that is done is. So a state that still lacks a flag is as far off as the detour to where it is raised,
    and going there brings it nearer. It only orders the search; it decides nothing."""
    givers: dict[tuple[str, str], set[str]] = {}

    def note(key: tuple[str, str], place: str) -> None:
        givers.setdefault(key, set()).add(place)

    for scene in scenario.scenes:
        parts: list[Effects] = [scene, *scene.arrive, *scene.choices,
                                *(luck for choice in scene.choices for luck in choice.chance),
                                *(scene.questions.asked if scene.questions else ())]
        note(("visited", scene.id), scene.id)
        for effects in parts:
            for flag in effects.set:
                note(("flag", flag), scene.id)
            for quote in effects.gather:
                note(("has_quote", quote), scene.id)
            for fact in [*effects.learn, *effects.verify]:
                note(("knows", fact), scene.id)
            for fact in effects.verify:
                note(("verified", fact), scene.id)
            for name, delta in effects.change.items():
                if delta:
                    note(("up" if delta > 0 else "down", name), scene.id)
            for name in effects.set_to:
                note(("up", name), scene.id)
                note(("down", name), scene.id)
    backwards = backwards_of(graph)
    far = len(graph) + 1
    table: dict[tuple[str, str], dict[str, int]] = {}

    def key_of(condition: Condition, state: GameState) -> tuple[str, str] | None:
        kind = condition.kind
        if kind == "counter":
            name = str(condition.counter)
            value = state.counter(name)
            bound = condition.at_least if condition.at_least is not None else (
                condition.at_most if condition.at_most is not None else condition.equals)
            return ("up" if value < (bound or 0) else "down", name)
        if kind in ("flag", "has_quote", "knows", "verified", "visited"):
            return (kind, str(condition.part(kind)))
        return None

    for when in tests:
        for _, part in _literals_of(when):
            for key in (("up", str(part.counter)), ("down", str(part.counter))) if part.kind == "counter" else [
                    (part.kind, str(part.part(part.kind)))]:
                if key in givers and key not in table:
                    table[key] = _through(backwards, {place: distance[place] for place in givers[key]
                                                      if place in distance})

    def aim(condition: Condition, state: GameState) -> int:
        key = key_of(condition, state)
        found = table.get(key) if key else None
        if not found:
            return 0
        place = DESK if state.at_desk else state.scene
        return 4 * max(found.get(place, far) - distance.get(place, far), 0)

    return aim


def _through(backwards: dict[str, set[str]], starts: dict[str, int]) -> dict[str, int]:
    """For each node, the fewest steps to some start plus that start's own cost (Dijkstra, backwards)."""
    found: dict[str, int] = {}
    todo = [(cost, place) for place, cost in starts.items()]
    heapq.heapify(todo)
    while todo:
        cost, place = heapq.heappop(todo)
        if place in found:
            continue
        found[place] = cost
        for source in backwards.get(place, ()):
            if source not in found:
                heapq.heappush(todo, (cost + 1, source))
    return found


def _literals_of(condition: Condition | None) -> Iterable[tuple[bool, Condition]]:
    if condition is None:
        return
    if condition.kind in ("all", "any"):
        for part in (condition.all if condition.kind == "all" else condition.any) or ():
            yield from _literals_of(part)
    elif condition.kind != "not":
        yield True, condition


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
    aim = aims(scenario, graph, goal_tests, distance)

    def estimate(state: GameState) -> int:
        place = DESK if state.at_desk else state.scene
        near = distance.get(place, len(distance) + 1)
        return near * 4 + min((shortfall(when, state, aim) for when in goal_tests), default=0)

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
        _, depth, _, key, state = heapq.heappop(todo)  # depth is stored negated: deeper first among equals
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
            heapq.heappush(todo, (estimate(after), depth - 1, next(order), next_key, sight.trim(after)))
    target.status, target.states = "unreachable", len(parents)
    target.reason = f"proven: all {len(parents):,} states that could lead to it were walked"


def never_stuck(scenario: Scenario, scene: Scene, worlds: int = 4096, fallbacks: bool = True) -> bool:
    """Whether some choice in the scene is on offer whatever the state: a sticky (not once-only) choice
    whose condition holds for every combination of answers to the tests in those conditions. With
    `fallbacks=False`, a choice that is not a fallback (so the scene's fallbacks are never offered)."""
    sticky = [choice.when for choice in scene.choices if not choice.once and (fallbacks or not choice.fallback)]
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
        by_kind[kind] = (*by_kind.get(kind, ()), name)
    return GameState("", "", scene.id, time, quotes=by_kind.get("has_quote", ()), facts=by_kind.get("knows", ()),
                     verified=by_kind.get("verified", ()), flags=by_kind.get("flag", ()),
                     counters=tuple(sorted(counters.items())), visited=by_kind.get("visited", ()),
                     taken=tuple(engine.Key("?", "question", name) for name in by_kind.get("asked", ())))


def backwards_of(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph with every edge turned round: for each node, the nodes that lead to it."""
    backwards: dict[str, set[str]] = {}
    for source, ends in graph.items():
        for end in ends:
            backwards.setdefault(end, set()).add(source)
    return backwards


def distances(graph: dict[str, set[str]], goals: Iterable[str],
              backwards: dict[str, set[str]] | None = None) -> dict[str, int]:
    """Scene steps from each node to the nearest goal (nodes that cannot reach one are left out);
    `backwards` (from `backwards_of`) saves turning the graph round again."""
    backwards = backwards_of(graph) if backwards is None else backwards
    found = dict.fromkeys(goals, 0)
    frontier = deque(found)
    while frontier:
        place = frontier.popleft()
        for source in backwards.get(place, ()):
            if source not in found:
                found[source] = found[place] + 1
                frontier.append(source)
    return found


AIM_EVERY = 32
"""How many states the joint search takes between working out again where the pending targets are."""
STALL = 1_000
"""How many states the joint search walks without settling a target before it leaves what is still
pending to a search of its own for each (which heads for one target, and can prove it unreachable)."""


Offer = tuple[str, Callable[[], list[Step]]]
"""One way on from a state, not yet taken: the place it leads to (a scene, or DESK), and how to take it
(the steps it makes: one, or one for each outcome the world may give)."""
Offers = Callable[[GameState], list[Offer]]


def sweep(scenario: Scenario, pending: dict[str, Target], start: GameState, offers: Offers,
          spot: Callable[[GameState, list[Offer] | None], list[str]], budget: int,
          graph: dict[str, set[str]]) -> int:
    """One best-first search for every pending target at once: states nearer the nearest target still
    pending first. Each target met is settled as reached with the route taken and leaves `pending`;
    returns the states walked. It proves nothing unreachable (its states are not keyed for any one target).

    It is lazy: standing in a state it lists what is on offer (`offers`, which is cheap: no step is
    played), which settles the options seen there, and queues each way on by the place it leads to; a way
    is played on the engine only when it comes up in the queue. A hub with a thousand doors costs one
    listing, not a thousand steps, each time the search stands in it. It stops when `STALL` states in a
    row settle nothing: what is left is for a search of its own for each target."""
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

    # The tests of the pending targets at each place, kept up to date as targets are settled (only the
    # places of a settled target are gathered again); `settle` says whether a place has none left, which is
    # when the distances to the pending targets change.
    by_place: dict[str, dict[str, list[Condition | None]]] = {}
    for target in pending.values():
        for place, whens in target.places.items():
            by_place.setdefault(place, {})[target.id] = list(whens)
    tests: dict[str, list[Condition | None]] = {
        place: [when for whens in held.values() for when in whens] for place, held in by_place.items()}

    def settle(ids: list[str], route: Callable[[], list[str]]) -> bool:
        met = [pending.pop(name) for name in ids if name in pending]
        emptied = False
        if met:
            steps = route()
            for target in met:
                target.status, target.route, target.reason = "reached", steps, "found by the joint search"
                for place in target.places:
                    held = by_place.get(place)
                    if held is None or held.pop(target.id, None) is None:
                        continue
                    if held:
                        tests[place] = [when for whens in held.values() for when in whens]
                    else:
                        del by_place[place], tests[place]
                        emptied = True
        return emptied

    backwards = backwards_of(graph)
    distance = distances(graph, tests, backwards)
    far = len(graph) + 1

    def estimate(place: str, state: GameState) -> int:
        """How far from a pending target a state in `place` is (for a way not yet taken: its parent's state,
        which only matters where a target is, and only orders the search)."""
        near = distance.get(place, far)
        if near == 0:
            best = None
            for when in tests.get(place, ()):
                short = shortfall(when, state)
                if best is None or short < best:
                    best = short
                    if not best:
                        break
            return best or 0
        return near * 4

    def where(state: GameState) -> str:
        return DESK if state.at_desk else state.scene

    first = sight.key(start)
    settle(spot(start, None), list)
    order = itertools.count()
    Entry = tuple[int, int, Hashable, GameState, str, Callable[[], list[Step]] | None]
    todo: list[Entry] = [(estimate(where(start), start), next(order), first, sight.trim(start), "", None)]
    stale, since, idle = False, 0, 0
    while todo and pending and idle < STALL:
        guess, _, key, state, place, make = heapq.heappop(todo)
        # The distances only order the search, so they may lag a little behind what is settled: worked out
        # again at most every AIM_EVERY states, not after every place emptied (thousands in a large hub).
        if stale and since >= AIM_EVERY:
            distance, stale, since = distances(graph, tests, backwards), False, 0
        if make is None:  # a state to stand in: list what is on offer, and queue each way on
            since += 1
            if estimate(where(state), state) > guess:
                heapq.heappush(todo, (estimate(where(state), state), next(order), key, state, place, None))
                continue
            try:
                ways = offers(state)
            except Exception:  # noqa: BLE001 - the exhaustive walk reports engine errors; here it is a wall
                continue
            before = len(pending)
            stale |= settle(spot(state, ways), partial(route_to, key))
            for to, way in ways:
                heapq.heappush(todo, (estimate(to, state), next(order), key, state, to, way))
            idle = 0 if len(pending) < before else idle + 1
            continue
        if estimate(place, state) > guess:
            heapq.heappush(todo, (estimate(place, state), next(order), key, state, place, make))
            continue
        try:
            steps = make()
        except Exception:  # noqa: BLE001 - as above
            continue
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
            heapq.heappush(todo, (estimate(where(after), after), next(order), next_key, sight.trim(after), "", None))
    return len(parents)
