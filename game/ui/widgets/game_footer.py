"""The footer of every screen: the keys, in full on a wide terminal, compact on a narrow one.

Below `NARROW` columns the footer drops its padding and the command-palette key (ctrl+p still opens it, and
Help lists it), so every key of the screen fits in 60 columns.

Textual's Footer rebuilds all its keys (new widgets, styled afresh) every time the screen's bindings are
refreshed, which happens several times per keypress (focus moves, options change); this one rebuilds only
when what it shows would change. Under `newsroom serve` that rebuilding was most of what a keypress cost.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW = 72
"""Below this many columns the footer is compact (the app's `-narrow` breakpoint)."""


class GameFooter(Footer):
    """A `Footer` that turns compact on narrow terminals."""

    shown: Hashable = None
    """What the keys on show were built from (see `showing`)."""

    def showing(self) -> Hashable:
        """Everything `Footer.compose` builds the keys from: the same value means the same keys."""
        if not self._bindings_ready:
            return None
        keys = tuple((binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                      binding.show, binding.group, binding.tooltip, tooltip)
                     for key, (_, binding, _enabled, tooltip) in self.screen.active_bindings.items()
                     if binding.show or key == self.app.COMMAND_PALETTE_BINDING)
        return keys, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE

    def enabled(self) -> dict[tuple[str, str], bool]:
        """Whether each key on show (by key and action) can be used now."""
        return {(binding.key, binding.action): enabled
                for _, binding, enabled, _tooltip in self.screen.active_bindings.values()}

    def compose(self) -> ComposeResult:
        self.shown = self.showing()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self.rebuild)

    async def rebuild(self) -> None:
        """Build the keys again if what they show has changed; if only some keys' use has, grey them or not."""
        if not self.is_attached:
            return
        if self.showing() != self.shown:
            await self.recompose()
            return
        enabled = self.enabled()
        for key in self.query(FooterKey):
            usable = enabled.get((key.key, key.action))
            if usable is not None and key._disabled == usable:  # as FooterKey(disabled=...) would be
                key._disabled = not usable
                key.set_class(not usable, "-disabled")

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
