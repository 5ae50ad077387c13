"""The automatic playtester: every route through a scenario, or many random ones, played on the engine.

The exhaustive walk is a breadth-first search over game states. States are memoised on what can still
make a difference to the game — the scene, the clock (which stops mattering once it has passed every
time any condition or the deadline mentions), the notebook and flags only as far as some condition tests
them, the once-only choices and questions taken — so loops and counters do not make it explode, and
states that differ only in `history`, `response` or `gathered` are one state. A filing choice leads to the
desk, where every ending the outcomes allow is tried (with a score and errors that meet each outcome),
and so is going back to reporting without filing. A limit on states stops runaway scenarios with a clear
report instead of a hang.

When the walk cannot finish (`explore`), the cost should grow with the targets (every scene, choice,
question, quote, fact, ending, timed event and chance outcome), not with every combination of state:

1. the walk looks at its first `FIRST_LOOK` states; a small scenario ends there, every answer exact;
2. lint's proofs (and the others in `directed`) settle what they can prove unreachable;
3. one lazy joint search (`directed.sweep`) settles every target each state it stands in shows: it lists
   what is on offer without playing it (each option seen is settled) and plays a step on the engine only
   when that way comes up, nearest pending target first; it hands over after `directed.STALL` states that
   settle nothing;
4. each target still open gets a best-first search of its own (`directed.search`), kept to the scenes
   from which it can be reached and keyed there exactly, so walking all of them proves it unreachable; it
   heads for the detour through where what the target still lacks is given (`directed.aims`);
5. the walk is resumed up to `max_states` before step 4 only when the state-variable product
   (`Sight.size`) says it must finish within the limit, otherwise after it, and only if something is still
   open; when it finishes, its exact answers replace the searches'.

Each target ends reached (with the route that got there, played on the engine), proven unreachable, or
unknown; anything unknown makes the playtest incomplete (exit 3), never "never reached".

The random mode plays N seeded playthroughs, picking uniformly among what is on offer, for scenarios too
big to walk exhaustively.
"""

from __future__ import annotations

import gc
import random
from collections import deque
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial, wraps
from typing import Any

from game import engine
from game.authoring import directed
from game.authoring.budget import latest_clock, never_in_time
from game.authoring.reach import reach
from game.authoring.sight import DESK, Sight
from game.engine import GameState
from game.model import DIMENSIONS, Scenario, plain_words

MAX_STATES = 20_000
"""How many distinct states the exhaustive walk visits before it stops and settles the rest by search."""
FIRST_LOOK = 5_000
"""How many states the exhaustive walk visits before the cheaper ways of settling targets are tried."""
SEARCH_STATES = 20_000
"""How many states each directed search (one per target the walk did not reach) may visit."""
INCOMPLETE = 3
"""The exit code of a playtest that could not settle every target."""
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
    by_search: bool = False
    """Found by a directed search after the walk was cut short (the walk, if it later finishes, finds it too)."""


