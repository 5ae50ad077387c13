"""A quick look at a scenario file for the title screen, before the full check has run.

The full load (pydantic models, cross-references) takes a noticeable fraction of a second. The title
screen only needs the id, title, summary and objectives, so the app reads those with libyaml's plain
safe loader, draws its first frame, and runs the full check in a worker. Whatever this quick read gets
wrong, the checked scenario corrects a moment later (or the problems screen replaces the title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_PREVIEW_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Preview:
    """What the title screen shows about a scenario."""

    id: str
    title: str
    summary: str
    objectives: tuple[str, ...] = ()

    @classmethod
    def of(cls, scenario: Any) -> Preview:
        """The preview of a checked `Scenario`."""
        return cls(scenario.id, scenario.title, scenario.summary, tuple(scenario.objectives))


TITLE_KEYS = ("format", "id", "version", "title", "summary", "authors", "language", "objectives")
"""The top-level keys a scenario usually opens with; the quick read parses only as far as these go."""
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:", re.MULTILINE)


def head(text: str) -> str:
    """The text up to the first top-level key the title screen does not need (all of it if none)."""
    for match in _TOP_LEVEL_KEY.finditer(text):
        if match.group(1) not in TITLE_KEYS:
            return text[: match.start()]
    return text


def read_preview(path: Path) -> Preview | None:
    """The scenario's id, title, summary and objectives, or None if the file cannot be read that far."""
    try:
        if path.stat().st_size > MAX_PREVIEW_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return preview_of(head(text)) or preview_of(text)


def preview_of(text: str) -> Preview | None:
    import yaml

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    scenario_id, title = data.get("id"), data.get("title")
    if not isinstance(scenario_id, str) or not isinstance(title, str):
        return None
    summary = data.get("summary")
    objectives = data.get("objectives")
    return Preview(
        scenario_id, title, summary if isinstance(summary, str) else "",
        tuple(item for item in objectives if isinstance(item, str)) if isinstance(objectives, list) else (),
    )
