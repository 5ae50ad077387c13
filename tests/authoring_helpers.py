"""Small scenarios for the authoring-tool tests, built as data and written as real YAML."""

from __future__ import annotations

import copy
from typing import Any

import yaml

BASE: dict[str, Any] = {
    "format": 1, "id": "tiny", "version": "1", "title": "Tiny", "summary": "A tiny scenario.",
    "authors": ["Tests"],
    "sources": [{"id": "notes", "title": "Notes", "outlet": "Tests", "date": "2024-01-01", "where": "here"}],
    "clock": {"start": "09:00", "deadline": "12:00", "minutes_per_action": 10},
    "people": [{"id": "ed", "name": "Ed Eddy", "role": "editor", "real": False}],
    "quotes": [{"id": "ed-go", "speaker": "ed", "text": "Go.", "context": "the call", "kind": "on_record"}],
    "scenes": [
        {"id": "start", "text": "The start.", "gather": ["ed-go"],
         "choices": [{"label": "Go on", "goto": "end"}]},
        {"id": "end", "text": "The end.", "ending": {"title": "The end", "tone": "good"}},
    ],
}


def scenario(**changes: Any) -> dict[str, Any]:
    """The base scenario with top-level keys replaced (None removes a key)."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def text_of(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def ending(scene_id: str, tone: str = "good") -> dict[str, Any]:
    return {"id": scene_id, "text": f"Ending {scene_id}.", "ending": {"title": scene_id, "tone": tone}}


def with_filing(data: dict[str, Any], outcomes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Add a desk with the endings the outcomes name (default: one ending, 'filed')."""
    outcomes = outcomes or [{"ending": "filed"}]
    data["filing"] = {"brief": "Write it.", "outcomes": outcomes}
    known = {scene["id"] for scene in data["scenes"]}
    for outcome in outcomes:
        if outcome["ending"] not in known:
            data["scenes"].append(ending(outcome["ending"]))
            known.add(outcome["ending"])
    return data
