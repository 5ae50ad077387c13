"""The game's rules: a pure step function from (scenario, state, choice) to the next state.

No I/O and no user interface here. A scenario is compiled once into a `Story` (its lookups, and the rules
as methods: `start`, `scene`, `options`, `choose`, `file`), which the play layer, the faces and the
classroom play through; the loose functions (`new_game`, `options`, `choose`, `file_story`, ...) are thin
wrappers over it for the authoring tools and the tests. State is a small immutable value (see
`GameState`), so saving, undo and replay are just keeping old values.
"""

from __future__ import annotations

import random
import re
from collections.abc import Set
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, Literal, NamedTuple

from game import templates
from game.model import (
    DAY,
    Chance,
    Choice,
    Condition,
    DebriefNote,
    Effects,
    Event,
    Fact,
    Person,
    Question,
    Quote,
    Scenario,
    Scene,
    Variant,
    clock_text,
    minutes_of,
)

OptionKind = Literal["choice", "question", "file"]


class InvalidChoice(ValueError):
    """The player picked something not on offer in the current state."""


class Key(NamedTuple):
    """Which option: one of a scene's choices or one of its questions. A value (hashable, ordered by
    scene, kind, then id), held by `Option`, `Step` and `GameState.taken`; `text` and `parse` are its one
    text form ("SCENE/CHOICE" and "SCENE/ask:QUESTION"), as saves and transcripts write it."""

    scene: str
    """The id of the scene that offers it."""
    kind: Literal["choice", "question"]
    id: str
    """The question's id; the choice's id, or its place among the scene's choices from 1 when it has none."""

    @classmethod
    def of_choice(cls, scene: Scene, position: int, choice: Choice) -> Key:
        """The key of a scene's choice (at `position`, from 0)."""
        return cls(scene.id, "choice", choice.id or str(position + 1))

    @classmethod
    def of_question(cls, scene: Scene, question: Question) -> Key:
        return cls(scene.id, "question", question.id)

    @property
    def asked(self) -> str | None:
        """The id of the question this key puts, or None for a choice."""
        return self.id if self.kind == "question" else None

    @property
    def text(self) -> str:
        """The text form: "SCENE/CHOICE" for a choice, "SCENE/ask:QUESTION" for a question."""
        return f"{self.scene}/{_ASK if self.kind == 'question' else ''}{self.id}"

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> Key:
        """The key a `text` form names. Raises ValueError, saying what the form must be, for anything else."""
        if not isinstance(text, str):
            raise ValueError(f"an option key must be text, not {text!r}")
        scene, slash, rest = text.partition("/")
        kind: Literal["choice", "question"] = "question" if rest.startswith(_ASK) else "choice"
        ident = rest[len(_ASK):] if kind == "question" else rest
        if not slash or not _KEY_PART.fullmatch(scene) or not _KEY_PART.fullmatch(ident):
            raise ValueError(f"an option key must be 'SCENE/CHOICE' or 'SCENE/ask:QUESTION' "
                             f"(ids of letters, digits, '_' and '-'), not {text!r}")
        return cls(scene, kind, ident)


_ASK = "ask:"
"""What sets a question's key apart from a choice's in the text form: "SCENE/ask:QUESTION"."""
_KEY_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""A scene's, choice's or question's id in a key's text form (as `game.model.Id` allows)."""


@dataclass(frozen=True)
class Step:
    """One choice made: where, which, and the clock when it was made."""

    scene: str
    key: Key
    label: str
    time: int
    luck: str | None = None
    """The chance outcome the world gave (for a choice with `chance:`), so a replay can give it again."""


class Gathered(NamedTuple):
    """One thing the last step put in the notebook: a quote or a fact, by id."""

    kind: Literal["quote", "fact"]
    id: str

    @property
    def text(self) -> str:
        """"quote:ID" or "fact:ID": how a save writes it, and the playtester's name for it as a target."""
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> Gathered:
        kind, _, ident = text.partition(":")
        if kind not in ("quote", "fact") or not ident:
            raise ValueError(f"a gathered item must be 'quote:ID' or 'fact:ID', not {text!r}")
        return cls(kind, ident)  # type: ignore[arg-type]


