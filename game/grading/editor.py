"""The editor: grades a filed story against the scenario's record, dimension by dimension.

`grade` reads the story once (paragraphs, sentences, quotations, names, fact phrases), runs one check per
rubric dimension, and turns the findings into scores. Each check returns findings with what they cost;
praise costs nothing and is reported all the same, so the review says what was done well.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from game.engine import GameState, filing_time
from game.grading.matching import MISQUOTE_RATIO, Match, closest, exact_matches, split, word_diff
from game.grading.record import Phrase, Record, record_of
from game.grading.report import SEVERITIES, Finding, Report, Story
from game.grading.speech import (
    ADDRESSEE_BEFORE,
    ATTRIBUTING,
    CUE_AFTER,
    CUE_BEFORE,
    DENIALS,
    HEDGES,
    NEGATORS,
    PRONOUN_SPEECH,
    QUESTIONS,
)
from game.grading.text import Quotation, Reading, Span, read, words
from game.model import DIMENSIONS, Fact, Person, Scenario, clock_text

WEIGHTS: dict[str, float] = {
    "accuracy": 3, "quotes": 3, "attribution": 2, "verification": 2,
    "balance": 1, "news_judgement": 1.5, "completeness": 1.5, "deadline": 1,
}
"""How much each dimension counts in the overall score."""
ERROR_CAP = 79
"""The best overall score a story with any error can get: an editor sends back a story with an error, so it
never reaches a front-page score. The cap falls by CAP_STEP for each weight point of the dimensions in
error and for each error after the first, and by a point for every 20 those dimensions' scores fall short."""
CAP_STEP = 2
INVENTED_CAP = 35
"""The best overall score a story with an invented quote can get."""
SHORT_QUOTE = 3
"""Quotations shorter than this many words may be scare quotes or terms, not someone's words."""
LATE_BASE, LATE_PER_MINUTE = 90, 3
"""A late story's deadline score: LATE_BASE less LATE_PER_MINUTE for each minute late."""

@dataclass(frozen=True)
class Noted:
    finding: Finding
    cost: int = 0


@dataclass
class Notes:
    """Findings as a check makes them, each with what it costs its dimension."""

    items: list[Noted] = field(default_factory=list)

    def add(self, dimension: str, severity: str, message: str, span: Span | None = None,
            detail: str | None = None, cost: int = 0) -> None:
        self.items.append(Noted(Finding(dimension, severity, message, span, detail), cost))

    def cost(self, dimension: str) -> int:
        return sum(item.cost for item in self.items if item.finding.dimension == dimension)


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

    @property
    def asserted(self) -> bool:
        """Stated by the reporter as fact."""
        return not (self.quoted or self.negated or self.hedged or self.denied)


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
    mention_sentences: list[int] = field(init=False, repr=False)
    pronoun_sentences: dict[int, bool] = field(init=False, repr=False, default_factory=dict)
    """Whether each sentence's speaker is a pronoun, worked out once per sentence."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "mention_sentences", [mention.sentence for mention in self.mentions])

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


def called(person: Person) -> str:
    """A person's name as it reads mid-sentence ("a foreign reporter at the summit", "Donald Trump")."""
    first, _, rest = person.name.partition(" ")
    return f"{first.lower()} {rest}" if first in ("A", "An", "The") and rest else person.name


# --- reading the story ----------------------------------------------------------------------------

def _mentions(record: Record, reading: Reading) -> tuple[Mention, ...]:
    if record.names is None:
        return ()
    text = reading.text
    found = []
    for start, end, key in record.names.find(text, overlapping=False):
        if reading.quotation_at(start, end) is not None:
            continue
        people = record.name_owners.get(key, frozenset())
        if not people:
            continue
        sentence = reading.sentence_at(start)
        after = CUE_AFTER.match(text, end, end + 120)
        asking = after is not None and after.group(1).lower() in QUESTIONS
        sentence_start = reading.sentences[sentence][0] if reading.sentences else 0
        before = text[max(sentence_start, start - 60):start]
        colon = text.startswith(":", end) and reading.sentences and reading.sentences[sentence][0] == start
        cue = (after is not None and not asking) or bool(CUE_BEFORE.search(before)) or bool(colon)
        listener = asking or (not cue and bool(ADDRESSEE_BEFORE.search(before)))
        found.append(Mention(start, end, people, cue, sentence, listener))
    return tuple(found)


