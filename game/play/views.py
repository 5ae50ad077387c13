"""What the faces show, as plain values: each face renders these and nothing else, so what a choice is
called and what it costs reads the same in the Textual game and in plain mode, and every piece of scenario
text in it has been cleaned of escape sequences and control characters (`game.text.clean`) already."""

from __future__ import annotations

from dataclasses import dataclass

from game import engine
from game.text import clean, duration


@dataclass(frozen=True)
class ChoiceView:
    """One option on offer: "Ask Ana Ruiz: Why close it now?", costing "5 min"."""

    key: str
    """The engine's key for it (what the face hands back when the player picks it)."""
    text: str
    cost: str
    to_desk: bool
    """Whether it ends the reporting and opens the story desk."""


def choice_view(option: engine.Option) -> ChoiceView:
    text = clean(option.label)
    if option.kind == "question":
        text = f"Ask {clean(option.to)}: {text}" if option.to else f"Ask {text}"
    return ChoiceView(option.key, text, duration(option.minutes), option.kind == "file")


def choice_views(options: list[engine.Option]) -> list[ChoiceView]:
    return [choice_view(option) for option in options]
