"""Matching a quotation in a story against the words on the record.

A quotation matches a quote on the record when its words appear there in order: the whole quote, or a run
of its words (a partial quote), or runs joined by an ellipsis that keep their order, with square brackets
standing for an editor's words in place of a few of the original's. Case and punctuation do not count.
Anything else is compared word by word with the closest quote on the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from game.grading.record import Said
from game.grading.text import words

_GAPS = re.compile(r"\.\s*\.\s*\.|\u2026|\[[^\]\n]*\]")
BRACKET_WORDS = 6
"""How many of the original's words one pair of square brackets may stand in for."""
MISQUOTE_RATIO = 0.6
"""How alike (0..1) a quotation and the closest original must be to count as a misquote, not an invention."""

Piece = tuple[str, tuple[str, ...], int]
"""(gap before it: "start", "any" or "brackets", the words, how many bracket pairs in the gap)."""


@dataclass(frozen=True)
class Pieces:
    """A quotation split at its ellipses and square brackets."""

    pieces: tuple[Piece, ...]
    own_words: tuple[str, ...]
    """The quotation's words outside square brackets, for a word-level comparison."""
    bracketed: tuple[tuple[str, ...], ...] = ()
    """The words in square brackets in the gap before each piece, and after the last (one more entry)."""
    open_end: bool = False
    """Whether the quotation ends on an ellipsis: the original's sentence may go on past its last word."""
    open_start: bool = False
    """Whether the quotation begins on an ellipsis: the original's sentence may begin before its first word."""


def split(content: str) -> Pieces:
    pieces: list[Piece] = []
    gap, brackets, position = "start", 0, 0
    own: list[str] = []
    bracketed: list[tuple[str, ...]] = []
    inside: list[str] = []
    for match in _GAPS.finditer(content):
        found = tuple(words(content[position:match.start()]))
        if found:
            pieces.append((gap, found, brackets))
            bracketed.append(tuple(inside))
            own += found
            gap, brackets, inside = "none", 0, []
        if match.group().startswith("["):
            brackets += 1
            inside += words(match.group())
            if gap != "any" and gap != "start":
                gap = "brackets"
        elif gap != "start":
            gap = "any"
        position = match.end()
    found = tuple(words(content[position:]))
    open_end = bool(pieces) and not found and gap == "any"
    if found:
        pieces.append((gap, found, brackets))
        bracketed.append(tuple(inside))
        own += found
        inside = []
    bracketed.append(tuple(inside))
    open_start = bool(re.match(r"\s*(?:\.\s*\.\s*\.|\u2026)", content))
    return Pieces(tuple(pieces), tuple(own), tuple(bracketed), open_end, open_start)


def locate(pieces: tuple[Piece, ...], original: tuple[str, ...]) -> tuple[int, int] | None:
    """Where in the original the pieces fall, in order, as (first word, past the last), or None."""
    if not pieces:
        return None
    seen: set[tuple[int, int]] = set()

    def search(index: int, position: int) -> int | None:
        if index == len(pieces):
            return position
        if (index, position) in seen:
            return None
        seen.add((index, position))
        gap, found, brackets = pieces[index]
        size = len(found)
        last = len(original) - size
        if gap == "brackets":
            last = min(last, position + brackets * BRACKET_WORDS)
        elif gap == "none":
            last = min(last, position)
        start = position
        while start <= last:
            if original[start:start + size] == found:
                end = search(index + 1, start + size)
                if end is not None:
                    return end
            start += 1
        return None

    # The first piece may start anywhere (a partial quote); the rest follow it in order.
    _, found, _ = pieces[0]
    size = len(found)
    for start in range(0, len(original) - size + 1):
        if original[start:start + size] == found:
            seen.clear()
            end = search(1, start + size)
            if end is not None:
                return (start, end)
    return None


def piece_places(pieces: tuple[Piece, ...], original: tuple[str, ...],
                 region: tuple[int, int]) -> list[tuple[int, int]] | None:
    """Where each piece falls in the original, for a quotation `locate` placed at `region`: the words an
    ellipsis dropped lie between one piece's end and the next one's start."""
    places: list[tuple[int, int]] = []

    def search(index: int, position: int) -> bool:
        if index == len(pieces):
            return position == region[1]
        gap, found, brackets = pieces[index]
        size = len(found)
        last = len(original) - size
        if gap == "brackets":
            last = min(last, position + brackets * BRACKET_WORDS)
        elif gap == "none":
            last = min(last, position)
        for start in range(position, last + 1):
            if original[start:start + size] == found:
                places.append((start, start + size))
                if search(index + 1, start + size):
                    return True
                places.pop()
        return False

    if not pieces or original[region[0]:region[0] + len(pieces[0][1])] != pieces[0][1]:
        return None
    places.append((region[0], region[0] + len(pieces[0][1])))
    return places if search(1, places[0][1]) else None


@dataclass(frozen=True)
class Match:
    """How a quotation compares with one quote on the record."""

    said: Said
    exact: bool
    ratio: float
    region: tuple[int, int]
    """The original's words it corresponds to, [first, past last)."""


def exact_matches(pieces: Pieces, record: tuple[Said, ...]) -> list[Match]:
    found = []
    for said in record:
        region = locate(pieces.pieces, said.words)
        if region is not None:
            found.append(Match(said, True, 1.0, region))
    return found


def closest(pieces: Pieces, record: tuple[Said, ...]) -> Match | None:
    """The original most like the quotation, compared word by word, or None if none shares two words."""
    quoted = pieces.own_words
    if not quoted:
        return None
    vocabulary = set(quoted)
    best: Match | None = None
    for said in record:
        if len(vocabulary.intersection(said.words)) < min(2, len(vocabulary)):
            continue
        matcher = SequenceMatcher(None, quoted, said.words, autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        if not blocks:
            continue
        matched = sum(block.size for block in blocks)
        first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
        # Stretch the region to cover words the story left out or changed at either end.
        first = max(0, first - blocks[0].a)
        last = min(len(said.words), last + (len(quoted) - blocks[-1].a - blocks[-1].size))
        ratio = 2 * matched / (len(quoted) + (last - first))
        if best is None or ratio > best.ratio:
            best = Match(said, False, ratio, (first, last))
    return best


def word_diff(quoted: tuple[str, ...], original: tuple[str, ...], context: int = 3) -> str:
    """A word-level difference: [-record's words-] {+story's words+}, with a little context around each."""
    matcher = SequenceMatcher(None, original, quoted, autojunk=False)
    out: list[str] = []
    opcodes = matcher.get_opcodes()
    for number, (tag, a1, a2, b1, b2) in enumerate(opcodes):
        if tag == "equal":
            same = list(original[a1:a2])
            head = same[:context] if number > 0 else []
            tail = same[-context:] if number < len(opcodes) - 1 else []
            if len(same) <= 2 * context or (number == 0 or number == len(opcodes) - 1):
                if number == 0 and len(same) > context:
                    out += ["\u2026", *same[-context:]]
                elif number == len(opcodes) - 1 and len(same) > context:
                    out += [*same[:context], "\u2026"]
                else:
                    out += same
            else:
                out += [*head, "\u2026", *tail]
            continue
        if a2 > a1:
            out.append("[-" + " ".join(original[a1:a2]) + "-]")
        if b2 > b1:
            out.append("{+" + " ".join(quoted[b1:b2]) + "+}")
    return " ".join(out)