def _negated(text: str, sentence_start: int, start: int) -> bool:
    before = text[max(sentence_start, start - 80):start]
    clause = re.split(r"[,;:]", before)[-1]
    recent = words(clause)[-4:]
    return any(word in NEGATORS or word.endswith("n't") for word in recent)


def _occurrences(record: Record, reading: Reading) -> tuple[Occurrence, ...]:
    if record.phrases is None:
        return ()
    text = reading.text
    found = []
    tone: dict[int, tuple[bool, bool]] = {}
    for start, end, key in record.phrases.find(text):
        sentence = reading.sentence_at(start)
        s_start, s_end = reading.sentences[sentence] if reading.sentences else (0, len(text))
        if sentence not in tone:
            tone[sentence] = (bool(HEDGES.search(text, s_start, s_end)), bool(DENIALS.search(text, s_start, s_end)))
        quoted = reading.quotation_at(start, end) is not None
        negated = _negated(text, s_start, start)
        hedged, denied = tone[sentence]
        for phrase in record.phrase_owners.get(key, ()):
            found.append(Occurrence(phrase, start, end, sentence, quoted, negated, hedged, denied))
    return tuple(found)


# --- quotes and attribution ------------------------------------------------------------------------

@dataclass(frozen=True)
class QuoteVerdict:
    """What the editor made of one quotation."""

    span: Span
    quotation: Quotation
    size: int
    match: Match | None
    """The quote on the record it is (exact) or nearly is (a misquote); None when in no record."""
    speaker: Mention | None
    """Who the story says said it."""


def _speaker_near(desk: Desk, quotation: Quotation) -> Mention | None:
    """The person the story names as the speaker: in the quote's sentence, or the one before or after.

    Each name nearby scores: its own sentence beats a neighbour; a speech cue ("Trump said") counts
    most; being spoken to or asking ("telling a reporter", "a reporter asked") counts against; so does
    a bare name in a sentence whose speaker is a pronoun ("..., he said"); the sentence before beats the
    one after. The nearest wins a tie.
    """
    reading = desk.reading
    if not reading.sentences:
        return None
    first = reading.sentence_at(quotation.start)
    last = reading.sentence_at(max(quotation.end - 1, quotation.start))
    pronoun = any(_pronoun_speaks(desk, index) for index in range(first, last + 1))
    best: tuple[tuple[float, int], Mention] | None = None
    for mention in desk.mentions_in(first - 1, last + 1):
        same = first <= mention.sentence <= last
        before = mention.end <= quotation.start
        score = (3.0 if same else 1.0) + (3.0 if mention.cue else 0.0) - (2.0 if mention.listener else 0.0)
        if same and pronoun and not mention.cue:
            score -= 2.0
        if not same:
            score += 0.5 if before else (-3.0 if pronoun else 0.0)
        distance = quotation.start - mention.end if before else mention.start - quotation.end
        rank = (-score, abs(distance))
        if best is None or rank < best[0]:
            best = (rank, mention)
    return best[1] if best else None


def _pronoun_speaks(desk: Desk, index: int) -> bool:
    """Whether a sentence's speaker is a pronoun ("he said"), looking outside its quotations."""
    known = desk.pronoun_sentences
    if index not in known:
        known[index] = _pronoun_in(desk, index)
    return known[index]


def _pronoun_in(desk: Desk, index: int) -> bool:
    start, end = desk.reading.sentences[index]
    text = desk.reading.text
    outside, position = [], start
    for quote in desk.reading.quotations_within(start, end):
        outside.append(text[position:max(position, quote.start)])
        position = max(position, quote.end)
    outside.append(text[position:end])
    return any(PRONOUN_SPEECH.search(part) for part in outside)


