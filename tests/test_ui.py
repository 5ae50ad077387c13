"""The Textual game driven through Pilot: the whole day, saves across runs, bad input, small terminals."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from game import paths
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.desk import DeskScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.notebook import NotebookScreen
from game.ui.screens.player_name import PlayerNameScreen
from game.ui.screens.problems import ProblemsScreen
from game.ui.screens.review import ReviewScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets.choice_list import ChoiceList
from tests.conftest import ROOT
from tests.ui_helpers import edited_example, make_app, screen_segments, screen_text, start_game, straight_to_desk

pytestmark = pytest.mark.usefixtures("data_dir")


async def test_title_screen_shows_the_scenario_and_no_continue_without_a_save() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.pause()
        text = screen_text(app)
        assert isinstance(app.screen, TitleScreen)
        assert "The Old Bridge (example)" in text
        assert "Check a rumour before you report it." in text
        assert "New game" in text and "Quit" in text
        assert "Continue" not in text


async def test_a_whole_day_from_title_to_review(tmp_path: Path, data_dir: Path) -> None:
    results = tmp_path / "results"
    app = make_app(results_dir=results)
    async with app.run_test() as pilot:
        await start_game(pilot, "Ada")
        assert isinstance(app.screen, SceneScreen)
        assert "The morning call" in screen_text(app)
        assert "Quote added: Jo Mills" in screen_text(app)

        await pilot.click(ChoiceList, offset=(4, 1))  # the mouse picks the first choice
        await pilot.pause()
        assert app.session.state.scene == "chamber"
        assert "09:20" in screen_text(app)

        await pilot.press("n")
        assert isinstance(app.screen, NotebookScreen)
        notebook = screen_text(app)
        assert "Jo Mills" in notebook and "voted 5-2" in notebook and "confirmed" in notebook
        await pilot.press("escape")

        await pilot.press("u")
        await pilot.pause()
        assert app.session.state.scene == "call" and "09:00" in screen_text(app)

        await pilot.press("1", "1", "1")  # chamber, the steps, ask the mayor why
        await pilot.pause()
        assert "“The engineers were clear." in screen_text(app)
        await pilot.press("1", "1")  # ask Okafor; the question limit is reached, so: to the desk
        await pilot.pause()
        assert isinstance(app.screen, DeskScreen)

        desk = app.screen
        desk.query_one("#headline", Input).value = "Council votes 5-2 to close the old bridge"
        body = desk.query_one("#body", TextArea)
        body.load_text("The council voted 5-2 to close the bridge from Monday. ")
        body.move_cursor(body.document.end)
        body.focus()
        await pilot.press("tab", "down", "enter")  # to the quotes, the mayor's, insert it
        await pilot.pause()
        assert "Ana Ruiz said: “The engineers were clear. We close the bridge on Monday" in body.text
        assert body.has_focus

        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        review = screen_text(app)
        assert "Verdict" in review and "Your story" in review and "Overall" in review
        assert app.session.state.ending in {"front-page", "inside", "correction", "missed"}

        await pilot.press("p")  # play again: back to the title, with nothing left to continue
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and app.session is None
        assert "Continue" not in screen_text(app)

    cards = sorted(path.suffix for path in results.iterdir())
    assert cards == [".json", ".md"]
    card = json.loads(next(results.glob("*.json")).read_text(encoding="utf-8"))
    assert card["player"] == "Ada"
    assert not paths.save_path("example-bridge").exists()  # a finished day leaves no save to continue


async def test_a_save_continues_in_the_next_run_with_scene_notebook_and_clock() -> None:
    first = make_app()
    async with first.run_test() as pilot:
        await start_game(pilot)
        await pilot.press("1", "2")  # the chamber, then the gallery gossip
        await pilot.pause()
        before = first.session.state
        assert before.scene == "gallery"
    assert paths.save_path("example-bridge").is_file()

    second = make_app()
    async with second.run_test() as pilot:
        await second.scenario_ready()
        await pilot.pause()
        assert "Continue" in screen_text(second)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(second.screen, SceneScreen)
        after = second.session.state
        assert (after.scene, after.time, after.quotes, after.facts) == (
            before.scene, before.time, before.quotes, before.facts)
        assert "Gallery talk" in screen_text(second)
        await pilot.press("u")  # the undo history came along too
        await pilot.pause()
        assert second.session.state.scene == "chamber"


async def test_a_corrupt_save_is_explained_and_a_new_game_offered() -> None:
    save = paths.save_path("example-bridge")
    save.parent.mkdir(parents=True)
    save.write_text("{ this is not json", encoding="utf-8")
    app = make_app()
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.pause()
        await pilot.press("2")  # Continue
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "damaged" in screen_text(app)
        await pilot.press("enter")  # Start a new game
        await pilot.pause()
        assert isinstance(app.screen, PlayerNameScreen)


async def test_scenario_text_is_never_markup_or_terminal_control(tmp_path: Path) -> None:
    path = edited_example(
        tmp_path,
        ('title: "The Old Bridge (example)"', 'title: "Bridge [bold red]x[/] \\e[31mred\\e]0;pwned\\a"'),
        ("title: The morning call", 'title: "[reverse]Call[/reverse]"'),
        ("      Your editor, Jo Mills, rings", "      [link=http://example.com]Your[/link] editor, Jo Mills, rings"),
        ("label: Go to the council chamber", 'label: "Go [on]\\e[2J now"'),
    )
    app = make_app(path)
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.pause()
        assert app.scenario is not None, app.problems
        title = screen_text(app)
        assert "Bridge [bold red]x[/] red" in title
        assert "pwned" not in title
        await start_game(pilot)
        scene = screen_text(app)
        assert "[reverse]Call[/reverse]" in scene
        assert "[link=http://example.com]Your[/link] editor" in scene
        assert "Go [on] now" in scene
        segments = screen_segments(app)
        assert not any("\x1b" in segment.text or "\x07" in segment.text for segment in segments)
        assert not any(segment.style and segment.style.link for segment in segments)


async def test_small_terminal_and_resizing_keep_everything_reachable() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot)
        await pilot.press("1")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert "Catch the mayor on the steps" in screen_text(app)
        choices = app.screen.query_one(ChoiceList)
        assert choices.region.height >= 3 and choices.region.bottom <= 20
        await pilot.press("3")  # head back and write
        await pilot.pause()
        assert isinstance(app.screen, DeskScreen)
        for selector in ("#headline", "#body", "#quotes"):
            region = app.screen.query_one(selector).region
            assert region.width >= 10 and region.height >= 1 and region.right <= 60 and region.bottom <= 20
        await pilot.resize_terminal(120, 40)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert "words" in screen_text(app)


async def test_leaving_the_desk_with_unsaved_text_asks_first() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await straight_to_desk(pilot)
        await pilot.press(*"Bridge")  # the headline has focus
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, DeskScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#answer-save")
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen) and not app.session.state.at_desk
        await pilot.press("3")  # back to the desk: the draft is still there
        await pilot.pause()
        assert app.screen.query_one("#headline", Input).value == "Bridge"
        await pilot.press("x", "ctrl+q")  # quitting with unsaved changes asks too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Quit Newsroom?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("backspace", "escape")  # nothing unsaved now: no question
        await pilot.pause()
        assert isinstance(app.screen, SceneScreen)


async def test_new_goes_straight_to_a_new_game() -> None:
    app = make_app(start_new=True)
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.pause()
        assert isinstance(app.screen, PlayerNameScreen)


async def test_notebook_help_and_palette_commands() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "Keys everywhere" in screen_text(app)
        await pilot.press("escape")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "New game" in titles and "Notebook" not in titles
        await start_game(pilot)
        await pilot.press("1")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Notebook", "Undo", "Help"} <= set(titles)
        await pilot.press("f2")
        assert isinstance(app.screen, NotebookScreen)
        await pilot.press("n")
        assert isinstance(app.screen, SceneScreen)


async def test_a_scenario_with_problems_shows_them_instead_of_crashing(tmp_path: Path) -> None:
    path = edited_example(tmp_path, ("goto: chamber\n        minutes: 20", "goto: chamberz\n        minutes: 20"))
    app = make_app(path)
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = screen_text(app)
        assert "cannot be played" in text and "chamberz" in text
        assert app.problems and app.scenario is None


async def test_watch_reloads_in_place_and_shows_problems_until_fixed(tmp_path: Path) -> None:
    path = edited_example(tmp_path)
    app = make_app(path, watch=True)

    async def rewrite(text: str) -> None:
        stamp = path.stat().st_mtime_ns
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(stamp + 10**9, stamp + 10**9))
        app.check_file()
        await app.workers.wait_for_complete()
        await pilot.pause()

    async with app.run_test() as pilot:
        await start_game(pilot)
        await pilot.press("1")
        original = path.read_text(encoding="utf-8")
        await rewrite(original.replace("The public gallery is full.", "The gallery is packed."))
        assert app.session.state.scene == "chamber"
        assert "The gallery is packed." in screen_text(app)

        await rewrite(original.replace("scenes:\n", "scenes:\n  - {id: [}\n"))
        assert isinstance(app.screen, ProblemsScreen)
        assert "Watching the file" in screen_text(app)

        await rewrite(original)
        assert isinstance(app.screen, SceneScreen)
        assert app.session.state.scene == "chamber"
        assert "The public gallery is full." in screen_text(app)

        await pilot.press("3", *"Draft")  # at the desk, writing: a reload keeps the words on the page
        await rewrite(original.replace("250 words on the bridge vote", "300 words on the bridge vote"))
        assert isinstance(app.screen, DeskScreen)
        assert app.screen.query_one("#headline", Input).value == "Draft"
        assert "300 words on the bridge vote" in screen_text(app)


async def test_the_hanoi_title_screen() -> None:
    hanoi = ROOT / "scenarios" / "hanoi-summit.yaml"
    app = make_app(hanoi)
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen), app.problems[:3]
        assert "Hanoi" in screen_text(app)


async def test_a_grader_failure_keeps_the_player_at_the_desk_with_the_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    import game.grader
    from game.play import kept

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("editor out to lunch")

    monkeypatch.setattr(game.grader, "grade_filed", broken)
    app = make_app()
    async with app.run_test() as pilot:
        await straight_to_desk(pilot)
        app.screen.query_one("#headline", Input).value = "Bridge closes"
        app.screen.query_one("#body", TextArea).load_text("The council voted.")
        await pilot.press("ctrl+f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DeskScreen)
        assert app.session.state.at_desk and app.session.state.ending is None
    assert kept.load_draft("example-bridge") == ("Bridge closes", "The council voted.")


async def test_no_color_drops_colour_and_underlines_the_highlight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test() as pilot:
        await start_game(pilot)
        segments = screen_segments(app)
        colours = {str(colour) for segment in segments if segment.style
                   for colour in (segment.style.color, segment.style.bgcolor) if colour is not None}
        assert colours <= {"Color('default', ColorType.DEFAULT)"}
        highlighted = [s for s in segments if "Go to the council chamber" in s.text]
        assert highlighted and all(s.style.underline for s in highlighted)


async def test_the_footer_greys_undo_in_place_instead_of_rebuilding_its_keys() -> None:
    from textual.widgets._footer import FooterKey

    from game.ui.widgets.game_footer import GameFooter

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot)
        footer = app.screen.query_one(GameFooter)

        def undo_key() -> FooterKey:
            return next(key for key in footer.query(FooterKey) if key.action == "undo")

        keys = list(footer.query(FooterKey))
        assert undo_key().has_class("-disabled")  # nothing to undo yet
        await pilot.press("1")
        await pilot.pause()
        assert app.session.can_undo and not undo_key().has_class("-disabled")
        await pilot.press("u")
        await pilot.pause()
        assert not app.session.can_undo and undo_key().has_class("-disabled")
        assert list(footer.query(FooterKey)) == keys  # the same widgets throughout: nothing rebuilt
        assert any(key.has_class("-command-palette") for key in keys)
        footer.fit(60)  # narrow: the palette key goes, so the keys must be built again
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert not any(key.has_class("-command-palette") for key in footer.query(FooterKey))
        assert list(footer.query(FooterKey)) != keys and undo_key().has_class("-disabled")


def test_what_a_static_shows_is_compared_with_its_style() -> None:
    from rich.text import Text

    from game.ui.widgets import same_content

    assert same_content(Text("3 words", style="bold"), Text("3 words", style="bold"))
    assert not same_content(Text("3 words", style="bold"), Text("3 words"))  # Text == ignores the style
    assert not same_content(Text("3 words"), Text("3 words", justify="right"))
    assert not same_content(Text("a"), "a") and same_content("a", "a")


async def test_typing_inside_a_word_leaves_the_word_count_as_it_was() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await straight_to_desk(pilot)
        app.screen.query_one("#body", TextArea).focus()
        await pilot.press("a", "b")
        await pilot.pause()
        count = app.screen.query_one("#count")
        shown = count.content
        assert "1 word" in shown.plain
        await pilot.press("c")
        await pilot.pause()
        assert count.content is shown  # the same count: not drawn again
        await pilot.press("space", "d")
        await pilot.pause()
        assert "2 words" in count.content.plain


@pytest.mark.parametrize("web", [False, True])
async def test_the_desk_cursor_blinks_in_a_terminal_but_not_in_a_browser(web: bool,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui.app import NewsroomApp

    monkeypatch.setattr(NewsroomApp, "is_web", property(lambda self: web))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await straight_to_desk(pilot)
        assert app.screen.query_one("#body", TextArea).cursor_blink is not web
        assert app.screen.query_one("#headline", Input).cursor_blink is not web
