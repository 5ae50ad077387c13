"""How the game looks without colour: NO_COLOR is honoured by dropping colour altogether, and what colour
would have marked (the highlighted choice, the focused button, the cursor) is underlined instead."""

from __future__ import annotations

import os
from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

NO_COLOR_THEME = "newsroom-no-color"


def wants_no_color() -> bool:
    """The NO_COLOR convention: any value, even empty, means no colour."""
    return "NO_COLOR" in os.environ


def no_color_theme() -> Theme:
    """The ANSI theme (so the terminal's own colours are kept), with highlights underlined: Textual draws reverse
    video by swapping colours, which is lost once colour is."""
    ansi = BUILTIN_THEMES["ansi-dark"]
    return replace(ansi, name=NO_COLOR_THEME, variables={
        **ansi.variables,
        "block-cursor-text-style": "bold underline",
        "block-cursor-blurred-text-style": "underline",
        "button-focus-text-style": "bold underline",
        "input-cursor-text-style": "underline",
    })
