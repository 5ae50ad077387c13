"""The scenario format: what a scenario file may hold, declared once.

These models are the single source of truth for the format. The loader validates YAML against them,
`newsroom schema` turns them into JSON Schema (field docstrings become descriptions), and the engine
reads them. Cross-references between parts (a goto naming a scene, a quote naming its speaker) are
checked in a second pass, in `game.references`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

FORMAT_VERSION = 1

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=80)]
"""An identifier: letters, digits, `-` and `_`, starting with a letter or digit."""

Time = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]( \(day [1-9][0-9]?\))?$")]
"""A time on the 24-hour clock, written "HH:MM" on the first day, or "HH:MM (day N)" on a later one
("00:15 (day 2)": a quarter past midnight, the night after the first day). The clock shows times the same way."""

Minutes = Annotated[int, Field(ge=0, le=24 * 60)]
Text = Annotated[str, Field(min_length=1)]

Dimension = Literal[
    "accuracy", "quotes", "attribution", "verification",
    "balance", "news_judgement", "completeness", "deadline",
]
"""The rubric's dimensions, in the order the editor reports them."""

DIMENSIONS: tuple[str, ...] = Dimension.__args__  # type: ignore[attr-defined]


def dimension_name(dimension: str) -> str:
    """A dimension as a person reads it: "news judgement" for `news_judgement`."""
    return dimension.replace("_", " ")


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


DAY = 24 * 60


def minutes_of(time: str) -> int:
    """Minutes since midnight of the first day, of an "HH:MM" or "HH:MM (day N)" time."""
    clock, _, day = time.partition(" (day ")
    hours, minutes = clock.split(":")
    return (int(day.rstrip(")")) - 1 if day else 0) * DAY + int(hours) * 60 + int(minutes)


def clock_text(minutes: int) -> str:
    """The clock as a player reads it: "HH:MM" on the first day, "00:15 (day 2)" after midnight."""
    day, minutes = divmod(minutes, DAY)
    shown = f"{minutes // 60:02d}:{minutes % 60:02d}"
    return shown if day <= 0 else f"{shown} (day {day + 1})"


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


# --- text that varies: templates and `when:` -----------------------------------------------------

class Variant(Model):
    """One wording of a text a player reads, used while its condition holds. In a list of variants the
    first whose `when` holds is shown; a variant without `when` always holds."""

    when: Condition | None = None
    """Use this wording only while this condition holds."""
    text: str
    """The wording. May hold templates such as `{counter.trust}` or `{clock}` (see docs/authoring.md)."""


def _last_always_holds(variants: list[Variant]) -> list[Variant]:
    if not variants:
        raise ValueError("a list of wordings needs at least one")
    if variants[-1].when is not None:
        raise ValueError("the last wording must have no `when:`: it is what the player reads when no "
                         "other holds")
    return variants


def _words_kind(value: object) -> str:
    return "[wordings]" if isinstance(value, list) else "[text]"


Words = Annotated[
    Annotated[Annotated[str, Field(min_length=1)], Tag("[text]")]
    | Annotated[Annotated[list[Variant], AfterValidator(_last_always_holds)], Tag("[wordings]")],
    Discriminator(_words_kind),
]
"""A text the player always reads: one text, or a list of wordings chosen by `when:` whose last has no
`when:`. Either may hold templates."""

MaybeWords = Annotated[
    Annotated[str, Tag("[text]")] | Annotated[list[Variant], Tag("[wordings]")],
    Discriminator(_words_kind),
]
"""A text the player may read: one text, or a list of wordings chosen by `when:` (when none holds,
nothing is shown). Either may hold templates."""


def wordings(words: str | list[Variant] | None) -> list[tuple[Condition | None, str]]:
    """Every wording of a text, with its condition: for tools that read all text without a game state."""
    if words is None:
        return []
    if isinstance(words, str):
        return [(None, words)]
    return [(variant.when, variant.text) for variant in words]


def plain_words(words: str | list[Variant] | None) -> str:
    """The wording shown when no condition holds (the only one, for a plain text): for tools without a state."""
    if words is None:
        return ""
    if isinstance(words, str):
        return words
    return next((variant.text for variant in words if variant.when is None), words[-1].text if words else "")


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
QUOTE_KIND_NAMES: dict[str, str] = {"on_record": "on the record", "statement": "statement",
                                    "social_post": "social media post", "second_hand": "second hand"}
