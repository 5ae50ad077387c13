"""The story desk: a headline, the story, the notebook's quotes beside it, and filing.

The header shows when the story as it stands would be filed, and while the desk is in front the game clock
runs at the scenario's `desk_clock_rate` (the rule and its warnings are `game.deadline`'s, shared with the
plain face).
"""

from __future__ import annotations

import time
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Collapsible, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from game import deadline, engine
from game.play import views
from game.play.kept import load_draft, save_draft
from game.play.session import Session
from game.ui.screens.base import GameScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.text import clean, duration
from game.ui.widgets import update_if_changed
from game.ui.widgets.clock_bar import ClockBar
from game.ui.widgets.game_footer import NARROW, GameFooter
from game.ui.widgets.notebook_view import quote_mark

TICK_SECONDS = 1.0
"""How often the desk looks at the real clock to move the game clock on."""
SENTENCE_ENDS = ".!?…"
CLOSING_MARKS = "”\"’'"


def quote_style(text: str) -> str:
    """"straight" if the player's last double quotation mark is a straight one ("), else "curly"."""
    straight = text.rfind('"')
    curly = max(text.rfind("“"), text.rfind("”"))
    return "straight" if straight > curly else "curly"


def attributed(quote: engine.NotebookQuote, style: str = "curly") -> str:
    """A quote as it goes into the story: the speaker's full name, then the words exactly as said, in the
    player's quotation marks; a quote that stops mid-sentence gets a full stop after its closing mark."""
    words = quote.quote.text.strip()
    if style == "straight":
        words = words.replace("“", "'").replace("”", "'")  # a quote inside the quote: single marks
        opening, closing = '"', '"'
    else:
        opening, closing = "“", "”"
    ends_sentence = bool(words) and (words[-1] in SENTENCE_ENDS or (
        words[-1] in CLOSING_MARKS and len(words) > 1 and words[-2] in SENTENCE_ENDS))
    return f"{quote.speaker.name} said: {opening}{words}{closing}{'' if ends_sentence else '.'}"


def quote_prompt(entry: engine.NotebookQuote) -> Text:
    out = Text()
    out.append(clean(entry.speaker.name), style="bold")
    out.append(f"\n{quote_mark(entry.quote.text)}", style="italic")
    return out


def brief_text(desk: views.DeskView) -> Text:
    brief = Text()
    if not desk.brief:
        return brief
    brief.append("The desk wants: ", style="bold")
    brief.append(desk.brief)
    if desk.writing:
        brief.append(f"\n{desk.writing}", style="dim")
    if desk.clock_runs:
        brief.append(" The clock runs while you write.", style="dim")
    return brief


