"""Reading a story for the editor: who is named where (and as speaking or spoken to), where each fact's
phrases fall and how they are put, and the Desk that holds all of it for one grading pass.

The checks (quotes, facts, desk checks) read the story only through a Desk; findings go into Notes by
their rubric code (game.grading.rubric).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from game.grading.assertions import Tokens, asks, tone_of
from game.grading.record import Phrase, Record
from game.grading.report import Finding, Story
from game.grading.rubric import rule
from game.grading.speech import (
    ADDRESSEE_BEFORE,
    CUE_AFTER,
    CUE_BEFORE,
    NEGATORS,
    QUESTIONS,
    SPEECH_NOUNS,
)
from game.grading.text import Reading, Span, words
from game.model import Person


@dataclass(frozen=True)
class Noted:
    finding: Finding
    cost: int = 0
    about: frozenset[str] = frozenset()
    """What the finding is about (fact and quote ids): praise is never given about what an error or warning
    is about (game.grading.score.without_doubtful_praise)."""


@dataclass
class Notes:
    """Findings as a check makes them, each with what it costs its dimension (from the rubric)."""

    items: list[Noted] = field(default_factory=list)

    def add(self, code: str, message: str, span: Span | None = None, detail: str | None = None,
            cost: int | None = None, about: Iterable[str] = ()) -> None:
        """Note a finding of a kind in the rubric; `cost` overrides the rubric's for this one, `about` names
        the facts or quotes it concerns."""
        found = rule(code)
        self.items.append(Noted(Finding(found.dimension, found.severity, message, span, detail, code),
                                found.cost if cost is None else cost, frozenset(about)))

    def cost(self, dimension: str) -> int:
        return sum(item.cost for item in self.items if item.finding.dimension == dimension)

    def has(self, dimension: str, severity: str = "error") -> bool:
        """Whether any finding so far is of this dimension and severity: praise is never given beside one."""
        return any(item.finding.dimension == dimension and item.finding.severity == severity for item in self.items)


@dataclass(frozen=True)
class Mention:
    """A person named in the story, outside quotation marks."""

    start: int
    end: int
    people: frozenset[str]
    cue: bool
    """Named as a speaker: "Trump said", "said Trump", "according to the White House", "Kim:"."""
    sentence: int
    listener: bool = False
    """Named as the one spoken to or asking: "telling a foreign reporter", "a reporter asked"."""


@dataclass(frozen=True)
class Occurrence:
    """A fact's phrase in the story, and how it is put."""

    phrase: Phrase
    start: int
    end: int
    sentence: int
    quoted: bool
    """Inside quotation marks: someone's words, not the reporter's assertion."""
    negated: bool
    """A negation just before it ("no", "never", "didn't")."""
    hedged: bool
    """Its sentence calls it a rumour, unconfirmed, reported, alleged."""
    denied: bool
    """Its sentence calls it false, untrue, denied."""
    modal: bool = False
    """Put as a possibility, hope or plan ("could", "hoped to"), not as what happened."""
    uncertain: bool = False
    """Put as an open possibility ("could", "might", "if"): a rumour or claim so put is not asserted."""

    @property
    def asserted(self) -> bool:
        """Stated by the reporter as fact."""
        return not (self.quoted or self.negated or self.hedged or self.denied or self.modal)


@dataclass(frozen=True)
class Desk:
    """Everything one grading pass knows: the record, the story as read, and the notebook."""

    record: Record
    story: Story
    reading: Reading
    mentions: tuple[Mention, ...]
    occurrences: tuple[Occurrence, ...]
    gathered: frozenset[str] | None
    known: frozenset[str]
    verified: frozenset[str]
    tokens: Tokens
    """The story's words with their lemma keys (for propositions and what the record fixes)."""
    mention_sentences: list[int] = field(init=False, repr=False)
    genders: dict[str, str] = field(init=False, repr=False)
    """Each person's grammatical gender ("he" or "she") where the story's titles or the scenario's names and
    role say it (see genders_of), so a pronoun resolves to someone it can stand for."""
    pronoun_sentences: dict[int, bool] = field(init=False, repr=False, default_factory=dict)
    """Whether each sentence's speaker is a pronoun, worked out once per sentence."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "mention_sentences", [mention.sentence for mention in self.mentions])
        object.__setattr__(self, "genders", genders_of(self.record, self.reading.text, self.mentions))

    def agrees(self, mention: Mention, pronoun: str | None) -> bool:
        """Whether a pronoun ("he", "she"; None for one with no gender) can stand for a mention's person: yes
        unless every person it may be has a known gender other than the pronoun's."""
        if pronoun is None:
            return True
        return any(self.genders.get(person, pronoun) == pronoun for person in mention.people)

    def known_gender(self, mention: Mention, pronoun: str | None) -> bool:
        """Whether the mention's person is known to be of the pronoun's gender (not merely not ruled out)."""
        return pronoun is not None and bool(mention.people) and all(
            self.genders.get(person) == pronoun for person in mention.people)

    def mentions_in(self, first: int, last: int) -> tuple[Mention, ...]:
        """The mentions in sentences first..last (indices, inclusive)."""
        sentences = self.mention_sentences
        return self.mentions[bisect_left(sentences, first):bisect_right(sentences, last)]

    def people_named(self, mentions: Iterable[Mention]) -> str:
        ids = sorted({person for mention in mentions for person in mention.people})
        return " or ".join(called(self.record.people[person]) for person in ids)

    def name(self, person: str | None) -> str:
        found = self.record.people.get(person or "")
        return called(found) if found else "someone"

    def sentence_text(self, index: int) -> str:
        start, end = self.reading.sentences[index]
        return self.reading.text[start:end]


