"""Continuity: text that can be read at a moment it is not true of, and quotes printed twice.

Two slips a playtester catches and a validator cannot: a post labelled 22:05 that the player can read at
21:30, or "the president is due at two" still on screen at ten past; and a quote whose words are written
into the prose as well as shown in the scene's quote block, so the player reads them twice.

Times are worked out over the scene map without playing: the earliest clock at which each scene can be
entered (a shortest-path walk in game minutes, waiting for a choice's `after:` and dropping it past its
`before:`), and whether a scene can still be on screen late (anything that lets the player stay, or a way
in with no `before:`). Conditions that are not about the clock are taken to hold, so the earliest times
are never later than a real route's: a text flagged as readable too early may rest on a route that other
conditions rule out, and the hint says how to tie the text to the clock.

- L170 a text names a past moment (a post "at 22:05", a quote's `time:`) that has not come yet when the
  text can first be read
- L171 a text names a moment still to come ("due at two", "starts at 14:00") when it can be read after it
- L172 a quote's words written into the prose of the scene, response or answer that also shows the quote
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from game import engine
from game.model import Condition, Scenario, Scene, Variant, clock_text, minutes_of, wordings
from game.problems import Located, Problem

CODES: dict[str, str] = {
    "L170": "time not yet come", "L171": "time already past", "L172": "quote printed twice",
}

LATE = 10 * 24 * 60
"""A clock later than any day the game runs: "can still be seen at any time"."""

QUOTE_RUN = 6
"""Words in a row of a quote that, found in the prose beside it, count as printing the quote twice."""

_HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "noon": 12, "midday": 12, "midnight": 0}
_CLOCK = r"(?P<clock>\d{1,2}[:.]\d{2}|(?:" + "|".join(_HOUR_WORDS) + r")(?:\s+o'clock)?)\b"
_PAST = re.compile(
    r"\b(?:posted|sent|published|tweeted|timed|stamped|logged|released|issued|announced|declared|happened|"
    r"started|began|finished|ended|broke|arrived|left)\b[^.;!?]{0,60}?\bat\s+" + _CLOCK, re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:due|expected|scheduled|set|starts?|begins?|opens?|will\s+\w+)\b(?:\s+\w+){0,3}?\s+(?:at|for)\s+"
    + _CLOCK, re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Window:
    """When a text can be on screen: from `first` (minutes since the start day's midnight) to `last`."""

    first: int
    last: int

    def narrowed(self, condition: Condition | None) -> Window | None:
        """The part of this window in which a condition on the clock can hold (None: none of it)."""
        low, high = _clock_bounds(condition)
        first, last = max(self.first, low), min(self.last, high)
        return Window(first, last) if first <= last else None

    def later(self, minutes: int) -> Window:
        return Window(self.first + minutes, min(self.last + minutes, LATE))


def _clock_bounds(condition: Condition | None) -> tuple[int, int]:
    """The clock range a condition allows, as far as its before/after parts say (others may hold anytime)."""
    if condition is None:
        return 0, LATE
    kind = condition.kind
    if kind == "after":
        return minutes_of(condition.after or "00:00"), LATE
    if kind == "before":
        return 0, minutes_of(condition.before or "00:00") - 1
    if kind == "all":
        low, high = 0, LATE
        for part in condition.all or []:
            part_low, part_high = _clock_bounds(part)
            low, high = max(low, part_low), min(high, part_high)
        return low, high
    if kind == "not" and condition.not_ is not None and condition.not_.kind in ("before", "after"):
        inner = condition.not_
        if inner.kind == "before":
            return minutes_of(inner.before or "00:00"), LATE
        return 0, minutes_of(inner.after or "00:00") - 1
    return 0, LATE


def scene_windows(scenario: Scenario) -> dict[str, Window]:
    """For each scene a route could enter, when it can be on screen (over-approximated: see the module)."""
    scenes = {scene.id: scene for scene in scenario.scenes}
    start = minutes_of(scenario.clock.start)
    earliest: dict[str, int] = {}
    queue = [(start, scenario.start_scene)]
    while queue:
        time, scene_id = heapq.heappop(queue)
        if scene_id in earliest or scene_id not in scenes:
            continue
        earliest[scene_id] = time
        for arrival, target in _ways_on(scenario, scenes[scene_id], time):
            if target not in earliest:
                heapq.heappush(queue, (arrival, target))
    lasts = _latest(scenario, scenes, earliest)
    return {scene_id: Window(first, max(first, lasts.get(scene_id, first))) for scene_id, first in earliest.items()}


def _ways_on(scenario: Scenario, scene: Scene, time: int) -> Iterator[tuple[int, str]]:
    """(arrival clock, scene) for each way out of a scene entered at `time`, at the earliest it can go."""
    for choice in scene.choices:
        low, high = _clock_bounds(choice.when)
        leave = max(time, low)
        if leave > high:
            continue
        minutes = engine._choice_minutes(scenario, choice)
        if choice.goto:
            yield leave + minutes, choice.goto
        if choice.file and scenario.filing:
            for outcome in scenario.filing.outcomes:
                yield leave + minutes + engine.writing_minutes(scenario), outcome.ending


def _linger(scenario: Scenario, scene: Scene) -> int:
    """The most game minutes the player can spend in a scene without leaving it (LATE: without limit)."""
    if scene.ending or any(choice.goto is None and not choice.file and not choice.once for choice in scene.choices):
        return LATE
    stays = sum(engine._choice_minutes(scenario, choice) for choice in scene.choices
                if choice.goto is None and not choice.file)
    if scene.questions:
        costs = sorted((engine._question_minutes(scenario, scene, question) for question in scene.questions.asked),
                       reverse=True)
        stays += sum(costs[:scene.questions.limit] if scene.questions.limit else costs)
    return stays


def _latest(scenario: Scenario, scenes: dict[str, Scene], earliest: dict[str, int]) -> dict[str, int]:
    """The latest clock each scene can be on screen: its latest arrival (each way in is taken as late as its
    `before:` and the scene it leaves allow) plus the time the player can spend there."""
    arrival = {scenario.start_scene: minutes_of(scenario.clock.start)}
    linger = {scene_id: _linger(scenario, scenes[scene_id]) for scene_id in earliest}
    ways = {scene_id: [(choice.goto, *_clock_bounds(choice.when), engine._choice_minutes(scenario, choice))
                       for choice in scenes[scene_id].choices if choice.goto and choice.goto in earliest]
            for scene_id in earliest}
    # A worklist, first in first out: a scene is looked at again only when its latest arrival grew. Without a
    # loop that costs time, no arrival grows more often than there are scenes; one that keeps growing is a
    # loop the player can go round for ever.
    limit = 2 * len(earliest) + 2
    grown: dict[str, int] = {}
    queue, queued = deque([scenario.start_scene]), {scenario.start_scene}
    while queue:
        scene_id = queue.popleft()
        queued.discard(scene_id)
        last_here = min(arrival[scene_id] + linger[scene_id], LATE)
        for target, low, high, minutes in ways.get(scene_id, ()):
            leave = min(last_here, high)
            if leave < max(earliest[scene_id], low):
                continue
            there = min(leave + minutes, LATE)
            if there > arrival.get(target, -1):
                arrival[target] = there
                grown[target] = grown.get(target, 0) + 1
                if grown[target] > limit:
                    return {scene_id: LATE for scene_id in earliest}
                if target not in queued:
                    queue.append(target)
                    queued.add(target)
    return {scene_id: min(arrival.get(scene_id, earliest[scene_id]) + linger[scene_id], LATE)
            for scene_id in earliest}


def _named_time(match: re.Match[str], near: int) -> int:
    """The clock a matched time names: "HH:MM" as written; an hour word on whichever half-day is nearer."""
    text = match.group("clock").lower().replace("o'clock", "").strip()
    if text[0].isdigit():
        hours, minutes = re.split(r"[:.]", text)
        return int(hours) * 60 + int(minutes)
    hour = _HOUR_WORDS[text]
    day = near - near % (24 * 60)
    candidates = [day + hour * 60, day + (hour + 12) * 60 % (24 * 60)]
    return min(candidates, key=lambda minute: abs(minute - near))


@dataclass(frozen=True)
class Shown:
    """A text the player reads, where it is in the file, and when it can be on screen."""

    path: tuple[object, ...]
    text: str
    window: Window


def _wordings(path: tuple[object, ...], words: str | list[Variant] | None, window: Window) -> Iterator[Shown]:
    """A text, or each of its wordings while its own `when` can hold in the window."""
    if isinstance(words, str):
        yield Shown(path, words, window)
        return
    for v, variant in enumerate(words or []):
        narrowed = window.narrowed(variant.when)
        if narrowed:
            yield Shown((*path, v, "text"), variant.text, narrowed)


def _texts(scenario: Scenario, windows: dict[str, Window]) -> Iterator[Shown]:
    for s, scene in enumerate(scenario.scenes):
        window = windows.get(scene.id)
        if window is None:
            continue
        yield from _wordings(("scenes", s, "text"), scene.text, window)
        for v, variant in enumerate(scene.extra):
            narrowed = window.narrowed(variant.when)
            if narrowed:
                yield Shown(("scenes", s, "extra", v, "text"), variant.text, narrowed)
        for c, choice in enumerate(scene.choices):
            narrowed = window.narrowed(choice.when)
            if narrowed is None:
                continue
            yield from _wordings(("scenes", s, "choices", c, "label"), choice.label, narrowed)
            if choice.response:
                later = narrowed.later(engine._choice_minutes(scenario, choice))
                yield from _wordings(("scenes", s, "choices", c, "response"), choice.response, later)
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            narrowed = window.narrowed(question.when)
            if narrowed and question.answer:
                later = narrowed.later(engine._question_minutes(scenario, scene, question))
                yield from _wordings(("scenes", s, "questions", "items", q, "answer"), question.answer, later)


def _gathered_windows(scenario: Scenario, windows: dict[str, Window]) -> dict[str, Window]:
    """For each quote some route gathers, the earliest moment it can be in the notebook (and read)."""
    found: dict[str, Window] = {}

    def note(quote_ids: list[str], window: Window) -> None:
        for quote_id in quote_ids:
            known = found.get(quote_id)
            if known is None or window.first < known.first:
                found[quote_id] = window

    for scene in scenario.scenes:
        window = windows.get(scene.id)
        if window is None:
            continue
        note(scene.gather, window)
        for choice in scene.choices:
            narrowed = window.narrowed(choice.when)
            if narrowed:
                note(choice.gather, narrowed.later(engine._choice_minutes(scenario, choice)))
        for question in scene.questions.asked if scene.questions else []:
            narrowed = window.narrowed(question.when)
            if narrowed:
                note(question.gather, narrowed.later(engine._question_minutes(scenario, scene, question)))
    return found


def continuity(scenario: Scenario, located: Located) -> list[Problem]:
    """Every continuity finding for a scenario that has passed validation."""
    windows = scene_windows(scenario)
    return [*_too_early(scenario, windows, located), *_too_late(scenario, windows, located),
            *_printed_twice(scenario, located)]


def _warn(located: Located, path: tuple[object, ...], code: str, message: str, hint: str) -> Problem:
    return located.problem(path, code, message, hint, severity="warning")


def _too_early(scenario: Scenario, windows: dict[str, Window], located: Located) -> Iterator[Problem]:
    for shown in _texts(scenario, windows):
        for match in _PAST.finditer(shown.text):
            named = _named_time(match, shown.window.first)
            if named > shown.window.first:
                yield _warn(located, shown.path, "L170",
                            f"this text speaks of {match.group(0)!r} as past, but it can be read at "
                            f"{clock_text(shown.window.first)}",
                            f"show it only once it is true, e.g. `when: {{after: \"{clock_text(named)}\"}}`, "
                            "or word it for any time")
    gathered_at = _gathered_windows(scenario, windows)
    for index, quote in enumerate(scenario.quotes):
        gathered = gathered_at.get(quote.id)
        if gathered is None:
            continue
        if quote.time and minutes_of(quote.time) > gathered.first:
            yield _warn(located, ("quotes", index, "time"), "L170",
                        f"quote '{quote.id}' is timed {quote.time} but some route gathers it at "
                        f"{clock_text(gathered.first)}",
                        f"gather it only from {quote.time} on (`when: {{after: \"{quote.time}\"}}` on the choice "
                        "or question that gathers it), or change its time")
            continue
        for match in _PAST.finditer(quote.context):
            named = _named_time(match, gathered.first)
            if named > gathered.first:
                yield _warn(located, ("quotes", index, "context"), "L170",
                            f"quote '{quote.id}' says {match.group(0)!r} but some route gathers it at "
                            f"{clock_text(gathered.first)}",
                            "gather it only once that time has come, or change the context")


def _too_late(scenario: Scenario, windows: dict[str, Window], located: Located) -> Iterator[Problem]:
    for shown in _texts(scenario, windows):
        for match in _FUTURE.finditer(shown.text):
            named = _named_time(match, shown.window.first)
            if shown.window.first <= named <= shown.window.last:
                yield _warn(located, shown.path, "L171",
                            f"this text speaks of {match.group(0)!r} as still to come, but it can be read "
                            f"at {clock_text(named)} or later",
                            f"keep it to the time before, e.g. put it in an `extra` paragraph with "
                            f"`when: {{before: \"{clock_text(named)}\"}}` and say what has happened after that")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _repeats(quote_text: str, prose: str) -> bool:
    """Whether the prose carries the quote's words: all of a short quote, or QUOTE_RUN words in a row."""
    quoted, written = _words(quote_text), _words(prose)
    run = min(QUOTE_RUN, len(quoted))
    if run < 3:
        return False
    runs = {tuple(quoted[i:i + run]) for i in range(len(quoted) - run + 1)}
    return any(tuple(written[i:i + run]) in runs for i in range(len(written) - run + 1))


def _printed_twice(scenario: Scenario, located: Located) -> Iterator[Problem]:
    quotes = {quote.id: quote for quote in scenario.quotes}

    def check(path: tuple[object, ...], prose: str | None, gathered: list[str]) -> Iterator[Problem]:
        for quote_id in gathered:
            quote = quotes.get(quote_id)
            if prose and quote and _repeats(quote.text, prose):
                yield _warn(located, path, "L172",
                            f"quote '{quote_id}' is written into this text and shown again in the quote block",
                            "the game prints every quote it gathers; let the prose set the scene and leave "
                            "the words to the quote")

    for s, scene in enumerate(scenario.scenes):
        prose = "\n".join([*(text for _, text in wordings(scene.text)), *(variant.text for variant in scene.extra)])
        yield from check(("scenes", s, "text"), prose, scene.gather)
        for c, choice in enumerate(scene.choices):
            yield from check(("scenes", s, "choices", c, "response"), _all(choice.response), choice.gather)
            for o, luck in enumerate(choice.chance):
                yield from check(("scenes", s, "choices", c, "chance", o, "text"),
                                 "\n".join([_all(choice.response), _all(luck.text)]), luck.gather)
        for q, question in enumerate(scene.questions.asked if scene.questions else []):
            yield from check(("scenes", s, "questions", "items", q, "answer"), _all(question.answer), question.gather)


def _all(words: str | list[Variant] | None) -> str:
    return "\n".join(text for _, text in wordings(words))
