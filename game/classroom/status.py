"""Where each student of a served class is now, read from the files their game already writes.

The game autosaves after every choice (into its seat's data folder) and writes a report card when the
story is filed (into the seat's results folder). This module reads those, so the teacher page and
`newsroom report --watch` need no hook in the game: scene, game time, minutes left, quotes gathered,
whether a draft is being written, and once filed the scores and the card.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.classroom.seats import Roster, Seat
from game.model import DIMENSIONS, Scenario, clock_text, minutes_of
from game.transcript import TranscriptError, load_transcript


@dataclass(frozen=True)
class StudentStatus:
    """One seat, as the teacher sees it."""

    seat: str
    name: str
    connected: bool | None
    """Whether a browser is playing now (None: not known, e.g. in `newsroom report --watch`)."""
    scene: str | None = None
    clock: str | None = None
    minutes_left: int | None = None
    quotes: int = 0
    facts: int = 0
    at_desk: bool = False
    draft_words: int | None = None
    filed: bool = False
    filed_at: str | None = None
    overall: int | None = None
    scores: dict[str, int] = field(default_factory=dict)
    ending: str | None = None
    card: str | None = None
    """The report card's path inside the results folder (POSIX), once filed."""
    problem: str | None = None
    """Something the teacher should know: an unreadable save, a report card that could not be read."""
    updated: float | None = None
    """When the game last wrote anything (seconds since the epoch)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def student_status(roster: Roster, seat: Seat, scenario: Scenario | None = None,
                   connected: bool | None = None) -> StudentStatus:
    """What one seat's files say now. Never raises on a damaged or half-written file: it says so instead."""
    data = roster.seat_data(seat)
    status = StudentStatus(seat.id, seat.name, connected)
    saves = data / "saves"
    updates: list[float] = []
    save_file = _autosave(saves, scenario)
    values: dict[str, Any] = {}
    if save_file is not None:
        try:
            updates.append(save_file.stat().st_mtime)
            state = json.loads(save_file.read_text(encoding="utf-8"))["state"]
            values.update(_from_state(state, scenario))
        except (OSError, ValueError, KeyError, TypeError):
            values["problem"] = "the saved game cannot be read"
        draft = save_file.with_name(save_file.stem + ".draft.json")
        try:
            text = json.loads(draft.read_text(encoding="utf-8"))
            values["draft_words"] = len(str(text.get("body", "")).split())
            updates.append(draft.stat().st_mtime)
        except (OSError, ValueError, AttributeError):
            pass
    cards = sorted(roster.seat_results(seat).glob("*.json")) if roster.seat_results(seat).is_dir() else []
    latest = None
    for path in cards:
        try:
            record = load_transcript(path)
        except TranscriptError:
            values["problem"] = f"the report card {path.name} cannot be read"
            continue
        if latest is None or (record.saved_at or "") >= (latest[1].saved_at or ""):
            latest = (path, record)
    if latest is not None:
        path, record = latest
        card = path.with_suffix(".md")
        values.update(filed=True, filed_at=record.grade.filed_at, overall=record.grade.overall,
                      scores={name: record.grade.scores[name] for name in DIMENSIONS},
                      ending=record.ending.title if record.ending else None,
                      card=(card if card.is_file() else path).relative_to(roster.results).as_posix())
        updates.append(path.stat().st_mtime)
    return StudentStatus(**{**asdict(status), **values, "updated": max(updates, default=None)})


def _autosave(saves: Path, scenario: Scenario | None) -> Path | None:
    """The seat's autosave: the served scenario's, or any (the newest) when the scenario is not known."""
    if scenario is not None:
        path = saves / f"{scenario.id}.json"
        return path if path.is_file() else None
    found = [p for p in saves.glob("*.json") if not p.name.endswith(".draft.json") and p.name != "player.json"] \
        if saves.is_dir() else []
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def _from_state(state: dict[str, Any], scenario: Scenario | None) -> dict[str, Any]:
    """The teacher's view of a saved game state (plain JSON, so a newer engine's extra fields do no harm)."""
    time = int(state["time"])
    values: dict[str, Any] = {
        "clock": clock_text(time), "quotes": len(state.get("quotes") or ()),
        "facts": len(state.get("facts") or ()), "at_desk": bool(state.get("at_desk")),
        "scene": str(state["scene"]),
    }
    if scenario is not None:
        values["minutes_left"] = minutes_of(scenario.clock.deadline) - time
        scene = next((s for s in scenario.scenes if s.id == state["scene"]), None)
        if scene is not None:
            values["scene"] = scene.title
    if values["at_desk"]:
        values["scene"] = "the story desk"
    return values


def class_status(roster: Roster, scenario: Scenario | None = None,
                 live: set[str] | None = None) -> list[StudentStatus]:
    """Every seat's status, in the order students joined; `live`: seats with a browser now (None: unknown)."""
    return [student_status(roster, seat, scenario, None if live is None else seat.id in live)
            for seat in roster.seats.values()]
