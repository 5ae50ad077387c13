"""Templates in scenario text: `{player}`, `{clock}`, `{counter.trust}`, `{person.mai}`.

A template is a name in braces, looked up in the game state when the text is shown. There is nothing
else: no expressions, no filters, no code; a name the format does not know is a located error when the
scenario loads, with the closest known name as a hint. `{{` and `}}` write a literal brace.

Rendering returns plain text (a counter's number, a person's name, the clock); the user interface escapes
it like any other scenario text, so a template can no more inject markup than the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

BUILT_IN: dict[str, str] = {
    "player": "the player's name (\"Reporter\" if they gave none)",
    "clock": "the time now, as the clock shows it: \"14:05\", or \"00:15 (day 2)\" after midnight",
    "day": "the day of the story: 1, then 2 after midnight",
    "deadline": "the deadline, as the clock shows it",
    "minutes_left": "whole minutes to the deadline (0 once it has passed)",
}
"""The names every scenario has, and what each shows."""
KINDS: dict[str, str] = {
    "counter": "a counter's value: `{counter.trust}`",
    "person": "a person's full name: `{person.mai}`",
}
"""The names a scenario defines, written `{KIND.ID}`."""
NO_NAME = "Reporter"
"""What `{player}` shows for a player who gave no name."""

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")


@dataclass(frozen=True)
class Slot:
    """One `{name}` in a text: the name, and where the braces start and end in the text."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Mistake:
    """A template that cannot be shown: where in the text, what was written, and what is wrong."""

    start: int
    written: str
    message: str
    hint: str | None = None


def slots(text: str) -> Iterator[Slot | Mistake]:
    """Each template in a text, or a mistake where braces do not make one."""
    if "{" not in text and "}" not in text:
        return
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if token == "{":
            yield Mistake(match.start(), token, "a '{' that no '}' closes",
                          "write {{ for a brace in the text, or close the template: {clock}")
        elif token == "}":
            yield Mistake(match.start(), token, "a '}' that no '{' opens", "write }} for a brace in the text")
        else:
            yield Slot(match.group(1).strip(), match.start(), match.end())


def check(text: str, known: dict[str, list[str]]) -> list[Mistake]:
    """Every template in a text that names nothing: `known` gives the ids of each kind (counter, person)."""
    from game.problems import did_you_mean

    every = [*BUILT_IN, *(f"{kind}.{name}" for kind, names in known.items() for name in names)]
    mistakes: list[Mistake] = []
    for found in slots(text):
        if isinstance(found, Mistake):
            mistakes.append(found)
            continue
        written = text[found.start:found.end]
        if found.name in BUILT_IN:
            continue
        kind, dot, name = found.name.partition(".")
        if dot and kind in KINDS and name in known.get(kind, []):
            continue
        if dot and kind in KINDS:
            message = f"unknown {kind} '{name}' in template {written}"
            hint = did_you_mean(name, known.get(kind, []), f"{kind}s")
        elif not found.name:
            message, hint = "an empty template {}", "write {{}} for braces in the text, or a name: {clock}"
        else:
            message = f"unknown template {written}"
            hint = did_you_mean(found.name, every, "template names")
            if "did you mean" not in hint:
                hint = "templates are " + ", ".join(f"{{{n}}}" for n in BUILT_IN) + ", {counter.ID}, {person.ID}"
        mistakes.append(Mistake(found.start, written, message, hint))
    return mistakes


def names(text: str) -> list[str]:
    """The names a text's templates use, as written (`counter.trust`), well formed or not."""
    return [found.name for found in slots(text) if isinstance(found, Slot)]


def render(text: str, value: Callable[[str], str]) -> str:
    """The text with each template replaced by `value(name)` and `{{`/`}}` by braces.

    A name `value` cannot answer (only possible for an unchecked scenario) is left as written.
    """
    if "{" not in text and "}" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        if match.group(1) is None:
            return token
        try:
            return value(match.group(1).strip())
        except KeyError:
            return token

    return _TOKEN.sub(replace, text)
