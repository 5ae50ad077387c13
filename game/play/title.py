"""What the title screen shows, for both faces: the scenario's title, summary and the objectives it may show.

Cheap to import (no engine, no pydantic): the Textual title screen draws it in the very first frame, from the
quick read of the file's head, before the scenario is checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.text import clean, reflow


@dataclass(frozen=True)
class TitleView:
    """The title, the summary as paragraphs of prose, and the objectives listed, all cleaned."""

    title: str
    summary: str
    """Reflowed: lines wrapped in the YAML file joined, paragraphs apart by a blank line."""
    objectives: tuple[str, ...]
    """Before play, the ones worded to give nothing away (when the scenario has them); after play, all."""


def title_view(title: str, summary: str, objectives: Sequence[str], before_play: Sequence[str] | None = None,
               played: bool = False) -> TitleView:
    shown = objectives if played or before_play is None else before_play
    return TitleView(clean(title), clean(reflow(summary)), tuple(clean(reflow(item)) for item in shown))
