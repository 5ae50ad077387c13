"""Synthetic scenarios of any size, in the real format, for the benchmarks.

A scenario is a chain of blocks of five scenes, like a reporter's day cut into episodes: a hub where
the player chooses between an interview and a tip, the interview (questions, a limit, quotes), the
tip (a fact, a flag), a scene that tests what the player picked up there, and a corridor on to the
next block. Every block has its own people, quotes and facts, with prose of realistic length, so the
file's size per scene is like a hand-written scenario's. The story desk is open from each hub and the
corridors, and the last block leads to the endings. The result validates, lints clean and playtests
clean. Run:

    python benchmarks/generate.py SCENES [--seed S] > synthetic.yaml
"""

from __future__ import annotations

import argparse
import random
import sys

PROSE = (
    "the council chamber was full long before the vote and reporters crowded the back rows while the "
    "mayor read from her notes and the opposition whispered over their papers as rain hit the windows "
    "of the old hall outside the traffic stopped at the bridge and a crowd gathered by the river"
)
WORDS = PROSE.split(" ")
BLOCK = 5


def _prose(chance: random.Random, words: int) -> str:
    start = chance.randrange(len(WORDS))
    picked = [WORDS[(start + index) % len(WORDS)] for index in range(words)]
    return " ".join(picked).capitalize() + "."


