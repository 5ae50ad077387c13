"""The bar across the top of the game: the game clock, where you are, and when your story would be filed.

The file-by time is the truth about the deadline: the clock now plus the writing time of the story as it
stands (`game.play.views.clock_view`), so "23 min to deadline" never hides a 40-minute write. The line fits the bar's
width: the place is shortened first, then the words around the times.
"""

from __future__ import annotations

from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from game.play import views
from game.play.session import Session
from game.ui.widgets import styles, update_if_changed

PLACE_AT_LEAST = 12
"""A shorter form of the line is used rather than cut the place to fewer characters than this."""


def _fit(place: str, room: int) -> str:
    if room <= 1:
        return ""
    return place if len(place) <= room else place[: room - 1].rstrip() + "…"


def clock_line(clock: views.ClockView, width: int = 80) -> Text:
    """" 15:47   Story desk · due 16:00 · file by 16:17, 17 min late", fitted to `width` cells, with the
    status styled by urgency (the words are the play layer's `ClockView`)."""
    style = {"late": "bold reverse", "urgent": "bold"}.get(clock.urgency, "")
    stamp = f" {clock.stamp} "
    place = clock.place
    for number, (due_part, status) in enumerate(clock.forms):
        room = width - len(stamp) - len(status) - (len(due_part) + 3 if due_part else 0) - 5
        if room >= min(len(place), PLACE_AT_LEAST) or number == len(clock.forms) - 1:
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


class ClockBar(Static):
    """One line: the game clock, the place, and when the story as it stands would be filed."""

    DEFAULT_CSS = styles(__file__)

    def show(self, session: Session, where: str | None = None, words: int = 0) -> None:
        clock = views.clock_view(session, where, words)
        self._clock = clock
        self.set_class(clock.urgency == "urgent", "-urgent")
        self.set_class(clock.urgency == "late", "-late")
        # one line, as wide as the screen: what it says never changes its size, so no new layout
        update_if_changed(self, clock_line(clock, self.size.width or self.app.size.width), layout=False)

    def on_resize(self, event: Resize) -> None:
        shown: views.ClockView | None = getattr(self, "_clock", None)
        if shown is not None:
            update_if_changed(self, clock_line(shown, width=event.size.width), layout=False)
