"""The game's plain-Python parts: sessions, saving, reloading, safe text, marked stories, `newsroom play`."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from game import paths
from game.commands.play import theme_for
from game.engine import Key
from game.play import kept
from game.play.session import Session, autosave, carry_over, resume
from game.ui.preview import Preview, read_preview
from game.ui.text import clean, plain, reflow, time_left_text
from game.ui.widgets.marked_story import marked_story
from tests.ui_helpers import edited_example

pytestmark = pytest.mark.usefixtures("data_dir")


def test_choose_and_undo_walk_back_through_states(example) -> None:  # type: ignore[no-untyped-def]
    session = Session.start(example)
    assert not session.can_undo
    later = session.choose(Key.parse("call/1")).choose(Key.parse("chamber/1"))
    assert later.state.scene == "steps" and len(later.undo) == 2
    back = later.undo_last()
    assert back.state == session.choose(Key.parse("call/1")).state
    assert back.undo_last().state == session.state
    assert back.undo_last().undo_last().state == session.state  # nothing left: unchanged


def test_autosave_and_resume_round_trip_with_undo(example, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    session = Session.start(example).choose(Key.parse("call/1")).choose(Key.parse("chamber/2"))
    autosave(session)
    assert paths.save_path(example.id).parent == data_dir / "saves"
    resumed = resume(example, "Ada")
    assert resumed.state == session.state and resumed.undo == session.undo and resumed.player == "Ada"


def test_drafts_and_player_names_survive_bad_files(example) -> None:  # type: ignore[no-untyped-def]
    assert kept.load_draft(example.id) == ("", "")
    kept.save_draft(example.id, "H", "B “quoted”")
    assert kept.load_draft(example.id) == ("H", "B “quoted”")
    kept.draft_path(example.id).write_text("[1, 2]", encoding="utf-8")
    assert kept.load_draft(example.id) == ("", "")
    assert kept.remembered_player() is None
    kept.remember_player("Ada Lovelace")
    assert kept.remembered_player() == "Ada Lovelace"


def test_reload_replays_the_route_onto_the_edited_scenario(example, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from game.loader import load_scenario

    session = Session.start(example).choose(Key.parse("call/1")).choose(Key.parse("chamber/2"))
    edited = load_scenario(edited_example(tmp_path, ("        minutes: 20\n", "        minutes: 25\n")))
    moved, note = carry_over(session, edited)
    assert moved.state.scene == "gallery" and moved.state.time == session.state.time + 5
    assert note == "your place is kept" and len(moved.undo) == 2


def test_reload_restarts_when_the_scene_is_gone(example, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from game.loader import load_scenario

    session = Session.start(example).choose(Key.parse("call/1")).choose(Key.parse("chamber/2"))
    path = edited_example(tmp_path, ("  - id: gallery\n", "  - id: galleria\n"),
                          ("        goto: gallery\n", "        goto: galleria\n"))
    moved, note = carry_over(session, load_scenario(path))
    assert moved.state.scene == "call" and "gone" in note


def test_preview_reads_only_what_the_title_needs(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLE

    preview = read_preview(EXAMPLE)
    assert preview is not None and preview.id == "example-bridge" and len(preview.objectives) == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    assert read_preview(broken) is None
    assert read_preview(tmp_path / "missing.yaml") is None
    late = tmp_path / "late.yaml"  # the title after the scenes: the quick read falls back to the whole file
    late.write_text("format: 1\nscenes: []\nid: late\ntitle: Late title\n", encoding="utf-8")
    assert read_preview(late) == Preview("late", "Late title", "")


def test_clean_removes_escapes_and_controls_but_keeps_brackets() -> None:
    assert clean("a\x1b[31mred\x1b[0m b") == "ared b"
    assert clean("t\x1b]0;title\x07x") == "tx"
    assert clean("\x9b2Jx\x00y\u202ez") == "xyz"
    assert clean("[bold]x[/]\n\ttab") == "[bold]x[/]\n    tab"
    text = plain("[bold red]x[/]")
    assert text.plain == "[bold red]x[/]" and not text.spans


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    assert reflow("one\ntwo\n\n  three\nfour \n") == "one two\n\nthree four"
    assert time_left_text(160) == "2 h 40 to deadline"
    assert time_left_text(0) == "deadline now"
    assert time_left_text(-5) == "5 min late"


def test_marked_story_numbers_findings_at_their_ends_and_styles_their_spans() -> None:
    finding = SimpleNamespace
    text = "Head\n\nThe mayor said \x1b[1mhi"
    findings = [finding(span=(0, 4), severity="error"), finding(span=None, severity="info"),
                finding(span=(6, 15), severity="praise"), finding(span=(6, 15), severity="warning")]
    marked = marked_story(text, findings)
    assert marked.plain == "Head[1]\n\nThe mayor[3,4] said hi"
    styled = {(marked.plain[span.start:span.end], str(span.style)) for span in marked.spans}
    assert ("Head", "bold underline red") in styled
    assert ("The mayor", "underline green") in styled and ("The mayor", "underline yellow") in styled


@pytest.mark.parametrize(("environ", "theme"), [
    ({"TERM": "xterm-256color"}, None),
    ({"TERM": "linux"}, "ansi-dark"),
    ({"TERM": "xterm", "COLORTERM": "truecolor"}, None),
    ({"TERM": "linux", "NEWSROOM_THEME": "nord"}, "nord"),
])
def test_sixteen_colour_terminals_get_the_ansi_theme(environ: dict[str, str], theme: str | None) -> None:
    assert theme_for(environ) == theme


def test_play_refuses_missing_and_unreadable_scenarios_without_starting_the_app(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["play", str(tmp_path / "nowhere.yaml")]) == 1
    assert "no scenario file or shipped scenario" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: [oops\n", encoding="utf-8")
    assert main(["play", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "broken.yaml:" in err and "cannot be played" in err


def test_building_the_command_line_loads_no_scenario_models() -> None:
    """`newsroom` draws its title screen before pydantic is imported; every command's register() must
    stay light for that (game.ui.preview reads the title; the full check runs after the first frame)."""
    import subprocess
    import sys

    from game.authoring.graph import FORMATS
    from game.commands.graph import FORMATS as PARSER_FORMATS
    from tests.conftest import ROOT

    assert PARSER_FORMATS == FORMATS
    code = ("import sys, game.cli, game.ui.app, game.ui.preview\n"
            "game.cli.build_parser()\n"
            "print(sorted(m for m in ('pydantic', 'game.model', 'game.engine', 'game.loader') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
