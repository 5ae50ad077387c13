"""A student's browser, as far as `newsroom serve` can tell: join over HTTP, then textual-serve's websocket protocol.

The protocol (textual_serve/server.py): the client sends JSON text frames `["stdin", keys]`,
`["resize", {"width", "height"}]` and `["ping", data]`; the server sends the terminal's output as binary
frames (and `["pong", data]` as text).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

import aiohttp

ANSI = re.compile(r"\x1b\[[0-9;?$<>=]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][A-Z0-9]")


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


async def join(http: aiohttp.ClientSession, port: int, name: str, code: str,
               ticket: str | None = None) -> dict[str, str]:
    async with http.post(f"http://127.0.0.1:{port}/join", json={"name": name, "code": code, "ticket": ticket}) as r:
        answer = await r.json()
        if r.status != 200:
            raise Refused(r.status, answer.get("error", ""))
        return dict(answer)


class Student:
    """One joined student's game over a websocket: send keys, wait for text on the screen."""

    def __init__(self, http: aiohttp.ClientSession, port: int, seat: dict[str, str]) -> None:
        self.http, self.port, self.seat = http, port, seat
        self.screen = ""
        self.socket: Any = None
        self.reader: asyncio.Task[None] | None = None

    async def connect(self, width: int = 80, height: int = 24) -> Student:
        url = f"ws://127.0.0.1:{self.port}/ws/{self.seat['seat']}/{self.seat['ticket']}?width={width}&height={height}"
        self.socket = await self.http.ws_connect(url)
        self.reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        async for message in self.socket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += ANSI.sub("", message.data.decode("utf-8", "replace"))

    async def until(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen:
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r}; last screen: {self.screen[-1200:]!r}")
            await asyncio.sleep(0.05)

    async def key(self, keys: str, then: str, settle: float = 0.3) -> None:
        """Press keys once the screen has settled, and wait for `then` to be drawn."""
        await asyncio.sleep(settle)
        self.screen = ""
        await self.socket.send_str(json.dumps(["stdin", keys]))
        await self.until(then)

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            await asyncio.wait([self.reader], timeout=10)


async def file_a_story(student: Student) -> None:
    """The example scenario from the title screen to the editor's review: chamber, desk, a short story, file."""
    await student.until("New game")
    await student.key("1", "name")
    await student.key("\r", "morning")
    await student.key("1", "chamber")
    await student.key("3", "File")
    await student.key("Council votes to close the bridge", "bridge")
    await student.key("\t", "Write")
    await student.key("The council voted 5-2 to close the bridge.", "bridge.")
    await student.key("\x06", "File")
    await student.key("\r", "Verdict")
