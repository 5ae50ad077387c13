"""Problems found in a scenario: small located records, collected, sorted and printed."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a scenario file, with where it is and what to do about it."""

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.code} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file, "line": self.line, "column": self.column, "code": self.code,
            "severity": self.severity, "message": self.message, "hint": self.hint,
        }


class ScenarioError(Exception):
    """A scenario could not be loaded; `problems` says every reason, each located."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def did_you_mean(word: str, known: list[str] | tuple[str, ...], what: str = "") -> str:
    """A hint naming the closest known words, or listing them all when none is close."""
    close = get_close_matches(word, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f"'{name}'" for name in close) + "?"
    if not known:
        return f"there are no {what} yet" if what else "nothing is known here"
    shown = ", ".join(sorted(known)[:12]) + (", ..." if len(known) > 12 else "")
    return f"known {what or 'names'}: {shown}"