@dataclass
class Playtest:
    """What a playtest found: coverage, endings with example routes, dead ends and errors."""

    scenario: Scenario
    mode: str
    """"exhaustive" or "random"."""
    states: int = 0
    """Distinct states visited (exhaustive mode)."""
    complete: bool = True
    """Every question has an answer: the walk finished, or each target it did not reach was settled
    (reached, or proven unreachable) by a directed search, and so was every scene that might strand."""
    exhaustive: bool = True
    """The exhaustive walk finished within its state limit."""
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
    verified: set[str] = field(default_factory=set)
    """Facts checked on some route."""
    late_endings: set[str] = field(default_factory=set)
    """Endings the walk reached by a story filed after the deadline."""
    on_time_endings: set[str] = field(default_factory=set)
    desk_states: int = 0
    """Distinct states at the story desk."""
    multipliers: list[tuple[str, int]] = field(default_factory=list)
    """When the walk was cut short: the parts of the state its states differed in, and in how many ways."""
    settled: list[directed.Target] = field(default_factory=list)
    """When the walk was cut short: each target it had not reached, and what the directed search found."""
    found: set[str] = field(default_factory=set)
    """Targets (`kind:name`) the directed search reached."""
    chances: set[str] = field(default_factory=set)
    """Chance outcomes some route was given by the world, as "CHOICE-KEY:OUTCOME"."""
    events: set[str] = field(default_factory=set)
    """Timed events whose time came on some route (whether or not their condition held then)."""

    @property
    def ok(self) -> bool:
        return not self.dead_ends and not self.errors

    @property
    def exit_code(self) -> int:
        """0: complete and clean; 1: a dead end or an engine error; 3: not complete (some target unknown)."""
        if not self.ok:
            return 1
        return 0 if self.complete else INCOMPLETE

    def has(self, kind: str, name: str) -> bool:
        """Whether some route was seen to reach this target."""
        if f"{kind}:{name}" in self.found:
            return True
        return name in {"scene": self.scenes, "ending": self.endings, "choice": self.choices,
                        "question": self.questions, "quote": self.quotes, "fact": self.facts,
                        "event": self.events, "chance": self.chances}[kind]

    def status(self, kind: str, name: str) -> str:
        """reached, never (certain) or unknown (the walk was cut short and the search did not settle it)."""
        if self.has(kind, name):
            return "reached"
        if self.mode == "random" or self.exhaustive:
            return "never" if self.exhaustive else "unknown"
        for target in self.settled:
            if target.kind == kind and target.name == name:
                return "never" if target.status == "unreachable" else "unknown"
        return "unknown"

    def missing(self) -> list[str]:
        """Target ids (`kind:name`) no route was seen to reach."""
        scenario = self.scenario
        ids = [("ending" if scene.ending else "scene", scene.id) for scene in scenario.scenes]
        ids += [("choice", key) for *_, key, _ in self.all_choices()]
        ids += [("question", key) for *_, key, _ in self.all_questions()]
        ids += [("quote", quote.id) for quote in scenario.quotes]
        ids += [("fact", fact.id) for fact in scenario.facts]
        ids += [("event", event.id) for event in scenario.events]
        ids += [("chance", name) for *_, name in self.all_chances()]
        return [f"{kind}:{name}" for kind, name in ids if not self.has(kind, name)]

    # --- what was never covered ----------------------------------------------------------------

    def all_choices(self) -> list[tuple[int, int, str, str]]:
        """(scene index, choice index, key, label) for every choice in the scenario."""
        return [(s, c, str(engine.choice_key(scene, c, choice)), plain_words(choice.label))
                for s, scene in enumerate(self.scenario.scenes) for c, choice in enumerate(scene.choices)]

    def all_questions(self) -> list[tuple[int, int, str, str]]:
        return [(s, q, str(engine.question_key(scene, question)), plain_words(question.ask))
                for s, scene in enumerate(self.scenario.scenes) if scene.questions
                for q, question in enumerate(scene.questions.asked)]

    def all_chances(self) -> list[tuple[int, int, str]]:
        """(scene index, choice index, "CHOICE-KEY:OUTCOME") for every chance outcome in the scenario."""
        return [(s, c, f"{engine.choice_key(scene, c, choice)}:{luck.id}")
                for s, scene in enumerate(self.scenario.scenes) for c, choice in enumerate(scene.choices)
                for luck in choice.chance]

    def world(self) -> dict[str, Any]:
        """What the world did: chance outcomes drawn and timed events come, and those no route saw
        ("never" once the walk was exhaustive; "unknown" otherwise)."""
        chances = [name for *_, name in self.all_chances()]
        events = [event.id for event in self.scenario.events]
        unseen = "never" if self.exhaustive and self.mode == "exhaustive" else "unknown"
        drawn = [name for name in chances if self.has("chance", name)]
        come = [name for name in events if self.has("event", name)]
        return {"chances_total": len(chances), "chances_drawn": len(drawn),
                f"chances_{unseen}": [name for name in chances if name not in drawn],
                "events_total": len(events), "events_come": len(come),
                f"events_{unseen}": [name for name in events if name not in come]}

    def as_json(self) -> dict[str, Any]:
        scenario = self.scenario
        choices, questions = self.all_choices(), self.all_questions()
        endings = [scene.id for scene in scenario.scenes if scene.ending]

        def split(kind: str, names: list[str]) -> tuple[list[str], list[str]]:
            statuses = [(name, self.status(kind, name)) for name in names]
            return ([name for name, said in statuses if said == "never"],
                    [name for name, said in statuses if said == "unknown"])

        scenes_never, scenes_unknown = split("scene", [scene.id for scene in scenario.scenes if not scene.ending])
        endings_never, endings_unknown = split("ending", endings)
        choices_never, choices_unknown = split("choice", [key for *_, key, _ in choices])
        questions_never, questions_unknown = split("question", [key for *_, key, _ in questions])
        quotes_never, quotes_unknown = split("quote", [quote.id for quote in scenario.quotes])
        facts_never, facts_unknown = split("fact", [fact.id for fact in scenario.facts])
        by_key = {key: (s, label) for s, _, key, label in [*choices, *questions]}
        return {
            "scenario": scenario.id, "mode": self.mode, "complete": self.complete,
            "exhaustive": self.exhaustive, "exit_code": self.exit_code,
            "states": self.states, "state_limit": self.state_limit, "runs": self.runs, "seed": self.seed,
            "unfinished": self.unfinished,
            "scenes_total": len(scenario.scenes),
            "scenes_reached": sum(self.has("ending" if scene.ending else "scene", scene.id)
                                  for scene in scenario.scenes),
            "scenes_never": [scene.id for scene in scenario.scenes
                             if scene.id in scenes_never or scene.id in endings_never],
            "scenes_unknown": [scene.id for scene in scenario.scenes
                               if scene.id in scenes_unknown or scene.id in endings_unknown],
            "choices_total": len(choices), "choices_taken": sum(self.has("choice", key) for *_, key, _ in choices),
            "choices_never": [{"scene": scenario.scenes[by_key[key][0]].id, "key": key, "label": by_key[key][1]}
                              for key in choices_never],
            "choices_unknown": [{"scene": scenario.scenes[by_key[key][0]].id, "key": key, "label": by_key[key][1]}
                                for key in choices_unknown],
            "questions_total": len(questions),
            "questions_asked": sum(self.has("question", key) for *_, key, _ in questions),
            "questions_never": [{"scene": scenario.scenes[by_key[key][0]].id, "key": key, "ask": by_key[key][1]}
                                for key in questions_never],
            "questions_unknown": [{"scene": scenario.scenes[by_key[key][0]].id, "key": key, "ask": by_key[key][1]}
                                  for key in questions_unknown],
            "quotes_total": len(scenario.quotes),
            "quotes_gathered": sum(self.has("quote", quote.id) for quote in scenario.quotes),
            "quotes_never": quotes_never, "quotes_unknown": quotes_unknown,
            "facts_total": len(scenario.facts),
            "facts_learned": sum(self.has("fact", fact.id) for fact in scenario.facts),
            "facts_never": facts_never, "facts_unknown": facts_unknown,
            "endings": [ending for ending in endings if ending in self.endings],
            "endings_never": endings_never, "endings_unknown": endings_unknown,
            "routes": {ending: route for ending, route in self.endings.items()},
            "longest_route": {"steps": len(self.longest), "ending": self.longest_ending,
                              "route": self.longest},
            "loops": self.loops,
            "dead_ends": [{"scene": s.scene, "route": s.route, "count": s.count} for s in self.dead_ends],
            "errors": [{"scene": s.scene, "route": s.route, "message": s.message, "count": s.count}
                       for s in self.errors],
            "multipliers": [{"part": part, "ways": ways} for part, ways in self.multipliers],
            "searched": [target.as_json() for target in self.settled],
            **self.world(),
        }


