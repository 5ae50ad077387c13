"""How many students one machine holds: `newsroom serve` with N real websocket clients on 127.0.0.1.

Each client does what a browser does (textual-serve's protocol, see textual_serve/server.py): it joins the
class over HTTP (`POST /join` with the class code and a name), opens `/ws/SEAT/TICKET?width=80&height=24`,
reads the terminal's output (binary frames) and sends keys as `["stdin", KEYS]` text frames.

It prints, for N students at once:

- memory per game process: RSS, and PSS (RSS with shared pages divided among the processes sharing them),
  from /proc, at the title screen and again while playing;
- time from opening the websocket to the title screen being drawn;
- keypress-to-update latency (the time from sending a key until the game's next frame arrives), median and
  p95, while every student plays at once (in the first scene: a choice, then undo, and so on; a key every
  0.2–0.6 s each: far busier than a class reading scenes);
- CPU: an idle game's share of a core (every student sitting in a scene), and what one key costs the games
  and the server in CPU time (the load is CPU: these say why, and are steadier than latency on a busy
  machine);
- whether every game process exits after its client goes away, and after the server is killed (SIGKILL:
  nothing tidies up; each game must notice it was orphaned).

The floor, measured in the same run, is one student alone: latency and time to title are printed as
ratios against it. Linux only (it reads /proc).

    python benchmarks/bench_serve.py [--students 30] [--presses 20] [SCENARIO]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
TITLE_MARK = b"New game"
KEYS = ("1", "u")
"""In the first scene: take the first choice, then undo it. Each is an engine step, an autosave and a new
screen, as a student's choice is."""
TARGET_P95_MS = 250.0
IDLE_SECONDS = 5.0
"""How long every student sits still in the first scene while the games' CPU is measured."""