def _same_sentence(desk: Desk, mention: Mention, quotation: Quotation) -> bool:
    first = desk.reading.sentence_at(quotation.start)
    return first <= mention.sentence <= desk.reading.sentence_at(max(quotation.end - 1, quotation.start))


def _named_near(desk: Desk, quotation: Quotation, person: str) -> bool:
    first = desk.reading.sentence_at(quotation.start) - 1
    last = desk.reading.sentence_at(max(quotation.end - 1, quotation.start)) + 1
    return any(person in m.people for m in desk.mentions_in(first, last))


def _judge_quotation(desk: Desk, quotation: Quotation) -> list[QuoteVerdict]:
    text = desk.reading.text
    speaker = _speaker_near(desk, quotation)
    content = " ".join(text[start:end] for start, end in quotation.parts)
    units: list[tuple[Span, str]] = [(quotation.span, content)]
    whole = split(content)
    matches = exact_matches(whole, desk.record.said)
    if not matches and len(quotation.parts) > 1:
        units = [((start, end), text[start:end]) for start, end in quotation.parts]
    verdicts = []
    for span, unit in units:
        pieces = split(unit) if len(units) > 1 else whole
        found = matches if len(units) == 1 else exact_matches(pieces, desk.record.said)
        match = _choose(desk, found, speaker) if found else closest(pieces, desk.record.said)
        verdicts.append(QuoteVerdict(span, quotation, len(pieces.own_words), match, speaker))
    return verdicts


def _choose(desk: Desk, found: list[Match], speaker: Mention | None) -> Match:
    """Of several originals a quotation matches, the one the named speaker said, gathered, longest."""
    def rank(match: Match) -> tuple[int, int, int]:
        by_speaker = 0 if speaker and match.said.speaker.id in speaker.people else 1
        gathered = 0 if desk.gathered is None or match.said.quote.id in desk.gathered else 1
        return (by_speaker, gathered, -(match.region[1] - match.region[0]))
    return min(found, key=rank)


def check_quotes(desk: Desk, notes: Notes) -> tuple[list[QuoteVerdict], bool]:
    """quotes and attribution: every quotation against the record. Returns the verdicts and whether any
    quotation was invented."""
    verdicts = [verdict for quotation in desk.reading.quotations for verdict in _judge_quotation(desk, quotation)]
    invented = False
    for quotation in desk.reading.quotations:
        if not quotation.closed:
            notes.add("quotes", "warning", "A quotation mark is opened here and never closed: where do the "
                      "quoted words end?", (quotation.start, quotation.start + 1), cost=5)
    real_quotes = 0
    for verdict in verdicts:
        match, speaker, span = verdict.match, verdict.speaker, verdict.span
        if verdict.size == 0:
            continue
        named = desk.people_named([speaker]) if speaker else None
        if match is None or (not match.exact and match.ratio < MISQUOTE_RATIO):
            if verdict.size < SHORT_QUOTE:
                if speaker and speaker.cue and _same_sentence(desk, speaker, verdict.quotation):
                    notes.add("quotes", "warning", f"The record has no such words from {named}. Even a word "
                              "or two in quotation marks must be what was said.", span, cost=15)
                continue
            if speaker is None:
                notes.add("quotes", "warning", "Quoted words that are in no record, and no one is named as "
                          "saying them. If they are someone's words, whose? If not, drop the marks.",
                          span, cost=20)
                continue
            invented = True
            notes.add("quotes", "error", f"Invented quote: {named} never said this. No record has these "
                      "words, and a quotation must be what was said, word for word.", span,
                      _closest_detail(match), cost=100)
            continue
        real_quotes += 1
        said = match.said
        original = said.words[match.region[0]:match.region[1]]
        if match.exact:
            whole = match.region == (0, len(said.words))
            notes.add("quotes", "praise", ("Word for word" if whole else "A faithful partial quote,")
                      + f" from the record: {called(said.speaker)}, {_lower_first(said.quote.context)}.", span)
        else:
            quoted = split(_unit_text(desk, verdict)).own_words
            changed = _changed_words(quoted, original)
            notes.add("quotes", "error", f"Misquote: the record has it otherwise from {called(said.speaker)} "
                      f"({changed} word{'s' * (changed != 1)} differ{'s' * (changed == 1)} from the record).",
                      span, f"record: \u201c{said.quote.text}\u201d\nchanges: " + word_diff(quoted, original),
                      cost=35)
        if desk.gathered is not None and said.quote.id not in desk.gathered:
            notes.add("quotes", "warning", f"These are real words from {called(said.speaker)}, but they are not "
                      "in your notebook: quote only what you heard or read yourself.", span, cost=10)
        _check_speaker(desk, notes, verdict, said.speaker)
    if not verdicts or not real_quotes and not invented:
        notes.add("quotes", "warning" if not verdicts else "info",
                  "No direct quotation from the record: a quote lets the people in the story speak.",
                  None, cost=10 if not verdicts else 0)
    return verdicts, invented


