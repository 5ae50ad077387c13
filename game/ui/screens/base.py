"""What every game screen shares: typed access to the app and to the session it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from game.ui.app import NewsroomApp
    from game.ui.session import Session


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
