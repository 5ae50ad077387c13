"""The reporter's notebook as text: quotes grouped by speaker, facts marked confirmed, claim or checked."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from game.engine import Notebook
from game.model import QUOTE_KIND_NAMES
from game.ui.text import clean
from game.ui.widgets import styles

STATUS_MARKS = {
    "confirmed": ("✔", "confirmed"),
    "verified": ("✔", "checked: true"),
    "claim": ("?", "claim"),
    "rumour": ("?", "rumour"),
    "disproved": ("✘", "checked: false"),
}


def quote_mark(text: str) -> str:
    return f"“{clean(text)}”"


def notebook_text(notebook: Notebook) -> Group:
    """The whole notebook, ready to display; plain text throughout, wrapped lines indented."""
    if not notebook.quotes and not notebook.facts:
        return Group(Text("Nothing in your notebook yet.", style="bold"),
                     Text("Quotes you gather and facts you learn are written down here as you report."))
    parts: list[RenderableType] = [Text(f"QUOTES ({len(notebook.quotes)})", style="bold underline")]
    if not notebook.quotes:
        parts.append(Padding(Text("None yet."), (0, 0, 0, 2)))
    for speaker, entries in notebook.by_speaker().items():
        person = entries[0].speaker
        heading = Text(f"\n{clean(speaker)}", style="bold")
        heading.append(f" — {clean(person.role)}{'' if person.real else ' (fictional)'}", style="dim")
        parts.append(heading)
        for entry in entries:
            quote = entry.quote
            when = f" · {quote.time}" if quote.time else ""
            parts.append(Padding(Text(quote_mark(quote.text), style="italic"), (0, 0, 0, 2)))
            parts.append(Padding(Text(f"{QUOTE_KIND_NAMES.get(quote.kind, quote.kind)} · {clean(quote.context)}{when}",
                                      style="dim"), (0, 0, 0, 4)))
    parts.append(Text(f"\nFACTS ({len(notebook.facts)})", style="bold underline"))
    if not notebook.facts:
        parts.append(Padding(Text("None yet."), (0, 0, 0, 2)))
    facts = Table.grid(padding=(0, 1), pad_edge=True)
    facts.add_column(no_wrap=True)
    facts.add_column(no_wrap=True)
    facts.add_column(ratio=1)
    for item in notebook.facts:
        mark, label = STATUS_MARKS.get(item.status, ("·", item.status))
        statement = Text(clean(item.fact.statement))
        if item.claimed_by is not None:
            statement.append(f" (says {clean(item.claimed_by.name)})", style="dim")
        if item.status in ("verified", "disproved") and item.fact.check:
            statement.append(f"\nChecked: {clean(item.fact.check)}", style="dim")
        doubtful = item.status in ("rumour", "disproved")
        facts.add_row(Text(mark, style="bold"), Text(label, style="bold" if doubtful else ""), statement)
    if notebook.facts:
        parts.append(facts)
    return Group(*parts)


class NotebookView(Static):
    """Shows a `Notebook`."""

    DEFAULT_CSS = styles(__file__)

    def show(self, notebook: Notebook) -> None:
        self.update(notebook_text(notebook))
