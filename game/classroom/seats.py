"""A served class: its code, and a seat per student that keeps their game, draft and report cards apart.

A student joins with the class code and their name. Each name gets a seat: a folder of its own under the
results folder whose name is made from the student's name but never from its punctuation, so `../x`, a
name in any script and two students called the same each land in their own folder. The roster (who holds
which seat) and the codes are kept in `.newsroom-class/` inside the results folder, so a server restarted
with the same results folder knows its class again and a student who rejoins finds their game.

Plain Python, no server and no face: `newsroom serve` uses it, and so do the tests.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import re
import secrets
import unicodedata
from collections.abc import Collection
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from game.saves import write_atomically

CLASS_FOLDER = ".newsroom-class"
"""Inside the results folder: the roster, the codes and each seat's game data (hidden from `newsroom report`)."""
NAME_LIMIT = 60
"""Longest name kept, in characters (a longer one is cut)."""
SLUG_LIMIT = 40
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O or 1/I: a class code is read off a projector."""
RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
"""Names Windows will not give a folder."""


class JoinError(ValueError):
    """A student could not join; the message is for the student."""


@dataclass(frozen=True)
class Seat:
    """One student's place in the class."""

    id: str
    """The seat's folder name: safe on every file system, unique in the class."""
    name: str
    """The name as the student typed it (tidied), plus " (2)" when someone else had it first."""
    ticket: str
    """A secret the student's browser keeps, so a reload finds the same seat."""


@dataclass(frozen=True)
class ClassCodes:
    student: str
    """What students type to join (short, shown on the board)."""
    teacher: str
    """What opens the teacher page (long; students never see it)."""


def tidy_name(text: str) -> str:
    """The name as shown: Unicode-normalised, control and format characters gone, spaces collapsed, cut."""
    text = unicodedata.normalize("NFC", str(text))
    text = "".join(" " if unicodedata.category(c).startswith(("C", "Z")) else c for c in text)
    return " ".join(text.split())[:NAME_LIMIT].strip()


def name_key(name: str) -> str:
    """What makes two names the same name: case, width and accents' encoding aside."""
    return unicodedata.normalize("NFKC", tidy_name(name)).casefold()


