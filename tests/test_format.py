"""The format's published faces stay in step with the models: JSON Schema, docs, shipped scenarios."""

from __future__ import annotations

import json
import re

import pytest

from game.bundled import bundled
from game.commands.schema import schema_text
from game.model import BaseModel, Scenario
from game.schema_errors import field_names
from tests.conftest import ROOT

SCHEMA = ROOT / "scenarios" / "scenario.schema.json"
AUTHORING = ROOT / "docs" / "authoring.md"


def test_committed_schema_matches_the_models() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "scenarios/scenario.schema.json is stale: run `newsroom schema > scenarios/scenario.schema.json`")


def test_schema_describes_fields_from_their_docstrings() -> None:
    schema = json.loads(schema_text())
    choice = schema["$defs"]["Choice"]["properties"]
    assert "sticky" in choice["once"]["description"]
    assert schema["additionalProperties"] is False


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    from game.schema_errors import _model_classes

    if model in seen:
        return seen
    seen.add(model)
    for info in model.model_fields.values():
        for inner in _model_classes(info.annotation):
            _models(inner, seen)
    return seen


@pytest.mark.parametrize("model", sorted(_models(Scenario, set()), key=lambda m: m.__name__),
                         ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    reference = AUTHORING.read_text(encoding="utf-8").split("## Part 2")[1]
    for name in field_names(model):
        assert f"`{name}`" in reference, f"{model.__name__}.{name} is missing from docs/authoring.md's reference"


def test_shipped_scenarios_start_with_the_schema_line() -> None:
    shipped = bundled()
    assert "example-bridge" in shipped
    for path in shipped.values():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.fullmatch(r"# yaml-language-server: \$schema=scenario\.schema\.json", first), path


def test_every_validator_code_is_documented() -> None:
    codes = set(re.findall(r'"([FYSR]\d{3})"', "".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "game").glob("*.py"))))
    documented = set(re.findall(r"\| ([FYSR]\d{3}) \|", AUTHORING.read_text(encoding="utf-8")))
    assert codes and codes <= documented, f"undocumented codes: {sorted(codes - documented)}"
