"""Filing a story: grade it, move the game to its ending, keep the report card. Plain Python, no Textual.

The grader (`game.grader`) and transcripts (`game.transcript`) are separate parts of Newsroom; when a build
lacks one, filing still works and `Filed` says what is missing instead of failing.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import engine
from game.ui.kept import forget_draft
from game.ui.session import Session


@dataclass(frozen=True)
class Filed:
    """The outcome of filing: the session at its ending (or at the desk, when there is no grader)."""

    session: Session
    headline: str
    body: str
    report: Any | None = None
    """The grader's `Report`, or None when this build has no grader."""
    strong: tuple[str, ...] = ()
    """What a strong story did (the grader's notes for this scenario)."""
    card: Path | None = None
    """The report card (Markdown) written for the teacher, if one was written."""
    notes: tuple[str, ...] = field(default=())
    """Anything the player should know: a missing grader, a report card that could not be written."""

    @property
    def story_text(self) -> str:
        """Headline and body as the grader's `Story.text` joins them (finding spans index into this)."""
        return f"{self.headline}\n\n{self.body}"


def module(name: str) -> Any | None:
    """A part of Newsroom that may not be in this build yet, or None. Import errors inside it are real bugs."""
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def file_story(session: Session, headline: str, body: str, results_dir: Path | None = None) -> Filed:
    """Grade the story, reach the ending it earns, and save the transcript and report card."""
    grader = module("game.grader")
    if grader is None:
        return Filed(session, headline, body, notes=(
            "The editor's grading is not part of this build yet, so your story has not been graded.",))
    story = grader.Story(headline=headline, body=body)
    report = grader.grade_state(session.scenario, session.state, story)
    filed = session.file(report.overall, frozenset(report.error_dimensions), engine.words_in(body),
                         report.facts, report.quoted)
    notes: list[str] = []
    card: Path | None = None
    transcript = module("game.transcript")
    if transcript is None:
        notes.append("Report cards are not part of this build yet, so none was saved.")
    else:
        try:
            record = transcript.build_transcript(filed.scenario, filed.state, story, report, filed.player)
            _, card = transcript.save_transcript(record, results_dir)
        except OSError as error:
            notes.append(f"The report card could not be saved: {error}")
    forget_draft(session.scenario.id)
    strong = tuple(grader.strong_story_notes(session.scenario))
    return Filed(filed, headline, body, report, strong, card, tuple(notes))