TITLES = {"mr": "he", "sir": "he", "lord": "he", "mrs": "she", "ms": "she", "miss": "she", "lady": "she",
          "dame": "she", "madam": "she"}
"""Titles that say a person's gender ("Mr Brandt", "Ms. Natarajan"). "Sen.", "Dr" or "Mayor" say nothing."""
GENDERED = {"spokesman": "he", "spokeswoman": "she", "businessman": "he", "businesswoman": "she",
            "congressman": "he", "congresswoman": "she", "chairwoman": "she", "king": "he", "queen": "she",
            "husband": "he", "wife": "she", "father": "he", "mother": "she", "son": "he", "daughter": "she",
            "brother": "he", "sister": "she", "man": "he", "woman": "she", "grandfather": "he",
            "grandmother": "she", "uncle": "he", "aunt": "she", "widow": "she", "widower": "he"}
"""Words in a person's role or names that say their gender ("White House spokeswoman")."""
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")
PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "her": "she",
                  "hers": "she", "herself": "she"}
_PRONOUN_WORD = re.compile(r"\b(?i:he|him|his|himself|she|her|hers|herself|they|them|their)\b")


def pronoun_in(text: str) -> str | None:
    """The gender ("he", "she") of the first personal pronoun in a stretch of text; None for "they" or none."""
    found = _PRONOUN_WORD.search(text)
    return PRONOUN_GENDER.get(found.group().lower()) if found else None


def genders_of(record: Record, text: str, mentions: Iterable[Mention]) -> dict[str, str]:
    """Each person's gender where something says it: a gendered title or word in the scenario's names or
    role ("Mrs Osei", "press spokeswoman"), or a title the story puts before their name ("Ms Natarajan").
    A person said to be both is left out: then no pronoun is ruled out for them."""
    said: dict[str, set[str]] = {}
    for person in record.people.values():
        for phrase in (person.name, *person.names, person.role):
            for word in words(phrase):
                gender = GENDERED.get(word) or (TITLES.get(word) if phrase != person.role else None)
                if gender:
                    said.setdefault(person.id, set()).add(gender)
    for mention in mentions:
        if re.search(r"['\u2019]s?\s", text[mention.start:mention.end]):
            continue  # "Mr Brandt's agent": the title is the owner's, not the agent's (graderb)
        title = _TITLE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        gender = TITLES.get(title.group(1).lower()) if title else None
        if gender is None:
            title = re.match(r"([A-Za-z]+)\.?\s", text[mention.start:mention.end])
            gender = TITLES.get(title.group(1).lower()) if title else None
        if gender:
            for someone in mention.people:
                said.setdefault(someone, set()).add(gender)
    return {someone: next(iter(found)) for someone, found in said.items() if len(found) == 1}


def called(person: Person) -> str:
    """A person's name as it reads mid-sentence ("a foreign reporter at the summit", "Donald Trump")."""
    first, _, rest = person.name.partition(" ")
    return f"{first.lower()} {rest}" if first in ("A", "An", "The") and rest else person.name


# --- reading the story ----------------------------------------------------------------------------

def mentions_in_story(record: Record, reading: Reading) -> tuple[Mention, ...]:
    if record.names is None:
        return ()
    text = reading.text
    found = []
    for start, end, key in record.names.find(_capitals_folded(text), overlapping=False):
        if reading.quotation_at(start, end) is not None:
            continue
        people = record.name_owners.get(key, frozenset())
        if not people:
            continue
        sentence = reading.sentence_at(start)
        after = CUE_AFTER.match(text, end, end + 120)
        if after is not None and _ASIDE.match(text, end, end + 40):
            after = None  # "Kim, he said, wanted ...": the aside's pronoun is the speaker, not Kim
        if after is not None and after.group(1).lower() in QUESTIONS and _REQUEST.match(text, after.end()):
            after = None  # "Brandt asked for a recount": a request, neither a question nor a quote's verb
        asking = after is not None and after.group(1).lower() in QUESTIONS
        sentence_start = reading.sentences[sentence][0] if reading.sentences else 0
        before = text[max(sentence_start, start - 60):start]
        colon = text.startswith(":", end) and reading.sentences and reading.sentences[sentence][0] == start
        possessor = text.startswith(("'s", "\u2019s"), end)  # "answered a reporter's question": not its speaker
        said_before = bool(CUE_BEFORE.search(before)) and not possessor and (
            bool(_CLAUSE_ENDS.match(text, end)) or "according" in before.lower())
        side = possessor and bool(_SIDE_SPEAKS.match(text, end, reading.sentences[sentence][1]
                                                     if reading.sentences else len(text)))
        source = bool(_WORDS_FROM.search(text, sentence_start, start)) and not possessor
        cue = (after is not None and not asking) or said_before or bool(colon) or side or source
        listener = asking or (not cue and bool(ADDRESSEE_BEFORE.search(before)))
        found.append(Mention(start, end, people, cue, sentence, listener))
    return tuple(found)


