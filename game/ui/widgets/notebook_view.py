"""The reporter's notebook as text: quotes grouped by speaker, facts marked confirmed, claim or checked."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from game.play.views import NotebookPage
from game.ui.text import clean
from game.ui.widgets import styles


def quote_mark(text: str) -> str:
    return f"“{clean(text)}”"


def notebook_text(notebook: NotebookPage) -> Group:
    """The whole notebook, ready to display; plain text throughout, wrapped lines indented."""
    if notebook.empty:
        return Group(Text("Nothing in your notebook yet.", style="bold"),
                     Text("Quotes you gather and facts you learn are written down here as you report."))
    parts: list[RenderableType] = [Text(f"QUOTES ({notebook.quote_count})", style="bold underline")]
    if not notebook.speakers:
        parts.append(Padding(Text("None yet."), (0, 0, 0, 2)))
    for speaker in notebook.speakers:
        heading = Text(f"\n{speaker.name}", style="bold")
        heading.append(f" — {speaker.role}{'' if speaker.real else ' (fictional)'}", style="dim")
        parts.append(heading)
        for quote in speaker.quotes:
            when = f" · {quote.time}" if quote.time else ""
            parts.append(Padding(Text(quote_mark(quote.text), style="italic"), (0, 0, 0, 2)))
            parts.append(Padding(Text(f"{quote.kind} · {quote.context}{when}", style="dim"), (0, 0, 0, 4)))
    parts.append(Text(f"\nFACTS ({len(notebook.facts)})", style="bold underline"))
    if not notebook.facts:
        parts.append(Padding(Text("None yet."), (0, 0, 0, 2)))
    facts = Table.grid(padding=(0, 1), pad_edge=True)
    facts.add_column(no_wrap=True)
    facts.add_column(no_wrap=True)
    facts.add_column(ratio=1)
    for item in notebook.facts:
        statement = Text(item.statement)
        if item.claimed_by is not None:
            statement.append(f" (says {item.claimed_by})", style="dim")
        if item.check:
            statement.append(f"\nChecked: {item.check}", style="dim")
        facts.add_row(Text(item.mark, style="bold"), Text(item.status, style="bold" if item.doubtful else ""),
                      statement)
    if notebook.facts:
        parts.append(facts)
    return Group(*parts)


class NotebookView(Static):
    """Shows a `NotebookPage`."""

    DEFAULT_CSS = styles(__file__)

    def show(self, notebook: NotebookPage) -> None:
        self.update(notebook_text(notebook))