def _unit_text(desk: Desk, verdict: QuoteVerdict) -> str:
    if verdict.span == verdict.quotation.span:
        return " ".join(desk.reading.text[s:e] for s, e in verdict.quotation.parts)
    return desk.reading.text[verdict.span[0]:verdict.span[1]]


def _changed_words(quoted: tuple[str, ...], original: tuple[str, ...]) -> int:
    """How many words differ: the larger side of each change, summed."""
    matcher = SequenceMatcher(None, original, quoted, autojunk=False)
    return max(1, sum(max(a2 - a1, b2 - b1) for tag, a1, a2, b1, b2 in matcher.get_opcodes() if tag != "equal"))


def _closest_detail(match: Match | None) -> str | None:
    if match is None:
        return None
    return f"closest on the record ({called(match.said.speaker)}): \u201c{match.said.quote.text}\u201d"


_PLAIN_STARTS = frozenset((
    "A", "An", "The", "This", "That", "These", "Those", "It", "There", "Here", "He", "She", "They", "We", "You",
    "His", "Her", "Their", "Its", "Our", "Your", "My", "Some", "Many", "One", "Two", "Every", "Each", "Both",
    "No", "Not", "Nobody", "In", "At", "On", "To", "By", "For", "Of", "Over", "Under", "As", "If", "When",
    "While", "Before", "After", "During", "Beside", "Outside", "Inside", "From", "With", "Then", "Earlier",
    "Later", "Asked", "Answering", "Speaking", "Reacting", "Describing", "Continuing", "Passing", "Setting"))


def _lower_first(text: str) -> str:
    """A sentence made ready to follow a colon: its final full stop dropped, a plain first word lowered."""
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in _PLAIN_STARTS else text


def _check_speaker(desk: Desk, notes: Notes, verdict: QuoteVerdict, speaker: Person) -> None:
    span, named, who = verdict.span, verdict.speaker, called(speaker)
    if named is None:
        notes.add("attribution", "warning", f"Whose words? No one is named near this quote (the record has "
                  f"them from {who}).", span, cost=15)
    elif speaker.id in named.people:
        quote = verdict.match.said.quote if verdict.match else None
        if quote and quote.kind == "second_hand" and quote.heard_from and not _named_near(
                desk, verdict.quotation, quote.heard_from):
            notes.add("attribution", "warning", f"Second hand: you had these words from "
                      f"{desk.name(quote.heard_from)}, not from {who}; say how you know.", span, cost=10)
        else:
            notes.add("attribution", "praise", f"Rightly attributed to {who}.", span)
    else:
        notes.add("attribution", "error", f"Wrong speaker: the record has these words from {who}, but the "
                  f"story gives them to {desk.people_named([named])}.", span, cost=40)


# --- facts: accuracy, verification, attribution of claims ------------------------------------------

