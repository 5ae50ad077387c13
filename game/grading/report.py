"""What the editor hands back: the story as filed, each finding, and the scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from game.model import DIMENSIONS, clock_text, minutes_of

SEVERITIES: tuple[str, ...] = ("error", "warning", "info", "praise")
"""How much a finding matters, worst first. Praise is a finding too: the editor says what went well."""


@dataclass(frozen=True)
class Story:
    """A filed story: a headline and a body of free text."""

    headline: str
    body: str

    @property
    def text(self) -> str:
        """Headline, a blank line, then the body: every finding's span indexes into this."""
        return self.headline + "\n\n" + self.body

    @classmethod
    def parse(cls, text: str) -> Story:
        """A story from plain text: the first non-empty line is the headline (a leading "# " dropped)."""
        lines = text.splitlines()
        for number, line in enumerate(lines):
            if line.strip():
                headline = line.strip()
                if headline.startswith("#"):
                    headline = headline.lstrip("#").strip()
                return cls(headline, "\n".join(lines[number + 1:]).strip("\n"))
        return cls("", "")


@dataclass(frozen=True)
class Filed:
    """Everything the editor grades: the story, the notebook it was written from, and when it was filed.

    A transcript keeps one (`"filed"`), so a story can be graded again after the grader changes
    (`newsroom report DIR --regrade`) exactly as it was filed."""

    story: Story
    quotes: tuple[str, ...] = ()
    """The ids of the quotes in the player's notebook."""
    facts: tuple[str, ...] = ()
    """The ids of the facts the player learned."""
    verified: tuple[str, ...] = ()
    """The ids of the facts the player checked."""
    filed_at: int = 0
    """The game clock when the story went in (minutes since the first midnight)."""

    def notebook_json(self) -> dict[str, Any]:
        return {"quotes": list(self.quotes), "facts": list(self.facts), "verified": list(self.verified),
                "filed_at": self.filed_at}


@dataclass(frozen=True)
class Finding:
    """One thing the editor noticed, good or bad, tied to a place in the story when there is one."""

    dimension: str
    """One of game.model.DIMENSIONS."""
    severity: str
    """"error", "warning", "info" or "praise"."""
    message: str
    span: tuple[int, int] | None
    """[start, end) character offsets into Story.text, or None for the story as a whole."""
    detail: str | None = None
    """More to read, e.g. a word-level difference against the record."""
    code: str | None = None
    """The finding's stable code in the rubric (game.grading.rubric.RUBRIC), e.g. "quotes.invented"."""

    def to_json(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "severity": self.severity, "message": self.message,
                "span": list(self.span) if self.span is not None else None, "detail": self.detail,
                "code": self.code}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Finding:
        if not isinstance(data, Mapping):
            raise ValueError("a finding must be a mapping")
        dimension, severity, message = data.get("dimension"), data.get("severity"), data.get("message")
        if dimension not in DIMENSIONS:
            raise ValueError(f"unknown dimension {dimension!r}")
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        if not isinstance(message, str):
            raise ValueError("a finding's message must be text")
        span = data.get("span")
        if span is not None:
            if (not isinstance(span, (list, tuple)) or len(span) != 2
                    or not all(isinstance(n, int) and not isinstance(n, bool) for n in span)
                    or not 0 <= span[0] <= span[1]):
                raise ValueError(f"a finding's span must be [start, end] offsets, not {span!r}")
            span = (span[0], span[1])
        detail = data.get("detail")
        if detail is not None and not isinstance(detail, str):
            raise ValueError("a finding's detail must be text or null")
        code = data.get("code")
        if code is not None and not isinstance(code, str):
            raise ValueError("a finding's code must be text or null")
        return cls(str(dimension), str(severity), message, span, detail, code)


@dataclass(frozen=True)
class Report:
    """The editor's verdict: an overall score, a score per dimension, and the findings behind them."""

    overall: int
    """0..100."""
    scores: dict[str, int]
    """Exactly the eight DIMENSIONS, each 0..100."""
    findings: tuple[Finding, ...]
    filed_at: int
    """Minutes since midnight on the game clock."""
    late_by: int
    """Minutes past the deadline; 0 when on time."""
    facts: frozenset[str] = frozenset()
    """The facts (ids) the story carries: stated, or reported as someone's claim, not denied or quoted."""
    quoted: frozenset[str] = frozenset()
    """The people (ids) whose words the story quotes and rightly gives to them."""

    @property
    def error_dimensions(self) -> frozenset[str]:
        """The dimensions with at least one error: endings test these (`errors_in`)."""
        return frozenset(finding.dimension for finding in self.findings if finding.severity == "error")

    def by_dimension(self, dimension: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.dimension == dimension]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; `from_json` gives back an equal report."""
        return {
            "overall": self.overall,
            "scores": {dimension: self.scores[dimension] for dimension in DIMENSIONS},
            "findings": [finding.to_json() for finding in self.findings],
            "filed_at": clock_text(self.filed_at),
            "late_by": self.late_by,
            "facts": sorted(self.facts),
            "quoted": sorted(self.quoted),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Report:
        """The report a `to_json` dict describes. Raises ValueError when it is malformed."""
        if not isinstance(data, Mapping):
            raise ValueError("a report must be a mapping")
        overall = _score(data.get("overall"), "overall")
        scores_in = data.get("scores")
        if not isinstance(scores_in, Mapping) or set(scores_in) != set(DIMENSIONS):
            raise ValueError(f"scores must name exactly: {', '.join(DIMENSIONS)}")
        scores = {dimension: _score(scores_in[dimension], dimension) for dimension in DIMENSIONS}
        findings_in = data.get("findings")
        if not isinstance(findings_in, list):
            raise ValueError("findings must be a list")
        filed = data.get("filed_at")
        if isinstance(filed, str) and _is_clock(filed):
            filed_at = minutes_of(filed)
        elif isinstance(filed, int) and not isinstance(filed, bool) and filed >= 0:
            filed_at = filed
        else:
            raise ValueError(f"filed_at must be an \"HH:MM\" time, not {filed!r}")
        late_by = data.get("late_by")
        if not isinstance(late_by, int) or isinstance(late_by, bool) or late_by < 0:
            raise ValueError(f"late_by must be a whole number of minutes, not {late_by!r}")
        facts, quoted = data.get("facts", []), data.get("quoted", [])
        for name, ids in (("facts", facts), ("quoted", quoted)):
            if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
                raise ValueError(f"{name} must be a list of ids")
        return cls(overall, scores, tuple(Finding.from_json(item) for item in findings_in), filed_at, late_by,
                   frozenset(facts), frozenset(quoted))

    def by_code(self, code: str) -> list[Finding]:
        """The findings of one kind (see game.grading.rubric)."""
        return [finding for finding in self.findings if finding.code == code]


def _is_clock(text: str) -> bool:
    hours, _, minutes = text.partition(":")
    return (len(hours) == 2 and len(minutes) == 2 and hours.isdigit() and minutes.isdigit()
            and int(hours) < 24 and int(minutes) < 60)


def _score(value: object, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        raise ValueError(f"{name} must be a whole number from 0 to 100, not {value!r}")
    return value
