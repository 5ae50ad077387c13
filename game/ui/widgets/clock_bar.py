"""The bar across the top of the game: the game clock, where you are, and when your story would be filed.

The file-by time is the truth about the deadline: the clock now plus the writing time of the story as it
stands (`game.deadline`), so "23 min to deadline" never hides a 40-minute write. The line fits the bar's
width: the place is shortened first, then the words around the times.
"""

from __future__ import annotations

from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from game import deadline, engine
from game.model import clock_text
from game.play.session import Session
from game.ui.text import clean, duration, time_left_text
from game.ui.widgets import styles, update_if_changed

URGENT_MINUTES = 30
"""Below this much time to spare, the deadline is shown as urgent."""
PLACE_AT_LEAST = 12
"""A shorter form of the line is used rather than cut the place to fewer characters than this."""


def _fit(place: str, room: int) -> str:
    if room <= 1:
        return ""
    return place if len(place) <= room else place[: room - 1].rstrip() + "…"


def spare_minutes(session: Session, words: int = 0) -> int:
    """Minutes between the deadline and when the story goes in (negative: late): the filing time once filed,
    else the file-by time of a story of `words` words, else (no desk in the scenario) the clock."""
    scenario, state = session.scenario, session.state
    if state.filed_at is not None:
        return engine.index(scenario).deadline - state.filed_at
    if scenario.filing is None:
        return engine.time_left(scenario, state)
    return deadline.file_by(scenario, state, words).spare


def clock_line(session: Session, where: str | None = None, words: int = 0, width: int = 80) -> Text:
    """" 15:47   Story desk · due 16:00 · file by 16:17, 17 min late", fitted to `width` cells, with the
    status styled by urgency. After filing it says when the story went in."""
    scenario, state = session.scenario, session.state
    if where is None:
        scene = engine.current_scene(scenario, state)
        where = scene.place or scene.title or ""
    place = clean(where)
    due = clock_text(engine.index(scenario).deadline)
    found = deadline.file_by(scenario, state, words)
    spare = spare_minutes(session, words)
    if state.filed_at is not None:
        filed = deadline.FileBy(state.time, state.filed_at, 0, found.deadline, words)
        forms = [(f"due {due}", f"filed at {clock_text(state.filed_at)}, {filed.status}"),
                 ("", f"filed {clock_text(state.filed_at)}, {filed.status}")]
    elif scenario.filing is None:
        left = time_left_text(spare)
        forms = [(f"due {due}", left), ("", left)]
    else:
        forms = [(f"due {due}", f"file by {clock_text(found.at)}, {found.status}"),
                 ("", f"file by {clock_text(found.at)}, {found.status}"),
                 ("", f"file {clock_text(found.at)}, {_short(found)}")]
    style = "bold reverse" if spare < 0 else "bold" if spare <= URGENT_MINUTES else ""
    stamp = f" {engine.clock(state)} "
    for number, (due_part, status) in enumerate(forms):
        room = width - len(stamp) - len(status) - (len(due_part) + 3 if due_part else 0) - 5
        if room >= min(len(place), PLACE_AT_LEAST) or number == len(forms) - 1:
            line = Text()
            line.append(stamp, style="bold reverse")
            shown = _fit(place, room)
            line.append(f"  {shown} · " if shown else " · ")
            if due_part:
                line.append(due_part, style="dim")
                line.append(" · ")
            line.append(status, style=style)
            return line
    raise AssertionError("there is always a last form")


def _short(found: deadline.FileBy) -> str:
    if found.late:
        return f"{duration(found.spare)} late"
    return f"{duration(found.spare)} spare" if found.spare else "due now"


class ClockBar(Static):
    """One line: the game clock, the place, and when the story as it stands would be filed."""

    DEFAULT_CSS = styles(__file__)

    def show(self, session: Session, where: str | None = None, words: int = 0) -> None:
        self._shown = (session, where, words)
        spare = spare_minutes(session, words)
        self.set_class(0 <= spare <= URGENT_MINUTES, "-urgent")
        self.set_class(spare < 0, "-late")
        # one line, as wide as the screen: what it says never changes its size, so no new layout
        update_if_changed(self, clock_line(session, where, words, self.size.width or self.app.size.width),
                          layout=False)

    def on_resize(self, event: Resize) -> None:
        shown = getattr(self, "_shown", None)
        if shown is not None:
            session, where, words = shown
            update_if_changed(self, clock_line(session, where, words, width=event.size.width), layout=False)