@dataclass(frozen=True)
class GameState:
    """Everything about one playthrough. Immutable; every step returns a new one."""

    scenario: str
    version: str
    scene: str
    time: int
    """Minutes since midnight on the game clock."""
    quotes: tuple[str, ...] = ()
    """Quote ids in the notebook, in the order gathered."""
    facts: tuple[str, ...] = ()
    """Fact ids in the notebook, in the order learned."""
    verified: tuple[str, ...] = ()
    """Fact ids the player has checked."""
    flags: tuple[str, ...] = ()
    counters: tuple[tuple[str, int], ...] = ()
    visited: tuple[str, ...] = ()
    taken: tuple[Key, ...] = ()
    """Keys of the choices and questions taken, each once, in order."""
    history: tuple[Step, ...] = ()
    response: str | None = None
    """Text to show after the last choice (a choice's response or a question's answer)."""
    gathered: tuple[Gathered, ...] = ()
    """What the last step added to the notebook, in order."""
    at_desk: bool = False
    """The player is at the story desk (took a `file: true` choice)."""
    filed_at: int | None = None
    ending: str | None = None
    player: str = ""
    """The player's name, for `{player}` in the text ("" when they gave none)."""
    seed: int = 0
    """Where the world's draws (`chance:` outcomes) start from: the same seed and choices play the same."""
    fired: tuple[str, ...] = ()
    """Ids of the timed events whose time has come (whether or not their condition held then)."""

    def counter(self, name: str) -> int:
        return dict(self.counters).get(name, 0)

    def to_json(self) -> dict[str, Any]:
        """A plain JSON-ready dict; `from_json` gives back an equal state."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "history":
                value = [[step.scene, step.key.text, step.label, step.time, *([step.luck] if step.luck else [])]
                         for step in value]
            elif item.name == "counters":
                value = dict(value)
            elif item.name == "gathered":
                value = [gathered.text for gathered in value]
            elif item.name == "taken":
                value = [key.text for key in value]
            elif isinstance(value, tuple):
                value = list(value)
            data[item.name] = value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GameState:
        """The state a `to_json` dict describes. Raises ValueError (or KeyError/TypeError) if malformed."""
        names = {item.name for item in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown state fields: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name == "history":
                value = tuple(_step_of(step) for step in value)
            elif name == "counters":
                if not isinstance(value, dict):
                    raise ValueError("counters must be a mapping")
                value = tuple((str(k), int(v)) for k, v in value.items())
            elif name == "gathered":
                if not isinstance(value, list):
                    raise ValueError("gathered must be a list")
                value = tuple(Gathered.parse(str(item)) for item in value)
            elif name == "taken":
                if not isinstance(value, list):
                    raise ValueError("taken must be a list")
                value = tuple(Key.parse(item) for item in value)
            elif isinstance(value, list):
                value = tuple(str(item) for item in value)
            values[name] = value
        state = cls(**values)
        for name in ("scenario", "version", "scene", "player"):
            if not isinstance(getattr(state, name), str):
                raise ValueError(f"{name} must be text")
        if not isinstance(state.time, int) or isinstance(state.time, bool):
            raise ValueError("time must be a whole number of minutes")
        if not isinstance(state.seed, int) or isinstance(state.seed, bool):
            raise ValueError("seed must be a whole number")
        return state


def _step_of(saved: Any) -> Step:
    """A step from its saved list: [scene, key, label, time], and the chance outcome when there was one."""
    if not isinstance(saved, list) or len(saved) not in (4, 5):
        raise ValueError("a step must be [scene, key, label, time] or [scene, key, label, time, luck]")
    scene, key, label, time = saved[:4]
    return Step(str(scene), Key.parse(key), str(label), int(time), str(saved[4]) if len(saved) == 5 else None)


@dataclass(frozen=True)
class Option:
    """Something the player can do now: a choice, a question, or going to the story desk."""

    key: Key
    label: str
    kind: OptionKind
    minutes: int
    to: str | None = None
    """For questions: the name of the person asked."""


@dataclass(frozen=True)
class NotebookQuote:
    quote: Quote
    speaker: Person


@dataclass(frozen=True)
class NotebookFact:
    fact: Fact
    status: str
    """confirmed, claim, rumour, verified (checked and true) or disproved (checked and false)."""
    claimed_by: Person | None


@dataclass(frozen=True)
class Notebook:
    quotes: tuple[NotebookQuote, ...]
    facts: tuple[NotebookFact, ...]

    def by_speaker(self) -> dict[str, list[NotebookQuote]]:
        grouped: dict[str, list[NotebookQuote]] = {}
        for entry in self.quotes:
            grouped.setdefault(entry.speaker.name, []).append(entry)
        return grouped


@dataclass(frozen=True)
class Index:
    """Lookups by id, built once per scenario."""

    scenario: Scenario
    scenes: dict[str, Scene] = field(init=False)
    people: dict[str, Person] = field(init=False)
    quotes: dict[str, Quote] = field(init=False)
    facts: dict[str, Fact] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scenes", {scene.id: scene for scene in self.scenario.scenes})
        object.__setattr__(self, "people", {person.id: person for person in self.scenario.people})
        object.__setattr__(self, "quotes", {quote.id: quote for quote in self.scenario.quotes})
        object.__setattr__(self, "facts", {fact.id: fact for fact in self.scenario.facts})

    @cached_property
    def deadline(self) -> int:
        return minutes_of(self.scenario.clock.deadline)

    @cached_property
    def events(self) -> tuple[tuple[int, Event], ...]:
        """The timed events with their minutes, earliest first (events at one time in the order written)."""
        return tuple(sorted(((minutes_of(event.at), event) for event in self.scenario.events),
                            key=lambda pair: pair[0]))

    @cached_property
    def menus(self) -> dict[str, Menu]:
        """Each scene's questions and choices as options, with their keys and minutes worked out once."""
        return {scene.id: _menu(self.scenario, scene, self.people) for scene in self.scenario.scenes}


