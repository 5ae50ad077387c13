"""The score: each dimension's points, and the overall verdict with its caps (see game.grading.rubric)."""

from __future__ import annotations

from collections.abc import Sequence

from game.grading.reading import Noted
from game.grading.report import SEVERITIES, Finding
from game.grading.rubric import CAP_STEP, ERROR_CAP, INVENTED_CAP, NO_BODY_CAP, WARNING_STEP, WEIGHTS
from game.model import DIMENSIONS


def finding_order(finding: Finding) -> tuple[int, int, int]:
    return (DIMENSIONS.index(finding.dimension), SEVERITIES.index(finding.severity),
            finding.span[0] if finding.span else -1)


PASSAGE_DIMENSIONS = frozenset(("accuracy", "quotes", "attribution", "verification"))
"""The dimensions whose errors are about what a passage says: such an error voids praise of that passage. (A
missed or buried lede points at a whole paragraph, and says nothing against what the paragraph carries.)"""


DOUBTS = frozenset(("verification.could-not-tell", "attribution.claim-unread"))
"""Findings that say the editor could not tell whether the story makes a mistake: no praise in their
dimension beside one."""


def without_doubtful_praise(items: Sequence[Noted]) -> list[Finding]:
    """Praise only what is certain. The one place praise is dropped: praise in a dimension the story has an
    error or a doubt (DOUBTS) in, praise of a passage an error points at (a misquoted passage is not
    "rightly attributed"), and praise about a fact or quote an error or a warning is about (no "kept the
    rumour out" beside it)."""
    errors = [item for item in items if item.finding.severity == "error"]
    in_error = {item.finding.dimension for item in errors} | {
        item.finding.dimension for item in items if item.finding.code in DOUBTS}
    spans = [item.finding.span for item in errors if item.finding.span is not None
             and item.finding.dimension in PASSAGE_DIMENSIONS]
    about = frozenset().union(*(item.about for item in items if item.finding.severity in ("error", "warning")))

    def doubtful(item: Noted) -> bool:
        span = item.finding.span
        return (item.finding.dimension in in_error or bool(item.about & about)
                or (span is not None and any(_overlap(span, other) for other in spans)))

    return [item.finding for item in items if not (item.finding.severity == "praise" and doubtful(item))]


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def overall(scores: dict[str, int], findings: tuple[Finding, ...], invented: bool, thin: bool) -> int:
    """The weighted mean of the scores, less a point a warning, capped when there are errors (see ERROR_CAP),
    an invention, or no story to speak of."""
    mean = sum(WEIGHTS[d] * scores[d] for d in DIMENSIONS) / sum(WEIGHTS.values())
    warnings = sum(1 for finding in findings if finding.severity == "warning")
    result = round(mean) - WARNING_STEP * min(warnings, 10)
    errors = [finding.dimension for finding in findings if finding.severity == "error"]
    if errors:
        weight = sum(WEIGHTS[dimension] for dimension in set(errors))
        shortfall = sum(100 - scores[dimension] for dimension in set(errors)) / 20
        result = min(result, round(ERROR_CAP - CAP_STEP * (weight + len(errors) - 1) - shortfall))
    if invented:
        result = min(result, INVENTED_CAP)
    if thin:
        result = min(result, NO_BODY_CAP)
    return int(max(0, min(100, result)))
