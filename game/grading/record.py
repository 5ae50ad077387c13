"""The record a story is checked against, built once per scenario: who said what, the names people go by,
and the phrases that state (or contradict) each fact."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from game.grading.speech import CUE_AFTER, SPEECH
from game.grading.text import WORD, normalise, words
from game.model import Fact, KeyFact, Person, Quote, Scenario, UseQuestion, Variant, minutes_of


@dataclass(frozen=True)
class Said:
    """A quote on the record, with its words ready for matching."""

    quote: Quote
    speaker: Person
    words: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    """A phrase a story may use: stating a fact ("wording") or stating its opposite ("contradiction")."""

    fact: Fact
    kind: str


@dataclass(frozen=True)
class Record:
    scenario: Scenario
    said: tuple[Said, ...]
    people: dict[str, Person]
    facts: dict[str, Fact]
    names: Phrasebook | None
    """Finds any name or alias of anyone in the scenario."""
    name_owners: dict[str, frozenset[str]]
    """Person ids by a name's lower-case, single-spaced form (an alias two people share names both)."""
    phrases: Phrasebook | None
    """Finds every fact phrase, overlapping ones too."""
    phrase_owners: dict[str, tuple[Phrase, ...]]
    key_facts: tuple[KeyFact, ...]
    deadline: int
    claimants: dict[str, frozenset[str]]
    """For each claim or rumour with an owner: who may be named as its source. The owner, and anyone the
    fact's excerpt names as saying it ("Trump and Pompeo said Kim was willing...")."""
    on_screen: tuple[Said, ...] = ()
    """Words characters speak in quotation marks on screen (scene text, answers, responses) that are not
    declared quotes: quoting them is quoting what the game showed, never an invention."""
    source_text: str = ""
    """The source records' text, when the scenario's sources could be read (for the copying check)."""

    @property
    def top_fact(self) -> Fact | None:
        """The heaviest key fact (the first of equals): the news the lede should carry."""
        if not self.key_facts:
            return None
        heaviest = max(self.key_facts, key=lambda key: key.weight)
        return self.facts.get(heaviest.fact)


def key_of(text: str) -> str:
    """How names and phrases are compared: plain marks, lower case, single spaces."""
    return " ".join(normalise(text).lower().split())


def _role_like(name: str) -> bool:
    """Names like "the president" match in any case; proper names ("Trump", "Kim") only as written."""
    return not name[:1].isupper() or name.lower().startswith("the ")


def _pattern(phrase: str) -> str:
    plain = normalise(phrase).strip()
    body = r"\s+".join(re.escape(part) for part in plain.split())
    if plain[:1].isalnum() or plain[:1] == "_":
        body = r"(?<!\w)" + body
    if plain[-1:].isalnum() or plain[-1:] == "_":
        body += r"(?!\w)"
    return body


@dataclass(frozen=True)
class Phrasebook:
    """Finds a set of phrases in a text fast: each is tried only where a word it could start with begins.

    At each place the longest phrase wins. Phrases that do not start with a letter or digit are found by
    one ordinary search instead.
    """

    by_first_word: dict[str, tuple[tuple[re.Pattern[str], str], ...]]
    """Anchored patterns and their keys, by the phrase's first word (lower case), longest first."""
    others: re.Pattern[str] | None
    """The phrases that start with something other than a word, as one pattern (or None)."""

    @classmethod
    def of(cls, phrases: dict[str, bool]) -> Phrasebook:
        """A phrasebook from {phrase: whether case counts}; a phrase's key is `key_of(phrase)`."""
        grouped: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        others: list[str] = []
        for phrase, case_counts in sorted(phrases.items(), key=lambda item: -len(key_of(item[0]))):
            key = key_of(phrase)
            first = WORD.match(key)
            pattern = _pattern(phrase)
            if first is None or first.start() != 0:
                others.append(pattern if case_counts else f"(?i:{pattern})")
                continue
            compiled = re.compile(pattern, 0 if case_counts else re.IGNORECASE)
            grouped.setdefault(first.group(), []).append((compiled, key))
        return cls({word: tuple(found) for word, found in grouped.items()},
                   re.compile("(?=(" + "|".join(others) + "))") if others else None)

    def find(self, text: str, overlapping: bool = True) -> list[tuple[int, int, str]]:
        """(start, end, key) for each phrase found, in order. Without `overlapping`, a phrase found
        inside an earlier, longer one is skipped (a name within a longer name)."""
        found: list[tuple[int, int, str]] = []
        covered = -1
        lookup = self.by_first_word.get
        for word in WORD.finditer(text):
            start = word.start()
            if start < covered and not overlapping:
                continue
            token = word.group().lower()
            candidates = lookup(token, ())
            head = _HEAD.match(token)
            if head and head.end() < len(token):
                candidates = candidates + lookup(head.group(), ())
            for pattern, key in candidates:
                hit = pattern.match(text, start)
                if hit:
                    found.append((start, hit.end(), key))
                    covered = max(covered, hit.end())
                    break
        if self.others is not None:
            found += [(m.start(1), m.end(1), key_of(m.group(1))) for m in self.others.finditer(text)]
            found.sort()
        return found


