"""`newsroom grade`: human and JSON output, and clear messages (exit 2, or 1 for a broken scenario)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parent.parent
BRIDGE = str(ROOT / "scenarios" / "example-bridge.yaml")
STORY = """# Council votes 5-2 to close the old bridge

Millbrook council voted 5-2 on Tuesday to close the old iron bridge from Monday.

"The engineers were clear. We close the bridge on Monday or we gamble with lives," Mayor Ana Ruiz said.

Councillor Daniel Okafor said: "Every shop on River Street just lost all its customers."
"""


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_human_output_marks_the_story_and_lists_findings(story_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", BRIDGE, str(story_file)]) == 0
    out = capsys.readouterr().out
    assert "Overall" in out and "filed 12:00, on time" in out
    for dimension in ("accuracy", "quotes", "attribution", "news judgement", "deadline"):
        assert dimension in out
    assert "\u27e6\"Every shop on River Street just lost all its customers.\"\u27e7[" in out
    assert "Misquote" in out and "[-half-] {+all+}" in out
    assert out.count("Council votes") == 1 and "The story, marked" in out


def test_json_output_is_the_report(story_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", BRIDGE, str(story_file), "--json", "--filed-at", "12:07"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"overall", "scores", "findings", "filed_at", "late_by", "facts", "quoted"}
    assert data["filed_at"] == "12:07" and data["late_by"] == 7
    assert "quotes" in {f["dimension"] for f in data["findings"] if f["severity"] == "error"}
    text = STORY.split("\n", 1)[1].strip("\n")
    headline = "Council votes 5-2 to close the old bridge"
    full = headline + "\n\n" + text
    misquote = next(f for f in data["findings"] if f["message"].startswith("Misquote"))
    assert full[misquote["span"][0]:misquote["span"][1]].startswith('"Every shop')


def test_gathered_list_flags_quotes_not_in_the_notebook(story_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", BRIDGE, str(story_file), "--json", "--gathered", "okafor-shops"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any("notebook" in f["message"] and "Ana Ruiz" in f["message"] for f in data["findings"])


def test_story_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(STORY))
    assert main(["grade", BRIDGE, "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scores"]["news_judgement"] == 100


@pytest.mark.parametrize(("arguments", "message"), [
    (["--gathered", "okafor-shop"], "no quote 'okafor-shop' in this scenario; did you mean 'okafor-shops'?"),
    (["--verified", "vote,nope"], "no fact 'nope'"),
    (["--filed-at", "25:00"], "--filed-at wants a time like 11:45"),
    (["--filed-at", "noon"], "--filed-at wants a time"),
])
def test_bad_options_exit_2_with_a_message(story_file: Path, capsys: pytest.CaptureFixture[str],
                                           arguments: list[str], message: str) -> None:
    assert main(["grade", BRIDGE, str(story_file), *arguments]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err and captured.out == ""


def test_unreadable_and_empty_story_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text(" \n\n  \n", encoding="utf-8")
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\xff\xfe\x00bad")
    for path, message in [(tmp_path / "missing.md", "no such file"), (tmp_path, "is a folder"),
                          (empty, "the story is empty"), (binary, "not UTF-8")]:
        assert main(["grade", BRIDGE, str(path)]) == 2
        assert message in capsys.readouterr().err


def test_a_broken_scenario_exits_1(tmp_path: Path, story_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert main(["grade", str(broken), str(story_file)]) == 1
    assert "has problems" in capsys.readouterr().err
    assert main(["grade", str(tmp_path / "nope.yaml"), str(story_file)]) == 1


def test_gathered_none_and_verified_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rumour.md"
    path.write_text(STORY.replace("Councillor Daniel Okafor said", "The bridge will reopen within a month. "
                                  "Councillor Daniel Okafor said"), encoding="utf-8")
    assert main(["grade", BRIDGE, str(path), "--json", "--gathered", "none"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sum("notebook" in f["message"] for f in data["findings"]) == 2
    assert {"accuracy", "verification"} <= {f["dimension"] for f in data["findings"] if f["severity"] == "error"}
    assert main(["grade", BRIDGE, str(path), "--json", "--verified", "all"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(f["dimension"] == "verification" and f["severity"] == "error" for f in data["findings"])
