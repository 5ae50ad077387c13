"""The notebook: every quote gathered, by speaker, and every fact with whether it is confirmed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from game.play import views
from game.play.session import Session
from game.ui.screens.base import GameScreen
from game.ui.widgets.clock_bar import ClockBar
from game.ui.widgets.game_footer import GameFooter
from game.ui.widgets.notebook_view import NotebookView


class NotebookScreen(GameScreen):
    """Opened with `n` (or F2) from anywhere in a game; Escape or `n` closes it."""

    CSS_PATH = "notebook.tcss"
    BINDINGS = [
        Binding("escape,n,f2", "close", "Close notebook"),
    ]

    def compose(self) -> ComposeResult:
        yield ClockBar(id="clock")
        with VerticalScroll(id="pages"):
            yield NotebookView(id="notebook")
        yield GameFooter()

    def on_mount(self) -> None:
        self.watch(self.game, "session", self.show, init=True)
        self.query_one("#pages").focus()

    def show(self, session: Session | None) -> None:
        if session is None:
            return
        self.query_one(ClockBar).show(session, where="Notebook")
        self.query_one(NotebookView).show(views.notebook_view(session))

    def action_close(self) -> None:
        self.dismiss()
