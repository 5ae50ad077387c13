"""The options in a scene, numbered: pick one with the arrow keys and Enter, its number, or the mouse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.play.views import ChoiceKey, ChoiceView
from game.ui.widgets import styles

MAX_NUMBERED = 9
OPEN_DESK = ChoiceView("desk", "Sit down at the story desk", "", False)
"""The one option a scene offers once the player has taken a choice that leads to the desk."""
SEE_REVIEW = ChoiceView("review", "See the editor's review", "", False)
"""The one option an ending offers."""


def option_prompt(number: int, view: ChoiceView) -> Text:
    """"1  Ask Ana Ruiz: Why close it now?  5 min" as plain text (labels are never markup). Every choice
    shows what it costs, "0 min" included; one that leads to the story desk says so too. The face's own
    entries (sitting down at the desk, the review) cost nothing and show no cost."""
    prompt = Text()
    prompt.append(f"{number} " if number <= MAX_NUMBERED else "  ", style="bold")
    prompt.append(view.text)
    if view.to_desk:
        prompt.append("  → story desk", style="italic")
        prompt.append(f" · {view.cost}", style="dim")
    elif view.cost:
        prompt.append(f"  {view.cost}", style="dim")
    return prompt


class ChoiceList(OptionList):
    """Numbered options; posts `ChoiceList.Chosen` with the engine's key for the option picked."""

    DEFAULT_CSS = styles(__file__)

    class Chosen(Message):
        def __init__(self, key: ChoiceKey) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.views: tuple[ChoiceView, ...] = ()
        """The options on show, in order (each option's place in the list is its place here)."""

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self.show_cue, init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_cue)

    def show(self, options: Sequence[ChoiceView]) -> None:
        self.views = tuple(options)
        self.set_options(Option(option_prompt(number, option)) for number, option in enumerate(options, start=1))
        if options:
            self.highlighted = 0
        self.call_after_refresh(self.show_cue)

    def below(self) -> int:
        """How many options are wholly or partly out of sight below the list's window."""
        lines = self._lines
        bottom = round(self.scroll_y) + self.scrollable_content_region.height
        return len({index for index, _ in lines[max(bottom, 0):]})

    def show_cue(self, *_: object) -> None:
        """A "more below" line under the list while options are out of sight below it."""
        hidden = self.below() if self.is_mounted else 0
        self.set_class(hidden > 0, "-more")
        self.border_subtitle = f"▼ {hidden} more below (↓)" if hidden else None

    def choose_number(self, number: int) -> None:
        """Pick the option with this number, if there is one."""
        if 1 <= number <= min(self.option_count, len(self.views)):
            self.post_message(self.Chosen(self.views[number - 1].key))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.views):
            self.post_message(self.Chosen(self.views[event.option_index].key))
