"""Reading a story's text: words, paragraphs, sentences and quotations, each with offsets into the text.

Everything here keeps offsets: `normalise` maps typographic quotes, apostrophes, dashes and odd spaces to
plain ones character for character, so a position in the normalised text is the same position in the story.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_PLAIN = {
    "'": "\u2018\u2019\u201a\u201b\u2032\u02bc",
    '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    " ": "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
         "\x0b\x0c",
    "\n": "\u2028\u2029\x85",
}
_TRANSLATION = {ord(fancy): plain for plain, fancies in _PLAIN.items() for fancy in fancies}
_LONE_RETURN = re.compile(r"\r(?!\n)")

WORD = re.compile(r"\w+(?:['\-]\w+)*")
"""A word: letters and digits, with inner apostrophes and hyphens ("wasn't", "22-year-old", "5-2")."""

BYLINES = 2
"""How many label lines (bylines, standfirsts) may stand before a story's first paragraph."""
BYLINE_WORDS = 10
OPENING_MARKS = "\u201c\u201e"
CLOSING_MARKS = "\u201d"


def normalise(text: str) -> str:
    """The text with plain quotes, apostrophes, dashes, spaces and newlines; exactly as long as the input."""
    text = text.translate(_TRANSLATION)
    if "\r" in text:
        text = _LONE_RETURN.sub("\n", text).replace("\r", " ")
    return text


def words(text: str) -> list[str]:
    """The words of a text, lower case, typographic marks made plain."""
    return [match.group().lower() for match in WORD.finditer(normalise(text))]


def word_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in WORD.finditer(text)]


Span = tuple[int, int]


@dataclass(frozen=True)
class Quotation:
    """Words between quotation marks: one part per paragraph when a quote runs on over paragraphs."""

    start: int
    """Offset of the opening mark."""
    end: int
    """Offset just past the closing mark (or the paragraph's end when the mark is never closed)."""
    parts: tuple[Span, ...]
    """The quoted words in each paragraph, without the marks."""
    closed: bool

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True)
class Reading:
    """A story read once: its plain text, paragraphs, sentences and quotations, all as offsets."""

    text: str
    """The story's text, normalised (same length and offsets as Story.text)."""
    headline: Span
    paragraphs: tuple[Span, ...]
    """The headline first, then the body's paragraphs."""
    sentences: tuple[Span, ...]
    quotations: tuple[Quotation, ...]
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)
    _quote_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sentence_starts", [start for start, _ in self.sentences])
        object.__setattr__(self, "_quote_starts", [quote.start for quote in self.quotations])

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding (or last starting before) an offset."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    def quotation_at(self, start: int, end: int) -> Quotation | None:
        """The quotation whose marks enclose [start, end), if any (quotations never overlap)."""
        index = bisect_right(self._quote_starts, start - 1) - 1
        if index >= 0:
            quote = self.quotations[index]
            if quote.start < start and end <= quote.end:
                return quote
        return None

    def quotations_within(self, start: int, end: int) -> tuple[Quotation, ...]:
        """The quotations overlapping [start, end), in order."""
        first = max(bisect_right(self._quote_starts, start) - 1, 0)
        last = bisect_right(self._quote_starts, end - 1)
        return tuple(quote for quote in self.quotations[first:last] if quote.end > start and quote.start < end)

    @property
    def lede(self) -> Span | None:
        """The first paragraph of the body, if there is one: a byline or standfirst label before it ("By Jo
        Lee", "From our correspondent in Hanoi": a few words with no sentence's end) is not the lede, nor is
        a line that leads into what follows rather than telling anything: a question put as a heading ("Who
        won?") or a line ending in a colon ("The key points:")."""
        body = [span for span in self.paragraphs if span[0] >= self.headline[1] + 1]
        for span in body[:BYLINES]:
            line = self.text[span[0]:span[1]].rstrip(" \"')\u201d\u2019")
            label = len(WORD.findall(line)) <= BYLINE_WORDS and not line.endswith((".", "!", "?"))
            if not label and not line.endswith((":", "?")):
                return span
        return body[min(BYLINES, len(body) - 1)] if body else None


def read(raw: str, headline_length: int) -> Reading:
    """Read a story's text (`Story.text`), whose headline is its first `headline_length` characters."""
    text = normalise(raw)
    headline = _trimmed(text, 0, headline_length)
    paragraphs = [headline] if headline[0] < headline[1] else []
    paragraphs += _body_paragraphs(text, min(headline_length + 2, len(text)))
    quotations = _quotations(raw, text, paragraphs, headline)
    quotations = sorted(quotations + _single_quotations(raw, paragraphs, quotations), key=lambda q: q.start)
    sentences = _sentences(text, paragraphs, quotations)
    return Reading(text, headline, tuple(paragraphs), tuple(sentences), tuple(quotations))


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")


def _body_paragraphs(text: str, start: int) -> list[Span]:
    """Paragraphs are separated by blank lines; a body with no blank line at all breaks at every newline."""
    body = text[start:]
    breaks = _BLANK_LINE if _BLANK_LINE.search(body) else _NEWLINE
    found: list[Span] = []
    position = start
    for match in breaks.finditer(text, start):
        found.append(_trimmed(text, position, match.start()))
        position = match.end()
    found.append(_trimmed(text, position, len(text)))
    return [span for span in found if span[0] < span[1]]


def _mark_kind(raw: str, offset: int) -> str:
    """"open", "close" or "either" for a double quotation mark, from its shape when it has one."""
    char = raw[offset]
    if char in OPENING_MARKS:
        return "open"
    if char in CLOSING_MARKS:
        return "close"
    return "either"