# --- the desk: which endings a filed story can reach ---------------------------------------------

Filing = tuple[str, int, frozenset[str], frozenset[str], frozenset[str]]
"""(ending, score, error dimensions, facts carried, people quoted): a filed story that leads to that ending."""


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


# --- the walks -----------------------------------------------------------------------------------

Step = tuple[str, GameState]
"""A step's label and the state it leads to."""


def next_states(scenario: Scenario, state: GameState, desk: Desk,
                taken: Callable[[engine.Option], None] | None = None) -> list[Step]:
    """Every state one step on from this one (nothing at an ending; an empty list is a dead end)."""
    if state.ending:
        return []
    if state.at_desk:
        steps: list[Step] = [(filing_label(filing), engine.file_story(scenario, state, score, errors,
                                                                      carried=carried, quoted=quoted))
                             for filing in desk.filings(state) for _, score, errors, carried, quoted in [filing]]
        return [*steps, (LEAVE_STEP, engine.leave_desk(state))]
    steps = []
    last = None
    for way in engine.successors(scenario, state):  # the world's chance outcomes are branches too
        if taken and way.option is not last:
            taken(way.option)
            last = way.option
        steps.append((way.option.label + (f" [the world: {way.luck}]" if way.luck else ""), way.state))
    return steps


class _Walk:
    """Bookkeeping shared by both modes: coverage and where playthroughs got stuck."""

    def __init__(self, report: Playtest) -> None:
        self.report = report
        self.stuck: dict[tuple[str, str, str], Stuck] = {}

    def taken(self, option: engine.Option) -> None:
        (self.report.questions if option.kind == "question" else self.report.choices).add(str(option.key))

    def arrived(self, state: GameState, before: GameState | None = None) -> None:
        report = self.report
        report.scenes.add(state.scene)
        for kind, name in state.gathered:
            (report.quotes if kind == "quote" else report.facts).add(name)
        if before is not None and len(state.verified) > len(before.verified):
            report.verified.update(state.verified[len(before.verified):])
        if before is not None:
            if len(state.fired) > len(before.fired):
                report.events.update(state.fired[len(before.fired):])
            if state.history and state.history[-1].luck and len(state.history) > len(before.history):
                step = state.history[-1]
                report.chances.add(f"{step.key}:{step.luck}")

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
    walk.report.verified.update(state.verified)
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


