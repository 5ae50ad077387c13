"""The options in a scene, numbered: pick one with the arrow keys and Enter, its number, or the mouse."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.play.views import ChoiceView
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
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self.show_cue, init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_cue)

    def show(self, options: Sequence[ChoiceView]) -> None:
        self.set_options(
            Option(option_prompt(number, option), id=option.key)
            for number, option in enumerate(options, start=1)
        )
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
        if 1 <= number <= self.option_count:
            option = self.get_option_at_index(number - 1)
            if option.id is not None:
                self.post_message(self.Chosen(option.id))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))