def _quotations(raw: str, text: str, paragraphs: list[Span], headline: Span) -> list[Quotation]:
    """Pair double quotation marks paragraph by paragraph.

    A quote left open at the end of a paragraph runs on when the next paragraph starts with an opening
    mark (the convention for quotes over several paragraphs); otherwise it ends with its paragraph.
    A curly closing mark with nothing open is a stray and is passed over.
    """
    found: list[Quotation] = []
    opened: int | None = None
    part_start = 0
    parts: list[Span] = []
    for number, (start, end) in enumerate(paragraphs):
        position = text.find('"', start, end)
        if opened is not None:
            # Continuing a quote from the previous paragraph: this paragraph starts with its mark.
            part_start = start + 1
            position = text.find('"', start + 1, end)
        while position >= 0:
            kind = _mark_kind(raw, position)
            if opened is None:
                if kind != "close":
                    opened, part_start, parts = position, position + 1, []
            elif kind == "open" and raw[opened] == '"' and (nested := _curly_close(raw, position, end)) >= 0:
                # '"I asked Kim ... He replied: “It's too early to say.”"': a curly pair inside a
                # straight-quoted quote is a quote within it, not its end (graderb: nesting).
                position = text.find('"', nested + 1, end)
                continue
            elif kind == "open":
                parts.append(_trimmed(text, part_start, position))
                found.append(Quotation(opened, _trimmed(text, opened, position)[1], tuple(parts), False))
                opened, part_start, parts = position, position + 1, []
            else:
                parts.append(_trimmed(text, part_start, position))
                found.append(Quotation(opened, position + 1, tuple(parts), True))
                opened = None
            position = text.find('"', position + 1, end)
        if opened is not None:
            parts.append(_trimmed(text, part_start, end))
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            if not (following and (start, end) != headline and text[following[0]] == '"'
                    and _mark_kind(raw, following[0]) != "close"):
                found.append(Quotation(opened, end, tuple(parts), False))
                opened = None
    return found


def _curly_close(raw: str, opening: int, end: int) -> int:
    """Where the curly closing mark that pairs with a curly opening mark is, before `end` and before any
    other opening mark (-1 when there is none)."""
    for position in range(opening + 1, end):
        if raw[position] in CLOSING_MARKS:
            return position
        if raw[position] in OPENING_MARKS or raw[position] == '"':
            return -1
    return -1


_SINGLE_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013:-]))[\u2018'](?=\w)")
_SINGLE_CLOSING = re.compile(r"(?<=[^\s'])[\u2019'](?!\w)")


def _single_quotations(raw: str, paragraphs: list[Span], double: list[Quotation]) -> list[Quotation]:
    """Quotations in single marks, outside double ones: the British style.

    Straight single marks count too, by where they stand: an opening one before a word after a space, a
    closing one after a word and before no letter ("'We had options,' said Mr Trump"); an apostrophe inside a
    word ("don't") is neither. A straight-quoted quotation needs two words, so a lone plural possessive ("the
    leaders' cars") opens nothing. A quote left open at a paragraph's end runs on when the next paragraph
    opens with a single mark, as with double marks.
    """
    found: list[Quotation] = []
    taken = [(quote.start, quote.end) for quote in double]
    number = 0
    while number < len(paragraphs):
        start, end = paragraphs[number]
        position = start
        while True:
            opening = _SINGLE_OPENING.search(raw, position, end)
            if opening is None:
                break
            position = opening.end()
            if any(a <= opening.start() < b for a, b in taken):
                continue
            closing = _SINGLE_CLOSING.search(raw, opening.end(), end)
            parts: list[Span] = []
            at, part_end = number, end
            while closing is None and at + 1 < len(paragraphs) and raw[paragraphs[at + 1][0]] in "'\u2018":
                parts.append(((opening.end() if not parts else paragraphs[at][0] + 1), part_end))
                at += 1
                part_end = paragraphs[at][1]
                closing = _SINGLE_CLOSING.search(raw, paragraphs[at][0] + 1, part_end)
            if closing is None:
                break
            parts.append(((opening.end() if not parts else paragraphs[at][0] + 1), closing.start()))
            inner = " ".join(raw[a:b] for a, b in parts)
            if raw[opening.start()] == "'" and len(WORD.findall(inner)) < 2:
                continue
            found.append(Quotation(opening.start(), closing.end(), tuple(parts), True))
            position = closing.end()
            if at != number:
                number = at
                start, end = paragraphs[number]
        number += 1
    return found


_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"')\]]*(?=\s)")
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "prof", "vs",
    "no", "u.s", "u.k", "u.n", "e.g", "i.e", "etc"))


def _sentences(text: str, paragraphs: list[Span], quotations: list[Quotation]) -> list[Span]:
    """Sentences, never breaking inside a quotation: a quote of several sentences counts as one."""
    inside = [(quote.start + 1, quote.end - 1) for quote in quotations]
    starts = [start for start, _ in inside]
    found: list[Span] = []
    for start, end in paragraphs:
        position = start
        for match in _SENTENCE_END.finditer(text, start, end):
            cut = match.end()
            following = text[cut:end].lstrip()
            if not following or not (following[0].isupper() or following[0].isdigit() or following[0] in "\"'("):
                continue
            before = text[max(position, match.start() - 5):match.start()].rsplit(None, 1)
            word = before[-1].lower().lstrip("(\"'") if before else ""
            if word in _ABBREVIATIONS and match.group()[0] == "." and (word != "no" or following[0].isdigit()):
                continue  # "Mr. Kim", "No. 10" (but "No. Their summit ended..." is an answer, then a sentence)
            index = bisect_right(starts, cut) - 1
            if index >= 0 and inside[index][0] <= cut < inside[index][1]:
                continue
            found.append(_trimmed(text, position, cut))
            position = cut
        found.append(_trimmed(text, position, end))
    return [span for span in found if span[0] < span[1]]