def _claimant_named(desk: Desk, occurrence: Occurrence, claimants: frozenset[str]) -> bool | None:
    """True when one of the claim's owners is named nearby (in its sentence, or in the one before when
    this one says "he said", "according to"...); False when someone else is named as saying it; None when
    no one is."""
    here = desk.mentions_in(occurrence.sentence, occurrence.sentence)
    if any(claimants & m.people for m in here):
        return True
    sentence = desk.sentence_text(occurrence.sentence)
    if occurrence.sentence > 0 and (ATTRIBUTING.search(sentence) or _PRONOUN_START.match(sentence)):
        before = desk.mentions_in(occurrence.sentence - 1, occurrence.sentence - 1)
        if any(claimants & m.people for m in before):
            return True
    if any(m.cue for m in here):
        return False
    return None


_PRONOUN_START = re.compile(r"\s*(?:he|she|they)\b", re.IGNORECASE)
Once = Callable[[Fact, str], bool]


def check_facts(desk: Desk, notes: Notes) -> None:
    """accuracy, verification and the attribution of claims: how the story states each fact it touches."""
    done: set[tuple[str, str]] = set()

    def once(fact: Fact, what: str) -> bool:
        """True the first time: a fact repeated through a long story is noted once."""
        if (fact.id, what) in done:
            return False
        done.add((fact.id, what))
        return True

    stated = [o for o in desk.occurrences if not o.quoted]
    for occurrence in stated:
        if occurrence.phrase.kind == "wording" and occurrence.phrase.fact.status == "claim":
            _claim(desk, notes, occurrence, once)
        elif occurrence.phrase.kind == "wording" and occurrence.phrase.fact.status == "rumour":
            _rumour(desk, notes, occurrence, once)
    # A phrase that both asserts a false rumour and contradicts a fact is one error, not two.
    inaccurate = {item.finding.span for item in notes.items if item.finding.dimension == "accuracy"}
    for occurrence in stated:
        if occurrence.phrase.kind == "contradiction" and (occurrence.start, occurrence.end) not in inaccurate:
            _contradiction(desk, notes, occurrence, once)
    for fact_id in sorted(desk.known):
        rumour = desk.record.facts.get(fact_id)
        if (rumour and rumour.status == "rumour" and rumour.accurate is False
                and not any(o.phrase.fact.id == fact_id and o.phrase.kind == "wording" for o in desk.occurrences)):
            notes.add("verification", "praise", f"You kept a false rumour out of the story: "
                      f"{_lower_first(rumour.statement)}.", None)


def _contradiction(desk: Desk, notes: Notes, occurrence: Occurrence, once: Once) -> None:
    fact, span = occurrence.phrase.fact, (occurrence.start, occurrence.end)
    if fact.accurate is False:
        # The opposite of a false rumour or claim is the truth.
        if occurrence.asserted and fact.id in desk.verified and once(fact, "truth"):
            notes.add("verification", "praise", "You checked, and reported what is true.", span)
        return
    if not occurrence.asserted or (fact.status == "claim" and fact.accurate is None):
        return
    if once(fact, "contradiction"):
        notes.add("accuracy", "error", f"This contradicts the record: {_lower_first(fact.statement)}.", span,
                  f"record: \u201c{fact.excerpt}\u201d" if fact.excerpt else None, cost=45)


def _claim(desk: Desk, notes: Notes, occurrence: Occurrence, once: Once) -> None:
    fact, span = occurrence.phrase.fact, (occurrence.start, occurrence.end)
    if occurrence.negated or occurrence.denied:
        return
    claimants = desk.record.claimants.get(fact.id, frozenset())
    owner = desk.name(fact.claimed_by)
    named = _claimant_named(desk, occurrence, claimants)
    if not once(fact, "claim"):
        return
    if named:
        notes.add("attribution", "praise", f"A one-sided claim, rightly attributed to {owner}.", span)
    elif named is False:
        notes.add("attribution", "error", f"The record has this claim from {owner}, but the story puts it in "
                  "someone else's mouth.", span, fact.statement, cost=40)
    elif occurrence.hedged:
        notes.add("attribution", "warning", f"Whose claim is this? Say so: it comes from {owner}.", span,
                  fact.statement, cost=15)
    else:
        notes.add("attribution", "error", f"A one-sided claim stated as fact: say whose claim it is (it comes "
                  f"from {owner}).",
                  span, fact.statement, cost=40)
        if fact.accurate is False:
            notes.add("accuracy", "error", "This claim is not true, and the story states it as fact.", span,
                      fact.check, cost=45)


