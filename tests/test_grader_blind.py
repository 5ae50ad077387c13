"""The blind tuning corpus (tests/stories/blind/tune/): stories written without sight of the grader, each
with its verdict written first. Every good story gets no error and 90 or more; every flawed story gets an
error in each dimension its faults cost (too long: the warning); every good story outranks every flawed one.

The held-out part (tests/stories/blind/heldout/, when present) is never tested here: it is measured by
benchmarks/bench_grader_accuracy.py only, so that nothing is tuned to pass it.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_grader_accuracy import FAULTS, Graded, detected, grade_part  # noqa: E402


@cache
def tuning() -> tuple[Graded, ...]:
    return tuple(grade_part("tune") or ())


def names(good: bool) -> list[str]:
    return [item.name for item in tuning() if item.good == good]


def by_name(name: str) -> Graded:
    return next(item for item in tuning() if item.name == name)


def test_the_tuning_corpus_is_there_and_covers_every_fault_class() -> None:
    assert len(tuning()) >= 40
    assert {fault for item in tuning() for fault in item.faults} == set(FAULTS)


@pytest.mark.parametrize("name", names(good=True))
def test_a_good_story_gets_no_error_and_90(name: str) -> None:
    report = by_name(name).report
    assert not report.error_dimensions, [(f.code, f.message) for f in report.findings if f.severity == "error"]
    assert report.overall >= 90


@pytest.mark.parametrize("name", names(good=False))
def test_a_flawed_story_gets_each_fault_it_has(name: str) -> None:
    item = by_name(name)
    missed = [fault for fault in item.faults if not detected(item.report, fault)]
    assert not missed, (missed, item.expected.get("note"))


def test_every_good_story_outranks_every_flawed_one() -> None:
    good = [item.report.overall for item in tuning() if item.good]
    flawed = [item.report.overall for item in tuning() if not item.good]
    assert min(good) > max(flawed)
