"""What the game keeps on disk besides the autosave: whether there is one, story drafts, the player's name.

Cheap to import (no pydantic, no engine): the title screen needs it before the scenario is checked.
"""

from __future__ import annotations

import json
from pathlib import Path

from game import paths


def has_save(scenario_id: str) -> bool:
    return paths.save_path(scenario_id).is_file()


def write(path: Path, text: str) -> None:
    from game.saves import write_atomically

    write_atomically(path, text)


def draft_path(scenario_id: str) -> Path:
    return paths.saves_dir() / f"{scenario_id}.draft.json"


def save_draft(scenario_id: str, headline: str, body: str) -> None:
    text = json.dumps({"headline": headline, "body": body}, ensure_ascii=False, indent=1)
    write(draft_path(scenario_id), text + "\n")


def load_draft(scenario_id: str) -> tuple[str, str]:
    """The saved headline and story, or two empty strings when there is no usable draft."""
    try:
        data = json.loads(draft_path(scenario_id).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    headline, body = data.get("headline", ""), data.get("body", "")
    return (headline if isinstance(headline, str) else "", body if isinstance(body, str) else "")


def forget_draft(scenario_id: str) -> None:
    draft_path(scenario_id).unlink(missing_ok=True)


def remembered_player() -> str | None:
    """The name the player gave last time, for the report card."""
    try:
        data = json.loads((paths.saves_dir() / "player.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else None


def remember_player(name: str | None) -> None:
    write(paths.saves_dir() / "player.json", json.dumps({"name": name or ""}, ensure_ascii=False) + "\n")
