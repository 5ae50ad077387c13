"""`newsroom serve`: the game in students' browsers, one process per browser, with no internet needed."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from game.commands.common import add_scenario_argument, load_or_report

WEB_FOLDER = Path(__file__).resolve().parent.parent / "classroom" / "web"
"""The page browsers load (in place of textual-serve's own, which fetches a font from the internet)."""


def session_command(results: Path, scenario: Path | None) -> str:
    """The shell command textual-serve runs for each browser: one student's game (game.classroom.session)."""
    arguments = [sys.executable, "-m", "game.classroom.session", "--results", str(results)]
    if scenario is not None:
        arguments.append(str(scenario))
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


def make_server(command: str, host: str, port: int, results: Path) -> Any:
    """A textual-serve Server for Newsroom: its own page, textual-serve's local scripts and fonts."""
    import textual_serve
    from textual_serve.server import Server

    class ClassroomServer(Server):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.sessions: set[asyncio.Task[Any]] = set()

        async def handle_websocket(self, request: Any) -> Any:
            """One browser's game; remembered so that stopping the server ends it at once."""
            task = asyncio.current_task()
            if task is not None:
                self.sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(task)  # type: ignore[arg-type]

        async def on_shutdown(self, app: Any) -> None:
            """Ctrl+C: end every game now (each is told to quit) instead of waiting for browsers to leave."""
            for task in list(self.sessions):
                task.cancel()
            if self.sessions:
                await asyncio.wait(list(self.sessions), timeout=10)

        async def on_startup(self, app: Any) -> None:
            if self.host in ("0.0.0.0", "::"):
                where = f"port {self.port} of every address of this machine, e.g. http://localhost:{self.port}/"
            else:
                where = f"http://{self.host}:{self.port}/"
            self.console.print(f"Newsroom is being served at {where}", highlight=False)
            self.console.print(f"Report cards go to {results}", highlight=False)
            if not is_loopback(self.host):
                self.console.print(f"Anyone who can reach this machine on port {self.port} can start a game.",
                                   highlight=False)
            self.console.print("Press Ctrl+C to stop.", highlight=False)

    return ClassroomServer(command, host=host, port=port, title="Newsroom",
                           statics_path=Path(textual_serve.__file__).resolve().parent / "static",
                           templates_path=WEB_FOLDER)


def run(options: argparse.Namespace) -> int:
    from game.bundled import resolve
    from game.transcript import default_results_dir

    scenario_path = None
    if options.scenario:
        if load_or_report(options.scenario) is None:
            return 1
        scenario_path = resolve(options.scenario).resolve()
    results = (options.results or default_results_dir()).expanduser().resolve()
    try:
        results.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"newsroom serve: cannot use {results} for results: {error.strerror or error}", file=sys.stderr)
        return 1
    try:
        server = make_server(session_command(results, scenario_path), options.host, options.port, results)
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
        "serve", help="serve the game to browsers on this machine or a classroom network",
        description="Serve the game to web browsers: each browser gets its own game in its own process, "
                    "and each filed story writes a report card into the results folder. Nothing is "
                    "fetched from the internet.")
    add_scenario_argument(parser, optional=True)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only; "
                             "0.0.0.0 lets other machines on the network connect)")
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--results", type=Path, metavar="DIR",
                        help="where the report cards go (default: the results folder in Newsroom's data folder)")
    parser.set_defaults(run=run)