_HEAD = re.compile(r"\w+")


def _with_bare_forms(names: list[str]) -> list[str]:
    """The names, and for a proper name that starts with "the" ("the White House"), the name without it, as
    it stands when used before a noun ("a White House statement")."""
    bare = [name[4:] for name in names if name[:4].lower() == "the " and name[4:5].isupper()]
    return [*names, *(name for name in bare if name not in names)]


def _names(people: list[Person]) -> tuple[Phrasebook | None, dict[str, frozenset[str]]]:
    owners: dict[str, set[str]] = {}
    phrases: dict[str, bool] = {}
    for person in people:
        for name in _with_bare_forms([person.name, *person.names]):
            key = key_of(name)
            if not key:
                continue
            owners.setdefault(key, set()).add(person.id)
            phrases[name] = phrases.get(name, True) and not _role_like(name)
    if not phrases:
        return None, {}
    return Phrasebook.of(phrases), {key: frozenset(ids) for key, ids in owners.items()}


def _phrases(facts: list[Fact]) -> tuple[Phrasebook | None, dict[str, tuple[Phrase, ...]]]:
    owners: dict[str, list[Phrase]] = {}
    written: dict[str, bool] = {}
    for fact in facts:
        for kind, phrases in (("wording", fact.wording), ("contradiction", fact.contradictions)):
            for phrase in phrases:
                key = key_of(phrase)
                if key and Phrase(fact, kind) not in owners.get(key, []):
                    owners.setdefault(key, []).append(Phrase(fact, kind))
                    written[key] = False
    if not owners:
        return None, {}
    return Phrasebook.of(written), {key: tuple(found) for key, found in owners.items()}


_AND_THEN_SAID = re.compile(r"\s+and\s+[^.,;\"]{1,60}?\s(?:" + SPEECH + r")\b", re.IGNORECASE)


def _claimants(fact: Fact, names: Phrasebook | None, owners: dict[str, frozenset[str]]) -> frozenset[str]:
    found = {fact.claimed_by} if fact.claimed_by else set()
    excerpt = normalise(fact.excerpt or "")
    if names is not None:
        for _, end, key in names.find(excerpt, overlapping=False):
            if CUE_AFTER.match(excerpt[end:end + 120]) or _AND_THEN_SAID.match(excerpt, end):
                found |= owners.get(key, frozenset())
    return frozenset(found)


_RECORDS: dict[int, Record] = {}


_EDITORIAL = re.compile(r"\[([^\]\n]{1,40})\]")
_STANDS_FOR = ("he", "him", "she", "her", "they", "them", "it")


def _bracket_variants(text: str) -> list[tuple[str, ...]]:
    """A quote's words, and, where the record itself puts a name in square brackets ("[Kim] tells me"), the
    same words with a pronoun there: the speaker's own word was a pronoun, and a story may quote it so."""
    found = [tuple(words(text))]
    for match in _EDITORIAL.finditer(text):
        inside = words(match.group(1))
        if len(inside) == 1 and match.group(1)[:1].isupper() and inside[0] not in ("i",):
            for pronoun in _STANDS_FOR:
                variant = tuple(words(text[:match.start()] + pronoun + text[match.end():]))
                if variant not in found:
                    found.append(variant)
    return found


