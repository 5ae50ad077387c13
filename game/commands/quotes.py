"""`newsroom quotes SCENARIO`: every quote a scenario can put in someone's mouth."""

from __future__ import annotations

import argparse
import json
from typing import Any

from game.commands.common import add_scenario_argument, load_or_report


def quote_rows(scenario: Any) -> list[dict[str, Any]]:
    people = {person.id: person for person in scenario.people}
    rows = []
    for quote in scenario.quotes:
        person = people[quote.speaker]
        rows.append({
            "id": quote.id, "speaker": person.name, "speaker_id": person.id, "real": person.real,
            "text": quote.text, "kind": quote.kind, "context": quote.context, "time": quote.time,
            "source": quote.source or scenario.sources[0].id,
        })
    return rows


def run(options: argparse.Namespace) -> int:
    scenario = load_or_report(options.scenario)
    if scenario is None:
        return 1
    rows = quote_rows(scenario)
    if options.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        who = row["speaker"] + ("" if row["real"] else " (fictional)")
        print(f"{row['id']}  {who}, {row['kind'].replace('_', ' ')}")
        print(f"    \u201c{row['text']}\u201d")
        print(f"    {row['context']}")
    print(f"{len(rows)} quotes, {sum(row['real'] for row in rows)} by real people")
    return 0


def register(commands: Any) -> None:
    parser = commands.add_parser("quotes", help="list every quote in a scenario",
                                 description="List every quote in a scenario with its speaker and kind.")
    add_scenario_argument(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON array (id, speaker, real, text, kind, ...)")
    parser.set_defaults(run=run)
