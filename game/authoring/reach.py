"""What any route through a scenario could ever do, worked out without playing it.

The analysis over-approximates: it assumes every choice whose condition could hold at some point is
taken at that point, and every effect a live choice has happens. So when it says a condition can never
hold, or a scene can never be reached, that is certain; the playtester finds the rest by playing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from game import engine
from game.authoring.bounds import Bound, bounds, tested_counters
from game.model import Condition, Effects, Outcome, Scenario, minutes_of
from game.references import choice_targets

SceneAt = int
ChoiceAt = tuple[int, int]
"""(scene index, choice index) in `scenario.scenes`."""
QuestionAt = tuple[int, int]
"""(scene index, question index) in the scene's `questions.items`."""


@dataclass
class Reach:
    """Everything some route could do: the scenes it could enter, the choices it could be offered, ..."""

    scenario: Scenario
    initial: engine.GameState
    scenes: set[str] = field(default_factory=set)
    choices: set[ChoiceAt] = field(default_factory=set)
    questions: set[QuestionAt] = field(default_factory=set)
    outcomes: set[int] = field(default_factory=set)
    """Indexes of the filing outcomes a filed story could meet (only counted once a filing choice is live)."""
    quotes: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    verified: set[str] = field(default_factory=set)
    flags_set: set[str] = field(default_factory=set)
    flags_cleared: set[str] = field(default_factory=set)
    raises: set[str] = field(default_factory=set)
    """Counters some live effect increases."""
    lowers: set[str] = field(default_factory=set)
    """Counters some live effect decreases."""
    filing: bool = False
    """Whether some route can reach the story desk."""
    events: set[int] = field(default_factory=set)
    """Indexes of the timed events whose condition could hold when their time comes."""
    arrivals: set[tuple[int, int]] = field(default_factory=set)
    """(scene index, arrival index) of the arrival effects that could apply."""
    bounds: dict[str, Bound] = field(default_factory=dict)
    """How far each counter can go (`bounds.bounds`), when the analysis was asked to count them."""

    # --- the effects that exist ----------------------------------------------------------------

    def gain(self, effects: Effects) -> bool:
        """Note what an effect can do; True when that is something new."""
        before = (len(self.quotes), len(self.facts), len(self.verified), len(self.flags_set),
                  len(self.flags_cleared), len(self.raises), len(self.lowers))
        self.quotes.update(effects.gather)
        self.facts.update(effects.learn, effects.verify)
        self.verified.update(effects.verify)
        self.flags_set.update(effects.set)
        self.flags_cleared.update(effects.clear)
        for name, delta in effects.change.items():
            if delta > 0:
                self.raises.add(name)
            elif delta < 0:
                self.lowers.add(name)
        for name in effects.set_to:  # a counter set to a value may go up or down from wherever it was
            self.raises.add(name)
            self.lowers.add(name)
        return before != (len(self.quotes), len(self.facts), len(self.verified), len(self.flags_set),
                          len(self.flags_cleared), len(self.raises), len(self.lowers))

    # --- can a condition hold? -----------------------------------------------------------------

    def why_never(self, condition: Condition | None, want: bool = True) -> str | None:
        """None when the condition could hold (or, with want=False, could fail); else the reason it cannot."""
        if condition is None:
            return None if want else "it has no condition, so it always holds"
        kind = condition.kind
        if kind == "not":
            return self.why_never(condition.not_, not want)
        if kind in ("all", "any"):
            parts = (condition.all if kind == "all" else condition.any) or []
            if (kind == "all") == want:  # every part must go the wanted way
                for part in parts:
                    reason = self.why_never(part, want)
                    if reason:
                        return reason
                return _contradiction(parts) if want else None
            reasons = [self.why_never(part, want) for part in parts]
            if all(reasons):
                return "; ".join(dict.fromkeys(r for r in reasons if r))
            return None
        return self._atom(condition, want)

    def _atom(self, condition: Condition, want: bool) -> str | None:
        state = self.initial
        kind = condition.kind
        name = str(condition.part(kind))
        if kind == "flag":
            if want:
                return None if name in state.flags or name in self.flags_set else \
                    f"nothing any route can do sets flag '{name}'"
            return None if name not in state.flags or name in self.flags_cleared else \
                f"flag '{name}' is set in the first scene and nothing clears it"
        if kind in ("has_quote", "knows", "verified"):
            have = {"has_quote": state.quotes, "knows": state.facts, "verified": state.verified}[kind]
            gets = {"has_quote": self.quotes, "knows": self.facts, "verified": self.verified}[kind]
            what = {"has_quote": f"quote '{name}'", "knows": f"fact '{name}'",
                    "verified": f"fact '{name}' as checked"}[kind]
            if want:
                verb = {"has_quote": "gathers", "knows": "learns", "verified": "verifies"}[kind]
                return None if name in have or name in gets else f"no route {verb} {what}"
            return None if name not in have else f"the notebook holds {what} from the first scene"
        if kind == "visited":
            if want:
                return None if name in self.scenes else f"no route reaches scene '{name}'"
            return None if name not in state.visited else f"'{name}' is the first scene, always visited"
        if kind == "asked":
            if want:
                asked = {q.id for s, scene in enumerate(self.scenario.scenes) if scene.questions
                         for i, q in enumerate(scene.questions.asked) if (s, i) in self.questions}
                return None if name in asked else f"no route can put question '{name}'"
            return None
        if kind in ("before", "after"):
            at = minutes_of(str(condition.part(kind)))
            early = kind == "before" if want else kind == "after"
            if early and state.time >= at:
                return f"the day starts at {engine.clock(state)}, already past {condition.part(kind)}"
            return None
        value = state.counter(name)
        low, high = _counter_range(condition)
        if not want:
            if low <= value <= high and name not in self.raises and name not in self.lowers:
                return f"counter '{name}' starts at {value} and nothing changes it"
        elif not low <= value <= high and not (value < low and name in self.raises
                                                or value > high and name in self.lowers):
            way = "raises" if value < low else "lowers"
            return f"counter '{name}' starts at {value} and nothing any route does {way} it"
        bound = self.bounds.get(name)
        return bound.refuses(low, high, want) if bound is not None else None

    # --- outcomes ------------------------------------------------------------------------------

    def outcome_never(self, outcome: Outcome, earlier: list[Outcome]) -> str | None:
        """Why a filed story can never meet this outcome, or None."""
        if outcome.min_score is not None and outcome.max_score is not None \
                and outcome.min_score > outcome.max_score:
            return f"no score is at least {outcome.min_score} and at most {outcome.max_score}"
        both = sorted(set(outcome.carried) & set(outcome.omitted))
        if both:
            return f"it asks for a story that both carries and omits fact '{both[0]}'"
        for position, before in enumerate(earlier):
            if _always(before):
                return f"outcome {position + 1} (ending '{before.ending}') above it always holds first"
        lates = {before.late for before in earlier if before.late is not None and _always(before, late=True)}
        if lates == {True, False}:
            return "the outcomes above it catch every story, late or on time"
        if outcome.late is not None and outcome.late in lates:
            return f"an outcome above it catches every {'late' if outcome.late else 'on-time'} story first"
        return self.why_never(outcome.when)


