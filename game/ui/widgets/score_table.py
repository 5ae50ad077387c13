"""The editor's marks: one row per rubric dimension, with a bar that reads without colour."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from game.play.views import GradeLine
from game.ui.widgets import styles

BAR_WIDTH = 20


def score_style(score: int) -> str:
    return "bold green" if score >= 80 else "bold yellow" if score >= 50 else "bold red"


def score_text(overall: int, grades: Sequence[GradeLine]) -> Text:
    """"Overall 84/100", then each dimension: name, bar, score, and ✘ when it has an error."""
    out = Text()
    out.append("Overall ", style="bold")
    out.append(f"{overall}/100\n\n", style=score_style(overall))
    for grade in grades:
        filled = round(grade.score * BAR_WIDTH / 100)
        out.append(f"{grade.name:<15}")
        out.append("█" * filled, style=score_style(grade.score))
        out.append("░" * (BAR_WIDTH - filled), style="dim")
        out.append(f" {grade.score:>3}")
        if grade.error:
            out.append("  ✘ error", style="bold")
        out.append("\n")
    out.rstrip()
    return out


class ScoreTable(Static):
    """Shows a report's overall score and the score on each dimension."""

    DEFAULT_CSS = styles(__file__)

    def show(self, overall: int, grades: Sequence[GradeLine]) -> None:
        self.update(score_text(overall, grades))
