"""The story desk: a headline, the story, the notebook's quotes beside it, and filing."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from game import engine
from game.model import clock_text
from game.ui.kept import load_draft, save_draft
from game.ui.screens.base import GameScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.session import Session
from game.ui.text import clean, duration, time_left_text
from game.ui.widgets.clock_bar import ClockBar
from game.ui.widgets.notebook_view import quote_mark


def word_count(text: str) -> int:
    return len(text.split())


def attributed(quote: engine.NotebookQuote) -> str:
    """A quote as it goes into the story: the speaker's full name, then the words exactly as said."""
    return f"{quote.speaker.name} said: “{quote.quote.text}”"


def quote_prompt(entry: engine.NotebookQuote) -> Text:
    out = Text()
    out.append(clean(entry.speaker.name), style="bold")
    out.append(f"\n{quote_mark(entry.quote.text)}", style="italic")
    return out


class DeskScreen(GameScreen):
    """Writing and filing. The draft is saved with ctrl+s; leaving with unsaved changes asks first."""

    CSS_PATH = "desk.tcss"
    BINDINGS = [
        Binding("ctrl+o", "insert_quote", "Quote"),
        Binding("ctrl+s", "save_draft", "Save"),
        Binding("ctrl+f", "file", "File"),
        Binding("escape", "leave", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield ClockBar(id="clock")
        yield Static(id="brief")
        with Horizontal(id="desk"):
            with Vertical(id="writing"):
                yield Input(placeholder="Headline", id="headline")
                yield TextArea(soft_wrap=True, tab_behavior="focus", id="body",
                               placeholder="Write your story here. Tab moves to your quotes.")
                yield Static(id="count")
            with Vertical(id="quotes-side"):
                yield Static("Quotes · Enter inserts", id="quotes-title")
                yield OptionList(id="quotes")
        yield Footer()

    def on_mount(self) -> None:
        headline, body = load_draft(self.session.scenario.id)
        self.saved = (headline, body)
        self.query_one("#headline", Input).value = headline
        self.query_one("#body", TextArea).load_text(body)
        self.watch(self.game, "session", self.show, init=True)
        self.query_one("#headline" if not headline else "#body").focus()
        self.update_count()

    def show(self, session: Session | None) -> None:
        if session is None or not session.state.at_desk:
            return
        scenario, state = session.scenario, session.state
        filed_at = engine.filing_time(scenario, state)
        self.query_one(ClockBar).show(session, where="Story desk")
        brief = Text()
        if scenario.filing is not None:
            brief.append("The desk wants: ", style="bold")
            brief.append(clean(scenario.filing.brief))
            writing = scenario.filing.writing_minutes
            if writing:
                brief.append(f"\nWriting takes {duration(writing)}: filed at {clock_text(filed_at)}, "
                             f"{time_left_text(engine.index(scenario).deadline - filed_at)}.", style="dim")
        self.query_one("#brief", Static).update(brief)
        quotes = engine.notebook(scenario, state).quotes
        menu = self.query_one("#quotes", OptionList)
        items: list[Option | None] = []
        for entry in quotes:
            items += [Option(quote_prompt(entry), id=entry.quote.id), None]
        menu.set_options(items[:-1])
        if quotes:
            menu.highlighted = 0
        else:
            menu.set_options([Option(Text("No quotes in your notebook.", style="italic"), disabled=True)])

    # --- writing ---------------------------------------------------------------------------------

    @property
    def headline(self) -> str:
        return self.query_one("#headline", Input).value

    @property
    def body(self) -> str:
        return self.query_one("#body", TextArea).text

    @property
    def unsaved(self) -> bool:
        return (self.headline, self.body) != self.saved

    @on(TextArea.Changed)
    @on(Input.Changed)
    def update_count(self) -> None:
        words = word_count(self.body)
        out = Text(f"{words} word{'s' * (words != 1)}", style="bold")
        filing = self.session.scenario.filing
        if filing is not None and (filing.min_words or filing.max_words):
            wanted = f"{filing.min_words}–{filing.max_words}" if filing.max_words else f"at least {filing.min_words}"
            out.append(f" · the desk wants {wanted}", style="dim")
        out.append(" · unsaved" if self.unsaved else " · draft saved", style="dim italic")
        self.query_one("#count", Static).update(out)

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_picked(self, event: OptionList.OptionSelected) -> None:
        self.insert_quote(event.option.id)

    def action_insert_quote(self) -> None:
        option = self.query_one("#quotes", OptionList).highlighted_option
        self.insert_quote(option.id if option is not None else None)

    def insert_quote(self, quote_id: str | None) -> None:
        entry = next((q for q in engine.notebook(self.session.scenario, self.session.state).quotes
                      if q.quote.id == quote_id), None)
        if entry is None:
            self.notify("Pick a quote from the list first (Tab moves to it).", severity="warning")
            return
        body = self.query_one("#body", TextArea)
        before = body.document.get_text_range((0, 0), body.cursor_location)
        spacer = "" if not before or before[-1].isspace() else " "
        body.insert(spacer + attributed(entry))
        body.focus()

    def action_save_draft(self) -> None:
        if self.keep_draft():
            self.notify("Draft saved.")

    def keep_draft(self) -> bool:
        """Save the headline and story; say so when that fails."""
        try:
            save_draft(self.session.scenario.id, self.headline, self.body)
        except OSError as error:
            self.notify(f"The draft could not be saved: {error}", severity="error")
            return False
        self.saved = (self.headline, self.body)
        self.update_count()
        return True

    # --- leaving and filing ----------------------------------------------------------------------

    def action_leave(self) -> None:
        if not self.unsaved:
            self.game.leave_desk()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save_draft()
            if answer in ("save", "discard"):
                self.game.leave_desk()

        self.app.push_screen(ConfirmScreen(
            "Leave the story desk?", "Your story has changes you have not saved.",
            [("save", "Save and leave"), ("discard", "Discard changes"), ("cancel", "Stay")],
            danger="discard"), answered)

    def action_file(self) -> None:
        headline, body = self.headline.strip(), self.body.strip()
        if not headline or not body:
            self.notify("A story needs a headline and some words before it can be filed.", severity="warning")
            self.query_one("#headline" if not headline else "#body").focus()
            return
        scenario, state = self.session.scenario, self.session.state
        filed_at = engine.filing_time(scenario, state)
        words = word_count(body)
        message = Text(f"{words} words, filed at {clock_text(filed_at)} "
                       f"({time_left_text(engine.index(scenario).deadline - filed_at)}).\n")
        filing = scenario.filing
        if filing is not None and words < filing.min_words:
            message.append(f"The desk wants at least {filing.min_words} words.\n", style="bold")
        if filing is not None and filing.max_words and words > filing.max_words:
            message.append(f"The desk wants at most {filing.max_words} words.\n", style="bold")
        message.append("Once filed, it goes to the editor as it stands.")

        def answered(answer: str | None) -> None:
            if answer == "file":
                self.keep_draft()
                self.game.file(headline, body)

        self.app.push_screen(ConfirmScreen("File this story?", message,
                                           [("file", "File it"), ("cancel", "Keep writing")]), answered)
