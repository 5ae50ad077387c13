"""The bar across the top of the game: where you are, the game clock, and the time left to deadline."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from game import engine
from game.ui.session import Session
from game.ui.text import clean, time_left_text
from game.ui.widgets import styles

URGENT_MINUTES = 30
"""Below this much time left, the deadline is shown as urgent."""


def clock_line(session: Session, where: str | None = None) -> Text:
    """"09:20 · Council chamber · 2 h 40 to deadline", with the time left styled by urgency."""
    scenario, state = session.scenario, session.state
    if where is None:
        scene = engine.current_scene(scenario, state)
        where = scene.place or scene.title or ""
    left = engine.time_left(scenario, state)
    urgency = "clock-late" if left < 0 else "clock-urgent" if left <= URGENT_MINUTES else "clock-ok"
    line = Text()
    line.append(f" {engine.clock(state)} ", style="bold reverse")
    if where:
        line.append(f"  {clean(where)}")
    line.append("  ·  ")
    line.append(time_left_text(left), style=_STYLES[urgency])
    line.append(f" (due {scenario.clock.deadline})", style="dim")
    return line


_STYLES = {"clock-ok": "", "clock-urgent": "bold", "clock-late": "bold reverse"}


class ClockBar(Static):
    """One line: the game clock, the place, and how long until the story is due."""

    DEFAULT_CSS = styles(__file__)

    def show(self, session: Session, where: str | None = None) -> None:
        left = engine.time_left(session.scenario, session.state)
        self.set_class(0 <= left <= URGENT_MINUTES, "-urgent")
        self.set_class(left < 0, "-late")
        self.update(clock_line(session, where))
