"""`newsroom serve` in a real browser: headless Chromium joins the class, offline, and sees the title screen;
the teacher's page, with its code, sees students arrive and file.

The browser is driven through the DevTools protocol. A script added before the page's own records what
arrives on the terminal's websocket, which is what the terminal draws; the test reads the title screen
from it. Everything the browser fetches is checked to come from the server. Closing the browser must end
the student's game process (its seat, with the saved game, stays for when they come back). Other students
are websocket clients speaking textual-serve's protocol (tests/serve_client.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from game.commands.serve import is_loopback, session_command
from tests.serve_client import Refused, Student, file_a_story, join

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


def _live_processes() -> list[tuple[int, int, bytes]]:
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


def templates_of(server: int) -> set[int]:
    """The server's game template (the process each game is forked from)."""
    return {pid for pid, parent, command in _live_processes() if parent == server and b"--template" in command}


def sessions_of(server: int) -> set[int]:
    """The game processes the server started: forked from its template (or its own children without one)."""
    processes = _live_processes()
    templates = {pid for pid, parent, command in processes if parent == server and b"--template" in command}
    return {pid for pid, parent, command in processes
            if b"--session" in command and pid not in templates and (parent == server or parent in templates)}


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().split(")")[1].split()[0] != "Z"
    except OSError:
        return False


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    results: Path

    def data_folders(self) -> list[Path]:
        """Each seat's own game data (autosave, draft, name)."""
        return sorted((self.results / ".newsroom-class" / "seats").glob("*"))

    @property
    def codes(self) -> dict[str, str]:
        return dict(json.loads((self.results / ".newsroom-class" / "codes.json").read_text(encoding="utf-8")))

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
    server = Served(process, port, tmp_path / "results")
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


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")


@contextlib.contextmanager
def chromium(tmp_path: Path) -> Iterator[int]:
    """A headless Chromium that may reach only 127.0.0.1; yields its DevTools port."""
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
        yield int(port_file.read_text().split()[0])
    finally:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.wait(timeout=10)


class Page:
    """One browser tab, driven through the DevTools protocol."""

    def __init__(self, cdp: Any) -> None:
        self.cdp = cdp
        self.events: list[dict[str, Any]] = []
        self.counter = iter(range(1, 1_000_000))

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.counter)
        await self.cdp.send_json({"id": number, "method": method, "params": params})
        async for message in self.cdp:
            data = json.loads(message.data)
            if data.get("id") == number:
                assert "error" not in data, data
                return dict(data.get("result", {}))
            self.events.append(data)
        raise AssertionError("DevTools closed the connection")

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def wait_for(self, expression: str, what: str, timeout: float = 30) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        raise AssertionError(f"gave up waiting in the browser: {what}")

    async def terminal(self) -> str:
        return ANSI.sub("", await self.evaluate("window.__terminal || ''") or "")

    def requests(self) -> list[str]:
        found = [event["params"]["request"]["url"] for event in self.events
                 if event.get("method") == "Network.requestWillBeSent"]
        return found + [event["params"]["url"] for event in self.events
                        if event.get("method") == "Network.webSocketCreated"]


@contextlib.asynccontextmanager
async def open_page(devtools: int) -> Any:
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{devtools}/json/list") as response:
            targets = await response.json()
        target = next(target for target in targets if target["type"] == "page")
        async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as cdp:
            page = Page(cdp)
            await page.call("Network.enable")
            await page.call("Page.enable")
            await page.call("Page.addScriptToEvaluateOnNewDocument", source=CAPTURE_TERMINAL)
            yield page


@needs_chromium
@linux_only
def test_a_browser_joins_sees_the_title_screen_a_reload_keeps_its_seat_and_leaving_ends_the_game(
        served: Served, tmp_path: Path) -> None:
    code = served.codes["student"]

    async def visit(devtools: int) -> tuple[str, str, list[str], list[dict[str, Any]]]:
        async with open_page(devtools) as page:
            await page.call("Page.navigate", url=served.url)
            await page.wait_for("document.body.classList.contains('-asking')", "the join form")
            await page.evaluate(f"document.getElementById('code').value = {json.dumps(code.lower())};"
                                "document.getElementById('name').value = 'Nguyễn Thị Ánh';"
                                "document.getElementById('join').requestSubmit(); true")
            first = await page.wait_for("(window.__terminal || '').includes('New game') && window.__terminal",
                                        "the title screen")
            seats_before = json.loads((served.results / ".newsroom-class" / "roster.json").read_text())["seats"]
            await page.call("Page.reload")
            await page.wait_for("(window.__terminal || '').includes('New game')", "the title screen after a reload")
            asked_again = await page.evaluate("document.body.classList.contains('-asking')")
            assert not asked_again  # the browser kept its seat: no form, straight back to the game
            return ANSI.sub("", first), await page.terminal(), page.requests(), seats_before

    with chromium(tmp_path) as devtools:
        screen, _, requests, seats = asyncio.run(visit(devtools))
        games = wait_for(lambda: sessions_of(served.process.pid), "the student's game process")
        roster = json.loads((served.results / ".newsroom-class" / "roster.json").read_text())["seats"]
    assert "N E W S R O O M" in screen
    assert "The Old Bridge (example)" in screen
    assert "New game" in screen
    assert requests and all(url.startswith((served.url, f"ws://127.0.0.1:{served.port}/")) for url in requests), \
        requests
    assert [seat["name"] for seat in seats] == ["Nguyễn Thị Ánh"] and roster == seats  # the reload: same seat
    (game,) = games  # the reload's game replaced the first one
    wait_for(lambda: not alive(game), "the game to end once its browser went away")
    folder = next(f for f in served.data_folders() if f.name == "nguyễn-thị-ánh")  # the seat stays, for coming back
    assert (folder / "saves" / "player.json").is_file()


