"""The editor's review as a player meets it: the verdict (the ending and the marks) fits 80×24 without
scrolling for every ending of every shipped scenario, and the arrow keys move between the tabs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.widgets import TabbedContent

from game.bundled import bundled
from game.grader import Finding, Report
from game.loader import load_scenario
from game.model import DIMENSIONS
from game.play.filing import Outcome
from game.play.session import Session
from game.ui.screens.review import ReviewScreen
from tests.ui_helpers import make_app, screen_text

pytestmark = pytest.mark.usefixtures("data_dir")

LONG_BODY = "\n\n".join(f"Paragraph {n} of the story, long enough to wrap across the width of the screen "
                        "and make the page taller than the terminal." for n in range(30))


def review_at(session: Session, ending: str, body: str = LONG_BODY) -> Outcome:
    """A filed story that reached `ending`, with a report that marks one error and a praise."""
    state = replace(session.state, scene=ending, ending=ending, filed_at=session.state.time + 40,
                    at_desk=False, quotes=tuple(quote.id for quote in session.scenario.quotes))
    scores = dict.fromkeys(DIMENSIONS, 85) | {"balance": 30}
    report = Report(overall=72, scores=scores, filed_at=state.filed_at, late_by=0, findings=(
        Finding("balance", "error", "Only one side is heard.", None),
        Finding("quotes", "praise", "Word for word.", (0, 9)),
    ))
    return Outcome(replace(session, state=state, undo=()), "A headline", body, report,
                 strong=("Heard both sides.",), card=Path("results/a_card.md"))


async def show(pilot: Any, filed: Outcome) -> ReviewScreen:
    app = pilot.app
    await app.scenario_ready()
    app.session = filed.session
    app.show(ReviewScreen(filed.session, filed))
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


@pytest.mark.parametrize("name", sorted(bundled()))
async def test_the_verdict_of_every_ending_fits_80_by_24_without_scrolling(name: str) -> None:
    path = bundled()[name]
    scenario = load_scenario(path)
    session = Session.start(scenario, "Ada")
    endings = [scene.id for scene in scenario.scenes if scene.ending is not None]
    assert endings
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        for ending in endings:
            screen = await show(pilot, review_at(session, ending))
            page = screen.query_one("#verdict VerticalScroll", VerticalScroll)
            assert page.max_scroll_y == 0, f"{name}/{ending}: the verdict scrolls by {page.max_scroll_y}"
            text = screen_text(pilot.app)
            assert "Overall 72/100" in text and "deadline" in text, f"{name}/{ending}"
            assert "1 error · 1 praise" in text, f"{name}/{ending}"


async def test_the_arrow_keys_move_between_tabs_and_scroll_the_page_shown(example: Any) -> None:
    filed = review_at(Session.start(example, "Ada"), "correction")
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await show(pilot, filed)
        tabs = screen.query_one(TabbedContent)
        seen = [tabs.active]
        for _ in range(4):
            await pilot.press("right")
            await pilot.pause()
            seen.append(tabs.active)
        assert seen == ["verdict", "story", "strong", "choices", "verdict"]
        await pilot.press("left")
        await pilot.pause()
        assert tabs.active == "choices"
        await pilot.press("left", "left")
        await pilot.pause()
        assert tabs.active == "story"
        page = screen.query_one("#story VerticalScroll", VerticalScroll)
        assert pilot.app.focused is page
        assert page.max_scroll_y > 0 and page.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert page.scroll_y > 0, "PageDown scrolls the long story"
        await pilot.press("end")
        await pilot.pause()
        assert "Word for word." in screen_text(pilot.app), "the findings are reachable at the end"


async def test_a_day_ended_without_a_story_shows_the_verdict_and_the_choices_only(example: Any) -> None:
    session = Session.start(example, "Ada")
    ending = next(scene.id for scene in example.scenes if scene.ending is not None)
    ended = replace(session, state=replace(session.state, scene=ending, ending=ending))
    async with make_app().run_test(size=(80, 24)) as pilot:
        app = pilot.app
        await app.scenario_ready()
        app.session = ended
        app.show(ReviewScreen(ended, None))
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        panes = [pane.id for pane in tabs.query("TabPane")]
        assert "story" not in panes and "strong" not in panes and panes[0] == "verdict"
        assert "Overall" not in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen), "p plays again from the review"


async def test_the_choices_tab_lists_what_the_day_was_about(example: Any) -> None:
    filed = review_at(Session.start(example, "Ada"), "correction")
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await show(pilot, filed)
        screen.query_one(TabbedContent).active = "choices"
        await pilot.pause()
        page = screen.query_one("#choices VerticalScroll", VerticalScroll)
        page.scroll_end(animate=False)
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "What the day was about" in text
        assert " ".join(example.objectives[-1].split())[:40] in text