def _always(outcome: Outcome, late: bool = False) -> bool:
    """Whether an outcome holds for every story (every one of its lateness, with late=True)."""
    return ((late or outcome.late is None) and outcome.min_score in (None, 0)
            and outcome.max_score in (None, 100) and not outcome.errors_in and outcome.when is None
            and not outcome.carried and not outcome.omitted and not outcome.quoted)


def _counter_range(condition: Condition) -> tuple[float, float]:
    if condition.at_least is not None:
        return condition.at_least, float("inf")
    if condition.at_most is not None:
        return float("-inf"), condition.at_most
    return condition.equals or 0, condition.equals or 0


def _contradiction(parts: list[Condition]) -> str | None:
    """Why the parts of an `all` can never hold together (a test and its opposite, an empty time or range)."""
    literals: dict[tuple[str, str], set[bool]] = {}
    earliest, latest = -1, 10**9
    ranges: dict[str, tuple[float, float]] = {}
    for part in parts:
        positive = True
        while part.kind == "not" and part.not_ is not None:
            part, positive = part.not_, not positive
        kind = part.kind
        if kind in ("all", "any"):
            continue
        if kind in ("before", "after"):
            at = minutes_of(str(part.part(kind)))
            if (kind == "after") == positive:
                earliest = max(earliest, at)
            else:
                latest = min(latest, at)
            continue
        if kind == "counter":
            if not positive:
                continue
            name = str(part.counter)
            low, high = _counter_range(part)
            old_low, old_high = ranges.get(name, (float("-inf"), float("inf")))
            ranges[name] = (max(low, old_low), min(high, old_high))
            continue
        literals.setdefault((kind, str(part.part(kind))), set()).add(positive)
    for (kind, name), signs in literals.items():
        if len(signs) == 2:
            return f"it asks for `{kind}: {name}` and for its opposite at once"
    if earliest >= latest:
        return "it asks for a time that is both before and after the same hour"
    for name, (low, high) in ranges.items():
        if low > high:
            return f"no value of counter '{name}' meets all its tests at once"
    return None


