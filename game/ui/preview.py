"""A quick look at a scenario file for the title screen, before the full check has run.

The full load (pydantic models, cross-references) takes a noticeable fraction of a second. The title
screen only needs the id, title, summary and objectives, so the app reads those with libyaml's plain
safe loader, draws its first frame, and runs the full check in a worker. Whatever this quick read gets
wrong, the checked scenario corrects a moment later (or the problems screen replaces the title).
"""

from __future__ import annotations

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


def read_preview(path: Path) -> Preview | None:
    """The scenario's id, title, summary and objectives, or None if the file cannot be read that far."""
    import yaml

    try:
        if path.stat().st_size > MAX_PREVIEW_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
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