def slug(name: str) -> str:
    """A folder name from a name: its letters and digits joined by hyphens; never dots, slashes or empty."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", name).casefold())
    text = "-".join(words)[:SLUG_LIMIT].strip("-")
    if not text or text in RESERVED:
        text = f"student-{text}" if text else "student"
    return text


def new_code(length: int = 6) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def same_code(given: str, expected: str) -> bool:
    """Whether a code typed matches, ignoring case and spaces; compared in constant time."""
    typed = "".join(str(given).split()).upper()
    return hmac.compare_digest(typed.encode("utf-8"), expected.upper().encode("utf-8"))


class Roster:
    """The seats of one class, kept in `RESULTS/.newsroom-class/roster.json` (written atomically)."""

    def __init__(self, results: Path) -> None:
        self.results = Path(results)
        self.folder = self.results / CLASS_FOLDER
        self.seats: dict[str, Seat] = {seat.id: seat for seat in self._read()}

    # --- files -----------------------------------------------------------------------------------

    @property
    def roster_path(self) -> Path:
        return self.folder / "roster.json"

    def seat_data(self, seat: Seat) -> Path:
        """The seat's private game data (autosave, draft, name): the game's NEWSROOM_DATA_DIR."""
        return self.folder / "seats" / seat.id

    def seat_results(self, seat: Seat) -> Path:
        """Where the seat's report cards go: a folder of the results folder, named by the seat."""
        return self.results / seat.id

    def _read(self) -> list[Seat]:
        try:
            data = json.loads(self.roster_path.read_text(encoding="utf-8"))
            return [Seat(str(item["id"]), str(item["name"]), str(item["ticket"])) for item in data["seats"]
                    if _safe_id(str(item["id"]))]
        except (OSError, ValueError, KeyError, TypeError):
            return []

    def _write(self) -> None:
        data = {"format": "newsroom-class-roster", "seats": [asdict(seat) for seat in self.seats.values()]}
        write_atomically(self.roster_path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    def codes(self, student_code: str | None = None) -> ClassCodes:
        """The class's codes: kept from the last run with this results folder, or made now.

        A code given (`newsroom serve --class-code`) replaces the students' one. The file is readable by
        its owner only where the system allows.
        """
        path = self.folder / "codes.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            codes = ClassCodes(str(data["student"]), str(data["teacher"]))
        except (OSError, ValueError, KeyError, TypeError):
            codes = ClassCodes(new_code(), secrets.token_urlsafe(12))
        if student_code:
            codes = replace(codes, student=tidy_name(student_code).replace(" ", "").upper())
        write_atomically(path, json.dumps(asdict(codes)) + "\n")
        with contextlib.suppress(OSError):
            path.chmod(0o600)
        return codes

    def note_scenario(self, path: Path) -> None:
        """Remember which scenario this class plays (for `newsroom report --watch`)."""
        write_atomically(self.folder / "scenario.json", json.dumps({"path": str(path)}, ensure_ascii=False) + "\n")

    def noted_scenario(self) -> Path | None:
        try:
            return Path(json.loads((self.folder / "scenario.json").read_text(encoding="utf-8"))["path"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    # --- joining ---------------------------------------------------------------------------------

    def by_ticket(self, seat_id: str, ticket: str) -> Seat | None:
        seat = self.seats.get(seat_id)
        if seat is None or not hmac.compare_digest(seat.ticket.encode(), str(ticket).encode()):
            return None
        return seat

    def join(self, typed: str, ticket: str | None = None, busy: Collection[str] = ()) -> Seat:
        """The seat for a student joining with this name (and the ticket their browser kept, if any).

        - The browser's ticket finds its own seat (a reload, a reconnect): the same game.
        - Otherwise a seat with this name nobody is using now is theirs (the same student on another
          machine, or after clearing the browser): the same game.
        - A name in use right now (`busy`: seat ids with a live game) gets a new seat, "Name (2)".
        Raises JoinError when there is no name.
        """
        name = tidy_name(typed)
        if not name:
            raise JoinError("Type your name to join.")
        if ticket:
            for seat in self.seats.values():
                if hmac.compare_digest(seat.ticket.encode(), str(ticket).encode()) and _answers_to(seat, name):
                    return seat
        same = [seat for seat in self.seats.values() if name_key(seat.name) == name_key(name)]
        free = [seat for seat in same if seat.id not in busy]
        if free:
            return free[0]
        taken = {name_key(seat.name) for seat in self.seats.values()}
        shown, number = name, 1
        while name_key(shown) in taken:
            number += 1
            shown = f"{name} ({number})"
        seat = Seat(self._free_id(slug(name)), shown, secrets.token_urlsafe(16))
        self.seats[seat.id] = seat
        self._write()
        return seat

    def _free_id(self, base: str) -> str:
        """A seat id no seat has and no file or folder in the results folder is using."""
        number = 1
        while True:
            candidate = base if number == 1 else f"{base}-{number}"
            if candidate not in self.seats and not (self.results / candidate).exists() \
                    and not (self.folder / "seats" / candidate).exists():
                return candidate
            number += 1


def _answers_to(seat: Seat, name: str) -> bool:
    """Whether a name typed is this seat's: its name, or the name it had before " (2)" was added."""
    key = name_key(name)
    return key in (name_key(seat.name), name_key(re.sub(r" \(\d+\)$", "", seat.name)))


def _safe_id(seat_id: str) -> bool:
    """A seat id read back from the roster is a plain folder name (the roster file may have been edited)."""
    return re.fullmatch(r"[^\W_]+(?:-[^\W_]+)*", seat_id) is not None
