"""What a player can see of a scenario, for a blind writer (WRITER-BRIEF.md): the YAML without the grader's wording
lists. Usage: python tests/stories/blind/digest.py scenarios/hanoi-summit.yaml > digest.yaml"""

import sys
from pathlib import Path

import yaml

DROP = {"wording", "asserts", "opposes", "contradictions", "names", "senses", "core", "record_fixes",
        "claims", "propositions", "balance", "key_facts", "outcomes", "debrief", "match", "accept"}


def strip(x: object) -> object:
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in DROP}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


if __name__ == "__main__":
    d = yaml.safe_load(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(yaml.safe_dump(strip(d), sort_keys=False, allow_unicode=True, width=110))
