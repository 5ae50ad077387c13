"""`newsroom serve`: the game in students' browsers, one process per student, and a live page for the teacher.

Students open the page, type the class code and their name, and get a seat (game.classroom.seats): their
own game process, their own autosave and draft (so a reload or a reconnect continues the game), and their
own folder of report cards. The teacher opens `/teacher?code=TEACHER-CODE` (printed at start-up) and sees
every student live (game.classroom.status). Nothing is fetched from the internet.

`python -m game.commands.serve --session ...` is one student's game: textual-serve runs it per browser.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import os
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.classroom.template import TEMPLATE_FLAG, Pipes, Template
from game.classroom.template import serve as serve_template
from game.commands.common import add_scenario_argument, load_or_report

if TYPE_CHECKING:
    from game.classroom.seats import Roster
    from game.model import Scenario

WEB_FOLDER = Path(__file__).resolve().parent.parent / "classroom" / "web"
"""The pages browsers load (in place of textual-serve's own, which fetches a font from the internet)."""
REFRESH_SECONDS = 2
"""How often the teacher page asks for news."""


def session_arguments(results: Path, scenario: Path | None, data: Path | None = None,
                      name: str | None = None) -> list[str]:
    """One student's game's arguments to run_session (after `python -m game.commands.serve`)."""
    arguments = ["--session", "--results", str(results)]
    if data is not None:
        arguments += ["--data", str(data)]
    if name:
        arguments += ["--name", name]
    if scenario is not None:
        arguments.append(str(scenario))
    return arguments


def session_command(results: Path, scenario: Path | None, data: Path | None = None, name: str | None = None) -> str:
    """The shell command textual-serve runs for one student's game (this module, with --session)."""
    arguments = [sys.executable, "-m", "game.commands.serve", *session_arguments(results, scenario, data, name)]
    if os.name == "nt":
        return subprocess.list2cmdline(arguments)
    return "exec " + shlex.join(arguments)  # the game replaces the shell, so closing it ends the game


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def start_template() -> Template | None:
    """The pre-forked template games are forked from (POSIX only); None where it cannot start."""
    if os.name != "posix" or not hasattr(socket, "send_fds"):
        return None
    try:
        return Template()
    except (OSError, ValueError):
        return None


def make_server(scenario_path: Path, scenario: Scenario, host: str, port: int, results: Path,
                class_code: str | None = None, use_template: bool = True) -> Any:
    """A textual-serve Server for a class: the join page, a game per seat, the teacher's page."""
    import textual_serve
    from aiohttp import WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    from game.classroom.report import json_data, read_results
    from game.classroom.seats import JoinError, Roster, same_code
    from game.classroom.status import class_status
    from game.model import DIMENSIONS

    roster = Roster(results)
    codes = roster.codes(class_code)
    roster.note_scenario(scenario_path)
    template = start_template() if use_template else None

    class SeatService(AppService):  # type: ignore[misc]
        """textual-serve's process for one browser, with the seat's data folder in its environment."""

        def __init__(self, command: str, data: Path, argv: Sequence[str], **kwargs: Any) -> None:
            super().__init__(command, **kwargs)
            self.argv = argv
            self.data = data
            self.pipes: Any = None

        async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
            """The game forked from the template (imports already done), or started afresh without one."""
            if template is None or template.process.poll() is not None:
                return await super()._open_app_process(width, height)
            self.pipes = await Pipes.open(template, self.argv, self._build_environment(width, height))
            self._process = self.pipes
            self._stdin = self.pipes.stdin
            return self.pipes

        async def stop(self) -> None:
            try:
                await super().stop()
            finally:
                if self.pipes is not None:
                    self.pipes.close()

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            environment: dict[str, str] = super()._build_environment(width, height)
            environment["NEWSROOM_DATA_DIR"] = str(self.data)
            return environment

    class ClassroomServer(Server):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.roster: Roster = roster
            self.codes = codes
            self.sessions: dict[str, tuple[asyncio.Task[Any], Any]] = {}
            """Seat id → (the task serving its browser, its websocket)."""

        async def _make_app(self) -> Any:
            import aiohttp_jinja2
            import jinja2

            app = web.Application()
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
            app.add_routes([
                web.get("/", self.handle_index, name="index"),
                web.post("/join", self.handle_join, name="join"),
                web.get("/ws/{seat}/{ticket}", self.handle_websocket, name="websocket"),
                web.get("/teacher", self.handle_teacher, name="teacher"),
                web.get("/teacher/status", self.handle_status, name="status"),
                web.get("/teacher/card/{seat}/{file}", self.handle_card, name="card"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ])
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        # --- students ----------------------------------------------------------------------------

        async def handle_index(self, request: Any) -> Any:
            """The student's page: the join form, then the terminal (app_index.html)."""
            import aiohttp_jinja2

            context = {"font_size": _size(request.query.get("fontsize"), 16), "application": {"name": self.title}}
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        async def handle_join(self, request: Any) -> Any:
            """A student's name and the class code in, their seat and its ticket out (JSON)."""
            try:
                form = await request.json()
                name, code = str(form.get("name", "")), str(form.get("code", ""))
                ticket = form.get("ticket")
            except (ValueError, AttributeError):
                return web.json_response({"error": "The page sent something unreadable; reload it."}, status=400)
            if not same_code(code, self.codes.student):
                return web.json_response({"error": "That is not this class's code. Check the board."},
                                         status=403)
            try:
                live = {seat_id for seat_id, (task, socket) in self.sessions.items()
                        if not task.done() and not socket.closed}  # a killed game's seat is free at once
                seat = self.roster.join(name, str(ticket) if ticket else None, busy=live)
            except JoinError as error:
                return web.json_response({"error": str(error)}, status=400)
            except OSError as error:
                return web.json_response({"error": f"The class folder cannot be written ({error.strerror}); "
                                                   "tell your teacher."}, status=500)
            return web.json_response({"seat": seat.id, "name": seat.name, "ticket": seat.ticket})

        async def handle_websocket(self, request: Any) -> Any:
            """One seat's game; a second connection to a seat ends the first, so one game writes one save."""
            seat = self.roster.by_ticket(request.match_info["seat"], request.match_info["ticket"])
            if seat is None:
                raise web.HTTPForbidden(text="Join the class first (the page asks for your name and code).")
            earlier = self.sessions.get(seat.id)
            if earlier is not None:
                with contextlib.suppress(Exception):
                    await earlier[1].close()
                await asyncio.wait([earlier[0]], timeout=10)
            websocket = web.WebSocketResponse(heartbeat=15)
            task = asyncio.current_task()
            assert task is not None
            self.sessions[seat.id] = (task, websocket)
            width = _size(request.query.get("width"), 80)
            height = _size(request.query.get("height"), 24)
            service = None
            try:
                await websocket.prepare(request)
                data = self.roster.seat_data(seat)
                command = session_command(self.roster.seat_results(seat), scenario_path, data, seat.name)
                argv = session_arguments(self.roster.seat_results(seat), scenario_path, data, seat.name)
                service = SeatService(command, data, argv, write_bytes=websocket.send_bytes,
                                      write_str=websocket.send_str, close=websocket.close,
                                      download_manager=self.download_manager)
                await service.start(width, height)
                await self.relay(websocket, service)
            except asyncio.CancelledError:
                await websocket.close()
            finally:
                if service is not None:
                    await service.stop()
                if self.sessions.get(seat.id, (None,))[0] is task:
                    del self.sessions[seat.id]
            return websocket

        async def relay(self, websocket: Any, service: Any) -> None:
            """The browser's keys and sizes to the game (textual-serve's protocol, checked message by message)."""
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    kind, data = json.loads(message.data)
                except (ValueError, TypeError):
                    continue
                if kind == "stdin" and isinstance(data, str):
                    await service.send_bytes(data.encode("utf-8"))
                elif kind == "resize" and isinstance(data, dict):
                    await service.set_terminal_size(_size(data.get("width"), 80), _size(data.get("height"), 24))
                elif kind == "ping":
                    await websocket.send_json(["pong", data])
                elif kind == "blur":
                    await service.blur()
                elif kind == "focus":
                    await service.focus()

        # --- the teacher -------------------------------------------------------------------------

        def teacher_only(self, request: Any) -> None:
            if not same_code(request.query.get("code", ""), self.codes.teacher):
                raise web.HTTPForbidden(text="This page is for the teacher: it needs the teacher's code, "
                                             "printed when `newsroom serve` started.")

        async def handle_teacher(self, request: Any) -> Any:
            self.teacher_only(request)
            return web.FileResponse(WEB_FOLDER / "teacher.html",
                                    headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})

        async def handle_status(self, request: Any) -> Any:
            self.teacher_only(request)
            data = await asyncio.get_running_loop().run_in_executor(None, self.status_data)
            return web.json_response(data, headers={"Cache-Control": "no-store"})

        def status_data(self) -> dict[str, Any]:
            """Everything the teacher page shows, as JSON (read from the class's files, off the event loop)."""
            students = [s.to_json() for s in class_status(self.roster, scenario, set(self.sessions))]
            report = None
            with contextlib.suppress(FileNotFoundError):
                results_read = read_results([self.roster.results])
                if results_read.count:
                    report = json_data(results_read, self.roster.results)
            return {
                "scenario": {"id": scenario.id, "title": scenario.title, "deadline": scenario.clock.deadline},
                "class_code": self.codes.student, "students": students, "report": report,
                "results": str(self.roster.results), "results_writable": _writable(self.roster.results),
                "dimensions": list(DIMENSIONS), "refresh_seconds": REFRESH_SECONDS, "time": time.time(),
            }

        async def handle_card(self, request: Any) -> Any:
            """A student's report card, as text (only the teacher's; only from inside the results folder)."""
            self.teacher_only(request)
            seat = self.roster.seats.get(request.match_info["seat"])
            name = request.match_info["file"]
            if seat is None or "/" in name or "\\" in name or name.startswith(".") \
                    or not name.endswith((".md", ".json")):
                raise web.HTTPNotFound()
            path = self.roster.seat_results(seat) / name
            if not path.is_file():
                raise web.HTTPNotFound()
            kind = "application/json" if name.endswith(".json") else "text/plain"
            return web.Response(body=path.read_bytes(), content_type=kind, charset="utf-8",
                                headers={"Cache-Control": "no-store"})

        # --- starting and stopping ---------------------------------------------------------------

        async def on_shutdown(self, app: Any) -> None:
            """Ctrl+C: end every game now (each is told to quit) instead of waiting for browsers to leave."""
            tasks = [task for task, _ in self.sessions.values()]
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=10)
            if template is not None:
                template.close()

        async def on_startup(self, app: Any) -> None:
            if self.host in ("0.0.0.0", "::"):
                where = f"port {self.port} of every address of this machine, e.g. http://localhost:{self.port}/"
                teacher_host = f"localhost:{self.port}"
            else:
                where = teacher_host = f"{self.host}:{self.port}"
                where = f"http://{where}/"
            def say(text: str) -> None:
                self.console.print(text, highlight=False, soft_wrap=True)

            say(f"Newsroom ({scenario.title}) is being served at {where}")
            say(f"Class code for students: {self.codes.student}")
            say(f"Teacher page (keep it to yourself): http://{teacher_host}/teacher?code={self.codes.teacher}")
            say(f"Report cards go to {results}")
            if not is_loopback(self.host):
                say(f"Anyone who can reach this machine on port {self.port} and knows the class code can "
                    "join.")
            say("Press Ctrl+C to stop.")

    return ClassroomServer("newsroom", host=host, port=port, title="Newsroom",
                           statics_path=Path(textual_serve.__file__).resolve().parent / "static",
                           templates_path=WEB_FOLDER)


