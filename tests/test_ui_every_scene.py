"""Every choice list a player can ever meet in a shipped scenario, at 60×20, as a player with only a keyboard
meets it: the list is on screen, and each choice can be reached with the arrow keys and is then in sight
(scrolled into the list's window, not below the fold).

Which lists can be met is the playtester's answer, not a guess: its exhaustive walk (with a hook that sees
each distinct state it stands in) finds every reachable state of every scene, and each distinct list of
choices on offer (the same scene can offer four choices early and seven once a flag is up) is shown in the
real app from a state that offers it."""

from __future__ import annotations

import pytest

from game import engine
from game.authoring import playtest
from game.bundled import bundled
from game.engine import GameState
from game.loader import load_scenario
from game.model import Scenario
from game.play.session import Session
from game.ui.widgets.choice_list import ChoiceList
from tests.ui_helpers import make_app

SIZE = (60, 20)
WALK_LIMIT = 300_000
"""Enough for the largest shipped scenario's whole walk (storm-night: about 53,000 states)."""


pytestmark = pytest.mark.usefixtures("data_dir")


def every_choice_list(scenario: Scenario) -> dict[tuple[str, tuple[str, ...]], GameState]:
    """One reachable state for each distinct (scene, choices on offer) the scenario can show."""
    met: dict[tuple[str, tuple[str, ...]], GameState] = {}

    def on_state(state: GameState, options: list[engine.Option]) -> None:
        met.setdefault((state.scene, tuple(option.label for option in options)), state)

    report = playtest.explore(scenario, WALK_LIMIT, on_state=on_state, first_look=WALK_LIMIT)
    assert report.exhaustive, f"{scenario.id}: the walk did not finish, so some choice lists would go unchecked"
    return met


def in_sight(choices: ChoiceList, index: int) -> bool:
    rows = [row for row, (option, _) in enumerate(choices._lines) if option == index]
    top = round(choices.scroll_y)
    return bool(rows) and top <= rows[0] and rows[-1] < top + choices.scrollable_content_region.height


@pytest.mark.parametrize("name", sorted(bundled()))
async def test_every_choice_list_a_player_can_meet_is_reachable_by_keys_at_60_by_20(name: str) -> None:
    path = bundled()[name]
    scenario = load_scenario(path)
    met = every_choice_list(scenario)
    playable = {scene.id for scene in scenario.scenes if scene.ending is None}
    assert {scene for scene, _ in met} <= playable
    app = make_app(path, start_new=True)
    async with app.run_test(size=SIZE) as pilot:
        await app.scenario_ready()
        await pilot.pause()
        for (scene, labels), state in met.items():
            where = f"{name}/{scene} with {len(labels)} choices"
            app.begin(Session(scenario, state))
            await pilot.pause()
            choices = app.screen.query_one(ChoiceList)
            assert choices.option_count == len(labels), where
            region, screen = choices.region, app.screen.region
            assert region.height >= 1 and screen.contains_region(region), f"{where}: list off screen"
            choices.focus()
            choices.highlighted = 0
            await pilot.pause()
            if choices.max_scroll_y == 0:  # the whole list in its window: every choice in sight at once
                assert all(in_sight(choices, index) for index in range(len(labels))), where
                await pilot.press(*["down"] * (len(labels) - 1))
                assert choices.highlighted == len(labels) - 1, where
                continue
            for index in range(len(labels)):  # a list that scrolls: each choice in sight when reached
                assert choices.highlighted == index, where
                assert in_sight(choices, index), f"{where}: choice {index + 1} out of sight"
                await pilot.press("down")
    # the walk saw more than the opening clock: some scene offers different lists at different times
    assert len(met) > len({scene for scene, _ in met}), name
