"""Saves round-trip exactly, are written atomically, and a bad save is explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import engine
from game.engine import Key
from game.model import Scenario
from game.saves import SaveError, load_game, save_game, write_atomically


def test_save_and_load_round_trip(tmp_path: Path, example: Scenario) -> None:
    first = engine.new_game(example)
    second = engine.choose(example, first, Key.parse("call/1"))
    third = engine.choose(example, second, Key.parse("chamber/2"))
    path = tmp_path / "saves" / "game.json"
    save_game(path, example, third, [first, second])
    state, history = load_game(path, example)
    assert state == third and history == [first, second]
    saved = json.loads(path.read_text())
    assert saved["scenario"] == {"id": "example-bridge", "version": "1.0"}


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "file.json"
    write_atomically(path, "old")

    def broken_fsync(_: int) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomically(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"], "no temporary file is left behind"


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "damaged"),
    ('{"format": "something-else"}', "not a Newsroom save"),
    ('{"format": "newsroom-save", "save_version": 99}', "another version"),
    ('{"format": "newsroom-save", "save_version": 1, "scenario": {"id": "other", "version": "1"}}', "other"),
    ('{"format": "newsroom-save", "save_version": 1, "scenario": {"id": "example-bridge", "version": "0.1"}}',
     "version 0.1"),
    ('{"format": "newsroom-save", "save_version": 1, "scenario": {"id": "example-bridge", "version": "1.0"},'
     ' "state": {"scene": 4}}', "damaged"),
])
def test_bad_saves_are_explained(tmp_path: Path, example: Scenario, content: str, reason: str) -> None:
    path = tmp_path / "save.json"
    path.write_text(content)
    with pytest.raises(SaveError, match=reason):
        load_game(path, example)


def test_a_save_naming_a_scene_that_is_gone(tmp_path: Path, example: Scenario) -> None:
    path = tmp_path / "save.json"
    save_game(path, example, engine.new_game(example))
    data = json.loads(path.read_text())
    data["state"]["scene"] = "vanished"
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="scene"):
        load_game(path, example)


def test_missing_and_binary_saves(tmp_path: Path, example: Scenario) -> None:
    with pytest.raises(SaveError, match="no saved game"):
        load_game(tmp_path / "none.json", example)
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(SaveError, match="cannot be read"):
        load_game(tmp_path / "bin.json", example)
