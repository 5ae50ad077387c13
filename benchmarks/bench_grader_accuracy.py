"""Benchmark: how well the editor's verdicts agree with a blind corpus's expected ones.

The corpus (tests/stories/blind/) was written by people who never saw the grader's code or the scenarios'
wording lists, each story with its expected verdict written first (their brief and format:
tests/stories/blind/WRITER-BRIEF.md):

    tests/stories/blind/tune/<scenario>/NNN-slug.md + expected.yaml     tuned on
    tests/stories/blind/incoming/<scenario>/...                         new tune material, not yet tuned on
    tests/stories/blind/heldout/<scenario>/...                          never tuned on (the lead's measure)

A new blind batch is split as it arrives: a third (stratified by fault class) to heldout/, the rest to
incoming/, whose figures are the honest measure of generality before anyone fits the grader to it; once the
grader is fitted to it, it moves to tune/ (which tests/test_grader_blind.py pins).

For each part it prints, per fault class, the recall (flawed stories of that class whose dimension got an
error; for too-long, the warning) and the false-positive rate (good stories where that detection fired),
then the share of (good, flawed) pairs the good story outranks, the good stories under 90, whether every
flawed story is below every good one, and any praise of a fault present. Run:

    python benchmarks/bench_grader_accuracy.py [--part tune|incoming|heldout|all] [--verbose]

`--part tune` grades the tuning part only (what a developer runs while tuning), `--part incoming` the batch not yet
fitted to (record it before changing anything); the default, `all`, grades every part (the lead's measure).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.grader import Report, Story, grade  # noqa: E402
from game.loader import load_scenario  # noqa: E402
from game.model import Scenario, minutes_of  # noqa: E402

BLIND = ROOT / "tests" / "stories" / "blind"
SCENARIOS = {"hanoi": "hanoi-summit.yaml", "count-night": "count-night.yaml"}
FAULTS: dict[str, str] = {
    "rumour-as-fact": "verification", "ellipsis-reversal": "quotes", "bracket-change": "quotes",
    "altered-word": "quotes", "invented-quote": "quotes", "misattribution": "attribution",
    "claim-as-fact": "attribution", "false-own-voice": "accuracy", "buried-lede": "news_judgement",
    "single-voice": "balance", "missing-key-facts": "completeness", "too-short": "completeness",
    "too-long": "completeness", "copied-record": "accuracy", "late": "deadline",
}
"""Each fault class and the dimension it must cost (WRITER-BRIEF.md)."""
GOOD_FLOOR = 90


@dataclass(frozen=True)
class Graded:
    name: str
    expected: dict[str, Any]
    report: Report

    @property
    def good(self) -> bool:
        return bool(self.expected.get("good"))

    @property
    def faults(self) -> list[str]:
        return list(self.expected.get("faults") or [])


def detected(report: Report, fault: str) -> bool:
    """Whether the report shows a fault class: an error in its dimension (too-long: its warning)."""
    if fault == "too-long":
        return bool(report.by_code("completeness.too-long"))
    return FAULTS[fault] in report.error_dimensions


def grade_folder(folder: Path, scenario: Scenario) -> list[Graded]:
    expected_path = folder / "expected.yaml"
    if not expected_path.is_file():
        return []
    expected: dict[str, dict[str, Any]] = yaml.safe_load(expected_path.read_text(encoding="utf-8")) or {}
    graded = []
    known = [fact.id for fact in scenario.facts]
    for name, wanted in sorted(expected.items()):
        path = folder / name
        if not path.is_file():
            continue
        gathered = wanted.get("gathered", "all")
        verified = wanted.get("verified") or []
        report = grade(scenario, Story.parse(path.read_text(encoding="utf-8")),
                       gathered=None if gathered == "all" else list(gathered), known=known,
                       verified=known if verified == "all" else list(verified),
                       filed_at=minutes_of(str(wanted.get("filed_at", "15:30"))))
        graded.append(Graded(f"{folder.name}/{name}", wanted, report))
    return graded


def grade_part(part: str) -> list[Graded] | None:
    base = BLIND / part
    if not base.is_dir():
        return None
    graded: list[Graded] = []
    for folder in sorted(path for path in base.iterdir() if path.is_dir()):
        scenario_file = SCENARIOS.get(folder.name)
        if scenario_file is None:
            continue
        graded += grade_folder(folder, load_scenario(ROOT / "scenarios" / scenario_file))
    return graded


def praised_faults(item: Graded) -> list[str]:
    """Praise of the very mistake: a fault the editor missed, with praise in its dimension (a key fact
    carried is praise of that fact, not of the story's length or completeness)."""
    return [f"{fault}: {finding.message}" for fault in item.faults if not detected(item.report, fault)
            for finding in item.report.findings
            if finding.severity == "praise" and finding.dimension == FAULTS.get(fault)
            and finding.code != "completeness.key-fact"]


def report_part(part: str, graded: list[Graded], verbose: bool) -> None:
    good = [item for item in graded if item.good]
    flawed = [item for item in graded if not item.good]
    print(f"\n== {part}: {len(graded)} stories ({len(good)} good, {len(flawed)} flawed)")
    print(f"{'fault class':20} {'recall':>12} {'false pos.':>12}")
    for fault in FAULTS:
        having = [item for item in flawed if fault in item.faults]
        caught = [item for item in having if detected(item.report, fault)]
        fired = [item for item in good if detected(item.report, fault)]
        recall = f"{len(caught)}/{len(having)} {100 * len(caught) / len(having):3.0f}%" if having else "-"
        false = f"{len(fired)}/{len(good)} {100 * len(fired) / len(good):3.0f}%" if good else "-"
        print(f"{fault:20} {recall:>12} {false:>12}")
        if verbose:
            for item in having:
                if item not in caught:
                    print(f"    missed: {item.name} ({item.report.overall}) {item.expected.get('note', '')}")
            for item in fired:
                print(f"    false:  {item.name} ({item.report.overall})")
    with_errors = [item for item in good if item.report.error_dimensions]
    if good:
        print(f"good stories with any error: {len(with_errors)}/{len(good)} "
              f"({100 * len(with_errors) / len(good):.0f}%)")
    pairs = [(g, f) for g in good for f in flawed]
    if pairs:
        wins = sum(1 for g, f in pairs if g.report.overall > f.report.overall)
        print(f"good outranks flawed: {wins}/{len(pairs)} pairs ({100 * wins / len(pairs):.1f}%)")
    low = [item for item in good if item.report.overall < GOOD_FLOOR]
    print(f"good stories under {GOOD_FLOOR}: {len(low)}" + ("" if not low else ": " + ", ".join(
        f"{item.name} ({item.report.overall})" for item in low)))
    if good and flawed:
        weakest = min(good, key=lambda item: item.report.overall)
        strongest = max(flawed, key=lambda item: item.report.overall)
        print(f"every flawed story below every good one: {weakest.report.overall > strongest.report.overall} "
              f"(weakest good {weakest.name} {weakest.report.overall}, strongest flawed {strongest.name} "
              f"{strongest.report.overall})")
    praised = [(item.name, text) for item in flawed for text in praised_faults(item)]
    print(f"praise of a fault present: {len(praised)}")
    if verbose:
        for name, text in praised:
            print(f"    {name}: {text}")
        for item in with_errors:
            print(f"    error on good {item.name}: " + "; ".join(
                f"{f.code}: {f.message[:70]}" for f in item.report.findings if f.severity == "error"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="name each miss, false alarm and praise")
    parser.add_argument("--part", choices=("tune", "incoming", "heldout", "all"), default="all",
                        help="which part to grade (default: all)")
    args = parser.parse_args()
    parts = ("tune", "incoming", "heldout")
    for part in parts if args.part == "all" else (args.part,):
        graded = grade_part(part)
        if graded is None:
            print(f"\n== {part}: no held-out set" if part == "heldout" else f"\n== {part}: no stories")
            continue
        report_part(part, graded, args.verbose)


if __name__ == "__main__":
    main()
