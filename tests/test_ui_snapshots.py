"""Every screen of the game at 80×24, as SVG snapshots (pytest-textual-snapshot).

They use the example scenario, whose text is stable. Regenerate with `pytest --snapshot-update` and look at
the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.ui_helpers import edited_example, make_app, start_game

pytestmark = pytest.mark.usefixtures("data_dir")


def still(app: Any) -> None:
    """No blinking cursors: a snapshot must not depend on when it was taken."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


async def to_desk(pilot: Pilot[Any]) -> None:
    await start_game(pilot, "Ada")
    await pilot.press("1", "1", "1", "1", "1")  # chamber, steps, two questions, the desk
    await pilot.pause()
    desk = pilot.app.screen
    desk.query_one("#headline", Input).value = "Millbrook votes to close its old bridge"
    body = desk.query_one("#body", TextArea)
    body.load_text("The council voted 5-2 on Tuesday to close the old iron bridge from Monday.\n\n")
    body.move_cursor(body.document.end)
    body.focus()
    await pilot.press("ctrl+o")
    still(pilot.app)


def test_title(snap_compare: Any) -> None:
    async def loaded(pilot: Pilot[Any]) -> None:
        await pilot.app.scenario_ready()

    assert snap_compare(make_app(), run_before=loaded)


def test_player_name(snap_compare: Any) -> None:
    async def ask(pilot: Pilot[Any]) -> None:
        await pilot.app.scenario_ready()
        await pilot.press("1")
        await pilot.pause()
        still(pilot.app)

    assert snap_compare(make_app(), run_before=ask)


def test_scene_with_a_quote_gathered(snap_compare: Any) -> None:
    async def ask(pilot: Pilot[Any]) -> None:
        await start_game(pilot)
        await pilot.press("1", "1", "1")  # chamber, steps, ask the mayor

    assert snap_compare(make_app(), run_before=ask)


def test_scene_at_60_by_20(snap_compare: Any) -> None:
    async def chamber(pilot: Pilot[Any]) -> None:
        await start_game(pilot)
        await pilot.press("1")

    assert snap_compare(make_app(), run_before=chamber, terminal_size=(60, 20))


def test_notebook(snap_compare: Any) -> None:
    async def notebook(pilot: Pilot[Any]) -> None:
        await start_game(pilot)
        await pilot.press("1", "2", "1", "1", "n")  # chamber, gallery, check with the mayor, ask why

    assert snap_compare(make_app(), run_before=notebook)


def test_story_desk(snap_compare: Any) -> None:
    assert snap_compare(make_app(), run_before=to_desk)


def test_filing_confirmation(snap_compare: Any) -> None:
    async def file(pilot: Pilot[Any]) -> None:
        await to_desk(pilot)
        await pilot.press("ctrl+f")

    assert snap_compare(make_app(), run_before=file)


async def _review(pilot: Pilot[Any]) -> None:
    """A review built from a fixed report, so the snapshot does not follow the grader's wording."""
    from game.engine import Key
    from game.grader import Finding, Report
    from game.loader import load_scenario
    from game.model import DIMENSIONS
    from game.play.filing import Outcome
    from game.play.session import Session
    from game.ui.screens.review import ReviewScreen
    from tests.conftest import EXAMPLE

    session = Session.start(load_scenario(EXAMPLE), "Ada")
    for key in ("call/1", "chamber/1", "steps/ask:ask-why", "steps/ask:ask-shops", "steps/1"):
        session = session.choose(Key.parse(key))
    headline = "Millbrook votes to close its old bridge"
    body = ("The council voted 5-2 to close the bridge from Monday. Ana Ruiz said: “The engineers were "
            "clear. We close the bridge on Monday or we gamble with lives.”")
    scores = dict.fromkeys(DIMENSIONS, 90) | {"balance": 40}
    report = Report(overall=78, scores=scores, filed_at=600, late_by=0, findings=(
        Finding("news_judgement", "praise", "The lede carries the vote.", (41, 96)),
        Finding("quotes", "praise", "Word for word from the record.", (152, 235)),
        Finding("balance", "error", "Only one side is heard: the opposition is missing.", None),
    ))
    filed = Outcome(session.file(78, frozenset({"balance"})), headline, body, report,
                  strong=("Heard both sides of the vote in their own words.",),
                  card=Path("results/ada_example-bridge.md"))
    app = pilot.app
    await app.scenario_ready()
    app.session = filed.session
    app.show(ReviewScreen(filed.session, filed))


