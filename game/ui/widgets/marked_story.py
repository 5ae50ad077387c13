"""The filed story with the editor's findings marked where they are: underlined, with a numbered note.

Marks do not rely on colour alone (numbers and underlines survive 16 colours and NO_COLOR).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from game.ui.text import clean
from game.ui.widgets import styles

SEVERITY_STYLES = {
    "error": "bold underline red",
    "warning": "underline yellow",
    "info": "underline",
    "praise": "underline green",
}
SEVERITY_MARKS = {"error": "✘", "warning": "!", "info": "·", "praise": "✔"}


def marked_story(text: str, findings: Sequence[Any]) -> Text:
    """`text` with each finding's span styled by severity and followed by its number, e.g. "[2]".

    Numbers follow the order of `findings` (1-based) and only findings with a span get a mark. Spans are
    clamped to the text; overlapping spans keep both styles.
    """
    marks: dict[int, list[int]] = {}
    styled: list[tuple[int, int, str]] = []
    for number, finding in enumerate(findings, start=1):
        if finding.span is None:
            continue
        start, end = (max(0, min(len(text), value)) for value in finding.span)
        if end < start:
            start, end = end, start
        styled.append((start, end, SEVERITY_STYLES.get(finding.severity, "underline")))
        marks.setdefault(end, []).append(number)
    result = Text()
    cursor = 0
    for position in sorted(marks):
        result.append(clean(text[cursor:position]))
        result.append(f"[{','.join(map(str, marks[position]))}]", style="bold reverse")
        cursor = position
    result.append(clean(text[cursor:]))
    # Styles go on after the marks are in: a position in `text` moves right by the marks before it.
    def moved(position: int, after_marks_here: bool) -> int:
        width = sum(_mark_width(numbers) for at, numbers in marks.items()
                    if at < position or (after_marks_here and at == position))
        return len(clean(text[:position])) + width

    for start, end, style in styled:
        result.stylize(style, moved(start, True), moved(end, False))
    return result


def _mark_width(numbers: list[int]) -> int:
    return len(f"[{','.join(map(str, numbers))}]")


def findings_table(findings: Sequence[Any]) -> Table:
    """The findings as a numbered list: "[1] ✘ quotes: message", wrapped with a hanging indent."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for number, finding in enumerate(findings, start=1):
        text = Text()
        text.append(f"{SEVERITY_MARKS.get(finding.severity, '·')} {finding.dimension.replace('_', ' ')}: ",
                    style="bold")
        text.append(clean(finding.message))
        if finding.detail:
            text.append("\n" + clean(finding.detail), style="dim")
        table.add_row(Text(f"[{number}]", style="bold reverse"), text)
    return table


class MarkedStory(Static):
    """Shows a story with findings marked in place."""

    DEFAULT_CSS = styles(__file__)

    def show(self, text: str, findings: Sequence[Any]) -> None:
        self.update(marked_story(text, findings))
