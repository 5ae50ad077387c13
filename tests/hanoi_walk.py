"""An exhaustive walk over every state a scenario can reach, driving `game.engine` directly.

The walk chooses every option in every state and, at the story desk, files with each of a few
representative editor's verdicts. States are memoised on their *future*: the part of the state that
can change what is offered, what a choice does, or which ending a filing reaches. That is the scene,
the clock, the desk and ending markers, the `once` choices and questions already taken, and - for
flags, quotes, facts, checks and visits - only the ids that some choice, question or outcome condition
tests. Two states that agree on all of that have exactly the same options and transitions from then
on, so exploring one of them explores both: every transition of the full game is still taken, every
scene entered and every effect applied. What differs between them (the route taken, quotes that no
condition asks about) is collected from every state before the memo is consulted, so the notebook sets
the walk reports are the union over every route. With no dead ends (`Walk.dead_ends` empty) and a
finite walk, every one of those routes goes on to the story desk, so whatever a route gathers, it can
carry into a story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from game import engine
from game.engine import GameState
from game.model import Condition, Scenario
from game.references import conditions

Verdict = tuple[int, frozenset[str]]

VERDICTS: tuple[Verdict, ...] = (
    (95, frozenset()),
    (75, frozenset()),
    (55, frozenset()),
    (20, frozenset()),
    (90, frozenset({"accuracy"})),
    (90, frozenset({"verification"})),
    (90, frozenset({"quotes"})),
    (85, frozenset({"attribution"})),
    (85, frozenset({"balance"})),
)
"""Representative editor's verdicts (overall score, dimensions with an error) tried at the story desk."""


def _deciding_conditions(scenario: Scenario) -> Iterator[Condition]:
    """Every condition that decides what is offered or which ending follows (not text or debrief)."""
    roots: list[Condition | None] = []
    for scene in scenario.scenes:
        roots += [choice.when for choice in scene.choices]
        roots += [question.when for question in (scene.questions.items if scene.questions else [])]
    roots += [outcome.when for outcome in (scenario.filing.outcomes if scenario.filing else [])]
    for root in roots:
        for part, _ in conditions(root, ()):
            yield part


@dataclass
class Walk:
    """What an exhaustive walk found."""

    states: int = 0
    scenes: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    late_endings: set[str] = field(default_factory=set)
    """Endings reached by a story filed after the deadline."""
    on_time_endings: set[str] = field(default_factory=set)
    quotes: set[str] = field(default_factory=set)
    """Quotes gathered on some route."""
    facts: set[str] = field(default_factory=set)
    """Facts learned on some route."""
    verified: set[str] = field(default_factory=set)
    """Facts checked on some route."""
    dead_ends: list[GameState] = field(default_factory=list)
    offered: set[str] = field(default_factory=set)
    """Keys of every option offered somewhere."""
    desk_states: int = 0
    earliest_filing: int | None = None
    latest_filing: int | None = None


def walk(scenario: Scenario, verdicts: tuple[Verdict, ...] = VERDICTS, *, start: GameState | None = None,
         on_state: Callable[[GameState, list[engine.Option]], None] | None = None) -> Walk:
    """Every state reachable from `start` (default: a new game): choose every option everywhere, and file
    with every verdict at the desk. `on_state` sees each distinct reporting state with its options."""
    deciding = list(_deciding_conditions(scenario))
    watched = {kind: {str(part.part(kind)) for part in deciding if part.kind == kind}
               for kind in ("flag", "has_quote", "knows", "verified", "visited")}
    remembered = {engine.question_key(scene, question)
                  for scene in scenario.scenes if scene.questions for question in scene.questions.items}
    remembered |= {engine.choice_key(scene, position, choice)
                   for scene in scenario.scenes for position, choice in enumerate(scene.choices) if choice.once}
    outcome_tests = [outcome.when for outcome in scenario.filing.outcomes] if scenario.filing else []

    def future(state: GameState) -> tuple[object, ...]:
        return (state.scene, state.time, state.at_desk, state.ending, state.counters,
                frozenset(watched["flag"].intersection(state.flags)),
                frozenset(watched["has_quote"].intersection(state.quotes)),
                frozenset(watched["knows"].intersection(state.facts)),
                frozenset(watched["verified"].intersection(state.verified)),
                frozenset(watched["visited"].intersection(state.visited)),
                frozenset(remembered.intersection(state.taken)))

    found = Walk()
    seen: set[tuple[object, ...]] = set()
    filed: set[tuple[object, ...]] = set()
    todo = [start or engine.new_game(scenario)]
    while todo:
        state = todo.pop()
        found.scenes.update(state.visited)
        found.quotes.update(state.quotes)
        found.facts.update(state.facts)
        found.verified.update(state.verified)
        key = future(state)
        if key in seen:
            continue
        seen.add(key)
        found.states += 1
        if state.ending:
            found.endings.add(state.ending)
            late = state.filed_at is not None and engine.is_late(scenario, state.filed_at)
            (found.late_endings if late else found.on_time_endings).add(state.ending)
            continue
        if state.at_desk:
            found.desk_states += 1
            at = engine.filing_time(scenario, state)
            found.earliest_filing = min(at, found.earliest_filing if found.earliest_filing is not None else at)
            found.latest_filing = max(at, found.latest_filing or at)
            # The ending depends only on the verdict, lateness and the outcomes' conditions.
            signature = (engine.is_late(scenario, at), *(engine.holds(test, state) for test in outcome_tests))
            if signature not in filed:
                filed.add(signature)
                todo.extend(engine.file_story(scenario, state, score, errors) for score, errors in verdicts)
            continue
        offered = engine.options(scenario, state)
        if on_state:
            on_state(state, offered)
        if not offered:
            found.dead_ends.append(state)
        for option in offered:
            found.offered.add(option.key)
            todo.append(engine.choose(scenario, state, option.key))
    return found
