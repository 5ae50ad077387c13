"""`newsroom schema`: the scenario format's JSON Schema, generated from the models."""

from __future__ import annotations

import argparse
import json
from typing import Any


def scenario_schema() -> dict[str, Any]:
    from game.model import Scenario

    schema = Scenario.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsroom.invalid/scenario.schema.json",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def run(options: argparse.Namespace) -> int:
    print(schema_text(), end="")
    return 0


def register(commands: Any) -> None:
    parser = commands.add_parser("schema", help="print the scenario format's JSON Schema",
                                 description="Print the JSON Schema of the scenario format (for editors).")
    parser.set_defaults(run=run)
