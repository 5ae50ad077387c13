"""Asks the player's name (optional) before a new game: it goes on the report card."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.ui.text import clean


class PlayerNameScreen(ModalScreen[str | None]):
    """Dismissed with the name (possibly empty) on Enter, or None on Escape (no new game).

    The box starts empty every time: on a shared classroom machine the last player's name must not end up on
    the next player's report card."""

    CSS_PATH = "player_name.tcss"
    BINDINGS = [Binding("escape", "cancel", "Back")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("New game", id="question")
            yield Static("Your name, for the report card (optional). Press Enter to start.", id="message")
            yield Input(placeholder="Your name", max_length=60, id="name")
            yield Static("Escape goes back", id="hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(clean(event.value).split()))

    def action_cancel(self) -> None:
        self.dismiss(None)
