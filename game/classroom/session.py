"""One student's game process under `newsroom serve`: its seat's data folder, and an end when the server goes.

textual-serve starts one process per browser (`python -m game.commands.serve --session`); that command
opens the seat here and then runs the full-screen game. The seat's data folder holds the autosave, the
story draft and the student's name, and it stays after the game ends, so the same student rejoining finds
their game. If the server itself dies, the session notices it has been orphaned and ends too.

This module imports no face of the game (not game.ui, game.plain or game.cli): the command does.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from game.paths import DATA_DIR_VARIABLE, saves_dir

ORPHAN_CHECK_SECONDS = 1.0


def watch_parent(parent: int, interval: float = ORPHAN_CHECK_SECONDS) -> threading.Thread:
    """End this process (as Ctrl+C would) once its parent, the server, is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=watch, name="newsroom-session-orphan-watch", daemon=True)
    thread.start()
    return thread


def give_name(name: str) -> None:
    """Offer the name the student joined with when the game asks for one (unless they gave one already)."""
    path = saves_dir() / "player.json"
    if path.exists():
        return
    from game.saves import write_atomically

    write_atomically(path, json.dumps({"name": name}, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def open_seat(data: Path | None, name: str | None = None) -> Iterator[Path]:
    """The seat's data folder made the game's, for as long as the game runs.

    With no seat (a game started by hand), a fresh private folder is used and removed afterwards.
    """
    private = data is None
    folder = Path(tempfile.mkdtemp(prefix="newsroom-session-")) if data is None else data
    folder.mkdir(parents=True, exist_ok=True)
    os.environ[DATA_DIR_VARIABLE] = str(folder)
    if os.name == "posix":
        watch_parent(os.getppid())
    try:
        if name:
            with contextlib.suppress(OSError):
                give_name(name)
        yield folder
    finally:
        if private:
            shutil.rmtree(folder, ignore_errors=True)