@dataclass(frozen=True)
class Menu:
    """A scene's questions and choices as the engine offers them, built once per scene."""

    questions: tuple[tuple[Option, Question], ...]
    choices: tuple[tuple[Option, Choice], ...]
    limit: int | None
    """How many questions may be put here (None: every one)."""
    changing: frozenset[Key]
    """Keys of the options whose label or minutes depend on the state (templates, `when:`, `until`)."""

    @cached_property
    def by_key(self) -> dict[Key, tuple[Option, Question | Choice]]:
        found: dict[Key, tuple[Option, Question | Choice]] = {
            option.key: (option, question) for option, question in self.questions}
        found.update((option.key, (option, choice)) for option, choice in self.choices)
        return found


def _menu(scenario: Scenario, scene: Scene, people: dict[str, Person]) -> Menu:
    questions = tuple(
        (Option(question_key(scene, question), _plain(question.ask), "question",
                _question_minutes(scenario, scene, question),
                people[question.to].name if question.to in people else None), question)
        for question in (scene.questions.asked if scene.questions else []))
    choices = tuple(
        (Option(choice_key(scene, position, choice), _plain(choice.label), "file" if choice.file else "choice",
                _choice_minutes(scenario, choice)), choice)
        for position, choice in enumerate(scene.choices))
    changing = frozenset(
        [option.key for option, question in questions if not _fixed(question.ask)]
        + [option.key for option, choice in choices if not _fixed(choice.label) or choice.until])
    return Menu(questions, choices, scene.questions.limit if scene.questions else None, changing)


def _plain(words: str | list[Variant]) -> str:
    return words if isinstance(words, str) else words[-1].text


def _fixed(words: str | list[Variant]) -> bool:
    """Whether a text reads the same in every state (no wordings, no templates)."""
    return isinstance(words, str) and "{" not in words and "}" not in words


_INDEXES: dict[int, Index] = {}


def index(scenario: Scenario) -> Index:
    """The lookup tables for a scenario (cached: scenarios are immutable)."""
    found = _INDEXES.get(id(scenario))
    if found is None or found.scenario is not scenario:
        found = _INDEXES[id(scenario)] = Index(scenario)
    return found


# --- conditions ----------------------------------------------------------------------------------

_MINUTES: dict[str, int] = {}


def _minutes(time: str) -> int:
    """`minutes_of`, remembered: conditions ask about the same few times on every step."""
    found = _MINUTES.get(time)
    if found is None:
        found = _MINUTES[time] = minutes_of(time)
    return found


def holds(condition: Condition | None, state: GameState) -> bool:
    """Whether a condition holds in a state. Conditions are data: nothing is evaluated."""
    if condition is None:
        return True
    kind = condition.kind
    if kind == "all":
        return all(holds(part, state) for part in condition.all or ())
    if kind == "any":
        return any(holds(part, state) for part in condition.any or ())
    if kind == "not":
        return not holds(condition.not_, state)
    if kind == "flag":
        return condition.flag in state.flags
    if kind == "has_quote":
        return condition.has_quote in state.quotes
    if kind == "knows":
        return condition.knows in state.facts
    if kind == "verified":
        return condition.verified in state.verified
    if kind == "visited":
        return condition.visited in state.visited
    if kind == "asked":
        return any(key.kind == "question" and key.id == condition.asked for key in state.taken)
    if kind == "before":
        return state.time < _minutes(condition.before or "")
    if kind == "after":
        return state.time >= _minutes(condition.after or "")
    value = state.counter(condition.counter or "")
    if condition.at_least is not None:
        return value >= condition.at_least
    if condition.at_most is not None:
        return value <= condition.at_most
    return value == condition.equals


