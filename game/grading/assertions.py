"""Reading what each sentence asserts: a fact's propositions matched by lemma, with the sentence's polarity.

A proposition (game.model.Proposition) names who or what a fact is about and what happened, each as a set
of senses. A sentence matches it when one `about` sense and one `happened` sense fall within a few words of
each other (and one `with` sense, when given, anywhere in the sentence). Words are compared by their
lemma's stem (simplemma, then the Snowball stemmer), so "cancelled", "canceled", "cancels" and "cancel" are
one word, "struck" is "strike", and a headline that drops its articles still matches.

How the sentence puts it is read around the match: a negation just before or between the two senses
("no deal was signed", "has not been cancelled", "failed to reach"), a modal ("could", "hoped to"), a hedge
or a denial in the sentence or at the start of the next one ("... That report proved false."), and the
quotation marks it may stand in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import simplemma
import snowballstemmer

from game.grading.speech import DENIALS, HEDGES, said_not_so_after
from game.grading.text import WORD, Reading
from game.model import Proposition

_STEMMER = snowballstemmer.stemmer("english")
REFERRING = re.compile(r"\s*(?:but\s+|however,?\s+|and\s+)?(?:that|this|it|such|those|these|the\s+(?:report|rumou?r|"
                       r"claim|story|talk|suggestion|post|account|idea|tip)s?|officials|neither|none|no|there|"
                       r"nothing)\b", re.IGNORECASE)
"""How a sentence that goes on about the one before it begins ("That report proved false.")."""
REPORTED = re.compile(
    r"\b(?:(?:said|thought|believed|reported|rumou?red|understood|alleged|claimed|supposed)\s+to\s+(?:be|have)\b|"
    r"(?:people|some|others|many|several|observers|staff|colleagues|tellers|counters)\s+"
    r"(?:had\s+|have\s+|were\s+)?(?:whispered|believed|thought|feared|speculated|suspected|wondered)\b)",
    re.IGNORECASE)
"""What is put as others' report or belief, with no one named: "the box, said to be missing", "many feared a
box had gone missing". Hedged: not the story's own voice. (Unnamed officials or sources who *said* it do not
hedge it: "Officials said the signing was delayed" vouches for the rumour and still reports it as so.)"""


@lru_cache(maxsize=65536)
def key_of_word(word: str) -> str:
    """How a word is compared: its lemma's stem, lower case ("cancelled" -> "cancel", "struck" -> "strike")."""
    lower = word.lower()
    if lower.endswith("n't"):
        return "not"
    lemma = simplemma.lemmatize(lower, lang="en")
    return _STEMMER.stemWord(lemma.lower())


NEGATING = frozenset(key_of_word(word) for word in (
    "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "without", "fail", "cannot",
    "refuse", "lack", "instead"))
"""Words that turn the sense after them round ("failed to reach", "without a deal", "nobody thinks")."""
MODAL = frozenset(key_of_word(word) for word in (
    "could", "might", "may", "would", "should", "if", "whether", "hope", "hoped", "want", "possible",
    "possibly", "perhaps", "maybe", "expect", "aim", "try", "seek", "plan", "intend", "due", "meant", "supposed"))
"""Words that make a sense a possibility, a hope or a plan rather than what happened."""
UNCERTAIN = frozenset(key_of_word(word) for word in (
    "could", "might", "may", "if", "whether", "perhaps", "maybe", "possibly", "possible", "hope", "hoped"))
"""Of those, the ones that leave it open whether it is so: a rumour or claim put with one of them is not
stated as fact ("the signing could still go ahead"); "would" and "wanted" are how claims are told."""


@lru_cache(maxsize=8192)
def sense_keys(sense: str) -> tuple[str, ...]:
    """A sense ("call off", "cut short") as the keys of its words."""
    return tuple(key_of_word(word) for word in WORD.findall(sense))


