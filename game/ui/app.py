"""The Newsroom app: loads the scenario, keeps the session, and moves between screens.

Kept thin on purpose: the rules are in `game.engine`, a playthrough is a `Session` value, filing is in
`game.play.filing`, and each screen is its own module. The first frame comes from a quick read of the
scenario (`game.ui.preview`); the full check runs in a worker right after it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from game.play.kept import has_save, remembered_player
from game.ui.look import NO_COLOR_THEME, no_color_theme, wants_no_color
from game.ui.preview import Preview
from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    from game.engine import Key
    from game.loader import Checked
    from game.model import Scenario
    from game.play.session import Session
    from game.problems import Problem

WATCH_SECONDS = 0.5
"""How often `--watch` looks at the scenario file."""


def file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class NewsroomApp(App[None]):
    """Plays one scenario, from the title screen to the editor's review."""

    TITLE = "Newsroom"
    CSS_PATH = ["app.tcss", "screens/title.tcss"]
    """The title screen is the default screen, so its styles load with the app's, in the first pass."""
    BINDINGS = [
        Binding("n,f2", "notebook", "Notebook"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]

    preview: var[Preview | None] = var(None)
    """What the title screen shows: from the quick read, then from the checked scenario."""
    session: var[Session | None] = var(None, always_update=True)
    """The game being played; screens watch it and redraw."""

    def __init__(self, path: Path | str, preview: Preview | None = None, *, start_new: bool = False,
                 watch: bool = False, results_dir: Path | None = None, theme: str | None = None) -> None:
        no_color = wants_no_color()
        super().__init__(ansi_color=True if no_color else None)  # no colour at all, not shades of grey
        self.path = Path(path)
        self.set_reactive(NewsroomApp.preview, preview)
        self.scenario: Scenario | None = None
        self.problems: list[Problem] = []
        self.start_new = start_new
        self.watching = watch
        self.results_dir = results_dir
        self.player = remembered_player()
        self.played = False
        """Whether a day has ended in this run: then the title lists all the objectives, spoilers included."""
        self._stamp = file_stamp(self.path)
        self._checked = asyncio.Event()
        self.unknown_theme = theme if theme and theme not in self.available_themes else None
        if no_color:
            self.register_theme(no_color_theme())
            self.theme = NO_COLOR_THEME
        elif theme and not self.unknown_theme:
            self.theme = theme

    # --- loading and watching the scenario -------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return TitleScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self.load)
        if self.unknown_theme:
            self.notify(f"There is no theme called '{self.unknown_theme}'; using the usual one.",
                        severity="warning")
        if self.watching:
            self.set_interval(WATCH_SECONDS, self.check_file)

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Check the scenario file (models and cross-references) off the event loop."""
        from game.loader import check_file

        checked = check_file(self.path)
        self.call_from_thread(self.loaded, checked)

    def check_file(self) -> None:
        stamp = file_stamp(self.path)
        if stamp != self._stamp:
            self._stamp = stamp
            self.load()

    def loaded(self, checked: Checked) -> None:
        from game.ui.screens.problems import ProblemsScreen

        first = not self._checked.is_set()
        self._checked.set()
        if checked.scenario is None or checked.errors:
            self.problems = checked.problems
            screen = ProblemsScreen(self.path, checked.problems, self.watching)
            if isinstance(self.screen, ProblemsScreen):
                self.switch_screen(screen)
            elif self.watching and self.session is not None:
                self.push_screen(screen)
            else:
                self.scenario = None
                self.show(screen)
            return
        was_broken = bool(self.problems)
        self.problems = []
        self.scenario = checked.scenario
        self.preview = Preview.of(checked.scenario)
        if isinstance(self.screen, ProblemsScreen):
            if self.session is None:
                self.back_to_title()
            else:
                self.pop_screen()
        if first:
            if self.start_new:
                self.call_later(self.action_new_game)
            return
        self.reload(checked.scenario, was_broken)

    def reload(self, scenario: Scenario, was_broken: bool) -> None:
        """--watch: the file changed and is sound; carry the game over to the new scenario."""
        from game.play.session import carry_over

        session = self.session
        if session is None or session.place == "ending":
            self.notify("Scenario reloaded." if not was_broken else "Scenario fixed and reloaded.")
            return
        moved, note = carry_over(session, scenario)
        if moved.place == session.place:
            self.advance(moved)  # the screens showing the game redraw; a story being written stays put
        else:
            self.begin(moved)
        self.notify(f"Scenario reloaded: {note}.")

    async def scenario_ready(self) -> Scenario | None:
        """The checked scenario, waiting for the first check if it is still running."""
        await self._checked.wait()
        return self.scenario

    def has_save(self) -> bool:
        scenario_id = self.scenario.id if self.scenario else self.preview.id if self.preview else None
        return scenario_id is not None and has_save(scenario_id)

    # --- moving between screens ------------------------------------------------------------------

    def show(self, screen: Screen[None]) -> None:
        """Make `screen` the only one above the title screen (which is always at the bottom)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def advance(self, session: Session) -> None:
        """Make `session` the game being played, saving it first (atomically)."""
        from game.play.session import autosave

        try:
            autosave(session)
        except OSError as error:
            self.notify(f"Your game could not be saved: {error}", severity="error", timeout=8)
        self.session = session

    def begin(self, session: Session) -> None:
        """Show the session where it stands: in a scene, or at the story desk."""
        from game.ui.screens.desk import DeskScreen
        from game.ui.screens.scene import SceneScreen

        self.advance(session)
        self.show(SceneScreen())
        if session.place == "desk":
            self.push_screen(DeskScreen())

    def take(self, key: Key) -> None:
        from game.engine import InvalidChoice
        from game.ui.screens.desk import DeskScreen

        assert self.session is not None
        try:
            session = self.session.choose(key)
        except InvalidChoice:
            self.bell()
            return
        self.advance(session)
        if session.place == "desk" and not session.state.response:
            self.push_screen(DeskScreen())
        # with a response, the scene shows it first and offers the desk (SceneScreen, OPEN_DESK)

    def open_desk(self) -> None:
        from game.ui.screens.desk import DeskScreen

        if self.session is not None and self.session.place == "desk":
            self.push_screen(DeskScreen())

    def undo(self) -> None:
        session = self.session
        if session is None or not session.can_undo:
            self.notify("There is nothing to undo.")
            return
        step = session.state.history[-1] if session.state.history else None
        self.advance(session.undo_last())
        if step is None:
            return
        from game.ui.screens.scene import SceneScreen

        if isinstance(self.screen, SceneScreen):
            self.screen.show_undone(step.label)
        else:
            self.notify(f"Undone: {step.label}")

    def leave_desk(self) -> None:
        assert self.session is not None
        self.pop_screen()
        self.advance(self.session.leave_desk())

    def file(self, headline: str, body: str) -> None:
        from game.play.filing import GradingFailed, file_story
        from game.ui.screens.review import ReviewScreen

        assert self.session is not None
        try:
            filed = file_story(self.session, headline, body, self.results_dir)
        except GradingFailed as failure:
            self.log.error(f"grading failed: {failure.error!r}")
            self.notify(str(failure), severity="error", timeout=15)
            return
        self.played = True
        self.advance(filed.session)
        self.show(ReviewScreen(filed.session, filed))

    def show_review(self) -> None:
        """The review of a day that ended without a story filed."""
        from game.ui.screens.review import ReviewScreen

        assert self.session is not None
        self.played = True
        self.show(ReviewScreen(self.session, None))

    def back_to_title(self) -> None:
        self.session = None
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def watch_session(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The notebook key only shows once there is a notebook."""
        return not (action == "notebook" and self.session is None)

    # --- actions ---------------------------------------------------------------------------------

    async def action_new_game(self) -> None:
        from game.ui.screens.confirm import ConfirmScreen

        if await self.scenario_ready() is None:
            return
        if self.session is None and self.has_save():
            self.push_screen(ConfirmScreen(
                "Start a new game?", "Your saved game for this story will be replaced.",
                [("new", "Start again"), ("cancel", "Back")], danger="new"),
                lambda answer: self.ask_player() if answer == "new" else None)
        else:
            self.ask_player()

    def ask_player(self) -> None:
        from game.play.kept import remember_player
        from game.play.session import Session
        from game.ui.screens.player_name import PlayerNameScreen

        def start(name: str | None) -> None:
            if name is None or self.scenario is None:
                return
            self.player = name or None
            with contextlib.suppress(OSError):  # the name is a convenience; the game goes on
                remember_player(self.player)
            self.begin(Session.start(self.scenario, self.player))

        self.push_screen(PlayerNameScreen(), start)

    async def action_continue_game(self) -> None:
        from game.play.session import resume
        from game.saves import SaveError
        from game.ui.screens.confirm import ConfirmScreen

        scenario = await self.scenario_ready()
        if scenario is None:
            return
        try:
            session = resume(scenario, self.player)
        except SaveError as error:
            self.push_screen(ConfirmScreen(
                "Your saved game cannot be used", f"{str(error)[:1].upper()}{str(error)[1:]}.",
                [("new", "Start a new game"), ("cancel", "Back")]),
                lambda answer: self.ask_player() if answer == "new" else None)
            return
        self.begin(session)

    def action_notebook(self) -> None:
        from game.ui.screens.notebook import NotebookScreen

        if isinstance(self.screen, NotebookScreen):
            self.pop_screen()
        elif self.session is not None:
            self.push_screen(NotebookScreen())

    def action_help(self) -> None:
        from game.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        from game.ui.screens.confirm import ConfirmScreen
        from game.ui.screens.desk import DeskScreen

        desk = next((s for s in self.screen_stack if isinstance(s, DeskScreen)), None)
        if desk is None or not desk.unsaved:
            self.exit()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                desk.action_save_draft()
            if answer in ("save", "discard"):
                self.exit()

        self.push_screen(ConfirmScreen(
            "Quit Newsroom?", "Your story has changes you have not saved. Your reporting is saved.",
            [("save", "Save draft and quit"), ("discard", "Quit without saving"), ("cancel", "Stay")],
            danger="discard"), answered)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from game.ui.screens.desk import DeskScreen
        from game.ui.screens.scene import SceneScreen

        session = self.session
        if self.scenario is not None:
            yield SystemCommand("New game", "Start the day again from the first scene", self.action_new_game)
        if session is None and self.has_save():
            yield SystemCommand("Continue", "Carry on from where you left off", self.action_continue_game)
        if session is not None:
            yield SystemCommand("Notebook", "Your quotes and facts (n)", self.action_notebook)
        if isinstance(screen, SceneScreen) and session is not None and session.can_undo:
            yield SystemCommand("Undo", "Take back your last choice (u)", self.undo)
        if isinstance(screen, DeskScreen):
            yield SystemCommand("File story", "Send your story to the editor (ctrl+f)", screen.action_file)
            yield SystemCommand("Save draft", "Keep your story as it is (ctrl+s)", screen.action_save_draft)
            yield SystemCommand("Insert quote", "Put the highlighted quote in your story (ctrl+o)",
                                screen.action_insert_quote)
        yield SystemCommand("Help", "The keys (?)", self.action_help)
        yield SystemCommand("Quit", "Leave Newsroom (ctrl+q); your reporting is saved", self.action_quit)
        # Textual's own entries (Maximize, Screenshot, Theme, Keys, Quit the application…) are left out on purpose.
