"""Widgets of the Textual game, one per module, each styled by the `.tcss` file beside it."""

from __future__ import annotations

from pathlib import Path


def styles(module_file: str) -> str:
    """The `.tcss` beside a widget's module, as its DEFAULT_CSS: loaded only once the widget is used."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")
