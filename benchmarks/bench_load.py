"""Benchmark: loading and validating a scenario against the floor of parsing its YAML.

For synthetic scenarios of 100, 1,000 and 10,000 scenes (benchmarks/generate.py), measures the full
check a scenario gets (`game.loader.check_text`: strict YAML with locations kept, the pydantic models,
then every cross-reference and reachability) against `yaml.load(text, Loader=yaml.CSafeLoader)` of the
same text, with the garbage collector paused during each, as the loader pauses it. Target: within 1.5x
of the floor, and growing linearly (the time per scene stays flat). Run:

    python benchmarks/bench_load.py [--repeat R] [--sizes 100,1000,10000]
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

from game.loader import check_text  # noqa: E402

TARGET = 1.5


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds, with the collector paused for each."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--sizes", default="100,1000,10000", help="scene counts, comma separated")
    options = parser.parse_args()
    print(f"{'scenes':>7} {'KB':>7} {'yaml (floor)':>13} {'load+validate':>14} {'ratio':>6} "
          f"{'µs/scene':>9}  target ≤ {TARGET}x")
    per_scene: list[float] = []
    floor_per_scene: list[float] = []
    for size in (int(part) for part in options.sizes.split(",")):
        text = synthetic_scenario(size)
        checked = check_text(text, "synthetic.yaml")
        assert checked.scenario is not None and not checked.problems, checked.problems[:3]
        repeat = max(1, options.repeat if size <= 1000 else options.repeat // 2)
        floor = best_of(repeat, lambda text=text: yaml.load(text, Loader=yaml.CSafeLoader))
        full = best_of(repeat, lambda text=text: check_text(text, "synthetic.yaml"))
        scenes = len(checked.scenario.scenes)
        per_scene.append(full / scenes * 1e6)
        floor_per_scene.append(floor / scenes * 1e6)
        verdict = "met" if full / floor <= TARGET else "MISSED"
        print(f"{scenes:>7,} {len(text) / 1024:>7,.0f} {floor * 1000:>10.1f} ms {full * 1000:>11.1f} ms "
              f"{full / floor:>5.2f}x {per_scene[-1]:>9.1f}  {verdict}")
    if len(per_scene) > 1:
        growth = per_scene[-1] / per_scene[0]
        floor_growth = floor_per_scene[-1] / floor_per_scene[0]
        print(f"time per scene, largest vs smallest: {growth:.2f}x (the YAML floor's own: {floor_growth:.2f}x; "
              f"1.00x is perfectly linear) - {'linear' if growth <= floor_growth * 1.25 else 'NOT linear'}")


if __name__ == "__main__":
    main()