@needs_chromium
@linux_only
def test_the_teacher_page_sees_two_students_arrive_and_one_file(own_server: Served, tmp_path: Path) -> None:
    served = own_server
    codes = served.codes

    async def lesson(devtools: int) -> tuple[list[list[str]], list[str]]:
        import aiohttp

        async with aiohttp.ClientSession() as http, open_page(devtools) as page:
            await page.call("Page.navigate", url=f"{served.url}teacher?code={codes['teacher']}")
            await page.wait_for("document.getElementById('updated').textContent !== 'never'", "the first update")
            assert await page.evaluate("document.querySelectorAll('#students tr.student').length") == 0
            ada = await Student(http, served.port, await join(http, served.port, "Ada", codes["student"])).connect()
            ada2 = await Student(http, served.port, await join(http, served.port, "ada", codes["student"])).connect()
            await ada.until("New game")
            await ada2.until("New game")
            await page.wait_for("document.querySelectorAll('#students tr.student').length === 2", "two students")
            await file_a_story(ada)
            await page.wait_for("[...document.querySelectorAll('#students td.filed')]"
                                ".filter(td => td.textContent.startsWith('filed at')).length === 1", "one story filed")
            await page.wait_for("!document.getElementById('report').classList.contains('hidden')", "the class report")
            rows = await page.evaluate("[...document.querySelectorAll('#students tr.student')]"
                                       ".map(tr => [...tr.children].map(td => td.textContent))")
            findings = await page.evaluate("[...document.querySelectorAll('#findings li, #endings li')]"
                                           ".map(li => li.textContent)")
            card = await page.evaluate("document.querySelector('#students td.card a').href")
            async with http.get(card) as response:
                assert response.status == 200 and "# Report card" in await response.text()
            await ada.close()
            await ada2.close()
            return rows, findings

    with chromium(tmp_path) as devtools:
        rows, findings = asyncio.run(lesson(devtools))
    (first, second) = rows
    assert first[0] == "Ada" and second[0] == "ada (2)"  # the same name twice: two seats, told apart
    assert first[1] == "yes" and first[6].startswith("filed at ") and first[7].isdigit()
    assert second[6] == "not yet" and second[2] == ""  # still on the title screen: no game yet
    assert findings  # the endings reached, at least
    cards = sorted(p.relative_to(served.results).parts[0] for p in served.results.glob("*/*.md"))
    assert cards == ["ada"]