class _Exhaustive:
    """The breadth-first walk over every state, memoised by `Sight`: it can stop at a number of states and
    be resumed later with a higher one."""

    def __init__(self, scenario: Scenario, report: Playtest, start: GameState, desk: Desk,
                 on_state: Callable[[GameState, list[engine.Option]], None] | None) -> None:
        self.scenario, self.report, self.desk, self.on_state = scenario, report, desk, on_state
        self.walk = _Walk(report)
        self.sight = Sight(scenario)
        self.index: dict[Hashable, int] = {self.sight.key(start): 0}
        self.parent: list[int] = [-1]
        self.label_of: list[str] = [""]
        self.edges: list[list[tuple[int, str]] | None] = [None]
        self.ends: dict[int, str] = {}
        self.todo: deque[tuple[int, GameState]] = deque([(0, self.sight.trim(start))])

    @property
    def finished(self) -> bool:
        return not self.todo

    def route_to(self, number: int) -> list[str]:
        steps: list[str] = []
        parent, label_of = self.parent, self.label_of
        while parent[number] >= 0:
            steps.append(label_of[number])
            number = parent[number]
        return steps[::-1]

    def run(self, limit: int) -> bool:
        """Walk on until every state is walked (True) or `limit` states are known (False)."""
        scenario, report, walk, desk = self.scenario, self.report, self.walk, self.desk
        key_of, trim = self.sight.key, self.sight.trim
        index, parent, label_of, edges, todo = self.index, self.parent, self.label_of, self.edges, self.todo
        on_state = self.on_state
        options: list[engine.Option] = []

        def offered(option: engine.Option) -> None:
            walk.taken(option)
            options.append(option)

        while todo:
            number, state = todo.popleft()
            if state.ending:
                self.ends[number] = state.ending
                late = state.filed_at is not None and engine.is_late(scenario, state.filed_at)
                (report.late_endings if late else report.on_time_endings).add(state.ending)
                if state.ending not in report.endings:
                    report.endings[state.ending] = self.route_to(number)
                continue
            options.clear()
            try:
                steps = next_states(scenario, state, desk, offered)
            except Exception as error:  # noqa: BLE001 - reported with the route that led here
                walk.get_stuck("error", state, partial(self.route_to, number), f"{type(error).__name__}: {error}")
                continue
            if not steps:
                walk.get_stuck("dead end", state, partial(self.route_to, number))
                continue
            out: list[tuple[int, str]] = []
            full = False
            for label, after in steps:
                walk.arrived(after, state)
                next_key = key_of(after)
                found = index.get(next_key)
                if found is None:
                    if len(index) >= limit:
                        full = True
                        break
                    found = index[next_key] = len(parent)
                    parent.append(number)
                    label_of.append(label)
                    edges.append(None)
                    todo.append((found, trim(after)))
                out.append((found, label))
            if full:
                todo.appendleft((number, state))  # walked again, whole, when resumed
                report.states = len(index)
                return False
            edges[number] = out
            if state.at_desk:
                report.desk_states += 1
            elif on_state:
                on_state(state, list(options))
        report.states = len(index)
        return True


