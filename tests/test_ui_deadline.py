"""The desk on deadline, as a player meets it: the header's file-by time follows the story as it stands,
the desk choice shows its cost, inserted quotes keep their punctuation and the player's quotation marks,
the name box starts empty on a shared machine, and the palette holds only the game's own commands."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from game import engine
from game.model import Quote
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.desk import DeskScreen, attributed, quote_style
from game.ui.screens.player_name import PlayerNameScreen
from tests.conftest import ROOT
from tests.ui_helpers import make_app, screen_text, start_game

SCENARIOS = ROOT / "scenarios"


pytestmark = pytest.mark.usefixtures("data_dir")


def test_an_inserted_quote_keeps_its_closing_stop_and_the_players_marks(example) -> None:  # type: ignore[no-untyped-def]
    index = engine.index(example)
    quote = next(iter(index.quotes.values()))
    entry = engine.NotebookQuote(quote, index.people[quote.speaker])
    unfinished = engine.NotebookQuote(Quote.model_validate({**quote.model_dump(), "text": "We close it"}),
                                      entry.speaker)
    assert attributed(unfinished) == f"{entry.speaker.name} said: “We close it”."
    assert attributed(unfinished, "straight") == f'{entry.speaker.name} said: "We close it".'
    assert attributed(entry).endswith(quote.text.strip() + "”")  # a finished sentence gets no second stop
    assert quote_style('He said "yes" and') == "straight" and quote_style("“yes”") == "curly"


async def test_the_header_shows_when_the_story_as_it_stands_would_be_filed() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, "Ada")
        await pilot.press("1")  # to the council chamber
        await pilot.pause()
        assert "→ story desk · 10 min" in screen_text(app)
        await pilot.press("3")  # head back and write
        await pilot.pause()
        assert isinstance(app.screen, DeskScreen)
        state = app.session.state
        due = engine.filing_time(app.session.scenario, state, 0)
        assert f"file by {due // 60:02d}:{due % 60:02d}" in screen_text(app)
        body = app.screen.query_one("#body", TextArea)
        body.text = "word " * 400
        await pilot.pause()
        later = engine.filing_time(app.session.scenario, state, 400)
        assert f"file by {later // 60:02d}:{later % 60:02d}" in screen_text(app) or later == due


async def test_the_name_box_starts_empty_for_the_next_player_and_the_palette_is_the_games() -> None:
    first = make_app()
    async with first.run_test() as pilot:
        await start_game(pilot, "Ada")
        titles = {command.title for command in first.get_system_commands(first.screen)}
        assert not titles & {"Maximize", "Screenshot", "Quit the application as soon as possible", "Keys"}
        first.back_to_title()  # the title again, as the next student at this machine finds it
        await pilot.pause()
        await pilot.press("1")  # New game; the saved day is given up
        await pilot.pause()
        if isinstance(first.screen, ConfirmScreen):
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(first.screen, PlayerNameScreen)
        second = first
        boxes = list(second.screen.query(Input))
        assert boxes and all(box.value == "" for box in boxes)


async def test_undo_is_said_in_the_scene_not_in_a_toast_over_the_choices() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, "Ada")
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert "↶ Undone: Go to the council chamber" in screen_text(app)
        assert not app._notifications  # no toast laid over the choices


async def test_pagedown_scrolls_the_title_text_while_the_menu_keeps_the_focus() -> None:
    from textual.containers import VerticalScroll

    app = make_app(SCENARIOS / "hanoi-summit.yaml")
    async with app.run_test(size=(60, 20)) as pilot:
        await app.scenario_ready()
        await pilot.pause()
        about = app.screen.query_one("#about-scroll", VerticalScroll)
        assert about.max_scroll_y > 0  # the Hanoi summary does not fit at 60x20
        focused = app.focused
        await pilot.press("pagedown")
        await pilot.pause()
        assert about.scroll_y > 0 and app.focused is focused


async def test_a_long_choice_list_says_how_many_are_below_the_fold() -> None:
    from game.ui.widgets.choice_list import ChoiceList

    app = make_app()
    async with app.run_test(size=(60, 10)) as pilot:
        await start_game(pilot, "Ada")
        await pilot.press("1")  # the chamber: three choices in a window too short for them all
        await pilot.pause()
        choices = app.screen.query_one(ChoiceList)
        hidden = choices.below()
        assert hidden > 0 and f"{hidden} more below" in screen_text(app)
        choices.scroll_end(animate=False)
        await pilot.pause()
        choices.show_cue()
        await pilot.pause()
        assert "more below" not in screen_text(app)
