"""The editor's review, in tabs: the ending and the marks, the story with findings in place, what a strong story
did, and the debrief of the player's choices."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from game import engine
from game.model import clock_text
from game.play.filing import Outcome
from game.play.session import Session
from game.ui.screens.base import GameScreen
from game.ui.text import clean, reflow
from game.ui.widgets.game_footer import GameFooter
from game.ui.widgets.marked_story import MarkedStory, findings_table
from game.ui.widgets.score_table import ScoreTable

TONES = {"great": "✔✔", "good": "✔", "mixed": "~", "poor": "✘", "bad": "✘✘"}


def ending_text(session: Session) -> Text:
    scene = engine.current_scene(session.scenario, session.state)
    out = Text()
    if scene.ending is not None:
        out.append(f"{TONES.get(scene.ending.tone, '')} {clean(scene.ending.title)}\n", style="bold")
    out.append(clean(reflow(engine.scene_text(session.scenario, session.state))))
    return out


def filed_line(session: Session, card: Path | None) -> Text | None:
    """When the story was filed and where its report card went, on one line (None when there is neither)."""
    parts = []
    if session.state.filed_at is not None:
        parts.append(f"Filed at {clock_text(session.state.filed_at)}.")
    if card is not None:
        parts.append(f"Report card saved: {card}")
    return Text(clean(" ".join(parts)), style="dim") if parts else None


def bullets(items: list[tuple[str | None, str]]) -> Table:
    """A bulleted list with a hanging indent; each item plain text, with an optional bold heading."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for heading, text in items:
        line = Text()
        if heading:
            line.append(f"{clean(heading)}: ", style="bold")
        line.append(clean(reflow(text)))
        table.add_row("•", line)
    return table


def summary_line(findings: Sequence[Any]) -> Text:
    """What the editor marked, counted: "2 errors · 1 warning · 3 praises", or that nothing was marked."""
    counts = Counter(finding.severity for finding in findings)
    parts = [f"{counts[severity]} {name if counts[severity] == 1 else plural}"
             for severity, name, plural in (("error", "error", "errors"), ("warning", "warning", "warnings"),
                                            ("praise", "praise", "praises")) if counts[severity]]
    return Text(" · ".join(parts) or "nothing marked", style="dim")


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
        session, filed = self.ended, self.filed
        debrief = engine.debrief(session.scenario, session.state)
        with TabbedContent(id="review"):
            with TabPane("Verdict", id="verdict"), VerticalScroll(classes="page"):
                if session.state.ending:
                    yield Static(ending_text(session), id="ending")
                if filed is not None:
                    for note in filed.notes:
                        yield Static(Text(note, style="italic"), classes="note")
                    table = ScoreTable(id="scores")
                    table.show(filed.report.overall, filed.report.scores, frozenset(filed.report.error_dimensions))
                    yield table
                    yield Static(Text.assemble(("Your story, marked: ", "dim"), summary_line(filed.report.findings),
                                               ("  (→)", "dim")), id="marked")
                line = filed_line(session, filed.card if filed is not None else None)
                if line is not None:
                    yield Static(line, id="filed")
            if filed is not None:
                findings = filed.report.findings
                with TabPane("Your story", id="story"), VerticalScroll(classes="page"):
                    yield Static(summary_line(findings), id="summary")
                    story = MarkedStory(id="story-text")
                    story.show(filed.story_text, findings)
                    yield story
                    if findings:
                        yield Static(findings_table(findings), id="findings")
            if filed is not None and filed.strong:
                with TabPane("A strong story", id="strong"), VerticalScroll(classes="page"):
                    yield Static(bullets([(None, note) for note in filed.strong]), id="strong-notes")
            objectives = session.scenario.objectives
            if debrief or objectives:
                with TabPane("Your choices", id="choices"), VerticalScroll(classes="page"):
                    if debrief:
                        yield Static(bullets(debrief), id="debrief")
                    if objectives:
                        yield Static(Text("What the day was about", style="bold"), classes="heading")
                        yield Static(bullets([(None, objective) for objective in objectives]), id="objectives")
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
