"""The scenario format: what a scenario file may hold, declared once.

These models are the single source of truth for the format. The loader validates YAML against them,
`newsroom schema` turns them into JSON Schema (field docstrings become descriptions), and the engine
reads them. Cross-references between parts (a goto naming a scene, a quote naming its speaker) are
checked in a second pass, in `game.references`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FORMAT_VERSION = 1

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=80)]
"""An identifier: letters, digits, `-` and `_`, starting with a letter or digit."""

Time = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day on the 24-hour clock, written "HH:MM" (quoted or not: it is always read as text)."""

Minutes = Annotated[int, Field(ge=0, le=24 * 60)]
Text = Annotated[str, Field(min_length=1)]

Dimension = Literal[
    "accuracy", "quotes", "attribution", "verification",
    "balance", "news_judgement", "completeness", "deadline",
]
"""The rubric's dimensions, in the order the editor reports them."""

DIMENSIONS: tuple[str, ...] = Dimension.__args__  # type: ignore[attr-defined]


class Model(BaseModel):
    """Every part of a scenario: unknown keys are errors, and values are never coerced."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True,
        populate_by_name=True,
    )


def _empty(kind: type[list[Any]] | type[dict[Any, Any]]) -> Any:
    """An empty list or mapping as a field's default, made fresh for each model. (A literal `[]` default
    is deep-copied by pydantic on every validation: half the time of validating a large scenario.)"""
    return Field(default_factory=kind, json_schema_extra={"default": kind()})


def minutes_of(time: str) -> int:
    """Minutes since midnight of an "HH:MM" time."""
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)


def clock_text(minutes: int) -> str:
    """An "HH:MM" time from minutes since midnight (past midnight wraps to the next day's clock)."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- conditions ---------------------------------------------------------------------------------

CONDITION_KINDS = (
    "all", "any", "not", "flag", "has_quote", "knows", "verified", "visited", "asked",
    "before", "after", "counter",
)
COMPARISONS = ("at_least", "at_most", "equals")


class Condition(Model):
    """A test on the game state, written as data. Exactly one kind per condition; combine with all/any/not.

    Examples: `{flag: met-fixer}`, `{not: {knows: rumour-ceremony}}`, `{before: "12:30"}`,
    `{counter: goodwill, at_least: 2}`, `{all: [{has_quote: trump-walk}, {after: "14:00"}]}`.
    """

    all: list[Condition] | None = None
    """Holds when every condition in the list holds."""
    any: list[Condition] | None = None
    """Holds when at least one condition in the list holds."""
    not_: Condition | None = Field(default=None, alias="not")
    """Holds when the condition inside does not."""
    flag: Id | None = None
    """Holds when this flag has been set (see the top-level `flags`)."""
    has_quote: Id | None = None
    """Holds when this quote is in the notebook."""
    knows: Id | None = None
    """Holds when this fact is in the notebook."""
    verified: Id | None = None
    """Holds when this fact has been checked (a `verify` effect)."""
    visited: Id | None = None
    """Holds when the player has been to this scene."""
    asked: Id | None = None
    """Holds when this question has been put."""
    before: Time | None = None
    """Holds while the clock reads earlier than this time."""
    after: Time | None = None
    """Holds once the clock reads this time or later."""
    counter: Id | None = None
    """Compare this counter (see the top-level `counters`) with `at_least`, `at_most` or `equals`."""
    at_least: int | None = None
    """With `counter`: holds when the counter is this number or more."""
    at_most: int | None = None
    """With `counter`: holds when the counter is this number or less."""
    equals: int | None = None
    """With `counter`: holds when the counter is exactly this number."""

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [kind for kind in CONDITION_KINDS if self.part(kind) is not None]
        comparisons = [name for name in COMPARISONS if getattr(self, name) is not None]
        if len(kinds) != 1:
            found = ", ".join(kinds) if kinds else "none"
            raise ValueError(
                f"a condition needs exactly one of {', '.join(CONDITION_KINDS)} (found: {found}); "
                "combine several with all/any"
            )
        if kinds == ["counter"] and len(comparisons) != 1:
            raise ValueError("a counter condition needs exactly one of at_least, at_most, equals")
        if kinds != ["counter"] and comparisons:
            raise ValueError(f"{comparisons[0]} only goes with counter")
        return self

    def part(self, kind: str) -> object:
        """The value of one kind of test ("not" included), or None."""
        return self.not_ if kind == "not" else getattr(self, kind)

    @cached_property
    def kind(self) -> str:
        """Which kind of test this is (worked out once: the engine asks on every step)."""
        return next(kind for kind in CONDITION_KINDS if self.part(kind) is not None)


# --- people, sources, quotes, facts --------------------------------------------------------------

class Source(Model):
    """A record the scenario rests on: every real person's quote and every fact points to one."""

    id: Id
    """How quotes and facts refer to this source."""
    title: Text
    """The record's title or headline."""
    outlet: Text
    """Who published it."""
    date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    """Publication date, "YYYY-MM-DD"."""
    where: Text
    """Where to find it: an address, an archive reference or a file path."""
    note: str | None = None
    """Anything a teacher should know about the record."""


class Person(Model):
    """Someone in the scenario: a real person (who speaks only words from the record) or a fictional one."""

    id: Id
    """How quotes, facts and filing refer to this person."""
    name: Text
    """Full name as the notebook shows it."""
    role: Text
    """Job or relation to the story, e.g. "President of the United States", "your editor"."""
    real: bool
    """True for a real person. Their quotes must come word for word from a source record."""
    names: list[Text] = _empty(list)
    """Other names a story may use for them ("Trump", "the president"). The full name always counts."""
    note: str | None = None
    """Guidance for writing about this person (sensitivities, what the record does and doesn't say)."""


QuoteKind = Literal["on_record", "statement", "social_post", "second_hand"]


class Quote(Model):
    """Words someone said or wrote. A real person's words must match the source record exactly."""

    id: Id
    """How effects and conditions refer to this quote."""
    speaker: Id
    """The person (id) whose words these are."""
    text: Text
    """The exact words, without surrounding quotation marks."""
    context: Text
    """Where, to whom, and in answer to what the words were said."""
    kind: QuoteKind
    """on_record (said openly to reporters), statement (written), social_post, second_hand (relayed)."""
    time: Time | None = None
    """When it was said, if known."""
    source: Id | None = None
    """The source record (id) holding these words. Required for real people when there are several sources."""
    heard_from: Id | None = None
    """For second_hand quotes: the person (id) who passed the words on."""


class Proposition(Model):
    """One way a sentence asserts a fact: who or what it is about, and what happened to them.

    The grader reads each sentence for it by lemma, so a sense matches in any inflection ("cancel" matches
    "cancelled", "was canceled", "cancelling"), and it reads how the sentence puts it: negated ("was not
    cancelled"), hedged ("unconfirmed", "denied", in the sentence or the next), attributed ("Trump said").
    """

    about: list[Text] = Field(min_length=1)
    """Who or what the fact is about: any one of these words or phrases ("signing", "ceremony")."""
    happened: list[Text] = Field(min_length=1)
    """What happened: any one of these ("cancel", "call off", "scrap"), within a few words of an `about`."""
    with_: list[Text] = Field(default_factory=list, alias="with", json_schema_extra={"default": []})
    """Words of which one must also be in the sentence, anywhere ("sanctions"). Optional."""
    negative: bool = False
    """The fact is that this did NOT happen ("Kim did not know"): a sentence asserts the fact by negating it."""
    within: Annotated[int, Field(ge=1, le=30)] | None = None
    """The most words between the `about` and `happened` senses (default 8)."""


class CoreValue(Model):
    """Something the record fixes about the story (where, when, how long, who): a story that says otherwise
    in its own voice is wrong."""

    about: list[Text] = Field(min_length=1)
    """What the value is of: any one of these ("summit", "talks")."""
    right: list[Text] = Field(min_length=1)
    """The right values, as a story may write them ("Hanoi", "Vietnam"; "two-day", "two days")."""
    wrong: list[Text] = Field(min_length=1)
    """Values a story might wrongly give in their place ("Singapore", "Da Nang"; "three-day")."""
    dateline: bool = False
    """The value is the place: a dateline ("SEOUL -") that is not one of `right` is wrong too."""


FactStatus = Literal["confirmed", "claim", "rumour"]


class Fact(Model):
    """Something a story may state. Confirmed facts can be stated plainly; claims need attribution;
    rumours need checking."""

    id: Id
    """How effects, conditions and filing refer to this fact."""
    statement: Text
    """The fact in one plain sentence, as the notebook shows it."""
    status: FactStatus
    """confirmed (the record establishes it), claim (someone says so: see claimed_by), rumour (unverified talk)."""
    claimed_by: Id | None = None
    """Whose claim or rumour it is (person id). Required for claims."""
    accurate: bool | None = None
    """For claims and rumours: whether checking shows it to be true. Leave out when the record does not say."""
    excerpt: str | None = None
    """Words from the source record that support the fact, quoted exactly."""
    source: Id | None = None
    """The source record (id) the excerpt comes from."""
    wording: list[Text] = _empty(list)
    """Phrases a story may use to state this fact; the grader looks for them (case does not matter)."""
    contradictions: list[Text] = _empty(list)
    """Phrases that would state the opposite of this fact; a story using one is inaccurate."""
    check: str | None = None
    """What checking this fact reveals, shown in the notebook once it is verified."""
    asserts: list[Proposition] = _empty(list)
    """Propositions a sentence may assert to state this fact, read by lemma with negation and hedging."""
    opposes: list[Proposition] = _empty(list)
    """Propositions that state the opposite of this fact ("a deal was signed" for "no deal")."""
    fixes: list[CoreValue] = _empty(list)
    """What the record fixes (where, how long...): a story's own voice may not say otherwise."""

    @model_validator(mode="after")
    def _claims_have_owners(self) -> Fact:
        if self.status == "claim" and self.claimed_by is None:
            raise ValueError("a claim needs claimed_by: the person (id) whose claim it is")
        return self


# --- scenes, choices, questions ------------------------------------------------------------------

class Effects(Model):
    """What happens to the game state: shared by choices, questions and arriving in a scene."""

    gather: list[Id] = _empty(list)
    """Quotes (ids) written into the notebook."""
    learn: list[Id] = _empty(list)
    """Facts (ids) written into the notebook."""
    verify: list[Id] = _empty(list)
    """Facts (ids) checked: they enter the notebook marked as verified (or disproved, if not accurate)."""
    set: list[Id] = _empty(list)
    """Flags to set (declared in the top-level `flags`)."""
    clear: list[Id] = _empty(list)
    """Flags to clear."""
    change: dict[Id, int] = _empty(dict)
    """Counters to change, by how much: `{goodwill: 1, battery: -10}`."""


class Choice(Effects):
    """An option the player can pick in a scene."""

    label: Text
    """What the player sees, e.g. "Head for the Metropole hotel"."""
    id: Id | None = None
    """An optional name, so saves and routes survive reordering the choices."""
    when: Condition | None = None
    """Offer the choice only while this condition holds."""
    goto: Id | None = None
    """The scene (id) it leads to. Leave out to stay in this scene."""
    minutes: Minutes | None = None
    """Game minutes it takes (default: the clock's minutes_per_action)."""
    once: bool = False
    """Offer it only until it is taken once. Otherwise the choice is sticky and stays on offer."""
    fallback: bool = False
    """Offer it only when no other choice or question in the scene is available."""
    file: bool = False
    """Taking it sends the player to the story desk to write and file (see `filing`)."""
    response: str | None = None
    """Text shown after taking it, before the next scene."""
    debrief: str | None = None
    """A teaching note for the editor's review when the player took this choice."""


class Question(Effects):
    """A question the player may put at an interview or press conference."""

    id: Id
    """How conditions refer to the question (`asked: ID`). Unique across the scenario."""
    ask: Text
    """The question as the player puts it."""
    to: Id | None = None
    """The person (id) it is put to."""
    answer: str | None = None
    """What the player sees in reply: narration around the quotes it gathers."""
    when: Condition | None = None
    """Offer the question only while this condition holds."""
    minutes: Minutes | None = None
    """Game minutes it takes (default: the block's minutes, then the clock's minutes_per_action)."""
    debrief: str | None = None
    """A teaching note for the editor's review when the player asked this."""


class Questions(Model):
    """A set of questions the player chooses from in one scene; each can be asked once."""

    items: list[Question] = Field(min_length=1)
    """The questions on offer."""
    limit: Annotated[int, Field(ge=1)] | None = None
    """How many the player may ask in all (default: every one)."""
    minutes: Minutes | None = None
    """Game minutes each question takes (default: the clock's minutes_per_action)."""
    prompt: str | None = None
    """Shown above the questions, e.g. "The press secretary points at you."."""


class TextVariant(Model):
    """A paragraph added to a scene's text while its condition holds."""

    when: Condition
    """When to show the paragraph."""
    text: Text
    """The paragraph."""


Tone = Literal["great", "good", "mixed", "poor", "bad"]


class Ending(Model):
    """Marks a scene as an ending: the game stops there."""

    title: Text
    """The ending's name, e.g. "Front page"."""
    tone: Tone
    """How well things went: great, good, mixed, poor or bad."""


class Scene(Effects):
    """A moment and place in the day, with text and choices. Effects apply each time the player arrives."""

    id: Id
    """How gotos and conditions refer to the scene."""
    text: Text
    """What the player reads: present tense, second person, your own words."""
    title: str | None = None
    """A short heading, e.g. "Morning briefing"."""
    place: str | None = None
    """Where the scene happens, shown in the header."""
    extra: list[TextVariant] = _empty(list)
    """Paragraphs shown after the text only while their conditions hold."""
    choices: list[Choice] = _empty(list)
    """What the player can do here."""
    questions: Questions | None = None
    """Questions the player can put here (an interview or press conference)."""
    ending: Ending | None = None
    """Makes this scene an ending."""


# --- clock, filing, debrief ----------------------------------------------------------------------

class Clock(Model):
    """The day's clock: every action costs game minutes."""

    start: Time
    """When the game begins."""
    deadline: Time
    """When the story is due."""
    minutes_per_action: Minutes = 10
    """What a choice costs when it does not say."""

    @model_validator(mode="after")
    def _deadline_after_start(self) -> Clock:
        if minutes_of(self.deadline) <= minutes_of(self.start):
            raise ValueError("the deadline must come after the start")
        return self


class KeyFact(Model):
    """A fact a good story carries, and how much it counts."""

    fact: Id
    """The fact (id)."""
    weight: Annotated[int, Field(ge=1, le=10)] = 1
    """Its weight in the completeness score. The heaviest key fact is the one the lede should carry."""


class Side(Model):
    """A side of the story that should be heard."""

    label: Text
    """What to call the side, e.g. "North Korea"."""
    people: list[Id] = Field(min_length=1)
    """People (ids) whose words or claims speak for this side."""


class Outcome(Model):
    """Which ending follows a filed story. The first outcome whose tests all hold wins."""

    ending: Id
    """The ending scene (id)."""
    late: bool | None = None
    """Holds when the story was filed after the deadline (true) or on time (false)."""
    min_score: Annotated[int, Field(ge=0, le=100)] | None = None
    """Holds when the editor's overall score is at least this."""
    max_score: Annotated[int, Field(ge=0, le=100)] | None = None
    """Holds when the editor's overall score is at most this."""
    errors_in: list[Dimension] = _empty(list)
    """Holds when the editor found an error in any of these dimensions."""
    when: Condition | None = None
    """Holds when this condition on the game state holds."""

    @property
    def unconditional(self) -> bool:
        return (self.late is None and self.min_score is None and self.max_score is None
                and not self.errors_in and self.when is None)


class Filing(Model):
    """The story desk: what the editor asks for and how the filed story leads to an ending."""

    brief: Text
    """What the desk asks for, shown above the story editor."""
    outcomes: list[Outcome] = Field(min_length=1)
    """Endings by outcome, tried in order; the last should have no tests, as the default."""
    key_facts: list[KeyFact] = _empty(list)
    """The facts the grader looks for."""
    balance: list[Side] = _empty(list)
    """The sides a balanced story hears from."""
    min_words: Annotated[int, Field(ge=0)] = 0
    """The shortest story the desk accepts."""
    max_words: Annotated[int, Field(ge=1)] | None = None
    """The longest story the desk wants."""
    writing_minutes: Minutes = 0
    """Game minutes that writing the story takes: the clock at filing is the clock then plus these."""


class DebriefNote(Model):
    """A teaching note for the editor's review, shown when its condition holds."""

    text: Text
    """The note."""
    when: Condition | None = None
    """Show it only when this holds at the end of the game."""
    principle: str | None = None
    """The reporting principle it teaches, e.g. "Attribute one-sided claims"."""


# --- the scenario --------------------------------------------------------------------------------

class Scenario(Model):
    """A scenario: one reporter's day, written in YAML."""

    format: Literal[1]
    """The version of this format the file is written in (1)."""
    id: Id
    """The scenario's name in saves and reports; change it and old saves no longer load."""
    version: Text
    """The scenario's own version, e.g. "1.0" (quoted: it is text)."""
    title: Text
    """Shown on the title screen."""
    summary: Text
    """A paragraph for the title screen."""
    authors: list[Text] = Field(min_length=1)
    """Who wrote the scenario."""
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"
    """The language of its text, as a language tag ("en", "en-GB", "fr")."""
    objectives: list[Text] = _empty(list)
    """Learning objectives, shown on the title screen and in the teacher's report."""
    sources: list[Source] = Field(min_length=1)
    """The record(s) the scenario rests on."""
    clock: Clock
    """Start time, deadline and the cost of an action."""
    people: list[Person] = Field(min_length=1)
    """Everyone who appears or is quoted."""
    quotes: list[Quote] = _empty(list)
    """Every quote the player can gather."""
    facts: list[Fact] = _empty(list)
    """Every fact, claim and rumour the player can learn."""
    flags: list[Id] = _empty(list)
    """Names of the flags choices may set and conditions test; they start unset."""
    counters: dict[Id, int] = _empty(dict)
    """Names of the counters and their starting values."""
    start: Id | None = None
    """The first scene (id). Default: the first scene listed."""
    scenes: list[Scene] = Field(min_length=1)
    """The scenes of the day."""
    filing: Filing | None = None
    """The story desk. Required when any choice has `file: true`."""
    debrief: list[DebriefNote] = _empty(list)
    """Teaching notes for the editor's review."""

    @property
    def start_scene(self) -> str:
        return self.start or self.scenes[0].id
