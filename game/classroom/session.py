"""One browser session of `newsroom serve`: one student's game, in its own process and its own data folder.

textual-serve runs this once per browser connection (`python -m game.classroom.session`). Each session
gets a fresh data folder (so two students never share an autosave or a remembered name) which is removed
when the game ends; report cards go to the class's shared results folder, where their names never clash.
If the server itself dies, the session notices it has been orphaned and ends too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from game.paths import DATA_DIR_VARIABLE

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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.classroom.session",
                                     description="One student's game for `newsroom serve`.")
    parser.add_argument("scenario", nargs="?", metavar="SCENARIO")
    parser.add_argument("--results", required=True, type=Path, metavar="DIR")
    options = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="newsroom-session-"))
    os.environ[DATA_DIR_VARIABLE] = str(folder)
    if os.name == "posix":
        watch_parent(os.getppid())
    try:
        from game.cli import main as newsroom

        arguments = ["play", *([options.scenario] if options.scenario else []), "--results", str(options.results)]
        return newsroom(arguments)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
