"""What every game screen shares: typed access to the app and to the session it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.containers import ScrollableContainer
from textual.screen import Screen

if TYPE_CHECKING:
    from game.play.session import Session
    from game.ui.app import NewsroomApp


class GameScreen(Screen[None]):
    """A screen of the Newsroom app."""

    @property
    def game(self) -> NewsroomApp:
        return cast("NewsroomApp", self.app)

    @property
    def session(self) -> Session:
        """The session being played (screens that show a game are only pushed once there is one)."""
        session = self.game.session
        assert session is not None, "a game screen was shown without a game"
        return session


def page(scroll: ScrollableContainer, direction: int) -> None:
    """Scroll a page up (direction < 0) or down: the PageUp/PageDown of a text beside a focused list."""
    if direction < 0:
        scroll.scroll_page_up()
    else:
        scroll.scroll_page_down()