COUNTING_ROUNDS = 4
"""How many times `reach(counted=True)` works the counters' bounds out again from what they rule out."""


def reach(scenario: Scenario, closed: Collection[tuple[str, int, int]] = (), counted: bool = False) -> Reach:
    """Work out everything some route could do, to a fixed point: live choices make more choices live.

    `closed` names choices and questions, as ("choice" or "question", scene index, item index), already
    proven never on offer by some other means (see `directed.shut`): they are left out, so what only they
    lead to is found unreachable too. With `counted`, a test that needs a counter beyond the bound on how
    far it can go (`bounds.bounds`, worked out from what is found) counts as never holding; what that
    rules out can tighten the bounds, so they are worked out again, a few times, from the smaller answer."""
    found = _reach(scenario, closed, {})
    names = tested_counters(scenario) if counted else set()
    if not names:
        return found
    for _ in range(COUNTING_ROUNDS):
        limits = bounds(scenario, found, names)
        if limits == found.bounds:
            break
        found = _reach(scenario, closed, limits)
    return found




def _reach(scenario: Scenario, closed: Collection[tuple[str, int, int]], limits: dict[str, Bound]) -> Reach:
    found = Reach(scenario, engine.new_game(scenario), bounds=limits)
    positions = {scene.id: index for index, scene in enumerate(scenario.scenes)}
    found.scenes.add(scenario.start_scene)
    found.gain(scenario.scenes[positions[scenario.start_scene]])
    outcomes = scenario.filing.outcomes if scenario.filing else []

    def enter(scene_id: str, todo: list[int]) -> None:
        if scene_id not in found.scenes and scene_id in positions:
            found.scenes.add(scene_id)
            found.gain(scenario.scenes[positions[scene_id]])
            todo.append(positions[scene_id])

    changed = True
    while changed:
        changed = False
        todo = [positions[scene_id] for scene_id in found.scenes]
        for e, event in enumerate(scenario.events):
            if e not in found.events and found.why_never(event.when) is None:
                found.events.add(e)
                found.gain(event)
                changed = True
                if event.goto:
                    enter(event.goto, todo)
        while todo:
            s = todo.pop()
            scene = scenario.scenes[s]
            for a, arrival in enumerate(scene.arrive):
                if (s, a) not in found.arrivals and found.why_never(arrival.when) is None:
                    found.arrivals.add((s, a))
                    found.gain(arrival)
                    changed = True
            if scene.questions:
                for q, question in enumerate(scene.questions.asked):
                    if (s, q) not in found.questions and ("question", s, q) not in closed \
                            and found.why_never(question.when) is None:
                        found.questions.add((s, q))
                        found.gain(question)
                        changed = True
            for c, choice in enumerate(scene.choices):
                if (s, c) in found.choices or ("choice", s, c) in closed or found.why_never(choice.when) is not None:
                    continue
                found.choices.add((s, c))
                found.gain(choice)
                changed = True
                for luck in choice.chance:
                    found.gain(luck)
                for target in choice_targets(choice):
                    enter(target, todo)
                if choice.file:
                    found.filing = True
            if found.filing:
                for o, outcome in enumerate(outcomes):
                    if o not in found.outcomes and found.outcome_never(outcome, outcomes[:o]) is None:
                        found.outcomes.add(o)
                        enter(outcome.ending, todo)
                        changed = True
    return found


def live_graph(scenario: Scenario, found: Reach) -> dict[str, set[str]]:
    """Which scenes each scene can lead to through choices that can be offered (and outcomes that can hold)."""
    endings = {scenario.filing.outcomes[o].ending for o in found.outcomes} if scenario.filing else set()
    graph: dict[str, set[str]] = {}
    for s, scene in enumerate(scenario.scenes):
        targets = graph.setdefault(scene.id, set())
        for c, choice in enumerate(scene.choices):
            if (s, c) not in found.choices:
                continue
            targets |= choice_targets(choice)
            if choice.file:
                targets |= endings
        if not scene.ending:
            targets |= {event.goto for e, event in enumerate(scenario.events) if e in found.events and event.goto}
    return graph


def can_end(scenario: Scenario, found: Reach) -> set[str]:
    """The scenes from which some route leads on to an ending."""
    backwards: dict[str, set[str]] = {}
    for source, targets in live_graph(scenario, found).items():
        for target in targets:
            backwards.setdefault(target, set()).add(source)
    done = {scene.id for scene in scenario.scenes if scene.ending}
    todo = list(done)
    while todo:
        for source in backwards.get(todo.pop(), ()):
            if source not in done:
                done.add(source)
                todo.append(source)
    return done