@_collector_paused
def explore(scenario: Scenario, max_states: int = MAX_STATES, *, start: GameState | None = None,
            on_state: Callable[[GameState, list[engine.Option]], None] | None = None,
            search_states: int = SEARCH_STATES, first_look: int = FIRST_LOOK) -> Playtest:
    """Every question about a scenario's routes, at a cost that grows with what can matter.

    First the exhaustive walk, up to `first_look` states: a small scenario ends there with every answer
    exact. If not, the targets it did not reach are settled the cheap way (lint's proofs, one lazy joint
    search for all of them); whatever is still open gets a search of its own, and the walk resumes up to
    `max_states` states if something is open after that (or before it, when `Sight.size` shows the walk
    must finish within the limit). See the module's docstring.

    `start` walks on from a given state instead of a new game; `on_state` (a hook for tests) sees each
    distinct reporting state the walk stands in, with what is on offer there.
    """
    report = Playtest(scenario, "exhaustive", state_limit=max_states)
    if start is None:
        start = _start(scenario, _Walk(report))
        if start is None:
            return report
    else:
        _Walk(report).arrived(start)
        report.facts.update(start.facts)
        report.quotes.update(start.quotes)
        report.verified.update(start.verified)
    desk = Desk(scenario)
    walker = _Exhaustive(scenario, report, start, desk, on_state)

    def walk_on() -> bool:
        """Resume the walk up to `max_states`; when it finishes, its answers are exact and replace the searches'."""
        if max_states <= first_look or not walker.run(max_states):
            return False
        report.settled, report.found, report.complete = [], set(), True
        report.dead_ends = [stuck for stuck in report.dead_ends if not stuck.by_search]
        return True

    if not walker.run(min(first_look, max_states)):
        proofs = _Proofs(scenario)
        open_targets = _settle(scenario, report, start, desk, search_states, sweep=True, proofs=proofs)
        # The walk is resumed first only when the state-variable product says it must finish in the limit;
        # otherwise walking on would mostly cost time, and each open target gets a search of its own first.
        if open_targets and walker.sight.size(start) <= max_states and walk_on():
            open_targets = 0
        if open_targets:
            report.multipliers = walker.sight.multipliers(walker.index)
            if _settle(scenario, report, start, desk, search_states, sweep=False, proofs=proofs) and walk_on():
                report.multipliers = []
    report.exhaustive = walker.finished
    if report.exhaustive:
        report.complete = True
    elif not report.multipliers:
        report.multipliers = walker.sight.multipliers(walker.index)
    _longest(report, walker.edges, walker.ends, walker.route_to)
    return report


