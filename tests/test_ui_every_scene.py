"""Every scene of every shipped scenario at 60×20, as a player with only a keyboard meets it: the choice
list is on screen, and each choice can be reached with the arrow keys and is then in sight (scrolled into the
list's window, not below the fold). Scenes are entered at the opening clock with nothing gathered: the choices
offered then, whatever conditions allow."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game import engine
from game.bundled import bundled
from game.loader import load_scenario
from game.ui.session import Session
from game.ui.widgets.choice_list import ChoiceList
from tests.ui_helpers import make_app

SIZE = (60, 20)


pytestmark = pytest.mark.usefixtures("data_dir")


def in_sight(choices: ChoiceList, index: int) -> bool:
    rows = [row for row, (option, _) in enumerate(choices._lines) if option == index]
    top = round(choices.scroll_y)
    return bool(rows) and top <= rows[0] and rows[-1] < top + choices.scrollable_content_region.height


@pytest.mark.parametrize("name", sorted(bundled()))
async def test_every_choice_of_every_scene_is_reachable_by_keys_at_60_by_20(name: str) -> None:
    path = bundled()[name]
    scenario = load_scenario(path)
    start = engine.new_game(scenario)
    app = make_app(path, start_new=True)
    async with app.run_test(size=SIZE) as pilot:
        await app.scenario_ready()
        await pilot.pause()
        checked = 0
        for scene in scenario.scenes:
            if scene.ending is not None:
                continue
            state = replace(start, scene=scene.id, visited=(*start.visited, scene.id))
            offered = engine.options(scenario, state)
            if not offered:
                continue
            app.begin(Session(scenario, state))
            await pilot.pause()
            choices = app.screen.query_one(ChoiceList)
            assert choices.option_count == len(offered), scene.id
            region, screen = choices.region, app.screen.region
            assert region.height >= 1 and screen.contains_region(region), f"{name}/{scene.id}: list off screen"
            choices.focus()
            choices.highlighted = 0
            await pilot.pause()
            for index in range(len(offered)):
                assert choices.highlighted == index, f"{name}/{scene.id}"
                assert in_sight(choices, index), f"{name}/{scene.id}: choice {index + 1} out of sight"
                await pilot.press("down")
            checked += 1
        assert checked
