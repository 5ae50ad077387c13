"""Scenario text made safe to show: never markup, never terminal control sequences.

Scenario files are written by anyone. Their text reaches the screen only through `plain`, which strips
escape sequences and control characters and wraps the rest in a `rich.text.Text`, so square brackets stay
square brackets and nothing can restyle, move the cursor or retitle the terminal.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from game.text import clean, duration, reflow, time_left_text

__all__ = ["clean", "duration", "line", "plain", "reflow", "time_left_text"]


def plain(text: str, style: str | Style = "") -> Text:
    """Untrusted text as a `Text`: displayed exactly as written, never parsed as markup."""
    return Text(clean(text), style=style)


def line(*parts: str | tuple[str, str | Style]) -> Text:
    """A `Text` from pieces, each plain text or (text, style); every piece is cleaned."""
    result = Text()
    for part in parts:
        if isinstance(part, tuple):
            result.append(clean(part[0]), style=part[1])
        else:
            result.append(clean(part))
    return result