"""What each kind of quote is called wherever a player or teacher reads it (notebook, plain mode, card)."""


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
    future: bool = False
    """The fact is that this is still to come ("the signing is only delayed"): a sentence that puts an
    `about` sense as yet to happen ("will go ahead", "is now expected tomorrow", "is slated for Friday")
    matches too, with no `happened` sense needed; "was to be", "had been expected" are plans, not this."""


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
    set_to: dict[Id, int] = _empty(dict)
    """Counters to set to a value, whatever they were: `{trust: 0}` (applied after `change`)."""

    @property
    def has_effects(self) -> bool:
        """Whether these effects change anything (most parts have none: tools skip them quickly)."""
        return bool(self.gather or self.learn or self.verify or self.set or self.clear or self.change
                    or self.set_to)


class Chance(Effects):
    """One way the world may answer a choice: the engine draws one by weight (seeded, so a game replays the
    same), and the playtester tries every one."""

    id: Id
    """How routes, saves and conditions name this outcome; unique within its choice."""
    weight: Annotated[int, Field(ge=1, le=1000)] = 1
    """How likely it is against the others: weights 3 and 1 give 3 in 4 and 1 in 4."""
    text: MaybeWords | None = None
    """Shown after the choice's response when this outcome is drawn."""
    goto: Id | None = None
    """The scene (id) this outcome leads to, instead of the choice's own `goto`."""


class Choice(Effects):
    """An option the player can pick in a scene."""

    label: Words
    """What the player sees, e.g. "Head for the Metropole hotel"; or wordings chosen by `when:`."""
    id: Id | None = None
    """An optional name, so saves and routes survive reordering the choices."""
    when: Condition | None = None
    """Offer the choice only while this condition holds."""
    goto: Id | None = None
    """The scene (id) it leads to. Leave out to stay in this scene."""
    minutes: Minutes | None = None
    """Game minutes it takes (default: the clock's minutes_per_action)."""
    until: Time | None = None
    """Wait until this time: the choice takes the minutes left until then (none if it has passed).
    Instead of `minutes`."""
    chance: list[Chance] = _empty(list)
    """Outcomes the world draws from when the choice is taken (a random event): each its own effects,
    text and goto."""
    once: bool = False
    """Offer it only until it is taken once. Otherwise the choice is sticky and stays on offer."""
    fallback: bool = False
    """Offer it only when no other choice or question in the scene is available."""
    file: bool = False
    """Taking it sends the player to the story desk to write and file (see `filing`)."""
    response: MaybeWords | None = None
    """Text shown after taking it, before the next scene."""
    debrief: str | None = None
    """A teaching note for the editor's review when the player took this choice."""

    @model_validator(mode="after")
    def _one_clock_cost(self) -> Choice:
        if self.minutes is not None and self.until is not None:
            raise ValueError("a choice takes either `minutes` or `until`, not both")
        if self.chance and self.file:
            raise ValueError("a filing choice cannot have `chance:` outcomes")
        seen: set[str] = set()
        for outcome in self.chance:
            if outcome.id in seen:
                raise ValueError(f"two chance outcomes are called '{outcome.id}'; each needs its own id")
            seen.add(outcome.id)
        return self


class Question(Effects):
    """A question the player may put at an interview or press conference."""

    id: Id
    """How conditions refer to the question (`asked: ID`). Unique across the scenario."""
    ask: Words
    """The question as the player puts it."""
    to: Id | None = None
    """The person (id) it is put to."""
    answer: MaybeWords | None = None
    """What the player sees in reply: narration around the quotes it gathers."""
    when: Condition | None = None
    """Offer the question only while this condition holds."""
    minutes: Minutes | None = None
    """Game minutes it takes (default: the block's minutes, then the clock's minutes_per_action)."""
    debrief: str | None = None
    """A teaching note for the editor's review when the player asked this."""


class UseQuestion(Model):
    """A question defined once, under the top-level `questions:`, put in this scene too."""

    use: Id
    """The shared question (id)."""


def _question_kind(value: object) -> str:
    return "[use]" if isinstance(value, dict) and "use" in value else "[question]"


QuestionItem = Annotated[
    Annotated[Question, Tag("[question]")] | Annotated[UseQuestion, Tag("[use]")],
    Discriminator(_question_kind),
]


