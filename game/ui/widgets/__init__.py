"""Widgets of the Textual game, one per module, each styled by the `.tcss` file beside it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from textual.widgets import Static


def styles(module_file: str) -> str:
    """The `.tcss` beside a widget's module, as its DEFAULT_CSS: loaded only once the widget is used."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")


def same_content(shown: object, new: object) -> bool:
    """Whether a Static showing `shown` would look the same showing `new` (a `Text` is compared with its
    style and justification too, which `Text.__eq__` leaves out)."""
    if isinstance(shown, Text) and isinstance(new, Text):
        return (shown.plain, shown.spans, shown.style, shown.justify, shown.no_wrap, shown.overflow) == \
            (new.plain, new.spans, new.style, new.justify, new.no_wrap, new.overflow)
    return type(shown) is type(new) and shown == new


def update_if_changed(widget: Static, content: Text | str, *, layout: bool = True) -> bool:
    """Show `content` in `widget` unless it shows just that already; True if it changed.

    Every `Static.update` draws the widget afresh (and, with `layout`, lays the screen out again), which is
    most of what a keypress costs a served game; a keypress changes only some of what is on screen."""
    if same_content(widget.content, content):
        return False
    widget.update(content, layout=layout)
    return True
