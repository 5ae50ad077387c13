"""The desk's own checks: completeness (key facts and length), news judgement, balance, the deadline, and
whether the story copies the record.
"""

from __future__ import annotations

import re

from game.grading.quotes import QuoteVerdict, unsure_speaker
from game.grading.reading import Desk, Notes, Occurrence, lower_first
from game.grading.rubric import LATE_BASE, LATE_PER_MINUTE, rule
from game.grading.text import WORD, normalise, words
from game.model import Scenario, clock_text

# --- completeness, news judgement, balance, deadline ------------------------------------------------

def _present(desk: Desk, fact_id: str) -> list[Occurrence]:
    return [o for o in desk.occurrences if o.phrase.fact.id == fact_id and o.phrase.kind == "wording"
            and not (o.negated and o.phrase.fact.status != "confirmed")]


def check_completeness(desk: Desk, notes: Notes) -> tuple[int, bool]:
    """The key facts carried, by weight, and the length the desk asked for. Returns the score and whether
    the story is too thin to be a story at all (no body, or far under the brief's length)."""
    keys = desk.record.key_facts
    filing = desk.record.scenario.filing
    count = len(words(desk.story.body))
    penalty, thin = 0, False
    least = filing.min_words if filing else 0
    if count == 0:
        notes.add("completeness.no-body", "A headline with no story under it: the desk cannot run this.")
        thin = True
    elif least and count < least * TOO_SHORT:
        notes.add("completeness.too-short", f"Far too short: {count} words, and the desk asked for at least "
                  f"{least}. This is not yet a story.")
        thin = True
    elif least and count < least:
        notes.add("completeness.short", f"Too short: {count} words, and the desk asked for at least {least}.")
        penalty = rule("completeness.short").cost
    if filing and filing.max_words and count > filing.max_words * TOO_LONG:
        notes.add("completeness.too-long", f"Far too long: {count} words, and the desk wanted at most "
                  f"{filing.max_words}. Cut it to what matters.")
        penalty += rule("completeness.too-long").cost
    elif filing and filing.max_words and count > filing.max_words:
        notes.add("completeness.long", f"Long: {count} words, and the desk wanted at most {filing.max_words}.")
    if thin:
        penalty = 100 - round(100 * count / max(least, 1) * TOO_SHORT) if least else 100
    if not keys:
        return max(0, 100 - penalty), thin
    total = sum(key.weight for key in keys)
    carried = 0
    for key in keys:
        fact = desk.record.facts[key.fact]
        found = _present(desk, key.fact)
        if found:
            carried += key.weight
            notes.add("completeness.key-fact", f"Carries a key fact: {lower_first(fact.statement)}.",
                      (found[0].start, found[0].end), about=(fact.id,))
        else:
            notes.add("completeness.missing-fact", f"Missing a key fact: {lower_first(fact.statement)}.", None,
                      about=(fact.id,))
    if carried < total * MOST and not thin:
        notes.add("completeness.most-missing", f"Most of the story is missing: it carries key facts worth "
                  f"{carried} of {total}. Read the brief again: what does a reader need to know?")
    return max(0, round(100 * carried / total) - penalty), thin


MOST = 0.5
"""A story whose key facts weigh less than this share of them all misses most of the story: an error."""
TOO_SHORT = 0.5
"""Under this share of the brief's shortest length, a story is far too short: an error, not a warning."""
TOO_LONG = 1.4
"""Over this many times the brief's longest length, a story is far too long: a warning that costs."""
COPIED_RUN = 12
"""Runs of at least this many of the record's words in a row, outside quotation marks, count as copied."""
COPIED_LONGEST, COPIED_TOTAL = 25, 40
"""Copying is flagged when one run is this long, or the runs of COPIED_SENTENCE words or more together are."""
COPIED_SENTENCE = 16
"""A run shorter than this is a stock phrase a reporter may share with the record ("the second summit between
President Donald Trump and North Korean leader Kim Jong Un ended"), not a copied sentence: it counts to no
total."""


