"""The record a story is checked against, built once per scenario: who said what, the names people go by,
and the phrases that state (or contradict) each fact."""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.grading.text import normalise, words
from game.model import Fact, KeyFact, Person, Quote, Scenario, minutes_of


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
    names: re.Pattern[str] | None
    """Finds any name or alias of anyone in the scenario."""
    name_owners: dict[str, frozenset[str]]
    """Person ids by a name's lower-case, single-spaced form (an alias two people share names both)."""
    phrases: re.Pattern[str] | None
    """Finds every fact phrase, overlapping ones too (group 1 is the phrase)."""
    phrase_owners: dict[str, tuple[Phrase, ...]]
    key_facts: tuple[KeyFact, ...]
    deadline: int

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
    parts = [re.escape(part) for part in normalise(phrase).split()]
    body = r"\s+".join(parts)
    if parts and re.match(r"\w", parts[0][:1] or "") is not None:
        body = r"(?<!\w)" + body
    if normalise(phrase).strip()[-1:].isalnum():
        body += r"(?!\w)"
    return body


def _names(people: list[Person]) -> tuple[re.Pattern[str] | None, dict[str, frozenset[str]]]:
    owners: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for person in people:
        for name in [person.name, *person.names]:
            key = key_of(name)
            if not key:
                continue
            owners.setdefault(key, set()).add(person.id)
            pattern = _pattern(name)
            written[pattern if not _role_like(name) else f"(?i:{pattern})"] = key
    if not written:
        return None, {}
    alternatives = sorted(written, key=lambda p: -len(written[p]))
    return re.compile("|".join(alternatives)), {key: frozenset(ids) for key, ids in owners.items()}


def _phrases(facts: list[Fact]) -> tuple[re.Pattern[str] | None, dict[str, tuple[Phrase, ...]]]:
    owners: dict[str, list[Phrase]] = {}
    for fact in facts:
        for kind, phrases in (("wording", fact.wording), ("contradiction", fact.contradictions)):
            for phrase in phrases:
                key = key_of(phrase)
                if key and Phrase(fact, kind) not in owners.get(key, []):
                    owners.setdefault(key, []).append(Phrase(fact, kind))
    if not owners:
        return None, {}
    alternatives = sorted(owners, key=len, reverse=True)
    pattern = "(?=(" + "|".join(_pattern(key) for key in alternatives) + "))"
    return re.compile(pattern, re.IGNORECASE), {key: tuple(found) for key, found in owners.items()}


_RECORDS: dict[int, Record] = {}


def record_of(scenario: Scenario) -> Record:
    """The record for a scenario (cached: scenarios are immutable)."""
    found = _RECORDS.get(id(scenario))
    if found is not None and found.scenario is scenario:
        return found
    people = {person.id: person for person in scenario.people}
    said = tuple(Said(quote, people[quote.speaker], tuple(words(quote.text)))
                 for quote in scenario.quotes if quote.speaker in people)
    names, name_owners = _names(scenario.people)
    phrases, phrase_owners = _phrases(scenario.facts)

    record = Record(
        scenario=scenario, said=said, people=people, facts={fact.id: fact for fact in scenario.facts},
        names=names, name_owners=name_owners, phrases=phrases, phrase_owners=phrase_owners,
        key_facts=tuple(key for key in (scenario.filing.key_facts if scenario.filing else [])
                        if key.fact in {fact.id for fact in scenario.facts}),
        deadline=minutes_of(scenario.clock.deadline),
    )
    if len(_RECORDS) > 32:
        _RECORDS.clear()
    _RECORDS[id(scenario)] = record
    return record