def test_review(snap_compare: Any) -> None:
    assert snap_compare(make_app(), run_before=_review)


async def _review_story(pilot: Pilot[Any]) -> None:
    await _review(pilot)
    await pilot.pause()
    await pilot.press("right")


def test_review_story(snap_compare: Any) -> None:
    """The second tab of the review: the story with the editor's marks in place."""
    assert snap_compare(make_app(), run_before=_review_story)


def test_help(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["question_mark"])


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_problems(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  size: tuple[int, int]) -> None:
    edited_example(tmp_path, ("goto: chamber\n        minutes: 20", "goto: chamberz\n        minutes: 20"),
                   name="bridge.yaml")
    monkeypatch.chdir(tmp_path)  # problems name the file as given: the same on every machine

    async def loaded(pilot: Pilot[Any]) -> None:
        await pilot.app.scenario_ready()

    assert snap_compare(make_app(Path("bridge.yaml")), run_before=loaded, terminal_size=size)


# --- every screen again at 60×20, the smallest size the README promises -------------------------------------

async def _loaded(pilot: Pilot[Any]) -> None:
    await pilot.app.scenario_ready()


async def _name(pilot: Pilot[Any]) -> None:
    await pilot.app.scenario_ready()
    await pilot.press("1")
    await pilot.pause()
    still(pilot.app)


async def _quote(pilot: Pilot[Any]) -> None:
    await start_game(pilot)
    await pilot.press("1", "1", "1")


async def _notebook(pilot: Pilot[Any]) -> None:
    await start_game(pilot)
    await pilot.press("1", "2", "1", "1", "n")


async def _filing(pilot: Pilot[Any]) -> None:
    await to_desk(pilot)
    await pilot.press("ctrl+f")


async def _help(pilot: Pilot[Any]) -> None:
    await pilot.app.scenario_ready()
    await pilot.press("question_mark")


NARROW = {"title": _loaded, "player_name": _name, "scene_with_a_quote": _quote, "notebook": _notebook,
          "story_desk": to_desk, "filing_confirmation": _filing, "help": _help, "review": _review,
          "review_story": _review_story}


@pytest.mark.parametrize("screen", sorted(NARROW))
def test_at_60_by_20(snap_compare: Any, screen: str) -> None:
    assert snap_compare(make_app(), run_before=NARROW[screen], terminal_size=(60, 20))


# --- the hardest fits in any shipped scenario: the longest brief at the desk, the longest choice list -------

def _longest() -> tuple[Path, str, Path]:
    """(the scenario with the longest desk brief, the scenario and scene with the most choices at the start)."""
    from dataclasses import replace

    from game import engine
    from game.bundled import bundled
    from game.loader import load_scenario

    briefs, lists = [], []
    for path in bundled().values():
        scenario = load_scenario(path)
        briefs.append((len(scenario.filing.brief) if scenario.filing else 0, str(path)))
        start = engine.new_game(scenario)
        for scene in scenario.scenes:
            if scene.ending is None:
                count = len(engine.options(scenario, replace(start, scene=scene.id)))
                lists.append((count, str(path), scene.id))
    _, brief_path = max(briefs)
    _, list_path, scene = max(lists)
    return Path(brief_path), scene, Path(list_path)


def _at(scene: str | None, desk: bool = False) -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        from dataclasses import replace

        from game import engine
        from game.play.session import Session

        app = pilot.app
        scenario = await app.scenario_ready()
        state = engine.new_game(scenario)
        state = replace(state, scene=scene or state.scene, at_desk=desk)
        app.begin(Session(scenario, state, (), "Ada"))
        await pilot.pause()
        still(app)
    return run


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_the_longest_brief_at_the_desk(snap_compare: Any, size: tuple[int, int]) -> None:
    brief, _, _ = _longest()
    assert snap_compare(make_app(brief), run_before=_at(None, desk=True), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_the_longest_choice_list(snap_compare: Any, size: tuple[int, int]) -> None:
    _, scene, path = _longest()
    assert snap_compare(make_app(path), run_before=_at(scene), terminal_size=size)
