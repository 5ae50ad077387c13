"""The deadline as the player feels it at the story desk, for every face of the game (Textual, plain, browser).

When the story as it stands would be filed (its "file by" time, with the writing time its length takes), how
the game clock runs while the player writes (at the scenario's `desk_clock_rate`), and when the desk warns that
the deadline is close. Plain Python: no Textual, no input or output. A face keeps a `DeskClock` while the
player is at the desk, tells it how many real seconds went by (`spend`), takes its `state`, and shows the
warnings `check` returns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game import engine
from game.engine import GameState
from game.model import Scenario, clock_text
from game.text import duration

WARN_AT: tuple[int, ...] = (10, 5)
"""Minutes to spare (the deadline minus the file-by time) at which the desk warns, once each per visit."""
LATE = -1
"""The warning given once the story as it stands would be late (its key in `DeskClock.warned`)."""


@dataclass(frozen=True)
class FileBy:
    """When the story as it stands, finished now, would be filed, against the deadline."""

    now: int
    """The game clock now (minutes since midnight)."""
    at: int
    """The clock when it would be filed: now plus its writing time."""
    writing: int
    """Game minutes that finishing and sending it takes."""
    deadline: int
    words: int

    @property
    def spare(self) -> int:
        """Minutes between the file-by time and the deadline (negative: that many minutes late)."""
        return self.deadline - self.at

    @property
    def late(self) -> bool:
        return self.at > self.deadline

    @property
    def status(self) -> str:
        """"17 min late", "20 min to spare", "on the deadline"."""
        if self.late:
            return f"{duration(self.spare)} late"
        return f"{duration(self.spare)} to spare" if self.spare else "on the deadline"


def file_by(scenario: Scenario, state: GameState, words: int = 0) -> FileBy:
    """The file-by time of a story of this many words, if the player finished it now."""
    return FileBy(state.time, engine.filing_time(scenario, state, words), engine.writing_minutes(scenario, words),
                  engine.index(scenario).deadline, words)


def clock_runs(scenario: Scenario) -> bool:
    """Whether game time passes while the player writes (the scenario's `desk_clock_rate` is above 0)."""
    return scenario.filing is not None and scenario.filing.desk_clock_rate > 0


def warning_text(found: FileBy, threshold: int) -> str:
    """What the desk says when the file-by time crosses a warning threshold (or the deadline)."""
    due = clock_text(found.deadline)
    if threshold == LATE or found.late:
        return (f"Your story is now late: filed now it goes in at {clock_text(found.at)}, "
                f"{duration(found.spare)} after the {due} deadline.")
    if found.spare == 0:
        return f"Deadline now: filed this minute your story goes in at {due}, right on the deadline."
    return (f"{duration(found.spare)} to spare: filed now your story goes in at {clock_text(found.at)}, "
            f"before the {due} deadline.")


def warnings_due(found: FileBy, warned: frozenset[int] = frozenset()) -> tuple[tuple[str, ...], frozenset[int]]:
    """The warning to give now (none, or one: the most pressing threshold newly crossed) and the thresholds
    warned of so far. Each threshold warns once; crossing several at once (on arriving at the desk with little
    time, or a burst of writing) gives only the most pressing."""
    crossed = {threshold for threshold in WARN_AT if found.spare <= threshold}
    if found.late:
        crossed.add(LATE)
    new = crossed - warned
    if not new:
        return (), warned
    return (warning_text(found, min(new)),), warned | crossed


@dataclass(frozen=True)
class DeskClock:
    """The game clock at the story desk: real seconds spent writing become game minutes at the scenario's
    `desk_clock_rate` (0: it stands still). `since` is the state when the count began (arriving at the desk)."""

    since: GameState
    seconds: float = 0.0
    """Real seconds spent at the desk since `since` (the face adds them only while the desk is in front)."""
    warned: frozenset[int] = frozenset()
    """Thresholds already warned of on this visit (see `warnings_due`)."""

    def spend(self, seconds: float) -> DeskClock:
        """The clock after `seconds` more real seconds at the desk."""
        return replace(self, seconds=self.seconds + max(seconds, 0.0))

    def state(self, scenario: Scenario) -> GameState:
        """The game state with the clock moved on by the time spent writing."""
        return engine.write_for(scenario, self.since, self.seconds)

    def restart(self, state: GameState) -> DeskClock:
        """Count again from `state` (the game changed under the desk, e.g. a scenario reloaded), keeping the
        warnings already given."""
        return DeskClock(state, 0.0, self.warned)

    def check(self, scenario: Scenario, words: int) -> tuple[DeskClock, FileBy, tuple[str, ...]]:
        """Where the story of `words` words stands now: the clock with the warnings given noted, its file-by
        time, and the warning to show now (if any)."""
        found = file_by(scenario, self.state(scenario), words)
        warnings, warned = warnings_due(found, self.warned)
        return replace(self, warned=warned), found, warnings