# --- starting and choosing -----------------------------------------------------------------------

def _evolve(state: GameState, **changes: Any) -> GameState:
    """`dataclasses.replace` for the hot path: a copy with some fields changed, without re-running
    `__init__` (GameState has no validation or `__post_init__` to skip)."""
    new = object.__new__(GameState)
    values = new.__dict__
    values.update(state.__dict__)
    values.update(changes)
    return new


def _add(items: tuple[str, ...], new: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    if not new:
        return items
    missing = tuple(item for item in dict.fromkeys(new) if item not in items)
    return items + missing if missing else items


def apply_effects(state: GameState, effects: Effects) -> GameState:
    """The state after a choice's, question's or scene's effects."""
    if not effects.has_effects:
        return state
    quotes = _add(state.quotes, effects.gather)
    facts = _add(state.facts, [*effects.learn, *effects.verify])
    verified = _add(state.verified, effects.verify)
    flags = state.flags
    if effects.set or effects.clear:
        flags = tuple(sorted((set(flags) | set(effects.set)) - set(effects.clear)))
    counters = state.counters
    if effects.change or effects.set_to:
        values = dict(counters)
        for name, delta in effects.change.items():
            values[name] = values.get(name, 0) + delta
        values.update(effects.set_to)
        counters = tuple(sorted(values.items()))
    gathered = state.gathered + tuple(Gathered("quote", q) for q in quotes[len(state.quotes):]) + tuple(
        Gathered("fact", f) for f in facts[len(state.facts):])
    return _evolve(state, quotes=quotes, facts=facts, verified=verified, flags=flags,
                   counters=counters, gathered=gathered)


def _enter(scenario: Scenario, state: GameState, scene_id: str) -> GameState:
    scene = index(scenario).scenes[scene_id]
    first_time = scene_id not in state.visited
    visited = (*state.visited, scene_id) if first_time else state.visited
    state = apply_effects(_evolve(state, scene=scene_id, visited=visited), scene)
    for arrival in scene.arrive:
        if (first_time or not arrival.first_time) and holds(arrival.when, state):
            state = apply_effects(state, arrival)
    if scene.ending:
        state = _evolve(state, ending=scene_id)
    return state


def new_game(scenario: Scenario, player: str = "", seed: int = 0) -> GameState:
    """The state at the start of the day, in the first scene: `Story.start`. (A thin wrapper kept for the
    authoring tools and the tests; the play layer and the faces go through `Story`.)"""
    return Story.of(scenario).start(player=player, seed=seed)


def current_scene(scenario: Scenario, state: GameState) -> Scene:
    """The scene the state is in: `Story.scene` (a thin wrapper for the authoring tools and the tests)."""
    return index(scenario).scenes[state.scene]


def choice_key(scene: Scene, position: int, choice: Choice) -> Key:
    """The key of a scene's choice (at `position`, from 0): `Key.of_choice`."""
    return Key.of_choice(scene, position, choice)


def question_key(scene: Scene, question: Question) -> Key:
    """The key of a scene's question: `Key.of_question`."""
    return Key.of_question(scene, question)


def _question_minutes(scenario: Scenario, scene: Scene, question: Question) -> int:
    if question.minutes is not None:
        return question.minutes
    if scene.questions and scene.questions.minutes is not None:
        return scene.questions.minutes
    return scenario.clock.minutes_per_action


def _choice_minutes(scenario: Scenario, choice: Choice) -> int:
    return scenario.clock.minutes_per_action if choice.minutes is None else choice.minutes


def questions_left(scene: Scene, state: GameState) -> int | None:
    """How many more questions the player may put here (None: no limit)."""
    if not scene.questions or scene.questions.limit is None:
        return None
    asked = sum(1 for q in scene.questions.asked if question_key(scene, q) in state.taken)
    return max(scene.questions.limit - asked, 0)


def options(scenario: Scenario, state: GameState) -> list[Option]:
    """What the player can do now: `Story.options`. (A thin wrapper kept for the authoring tools and the
    tests; the play layer and the faces go through `Story`.)"""
    return Story.of(scenario).options(state)


def _as_now(scenario: Scenario, state: GameState, option: Option, item: Question | Choice) -> Option:
    """An option with its label and minutes as they are in this state."""
    if isinstance(item, Question):
        return Option(option.key, say(scenario, state, item.ask), option.kind, option.minutes, option.to)
    return Option(option.key, say(scenario, state, item.label), option.kind,
                  _minutes_now(scenario, state, item, option.minutes), option.to)


def _minutes_now(scenario: Scenario, state: GameState, choice: Choice, minutes: int) -> int:
    return max(_minutes(choice.until) - state.time, 0) if choice.until else minutes


def _offered(menu: Menu, state: GameState) -> list[Option]:
    taken = state.taken
    offered: list[Option] = []
    if menu.questions and (menu.limit is None
                           or sum(1 for option, _ in menu.questions if option.key in taken) < menu.limit):
        for option, question in menu.questions:
            if option.key not in taken and (question.when is None or holds(question.when, state)):
                offered.append(option)
    fallbacks: list[Option] = []
    for option, choice in menu.choices:
        if (choice.once and option.key in taken) or (choice.when is not None and not holds(choice.when, state)):
            continue
        (fallbacks if choice.fallback else offered).append(option)
    return offered or fallbacks


def _on_offer(scenario: Scenario, state: GameState, menu: Menu, option: Option, item: Question | Choice) -> bool:
    """Whether `options` would offer this option now, without listing every option (unless it is a
    fallback, which is on offer only when nothing else is)."""
    if isinstance(item, Question):
        return (option.key not in state.taken and holds(item.when, state)
                and (menu.limit is None or sum(1 for o, _ in menu.questions if o.key in state.taken) < menu.limit))
    if (item.once and option.key in state.taken) or not holds(item.when, state):
        return False
    return not item.fallback or any(offered.key == option.key for offered in Story.of(scenario).options(state))


def chances(scenario: Scenario, state: GameState, key: Key) -> list[tuple[str, int]]:
    """The outcomes the world may draw when the option with this key is taken, as (id, weight); an empty
    list when it has none. The walker branches on each (`choose(..., luck=ID)`)."""
    menu = index(scenario).menus.get(state.scene)
    entry = menu.by_key.get(key) if menu else None
    if entry is None or isinstance(entry[1], Question):
        return []
    return [(outcome.id, outcome.weight) for outcome in entry[1].chance]


def draw(state: GameState, key: Key, outcomes: list[Chance]) -> Chance:
    """The outcome the world draws: a pure function of the seed, how many steps were taken, and the option,
    so a game replays the same and two games with different seeds differ."""
    pick = random.Random(f"{state.seed}/{len(state.history)}/{key.text}")
    return pick.choices(outcomes, weights=[outcome.weight for outcome in outcomes])[0]


def choose(scenario: Scenario, state: GameState, key: Key, luck: str | None = None) -> GameState:
    """The state after taking the option with this key: `Story.choose`. (A thin wrapper kept for the
    authoring tools and the tests; the play layer and the faces go through `Story`.)"""
    return Story.of(scenario).choose(state, key, luck)


def _joined(first: str, second: str) -> str:
    return f"{first.strip()}\n\n{second.strip()}" if first and second else first or second


def _timed_events(scenario: Scenario, state: GameState) -> GameState:
    """The state after every timed event whose time has come: each fires once, where the player is."""
    if not scenario.events:
        return state
    for at, event in index(scenario).events:
        if state.ending or state.at_desk or at > state.time:
            break
        if event.id in state.fired:
            continue
        state = _evolve(state, fired=(*state.fired, event.id))
        if not holds(event.when, state):
            continue
        state = apply_effects(state, event)
        state = _evolve(state, response=_joined(state.response or "", say(scenario, state, event.text)) or None)
        if event.goto:
            state = _enter(scenario, state, event.goto)
    return state


@dataclass(frozen=True)
class Successor:
    """One way the game can go on from a state: an option the player takes, and (for a choice with
    `chance:` outcomes) the outcome the world gives, with its weight out of the total."""

    option: Option
    luck: str | None
    weight: int
    total: int
    state: GameState
    events: tuple[str, ...] = ()
    """The timed events whose time came during the step (fired, whether or not their condition held)."""


def successors(scenario: Scenario, state: GameState) -> list[Successor]:
    """Every state one step on from a reporting state: each option on offer, and for a choice with chance
    outcomes each outcome the world may give. Timed events are already applied in each state. (At the
    story desk the ways on are `file_story` and `leave_desk`; an ending has none.)"""
    found: list[Successor] = []
    before = len(state.fired)
    for option in options(scenario, state):
        outcomes: list[tuple[str | None, int]] = [*chances(scenario, state, option.key)] or [(None, 1)]
        total = sum(weight for _, weight in outcomes)
        for luck, weight in outcomes:
            after = choose(scenario, state, option.key) if luck is None else choose(scenario, state, option.key, luck)
            found.append(Successor(option, luck, weight, total, after, after.fired[before:]))
    return found


def leave_desk(state: GameState) -> GameState:
    """Back to reporting from the story desk, without filing."""
    return _evolve(state, at_desk=False)


# --- filing and endings --------------------------------------------------------------------------

def words_in(text: str) -> int:
    """Words in a story, as the desk counts them (runs of characters between spaces)."""
    return len(text.split())


def writing_minutes(scenario: Scenario, words: int = 0) -> int:
    """Game minutes that finishing and sending a story of this many words takes."""
    if scenario.filing is None:
        return 0
    per_100 = scenario.filing.minutes_per_100_words
    by_length = -(-words * per_100 // 100) if per_100 else 0  # rounded up: 101 words cost two hundreds' worth
    return max(scenario.filing.writing_minutes, by_length)


def filing_time(scenario: Scenario, state: GameState, words: int = 0) -> int:
    """The clock when a story of this many words, finished now, would be filed: the "file by" time."""
    return state.time + writing_minutes(scenario, words)


def write_for(scenario: Scenario, state: GameState, real_seconds: float) -> GameState:
    """The state after the player has spent this long at the desk: the clock runs at the desk's rate."""
    rate = scenario.filing.desk_clock_rate if scenario.filing else 0
    passed = int(real_seconds * rate // 60)
    return _evolve(state, time=state.time + passed) if passed > 0 else state


def is_late(scenario: Scenario, minutes: int) -> bool:
    return minutes > index(scenario).deadline


def ending_for(scenario: Scenario, state: GameState, score: int, error_dimensions: Set[str],
               filed_at: int, carried: Set[str] = frozenset(), quoted: Set[str] = frozenset()) -> str:
    """Which ending a filed story leads to: the first outcome whose tests all hold.

    `carried` is the fact ids the editor found the story carrying, `quoted` the person ids it quoted
    (the grader's report gives both); outcomes with `carried`, `omitted` or `quoted` test them.
    """
    if scenario.filing is None:
        raise ValueError("this scenario has no filing section")
    late = is_late(scenario, filed_at)
    for outcome in scenario.filing.outcomes:
        if outcome.late is not None and outcome.late != late:
            continue
        if outcome.min_score is not None and score < outcome.min_score:
            continue
        if outcome.max_score is not None and score > outcome.max_score:
            continue
        if outcome.errors_in and error_dimensions.isdisjoint(outcome.errors_in):
            continue
        if not set(outcome.carried) <= carried or not carried.isdisjoint(outcome.omitted):
            continue
        if not set(outcome.quoted) <= quoted:
            continue
        if not holds(outcome.when, state):
            continue
        return outcome.ending
    return scenario.filing.outcomes[-1].ending


def file_story(scenario: Scenario, state: GameState, score: int,
               error_dimensions: Set[str] = frozenset(), words: int = 0, carried: Set[str] = frozenset(),
               quoted: Set[str] = frozenset()) -> GameState:
    """The state after filing: `Story.file`. (A thin wrapper kept for the authoring tools and the tests;
    the play layer goes through `Story`.)"""
    return Story.of(scenario).file(state, score, error_dimensions, words, carried, quoted)


# --- reading the state ---------------------------------------------------------------------------

def fact_status(scenario: Scenario, state: GameState, fact: Fact) -> str:
    if fact.id in state.verified:
        return "disproved" if fact.accurate is False else "verified"
    return fact.status


def notebook(scenario: Scenario, state: GameState) -> Notebook:
    """The quotes and facts gathered so far, with speakers and statuses."""
    lookup = index(scenario)
    quotes = tuple(NotebookQuote(lookup.quotes[q], lookup.people[lookup.quotes[q].speaker])
                   for q in state.quotes)
    facts = tuple(
        NotebookFact(lookup.facts[f], fact_status(scenario, state, lookup.facts[f]),
                     lookup.people.get(lookup.facts[f].claimed_by or ""))
        for f in state.facts)
    return Notebook(quotes, facts)


def scene_text(scenario: Scenario, state: GameState) -> str:
    """The current scene's text with the paragraphs whose conditions hold, templates filled in."""
    scene = current_scene(scenario, state)
    extra = [say(scenario, state, variant.text) for variant in scene.extra if holds(variant.when, state)]
    return "\n\n".join(part for part in [say(scenario, state, scene.text), *extra] if part)


def prompt_text(scenario: Scenario, state: GameState) -> str:
    """The current scene's question prompt as the player reads it now ("" when it has none)."""
    questions = current_scene(scenario, state).questions
    return say(scenario, state, questions.prompt) if questions else ""


def say(scenario: Scenario, state: GameState, words: str | list[Variant] | None) -> str:
    """A text as the player reads it in this state: the first wording whose `when` holds, with its
    templates filled in ("" when there is none). Plain text: the interface escapes it for display."""
    if words is None:
        return ""
    if isinstance(words, str) and "{" not in words and "}" not in words:
        return words.strip()  # the common case: plain text, nothing to fill in
    if not isinstance(words, str):
        words = next((variant.text for variant in words if holds(variant.when, state)), "")
    return templates.render(words, lambda name: template_value(scenario, state, name)).strip()


def template_value(scenario: Scenario, state: GameState, name: str) -> str:
    """What one template name shows in a state (KeyError for a name the format does not know)."""
    if name == "player":
        return state.player or templates.NO_NAME
    if name == "clock":
        return clock_text(state.time)
    if name == "day":
        return str(state.time // DAY + 1)
    if name == "deadline":
        return scenario.clock.deadline
    if name == "minutes_left":
        return str(max(time_left(scenario, state), 0))
    kind, _, ident = name.partition(".")
    if kind == "counter" and ident in scenario.counters:
        return str(state.counter(ident))
    if kind == "person":
        return index(scenario).people[ident].name
    raise KeyError(name)


def time_left(scenario: Scenario, state: GameState) -> int:
    """Minutes to the deadline (negative once it has passed)."""
    return index(scenario).deadline - state.time


def clock(state: GameState) -> str:
    return clock_text(state.time)


def debrief(scenario: Scenario, state: GameState) -> list[tuple[str | None, str]]:
    """The teaching notes for this playthrough: (principle, text) for choices made and notes that hold."""
    notes: list[tuple[str | None, str]] = []
    taken = set(state.taken)
    for scene in scenario.scenes:
        for position, choice in enumerate(scene.choices):
            if choice.debrief and choice_key(scene, position, choice) in taken:
                notes.append((None, choice.debrief))
        for question in scene.questions.asked if scene.questions else []:
            if question.debrief and question_key(scene, question) in taken:
                notes.append((None, question.debrief))
    note: DebriefNote
    for note in scenario.debrief:
        if holds(note.when, state):
            notes.append((note.principle, note.text))
    return notes


# --- the compiled story --------------------------------------------------------------------------

_STORIES: dict[int, Story] = {}


@dataclass(frozen=True, eq=False)
class Story:
    """A scenario compiled for play, made once (`Story.of`, cached like `index`): the scenario and its
    lookups, and the rules as methods on a frozen `GameState` — `start`, `scene`, `options`, `choose`,
    `file`. The play layer, the faces and the classroom play through it; the loose functions above
    (`new_game`, `options`, `choose`, `file_story`, ...) are thin wrappers over it for the authoring tools
    and the tests."""

    scenario: Scenario
    index: Index

    @classmethod
    def of(cls, scenario: Scenario) -> Story:
        """The compiled story of a scenario (cached: scenarios are immutable)."""
        found = _STORIES.get(id(scenario))
        if found is None or found.scenario is not scenario:
            found = _STORIES[id(scenario)] = cls(scenario, index(scenario))
        return found

    @property
    def deadline(self) -> int:
        """The deadline, in minutes since the first midnight."""
        return self.index.deadline

    def start(self, *, player: str = "", seed: int = 0) -> GameState:
        """The state at the start of the day, in the first scene.

        `player` is the name `{player}` shows; `seed` decides the world's draws (give each new game its
        own, e.g. `random.randrange(2**31)`, for luck that differs between games; the same seed replays
        the same)."""
        scenario = self.scenario
        state = GameState(
            scenario=scenario.id, version=scenario.version, scene=scenario.start_scene,
            time=minutes_of(scenario.clock.start),
            counters=tuple(sorted(scenario.counters.items())), player=player, seed=seed,
        )
        return _enter(scenario, state, scenario.start_scene)

    def scene(self, state: GameState) -> Scene:
        """The scene the state is in."""
        return self.index.scenes[state.scene]

    def options(self, state: GameState) -> list[Option]:
        """What the player can do now, in the order the scene lists it (questions first), with labels as
        the player reads them now (templates filled in, wordings chosen)."""
        if state.ending or state.at_desk:
            return []
        menu = self.index.menus[state.scene]
        offered = _offered(menu, state)
        if not menu.changing:
            return offered
        return [_as_now(self.scenario, state, option, menu.by_key[option.key][1]) if option.key in menu.changing
                else option for option in offered]

    def choose(self, state: GameState, key: Key, luck: str | None = None) -> GameState:
        """The state after taking the option with this key, and after any timed event whose time that
        step reaches. Raises InvalidChoice if it is not on offer.

        For a choice with `chance:` outcomes, `luck` names the outcome the world gives (the playtester
        tries each); without it the outcome is drawn from the state's seed (`draw`).
        """
        scenario = self.scenario
        menu = self.index.menus[state.scene] if not (state.ending or state.at_desk) else None
        entry = menu.by_key.get(key) if menu else None
        if entry is None or not _on_offer(scenario, state, menu, *entry):  # type: ignore[arg-type]
            raise InvalidChoice(f"'{key}' is not on offer in scene '{state.scene}'")
        option, item = entry
        if menu and key in menu.changing:
            option = _as_now(scenario, state, option, item)
        outcome: Chance | None = None
        if isinstance(item, Choice) and item.chance:
            outcome = (draw(state, key, item.chance) if luck is None
                       else next((o for o in item.chance if o.id == luck), None))
            if outcome is None:
                raise InvalidChoice(f"'{key}' has no chance outcome '{luck}'")
        elif luck is not None:
            raise InvalidChoice(f"'{key}' has no chance outcomes")
        step = Step(state.scene, key, option.label, state.time, outcome.id if outcome else None)
        taken = state.taken if key in state.taken else (*state.taken, key)
        state = _evolve(state, time=state.time + option.minutes, history=(*state.history, step),
                        taken=taken, gathered=(), response=None)
        if isinstance(item, Question):
            state = apply_effects(state, item)
            return _timed_events(scenario, _evolve(state, response=say(scenario, state, item.answer) or None))
        state = apply_effects(state, item)
        response = say(scenario, state, item.response)
        goto = item.goto
        if outcome is not None:
            state = apply_effects(state, outcome)
            response = _joined(response, say(scenario, state, outcome.text))
            goto = outcome.goto or goto
        state = _evolve(state, response=response or None, at_desk=item.file or state.at_desk)
        if goto and not item.file:
            state = _enter(scenario, state, goto)
        return _timed_events(scenario, state)

    def leave_desk(self, state: GameState) -> GameState:
        """Back to reporting from the story desk, without filing."""
        return leave_desk(state)

    def file(self, state: GameState, score: int, error_dimensions: Set[str] = frozenset(), words: int = 0,
             carried: Set[str] = frozenset(), quoted: Set[str] = frozenset()) -> GameState:
        """The state after filing: the clock moves on by the writing time and the outcome's ending is
        reached. (`carried` and `quoted`: as for `ending_for`.)"""
        scenario = self.scenario
        filed_at = filing_time(scenario, state, words)
        ending = ending_for(scenario, state, score, error_dimensions, filed_at, carried, quoted)
        state = _evolve(state, time=filed_at, filed_at=filed_at, at_desk=False, gathered=(), response=None)
        return _enter(scenario, state, ending)

    # reading the state, as the play layer's presenters do

    def filing_time(self, state: GameState, words: int = 0) -> int:
        """The clock when a story of this many words, finished now, would be filed."""
        return filing_time(self.scenario, state, words)

    def writing_minutes(self, words: int = 0) -> int:
        return writing_minutes(self.scenario, words)

    def time_left(self, state: GameState) -> int:
        """Minutes to the deadline (negative once it has passed)."""
        return self.index.deadline - state.time

    def questions_left(self, state: GameState) -> int | None:
        """How many more questions the player may put in the state's scene (None: no limit)."""
        return questions_left(self.scene(state), state)

    def notebook(self, state: GameState) -> Notebook:
        return notebook(self.scenario, state)

    def fact_status(self, state: GameState, fact: Fact) -> str:
        return fact_status(self.scenario, state, fact)

    def text(self, state: GameState) -> str:
        """The current scene's text as the player reads it now (`scene_text`)."""
        return scene_text(self.scenario, state)

    def prompt(self, state: GameState) -> str:
        """The current scene's question prompt as the player reads it now (`prompt_text`)."""
        return prompt_text(self.scenario, state)

    def debrief(self, state: GameState) -> list[tuple[str | None, str]]:
        return debrief(self.scenario, state)