def check_copying(desk: Desk, notes: Notes) -> None:
    """Long runs of the record's own sentences, or of the scenario's own prose (what its scenes, answers
    and facts say), outside quotation marks: copied, not reported."""
    source = "\n".join(part for part in (desk.record.source_text, _prose_of(desk.record.scenario)) if part)
    if not source:
        return
    shingles = _shingles(source)
    text = desk.reading.text
    spans = [m.span() for m in _STORY_WORD.finditer(text)
             if desk.reading.quotation_at(m.start(), m.end()) is None]
    story_words = [normalise(text[a:b]).lower() for a, b in spans]
    runs: list[tuple[int, int]] = []
    index = 0
    while index + COPIED_RUN <= len(story_words):
        if tuple(story_words[index:index + COPIED_RUN]) in shingles:
            end = index + COPIED_RUN
            while end < len(story_words) and tuple(story_words[end - COPIED_RUN + 1:end + 1]) in shingles:
                end += 1
            runs.append((index, end))
            index = end
        else:
            index += 1
    if not runs:
        return
    longest = max(end - start for start, end in runs)
    total = sum(end - start for start, end in runs if end - start >= COPIED_SENTENCE)
    if longest >= COPIED_LONGEST or total >= COPIED_TOTAL:
        first = max(runs, key=lambda run: run[1] - run[0])
        notes.add("accuracy.copied-record", f"Copied from the record: {max(total, longest)} words of its "
                  "sentences (or the scenes' own words), outside quotation marks. Report it in your own words, and "
                  "quote only what people said.",
                  (spans[first[0]][0], spans[first[1] - 1][1]))


_STORY_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
"""A word of the story as the record's words are read (WORD, with a typographic apostrophe inside too)."""
_NOT_PROSE = frozenset(("id", "quotes", "when", "if", "to", "next", "speaker", "people", "names", "asserts",
                        "opposes", "fixes", "wording", "contradictions", "sources"))
"""Parts of a scenario that are not its prose: ids, conditions, people's words (quotes, which a story may
quote), phrase lists and sources."""


def _prose_of(scenario: Scenario) -> str:
    """Every passage of the scenario's own prose long enough to be copied (COPIED_RUN words or more)."""
    cached = _PROSE.get(id(scenario))
    if cached is not None and cached[0] is scenario:
        return cached[1]
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            if len(value.split()) >= COPIED_RUN:
                found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in _NOT_PROSE:
                    walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(scenario.model_dump())
    prose = "\n".join(found)
    if len(_PROSE) > 8:
        _PROSE.clear()
    _PROSE[id(scenario)] = (scenario, prose)
    return prose


_PROSE: dict[int, tuple[Scenario, str]] = {}


_SHINGLES: dict[int, frozenset[tuple[str, ...]]] = {}


def _shingles(source: str) -> frozenset[tuple[str, ...]]:
    key = hash(source)
    found = _SHINGLES.get(key)
    if found is None:
        found_words = words(source)
        found = frozenset(tuple(found_words[i:i + COPIED_RUN]) for i in range(len(found_words) - COPIED_RUN + 1))
        if len(_SHINGLES) > 8:
            _SHINGLES.clear()
        _SHINGLES[key] = found
    return found


def check_news_judgement(desk: Desk, notes: Notes) -> int:
    reading = desk.reading
    if not desk.story.headline.strip():
        notes.add("news.no-headline", "No headline: the headline is the first thing a reader sees.")
    top = desk.record.top_fact
    if top is None:
        return 100 if desk.story.headline.strip() else 80
    found = _present(desk, top.id)
    head = reading.headline
    lede = reading.lede
    in_head = [o for o in found if head[0] <= o.start < head[1]]
    in_lede = [o for o in found if lede and lede[0] <= o.start < lede[1]]
    news = lower_first(top.statement)
    if in_head and in_lede:
        notes.add("news.leads", f"The news leads: headline and first paragraph carry it ({news}).",
                  (in_lede[0].start, in_lede[0].end))
        return 100
    if in_lede:
        notes.add("news.lede-carries", f"The first paragraph carries the news ({news}).",
                  (in_lede[0].start, in_lede[0].end))
        notes.add("news.headline-could", "The headline could carry it too.", head)
        return 90
    if in_head:
        notes.add("news.headline-only", f"The headline has the news but the first paragraph does not "
                  f"({news}).", lede, cost=20)
        return 75
    if found and _delayed_lede(desk, found[0]):
        notes.add("news.delayed-lede", f"A delayed lede: a short scene-setting opening, then the news ({news}) "
                  "at the top of the second paragraph. Fine for a feature; a news story leads with it.",
                  (found[0].start, found[0].end))
        return DELAYED_LEDE_SCORE
    if found:
        notes.add("news.buried-lede", f"Buried lede: the news ({news}) waits until here, and the "
                  "headline and first paragraph should carry it.", (found[0].start, found[0].end))
        return 35
    notes.add("news.missed", f"The story misses the news: {news}.", lede or head)
    return 15


