"""Synthetic scenarios in the shapes that make a state space explode, for the playtest benchmark and tests.

Each shape is what authors really write, pushed to where a walk over every combination breaks:

- `hub`: a newsroom the reporter keeps coming back to, with rooms that open and close by the clock, a
  sticky "wait" that burns time, quotes to gather in every room (some unlock follow-ups), flags, and
  source-trust counters that rise and fall on repeatable choices (a charm offensive, a hard question).
  The default (19 rooms, 26 scenes, 21+ quotes, 6 flags, 2 counters) is the teacher's scenario of
  issue 11; `hub(rooms=994)` is a 1,001-scene one.
- `counters`: one scene with choices that raise and lower counters for ever, tested both ways.
- `quotes`: a press room with many questions whose answers can be gathered in any order.

Every shape validates and lints clean. Run:

    python benchmarks/shapes.py hub [--rooms N] > hub.yaml
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import yaml

HEADER: dict[str, Any] = {
    "format": 1, "version": "1.0", "authors": ["benchmarks/shapes.py"],
    "sources": [{"id": "notes", "title": "Synthetic notes", "outlet": "Newsroom benchmarks",
                 "date": "2024-01-01", "where": "benchmarks/shapes.py"}],
}


def _clock(minutes: int) -> str:
    minutes = min(minutes, 23 * 60 + 59)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _desk(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"brief": "Four hundred words, both sides.", "writing_minutes": 20, "outcomes": outcomes,
            "key_facts": [{"fact": "strike-called", "weight": 3}]}


def _endings() -> list[dict[str, Any]]:
    return [{"id": name, "text": f"The {name} ending.", "ending": {"title": name.title(), "tone": tone}}
            for name, tone in (("front-page", "great"), ("inside", "mixed"), ("correction", "bad"),
                               ("missed", "poor"))]


def hub(rooms: int = 19, flags: int = 6) -> dict[str, Any]:
    """A hub with `rooms` timed rooms (rooms + 7 scenes in all: briefing, hub, corridor, four endings)."""
    people = [{"id": "editor", "name": "Jo Mills", "role": "Your editor", "real": False}]
    quotes = [{"id": "brief", "speaker": "editor", "text": "Get me both sides.", "context": "The call",
               "kind": "on_record"}]
    facts = [{"id": "strike-called", "statement": "The strike was called at dawn.", "status": "confirmed",
              "wording": ["strike was called"]}]
    flag_names = [f"lead{n}" for n in range(flags)]
    hub_choices: list[dict[str, Any]] = []
    scenes: list[dict[str, Any]] = [
        {"id": "briefing", "text": "The editor hands you the strike.", "gather": ["brief"],
         "learn": ["strike-called"], "choices": [{"label": "Into the newsroom", "goto": "hub"}]},
        {"id": "hub", "text": "The newsroom hums.", "choices": hub_choices},
    ]
    day_start, day_end = 8 * 60, 18 * 60
    for room in range(rooms):
        person = f"p{room}"
        people.append({"id": person, "name": f"Person {room}", "role": "A source", "real": False})
        opens = day_start + (room * 37) % 300
        closes = min(opens + 120 + (room * 53) % 180, day_end)
        counter = "trust" if room % 2 else "temper"
        items = []
        for part in ("a", "b"):
            quote = f"q{room}{part}"
            quotes.append({"id": quote, "speaker": person, "text": f"Words {room}{part}.",
                           "context": f"Room {room}", "kind": "on_record"})
            items.append({"id": f"ask{room}{part}", "ask": f"Question {room}{part}?", "to": person,
                          "answer": "They answer.", "gather": [quote]})
        follow = f"q{room}c"
        quotes.append({"id": follow, "speaker": person, "text": f"Words {room}c.", "context": f"Room {room}",
                       "kind": "on_record"})
        choices: list[dict[str, Any]] = [
            {"label": "Buy them a coffee", "change": {counter: 1}, "minutes": 5},
            {"label": "Press them hard", "change": {counter: -1}, "minutes": 5},
            {"label": "Ask the follow-up", "once": True, "gather": [follow],
             "when": {"all": [{"has_quote": f"q{room}a"}, {"counter": counter, "at_least": 2}]}},
            {"label": "Back to the newsroom", "goto": "hub"},
        ]
        if room < flags:
            choices.insert(3, {"label": "Note the lead", "once": True, "set": [flag_names[room]],
                               "when": {"has_quote": f"q{room}b"}})
        if room % 3 == 2:
            choices.insert(0, {"label": "They storm out", "goto": "hub",
                               "when": {"counter": counter, "at_most": -2}})
        scenes.append({"id": f"room{room}", "title": f"Room {room}", "text": f"Room {room}, busy.",
                       "questions": {"items": items, "limit": 2, "minutes": 10}, "choices": choices})
        hub_choices.append({"label": f"Go to room {room}", "goto": f"room{room}", "minutes": 15,
                            "when": {"all": [{"after": _clock(opens)}, {"before": _clock(closes)}]}})
    hub_choices += [{"label": "Wait by the wire", "minutes": 20},
                    {"label": "Sit down and write", "file": True, "minutes": 0}]
    scenes += [{"id": "corridor", "text": "A quiet corridor.",
                "choices": [{"label": "Back to the newsroom", "goto": "hub"}]}]
    hub_choices.insert(0, {"label": "Step into the corridor", "goto": "corridor"})
    scenes += _endings()
    outcomes = [{"ending": "missed", "late": True},
                {"ending": "correction", "errors_in": ["accuracy"]},
                {"ending": "front-page", "min_score": 80,
                 "when": {"all": [{"flag": flag_names[0]}, {"counter": "trust", "at_least": 1}]}},
                {"ending": "inside"}]
    return {**HEADER, "id": f"hub-{len(scenes)}", "title": f"Hub, {len(scenes)} scenes",
            "summary": "A strike day run from the newsroom.",
            "clock": {"start": _clock(day_start), "deadline": _clock(day_end - 60), "minutes_per_action": 10},
            "people": people, "quotes": quotes, "facts": facts, "flags": flag_names,
            "counters": {"trust": 0, "temper": 0}, "scenes": scenes, "filing": _desk(outcomes)}


def counters(names: int = 3) -> dict[str, Any]:
    """One scene whose sticky choices raise and lower counters without end; each is tested both ways."""
    choices: list[dict[str, Any]] = []
    for n in range(names):
        choices += [{"label": f"Raise c{n}", "change": {f"c{n}": 1}, "minutes": 1},
                    {"label": f"Lower c{n}", "change": {f"c{n}": -1}, "minutes": 1},
                    {"label": f"High c{n}", "goto": f"high{n}", "when": {"counter": f"c{n}", "at_least": 3}},
                    {"label": f"Low c{n}", "goto": f"low{n}", "when": {"counter": f"c{n}", "at_most": -3}}]
    choices.append({"label": "Write", "file": True, "minutes": 0})
    scenes: list[dict[str, Any]] = [{"id": "start", "text": "The talks.", "gather": ["brief"],
                                     "learn": ["strike-called"], "choices": choices}]
    for n in range(names):
        for side in ("high", "low"):
            scenes.append({"id": f"{side}{n}", "text": f"{side} {n}.",
                           "choices": [{"label": "Back", "goto": "start"}]})
    scenes += _endings()
    return {**HEADER, "id": "counters", "title": "Counters", "summary": "Counters up and down.",
            "clock": {"start": "09:00", "deadline": "17:00", "minutes_per_action": 10},
            "people": [{"id": "editor", "name": "Jo Mills", "role": "Your editor", "real": False}],
            "quotes": [{"id": "brief", "speaker": "editor", "text": "Go.", "context": "c", "kind": "on_record"}],
            "facts": [{"id": "strike-called", "statement": "Called.", "status": "confirmed"}],
            "counters": {f"c{n}": 0 for n in range(names)}, "scenes": scenes,
            "filing": _desk([{"ending": "missed", "late": True}, {"ending": "correction", "errors_in": ["accuracy"]},
                             {"ending": "front-page", "min_score": 80,
                              "when": {"counter": "c0", "at_least": 3}},
                             {"ending": "inside"}])}


def quotes(count: int = 24) -> dict[str, Any]:
    """A press room with `count` questions, no limit, each answer a quote; a later scene tests some."""
    items = [{"id": f"ask{n}", "ask": f"Question {n}?", "to": "speaker", "answer": "An answer.",
              "gather": [f"q{n}"]} for n in range(count)]
    tested = [f"q{n}" for n in range(0, count, 3)]
    scenes: list[dict[str, Any]] = [
        {"id": "start", "text": "The press room.", "gather": ["brief"], "learn": ["strike-called"],
         "questions": {"items": items, "minutes": 1},
         "choices": [{"label": "Go out", "goto": "after"}, {"label": "Write", "file": True, "minutes": 0}]},
        {"id": "after", "text": "Outside.", "choices": [
            *({"label": f"Follow up {quote}", "when": {"has_quote": quote}, "goto": "start", "once": True}
              for quote in tested),
            {"label": "Write", "file": True, "minutes": 0}]},
        *_endings()]
    return {**HEADER, "id": "quotes", "title": "Quotes", "summary": "Many quotes.",
            "clock": {"start": "09:00", "deadline": "17:00", "minutes_per_action": 10},
            "people": [{"id": "editor", "name": "Jo Mills", "role": "Your editor", "real": False},
                       {"id": "speaker", "name": "Sam Speaker", "role": "Spokesperson", "real": False}],
            "quotes": [{"id": "brief", "speaker": "editor", "text": "Go.", "context": "c", "kind": "on_record"},
                       *({"id": f"q{n}", "speaker": "speaker", "text": f"Words {n}.", "context": "c",
                          "kind": "on_record"} for n in range(count))],
            "facts": [{"id": "strike-called", "statement": "Called.", "status": "confirmed"}],
            "scenes": scenes,
            "filing": _desk([{"ending": "missed", "late": True}, {"ending": "correction", "errors_in": ["accuracy"]},
                             {"ending": "front-page", "min_score": 80, "when": {"has_quote": "q0"}},
                             {"ending": "inside"}])}


SHAPES = {"hub": hub, "counters": counters, "quotes": quotes}


def text_of(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description="Print a synthetic scenario of an exploding shape.")
    parser.add_argument("shape", choices=sorted(SHAPES))
    parser.add_argument("--rooms", type=int, default=19, help="hub: how many timed rooms")
    options = parser.parse_args()
    data = hub(options.rooms) if options.shape == "hub" else SHAPES[options.shape]()
    sys.stdout.write(text_of(data))


if __name__ == "__main__":
    main()
