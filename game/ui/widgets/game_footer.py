"""The footer of every screen: the keys, in full on a wide terminal, compact on a narrow one.

Below `NARROW` columns the footer drops its padding and the command-palette key (ctrl+p still opens it, and
Help lists it), so every key of the screen fits in 60 columns.
"""

from __future__ import annotations

from textual.events import Resize
from textual.widgets import Footer

NARROW = 72
"""Below this many columns the footer is compact (the app's `-narrow` breakpoint)."""


class GameFooter(Footer):
    """A `Footer` that turns compact on narrow terminals."""

    def on_mount(self) -> None:
        super().on_mount()
        if self.fit(self.app.size.width):
            self.call_after_refresh(self.recompose)

    def on_resize(self, event: Resize) -> None:
        if self.fit(event.size.width):
            self.call_after_refresh(self.recompose)

    def fit(self, width: int) -> bool:
        """Set the style for `width` columns; True if it changed."""
        narrow = width < NARROW
        if self.compact == narrow and self.show_command_palette != narrow:
            return False
        self.set_reactive(Footer.compact, narrow)
        self.set_class(narrow, "-compact")
        self.set_reactive(Footer.show_command_palette, not narrow)
        return True
