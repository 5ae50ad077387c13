"""The score: each dimension's points, and the overall verdict with its caps (see game.grading.rubric)."""

from __future__ import annotations

from game.grading.report import SEVERITIES, Finding
from game.grading.rubric import CAP_STEP, ERROR_CAP, INVENTED_CAP, NO_BODY_CAP, WARNING_STEP, WEIGHTS
from game.model import DIMENSIONS


def finding_order(finding: Finding) -> tuple[int, int, int]:
    return (DIMENSIONS.index(finding.dimension), SEVERITIES.index(finding.severity),
            finding.span[0] if finding.span else -1)


def without_doubtful_praise(findings: list[Finding]) -> list[Finding]:
    """Praise only what is certain: no praise in a dimension the same story has an error in."""
    in_error = {finding.dimension for finding in findings if finding.severity == "error"}
    return [finding for finding in findings if not (finding.severity == "praise" and finding.dimension in in_error)]


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