def record_of(scenario: Scenario) -> Record:
    """The record for a scenario (cached: scenarios are immutable)."""
    found = _RECORDS.get(id(scenario))
    if found is not None and found.scenario is scenario:
        return found
    people = {person.id: person for person in scenario.people}
    said = tuple(Said(quote, people[quote.speaker], variant)
                 for quote in scenario.quotes if quote.speaker in people for variant in _bracket_variants(quote.text))
    names, name_owners = _names(scenario.people)
    phrases, phrase_owners = _phrases(scenario.facts)

    record = Record(
        scenario=scenario, said=said, people=people, facts={fact.id: fact for fact in scenario.facts},
        names=names, name_owners=name_owners, phrases=phrases, phrase_owners=phrase_owners,
        key_facts=tuple(key for key in (scenario.filing.key_facts if scenario.filing else [])
                        if key.fact in {fact.id for fact in scenario.facts}),
        deadline=minutes_of(scenario.clock.deadline),
        claimants={fact.id: _claimants(fact, names, name_owners) for fact in scenario.facts if fact.claimed_by},
    )
    record = replace(record, on_screen=_on_screen(scenario, people, said),
                     source_text=_source_text(scenario))
    if len(_RECORDS) > 32:
        _RECORDS.clear()
    _RECORDS[id(scenario)] = record
    return record


ON_SCREEN_PREFIX = "on-screen-"
ON_SCREEN_SPEAKER = Person(id="on-screen", name="Someone in the scene", role="on screen", real=False)
_SCREEN_QUOTE = re.compile(r'"([^"\n]{3,400}?)"')


def _on_screen(scenario: Scenario, people: dict[str, Person], said: tuple[Said, ...]) -> tuple[Said, ...]:
    """The words fictional characters speak in quotation marks in the scenes, as quotes the grader knows.

    The speaker is the person a question is put to, else the only fictional person the passage names, else
    "someone in the scene" (a story may give such words to any fictional person, never to a real one).
    """
    declared = {said_item.words for said_item in said}
    found: list[Said] = []
    seen: set[tuple[str, ...]] = set()
    fictional = {person.id: person for person in scenario.people if not person.real}
    names = {key_of(name): person.id for person in fictional.values() for name in [person.name, *person.names]}

    def take(passage: str | None, speaker_id: str | None, where: str) -> None:
        if not passage:
            return
        plain = normalise(passage)
        speaker = fictional.get(speaker_id or "")
        if speaker is None:
            named = {pid for key, pid in names.items() if key and re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)",
                                                                          plain.lower())}
            speaker = fictional[named.pop()] if len(named) == 1 else None
        for match in _SCREEN_QUOTE.finditer(plain):
            spoken = tuple(words(match.group(1)))
            if len(spoken) < 3 or spoken in seen or any(_within(spoken, known) for known in declared):
                continue
            seen.add(spoken)
            who = speaker or ON_SCREEN_SPEAKER
            quote = Quote(id=f"{ON_SCREEN_PREFIX}{len(found) + 1}", speaker=who.id, text=match.group(1).strip(),
                          context=where, kind="on_record")
            found.append(Said(quote, who, spoken))

    def take_all(text: str | list[Variant] | None, to: str | None, where: str) -> None:
        """Every wording of a text: a plain text, or each of its variants (any of them may be shown)."""
        if isinstance(text, list):
            for variant in text:
                take(variant.text, to, where)
        else:
            take(text, to, where)

    shared = {question.id: question for question in scenario.questions}
    for scene in scenario.scenes:
        place = f"on screen, in the scene “{scene.title or scene.id}”"
        take_all(scene.text, None, place)
        for extra in scene.extra:
            take_all(extra.text, None, place)
        for choice in scene.choices:
            take_all(choice.response, None, place)
        if scene.questions:
            for item in scene.questions.items:
                question = shared.get(item.use) if isinstance(item, UseQuestion) else item
                if question is not None:
                    take_all(question.answer, question.to, place)
    return tuple(found)


def _within(spoken: tuple[str, ...], known: tuple[str, ...]) -> bool:
    size = len(spoken)
    return any(known[start:start + size] == spoken for start in range(len(known) - size + 1))


def _source_text(scenario: Scenario) -> str:
    """The text of the scenario's source records, where a source's `where` is a readable file path (as
    given, or from the repository's root), with every fact's excerpt: what a story must not copy."""
    texts = [fact.excerpt for fact in scenario.facts if fact.excerpt]
    root = Path(__file__).resolve().parents[2]
    for source in scenario.sources:
        token = source.where.split(" ", 1)[0]
        if not token or "://" in token or not token.endswith((".txt", ".md")):
            continue
        for candidate in (Path(token), root / token):
            try:
                if candidate.is_file() and candidate.stat().st_size < 2_000_000:
                    texts.append(candidate.read_text(encoding="utf-8"))
                    break
            except OSError:
                continue
    return "\n".join(texts)
