"""The editor's marks: one row per rubric dimension, with a bar that reads without colour."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from game.model import DIMENSIONS
from game.ui.widgets import styles

BAR_WIDTH = 20


def dimension_name(dimension: str) -> str:
    return dimension.replace("_", " ")


def score_style(score: int) -> str:
    return "bold green" if score >= 80 else "bold yellow" if score >= 50 else "bold red"


def score_text(overall: int, scores: Mapping[str, int], errors: frozenset[str] = frozenset()) -> Text:
    """"Overall 84/100", then each dimension: name, bar, score, and ✘ when it has an error."""
    out = Text()
    out.append("Overall ", style="bold")
    out.append(f"{overall}/100\n\n", style=score_style(overall))
    for dimension in DIMENSIONS:
        score = scores.get(dimension, 0)
        filled = round(score * BAR_WIDTH / 100)
        out.append(f"{dimension_name(dimension):<15}")
        out.append("█" * filled, style=score_style(score))
        out.append("░" * (BAR_WIDTH - filled), style="dim")
        out.append(f" {score:>3}")
        if dimension in errors:
            out.append("  ✘ error", style="bold")
        out.append("\n")
    out.rstrip()
    return out


class ScoreTable(Static):
    """Shows a report's overall score and the score on each dimension."""

    DEFAULT_CSS = styles(__file__)

    def show(self, overall: int, scores: Mapping[str, int], errors: frozenset[str] = frozenset()) -> None:
        self.update(score_text(overall, scores, errors))
