"""Scenario text made safe to show, for every face: never terminal control sequences, never markup.

Scenario files are written by anyone. Whatever face shows their text (the Textual screens, plain mode, a
report card) passes it through `clean`, which strips escape sequences and control characters, so nothing can
restyle, move the cursor or retitle the terminal. Plain Python: no Textual, no Rich.
"""

from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks, clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor movement, erasing
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # CSI as a single C1 character
    r"|\x1b[ -/]*[0-~]?"  # any other escape
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls except tab and newline, and the bidirectional overrides that reorder a line."""


def clean(text: str) -> str:
    """The text with escape sequences and control characters removed; tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\t", "    ")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def reflow(text: str) -> str:
    """Prose as the author meant it: lines wrapped in the YAML file join up; blank lines keep paragraphs."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip())
    return "\n\n".join(" ".join(part.split()) for part in paragraphs if part.strip())


def duration(minutes: int) -> str:
    """A span of game time as a reporter says it: "45 min", "2 h 05"."""
    minutes = abs(minutes)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def time_left_text(minutes: int) -> str:
    """"2 h 40 to deadline", "deadline now", "25 min late"."""
    if minutes > 0:
        return f"{duration(minutes)} to deadline"
    if minutes == 0:
        return "deadline now"
    return f"{duration(minutes)} late"
