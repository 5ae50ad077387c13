"""Helpers for the Textual game's tests: build the app, read what is on screen, start a game."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.conftest import EXAMPLE


def make_app(path: Path = EXAMPLE, **options: Any) -> Any:
    from game.ui.app import NewsroomApp
    from game.ui.preview import read_preview

    return NewsroomApp(path, read_preview(path), **options)


def screen_text(app: Any) -> str:
    """The current screen as plain text, one line per terminal row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def screen_segments(app: Any) -> list[Any]:
    return [segment for strip in app.screen._compositor.render_strips() for segment in strip]


async def start_game(pilot: Pilot[Any], name: str = "") -> None:
    """From the title screen: New game, give a name, Enter; ends in the first scene."""
    app = pilot.app
    await app.scenario_ready()
    await pilot.pause()
    await pilot.press("1")
    await pilot.pause()
    if name:
        await pilot.press(*name)
    await pilot.press("enter")
    await pilot.pause()


async def straight_to_desk(pilot: Pilot[Any]) -> None:
    """From the title screen of the example: a new game, the council chamber, then straight to the desk."""
    from game.ui.screens.desk import DeskScreen

    await start_game(pilot)
    await pilot.press("1", "3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DeskScreen), type(pilot.app.screen).__name__


def edited_example(tmp_path: Path, *edits: tuple[str, str], name: str = "scenario.yaml") -> Path:
    """A copy of the example scenario with text replaced (each edit must match exactly once)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