def _size(value: Any, default: int) -> int:
    """A terminal size from the browser, kept to something sane."""
    try:
        return max(10, min(500, int(value)))
    except (TypeError, ValueError):
        return default


def _writable(folder: Path) -> bool:
    """Whether a report card could be written into the folder now (tried, not guessed from permissions)."""
    import tempfile

    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".newsroom-probe-"):
            return True
    except OSError:
        return False


def run(options: argparse.Namespace) -> int:
    from game.bundled import resolve
    from game.transcript import default_results_dir

    scenario = load_or_report(options.scenario)
    if scenario is None:
        return 1
    scenario_path = resolve(options.scenario).resolve()
    results = (options.results or default_results_dir()).expanduser().resolve()
    try:
        results.mkdir(parents=True, exist_ok=True)
        server = make_server(scenario_path, scenario, options.host, options.port, results, options.class_code)
    except OSError as error:
        print(f"newsroom serve: cannot use {results} for results: {error.strerror or error}", file=sys.stderr)
        return 1
    except ImportError:
        print("newsroom serve: textual-serve is not installed; `pip install textual-serve`", file=sys.stderr)
        return 1
    try:
        server.serve()
    except OSError as error:
        print(f"newsroom serve: cannot listen on {options.host}:{options.port} ({error.strerror or error}); "
              "try another --port", file=sys.stderr)
        return 1
    return 0


