"""newsroom new: the starter scenario validates, lints clean under --strict, playtests clean, and teaches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.authoring.scaffold import ScaffoldError, check_name, starter_text, title_of, write_starter
from game.cli import main
from game.loader import check_text


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_starter_passes_validate_lint_strict_and_playtest(in_tmp: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "mill-fire"]) == 0
    assert "wrote mill-fire.yaml" in capsys.readouterr().out
    path = in_tmp / "mill-fire.yaml"
    assert main(["validate", str(path)]) == 0
    assert main(["lint", "--strict", str(path)]) == 0
    capsys.readouterr()
    assert main(["playtest", "--json", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["complete"] and report["dead_ends"] == [] and report["errors"] == []
    # it uses everything it declares: every scene, choice, question, quote, fact and ending is reachable
    assert report["scenes_reached"] == report["scenes_total"]
    assert report["choices_taken"] == report["choices_total"]
    assert report["questions_asked"] == report["questions_total"] > 0
    assert report["quotes_gathered"] == report["quotes_total"] > 0
    assert report["facts_learned"] == report["facts_total"] > 0
    assert report["endings_never"] == [] and len(report["endings"]) >= 3


def test_the_starter_is_the_named_scenario_and_teaches_in_comments() -> None:
    text = starter_text("school-board")
    checked = check_text(text, "school-board.yaml")
    assert checked.problems == [] and checked.scenario is not None
    assert checked.scenario.id == "school-board" and checked.scenario.title == "School Board"
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#") or " # " in line]
    assert len(comments) > 40
    for topic in ("newsroom validate", "newsroom lint", "newsroom playtest", "newsroom graph",
                  "docs/authoring.md", "once", "fallback", "when", "outcomes",
                  "second_hand", "real: true"):
        assert topic in text, topic
    # the scenario uses the parts of the format it teaches
    scenario = checked.scenario
    assert scenario.filing and scenario.filing.outcomes and scenario.debrief and scenario.flags
    assert any(scene.questions for scene in scenario.scenes)
    assert any(scene.extra for scene in scenario.scenes)


def test_it_never_overwrites(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = in_tmp / "story.yaml"
    existing.write_text("mine\n", encoding="utf-8")
    assert main(["new", "story"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("name", ["", "has space", "-dash-first", "../escape", "a/b", "x" * 81, "é-accent"])
def test_bad_names_are_refused_with_a_reason(in_tmp: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--", name]) == 1
    assert capsys.readouterr().err.startswith("newsroom new: ")
    assert list(in_tmp.iterdir()) == []


def test_names_and_titles() -> None:
    assert check_name("mill-fire.yaml") == "mill-fire"
    assert check_name("Storm_2024") == "Storm_2024"
    with pytest.raises(ScaffoldError, match="path"):
        check_name("dir/name")
    assert title_of("mill-fire") == "Mill Fire"
    assert title_of("storm_over__town") == "Storm Over Town"


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_starter("story", tmp_path / "missing-folder")


def test_a_name_with_yaml_suffix_writes_one_suffix(in_tmp: Path) -> None:
    assert main(["new", "flood.yaml"]) == 0
    assert (in_tmp / "flood.yaml").exists() and not (in_tmp / "flood.yaml.yaml").exists()
