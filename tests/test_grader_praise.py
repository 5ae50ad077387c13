"""Praise only what is certain (issue 10, outcome 5): the editor never praises a dimension the same story
has an error in, a passage an error points at, or a fact or quote an error or warning is about.

One function drops doubtful praise (game.grading.score.without_doubtful_praise); these tests pin it on made-up
findings, on any mix of findings (hypothesis), and over every story of the blind corpus we may read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.grading.reading import Noted
from game.grading.report import Finding, Report
from game.grading.score import PASSAGE_DIMENSIONS, without_doubtful_praise
from game.model import DIMENSIONS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_grader_accuracy import grade_part  # noqa: E402


def noted(dimension: str, severity: str, span: tuple[int, int] | None = None, about: tuple[str, ...] = ()) -> Noted:
    return Noted(Finding(dimension, severity, f"{severity} in {dimension}", span), 0, frozenset(about))


def test_praise_in_a_dimension_with_an_error_is_dropped() -> None:
    kept = without_doubtful_praise([noted("quotes", "error", (0, 5)), noted("quotes", "praise", (50, 60))])
    assert [f.severity for f in kept] == ["error"]


def test_praise_of_a_passage_marked_wrong_in_another_dimension_is_dropped() -> None:
    # A misquoted passage is not "rightly attributed".
    kept = without_doubtful_praise([noted("quotes", "error", (10, 40)), noted("attribution", "praise", (12, 30)),
                                    noted("attribution", "praise", (40, 60))])
    assert [(f.severity, f.span) for f in kept] == [("error", (10, 40)), ("praise", (40, 60))]


def test_a_lede_error_over_a_paragraph_leaves_praise_of_what_it_carries() -> None:
    kept = without_doubtful_praise([noted("news_judgement", "error", (0, 200)), noted("quotes", "praise", (40, 60))])
    assert [f.severity for f in kept] == ["error", "praise"]


def test_praise_about_what_a_warning_is_about_is_dropped_and_other_praise_kept() -> None:
    # "You kept the rumour out" beside a warning that the story repeats that rumour.
    items = [noted("verification", "warning", (5, 9), about=("rumour",)),
             noted("verification", "praise", None, about=("rumour",)),
             noted("verification", "praise", None, about=("other-rumour",)),
             noted("completeness", "warning", None, about=("missing-fact",)),
             noted("completeness", "praise", (20, 30), about=("carried-fact",))]
    kept = without_doubtful_praise(items)
    assert [f.severity for f in kept].count("praise") == 2
    assert all(item.finding in kept for item in items if item.about & {"other-rumour", "carried-fact"})


spans = st.none() | st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda p: (p[0], p[0] + p[1]))
items = st.lists(st.builds(noted, st.sampled_from(DIMENSIONS), st.sampled_from(("error", "warning", "info", "praise")),
                           spans, st.lists(st.sampled_from(("a", "b", "c")), max_size=2).map(tuple)), max_size=12)


@given(items)
def test_no_kept_praise_is_doubtful_and_nothing_else_is_dropped(given_items: list[Noted]) -> None:
    kept_list = without_doubtful_praise(given_items)
    kept = [id(finding) for finding in kept_list]
    assert [item.finding for item in given_items if item.finding.severity != "praise"] == [
        f for f in kept_list if f.severity != "praise"]
    errors = [item for item in given_items if item.finding.severity == "error"]
    passage_errors = [item for item in errors if item.finding.dimension in PASSAGE_DIMENSIONS]
    doubts = [item for item in given_items if item.finding.severity in ("error", "warning")]
    for item in given_items:
        if item.finding.severity != "praise" or id(item.finding) not in kept:
            continue
        span = item.finding.span
        assert all(error.finding.dimension != item.finding.dimension for error in errors)
        assert all(not (item.about & doubt.about) for doubt in doubts)
        assert span is None or all(e.finding.span is None or not (span[0] < e.finding.span[1] and e.finding.span[0]
                                                                  < span[1]) for e in passage_errors)


def doubtful_praise(report: Report) -> list[str]:
    errors = [f for f in report.findings if f.severity == "error"]
    found = []
    for praise in (f for f in report.findings if f.severity == "praise"):
        for error in errors:
            overlap = (praise.span is not None and error.span is not None and praise.span[0] < error.span[1]
                       and error.span[0] < praise.span[1])
            if error.dimension == praise.dimension or (overlap and error.dimension in PASSAGE_DIMENSIONS):
                found.append(f"{praise.code} beside {error.code}")
    return found


def test_no_story_in_the_corpus_gets_praise_beside_an_error_of_it() -> None:
    graded = [*(grade_part("tune") or ()), *(grade_part("incoming") or ())]
    assert len(graded) > 100
    wrong = {item.name: found for item in graded if (found := doubtful_praise(item.report))}
    assert not wrong, wrong
    # The rule bites: some flawed stories have errors and, elsewhere, praise still given.
    assert any(item.report.error_dimensions and any(f.severity == "praise" for f in item.report.findings)
               for item in graded)
