"""The editor's review: the marks, the story with findings in place, what a strong story did, the debrief,
and the ending reached."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from game import engine
from game.model import clock_text
from game.ui.filing import Filed
from game.ui.screens.base import GameScreen
from game.ui.session import Session
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
    if session.state.filed_at is not None:
        out.append(f"\nFiled at {clock_text(session.state.filed_at)}.", style="dim")
    return out


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


def section(title: str) -> Static:
    return Static(Text(title, style="bold"), classes="section")


class ReviewScreen(GameScreen):
    """What the editor made of the story. `filed` is None when the day ended without a story filed."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("p", "play_again", "Play again"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session, filed: Filed | None) -> None:
        super().__init__()
        self.ended = session
        self.filed = filed

    def compose(self) -> ComposeResult:
        session, filed = self.ended, self.filed
        report = filed.report if filed is not None else None
        with VerticalScroll(id="review"):
            yield Static(Text("THE EDITOR'S REVIEW", style="bold"), id="masthead")
            if session.state.ending:
                yield Static(ending_text(session), id="ending")
            for note in filed.notes if filed is not None else ():
                yield Static(Text(note, style="italic"), classes="note")
            if report is not None:
                yield section("The marks")
                table = ScoreTable(id="scores")
                table.show(report.overall, report.scores, frozenset(report.error_dimensions))
                yield table
            if filed is not None:
                yield section("Your story" + (", marked by the editor" if report is not None else ""))
                story = MarkedStory(id="story")
                story.show(filed.story_text, report.findings if report is not None else ())
                yield story
                if report is not None and report.findings:
                    yield Static(findings_table(report.findings), id="findings")
            if filed is not None and filed.strong:
                yield section("What a strong story did")
                yield Static(bullets([(None, note) for note in filed.strong]), id="strong")
            debrief = engine.debrief(session.scenario, session.state)
            if debrief:
                yield section("Your choices, and what they meant")
                yield Static(bullets(debrief), id="debrief")
            if filed is not None and filed.card is not None:
                yield Static(Text(f"Report card saved: {filed.card}", style="dim"), id="card")
            with Horizontal(id="actions"):
                yield Button("Play again", id="play-again", variant="primary")
                yield Button("Quit", id="quit")
        yield GameFooter()

    def on_mount(self) -> None:
        self.query_one("#review").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "play-again":
            self.action_play_again()
        else:
            self.app.exit()

    def action_play_again(self) -> None:
        self.game.back_to_title()
