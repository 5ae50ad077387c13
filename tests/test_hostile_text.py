"""Scenario text is untrusted: escape sequences, control characters and markup in it reach neither face.

A scenario's title, summary, scene text, choice labels and quotes each carry an OSC sequence that would
retitle the terminal, a colour sequence, a single-byte CSI and Rich markup. The Textual game and plain mode
both show the words around them, the markup as literal brackets, and none of the sequences.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from game.loader import load_scenario
from game.plain import run_plain
from tests.conftest import EXAMPLE
from tests.ui_helpers import make_app, screen_segments, screen_text, start_game

HOSTILE = "\x1b]0;pwned\x07\x1b[31m\x9b2J[bold]x[/]"
SEQUENCES = ("\x1b", "\x9b", "\x07", "pwned")


pytestmark = pytest.mark.usefixtures("data_dir")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["title"] = f"Bridge {HOSTILE} title"
    data["summary"] = f"Summary {HOSTILE} here."
    first = data["scenes"][0]
    first["text"] = f"Scene {HOSTILE} text."
    first["choices"][0]["label"] = f"Go {HOSTILE} on"
    for quote in data["quotes"]:
        quote["text"] = f"Said {HOSTILE} this."
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_plain_mode_writes_no_sequence_from_the_scenario(hostile: Path) -> None:
    output = io.StringIO()
    run_plain(load_scenario(hostile), input=io.StringIO("\n2\nq\n"), output=output)
    out = output.getvalue()
    assert "Bridge [bold]x[/] title" in out and "Scene [bold]x[/] text." in out and "Go [bold]x[/] on" in out
    assert "Said [bold]x[/] this." in out
    assert not [sequence for sequence in SEQUENCES if sequence in out]


async def test_the_textual_game_shows_no_sequence_from_the_scenario(hostile: Path) -> None:
    app = make_app(hostile)
    async with app.run_test(size=(100, 40)) as pilot:
        await app.scenario_ready()
        await pilot.pause()
        title = screen_text(app)
        assert "Bridge [bold]x[/] title" in title
        await start_game(pilot, "Ada")
        scene = screen_text(app)
        assert "Scene [bold]x[/] text." in scene and "Go [bold]x[/] on" in scene
        shown = title + scene + "".join(segment.text for segment in screen_segments(app))
        assert not [sequence for sequence in SEQUENCES if sequence in shown]
        assert "pwned" not in (app.title or "") and "pwned" not in (app.sub_title or "")
