"""Benchmark: grade a generated 5,000-word story against the Hanoi scenario.

Prints the grading time and its ratio to a floor measured in the same run: one plain regular-expression
pass that splits the same text into words (the least any grader must do). Run:

    python benchmarks/bench_grader.py [--words N] [--repeat R] [--scenario PATH]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.grader import Story, grade  # noqa: E402
from game.loader import load_scenario  # noqa: E402
from game.model import Scenario, minutes_of  # noqa: E402

FILLER_TEXT = (
    "reporters waited in the filing centre while officials moved between the delegations and the hotel "
    "lobby filled with cameras as the afternoon wore on and the city traffic slowed around the barriers"
)
FILLER = FILLER_TEXT.split()


def generated_story(scenario: Scenario, size: int, seed: int = 2019) -> Story:
    """A long story mixing quotes (some trimmed to partial quotes), fact phrases, rumours and filler."""
    chance = random.Random(seed)
    people = {person.id: person for person in scenario.people}
    phrases = [phrase for fact in scenario.facts for phrase in fact.wording]
    paragraphs: list[str] = []
    count = 0
    while count < size:
        roll = chance.random()
        if roll < 0.35 and scenario.quotes:
            quote = chance.choice(scenario.quotes)
            words = quote.text.split()
            if len(words) > 8 and chance.random() < 0.5:
                start = chance.randrange(0, len(words) - 5)
                words = words[start:start + 5]
            if chance.random() < 0.1:
                words[len(words) // 2] = "certainly"
            name = (people[quote.speaker].names or [people[quote.speaker].name])[0]
            paragraph = f'"{" ".join(words)}," {name} said. ' + " ".join(chance.choices(FILLER, k=25)) + "."
        elif roll < 0.7 and phrases:
            paragraph = (" ".join(chance.choices(FILLER, k=20)).capitalize() + ", and "
                         + chance.choice(phrases) + " " + " ".join(chance.choices(FILLER, k=20)) + ".")
        else:
            paragraph = " ".join(chance.choices(FILLER, k=45)).capitalize() + "."
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return Story("Trump-Kim summit ends without a deal as talks are cut short", "\n\n".join(paragraphs))


def best_of(repeat: int, action: Callable[[], object]) -> tuple[float, float]:
    """The best and the median wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "hanoi-summit.yaml"))
    options = parser.parse_args()
    scenario = load_scenario(options.scenario)
    story = generated_story(scenario, options.words)
    text = story.text
    deadline = minutes_of(scenario.clock.deadline)
    grade(scenario, story, gathered=None, filed_at=deadline)  # warm the per-scenario record cache
    word = re.compile(r"\w+")
    floor_best, floor_median = best_of(options.repeat, lambda: word.findall(text))
    grade_best, grade_median = best_of(
        options.repeat, lambda: grade(scenario, story, gathered=None, filed_at=deadline))
    report = grade(scenario, story, gathered=None, filed_at=deadline)
    print(f"story: {len(text.split())} words, {len(text)} characters, {len(report.findings)} findings")
    print(f"floor (one regex word pass): best {floor_best * 1000:.2f} ms, median {floor_median * 1000:.2f} ms")
    print(f"grade: best {grade_best * 1000:.1f} ms, median {grade_median * 1000:.1f} ms")
    print(f"ratio grade/floor (best): {grade_best / floor_best:.0f}x")
    cold_start = time.perf_counter()
    from game.grading import record
    record._RECORDS.clear()
    grade(scenario, story, gathered=None, filed_at=deadline)
    print(f"grade with a cold scenario cache: {(time.perf_counter() - cold_start) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