def _rumour(desk: Desk, notes: Notes, occurrence: Occurrence, once: Once) -> None:
    fact, span = occurrence.phrase.fact, (occurrence.start, occurrence.end)
    checked = fact.id in desk.verified
    if occurrence.negated or occurrence.denied:
        if fact.accurate is False and checked and once(fact, "denied"):
            notes.add("verification", "praise", "You checked the rumour and report it as false.", span)
        return
    claimants = desk.record.claimants.get(fact.id, frozenset())
    if occurrence.hedged or (claimants and _claimant_named(desk, occurrence, claimants) is True):
        if fact.accurate is False and once(fact, "repeated"):
            notes.add("verification", "warning", ("You checked this and know it is false: say so, "
                      "rather than repeat it as talk." if checked else "Even put as a rumour, this repeats "
                      "something checking would show to be false."), span, fact.check, cost=10)
        elif fact.accurate is not False and once(fact, "hedged"):
            notes.add("verification", "info", "Reported as a rumour, not as fact.", span)
        return
    if not once(fact, "asserted"):
        return
    if fact.accurate is False:
        notes.add("verification", "error", "A rumour reported as fact, and it is false.", span,
                  fact.check or fact.statement, cost=60)
        notes.add("accuracy", "error", f"Not true: {_lower_first(fact.statement)}.", span, fact.check,
                  cost=45)
    elif checked:
        notes.add("verification", "praise", "You checked this before reporting it.", span)
    else:
        notes.add("verification", "error", "An unverified rumour reported as fact: check it, or say it is "
                  "unconfirmed.", span, fact.statement, cost=40)


# --- completeness, news judgement, balance, deadline ------------------------------------------------

def _present(desk: Desk, fact_id: str) -> list[Occurrence]:
    return [o for o in desk.occurrences if o.phrase.fact.id == fact_id and o.phrase.kind == "wording"
            and not (o.negated and o.phrase.fact.status != "confirmed")]


def check_completeness(desk: Desk, notes: Notes) -> int:
    keys = desk.record.key_facts
    filing = desk.record.scenario.filing
    count = len(words(desk.story.body))
    penalty = 0
    if filing and count < filing.min_words:
        notes.add("completeness", "warning", f"Too short: {count} words, and the desk asked for at least "
                  f"{filing.min_words}.", None, cost=10)
        penalty = 10
    if filing and filing.max_words and count > filing.max_words:
        notes.add("completeness", "info", f"Long: {count} words, and the desk wanted at most "
                  f"{filing.max_words}.", None)
    if not keys:
        return max(0, 100 - penalty)
    total = sum(key.weight for key in keys)
    carried = 0
    for key in keys:
        fact = desk.record.facts[key.fact]
        found = _present(desk, key.fact)
        if found:
            carried += key.weight
            notes.add("completeness", "praise", f"Carries a key fact: {_lower_first(fact.statement)}.",
                      (found[0].start, found[0].end))
        else:
            notes.add("completeness", "warning", f"Missing a key fact: {_lower_first(fact.statement)}.", None)
    return max(0, round(100 * carried / total) - penalty)


def check_news_judgement(desk: Desk, notes: Notes) -> int:
    reading = desk.reading
    if not desk.story.headline.strip():
        notes.add("news_judgement", "warning", "No headline: the headline is the first thing a reader sees.")
    top = desk.record.top_fact
    if top is None:
        return 100 if desk.story.headline.strip() else 80
    found = _present(desk, top.id)
    head = reading.headline
    lede = reading.lede
    in_head = [o for o in found if head[0] <= o.start < head[1]]
    in_lede = [o for o in found if lede and lede[0] <= o.start < lede[1]]
    news = _lower_first(top.statement)
    if in_head and in_lede:
        notes.add("news_judgement", "praise", f"The news leads: headline and first paragraph carry it ({news}).",
                  (in_lede[0].start, in_lede[0].end))
        return 100
    if in_lede:
        notes.add("news_judgement", "praise", f"The first paragraph carries the news ({news}).",
                  (in_lede[0].start, in_lede[0].end))
        notes.add("news_judgement", "info", "The headline could carry it too.", head)
        return 90
    if in_head:
        notes.add("news_judgement", "warning", f"The headline has the news but the first paragraph does not "
                  f"({news}).", lede, cost=20)
        return 75
    if found:
        notes.add("news_judgement", "error", f"Buried lede: the news ({news}) waits until here, and the "
                  "headline and first paragraph should carry it.", (found[0].start, found[0].end))
        return 35
    notes.add("news_judgement", "error", f"The story misses the news: {news}.", lede or head)
    return 15


