"""The reporter's notebook as text: quotes grouped by speaker, facts marked confirmed, claim or checked."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from game.engine import Notebook
from game.ui.text import clean

KINDS = {
    "on_record": "on the record",
    "statement": "statement",
    "social_post": "social media post",
    "second_hand": "second hand",
}
STATUS_MARKS = {
    "confirmed": ("✔", "confirmed"),
    "verified": ("✔", "checked: true"),
    "claim": ("?", "claim"),
    "rumour": ("?", "rumour"),
    "disproved": ("✘", "checked: false"),
}


def quote_mark(text: str) -> str:
    return f"“{clean(text)}”"


def notebook_text(notebook: Notebook) -> Text:
    """The whole notebook, ready to display; plain text throughout."""
    out = Text()
    if not notebook.quotes and not notebook.facts:
        out.append("Nothing in your notebook yet.\n", style="bold")
        out.append("Quotes you gather and facts you learn are written down here as you report.")
        return out
    out.append(f"QUOTES ({len(notebook.quotes)})\n", style="bold underline")
    if not notebook.quotes:
        out.append("  None yet.\n")
    for speaker, entries in notebook.by_speaker().items():
        person = entries[0].speaker
        out.append(f"\n{clean(speaker)}", style="bold")
        out.append(f" — {clean(person.role)}{'' if person.real else ' (fictional)'}\n", style="dim")
        for entry in entries:
            quote = entry.quote
            out.append(f"  {quote_mark(quote.text)}\n", style="italic")
            when = f" · {quote.time}" if quote.time else ""
            out.append(f"    {KINDS.get(quote.kind, quote.kind)} · {clean(quote.context)}{when}\n", style="dim")
    out.append(f"\nFACTS ({len(notebook.facts)})\n", style="bold underline")
    if not notebook.facts:
        out.append("  None yet.\n")
    for item in notebook.facts:
        mark, label = STATUS_MARKS.get(item.status, ("·", item.status))
        out.append(f"  {mark} ", style="bold")
        out.append(f"{label:<15}", style="bold" if item.status in ("rumour", "disproved") else "")
        out.append(clean(item.fact.statement))
        if item.claimed_by is not None:
            out.append(f" (says {clean(item.claimed_by.name)})", style="dim")
        out.append("\n")
        if item.status in ("verified", "disproved") and item.fact.check:
            out.append(f"    Checked: {clean(item.fact.check)}\n", style="dim")
    out.rstrip()
    return out


class NotebookView(Static):
    """Shows a `Notebook`."""

    def show(self, notebook: Notebook) -> None:
        self.update(notebook_text(notebook))
