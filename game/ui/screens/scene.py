"""A scene: where you are, what is happening, what you just gathered, and what you can do next."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from game import engine
from game.play.kept import load_draft
from game.play.session import Session
from game.ui.screens.base import GameScreen, page
from game.ui.text import clean, plain, reflow
from game.ui.widgets.choice_list import OPEN_DESK, ChoiceList
from game.ui.widgets.clock_bar import ClockBar
from game.ui.widgets.game_footer import GameFooter
from game.ui.widgets.notebook_view import quote_mark


def gathered_text(session: Session) -> Text:
    """What the last step put in the notebook: each quote word for word, then a "Quote added" line."""
    lookup = engine.index(session.scenario)
    out = Text()
    for kind, item_id in session.state.gathered:
        if kind == "quote" and item_id in lookup.quotes:
            quote = lookup.quotes[item_id]
            speaker = lookup.people[quote.speaker]
            out.append(f"{quote_mark(quote.text)}", style="italic")
            out.append(f" — {clean(speaker.name)}\n")
            out.append("✚ Quote added: ", style="bold")
            out.append(f"{clean(speaker.name)} · {clean(quote.context)}\n", style="dim")
        elif kind == "fact" and item_id in lookup.facts:
            fact = lookup.facts[item_id]
            status = engine.fact_status(session.scenario, session.state, fact)
            out.append("✚ Noted: ", style="bold")
            out.append(clean(fact.statement))
            out.append(f" ({status})\n", style="dim")
    out.rstrip()
    return out


def heading_text(session: Session) -> Text:
    scene = engine.current_scene(session.scenario, session.state)
    out = Text()
    if scene.ending:
        out.append(f"THE END — {clean(scene.ending.title)}", style="bold")
    elif scene.title:
        out.append(clean(scene.title), style="bold")
    return out


def prompt_text(session: Session) -> Text:
    """Above the choices: the questions' prompt and how many may still be asked."""
    scene = engine.current_scene(session.scenario, session.state)
    if session.state.ending:
        return Text("Your day is over.", style="italic")
    out = Text()
    left = engine.questions_left(scene, session.state)
    if session.state.at_desk:
        out.append("Your story is waiting at the desk.", style="dim")
    elif scene.questions and left:
        prompt = engine.prompt_text(session.scenario, session.state)
        if prompt:
            out.append(clean(prompt) + " ")
        out.append(f"({left} question{'s' * (left != 1)} left)", style="dim")
    elif not engine.options(session.scenario, session.state):
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
        state = session.state
        moved = bool(state.history) and state.history[-1].scene != state.scene
        response = plain(reflow(state.response or ""))
        self.query_one(ClockBar).show(session, words=engine.words_in(load_draft(session.scenario.id)[1]))
        self.query_one("#heading", Static).update(heading_text(session))
        self.query_one("#before", Static).update(response if moved else "")
        self.query_one("#before").display = bool(state.response) and moved
        self.query_one("#text", Static).update(plain(reflow(engine.scene_text(session.scenario, state))))
        self.query_one("#after", Static).update(response if not moved else "")
        self.query_one("#after").display = bool(state.response) and not moved
        gathered = gathered_text(session)
        self.query_one("#gathered", Static).update(gathered)
        self.query_one("#gathered").display = bool(gathered)
        self.query_one("#prompt", Static).update(prompt_text(session))
        choices = self.query_one(ChoiceList)
        self.query_one("#undone").display = False
        if state.ending:
            choices.show([engine.Option("review", "See the editor's review", "choice", 0)])
        elif state.at_desk:
            choices.show([engine.Option(OPEN_DESK, "Sit down at the story desk", "choice", 0)])
        else:
            choices.show(engine.options(session.scenario, state))
        self.query_one("#story", VerticalScroll).scroll_home(animate=False)
        choices.focus()
        self.refresh_bindings()

    @on(ChoiceList.Chosen)
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        if self.session.state.ending:
            self.game.show_review()
        elif event.key == OPEN_DESK and self.session.state.at_desk:
            self.game.open_desk()
        else:
            self.game.take(event.key)

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
