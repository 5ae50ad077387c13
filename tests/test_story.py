"""engine.Story, the compiled scenario the play layer plays through, agrees with the engine's loose functions
(the thin wrappers the authoring tools and tests use) step by step over random playthroughs of every
shipped scenario: the same options, the same next state, the same scene, the same filing."""

from __future__ import annotations

import random

import pytest

from game import engine
from game.loader import load_scenario
from game.model import Scenario
from game.play.session import Session
from tests.conftest import ROOT

SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))
PLAYTHROUGHS = 6
MAX_STEPS = 200


@pytest.fixture(scope="module", params=SHIPPED, ids=lambda path: path.stem)
def shipped(request: pytest.FixtureRequest) -> Scenario:
    return load_scenario(request.param)


def test_there_are_four_shipped_scenarios() -> None:
    assert len(SHIPPED) == 4, SHIPPED


def test_a_story_is_compiled_once_per_scenario(shipped: Scenario) -> None:
    story = engine.Story.of(shipped)
    assert engine.Story.of(shipped) is story
    assert story.scenario is shipped and story.index is engine.index(shipped)
    assert Session.start(shipped).story is story
    other = shipped.model_copy(deep=True)
    assert engine.Story.of(other) is not story and engine.Story.of(other).scenario is other


def test_story_and_the_loose_functions_agree_over_random_playthroughs(shipped: Scenario) -> None:
    story = engine.Story.of(shipped)
    endings: set[str] = set()
    steps = 0
    for game in range(PLAYTHROUGHS):
        pick = random.Random(f"{shipped.id}/{game}")
        seed = pick.randrange(2**31)
        state = story.start(player="Ana", seed=seed)
        assert state == engine.new_game(shipped, "Ana", seed)
        for _ in range(MAX_STEPS):
            assert story.scene(state) is engine.current_scene(shipped, state)
            if state.ending:
                endings.add(state.ending)
                break
            if state.at_desk:
                if pick.random() < 0.2 and story.options(story.leave_desk(state)):
                    state = story.leave_desk(state)
                    continue
                score, words = pick.randint(0, 100), pick.randint(0, 900)
                errors = frozenset(pick.sample(["accuracy", "quotes", "attribution"], pick.randint(0, 2)))
                filed = story.file(state, score, errors, words)
                assert filed == engine.file_story(shipped, state, score, errors, words)
                assert filed.filed_at == story.filing_time(state, words) == engine.filing_time(shipped, state, words)
                state = filed
                continue
            offered = story.options(state)
            assert offered == engine.options(shipped, state)
            assert offered, f"stuck in {state.scene} at {engine.clock(state)}"
            option = pick.choice(offered)
            after = story.choose(state, option.key)
            assert after == engine.choose(shipped, state, option.key)
            for luck, _ in engine.chances(shipped, state, option.key):
                assert story.choose(state, option.key, luck) == engine.choose(shipped, state, option.key, luck)
            state = after
            steps += 1
        assert state.ending, f"playthrough {game} of {shipped.id} did not end in {MAX_STEPS} steps"
    assert steps > PLAYTHROUGHS  # the walks went somewhere
    assert endings


def test_story_refuses_what_is_not_on_offer(shipped: Scenario) -> None:
    story = engine.Story.of(shipped)
    state = story.start()
    missing = engine.Key(state.scene, "choice", "no-such-choice")
    with pytest.raises(engine.InvalidChoice):
        story.choose(state, missing)
    with pytest.raises(engine.InvalidChoice):
        engine.choose(shipped, state, missing)
