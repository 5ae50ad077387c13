"""A question with a few answers, as a small dialog: filing, leaving the desk, starting over."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[str]):
    """Dismissed with the key of the answer chosen, or "cancel" on Escape."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [Binding("escape", "answer('cancel')", "Cancel")]

    def __init__(self, title: str, message: Text | str, answers: list[tuple[str, str]],
                 *, danger: str | None = None) -> None:
        """`answers` are (key, label) pairs, the first being the default; `danger` marks one in red."""
        super().__init__()
        self.title_text = title
        self.message = message if isinstance(message, Text) else Text(message)
        self.answers = answers
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), id="question")
            yield Static(self.message, id="message")
            with Horizontal(id="answers"):
                for key, label in self.answers:
                    variant = "error" if key == self.danger else "primary" if key == self.answers[0][0] else "default"
                    yield Button(label, id=f"answer-{key}", variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query_one(f"#answer-{self.answers[0][0]}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "answer-cancel").removeprefix("answer-"))

    def action_answer(self, key: str) -> None:
        self.dismiss(key)
