"""Benchmark: lint and an exhaustive playtest of a 1,000-scene scenario, against a one-second target.

The scenario comes from benchmarks/generate.py (blocks of five scenes with interviews, tips, flags, a
counter, the clock and a story desk open along the way). Lint and the exhaustive playtest are timed
separately and together (loading excluded: bench_load.py measures that); the floor, measured in the
same run, is loading the file with raw `yaml.load(..., Loader=yaml.CSafeLoader)` (collector paused), so the
ratio says how many plain YAML loads of the same file the tools cost. ChoiceScript's quicktest needs about two seconds
on a story that size. Run:

    python benchmarks/bench_authoring.py [--scenes N] [--repeat R]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import synthetic_scenario  # noqa: E402

from game.authoring.lint import lint  # noqa: E402
from game.authoring.playtest import explore  # noqa: E402
from game.loader import check_text  # noqa: E402

TARGET_SECONDS = 1.0


def best_of(repeat: int, work: Callable[[], object], paused: bool = False) -> tuple[float, object]:
    """The fastest of `repeat` runs (with the garbage collector paused, if asked) and its result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        if paused:
            gc.disable()
        try:
            start = time.perf_counter()
            result = work()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenes", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    options = parser.parse_args()
    text = synthetic_scenario(options.scenes + 4)
    checked = check_text(text, "synthetic.yaml")
    assert checked.scenario is not None and checked.located is not None and not checked.problems
    scenario, located = checked.scenario, checked.located
    floor, _ = best_of(options.repeat, lambda: yaml.load(text, Loader=yaml.CSafeLoader), paused=True)
    lint_time, findings = best_of(options.repeat, lambda: lint(scenario, located))
    walk_time, report = best_of(options.repeat, lambda: explore(scenario))
    both = lint_time + walk_time
    assert findings == [], findings[:3]
    print(f"{len(scenario.scenes):,} scenes; exhaustive playtest: {report.states:,} states "  # type: ignore[attr-defined]
          f"({'complete' if report.complete else 'STOPPED at the limit'}), "  # type: ignore[attr-defined]
          f"{len(report.endings)} endings, {len(report.dead_ends)} dead ends")  # type: ignore[attr-defined]
    print(f"  floor: raw YAML load   {floor * 1000:8.1f} ms")
    print(f"  lint                   {lint_time * 1000:8.1f} ms  {lint_time / floor:5.2f}x the floor")
    print(f"  playtest (exhaustive)  {walk_time * 1000:8.1f} ms  {walk_time / floor:5.2f}x the floor")
    print(f"  lint + playtest        {both * 1000:8.1f} ms  {both / floor:5.2f}x the floor; "
          f"target under {TARGET_SECONDS:.0f} s: {'met' if both < TARGET_SECONDS else 'MISSED'} "
          f"({both / TARGET_SECONDS:.2f} of it)")


if __name__ == "__main__":
    main()