def _heard(desk: Desk, verdicts: list[QuoteVerdict], person: str) -> bool:
    """Whether the story lets someone speak: quotes their words, or names them as saying something."""
    for verdict in verdicts:
        if verdict.match is None or (not verdict.match.exact and verdict.match.ratio < MISQUOTE_RATIO):
            continue
        speakers = verdict.speaker.people if verdict.speaker else {verdict.match.said.speaker.id}
        if person in speakers:
            return True
    return any(mention.cue and person in mention.people for mention in desk.mentions)


def check_balance(desk: Desk, notes: Notes, verdicts: list[QuoteVerdict]) -> int:
    filing = desk.record.scenario.filing
    sides = filing.balance if filing else []
    if not sides:
        return 100
    heard = [side for side in sides if any(_heard(desk, verdicts, person) for person in side.people)]
    missing = [side for side in sides if side not in heard]
    labels = " and ".join(side.label for side in heard)
    if not missing:
        notes.add("balance", "praise", f"Every side is heard: {labels}.")
    elif not heard:
        notes.add("balance", "error", "No side is heard in its own words: quote or cite "
                  + " and ".join(side.label for side in sides) + ".")
    elif len(heard) == 1 and len(sides) > 1:
        notes.add("balance", "error", f"A single voice: only {labels} is heard; nothing from "
                  + " or ".join(side.label for side in missing) + ".")
    else:
        notes.add("balance", "warning", "Not heard: " + ", ".join(side.label for side in missing) + ".")
    return round(100 * len(heard) / len(sides))


def check_deadline(desk: Desk, notes: Notes, filed_at: int) -> tuple[int, int]:
    deadline = desk.record.deadline
    late_by = max(0, filed_at - deadline)
    if late_by:
        notes.add("deadline", "error", f"Filed at {clock_text(filed_at)}, {late_by} minute"
                  f"{'s' * (late_by != 1)} after the {clock_text(deadline)} deadline: the edition "
                  "does not wait.")
        return max(0, LATE_BASE - LATE_PER_MINUTE * late_by), late_by
    early = deadline - filed_at
    notes.add("deadline", "praise", f"Filed at {clock_text(filed_at)}, "
              + (f"{early} minute{'s' * (early != 1)} before" if early else "right on")
              + f" the {clock_text(deadline)} deadline.")
    return 100, 0


# --- the verdict ----------------------------------------------------------------------------------

def grade(scenario: Scenario, story: Story, *, gathered: Iterable[str] | None, known: Iterable[str] = (),
          verified: Iterable[str] = (), filed_at: int) -> Report:
    """Grade a story against the scenario's record.

    `gathered` names the quotes in the player's notebook (None: every quote counts as gathered), `known`
    the facts learned, `verified` the facts checked, and `filed_at` the clock (minutes since midnight).
    """
    record = record_of(scenario)
    reading = read(story.text, len(story.headline))
    desk = Desk(
        record=record, story=story, reading=reading, mentions=_mentions(record, reading),
        occurrences=_occurrences(record, reading),
        gathered=None if gathered is None else frozenset(gathered),
        known=frozenset(known), verified=frozenset(verified),
    )
    notes = Notes()
    verdicts, invented = check_quotes(desk, notes)
    check_facts(desk, notes)
    scores = {
        "completeness": check_completeness(desk, notes),
        "news_judgement": check_news_judgement(desk, notes),
        "balance": check_balance(desk, notes, verdicts),
    }
    scores["deadline"], late_by = check_deadline(desk, notes, filed_at)
    for dimension in ("accuracy", "quotes", "attribution", "verification"):
        scores[dimension] = max(0, 100 - notes.cost(dimension))
    if invented:
        scores["quotes"] = 0
    scores = {dimension: int(min(100, max(0, scores[dimension]))) for dimension in DIMENSIONS}
    findings = tuple(sorted((item.finding for item in notes.items), key=_finding_order))
    return Report(_overall(scores, findings, invented), scores, findings, filed_at, late_by)