class DeskScreen(GameScreen):
    """Writing and filing. The draft is saved with ctrl+s; leaving with unsaved changes asks first."""

    CSS_PATH = "desk.tcss"
    BINDINGS = [
        Binding("ctrl+o", "insert_quote", "Quote"),
        Binding("ctrl+s", "save_draft", "Save"),
        Binding("ctrl+f", "file", "File"),
        Binding("ctrl+b", "toggle_brief", "Brief"),
        Binding("escape", "leave", "Back"),
    ]
    seconds_now = staticmethod(time.monotonic)
    """The real clock the desk clock reads (tests hold it still)."""

    def compose(self) -> ComposeResult:
        yield ClockBar(id="clock")
        yield Static(id="alarm")
        with Collapsible(title="The desk's brief", collapsed=False, id="brief-fold"), \
                VerticalScroll(id="brief-scroll"):
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
        yield GameFooter()

    def on_mount(self) -> None:
        headline, body = load_draft(self.session.scenario.id)
        self.saved = (headline, body)
        self.listed: tuple[str, ...] | None = None
        self.desk_clock = deadline.DeskClock(self.session.state)
        self.ours = self.session.state
        self.last_seconds = self.seconds_now()
        self.query_one("#headline", Input).value = headline
        self.query_one("#body", TextArea).load_text(body)
        self.query_one("#brief-fold", Collapsible).collapsed = self.app.size.height < 22 and bool(body)
        self.watch(self.game, "session", self.show, init=True)
        self.query_one("#headline" if not headline else "#body").focus()
        if self.app.is_web:
            # served to a browser: a blinking cursor is a frame drawn and sent twice a second for every
            # student writing (0.7% of a core each, idle); a steady one costs nothing until a key
            self.query_one("#headline", Input).cursor_blink = False
            self.query_one("#body", TextArea).cursor_blink = False
        self.update_count()
        if deadline.clock_runs(self.session.scenario):
            self.set_interval(TICK_SECONDS, self.tick)

    def show(self, session: Session | None) -> None:
        if session is None or not session.state.at_desk:
            return
        state = session.state
        desk = views.desk_view(session)
        self.query_one("#brief-fold", Collapsible).title = desk.title
        self.query_one("#brief", Static).update(brief_text(desk))
        self.show_deadline(session)
        quotes = session.story.notebook(state).quotes
        listed = tuple(entry.quote.id for entry in quotes)
        if listed == self.listed:
            return  # the clock moved on: the quotes (and the one highlighted) stay as they are
        self.listed = listed
        menu = self.query_one("#quotes", OptionList)
        items: list[Option | None] = []
        for entry in quotes:
            items += [Option(quote_prompt(entry), id=entry.quote.id), None]
        menu.set_options(items[:-1])
        if quotes:
            menu.highlighted = 0
        else:
            menu.set_options([Option(Text("No quotes in your notebook.", style="italic"), disabled=True)])

    def show_deadline(self, session: Session) -> None:
        """The header, and the warning line once the story as it stands is close to late (or late)."""
        words = engine.words_in(self.body)
        self.query_one(ClockBar).show(session, where="Story desk", words=words)
        if session.scenario.filing is None:
            return
        self.desk_clock, found, warnings = self.desk_clock.check(session.scenario, words)
        alarm = self.query_one("#alarm", Static)
        close = found.late or found.spare <= max(deadline.WARN_AT)
        alarm.display = close
        alarm.set_class(found.late, "-late")
        if close:
            alarm.update(Text("⚠ " + deadline.warning_text(found, deadline.LATE if found.late else 0)))
        if warnings:
            self.app.bell()

    # --- the clock while writing -----------------------------------------------------------------

    def tick(self) -> None:
        """Move the game clock on by the real time spent at the desk (only while the desk is in front)."""
        now = self.seconds_now()
        seconds, self.last_seconds = now - self.last_seconds, now
        session = self.game.session
        if self.app.screen is not self or session is None or not session.state.at_desk:
            return
        if session.state != self.ours:  # the game changed under the desk: count from where it is now
            self.desk_clock = self.desk_clock.restart(session.state)
        self.desk_clock = self.desk_clock.spend(seconds)
        state = self.desk_clock.state(session.scenario)
        self.ours = state
        if state != session.state:
            self.game.advance(replace(session, state=state))

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
        words = engine.words_in(self.body)
        out = Text(f"{words} word{'s' * (words != 1)}", style="bold")
        wanted = views.desk_view(self.session).wanted
        if wanted and self.size.width >= NARROW:
            out.append(f" (wants {wanted})", style="dim")
        if self.session.scenario.filing is not None:
            out.append(f" · writing {duration(self.session.story.writing_minutes(words))}", style="dim")
        out.append(" · unsaved" if self.unsaved else " · saved", style="dim italic")
        update_if_changed(self.query_one("#count", Static), out)  # most keys leave the count as it was
        if self.game.session is not None and self.game.session.state.at_desk:
            self.show_deadline(self.game.session)

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_picked(self, event: OptionList.OptionSelected) -> None:
        self.insert_quote(event.option.id)

    def action_insert_quote(self) -> None:
        option = self.query_one("#quotes", OptionList).highlighted_option
        self.insert_quote(option.id if option is not None else None)

    def insert_quote(self, quote_id: str | None) -> None:
        entry = next((q for q in self.session.story.notebook(self.session.state).quotes
                      if q.quote.id == quote_id), None)
        if entry is None:
            self.notify("Pick a quote from the list first (Tab moves to it).", severity="warning")
            return
        body = self.query_one("#body", TextArea)
        before = body.document.get_text_range((0, 0), body.cursor_location)
        spacer = "" if not before or before[-1].isspace() else " "
        body.insert(spacer + attributed(entry, quote_style(body.text)))
        body.focus()

    def action_toggle_brief(self) -> None:
        fold = self.query_one("#brief-fold", Collapsible)
        fold.collapsed = not fold.collapsed

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
        check = views.filing_check(self.session, body)
        message = Text(f"{check.summary}\n")
        for note in check.notes:
            message.append(f"{note}\n", style="bold")
        message.append("Once filed, it goes to the editor as it stands.")

        def answered(answer: str | None) -> None:
            if answer == "file":
                self.keep_draft()
                self.game.file(headline, body)

        self.app.push_screen(ConfirmScreen("File this story?", message,
                                           [("file", "File it"), ("cancel", "Keep writing")]), answered)
