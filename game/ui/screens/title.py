"""The title screen: the scenario's title, summary and objectives; New game, Continue, Quit."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.play.title import TitleView
from game.ui.preview import Preview
from game.ui.screens.base import GameScreen, page
from game.ui.widgets.game_footer import GameFooter


def title_text(view: TitleView) -> Text:
    return Text(view.title, style="bold")


def about_text(view: TitleView) -> Group:
    """The summary, then the learning objectives as a list (wrapped lines indented under their bullet)."""
    parts: list[RenderableType] = [Text(view.summary)]
    if view.objectives:
        parts.append(Text("\nIn this story you practise:", style="bold"))
        objectives = Table.grid(padding=(0, 1), pad_edge=True)
        objectives.add_column(no_wrap=True)
        objectives.add_column(ratio=1)
        for objective in view.objectives:
            objectives.add_row("•", Text(objective))
        parts.append(objectives)
    return Group(*parts)


class TitleScreen(GameScreen):
    """The first thing the player sees."""

    # title.tcss is loaded by the app: the title is its default screen, drawn in the very first frame.
    BINDINGS = [
        Binding("1", "pick(0)", show=False),
        Binding("2", "pick(1)", show=False),
        Binding("3", "pick(2)", show=False),
        Binding("q", "app.quit", "Quit"),
        Binding("pageup", "scroll_about(-1)", show=False, priority=True),
        Binding("pagedown", "scroll_about(1)", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Static("N E W S R O O M", id="masthead")
        with VerticalScroll(id="about-scroll"):
            yield Static(id="title")
            yield Static(id="about")
        with Center():
            yield OptionList(id="menu")
        yield GameFooter()

    def on_mount(self) -> None:
        self.watch(self.game, "preview", self.show, init=True)

    def show(self, preview: Preview | None) -> None:
        if preview is None:
            self.query_one("#title", Static).update(Text(Path(self.game.path).name, style="bold"))
            self.query_one("#about", Static).update(Text("Reading the scenario…", style="italic"))
        else:
            view = preview.view(self.game.played)
            self.query_one("#title", Static).update(title_text(view))
            self.query_one("#about", Static).update(about_text(view))
        self.refresh_menu()

    def refresh_menu(self) -> None:
        menu = self.query_one("#menu", OptionList)
        items = [Option("1  New game", id="new")]
        if self.game.has_save():
            items.append(Option("2  Continue", id="continue"))
        items.append(Option(f"{len(items) + 1}  Quit", id="quit"))
        highlighted = "continue" if self.game.has_save() else "new"
        menu.set_options(items)
        menu.highlighted = menu.get_option_index(highlighted)
        menu.focus()

    def on_screen_resume(self) -> None:
        self.show(self.game.preview)

    def action_scroll_about(self, direction: int) -> None:
        """PageUp/PageDown scroll the summary while the menu keeps the focus."""
        page(self.query_one("#about-scroll", VerticalScroll), direction)

    async def action_pick(self, index: int) -> None:
        menu = self.query_one("#menu", OptionList)
        if index < menu.option_count:
            await self.run_option(menu.get_option_at_index(index).id)

    @on(OptionList.OptionSelected, "#menu")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self.run_option(event.option.id)

    async def run_option(self, option: str | None) -> None:
        if option == "new":
            await self.game.action_new_game()
        elif option == "continue":
            await self.game.action_continue_game()
        elif option == "quit":
            self.game.exit()