def _spoken(chance: random.Random, words: int) -> str:
    """A quote's words: the word list read backwards, so no run of them is ever written into the prose too
    (lint's L172 warns of a quote repeated in the text that shows it)."""
    start = chance.randrange(len(WORDS))
    picked = [WORDS[(start - index) % len(WORDS)] for index in range(words)]
    return " ".join(picked).capitalize() + "."


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic_scenario(scenes: int, seed: int = 0) -> str:
    """YAML text of a valid scenario with about `scenes` scenes (a multiple of five, plus four endings)."""
    chance = random.Random(seed)
    blocks = max(1, (scenes - 4) // BLOCK)
    # Every route through a block takes four minutes; the deadline falls in the last tenth of the day's
    # blocks, so the routes through those file late.
    deadline = min(23 * 60 + 59, 30 + max(2, blocks * 4 * 9 // 10))
    lines = [
        "# A synthetic scenario made by benchmarks/generate.py",
        "format: 1",
        f"id: synthetic-{scenes}",
        'version: "1.0"',
        f"title: Synthetic scenario, {blocks * BLOCK + 4} scenes",
        "summary: >-",
        f"  {_prose(chance, 40)}",
        "authors: [benchmarks/generate.py]",
        "objectives:",
        "  - Quote people word for word and say who said what.",
        "sources:",
        "  - id: notes",
        "    title: Synthetic notes",
        "    outlet: Newsroom benchmarks",
        '    date: "2024-01-01"',
        "    where: benchmarks/generate.py",
        "clock:",
        '  start: "00:00"',
        f'  deadline: "{deadline // 60:02d}:{deadline % 60:02d}"',
        "  minutes_per_action: 1",
        "people:",
        "  - id: editor",
        "    name: Jo Mills",
        "    role: Your editor",
        "    real: false",
    ]
    for block in range(blocks):
        lines += [f"  - id: p{block}", f"    name: Person {block}", f"    role: {_prose(chance, 4)}",
                  "    real: false", f"    names: [P{block}]"]
    lines += ["quotes:", "  - id: brief", "    speaker: editor",
              '    text: "Get me the story, both sides, and nothing you cannot stand behind."',
              "    context: The morning call", "    kind: on_record"]
    for block in range(blocks):
        for part in ("a", "b"):
            lines += [f"  - id: q{block}{part}", f"    speaker: p{block}",
                      f"    text: {_quoted(_spoken(chance, 14))}", f"    context: {_prose(chance, 8)}",
                      "    kind: on_record", f'    time: "{(block * 4) // 60 % 24:02d}:{(block * 4) % 60:02d}"']
    lines += ["facts:"]
    for block in range(blocks):
        lines += [f"  - id: f{block}", f"    statement: {_prose(chance, 16)}", "    status: rumour",
                  f"    claimed_by: p{block}", f"    accurate: {'true' if block % 2 else 'false'}",
                  f"    wording: [{_quoted(WORDS[block % len(WORDS)] + ' ' + WORDS[(block + 1) % len(WORDS)])}]",
                  f"    check: {_prose(chance, 12)}"]
    lines += ["flags:"] + [f"  - tip{block}" for block in range(blocks)]
    lines += ["counters:", "  goodwill: 0", "scenes:"]
    for block in range(blocks):
        after = f"hub{block + 1}" if block + 1 < blocks else "last"
        lines += [
            f"  - id: hub{block}", f"    title: Hub {block}", "    place: Town hall", "    text: >-",
            f"      {_prose(chance, 35)}",
            *(["    gather: [brief]"] if block == 0 else []),
            "    choices:",
            f"      - label: Catch Person {block} for an interview", f"        goto: talk{block}",
            "      - label: Follow the tip from the gallery", f"        goto: tip{block}",
            "      - label: Head back and write", "        file: true", "        minutes: 0",
            f"  - id: talk{block}", f"    title: Interview {block}", "    place: Corridor", "    text: >-",
            f"      {_prose(chance, 30)}",
            "    questions:", "      limit: 2", "      minutes: 0",
            "      prompt: You have time for two questions.", "      items:",
            f"        - id: ask{block}a", f"          ask: {_prose(chance, 8)}", f"          to: p{block}",
            f"          answer: {_prose(chance, 10)}", f"          gather: [q{block}a]",
            f"        - id: ask{block}b", f"          ask: {_prose(chance, 8)}", f"          to: p{block}",
            f"          answer: {_prose(chance, 10)}", f"          gather: [q{block}b]",
            "          change: {goodwill: 1}",
            f"        - id: ask{block}c", f"          ask: {_prose(chance, 8)}", f"          to: p{block}",
            f"          when: {{knows: f{block}}}", f"          answer: {_prose(chance, 10)}",
            f"          verify: [f{block}]",
            "    choices:", "      - label: Thank them and move on", f"        goto: check{block}",
            f"  - id: tip{block}", f"    title: The tip {block}", "    place: Public gallery", "    text: >-",
            f"      {_prose(chance, 30)}", f"    learn: [f{block}]", f"    set: [tip{block}]",
            "    choices:",
            f"      - label: Put it to Person {block}", f"        goto: talk{block}", "        minutes: 0",
            f"        when: {{not: {{visited: talk{block}}}}}",
            "      - label: Keep it in your notebook", f"        goto: check{block}",
            f"  - id: check{block}", f"    title: Taking stock {block}", "    place: Steps", "    text: >-",
            f"      {_prose(chance, 40)}",
            "    extra:", "      - when: {counter: goodwill, at_least: 1}", f"        text: {_prose(chance, 12)}",
            "    choices:",
            "      - label: Check the tip once more", f"        goto: corridor{block}",
            f"        when: {{all: [{{flag: tip{block}}}, {{not: {{verified: f{block}}}}}]}}",
            f"        verify: [f{block}]",
            "      - label: Walk on", f"        goto: corridor{block}",
            f"  - id: corridor{block}", f"    title: Corridor {block}", "    place: Corridor", "    text: >-",
            f"      {_prose(chance, 30)}",
            "    choices:",
            "      - label: On to the next room", f"        goto: {after}",
            "      - label: Head back and write", "        file: true", "        minutes: 0",
        ]
    lines += [
        "  - id: last", "    title: The last room", "    text: >-", f"      {_prose(chance, 40)}",
        "    choices:", "      - label: Head back and write", "        file: true", "        minutes: 0",
    ]
    for ending, tone in (("front-page", "great"), ("inside", "mixed"), ("correction", "bad"), ("missed", "poor")):
        lines += [f"  - id: {ending}", f"    title: {ending.replace('-', ' ').title()}", "    text: >-",
                  f"      {_prose(chance, 30)}", f"    ending: {{title: {ending.title()}, tone: {tone}}}"]
    lines += [
        "filing:",
        "  brief: 300 words, both sides, nothing you cannot stand behind.",
        "  writing_minutes: 30",
        "  key_facts:",
        "    - fact: f0",
        "      weight: 3",
        "  balance:",
        "    - label: The first side",
        "      people: [p0]",
        "  outcomes:",
        "    - ending: missed",
        "      late: true",
        "    - ending: correction",
        "      errors_in: [accuracy, verification]",
        "    - ending: front-page",
        "      min_score: 80",
        "      when: {counter: goodwill, at_least: 2}",
        "    - ending: inside",
        "debrief:",
        "  - when: {verified: f0}",
        "    principle: Verify before you publish",
        f"    text: {_prose(chance, 20)}",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Print a synthetic scenario of about SCENES scenes.")
    parser.add_argument("scenes", type=int)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    sys.stdout.write(synthetic_scenario(options.scenes, options.seed))


if __name__ == "__main__":
    main()