_FAMILIES = (
    "end, finish, conclude, wrap up, break up, wind up, close",
    "cancel, call off, scrap, axe, abandon, scratch, ditch, shelve, abort, scupper, nix, drop",
    "postpone, delay, push back, put back, put off, defer, reschedule, hold off, push",
    "lift, remove, scrap, ease, waive, relax, roll back, loosen, abolish, end, drop, relief, go, gone",
    "collapse, break down, fall apart, founder, crumble, unravel, fall through, fail",
    "sign, ink, seal, conclude",
    "reach, strike, secure, clinch, produce, achieve, land, broker, hammer out, conclude",
    "dismantle, close, shut, shut down, scrap, give up, destroy, decommission, demolish, tear down, abandon",
    "know, aware, realise, realize",
    "want, demand, seek, insist, push for, call for, press for",
    "plan, schedule, set, book, arrange, fix, pencil, slate",
    "leave, depart, pull away, drive off, head back, drive away",
    "win, triumph, prevail, carry",
    "lose, concede, trail",
    "missing, lost, go missing, go astray, astray, vanish, disappear, mislay, mislaid, misplace, unaccounted",
    "flood, inundate, swamp, submerge, overflow",
    "evacuate, flee, force from, move out, clear",
    "close, shut, seal off, block",
)
"""Senses a `happened` word brings with it: a proposition written with "cancel" matches "scrapped" and
"called off" too. Each line is a family of words and phrases of one meaning, its head word first; a
`happened` sense that is a family's head word stands for the whole family (any other word or phrase is
matched as written, so "drop" is only "drop")."""


def _family_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in _FAMILIES:
        members = [sense_keys(member.strip()) for member in line.split(",")]
        found = table.setdefault(members[0][0], [])
        found += [other for other in members if other not in found]
    return {key: tuple(value) for key, value in table.items()}


