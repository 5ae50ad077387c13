"""The editor's review, in tabs: the ending and the marks, the story with findings in place, what a strong story
did, and the debrief of the player's choices."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from game.play import views
from game.play.filing import Outcome
from game.play.session import Session
from game.ui.screens.base import GameScreen
from game.ui.text import clean
from game.ui.widgets.game_footer import GameFooter
from game.ui.widgets.marked_story import MarkedStory, findings_table
from game.ui.widgets.score_table import ScoreTable


def ending_text(review: views.ReviewView) -> Text:
    out = Text()
    if review.ending_title:
        out.append(f"{review.tone} {review.ending_title}\n", style="bold")
    out.append(review.ending_text)
    return out


def filed_line(review: views.ReviewView) -> Text | None:
    """When the story was filed and where its report card went, on one line (None when there is neither)."""
    parts = []
    if review.filed_at is not None:
        parts.append(f"Filed at {review.filed_at}.")
    if review.card is not None:
        parts.append(f"Report card saved: {review.card}")
    return Text(clean(" ".join(parts)), style="dim") if parts else None


def bullets(items: Sequence[tuple[str | None, str]]) -> Table:
    """A bulleted list with a hanging indent; each item plain text, with an optional bold heading."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for heading, text in items:
        line = Text()
        if heading:
            line.append(f"{clean(heading)}: ", style="bold")
        line.append(clean(text))
        table.add_row("•", line)
    return table


class ReviewScreen(GameScreen):
    """What the editor made of the story, in tabs so each part fits the screen: the verdict (the ending and
    the marks), the story with the findings in place, what a strong story did, and the player's choices.
    `filed` is None when the day ended without a story filed."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("right", "tab(1)", "Next tab", priority=True, key_display="→"),
        Binding("left", "tab(-1)", "Previous tab", priority=True, key_display="←", show=False),
        Binding("p", "play_again", "Play again"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session, filed: Outcome | None) -> None:
        super().__init__()
        self.ended = session
        self.filed = filed

    def compose(self) -> ComposeResult:
        review = views.review_view(self.ended, self.filed)
        with TabbedContent(id="review"):
            with TabPane("Verdict", id="verdict"), VerticalScroll(classes="page"):
                if self.ended.state.ending:
                    yield Static(ending_text(review), id="ending")
                for note in review.notes:
                    yield Static(Text(note, style="italic"), classes="note")
                if review.overall is not None:
                    table = ScoreTable(id="scores")
                    table.show(review.overall, review.grades)
                    yield table
                    yield Static(Text.assemble(("Your story, marked: ", "dim"), (review.summary, "dim"),
                                               ("  (→)", "dim")), id="marked")
                line = filed_line(review)
                if line is not None:
                    yield Static(line, id="filed")
            if review.overall is not None:
                with TabPane("Your story", id="story"), VerticalScroll(classes="page"):
                    yield Static(Text(review.summary, style="dim"), id="summary")
                    story = MarkedStory(id="story-text")
                    story.show(review.story_text, review.findings)
                    yield story
                    if review.findings:
                        yield Static(findings_table(review.findings), id="findings")
            if review.strong:
                with TabPane("A strong story", id="strong"), VerticalScroll(classes="page"):
                    yield Static(bullets([(None, note) for note in review.strong]), id="strong-notes")
            if review.debrief or review.objectives:
                with TabPane("Your choices", id="choices"), VerticalScroll(classes="page"):
                    if review.debrief:
                        yield Static(bullets(review.debrief), id="debrief")
                    if review.objectives:
                        yield Static(Text("What the day was about", style="bold"), classes="heading")
                        yield Static(bullets([(None, objective) for objective in review.objectives]),
                                     id="objectives")
        yield GameFooter()

    def on_mount(self) -> None:
        self.focus_page()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.focus_page()

    def focus_page(self) -> None:
        """Focus the shown tab's page, so the arrow and page keys scroll it."""
        pane = self.query_one(TabbedContent).active_pane
        if pane is not None:
            pane.query_one(".page").focus()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        shown = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if tabs.active in shown:
            tabs.active = shown[(shown.index(tabs.active) + step) % len(shown)]

    def action_play_again(self) -> None:
        self.game.back_to_title()
