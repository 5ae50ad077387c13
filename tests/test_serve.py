"""`newsroom serve` in a real browser: headless Chromium loads the page, offline, and sees the title screen.

The browser is driven through the DevTools protocol. A script added before the page's own records what
arrives on the terminal's websocket, which is what the terminal draws; the test reads the title screen
from it. Everything the browser fetches is checked to come from the server. Closing the browser must end
the student's game process and remove its private data folder.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from game.commands.serve import is_loopback, session_command

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "example-bridge.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ANSI = re.compile(r"\x1b\[[0-9;?$<>=]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][A-Z0-9]")
CAPTURE_TERMINAL = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__terminal = "";
  function Recording(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.__terminal += decoder.decode(event.data, {stream: true});
    });
    return socket;
  }
  Recording.prototype = Native.prototype;
  Object.assign(Recording, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Recording;
})();
"""

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the game processes")


def wait_for(check: Any, what: str, timeout: float = 30.0) -> Any:
    """Poll until check() gives something truthy; fail naming what never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"gave up waiting: {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sessions_of(server: int) -> set[int]:
    """The game processes the server started."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == server and b"game.classroom.session" in command:
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().split(")")[1].split()[0] != "Z"
    except OSError:
        return False


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    temporary: Path
    """The server's TMPDIR, where each game makes its private data folder."""

    def data_folders(self) -> list[Path]:
        return sorted(self.temporary.glob("newsroom-session-*"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def start_server(tmp_path: Path) -> Served:
    port = free_port()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "NEWSROOM_DATA_DIR": str(tmp_path / "data"), "TMPDIR": str(temporary)}
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "serve", str(SCENARIO), "--port", str(port),
         "--results", str(tmp_path / "results")],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    server = Served(process, port, temporary)
    wait_for(lambda: _answers(server.url) or process.poll() is not None, "the server to start")
    assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
    return server


def stop_server(server: Served) -> None:
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGKILL)
    server.process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the tests that leave it running."""
    server = start_server(tmp_path_factory.mktemp("served"))
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Served]:
    """A server of the test's own, for a test that stops it."""
    server = start_server(tmp_path)
    try:
        yield server
    finally:
        stop_server(server)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def test_the_page_asks_nothing_of_the_internet(served: Served) -> None:
    with urllib.request.urlopen(served.url) as response:
        page = response.read().decode("utf-8")
    assert "fonts.googleapis" not in page and "https://" not in page
    references = re.findall(r'(?:src|href)="([^"]+)"|url\("([^"]+)"\)', page)
    paths = [a or b for a, b in references]
    assert paths and all(path.startswith("/static/") for path in paths), paths
    for path in paths:
        with urllib.request.urlopen(served.url.rstrip("/") + path) as response:
            assert response.status == 200 and response.read(), path


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
@linux_only
def test_a_browser_sees_the_title_screen_and_leaving_ends_the_game(served: Served, tmp_path: Path) -> None:
    profile = tmp_path / "chromium-profile"
    browser = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        port_file = profile / "DevToolsActivePort"
        wait_for(lambda: port_file.is_file() and port_file.read_text().strip(), "Chromium's DevTools port")
        devtools = int(port_file.read_text().split()[0])
        screen, requests = asyncio.run(_load_title_screen(devtools, served.url))
        games = wait_for(lambda: sessions_of(served.process.pid), "the student's game process")
        folders = served.data_folders()
    finally:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.wait(timeout=10)
    assert "N E W S R O O M" in screen
    assert "The Old Bridge (example)" in screen
    assert "New game" in screen
    assert requests and all(url.startswith((served.url, f"ws://127.0.0.1:{served.port}/")) for url in requests), \
        requests
    (game,) = games
    assert len(folders) == 1
    wait_for(lambda: not alive(game), "the game to end once its browser went away")
    wait_for(lambda: not served.data_folders(), "the game's private data folder to be removed")


async def _load_title_screen(devtools: int, url: str) -> tuple[str, list[str]]:
    """Open the page; return the terminal's text once the title screen is drawn, and every URL fetched."""
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{devtools}/json/list") as response:
            targets = await response.json()
        page = next(target for target in targets if target["type"] == "page")
        async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as cdp:
            events: list[dict[str, Any]] = []
            counter = iter(range(1, 1_000_000))

            async def call(method: str, **params: Any) -> dict[str, Any]:
                number = next(counter)
                await cdp.send_json({"id": number, "method": method, "params": params})
                async for message in cdp:
                    data = json.loads(message.data)
                    if data.get("id") == number:
                        assert "error" not in data, data
                        return dict(data.get("result", {}))
                    events.append(data)
                raise AssertionError("DevTools closed the connection")

            await call("Network.enable")
            await call("Page.enable")
            await call("Page.addScriptToEvaluateOnNewDocument", source=CAPTURE_TERMINAL)
            await call("Page.navigate", url=url)
            screen = ""
            deadline = time.monotonic() + 30
            while "New game" not in screen and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
                result = await call("Runtime.evaluate", expression="window.__terminal || ''", returnByValue=True)
                screen = ANSI.sub("", result["result"].get("value", ""))
            requests = [event["params"]["request"]["url"] for event in events
                        if event.get("method") == "Network.requestWillBeSent"]
            requests += [event["params"]["url"] for event in events
                         if event.get("method") == "Network.webSocketCreated"]
            return screen, requests


@linux_only
def test_each_browser_gets_its_own_game_and_ctrl_c_ends_them_all(own_server: Served) -> None:
    served = own_server

    async def connect_two() -> tuple[set[int], list[Path]]:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            first = await http.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=80&height=24")
            second = await http.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=80&height=24")
            deadline = time.monotonic() + 30
            games: set[int] = set()
            while (len(games) < 2 or len(served.data_folders()) < 2) and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
                games = sessions_of(served.process.pid)
            folders = served.data_folders()
            served.process.send_signal(signal.SIGINT)  # while both browsers are still connected
            for socket_ in (first, second):
                await socket_.receive(timeout=30)  # the server closes them
            return games, folders

    games, folders = asyncio.run(connect_two())
    assert len(games) == 2 and len(folders) == 2  # a data folder each: no shared autosave or name
    assert served.process.wait(timeout=30) == 0
    for game in games:
        wait_for(lambda game=game: not alive(game), "every game to end with the server")  # type: ignore[misc]
    assert served.data_folders() == []


def test_the_command_for_each_browser() -> None:
    command = session_command(Path("/class results"), SCENARIO)
    assert command.startswith("exec ") and "-m game.classroom.session" in command
    assert "'/class results'" in command and command.endswith(str(SCENARIO))
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_a_busy_port_is_a_clear_error(served: Served, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "game", "serve", "--port", str(served.port), "--results", str(tmp_path / "r")],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{served.port}" in done.stderr and "Traceback" not in done.stderr
