"""A pre-forked template for students' games: Textual and the game imported once, then a fork per student.

Starting a game from nothing costs each student ~0.7 s of CPU (importing Textual, pydantic, YAML and the
game) and its own copy of those modules. Under `newsroom serve` one template process does that once; for each
browser the server hands it three pipe ends (the game's stdin, stdout and stderr, over a Unix socket) and the
template forks a child that runs the session exactly as `python -m game.commands.serve --session` would. The
children share the imported modules' pages with the template (copy-on-write).

The template forks before any event loop or thread exists in it (it only reads its socket), so each child
starts clean. It ends when the server's end of the socket closes (the server ended or was killed); each game
then notices its parent is gone (game.classroom.session.watch_parent) and ends too, as do games whose
browser went away (stdin closes).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
from collections.abc import Mapping, Sequence
from typing import Any

TEXTUAL_ENVIRONMENT = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM_PROGRAM": "textual",
}
"""What textual-serve sets for every game; Textual reads some of it when imported, so the template sets it first."""
TEMPLATE_FLAG = "--template"
GAME_GC_THRESHOLD = (10_000, 20, 20)
"""The garbage collector's thresholds in a forked game. Python's default (700 new objects) runs a collection
several times per keypress (Textual builds thousands of short-lived objects to draw a frame); at this one a
key costs a game ~15% less CPU (measured headless: 40 -> 34 ms per choice in Hanoi's first scene), and the
collections run over the game's own objects only (the template's are frozen)."""


def preload() -> None:
    """Import what every game imports, so forked children start with it."""
    os.environ.update(TEXTUAL_ENVIRONMENT)
    import textual.drivers.web_driver  # noqa: F401

    import game.classroom.session  # noqa: F401
    import game.cli  # noqa: F401
    import game.ui.app  # noqa: F401


def serve(fd: int) -> int:
    """The template's loop: a fork per request on the socket, until the server goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the server's terminal: the server ends us
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    preload()
    import gc

    gc.collect()
    gc.freeze()  # the imported objects stay out of the children's collections: their pages stay shared
    channel = socket.socket(fileno=fd)
    channel.sendall(b"ready\n")
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(channel, 1 << 20, 3)
        except OSError:
            return 0
        if not message:
            return 0
        if len(fds) != 3:
            for descriptor in fds:
                os.close(descriptor)
            channel.sendall(b"0\n")
            continue
        request = json.loads(message)
        pid = os.fork()
        if pid == 0:
            channel.close()
            _child(fds, request["argv"], request["env"])  # never returns
        for descriptor in fds:
            os.close(descriptor)
        channel.sendall(f"{pid}\n".encode())


def _child(fds: Sequence[int], argv: Sequence[str], environment: Mapping[str, str]) -> None:
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        import gc

        gc.set_threshold(*GAME_GC_THRESHOLD)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for target, descriptor in enumerate(fds):
            os.dup2(descriptor, target)
            os.close(descriptor)
        os.environ.clear()
        os.environ.update(environment)
        from game.commands.serve import run_session

        code = run_session(argv)
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:  # noqa: BLE001 - a child must never return into the template's loop
        import traceback

        traceback.print_exc()
    finally:
        import contextlib

        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


class Template:
    """The server's handle on the template process."""

    def __init__(self) -> None:
        import subprocess

        server_end, template_end = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game.commands.serve", "--session", TEMPLATE_FLAG,
             str(template_end.fileno())],
            pass_fds=(template_end.fileno(),), stdin=subprocess.DEVNULL)
        template_end.close()
        self.channel = server_end
        self.lock = threading.Lock()
        self.reader = server_end.makefile("rb")
        if self.reader.readline() != b"ready\n":
            raise OSError("the game template did not start")

    def spawn(self, argv: Sequence[str], environment: Mapping[str, str], fds: Sequence[int]) -> int:
        """Fork a game with these stdin/stdout/stderr ends; its pid (blocking: call it off the event loop)."""
        with self.lock:
            socket.send_fds(self.channel, [json.dumps({"argv": list(argv), "env": dict(environment)}).encode()],
                            list(fds))
            answer = self.reader.readline()
        pid = int(answer or b"0")
        if pid <= 0:
            raise OSError("the game template could not start a game")
        return pid

    def close(self) -> None:
        import contextlib

        with contextlib.suppress(OSError):
            self.channel.close()
        with contextlib.suppress(Exception):
            self.process.wait(timeout=5)


class Pipes:
    """A forked game's stdin/stdout/stderr as asyncio streams: what AppService needs of a Process."""

    def __init__(self, stdin: Any, stdout: Any, stderr: Any, pid: int) -> None:
        self.stdin, self.stdout, self.stderr, self.pid = stdin, stdout, stderr, pid
        self.returncode = None

    @classmethod
    async def open(cls, template: Template, argv: Sequence[str], environment: Mapping[str, str]) -> Pipes:
        import asyncio

        loop = asyncio.get_running_loop()
        in_read, in_write = os.pipe()
        out_read, out_write = os.pipe()
        err_read, err_write = os.pipe()
        try:
            pid = await loop.run_in_executor(None, template.spawn, argv, environment,
                                             (in_read, out_write, err_write))
        except BaseException:
            for descriptor in (in_write, out_read, err_read):
                os.close(descriptor)
            raise
        finally:
            for descriptor in (in_read, out_write, err_write):
                os.close(descriptor)
        readers = []
        for descriptor in (out_read, err_read):
            reader = asyncio.StreamReader(limit=2 ** 16)
            await loop.connect_read_pipe(lambda r=reader: asyncio.StreamReaderProtocol(r),  # type: ignore[misc]
                                         os.fdopen(descriptor, "rb", 0))
            readers.append(reader)
        transport, protocol = await loop.connect_write_pipe(asyncio.streams.FlowControlMixin,
                                                            os.fdopen(in_write, "wb", 0))
        writer = asyncio.StreamWriter(transport, protocol, None, loop)
        return cls(writer, readers[0], readers[1], pid)

    def close(self) -> None:
        self.stdin.close()


