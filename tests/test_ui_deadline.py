"""The desk on deadline, as a player meets it: the header's file-by time follows the story as it stands,
the desk choice shows its cost, inserted quotes keep their punctuation and the player's quotation marks,
the name box starts empty on a shared machine, and the palette holds only the game's own commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from game import engine
from game.model import Quote
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.desk import DeskScreen, attributed, quote_style
from game.ui.screens.player_name import PlayerNameScreen
from tests.ui_helpers import make_app, screen_text, start_game


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSROOM_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


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
