"""Saving and loading games: atomic writes, and a clear explanation when a save is unusable."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from game.engine import GameState, index
from game.model import Scenario

SAVE_FORMAT = "newsroom-save"
SAVE_VERSION = 1


class SaveError(Exception):
    """A save file could not be used. The message says why and what the player can do."""


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old file or the new one, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_data(scenario: Scenario, state: GameState, history: list[GameState] | None = None) -> dict[str, Any]:
    return {
        "format": SAVE_FORMAT,
        "save_version": SAVE_VERSION,
        "scenario": {"id": scenario.id, "version": scenario.version},
        "state": state.to_json(),
        "undo": [old.to_json() for old in history or []],
    }


def save_game(path: Path, scenario: Scenario, state: GameState,
              history: list[GameState] | None = None) -> None:
    """Save a game (and optionally its undo history) atomically as JSON."""
    write_atomically(path, json.dumps(save_data(scenario, state, history), indent=1) + "\n")


def load_game(path: Path, scenario: Scenario) -> tuple[GameState, list[GameState]]:
    """The saved state and undo history, checked against the scenario. Raises SaveError when unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"there is no saved game at {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SaveError(f"the save at {path} cannot be read ({error}); start a new game") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SaveError(f"the save at {path} is damaged (not JSON: {error.msg} at line {error.lineno}); "
                        "start a new game") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{path} is not a Newsroom save; start a new game")
    if data.get("save_version") != SAVE_VERSION:
        raise SaveError(f"the save at {path} comes from another version of Newsroom; start a new game")
    saved = data.get("scenario") or {}
    if saved.get("id") != scenario.id:
        raise SaveError(f"the save at {path} is for scenario '{saved.get('id')}', not '{scenario.id}'")
    if saved.get("version") != scenario.version:
        raise SaveError(f"the save is for version {saved.get('version')} of '{scenario.id}', "
                        f"and this is version {scenario.version}; start a new game")
    try:
        state = GameState.from_json(data["state"])
        history = [GameState.from_json(old) for old in data.get("undo", [])]
    except (KeyError, TypeError, ValueError) as error:
        raise SaveError(f"the save at {path} is damaged ({error}); start a new game") from None
    for candidate in (state, *history):
        _check_fits(scenario, candidate, path)
    return state, history


def _check_fits(scenario: Scenario, state: GameState, path: Path) -> None:
    lookup = index(scenario)
    if state.scenario != scenario.id or state.scene not in lookup.scenes:
        raise SaveError(f"the save at {path} names a scene this scenario does not have; start a new game")
    if not set(state.quotes) <= lookup.quotes.keys() or not set(state.facts) <= lookup.facts.keys():
        raise SaveError(f"the save at {path} holds notes this scenario does not have; start a new game")