def test_the_teacher_page_needs_the_teachers_code(served: Served) -> None:
    codes = served.codes
    for path in ("teacher", "teacher/status", "teacher/card/ada/x.md"):
        for query in ("", "?code=", f"?code={codes['student']}", "?code=wrong"):  # students know the class code
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"{served.url}{path}{query}")
            assert refused.value.code == 403, (path, query)
    with urllib.request.urlopen(f"{served.url}teacher?code={codes['teacher']}") as response:
        assert b"Students" in response.read()
    with urllib.request.urlopen(f"{served.url}teacher/status?code={codes['teacher']}") as response:
        status = json.loads(response.read())
    assert status["class_code"] == codes["student"] and status["results_writable"] is True
    for sneaky in ("teacher/card/..%2F..%2Fetc/passwd", f"teacher/card/x/..%2Froster.json?code={codes['teacher']}",
                   f"teacher/card/x/.hidden.md?code={codes['teacher']}"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{served.url}{sneaky}")
        assert refused.value.code in (403, 404), sneaky


@linux_only
def test_joining_needs_the_class_code_and_a_game_needs_a_seat(served: Served) -> None:
    import aiohttp

    async def attempts() -> None:
        async with aiohttp.ClientSession() as http:
            with pytest.raises(Refused) as refused:
                await join(http, served.port, "Mallory", "WRONG1")
            assert refused.value.status == 403 and "code" in refused.value.message
            with pytest.raises(Refused) as refused:
                await join(http, served.port, "  \u200b ", served.codes["student"])
            assert refused.value.status == 400 and "name" in refused.value.message
            seat = await join(http, served.port, "Mallory", served.codes["student"])
            for url in (f"/ws/{seat['seat']}/not-the-ticket", "/ws", f"/ws/../{seat['ticket']}"):
                with pytest.raises(aiohttp.WSServerHandshakeError):
                    await http.ws_connect(f"ws://127.0.0.1:{served.port}{url}?width=80&height=24")

    asyncio.run(attempts())


@linux_only
def test_a_student_who_comes_back_finds_their_game_and_draft(own_server: Served) -> None:
    """The tab closed mid-game, then the game process was killed: the same name and code carry on."""
    served = own_server
    import aiohttp

    async def day() -> str:
        async with aiohttp.ClientSession() as http:
            code = served.codes["student"]
            seat = await join(http, served.port, "Sam", code)
            sam = await Student(http, served.port, seat).connect()
            await sam.until("New game")
            await sam.key("1", "name")
            await sam.key("\r", "morning")
            await sam.key("1", "chamber")
            await sam.key("3", "File")
            await sam.key("Bridge shut", "shut")
            await sam.key("\x13", "saved")  # ctrl+s keeps the draft
            (game,) = sessions_of(served.process.pid)
            os.kill(game, signal.SIGKILL)  # the game dies mid-draft
            wait_for(lambda: not alive(game), "the killed game to be gone")
            await sam.close()
            again = await join(http, served.port, "sam", code)  # another machine: no ticket, same name
            assert again["seat"] == seat["seat"]
            back = await Student(http, served.port, again).connect()
            await back.until("Continue")
            await back.key("2", "File")  # Continue: back at the desk
            await back.until("Bridge shut")
            text = back.screen
            await back.close()
            return text

    screen = asyncio.run(day())
    assert "Bridge shut" in screen


@linux_only
def test_each_browser_gets_its_own_game_and_ctrl_c_ends_them_all(own_server: Served) -> None:
    served = own_server

    async def connect_two() -> set[int]:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            code = served.codes["student"]
            first = await Student(http, served.port, await join(http, served.port, "Kim", code)).connect()
            second = await Student(http, served.port, await join(http, served.port, "Lee", code)).connect()
            await first.until("New game")
            await second.until("New game")
            games = wait_for(lambda: len(sessions_of(served.process.pid)) == 2 and set(sessions_of(served.process.pid)),
                             "two game processes")
            templates = templates_of(served.process.pid)
            assert len(templates) == 1  # the games are forked from the one pre-imported template
            assert {parent for pid, parent, _ in _live_processes() if pid in games} == templates
            games |= templates  # the template too must end with the server
            served.process.send_signal(signal.SIGINT)  # while both browsers are still connected
            for student in (first, second):
                await asyncio.wait_for(student.reader, timeout=30)  # type: ignore[arg-type]  # the server closes them
            return set(games)

    games = asyncio.run(connect_two())
    assert len(games) == 3 and len(served.data_folders()) == 2  # a data folder each: no shared autosave or name
    assert served.process.wait(timeout=30) == 0
    for game in games:
        wait_for(lambda game=game: not alive(game), "every game to end with the server")  # type: ignore[misc]


def test_the_command_for_each_browser() -> None:
    command = session_command(Path("/class results"), SCENARIO, Path("/seats/x"), "O'Brien; rm -rf ~")
    assert command.startswith("exec ") and "-m game.commands.serve --session" in command
    assert "'/class results'" in command and command.endswith(str(SCENARIO))
    assert "'O'\"'\"'Brien; rm -rf ~'" in command  # a name is one quoted word to the shell
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_a_busy_port_is_a_clear_error(served: Served, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "game", "serve", "--port", str(served.port), "--results", str(tmp_path / "r")],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{served.port}" in done.stderr and "Traceback" not in done.stderr


@linux_only
def test_games_and_their_template_end_when_the_server_is_killed(own_server: Served) -> None:
    """SIGKILL to the server alone (nothing tidies up): the template sees its socket close, the games their
    parent go, and every one of them ends."""
    served = own_server

    async def connect_one() -> set[int]:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            seat = await join(http, served.port, "Kim", served.codes["student"])
            student = await Student(http, served.port, seat).connect()
            await student.until("New game")
            games = wait_for(lambda: sessions_of(served.process.pid), "the game process")
            processes = set(games) | templates_of(served.process.pid)
            served.process.kill()
            return processes

    processes = asyncio.run(connect_one())
    assert len(processes) == 2
    for pid in processes:
        wait_for(lambda pid=pid: not alive(pid), "the game and its template to end")  # type: ignore[misc]


def test_the_teacher_is_told_when_report_cards_cannot_be_written(tmp_path: Path) -> None:
    from game.commands.serve import _writable

    assert _writable(tmp_path)
    assert not _writable(tmp_path / "gone")  # the folder was removed (or its drive unplugged)
    taken = tmp_path / "a-file"
    taken.write_text("not a folder", encoding="utf-8")
    assert not _writable(taken)
    assert not list(tmp_path.glob(".newsroom-probe-*"))  # the probe leaves nothing behind