def _negated(text: str, sentence_start: int, start: int) -> bool:
    before = text[max(sentence_start, start - 80):start]
    clause = re.split(r"[,;:\u2014\u2013]|\s-\s", before)[-1]
    recent = words(clause)[-4:]
    return any(word in NEGATORS or word.endswith("n't") for word in recent)


_CAPITALS = re.compile(r"\b[A-Z][A-Z'\-]+\b")


def _capitals_folded(text: str) -> str:
    """The text with words in capitals written as names ("TRUMP SAID" -> "Trump Said"), offsets kept, so a
    name in capitals is still a name."""
    return _CAPITALS.sub(lambda match: match.group().capitalize(), text) if _CAPITALS.search(text) else text


_CLAUSE_ENDS = re.compile(r"\s*(?:$|[,.;:!?\"')\]\n]|-|(?:who|of|at|in|on|from|after|as|told|when|while|"
                         r"adding|before|later|again|once|yesterday|today)\b)", re.IGNORECASE)
"""After a name that follows its speech verb ('..." said Trump'), the clause ends: "said Kim had offered"
makes Kim the subject of what was said, not its speaker."""
_SIDE_SPEAKS = re.compile(
    r"['\u2019]s\s+(?:delegation|team|side|camp|office|aides|government|officials|representatives|staff|"
    r"campaign|administration|regime|negotiators)\b[^.;:!?\"\u201c]{0,80}?\b(?:said|says|saying|added|adding|told|tells|statement|stated|announced|declared|insisted|wrote|"
    r"posted|replied|responded)\b",
    re.IGNORECASE)
"""After a name, its side speaking for it: "Kim's delegation, in a written statement, said" puts the words
in Kim's camp, which the record knows by Kim."""
_REQUEST = re.compile(r"\s+(?:for|that|to\s+(?!him\b|her\b|them\b)[a-z]+)\b")
"""After "asked", a request rather than a question ("Brandt asked for a recount", "asked that the count be
rerun", "asked to see the ballots"): its subject is the one acting, not one putting a question to another,
nor (as what was asked for may be someone's claim: "Kim asked for every sanction to go") a speaker."""
_WORDS_FROM = re.compile(r"\b(?i:" + SPEECH_NOUNS + r")\b[^.;:!?\"\u201c\u2018]{0,60}?\b(?i:came|come|comes|were|was|"
                         r"are|is)\s+(?i:from)\s+(?:the\s+)?$")
"""Before a name, its owner as the source of words: "The only public words came from Kim": Kim spoke."""
_ASIDE = re.compile(r"\s*,\s*(?i:he|she|they|it)\s+(?:\w+ly\s+)?\w+\s*,")


def phrase_occurrences(record: Record, reading: Reading) -> tuple[Occurrence, ...]:
    if record.phrases is None:
        return ()
    text = reading.text
    found = []
    tone: dict[int, tuple[bool, bool, bool]] = {}
    for start, end, key in record.phrases.find(text):
        sentence = reading.sentence_at(start)
        s_start = reading.sentences[sentence][0] if reading.sentences else 0
        if sentence not in tone:
            tone[sentence] = (*tone_of(reading, sentence),
                              asks(reading, *reading.sentences[sentence]) if reading.sentences else False)
        quoted = reading.quotation_at(start, end) is not None
        negated = _negated(text, s_start, start)
        hedged, denied, question = tone[sentence]
        for phrase in record.phrase_owners.get(key, ()):
            # A question asks; it does not state ("Deal within reach? Not by lunch."): put as an open possibility.
            found.append(Occurrence(phrase, start, end, sentence, quoted, negated, hedged, denied, question,
                                    question))
    return tuple(found)


PLAIN_STARTS = frozenset((
    "A", "An", "The", "This", "That", "These", "Those", "It", "There", "Here", "He", "She", "They", "We", "You",
    "His", "Her", "Their", "Its", "Our", "Your", "My", "Some", "Many", "One", "Two", "Every", "Each", "Both",
    "No", "Not", "Nobody", "In", "At", "On", "To", "By", "For", "Of", "Over", "Under", "As", "If", "When",
    "While", "Before", "After", "During", "Beside", "Outside", "Inside", "From", "With", "Then", "Earlier",
    "Later", "Asked", "Answering", "Speaking", "Reacting", "Describing", "Continuing", "Passing", "Setting"))


def lower_first(text: str) -> str:
    """A sentence made ready to follow a colon: its final full stop dropped, a plain first word lowered."""
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in PLAIN_STARTS else text


