"""One playthrough as a value: the scenario, the state, the states before it (for undo), and the player.

Plain Python, no Textual: every step returns a new `Session`; `autosave` and `resume` keep it on disk
with `game.saves` (atomic writes). Story drafts and the player's name are in `game.play.kept`;
filing is `game.play.filing`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from game import engine, paths
from game.engine import GameState
from game.model import Scenario
from game.play import UNDO_LIMIT
from game.play.kept import draft_path
from game.saves import SaveError, load_game, save_game

Place = Literal["scene", "desk", "ending"]


@dataclass(frozen=True)
class Session:
    scenario: Scenario
    state: GameState
    undo: tuple[GameState, ...] = ()
    """Earlier states, oldest first; the last one is where `undo_last` goes back to."""
    player: str | None = None

    @classmethod
    def start(cls, scenario: Scenario, player: str | None = None) -> Session:
        return cls(scenario, engine.Story.of(scenario).start(), (), player)

    @property
    def story(self) -> engine.Story:
        """The scenario compiled for play (made once per scenario and kept)."""
        return engine.Story.of(self.scenario)

    @property
    def place(self) -> Place:
        """Which screen the state belongs on."""
        if self.state.ending:
            return "ending"
        return "desk" if self.state.at_desk else "scene"

    @property
    def can_undo(self) -> bool:
        return bool(self.undo) and self.state.filed_at is None and self.state.ending is None

    def choose(self, key: engine.Key) -> Session:
        """The session after taking an option (raises `engine.InvalidChoice` if it is not on offer)."""
        state = self.story.choose(self.state, key)
        return replace(self, state=state, undo=(*self.undo, self.state)[-UNDO_LIMIT:])

    def undo_last(self) -> Session:
        """The session as it was before the last choice (unchanged when there is nothing to undo)."""
        if not self.can_undo:
            return self
        return replace(self, state=self.undo[-1], undo=self.undo[:-1])

    def leave_desk(self) -> Session:
        return replace(self, state=self.story.leave_desk(self.state))

    def file(self, score: int, error_dimensions: frozenset[str] = frozenset(), words: int = 0,
             carried: frozenset[str] = frozenset(), quoted: frozenset[str] = frozenset()) -> Session:
        """The session after filing the story: the clock moves on by its writing time and the ending it
        earns (by score, errors, and what it carried and whom it quoted) is reached."""
        state = self.story.file(self.state, score, error_dimensions, words, carried, quoted)
        return replace(self, state=state, undo=())


# --- on disk -------------------------------------------------------------------------------------

def autosave(session: Session) -> None:
    """Write the session's state and undo history atomically; a finished game leaves no save behind."""
    path = paths.save_path(session.scenario.id)
    if session.state.ending:
        path.unlink(missing_ok=True)
        if session.state.filed_at is None:  # a day ended without a story: its draft has no day to go to
            draft_path(session.scenario.id).unlink(missing_ok=True)
        return  # a filed story's draft is `game.play.filing`'s to keep or delete
    save_game(path, session.scenario, session.state, list(session.undo))


def resume(scenario: Scenario, player: str | None = None) -> Session:
    """The saved session for this scenario. Raises `SaveError` saying why when there is none to use."""
    state, undo = load_game(paths.save_path(scenario.id), scenario)
    if state.ending:
        raise SaveError("the saved game has already been filed and reached its ending; start a new game")
    return Session(scenario, state, tuple(undo), player)


# --- reloading an edited scenario (newsroom play --watch) ----------------------------------------

def carry_over(session: Session, scenario: Scenario) -> tuple[Session, str]:
    """The session moved onto an edited scenario, keeping the player's place where it can; and what was done.

    The route is replayed on the new scenario first (so edited effects show up in the notebook). If the
    replay cannot reach the same scene but the scene still exists, the old state is kept with notes the
    new scenario no longer has dropped. Otherwise the day starts again.
    """
    old = session.state
    story = engine.Story.of(scenario)
    lookup = story.index
    replayed = story.start()
    undo: list[GameState] = []
    try:
        for step in old.history:
            undo.append(replayed)
            replayed = story.choose(replayed, step.key)
    except (engine.InvalidChoice, KeyError, StopIteration):
        replayed = None  # type: ignore[assignment]
    if replayed is not None and replayed.scene == old.scene and replayed.at_desk == old.at_desk:
        kept = Session(scenario, replayed, tuple(undo[-UNDO_LIMIT:]), session.player)
        return kept, "your place is kept"
    if old.scene in lookup.scenes:
        state = replace(
            old, scenario=scenario.id, version=scenario.version,
            quotes=tuple(q for q in old.quotes if q in lookup.quotes),
            facts=tuple(f for f in old.facts if f in lookup.facts),
            verified=tuple(f for f in old.verified if f in lookup.facts),
            flags=tuple(f for f in old.flags if f in scenario.flags),
            gathered=tuple(item for item in old.gathered
                           if item.id in (lookup.quotes if item.kind == "quote" else lookup.facts)),
        )
        return Session(scenario, state, (), session.player), "your place is kept; undo starts afresh"
    return Session.start(scenario, session.player), f"scene '{old.scene}' is gone, so the day starts again"