class Questions(Model):
    """A set of questions the player chooses from in one scene; each can be asked once."""

    items: list[QuestionItem] = Field(min_length=1)
    """The questions on offer: each a question, or `{use: ID}` for a shared one (see the top-level
    `questions`). Once the scenario loads, every `use` has been replaced by the question it names."""
    limit: Annotated[int, Field(ge=1)] | None = None
    """How many the player may ask in all (default: every one)."""
    minutes: Minutes | None = None
    """Game minutes each question takes (default: the clock's minutes_per_action)."""
    prompt: MaybeWords | None = None
    """Shown above the questions, e.g. "The press secretary points at you."."""

    @property
    def asked(self) -> list[Question]:
        """The questions, every `use` resolved (as it is once the scenario has loaded)."""
        return [item for item in self.items if isinstance(item, Question)]


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


class Arrival(Effects):
    """Effects that apply on arriving at a scene while a condition holds (or only the first time)."""

    when: Condition | None = None
    """Apply them only when this holds on arrival."""
    first_time: bool = False
    """Apply them only on the first arrival."""


class Scene(Effects):
    """A moment and place in the day, with text and choices. Effects apply each time the player arrives."""

    id: Id
    """How gotos and conditions refer to the scene."""
    text: Words
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
    arrive: list[Arrival] = _empty(list)
    """Effects on arriving, each with its own condition (after the scene's own effects, in order)."""


class Event(Effects):
    """Something that happens at a time wherever the player is: "at 12:00 the motorcades leave"."""

    id: Id
    """How saves and the story map name the event; unique."""
    at: Time
    """When it happens: at the first step that ends at this time or later."""
    when: Condition | None = None
    """It happens only if this holds then; if not, it is passed by for good."""
    text: MaybeWords | None = None
    """What the player reads when it happens (shown after the step that crossed the time)."""
    goto: Id | None = None
    """The scene (id) the player is taken to. Leave out to stay where they are."""


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
    carried: list[Id] = _empty(list)
    """Holds when the filed story carried every one of these facts (ids), as the editor read it."""
    omitted: list[Id] = _empty(list)
    """Holds when the filed story carried none of these facts (ids)."""
    quoted: list[Id] = _empty(list)
    """Holds when the filed story quoted every one of these people (ids)."""

    @property
    def unconditional(self) -> bool:
        return (self.late is None and self.min_score is None and self.max_score is None
                and not self.errors_in and self.when is None and not self.carried and not self.omitted
                and not self.quoted)


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
    """Game minutes that finishing and sending the story takes at least: the clock at filing is the clock
    then plus the writing time (this, or `minutes_per_100_words` for the story as it stands if that is more)."""
    minutes_per_100_words: Minutes = 0
    """Game minutes of writing per hundred words of the story, so a longer story takes longer to file;
    `writing_minutes` is the floor. 0: every story takes `writing_minutes`."""
    desk_clock_rate: Annotated[float, Field(ge=0, le=60)] = 0
    """Game minutes that pass for each real minute the player spends at the story desk, so the deadline is
    felt while writing (1: the game clock keeps real time). 0: the clock stops while the player writes."""


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
    """Learning objectives, shown after play (in the editor's review) and in the teacher's report; also on
    the title screen unless `objectives_before_play` is given."""
    objectives_before_play: list[Text] | None = None
    """What the title screen lists before play, worded so it gives nothing away (not how the day ends).
    Leave out to show `objectives` there; `[]` shows none."""
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
    questions: list[Question] = _empty(list)
    """Questions defined once and put in several scenes with `{use: ID}` in a scene's question items."""
    events: list[Event] = _empty(list)
    """Timed events: what happens at a time wherever the player is."""
    scenes: list[Scene] = Field(min_length=1)
    """The scenes of the day."""
    filing: Filing | None = None
    """The story desk. Required when any choice has `file: true`."""
    debrief: list[DebriefNote] = _empty(list)
    """Teaching notes for the editor's review."""

    @property
    def start_scene(self) -> str:
        return self.start or self.scenes[0].id

    @property
    def title_objectives(self) -> list[str]:
        """The objectives shown before play."""
        return self.objectives if self.objectives_before_play is None else self.objectives_before_play

    @model_validator(mode="after")
    def _resolve_shared_questions(self) -> Scenario:
        """Put each shared question in place of the `{use: ID}` naming it, so the engine and tools see only
        questions. An unknown id stays a `UseQuestion`, reported with its place by `game.references`."""
        shared = {question.id: question for question in self.questions}
        for scene in self.scenes:
            if scene.questions and any(isinstance(item, UseQuestion) for item in scene.questions.items):
                items = [shared.get(item.use, item) if isinstance(item, UseQuestion) else item
                         for item in scene.questions.items]
                object.__setattr__(scene.questions, "items", items)  # frozen: resolved once, at load
        return self