DELAYED_LEDE_WORDS = 40
"""A first paragraph this short may only set the scene, if the news opens the paragraph after it."""
DELAYED_LEDE_SCORE = 80


def _delayed_lede(desk: Desk, found: Occurrence) -> bool:
    """Whether the news opens the second paragraph (in its first two sentences, within its first
    DELAYED_LEDE_WORDS / 2 words), after a first paragraph of at most DELAYED_LEDE_WORDS words: a feature's
    delayed lede, not the news buried."""
    reading = desk.reading
    lede = reading.lede
    if lede is None or len(WORD.findall(reading.text, lede[0], lede[1])) > DELAYED_LEDE_WORDS:
        return False
    body = [span for span in reading.paragraphs if span[0] >= lede[1]]
    if not body:
        return False
    second = body[0]
    opening = [(start, end) for start, end in reading.sentences if second[0] <= start < second[1]][:2]
    return bool(opening) and opening[0][0] <= found.start < opening[-1][1] and len(
        WORD.findall(reading.text, second[0], found.start)) <= DELAYED_LEDE_WORDS // 2


def _heard(desk: Desk, verdicts: list[QuoteVerdict], person: str) -> bool:
    """Whether the story lets someone speak: quotes their own words, or names them as saying something
    (not as the speaker of words that are not theirs)."""
    borrowed = {verdict.speaker for verdict in verdicts if verdict.speaker is not None and (
        verdict.match is None or not verdict.near or verdict.match.said.speaker.id not in verdict.speaker.people)}
    for verdict in verdicts:
        if verdict.match is None or not verdict.near:
            continue
        speakers = (verdict.speaker.people if verdict.speaker and not unsure_speaker(desk, verdict)
                    else {verdict.match.said.speaker.id})
        if person in speakers and verdict.match.said.speaker.id == person:
            return True
    return any(mention.cue and person in mention.people and mention not in borrowed for mention in desk.mentions)


def check_balance(desk: Desk, notes: Notes, verdicts: list[QuoteVerdict]) -> int:
    filing = desk.record.scenario.filing
    sides = filing.balance if filing else []
    if not sides:
        return 100
    heard = [side for side in sides if any(_heard(desk, verdicts, person) for person in side.people)]
    missing = [side for side in sides if side not in heard]
    labels = " and ".join(side.label for side in heard)
    if not missing:
        notes.add("balance.every-side", f"Every side is heard: {labels}.")
    elif not heard:
        notes.add("balance.no-side", "No side is heard in its own words: quote or cite "
                  + " and ".join(side.label for side in sides) + ".")
    elif len(heard) == 1 and len(sides) > 1:
        notes.add("balance.single-voice", f"A single voice: only {labels} is heard; nothing from "
                  + " or ".join(side.label for side in missing) + ".")
    else:
        notes.add("balance.side-missing", "Not heard: " + ", ".join(side.label for side in missing) + ".")
    return round(100 * len(heard) / len(sides))


def check_deadline(desk: Desk, notes: Notes, filed_at: int) -> tuple[int, int]:
    deadline = desk.record.deadline
    late_by = max(0, filed_at - deadline)
    if late_by:
        notes.add("deadline.late", f"Filed at {clock_text(filed_at)}, {late_by} minute"
                  f"{'s' * (late_by != 1)} after the {clock_text(deadline)} deadline: the edition "
                  "does not wait.")
        return max(0, LATE_BASE - LATE_PER_MINUTE * late_by), late_by
    early = deadline - filed_at
    notes.add("deadline.on-time", f"Filed at {clock_text(filed_at)}, "
              + (f"{early} minute{'s' * (early != 1)} before" if early else "right on")
              + f" the {clock_text(deadline)} deadline.")
    return 100, 0


