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


def strings_in(value: object) -> list[str]:
    """Every string inside a view (dataclasses, tuples), however deep, but the story as the player typed it
    (`ReviewView.story_text`: the editor's spans index into it, so each face cleans it as it marks it up)."""
    import dataclasses

    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [text for field in dataclasses.fields(value) if field.name != "story_text"
                for text in strings_in(getattr(value, field.name))]
    if isinstance(value, (tuple, list)):
        return [text for item in value for text in strings_in(item)]
    return []


def test_no_view_the_play_layer_hands_a_face_holds_a_sequence(hostile: Path, tmp_path: Path) -> None:
    """Every presenter (`game.play.views`, `game.play.title`) over a whole day, with hostile names, facts,
    brief and endings too: the views are clean before any face sees them."""
    from game.play import views
    from game.play.filing import file_story
    from game.play.session import Session
    from game.play.title import title_view

    data = yaml.safe_load(hostile.read_text(encoding="utf-8"))
    for person in data["people"]:
        person["name"] = f"{person['name']} {HOSTILE}"
    for fact in data["facts"]:
        fact["statement"] = f"{fact['statement']} {HOSTILE}"
    for scene in data["scenes"]:
        scene["title"] = f"{scene.get('title', '')} {HOSTILE}"
        if scene.get("ending"):
            scene["ending"]["title"] = f"{scene['ending']['title']} {HOSTILE}"
    data["filing"]["brief"] = f"{data['filing']['brief']} {HOSTILE}"
    path = tmp_path / "hostile-everywhere.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    scenario = load_scenario(path)
    session = Session.start(scenario, "Ada")
    shown: list[object] = [title_view(scenario.title, scenario.summary, scenario.objectives,
                                      scenario.objectives_before_play, played=True)]
    while not session.state.at_desk:
        shown += [views.scene_view(session), views.clock_view(session), views.notebook_view(session)]
        session = session.choose(views.scene_view(session).choices[0].key)
    shown += [views.desk_view(session), views.clock_view(session, "Story desk"),
              views.filing_check(session, "Bridge closes.")]
    filed = file_story(session, f"Bridge {HOSTILE}", f"Said {HOSTILE} this.", tmp_path / "results")
    shown += [views.review_view(filed.session, filed), views.scene_view(filed.session)]
    texts = [text for view in shown for text in strings_in(view)]
    assert any("[bold]x[/]" in text for text in texts)  # the words around the sequences are kept
    assert any("Front page" in text or "Page seven" in text or "Correction" in text for text in texts)
    leaks = [text for text in texts if any(sequence in text for sequence in SEQUENCES)]
    assert not leaks, leaks[:3]
