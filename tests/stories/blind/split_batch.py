"""Split a new blind batch: stratified by class (good, or its first fault), every third story of each class goes
to heldout/, the rest to incoming/, each part's expected.yaml merged.

Usage: python tests/stories/blind/split_batch.py BATCH_DIR hanoi|count-night REPOSITORY"""

import shutil
import sys
from pathlib import Path

import yaml

src, scenario, main = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
expected = yaml.safe_load((src / "expected.yaml").read_text())
by_class: dict[str, list[str]] = {}
for name in sorted(expected):
    entry = expected[name]
    if not (src / name).is_file():
        print("missing file", name)
        continue
    key = "good" if entry.get("good") else (entry.get("faults") or ["?"])[0]
    by_class.setdefault(key, []).append(name)
counts = {"incoming": 0, "heldout": 0}
for _, names in sorted(by_class.items()):
    for i, name in enumerate(names):
        part = "heldout" if i % 3 == 2 else "incoming"
        dest = main / "tests/stories/blind" / part / scenario
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(src / name, dest / name)
        path = dest / "expected.yaml"
        have = yaml.safe_load(path.read_text()) if path.exists() else {}
        have = have or {}
        assert name not in have, name
        have[name] = expected[name]
        path.write_text(yaml.safe_dump(have, sort_keys=False, allow_unicode=True, width=110))
        counts[part] += 1
print(scenario, counts, {k: len(v) for k, v in by_class.items()})