@lru_cache(maxsize=4096)
def happened_keys(senses: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The keys of a proposition's `happened` senses, each single word's family with it (see _FAMILIES)."""
    table = _families()
    found: list[tuple[str, ...]] = []
    for sense in senses:
        keys = sense_keys(sense)
        if not keys:
            continue
        # A family's head stands for the family, alone ("cancel") or leading a phrase ("end early").
        for member in table.get(keys[0], (keys[:1],)):
            joined = member + keys[1:]
            if joined not in found:
                found.append(joined)
    return tuple(found)


@lru_cache(maxsize=1)
def _families() -> dict[str, tuple[tuple[str, ...], ...]]:
    return _family_table()


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    key: str
    sentence: int


@dataclass(frozen=True)
class Tokens:
    """The story's words with their keys, and where each key occurs."""

    tokens: tuple[Token, ...]
    where: dict[str, tuple[int, ...]]
    sentence_starts: tuple[int, ...]
    """Index of each sentence's first token."""
    words: tuple[str, ...]
    """Each token's word, lower case."""


PREPOSITIONS = {"according": re.compile(r"\s+to\b", re.IGNORECASE)}
"""Words that, followed by these, make a preposition, not the sense their stem names ("according to"
is not "accord")."""


def tokens_of(reading: Reading) -> Tokens:
    text = reading.text
    found: list[Token] = []
    lowered: list[str] = []
    where: dict[str, list[int]] = {}
    starts: list[int] = []
    sentences = reading.sentences or ((0, len(text)),)
    for number, (start, end) in enumerate(sentences):
        starts.append(len(found))
        for match in WORD.finditer(text, start, end):
            word = match.group()
            key = key_of_word(word)
            if word.lower() in PREPOSITIONS and PREPOSITIONS[word.lower()].match(text, match.end()):
                key = word.lower()  # "according to" names a source: it is not an accord
            where.setdefault(key, []).append(len(found))
            if "-" in word:
                # A compound holds its parts: "change-hungry" speaks of change, "first-ever" is first.
                for part in {key_of_word(piece) for piece in word.split("-") if piece} - {key}:
                    where.setdefault(part, []).append(len(found))
            found.append(Token(match.start(), match.end(), key, number))
            lowered.append(word.lower())
    return Tokens(tuple(found), {key: tuple(places) for key, places in where.items()}, tuple(starts),
                  tuple(lowered))


GAP = 2
"""Words a multi-word sense may have between its own ("pushed the signing back" for "push back")."""


def _places(tokens: Tokens, sense: tuple[str, ...]) -> list[tuple[int, int]]:
    """(first token, last token) of each place a sense occurs, within one sentence."""
    if not sense:
        return []
    found = []
    for first in tokens.where.get(sense[0], ()):
        position, ok = first, True
        for key in sense[1:]:
            candidates = tokens.where.get(key, ())
            index = bisect_right(candidates, position)
            if index >= len(candidates) or candidates[index] - position > GAP + 1 or (
                    tokens.tokens[candidates[index]].sentence != tokens.tokens[first].sentence) or any(
                    tokens.tokens[between].key in NEGATING for between in range(position + 1, candidates[index])):
                ok = False  # too far, or a negation between ("with no deal" is not "with a deal")
                break
            position = candidates[index]
        if ok:
            found.append((first, position))
    return found


@dataclass(frozen=True)
class Asserted:
    """A place a sentence matches a proposition, and how it puts it."""

    start: int
    end: int
    """Character offsets of the matched words (from the first sense to the last)."""
    sentence: int
    negated: bool
    modal: bool
    hedged: bool
    denied: bool
    uncertain: bool = False


WINDOW = 8
"""The most words between a proposition's `about` and `happened` senses."""


def matches(tokens: Tokens, reading: Reading, proposition: Proposition) -> list[Asserted]:
    """Every place the story matches a proposition."""
    abouts = [place for keys in happened_keys(tuple(proposition.about)) for place in _places(tokens, keys)]
    if not abouts:
        return []
    happens = [place for keys in happened_keys(tuple(proposition.happened)) for place in _places(tokens, keys)]
    withs = [place for sense in proposition.with_ for place in _places(tokens, sense_keys(sense))]
    if proposition.with_ and not withs:
        return []  # a sense the proposition needs is nowhere in the story
    window = proposition.within or WINDOW
    found: list[Asserted] = []
    seen: set[int] = set()
    if proposition.future:
        for about in abouts:
            place = _future(tokens, reading, about, withs)
            if place is not None and about[0] not in seen:
                seen.add(about[0])
                found.append(place)
    for h_first, h_last in happens:
        sentence = tokens.tokens[h_first].sentence
        near = [a for a in abouts if tokens.tokens[a[0]].sentence == sentence
                and (abs(a[0] - h_last) <= window or abs(h_first - a[1]) <= window)
                and not _overlap(a, (h_first, h_last))]
        if not near:
            continue
        if proposition.with_ and not any(tokens.tokens[w[0]].sentence == sentence for w in withs):
            continue
        near = [a for a in near if not _across_clauses(reading.text, tokens, a, (h_first, h_last))]
        if not near:
            continue
        near = [a for a in near if not _owner_only(reading.text, tokens, a, h_first)
                and not _in_aside(reading.text, tokens, a, h_first)
                and not _kind_of_event(reading.text, tokens, a, h_first, proposition)
                and not _object_of(tokens, a, h_last)]
        if not near or _modifier(tokens, h_last):
            continue
        about = min(near, key=lambda a: min(abs(a[0] - h_last), abs(h_first - a[1])))
        first, last = min(about[0], h_first), max(about[1], h_last)
        if first in seen:
            continue
        seen.add(first)
        place = _assess(tokens, reading, sentence, first, last, h_first, about[0])
        if proposition.with_ and not place.negated and _with_negated(tokens, reading.text, withs, h_last):
            place = replace(place, negated=True)
        found.append(place)
    return found


def _with_negated(tokens: Tokens, text: str, withs: list[tuple[int, int]], happened_last: int) -> bool:
    """Whether the `with` sense the act is done to is negated just before it in the act's clause: "the leaders
    signed no deal", "signed nothing like a declaration"."""
    items = tokens.tokens
    sentence = items[happened_last].sentence
    for w_first, _ in withs:
        if items[w_first].sentence != sentence or w_first <= happened_last or w_first - happened_last > WINDOW:
            continue
        if any(clause_break(text[items[i].end:items[i + 1].start]) for i in range(happened_last, w_first)):
            continue
        if any(items[i].key in NEGATING for i in range(max(happened_last + 1, w_first - 3), w_first)):
            return True
    return False


def spoken_of(tokens: Tokens, proposition: Proposition) -> list[tuple[int, int]]:
    """Every place a sentence speaks of what a proposition is about (an `about` sense, in a sentence with one
    of its `with` senses when it has them), whatever it says happened: (first token, last token)."""
    abouts = [place for keys in happened_keys(tuple(proposition.about)) for place in _places(tokens, keys)]
    if not proposition.with_:
        return abouts
    sentences = {tokens.tokens[w[0]].sentence for sense in proposition.with_
                 for w in _places(tokens, sense_keys(sense))}
    return [a for a in abouts if tokens.tokens[a[0]].sentence in sentences]


FUTURE = frozenset(("will", "shall", "'ll"))
"""Auxiliaries that put what follows as yet to come."""
FUTURE_STATES = frozenset(key_of_word(word) for word in (
    "due", "slated", "expected", "scheduled", "rescheduled", "set", "planned", "pencilled", "penciled",
    "moved", "pushed", "put", "going", "likely"))
"""Words that, after a present "is", "are", "now" or "still", put something as yet to come ("is now
expected", "is still set for", "are going to")."""
PRESENT = frozenset(("is", "are", "now", "still", "'s", "has", "have", "remains", "remain"))
PAST_PLAN = frozenset(("was", "were", "had", "been", "would"))
FUTURE_REACH = 5
"""How many words around an `about` sense a future marker may stand."""


def _future(tokens: Tokens, reading: Reading, about: tuple[int, int],
            withs: list[tuple[int, int]]) -> Asserted | None:
    """An `about` sense put as yet to come in its own clause: "the signing will happen later", "a signing is
    now expected tomorrow", "the ceremony is slated for Friday". Negated, it is put as not to come."""
    items = tokens.tokens
    text = reading.text
    sentence = items[about[0]].sentence
    if withs and not any(items[w[0]].sentence == sentence for w in withs):
        return None
    first_token = tokens.sentence_starts[sentence]
    last_token = (tokens.sentence_starts[sentence + 1] if sentence + 1 < len(tokens.sentence_starts)
                  else len(items)) - 1

    def raw(index: int) -> str:
        return text[items[index].start:items[index].end].lower()

    def breaks(a: int, b: int) -> bool:
        """A clause boundary between tokens a < b: a semicolon, colon or dash, or a new clause's word."""
        for i in range(a, b):
            between = text[items[i].end:items[i + 1].start]
            if any(mark in between for mark in ";:\u2014") or " - " in between or (
                    i + 1 < b and items[i + 1].key in CLAUSE_WORDS):
                return True
        return False

    marker = None
    for index in range(max(first_token, about[0] - FUTURE_REACH), min(last_token, about[1] + FUTURE_REACH) + 1):
        if about[0] <= index <= about[1]:
            continue
        word = raw(index)
        near = (index, about[0]) if index < about[0] else (about[1], index)
        if breaks(*near):
            continue
        if word in FUTURE or word.endswith("'ll"):
            marker = index
        elif items[index].key in FUTURE_STATES and index > first_token:
            before = [raw(i) for i in range(max(first_token, index - 2), index)]
            if any(w in PRESENT for w in before) and not any(w in PAST_PLAN for w in before):
                marker = index
        elif word == "to" and index > first_token and raw(index - 1) in ("is", "are") and index + 1 <= last_token:
            marker = index
        if marker is not None:
            break
    if marker is None:
        return None
    first, last = min(about[0], marker), max(about[1], marker)
    place = _assess(tokens, reading, sentence, first, last, marker, about[0])
    window = range(max(first_token, min(about[0], marker) - 2), min(last_token, max(about[1], marker) + 3) + 1)
    negated = any(items[i].key in NEGATING for i in window if not breaks(*sorted((i, marker))))
    return replace(place, negated=negated)


_POSSESSIVE = re.compile(r"['\u2019]s?\b")


def _owner_only(text: str, tokens: Tokens, about: tuple[int, int], happened: int) -> bool:
    """Whether the `about` sense is only the owner of the one who acts: "Brandt's camp will take heart" is the
    camp's doing, not Brandt's. A possessive whose next word is not the `happened` sense ("Brandt's win")."""
    items = tokens.tokens
    last = items[about[1]]
    word = text[last.start:last.end]
    after = about[1] + 1
    if word.endswith(("'s", "s'")):
        pass
    elif _POSSESSIVE.match(text, last.end):
        if after < len(items) and text[items[after].start:items[after].end] == "s":
            after += 1
    else:
        return False
    if happened == after + 1 and items[after].key not in _AGENTS and items[after].sentence == items[happened].sentence:
        return False  # "Brandt's 300-vote lead", "Kim's full sanctions demand": his, with a word describing it
    return happened > after


def _kind_of_event(text: str, tokens: Tokens, about: tuple[int, int], happened: int,
                   proposition: Proposition) -> bool:
    """Whether the `about` sense is only an adjective made from it, just before the `happened` word, naming
    the kind of event ("the mayoral election", "a presidential race") rather than who took part in what
    happened (graderb: a small rule for completeness and the lede)."""
    if about[0] != about[1] or about[1] + 1 != happened:
        return False
    item = tokens.tokens[about[1]]
    word = text[item.start:item.end].lower()
    written = {sense.lower() for sense in proposition.about}
    return word not in written and word.endswith(("al", "ic", "ical", "ary"))


_AGENTS = frozenset(key_of_word(word) for word in (
    "camp", "team", "agent", "side", "supporters", "campaign", "aides", "aide", "officials", "staff", "party",
    "office", "spokesman", "spokeswoman", "backers", "allies", "wife", "husband", "delegation", "negotiators",
    "government", "regime", "administration", "people", "lawyers", "friends", "rivals", "critics", "opponents"))
"""Nouns a possessive can own that act for themselves: "Brandt's camp will take heart" is the camp's doing."""


_OBJECT_PREPOSITIONS = frozenset(("on", "against", "with"))


def _object_of(tokens: Tokens, about: tuple[int, int], happened_last: int) -> bool:
    """Whether the `about` sense is what the `happened` one is done to, through a preposition just after it:
    "Trump walks out on Kim" is Trump's walking out, not Kim's; "won against Brandt" is not Brandt's win."""
    if about[0] <= happened_last:
        return False
    between = tokens.words[happened_last + 1:about[0]]
    return bool(between) and between[0] in _OBJECT_PREPOSITIONS and len(between) <= 3


MODIFIED = frozenset(key_of_word(word) for word in (
    "agent", "campaign", "team", "officer", "official", "staff", "spokesman", "spokeswoman", "spokesperson",
    "office", "headquarters", "bid", "hope", "chance", "pledge", "promise", "leaflet", "poster", "trail",
    "strategy"))
"""Nouns a sense's word can stand before as a modifier, naming no event: "his election agent", "their
signing team", "Brandt's victory hopes". Not those that take the event as done ("her victory speech")."""


def _modifier(tokens: Tokens, happened_last: int) -> bool:
    """Whether the `happened` sense is a noun modifying the next word ("election agent"), not an event."""
    items = tokens.tokens
    following = happened_last + 1
    return (following < len(items) and items[following].sentence == items[happened_last].sentence
            and items[following].key in MODIFIED)


_ASIDE_OPENERS = frozenset(("who", "whom", "whose", "which", "by", "like", "unlike"))


def _in_aside(text: str, tokens: Tokens, about: tuple[int, int], happened: int) -> bool:
    """Whether the `about` sense stands in an aside that closes before the `happened` sense: "A recount,
    requested by Brandt, confirmed her victory" is the recount's doing. An aside opens with a comma and a
    relative pronoun, a preposition like "by", or a past participle ("requested", "backed", "chosen"), and
    closes with a comma."""
    items = tokens.tokens
    if about[1] >= happened:
        return False
    sentence = items[about[0]].sentence
    if "," not in text[items[about[1]].end:items[happened].start]:
        return False
    for place in range(about[0], 0, -1):
        if items[place - 1].sentence != sentence:
            return False
        between = text[items[place - 1].end:items[place].start]
        if clause_break(between):
            if "," not in between:
                return False
            word = text[items[place].start:items[place].end].lower()
            return word in _ASIDE_OPENERS or (word.endswith(("ed", "en")) and len(word) > 4)
    return False


_PARTICIPLE_CLAUSE = re.compile(r",\s*[a-z]+ing\b(?!\s*,)")
"""A comma then an -ing verb: a new clause ("without a deal, cancelling the signing")."""


def _across_clauses(text: str, tokens: Tokens, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a semicolon, colon or dash, or a comma that opens a participle clause, stands between two
    senses: then they are two statements ("ended without a deal, cancelling the signing ceremony" does not
    say a deal was signed)."""
    first, second = (a, b) if a[0] < b[0] else (b, a)
    between = text[tokens.tokens[first[1]].end:tokens.tokens[second[0]].start]
    return any(mark in between for mark in (";", ":", " - ", "\u2014")) or bool(_PARTICIPLE_CLAUSE.search(between))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


LOOK_BACK = 3
FILLERS = frozenset(key_of_word(word) for word in ("at", "all", "even", "ever", "really", "actually"))
"""Words that stand between a negation and what it turns round without weakening it ("nothing at all")."""
CLAUSE_WORDS = frozenset(key_of_word(word) for word in ("as", "and", "but", "because", "after", "while", "though",
                                                         "although", "when", "since", "so", "yet", "or"))
"""Words that start a new clause: a negation before one does not reach past it."""
"""How many words before the first sense a negation or modal may stand ("there was no signed deal")."""


CANCELLING = frozenset(key_of_word(word) for word in (
    "cancel", "cancelled", "canceled", "scrap", "scrapped", "axe", "axed", "scrub", "scrubbed", "shelve", "shelved",
    "abandon", "ditch", "ditched", "nix"))
"""Verbs that say an act did not happen: "the signing was cancelled", "scrapping the signing" (and "called
off")."""
CALLED_OFF_REACH = 5
_AND_OR = frozenset(("and", "or"))
_CALL = key_of_word("call")


def _called_off(tokens: Tokens, text: str, happened: int, last: int) -> bool:
    """Whether the act a `happened` sense names is said to be cancelled in its clause: "lunch and signing
    ceremony axed", "after the signing was cancelled", "scrapping the lunch and the signing" say no one
    signed. A list's "and" does not end the clause here (a comma, semicolon, colon or dash does), but a
    cancelling verb just after "and" is a verb phrase of its own. Not when the cancelling is what happened
    (the `happened` word is itself "scrapped" or "called off"); the act's own fate may follow it inside
    the match ("signing scrapped, no deal")."""
    items = tokens.tokens

    def cancelling(index: int) -> bool:
        return items[index].key in CANCELLING or (
            items[index].key == "off" and index > 0 and items[index - 1].key == _CALL)

    end = happened
    while end < min(last, len(items) - 1) and end + 1 < len(items) and end - happened < 3:
        end += 1
    if cancelling(happened) or (items[happened].key == _CALL and happened + 1 < len(items)
                                and items[happened + 1].key == "off"):
        return False  # the cancelling is what happened ("the lunch was scrapped and the signing called off")
    sentence = items[happened].sentence
    for step, reach in ((1, CALLED_OFF_REACH + end - happened), (-1, CALLED_OFF_REACH)):
        place = happened
        for _ in range(reach):
            following = place + step
            if not 0 <= following < len(items) or items[following].sentence != sentence:
                break
            gap = text[items[min(place, following)].end:items[max(place, following)].start]
            if clause_break(gap):
                break
            if step == 1 and cancelling(following) and items[place].key in _AND_OR:
                break  # "cutting talks short and cancelling the lunch": a verb of its own, not the act's fate
            place = following
            if cancelling(place):
                return True
    return False


QUESTIONING = frozenset(key_of_word(word) for word in ("whether", "if"))


def _open_question(tokens: Tokens, text: str, sentence_first: int, first: int) -> bool:
    """Whether "whether" or "if" opens the clause a sense stands in ("asked whether he was confident of
    reaching a deal"): what follows it in the clause is a question or a condition, not asserted."""
    items = tokens.tokens
    for place in range(first - 1, sentence_first - 1, -1):
        if items[place].key in QUESTIONING:
            return True
        if clause_break(text[items[place].end:items[place + 1].start]):
            return False
    return False


INVERTING = frozenset(key_of_word(word) for word in ("did", "does", "do", "has", "had", "have", "was", "is", "were",
                                                     "are", "will", "would", "could", "can"))
DETERMINERS = frozenset(key_of_word(word) for word in ("the", "a", "an", "his", "her", "their", "its", "this",
                                                       "that", "our"))


def _inverted_subject(items: Sequence[Token], sentence_first: int, happened: int) -> bool:
    """Whether the sense stands as a noun in the subject of a clause a negation inverts ("Nor did the collapse
    of the talks dim his warmth"): the negation falls on the verb after the subject, not on the noun."""
    if happened - 1 < sentence_first or items[happened - 1].key not in DETERMINERS:
        return False
    return any(items[place].key in NEGATING and items[place + 1].key in INVERTING
               for place in range(max(sentence_first, happened - LOOK_BACK - 1), happened - 2))


def clause_break(between: str) -> bool:
    """Whether the text between two words ends a clause: a comma, semicolon, colon or dash (a negation does
    not reach past one: "no deal — the talks cut short")."""
    return any(mark in between for mark in ",;:—–") or " - " in f" {between} "


def _assess(tokens: Tokens, reading: Reading, sentence: int, first: int, last: int, happened: int,
            about: int) -> Asserted:
    items = tokens.tokens
    sentence_first = tokens.sentence_starts[sentence]
    text = reading.text

    def before(index: int, reach: int = LOOK_BACK) -> list[str]:
        """The keys of the words before a sense (LOOK_BACK of them), in its sentence and clause."""
        found: list[str] = []
        place, counted = index - 1, 0
        while place >= sentence_first and counted < reach:
            between = text[items[place].end:items[place + 1].start]
            if clause_break(between) or items[place].key in CLAUSE_WORDS:
                break
            found.append(items[place].key)
            counted += items[place].key not in FILLERS  # "nothing at all was signed": "at all" adds no distance
            place -= 1
        return found

    def one_clause(start: int, end: int) -> bool:
        return not any(clause_break(text[items[i].end:items[i + 1].start])
                       or items[i + 1].key in CLAUSE_WORDS for i in range(start, end))

    near = before(happened) + before(about)
    if happened > sentence_first and items[happened - 1].key in _AND_OR and not clause_break(
            text[items[happened - 2].end:items[happened - 1].start] if happened - 2 >= sentence_first else ""):
        # "were due to sit down to lunch and sign a document": a verb joined by "and" to the one before it
        # shares that one's modal.
        near += [key for key in before(happened - 1, LOOK_BACK + 4) if key in MODAL]
    if _open_question(tokens, text, sentence_first, first):
        near.append(key_of_word("whether"))
    lead = [items[index].key for index in range(max(sentence_first, first - 4), first)]
    standard = _comparison_modals(tokens, sentence_first, first, last)
    near = [key for key in near if key not in standard]
    lead = [key for key in lead if key not in standard]
    s_start, s_end = reading.sentences[sentence] if reading.sentences else (0, len(text))
    if asks(reading, s_start, s_end):
        near.append(key_of_word("whether"))  # "Signing still on?" asks; it does not say so
    negated = (any(key in NEGATING for key in before(happened)) and not _inverted_subject(items, sentence_first,
                                                                                       happened)) or (
        about < happened and one_clause(about, happened)
        and any(key in NEGATING for key in before(about, LOOK_BACK + 1))) or _called_off(
        tokens, text, happened, last) or (
        happened < about and one_clause(happened, about)
        and any(items[index].key in NEGATING for index in range(happened + 1, about))) or (
        happened < about and any(key in NEGATING for key in before(about, 2)))
    # "reached no agreement", "signed no deal": the negation between the act and what it is of turns it round
    negations = 1 if negated else 0
    modal = any(key in MODAL for key in near) or any(key in MODAL for key in lead)
    uncertain = any(key in UNCERTAIN for key in near) or any(key in UNCERTAIN for key in lead)
    hedged, denied = tone_of(reading, sentence)
    if sentence + 1 < len(reading.sentences):
        n_start, n_end = reading.sentences[sentence + 1]
        if REFERRING.match(text, n_start, n_end):
            hedged = hedged or bool(HEDGES.search(text, n_start, n_end))
            denied = denied or bool(DENIALS.search(text, n_start, n_end))
    return Asserted(items[first].start, items[last].end, sentence, negations % 2 == 1, modal, hedged, denied,
                    uncertain)


_THAN = key_of_word("than")
_EVER = frozenset(key_of_word(word) for word in ("ever", "most", "least"))
_COMPARISON_REACH = 6


def tone_of(reading: Reading, sentence: int) -> tuple[bool, bool]:
    """(hedged, denied) for a sentence: put as talk, belief or a source's report, and said (in it, or by the
    next sentence: "He had not: the count was still running.") not to be so."""
    text = reading.text
    s_start, s_end = reading.sentences[sentence] if reading.sentences else (0, len(text))
    hedged = bool(HEDGES.search(text, s_start, s_end) or REPORTED.search(text, s_start, s_end))
    denied = bool(DENIALS.search(text, s_start, s_end)) or said_not_so_after(text, reading.sentences, sentence)
    return hedged, denied


def _comparison_modals(tokens: Tokens, sentence_first: int, first: int, last: int) -> frozenset[str]:
    """Modals that only set the standard of a comparison ("in greater numbers than anyone could remember",
    "the highest anyone can remember"): a modal with "than", a superlative ("highest", "best") or "ever" a few
    words before it, in its clause. They say nothing of whether the sentence's own statement is so."""
    items = tokens.tokens
    found = set()
    for index in range(max(sentence_first, first - 4), min(last + 1, len(items))):
        if items[index].key not in MODAL:
            continue
        for place in range(index - 1, max(sentence_first, index - _COMPARISON_REACH) - 1, -1):
            word = items[place].key
            raw = tokens.words[place] if tokens.words else word
            if word == _THAN or word in _EVER or (raw.endswith("est") and word != raw):
                found.add(items[index].key)
                break
    return frozenset(found)


def asks(reading: Reading, start: int, end: int) -> bool:
    """Whether a sentence is a question in the story's own voice: it ends on a question mark outside
    quotation marks ("Signing still on? No.")."""
    stripped = reading.text[start:end].rstrip(" *_\"')")
    if not stripped.endswith("?"):
        return False
    return reading.quotation_at(start + len(stripped) - 1, start + len(stripped)) is None


def weak_senses(proposition: Proposition) -> list[str]:
    """What makes a proposition too weak to match: senses with no words, or only words so common they
    cannot tell one sentence from another. For lint."""
    problems = []
    for part, senses in (("about", proposition.about), ("happened", proposition.happened),
                         ("with", proposition.with_)):
        for sense in senses:
            keys = sense_keys(sense)
            if not keys:
                problems.append(f"the {part} sense {sense!r} has no words")
            elif all(key in COMMON for key in keys):
                problems.append(f"the {part} sense {sense!r} is only common words, which match almost any "
                                "sentence")
            elif part != "with" and keys[0] in NEGATING and len(keys) == 1:
                problems.append(f"the {part} sense {sense!r} holds a negation: write the plain sense and set "
                                "`negative: true` instead, or it can never match as asserted")
    return problems


_COMMON_WORDS = (
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "is", "are", "was",
    "were", "be", "been", "being", "it", "this", "that", "these", "those", "he", "she", "they", "we", "you",
    "i", "his", "her", "their", "its", "our", "my", "do", "does", "did", "have", "has", "had", "as", "from",
    "up", "out", "so")
COMMON = frozenset(key_of_word(word) for word in _COMMON_WORDS)
"""Words too common to carry a sense on their own."""


def in_range(tokens: Tokens, start: int, end: int) -> list[Token]:
    """The tokens whose start falls in [start, end)."""
    starts = [token.start for token in tokens.tokens]
    return list(tokens.tokens[bisect_left(starts, start):bisect_left(starts, end)])