def _finding_order(finding: Finding) -> tuple[int, int, int]:
    return (DIMENSIONS.index(finding.dimension), SEVERITIES.index(finding.severity),
            finding.span[0] if finding.span else -1)


def _overall(scores: dict[str, int], findings: tuple[Finding, ...], invented: bool) -> int:
    """The weighted mean of the scores, capped when there are errors (see ERROR_CAP) or an invention."""
    mean = sum(WEIGHTS[d] * scores[d] for d in DIMENSIONS) / sum(WEIGHTS.values())
    overall = round(mean)
    errors = [finding.dimension for finding in findings if finding.severity == "error"]
    if errors:
        weight = sum(WEIGHTS[dimension] for dimension in set(errors))
        shortfall = sum(100 - scores[dimension] for dimension in set(errors)) / 20
        overall = min(overall, round(ERROR_CAP - CAP_STEP * (weight + len(errors) - 1) - shortfall))
    if invented:
        overall = min(overall, INVENTED_CAP)
    return int(max(0, min(100, overall)))


def grade_state(scenario: Scenario, state: GameState, story: Story) -> Report:
    """Grade a story written in a playthrough, from the notebook in its state, filed now."""
    return grade(scenario, story, gathered=state.quotes, known=state.facts, verified=state.verified,
                 filed_at=filing_time(scenario, state))


def strong_story_notes(scenario: Scenario) -> list[str]:
    """What a strong story did, for the review screen: the lede, the facts, the voices, the checks."""
    record = record_of(scenario)
    notes: list[str] = []
    top = record.top_fact
    if top is not None:
        notes.append(f"Led with the news, in the headline and the first paragraph: {_lower_first(top.statement)}.")
    others = [record.facts[key.fact] for key in sorted(record.key_facts, key=lambda k: -k.weight)
              if record.facts[key.fact] is not top]
    if others:
        notes.append("Carried the other key facts: " + "; ".join(_lower_first(f.statement) for f in others) + ".")
    filing = scenario.filing
    if filing and filing.balance:
        sides = []
        for side in filing.balance:
            names = [called(record.people[p]) for p in side.people if p in record.people]
            sides.append(f"{side.label} ({', '.join(names)})")
        notes.append("Heard every side in its own words: " + "; ".join(sides) + ".")
    real = [said for said in record.said if said.speaker.real]
    if real:
        example = max(real, key=lambda said: (said.quote.kind == "on_record", -abs(len(said.words) - 12)))
        notes.append(f"Quoted word for word and named the speaker, e.g. {called(example.speaker)}: "
                     f"\u201c{example.quote.text}\u201d")
    claims = [fact for fact in scenario.facts if fact.status == "claim"]
    if claims:
        owned = [f"{_lower_first(fact.statement)} (from {_name(record, fact.claimed_by)})" for fact in claims]
        notes.append("Put each contested claim in its owner's mouth: " + "; ".join(owned) + ".")
    rumours = [fact for fact in scenario.facts if fact.status == "rumour"]
    if rumours:
        notes.append("Checked the rumours before going near them, and printed none as fact: "
                     + "; ".join(_lower_first(f.statement) for f in rumours) + ".")
    notes.append(f"Filed before the {scenario.clock.deadline} deadline.")
    return notes


def _name(record: Record, person: str | None) -> str:
    found = record.people.get(person or "")
    return called(found) if found else "its source"