class _Proofs:
    """What the proofs and searches after a cut-short walk need of the scenario, each worked out once, when
    first needed, and shared by both rounds of `_settle` (the second often has nothing fresh to prove)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario

    @cached_property
    def may_stick(self) -> list[str]:
        """The scenes not proven always to offer something."""
        return [scene.id for scene in self.scenario.scenes
                if not scene.ending and not directed.never_stuck(self.scenario, scene)]

    @cached_property
    def found(self) -> Any:
        return reach(self.scenario)

    @cached_property
    def apart(self) -> Any:
        return directed.flags_apart(self.scenario)

    @cached_property
    def counted(self) -> Any:
        return reach(self.scenario, counted=True)

    @cached_property
    def closures(self) -> directed.Closures:
        scenario = self.scenario
        return directed.Closures(scenario, [*directed.shut_by_events(scenario), *directed.shut_fallbacks(scenario),
                                            *directed.shut_by_limits(scenario),
                                            *directed.shut_by_counters(scenario, self.counted.bounds)])

    @cached_property
    def givers(self) -> Any:
        return directed.givers_of(self.scenario)

    @cached_property
    def clock(self) -> Any:
        return latest_clock(self.scenario)

    @cached_property
    def graph(self) -> dict[str, set[str]]:
        return Sight(self.scenario).graph

    def why(self, target: directed.Target) -> str | None:
        """Why a target is proven unreachable, or None."""
        scenario = self.scenario
        return (directed.never_by_lint(scenario, target, self.found)
                or directed.never_together(scenario, target, self.apart)
                or directed.never_within_limits(scenario, target, self.givers)
                or never_in_time(scenario, target, self.clock)
                or directed.ending_shut_by_events(scenario, target) or self.closures.why(target)
                or directed.never_by_counters(scenario, target, self.counted.bounds, self.counted))


def _settle(scenario: Scenario, report: Playtest, start: GameState, desk: Desk, budget: int, sweep: bool,
            proofs: _Proofs | None = None) -> int:
    """After a walk cut short: settle each target it did not reach, and look for a dead end in each scene
    not proven always to offer something. With `sweep`, the cheap ways only: lint's proofs and one joint
    search; without, a search of its own for each target still open. Returns how many are still open."""
    proofs = _Proofs(scenario) if proofs is None else proofs
    known = {target.id: target for target in report.settled}
    want = set(report.missing())
    stuck_at = {stuck.scene for stuck in report.dead_ends}
    want.update(f"dead end:{scene}" for scene in proofs.may_stick if scene not in stuck_at)
    fresh = [target for target in directed.targets(scenario, want - set(known))]
    for target in fresh:
        reason = proofs.why(target)
        if reason:
            target.status, target.reason = "unreachable", "proven: " + reason
    report.settled += fresh
    pending = {target.id: target for target in report.settled if target.status == "unknown"
               and target.id in want}
    graph = proofs.graph
    options: list[engine.Option] = []

    def successors(state: GameState) -> list[Step]:
        options.clear()
        return next_states(scenario, state, desk, options.append)

    if sweep and pending:
        directed.sweep(scenario, pending, start, _offers(scenario, desk, options), _spotter(options),
                       max(budget, 20 * len(pending)), graph)
    elif pending:
        walk = _Walk(report)
        for target in list(pending.values()):
            directed.search(scenario, target, start, successors, _meets(scenario, target, walk, options),
                            budget, graph)
    for target in report.settled:
        if target.status == "reached" and target.id not in report.found:
            report.found.add(target.id)
            if target.kind == "dead end":
                report.dead_ends.append(Stuck(target.name, target.route, by_search=True))
            elif target.kind == "ending":
                report.endings.setdefault(target.name, target.route)
    still = sum(target.status == "unknown" for target in report.settled)
    report.complete = still == 0
    return still


def _offers(scenario: Scenario, desk: Desk, options: list[engine.Option]) -> directed.Offers:
    """What is on offer in a state, for the lazy joint search: each option with the place it leads to
    and how to take it (as `next_states` would, one option at a time); the options are left in `options`."""
    leads: dict[engine.Key, str] = {}
    for scene in scenario.scenes:
        for c, choice in enumerate(scene.choices):
            leads[engine.choice_key(scene, c, choice)] = (
                DESK if choice.file else choice.goto if choice.goto and not choice.chance else scene.id)

    def take(state: GameState, option: engine.Option) -> list[Step]:
        outcomes = engine.chances(scenario, state, option.key)
        if not outcomes:
            return [(option.label, engine.choose(scenario, state, option.key))]
        return [(f"{option.label} [the world: {luck}]", engine.choose(scenario, state, option.key, luck))
                for luck, _ in outcomes]

    def offers(state: GameState) -> list[directed.Offer]:
        options.clear()
        if state.ending:
            return []
        if state.at_desk:
            return [(DESK, partial(next_states, scenario, state, desk))]
        found: list[directed.Offer] = []
        for option in engine.options(scenario, state):
            options.append(option)
            found.append((leads.get(option.key, state.scene), partial(take, state, option)))
        return found

    return offers


def _spotter(options: list[engine.Option]) -> Callable[[GameState, list[Any] | None], list[str]]:
    """The targets a state meets, for the joint search: on arrival (scene, ending, what was gathered),
    or standing in it (the options on offer, which `successors` left in `options`; a dead end)."""

    def spot(state: GameState, steps: list[Any] | None) -> list[str]:
        if steps is None:
            if state.ending:
                return [f"ending:{state.ending}"]
            return [f"scene:{state.scene}", *(gathered.text for gathered in state.gathered), *_world_of(state)]
        if not steps and not state.at_desk:
            return [f"dead end:{state.scene}"]
        return [f"{'question' if option.kind == 'question' else 'choice'}:{option.key}" for option in options]

    return spot


def _world_of(state: GameState) -> list[str]:
    """The world's targets a state shows met: the timed events whose time has come, and the chance outcome
    the last step drew."""
    found = [f"event:{event}" for event in state.fired]
    if state.history and state.history[-1].luck:
        step = state.history[-1]
        found.append(f"chance:{step.key}:{step.luck}")
    return found


def _meets(scenario: Scenario, target: directed.Target, walk: _Walk,
           options: list[engine.Option]) -> Callable[[GameState, list[Step] | None], bool]:
    """Whether a state meets the target: see `directed.search`. Coverage seen on the way is kept too."""
    kind, name = target.kind, target.name

    def met(state: GameState, steps: list[Step] | None) -> bool:
        if steps is None:
            walk.arrived(state)
            if kind == "ending":
                return state.ending == name
            if kind == "scene":
                return state.scene == name and not state.ending
            if kind in ("quote", "fact"):
                return any(item.kind == kind and item.id == name for item in state.gathered)
            return target.id in _world_of(state)
        if kind == "dead end":
            return not steps and state.scene == name and not state.at_desk and not state.ending
        if kind in ("choice", "question"):
            return any(str(option.key) == name for option in options)
        return False

    return met


def _longest(report: Playtest, edges: list[list[tuple[int, str]] | None], ends: dict[int, str],
             route_to: Callable[[int], list[str]]) -> None:
    """The longest route from the start (state 0) to an ending over the walked states, following no loop
    and never leaving the desk without filing (which could stretch any route to the deadline)."""
    first = 0
    length: dict[int, int] = {}
    best: dict[int, tuple[int, str] | None] = {}
    on_path: set[int] = set()
    stack: list[tuple[int, int]] = [(first, 0)]
    on_path.add(first)
    while stack:
        key, position = stack[-1]
        out = edges[key] or []
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
            before = state
            label, state = steps[0]
            route.append(label)
            walk.arrived(state, before)
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
        outcomes = scenario.filing.outcomes if scenario.filing else []
        carried = frozenset(f for o in outcomes for f in (*o.carried, *o.omitted) if chance.random() < 0.5)
        quoted = frozenset(p for o in outcomes for p in o.quoted if chance.random() < 0.5)
        after = engine.file_story(scenario, state, score, errors, carried=carried, quoted=quoted)
        said = f"score {score}" + (f", errors in {', '.join(sorted(errors))}" if errors else "")
        said += f", carrying {', '.join(sorted(carried))}" if carried else ""
        said += f", quoting {', '.join(sorted(quoted))}" if quoted else ""
        return [(f"{FILE_STEP} ({said})", after)]
    offered = engine.options(scenario, state)
    if not offered:
        return []
    option = chance.choice(offered)
    walk.taken(option)
    outcomes_drawn = engine.chances(scenario, state, option.key)
    luck = (chance.choices([name for name, _ in outcomes_drawn], [weight for _, weight in outcomes_drawn])[0]
            if outcomes_drawn else None)
    return [(option.label + (f" [the world: {luck}]" if luck else ""),
             engine.choose(scenario, state, option.key) if luck is None
             else engine.choose(scenario, state, option.key, luck))]


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
        if not report.exhaustive:
            head = (f"{scenario.id}: the exhaustive walk STOPPED after {report.states:,} states (limit "
                    f"{report.state_limit:,}); "
                    + ("every target it had not reached was then settled by a directed search"
                       if report.complete else "NOT COMPLETE: some targets are unknown (see below)"))
    else:
        head = f"{scenario.id}: {report.runs:,} random playthroughs, seed {report.seed}"
    yield head
    if report.multipliers:
        yield "  the states multiplied on: " + ", ".join(
            f"{part} ({ways:,} ways)" for part, ways in report.multipliers[:6])
    settled = {(target.kind, target.name): target for target in report.settled}

    def missed(kind: str, name: str) -> str:
        said = report.status(kind, name)
        target = settled.get((kind, name))
        if said == "never":
            return "never" + (f" ({target.reason})" if target else "")
        if report.mode == "random":
            return "not reached by these playthroughs"
        return "not reached before the limit" + (f", nor by search ({target.reason})" if target else "")

    def counted(name: str, done: int, total: int, verb: str) -> str:
        return f"  {name:<10} {done}/{total} {verb}"

    yield counted("scenes", data["scenes_reached"], data["scenes_total"], "reached")
    positions = {scene.id: s for s, scene in enumerate(scenario.scenes)}
    for s, scene in enumerate(scenario.scenes):
        if not scene.ending and not report.has("scene", scene.id):
            yield f"      {missed('scene', scene.id)}: {scene.id}{line(('scenes', s))}"
    yield counted("choices", data["choices_taken"], data["choices_total"], "taken")
    for s, c, key, label in report.all_choices():
        if not report.has("choice", key):
            yield f"      {missed('choice', key)}: {key} \"{label}\"{line(('scenes', s, 'choices', c))}"
    if data["questions_total"]:
        yield counted("questions", data["questions_asked"], data["questions_total"], "asked")
        for s, q, key, label in report.all_questions():
            if not report.has("question", key):
                path = ("scenes", s, "questions", "items", q)
                yield f"      {missed('question', key)}: {key} \"{label}\"{line(path)}"
    yield counted("quotes", data["quotes_gathered"], data["quotes_total"], "gathered")
    for q, quote in enumerate(scenario.quotes):
        if not report.has("quote", quote.id):
            yield f"      {missed('quote', quote.id)}: {quote.id}{line(('quotes', q))}"
    yield counted("facts", data["facts_learned"], data["facts_total"], "learned")
    for f, fact in enumerate(scenario.facts):
        if not report.has("fact", fact.id):
            yield f"      {missed('fact', fact.id)}: {fact.id}{line(('facts', f))}"
    if data["chances_total"]:
        yield counted("chances", data["chances_drawn"], data["chances_total"], "drawn")
        for s, c, name in report.all_chances():
            if not report.has("chance", name):
                said = "never" if data.get("chances_never") else (
                    "not drawn by these playthroughs" if report.mode == "random" else
                    missed("chance", name).replace("not reached", "not drawn"))
                yield f"      {said}: {name}{line(('scenes', s, 'choices', c))}"
    if data["events_total"]:
        yield counted("events", data["events_come"], data["events_total"], "came")
        for e, event in enumerate(scenario.events):
            if not report.has("event", event.id):
                said = "never" if data.get("events_never") else (
                    "not by these playthroughs" if report.mode == "random" else missed("event", event.id))
                yield f"      {said}: {event.id} at {event.at}{line(('events', e))}"
    endings = [scene.id for scene in scenario.scenes if scene.ending]
    yield counted("endings", len(data["endings"]), len(endings), "reached")
    for ending in data["endings"]:
        route = report.endings[ending]
        yield f"      {ending}, in {len(route)} steps: {route_text(route)}"
    for ending in endings:
        if ending not in report.endings:
            yield f"      {missed('ending', ending)}: {ending}{line(('scenes', positions[ending]))}"
    searched = [target for target in report.settled if target.kind != "dead end"]
    if searched:
        found = [target for target in searched if target.status == "reached"]
        yield (f"  directed search: {len(found)} reached, "
               f"{sum(target.status == 'unreachable' for target in searched)} proven unreachable, "
               f"{sum(target.status == 'unknown' for target in searched)} unknown")
        for target in found:
            if target.kind != "ending":  # the endings' routes are listed above
                yield f"      reached {target.kind} {target.name}: {route_text(target.route)}"
    checks = [target for target in report.settled if target.kind == "dead end"]
    if checks:
        unknown = [target.name for target in checks if target.status == "unknown"]
        yield (f"  dead ends searched for in {len(checks)} scene{'s' * (len(checks) != 1)} not proven always "
               f"to offer something: {sum(target.status == 'reached' for target in checks)} found, "
               f"{sum(target.status == 'unreachable' for target in checks)} proven impossible, "
               f"{len(unknown)} unknown" + (f" ({', '.join(unknown)})" if unknown else ""))
    if report.longest:
        yield f"  longest route: {len(report.longest)} steps, to {report.longest_ending}" + (
            " (some routes can also go round in a loop)" if report.loops else "") + (
            "" if report.exhaustive else " (over the states walked)")
    if report.unfinished:
        yield f"  {report.unfinished} playthroughs took {MAX_STEPS} steps without reaching an ending"
    for stuck in report.dead_ends:
        yield (f"  DEAD END in scene '{stuck.scene}' ({stuck.count} way{'s' * (stuck.count != 1)} in): "
               "nothing is on offer. Route: " + route_text(stuck.route))
    for stuck in report.errors:
        yield f"  ERROR in scene '{stuck.scene}': {stuck.message}. Route: " + route_text(stuck.route)
    if report.ok:
        yield "  no dead ends, no errors" if report.complete else "  no dead ends or errors found (not complete)"
    if report.mode == "exhaustive" and not report.complete:
        yield (f"  exit {INCOMPLETE}: not complete. Keep the state small (see docs/authoring.md, \"Keep a scenario "
               "tractable for the playtester\"), or raise --max-states / --search-states")
