"""When the scenario file has problems: each one located, with its hint, instead of a crash."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.problems import Problem
from game.ui.screens.base import GameScreen
from game.ui.text import clean
from game.ui.widgets.game_footer import GameFooter

SHOWN = 200


def problems_text(problems: Sequence[Problem]) -> Text:
    out = Text()
    for problem in problems[:SHOWN]:
        out.append(f"{clean(problem.file)}:{problem.line}:{problem.column}: ", style="bold")
        out.append(f"{problem.code} ", style="bold reverse" if problem.severity == "error" else "reverse")
        out.append(f" {clean(problem.message)}\n")
        if problem.hint:
            out.append(f"    hint: {clean(problem.hint)}\n", style="dim")
    if len(problems) > SHOWN:
        out.append(f"… and {len(problems) - SHOWN} more: run `newsroom validate` for the full list.\n")
    out.rstrip()
    return out


class ProblemsScreen(GameScreen):
    """Lists what is wrong with the scenario; with --watch, the game reloads once the file is fixed."""

    CSS_PATH = "problems.tcss"
    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, path: Path, problems: Sequence[Problem], watching: bool) -> None:
        super().__init__()
        self.path = path
        self.problems = list(problems)
        self.watching = watching

    def compose(self) -> ComposeResult:
        errors = sum(1 for problem in self.problems if problem.severity == "error")
        heading = Text(f"{clean(str(self.path))} cannot be played: "
                       f"{errors} problem{'s' * (errors != 1)} to fix", style="bold")
        yield Static(heading, id="heading")
        with VerticalScroll(id="list"):
            yield Static(problems_text(self.problems), id="problems")
        if self.watching:
            yield Static("Watching the file: save it and the game reloads.", id="watching")
        yield GameFooter()

    def on_mount(self) -> None:
        self.query_one("#list").focus()