@dataclass
class Client:
    name: str
    seat: dict[str, str] = field(default_factory=dict)
    socket: Any = None
    frames: asyncio.Queue[float] = field(default_factory=asyncio.Queue)
    seen: bytearray = field(default_factory=bytearray)
    title_seconds: float | None = None
    latencies: list[float] = field(default_factory=list)
    reader: asyncio.Task[None] | None = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(scenario: str, port: int, results: Path) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "NEWSROOM_DATA_DIR": str(results.parent / "data")}
    process = subprocess.Popen([sys.executable, "-m", "game", "serve", scenario, "--port", str(port),
                                "--results", str(results)], cwd=ROOT, env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def _processes() -> list[tuple[int, int, bytes]]:
    """(pid, parent, command line) of every live (not zombie) process."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if stat[0] != "Z":
            found.append((int(entry.name), int(stat[1]), command))
    return found


def games_of(server: int) -> list[int]:
    """The server's games: its children running a session, or the children of its game template."""
    processes = _processes()
    templates = {pid for pid, parent, command in processes if parent == server and b"--template" in command}
    return [pid for pid, parent, command in processes
            if b"--session" in command and pid not in templates and (parent == server or parent in templates)]


def template_of(server: int) -> list[int]:
    return [pid for pid, parent, command in _processes() if parent == server and b"--template" in command]


def all_games() -> list[int]:
    """Every Newsroom game process on the machine whatever its parent (an orphan's parent is init)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if b"game.commands.serve\x00--session" in command and state != "Z":
                found.append(int(entry.name))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """The CPU time (user + system) these processes have used so far, in seconds (those gone count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in ("Rss:", "Pss:"):
            values[parts[0]] = int(parts[1]) / 1024
    return values["Rss:"], values["Pss:"]


async def read_frames(client: Client) -> None:
    async for message in client.socket:
        if message.type == aiohttp.WSMsgType.BINARY:
            client.seen += message.data
            client.frames.put_nowait(time.perf_counter())


async def connect(http: aiohttp.ClientSession, port: int, code: str, client: Client) -> None:
    async with http.post(f"http://127.0.0.1:{port}/join", json={"name": client.name, "code": code}) as response:
        client.seat = await response.json()
        assert response.status == 200, client.seat
    start = time.perf_counter()
    client.socket = await http.ws_connect(
        f"ws://127.0.0.1:{port}/ws/{client.seat['seat']}/{client.seat['ticket']}?width=80&height=24")
    client.reader = asyncio.create_task(read_frames(client))
    while TITLE_MARK not in client.seen:
        await asyncio.wait_for(client.frames.get(), timeout=60)
    client.title_seconds = time.perf_counter() - start


async def into_the_game(client: Client) -> None:
    """From the title screen: New game, accept the name, and wait for the first scene to settle."""
    for keys in ("1", "\r"):
        await asyncio.sleep(1.0)
        client.seen.clear()
        await client.socket.send_str(json.dumps(["stdin", keys]))
    deadline = time.monotonic() + 60
    while b"Undo" not in client.seen and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    if b"Undo" not in client.seen:
        raise SystemExit(f"{client.name} never reached the first scene")


async def press_keys(client: Client, presses: int, rng: random.Random) -> None:
    """Choose, undo, choose...; each latency is from the send until the first frame after it."""
    await asyncio.sleep(1.0)
    while not client.frames.empty():
        client.frames.get_nowait()
    for number in range(presses):
        await asyncio.sleep(rng.uniform(0.2, 0.6))
        while not client.frames.empty():
            client.frames.get_nowait()
        sent = time.perf_counter()
        await client.socket.send_str(json.dumps(["stdin", KEYS[number % 2]]))
        try:
            arrived = await asyncio.wait_for(client.frames.get(), timeout=10)
        except asyncio.TimeoutError:
            client.latencies.append(10.0)
            continue
        client.latencies.append(arrived - sent)


async def session_round(port: int, code: str, students: int, presses: int, prefix: str,
                        server: int) -> dict[str, Any]:
    rng = random.Random(students)
    clients = [Client(f"{prefix} {number}") for number in range(students)]
    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(connect(http, port, code, client) for client in clients))
        games = games_of(server)
        memory = [memory_mb(pid) for pid in games]
        await asyncio.gather(*(into_the_game(client) for client in clients))
        await asyncio.sleep(1.0)
        idle_start = cpu_seconds(games)
        await asyncio.sleep(IDLE_SECONDS)
        idle = (cpu_seconds(games) - idle_start) / IDLE_SECONDS / len(games)
        before = cpu_seconds(games), cpu_seconds([server])
        await asyncio.gather(*(press_keys(client, presses, rng) for client in clients))
        after = cpu_seconds(games), cpu_seconds([server])
        playing = [memory_mb(pid) for pid in games_of(server)]
        for client in clients:
            await client.socket.close()
        closed = time.monotonic()
        while games_of(server) and time.monotonic() - closed < 15:
            await asyncio.sleep(0.1)
        left = games_of(server)
    latencies = sorted(value for client in clients for value in client.latencies)
    return {
        "games": len(games),
        "rss": [rss for rss, _ in memory], "pss": [pss for _, pss in memory],
        "rss_playing": [rss for rss, _ in playing], "pss_playing": [pss for _, pss in playing],
        "title": sorted(client.title_seconds or 0.0 for client in clients),
        "latencies": latencies,
        "left_after_disconnect": len(left),
        "exit_seconds": time.monotonic() - closed,
        "idle_cpu": idle,
        "game_cpu_per_key": (after[0] - before[0]) / max(1, students * presses),
        "server_cpu_per_key": (after[1] - before[1]) / max(1, students * presses),
    }


async def kill_round(port: int, code: str, students: int, server: subprocess.Popen[bytes]) -> tuple[int, int, float]:
    """Connect, then SIGKILL the server: how many games, how many left after 15 s, how long they took."""
    async with aiohttp.ClientSession() as http:
        clients = [Client(f"Orphan {number}") for number in range(students)]
        await asyncio.gather(*(connect(http, port, code, client) for client in clients))
        games = set(games_of(server.pid)) | set(template_of(server.pid))  # the template must go too
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        killed = time.monotonic()
        while games & set(all_games()) and time.monotonic() - killed < 15:
            await asyncio.sleep(0.1)
        return len(games), len(games & set(all_games())), time.monotonic() - killed


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bare_python_rss() -> float:
    """The floor for memory: a Python that has imported Textual and nothing of ours."""
    process = subprocess.Popen([sys.executable, "-c", "import textual.app, sys; sys.stdin.read()"],
                               stdin=subprocess.PIPE)
    time.sleep(1.5)
    try:
        return memory_mb(process.pid)[0]
    finally:
        process.kill()
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", nargs="?", default="hanoi-summit")
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--presses", type=int, default=20)
    options = parser.parse_args()
    if not sys.platform.startswith("linux"):
        print("bench_serve reads /proc: Linux only", file=sys.stderr)
        return 2
    print(f"machine: {os.cpu_count()} CPUs; scenario {options.scenario}; {options.students} students, "
          f"{options.presses} keys each")
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        results = Path(folder) / "results"
        port = free_port()
        server = start_server(options.scenario, port, results)
        try:
            code = json.loads((results / ".newsroom-class" / "codes.json").read_text())["student"]
            floor = asyncio.run(session_round(port, code, 1, options.presses, "Alone", server.pid))
            load = asyncio.run(session_round(port, code, options.students, options.presses, "Student", server.pid))
            server_rss = memory_mb(server.pid)[0]
            killed = asyncio.run(kill_round(port, code, options.students, server))
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    bare = bare_python_rss()
    one = statistics.median(floor["latencies"]) * 1000
    one95 = percentile(floor["latencies"], 0.95) * 1000
    median = statistics.median(load["latencies"]) * 1000
    p95 = percentile(load["latencies"], 0.95) * 1000
    rss, pss = statistics.median(load["rss"]), statistics.median(load["pss"])
    print(f"memory per game (median of {load['games']}): RSS {rss:.0f} MB, PSS {pss:.0f} MB; "
          f"all {load['games']} games: RSS {sum(load['rss']):.0f} MB, PSS {sum(load['pss']):.0f} MB; "
          f"server {server_rss:.0f} MB")
    print(f"  while playing (after the scenario is checked and the keys pressed): RSS "
          f"{statistics.median(load['rss_playing']):.0f} MB, PSS {statistics.median(load['pss_playing']):.0f} MB "
          f"each; all: RSS {sum(load['rss_playing']):.0f} MB, PSS {sum(load['pss_playing']):.0f} MB")
    print(f"  floor: a bare Python with Textual imported, RSS {bare:.0f} MB (game / floor: {rss / bare:.2f})")
    print(f"time to title screen: alone {floor['title'][0]:.2f} s; with {options.students} joining at once "
          f"median {statistics.median(load['title']):.2f} s, slowest {load['title'][-1]:.2f} s "
          f"(ratio of medians {statistics.median(load['title']) / floor['title'][0]:.1f})")
    print(f"keypress to update: alone median {one:.0f} ms, p95 {one95:.0f} ms; with {options.students} "
          f"median {median:.0f} ms, p95 {p95:.0f} ms over {len(load['latencies'])} keys "
          f"(p95 ratio {p95 / one95:.1f}; target p95 < {TARGET_P95_MS:.0f} ms: "
          f"{'met' if p95 < TARGET_P95_MS else 'NOT met'})")
    print(f"CPU: an idle game (in a scene, no key) {load['idle_cpu'] * 100:.1f}% of a core (alone "
          f"{floor['idle_cpu'] * 100:.1f}%); a key costs the game {load['game_cpu_per_key'] * 1000:.1f} ms and the "
          f"server {load['server_cpu_per_key'] * 1000:.1f} ms (alone {floor['game_cpu_per_key'] * 1000:.1f} ms and "
          f"{floor['server_cpu_per_key'] * 1000:.1f} ms)")
    print(f"after every client went away: {load['left_after_disconnect']} of {load['games']} games left "
          f"({load['exit_seconds']:.1f} s to exit)")
    print(f"after the server was killed (SIGKILL): {killed[1]} of {killed[0]} games left ({killed[2]:.1f} s)")
    return 0 if not load["left_after_disconnect"] and not killed[1] else 1


if __name__ == "__main__":
    raise SystemExit(main())
