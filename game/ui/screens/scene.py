"""A scene: where you are, what is happening, what you just gathered, and what you can do next."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from game import engine
from game.play import views
from game.play.kept import load_draft
from game.play.session import Session
from game.ui.screens.base import GameScreen, page
from game.ui.text import clean, plain
from game.ui.widgets.choice_list import OPEN_DESK, SEE_REVIEW, ChoiceList
from game.ui.widgets.clock_bar import ClockBar
from game.ui.widgets.game_footer import GameFooter
from game.ui.widgets.notebook_view import quote_mark


def gathered_text(view: views.SceneView) -> Text:
    """What the last step put in the notebook: each quote word for word, then a "Quote added" line."""
    out = Text()
    for item in view.gathered:
        if item.kind == "quote":
            out.append(f"{quote_mark(item.text)}", style="italic")
            out.append(f" — {item.speaker}\n")
            out.append("✚ Quote added: ", style="bold")
            out.append(f"{item.speaker} · {item.context}\n", style="dim")
        else:
            out.append("✚ Noted: ", style="bold")
            out.append(item.text)
            out.append(f" ({item.status})\n", style="dim")
    out.rstrip()
    return out


def heading_text(view: views.SceneView) -> Text:
    return Text(view.heading, style="bold")


def prompt_text(view: views.SceneView) -> Text:
    """Above the choices: the questions' prompt and how many may still be asked."""
    if view.ending:
        return Text("Your day is over.", style="italic")
    out = Text()
    left = view.questions_left
    if view.at_desk:
        out.append("Your story is waiting at the desk.", style="dim")
    elif left:
        if view.prompt:
            out.append(view.prompt + " ")
        out.append(f"({left} question{'s' * (left != 1)} left)", style="dim")
    elif not view.choices:
        out.append("There is nothing more to do here: press u to undo your last choice.", style="italic")
    else:
        out.append("What now?", style="dim")
    return out


class SceneScreen(GameScreen):
    """Reporting: read the scene, pick what to do."""

    CSS_PATH = "scene.tcss"
    BINDINGS = [
        *(Binding(str(number), f"choose({number})", show=False) for number in range(1, 10)),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("pageup", "scroll_story(-1)", show=False, priority=True),
        Binding("pagedown", "scroll_story(1)", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield ClockBar(id="clock")
        with VerticalScroll(id="story"):
            yield Static(id="heading")
            yield Static(id="before", classes="response")
            yield Static(id="text")
            yield Static(id="after", classes="response")
            yield Static(id="gathered")
            yield Static(id="undone")
            yield Static(id="prompt")
        yield ChoiceList(id="choices")
        yield GameFooter()

    def on_mount(self) -> None:
        self.watch(self.game, "session", self.show, init=True)

    def show(self, session: Session | None) -> None:
        if session is None:
            return
        view = views.scene_view(session)
        response = plain(view.response)
        self.query_one(ClockBar).show(session, words=engine.words_in(load_draft(session.scenario.id)[1]))
        self.query_one("#heading", Static).update(heading_text(view))
        self.query_one("#before", Static).update(response if view.response_first else "")
        self.query_one("#before").display = bool(view.response) and view.response_first
        self.query_one("#text", Static).update(plain(view.text))
        self.query_one("#after", Static).update(response if not view.response_first else "")
        self.query_one("#after").display = bool(view.response) and not view.response_first
        gathered = gathered_text(view)
        self.query_one("#gathered", Static).update(gathered)
        self.query_one("#gathered").display = bool(gathered)
        self.query_one("#prompt", Static).update(prompt_text(view))
        choices = self.query_one(ChoiceList)
        self.query_one("#undone").display = False
        if view.ending:
            choices.show([SEE_REVIEW])
        elif view.at_desk:
            choices.show([OPEN_DESK])
        else:
            choices.show(view.choices)
        self.query_one("#story", VerticalScroll).scroll_home(animate=False)
        choices.focus()
        self.refresh_bindings()

    @on(ChoiceList.Chosen)
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if self.session.state.ending:
            self.game.show_review()
        elif isinstance(event.key, engine.Key):
            self.game.take(event.key)
        elif event.key == OPEN_DESK.key and self.session.state.at_desk:
            self.game.open_desk()
        else:
            self.app.bell()  # the face's own entry, no longer on offer

    def action_choose(self, number: int) -> None:
        self.query_one(ChoiceList).choose_number(number)

    def action_undo(self) -> None:
        self.game.undo()

    def show_undone(self, label: str) -> None:
        """Say what was taken back, in the scene itself (a toast would cover the choices)."""
        undone = self.query_one("#undone", Static)
        undone.update(Text.assemble(("↶ Undone: ", "bold"), clean(label)))
        undone.display = True

    def action_scroll_story(self, direction: int) -> None:
        page(self.query_one("#story", VerticalScroll), direction)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            session = self.game.session
            return True if session is not None and session.can_undo else None
        return True