def run_session(argv: Sequence[str]) -> int:
    """One student's game in its seat: the classroom sets the seat up, then the full-screen game plays."""
    from game.classroom.session import open_seat
    from game.cli import main as newsroom

    parser = argparse.ArgumentParser(prog="python -m game.commands.serve --session")
    parser.add_argument("--session", action="store_true", required=True)
    parser.add_argument("--results", required=True, type=Path)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--name")
    parser.add_argument("scenario", nargs="?")
    options = parser.parse_args(argv)
    with open_seat(options.data, options.name):
        arguments = ["play", *([options.scenario] if options.scenario else []), "--results", str(options.results)]
        return newsroom(arguments)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "serve", help="serve the game to a class's browsers, with a live page for the teacher",
        description="Serve the game to web browsers: students join with the class code and their name, "
                    "each gets their own game in its own process (a reload continues it), and each filed "
                    "story writes a report card into the results folder. The teacher page shows the class "
                    "live. Nothing is fetched from the internet.")
    add_scenario_argument(parser, optional=True)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only; "
                             "0.0.0.0 lets other machines on the network connect)")
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--results", type=Path, metavar="DIR",
                        help="where the report cards go, a folder per student (default: the results folder "
                             "in Newsroom's data folder)")
    parser.add_argument("--class-code", metavar="CODE",
                        help="the code students type to join (default: the one this results folder had last "
                             "time, or a new one)")
    parser.set_defaults(run=run)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1:3] == ["--session", TEMPLATE_FLAG]:
        raise SystemExit(serve_template(int(sys.argv[3])))
    raise SystemExit(run_session(sys.argv[1:]))
