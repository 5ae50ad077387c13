"""Filing a story, the one way both faces do it: keep the draft, grade it, move the game to its ending,
write the transcript and report card, and only then let the draft go.

Every rule of filing lives here, so the Textual game and plain mode cannot disagree on it: a grader that
fails costs the player nothing (the draft is on disk and the game is where it was, `GradingFailed` says
so); a report card that cannot be written is a note, and the story stays in its draft; a story safe in its
transcript has its draft deleted.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from game import engine, grader
from game.engine import GameState
from game.grader import Filed, Report, Story, strong_story_notes
from game.model import Scenario
from game.play.kept import draft_path, forget_draft, save_draft
from game.play.session import Session
from game.transcript import build_transcript, save_transcript


class GradingFailed(Exception):
    """The grader broke on this story (a bug in Newsroom, not the player's fault). The draft is kept and
    the game has not moved: the player can file again, or go on reporting."""

    def __init__(self, error: Exception) -> None:
        super().__init__(f"The editor could not grade this story ({type(error).__name__}: {error}). "
                         "Your draft is saved; please report this.")
        self.error = error


@dataclass(frozen=True)
class Outcome:
    """The outcome of filing: the session at its ending, the graded story, and what was kept on disk."""

    session: Session
    headline: str
    body: str
    report: Report
    strong: tuple[str, ...] = ()
    """What a strong story did (the grader's notes for this scenario)."""
    card: Path | None = None
    """The report card (Markdown) written for the teacher, if one was written."""
    record: Path | None = None
    """The transcript (JSON) beside the card, if one was written."""
    notes: tuple[str, ...] = field(default=())
    """Anything the player should know: a report card that could not be written."""

    @property
    def story(self) -> Story:
        return Story(headline=self.headline, body=self.body)

    @property
    def story_text(self) -> str:
        """Headline and body as the grader's `Story.text` joins them (finding spans index into this)."""
        return self.story.text


def filed_from(scenario: Scenario, state: GameState, story: Story) -> Filed:
    """What filing this story now, from this state's notebook, hands the editor: the story, the notebook's
    quotes, facts and checks, and the time it goes in (counting its writing; a state that has filed already
    keeps the time it filed at). The editor knows no `GameState`: this is where a state becomes a `Filed`."""
    at = (state.filed_at if state.filed_at is not None
          else engine.Story.of(scenario).filing_time(state, engine.words_in(story.body)))
    return Filed(story, state.quotes, state.facts, state.verified, at)


def file_story(session: Session, headline: str, body: str, results_dir: Path | None = None) -> Outcome:
    """Grade the story, reach the ending it earns, and save the transcript and report card.

    Raises `GradingFailed` (with the draft saved and nothing else changed) when the grader breaks.
    """
    scenario_id = session.scenario.id
    with suppress(OSError):  # the story is still in the player's hands; a draft is a safety net
        save_draft(scenario_id, headline, body)
    story = Story(headline=headline, body=body)
    try:
        handed = filed_from(session.scenario, session.state, story)
        report = grader.grade_filed(session.scenario, handed)
    except Exception as error:  # noqa: BLE001 - a grader bug must not cost the player their story
        raise GradingFailed(error) from error
    filed = session.file(report.overall, frozenset(report.error_dimensions), engine.words_in(body),
                         report.facts, report.quoted)
    notes: list[str] = []
    card = record = None
    try:
        record, card = save_transcript(build_transcript(filed.scenario, filed.state, handed, report, filed.player),
                                       results_dir)
    except OSError as error:  # TranscriptError is one, and names the file
        notes.append(f"Your report card could not be saved: {error}. Your story is kept in "
                     f"{draft_path(scenario_id)}.")
    else:
        forget_draft(scenario_id)  # the story is safe in the transcript now
    return Outcome(filed, headline, body, report, tuple(strong_story_notes(session.scenario)), card, record,
                 tuple(notes))
