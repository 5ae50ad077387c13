"""Where Newsroom keeps its files on this machine: one place to change it (tests and the browser server do)."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_VARIABLE = "NEWSROOM_DATA_DIR"
"""When set (and not empty), this folder replaces the user data folder everywhere."""


def data_dir() -> Path:
    """The folder for saves and results: `$NEWSROOM_DATA_DIR`, or the platform's user data folder."""
    override = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("newsroom"))


def saves_dir() -> Path:
    """Where autosaves, story drafts and the remembered player name live."""
    return data_dir() / "saves"


def save_path(scenario_id: str) -> Path:
    """The one autosave kept per scenario (with its undo history inside)."""
    return saves_dir() / f"{scenario_id}.json"
