"""Time to first frame: `newsroom` (the title screen) against a bare Textual app, in the same run.

Each program runs in a fresh pseudo-terminal (80×24); the clock stops when the text of its first screen
reaches the terminal. Runs alternate between the two programs, after one warm-up each. It prints the ratio
of the medians, and the median of the ratios of each pair of neighbouring runs, which holds steadier on a
busy machine; the target (at most 1.3) is checked on the latter.

    python benchmarks/bench_startup.py [--runs N] [SCENARIO]

It runs the `newsroom` command beside the Python running it (so `.venv/bin/python benchmarks/...` measures
that installation), or `python -m game` from this checkout when there is none.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3
TIMEOUT = 20.0
BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("bare textual app ready")

Bare().run()
"""


def first_frame(command: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds from starting `command` in an 80×24 pseudo-terminal until `marker` is written to it."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env,
                               cwd=ROOT, start_new_session=True)
    os.close(follower)
    seen = b""
    try:
        while time.perf_counter() - start < TIMEOUT:
            ready, _, _ = select.select([leader], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(leader, 65536)
                except OSError:
                    break
                if marker in seen:
                    return time.perf_counter() - start
            elif process.poll() is not None:
                break
        tail = seen[-400:].decode("utf-8", "replace")
        raise RuntimeError(f"{' '.join(command)} never showed {marker!r}; last output: {tail!r}")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(leader)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=str(ROOT / "scenarios" / "example-bridge.yaml"),
                        help="a scenario file or shipped name (default: the example)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each program (default 15)")
    options = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from game.bundled import resolve
    from game.ui.preview import read_preview

    path = resolve(options.scenario)
    preview = read_preview(path)
    if preview is None:
        print(f"{path}: not a playable scenario", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", "NEWSROOM_DATA_DIR": data}
        env.pop("NEWSROOM_THEME", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once by the warm-up, as an installed game is
        script = Path(sys.executable).with_name("newsroom")  # the installed command, as a player runs it
        launcher = [str(script)] if script.exists() else [sys.executable, "-m", "game"]
        if not script.exists():
            env["PYTHONPATH"] = str(ROOT)
        game = ([*launcher, "play", str(path)], preview.title.encode("utf-8"))
        bare = ([sys.executable, "-c", BARE_APP], b"bare textual app ready")
        for command, marker in (game, bare):
            first_frame(command, marker, env)  # warm-up: bytecode caches, file cache
        times: dict[str, list[float]] = {"newsroom": [], "bare": []}
        for _ in range(options.runs):
            times["newsroom"].append(first_frame(*game, env))
            times["bare"].append(first_frame(*bare, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["newsroom"] / medians["bare"]
    paired = statistics.median(ours / bare for ours, bare in zip(times["newsroom"], times["bare"], strict=True))
    for name, values in times.items():
        print(f"{name:9} median {medians[name] * 1000:6.0f} ms  "
              f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, {len(values)} runs)")
    print(f"ratio    {ratio:.2f} of the medians, {paired:.2f} median of run-by-run ratios "
          f"(target <= {TARGET}; {path.name})")
    return 0 if paired <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
