"""Option keys are values (`engine.Key`): their one text form round-trips, they order and hash, a bad text
form is refused clearly, and saves written before keys were values (by main's code) still load and play on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine import InvalidChoice, Key
from game.loader import load_scenario
from game.model import Scenario
from game.saves import SaveError, load_game, save_game
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SHIPPED = ("hanoi-summit", "count-night", "example-bridge", "storm-night")

ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_-]{0,20}\Z")
keys = st.builds(Key, ids, st.sampled_from(["choice", "question"]), ids)


# --- the value and its text form -----------------------------------------------------------------

def test_the_text_forms_are_the_ones_saves_have_always_written() -> None:
    assert Key("steps", "question", "ask-why").text == "steps/ask:ask-why"
    assert Key("call", "choice", "1").text == "call/1"
    assert str(Key("call", "choice", "go-on")) == "call/go-on"  # messages and routes show the text form
    assert Key.parse("steps/ask:ask-why") == Key("steps", "question", "ask-why")
    assert Key.parse("steps/asked") == Key("steps", "choice", "asked"), "only 'ask:' marks a question"
    assert Key.parse("steps/ask") == Key("steps", "choice", "ask")


@settings(max_examples=300, deadline=None)
@given(keys)
def test_text_and_value_round_trip(key: Key) -> None:
    assert Key.parse(key.text) == key
    assert Key.parse(key.text).text == key.text
    assert key.asked == (key.id if key.kind == "question" else None)


@settings(max_examples=200, deadline=None)
@given(st.lists(keys, min_size=2, max_size=8))
def test_keys_order_by_scene_then_kind_then_id_and_hash_as_values(found: list[Key]) -> None:
    ordered = sorted(found)
    assert [(k.scene, k.kind, k.id) for k in ordered] == sorted((k.scene, k.kind, k.id) for k in found)
    assert all(a <= b for a, b in zip(ordered, ordered[1:], strict=False))
    rebuilt = [Key.parse(k.text) for k in found]
    assert set(rebuilt) == set(found) and {k: 1 for k in rebuilt}.keys() == {k: 1 for k in found}.keys()


def test_a_choice_and_a_question_of_one_id_are_different_keys() -> None:
    choice, question = Key("s", "choice", "x"), Key("s", "question", "x")
    assert choice != question and len({choice, question}) == 2 and choice < question
    assert Key("a", "question", "z") < Key("b", "choice", "a"), "the scene comes first"


@pytest.mark.parametrize("bad", [
    "", "call", "/1", "call/", "call/ask:", "a/b/c", "a/ask:b:c", "a b/c", "a/ b", "-a/1", "a/-1", "a/ask:-q",
    "a/ask:ask:q", "é/1", "a/1\n", "a\x1b]0;x\x07/1",
])
def test_a_bad_text_form_is_refused_saying_what_a_key_must_be(bad: str) -> None:
    with pytest.raises(ValueError, match=r"'SCENE/CHOICE' or 'SCENE/ask:QUESTION'") as raised:
        Key.parse(bad)
    assert repr(bad) in str(raised.value), "the message shows the text it refused"


@pytest.mark.parametrize("bad", [None, 3, ["call", "1"], ("call", "choice", "1")])
def test_a_key_that_is_not_text_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="must be text"):
        Key.parse(bad)  # type: ignore[arg-type]


# --- keys in the shipped scenarios ---------------------------------------------------------------

@pytest.mark.parametrize("name", SHIPPED)
def test_every_option_of_a_shipped_scenario_has_a_key_that_round_trips(name: str) -> None:
    scenario = load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    for scene in scenario.scenes:
        menu = engine.index(scenario).menus[scene.id]
        found = [option.key for option, _ in (*menu.questions, *menu.choices)]
        assert len(set(found)) == len(found), f"{scene.id}: two options share a key"
        for option, question in menu.questions:
            assert option.key == Key(scene.id, "question", question.id) == Key.parse(option.key.text)
        for position, (option, choice) in enumerate(menu.choices):
            assert option.key == Key(scene.id, "choice", choice.id or str(position + 1))
            assert Key.parse(option.key.text) == option.key


def test_a_choice_is_refused_by_value_not_by_text(example: Scenario) -> None:
    state = engine.new_game(example)
    offered = engine.options(example, state)[0].key
    assert engine.choose(example, state, Key.parse(offered.text)).scene != state.scene
    with pytest.raises(InvalidChoice, match="'call/ask:1' is not on offer"):
        engine.choose(example, state, Key("call", "question", "1"))  # the same id as a question: not it
    with pytest.raises(InvalidChoice):
        engine.choose(example, state, offered.text)  # type: ignore[arg-type]


# --- saves ---------------------------------------------------------------------------------------

MAIN_SAVES = [("save-main-keys-example-bridge.json", "example-bridge"),
              ("save-main-keys-storm-night.json", "storm-night")]
"""Saves written by main's code before keys were values (its questions and chance outcomes included)."""


@pytest.mark.parametrize(("fixture", "name"), MAIN_SAVES)
def test_a_save_from_before_keys_were_values_loads_plays_on_and_is_written_back_the_same(
        tmp_path: Path, fixture: str, name: str) -> None:
    scenario = load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    path = tmp_path / "save.json"
    shutil.copy(FIXTURES / fixture, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    state, undo = load_game(path, scenario)
    assert state.taken and all(isinstance(key, Key) for key in state.taken)
    assert [key.text for key in state.taken] == saved["state"]["taken"]
    assert [step.key.text for step in state.history] == [step[1] for step in saved["state"]["history"]]
    assert any(key.kind == "question" for key in state.taken)
    replayed = engine.new_game(scenario, player=state.player, seed=state.seed)
    for step in state.history:  # the route replays to the saved state, the world's draws included
        replayed = engine.choose(scenario, replayed, step.key)
    assert replayed == state
    for option in engine.options(scenario, state):
        engine.choose(scenario, state, option.key)
    save_game(path, scenario, state, undo)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["state"] == saved["state"] and again["undo"] == saved["undo"], "the save format is unchanged"


@pytest.mark.parametrize(("where", "bad"), [
    ("taken", ["call/1", "call/ask:"]), ("taken", ["call"]), ("taken", [3]), ("taken", "call/1"),
    ("history", [["call", "call 1", "Take the call", 540]]), ("history", [["call", None, "Take the call", 540]]),
])
def test_a_corrupt_key_in_a_save_is_explained_as_a_damaged_save(
        tmp_path: Path, example: Scenario, where: str, bad: object) -> None:
    path = tmp_path / "save.json"
    save_game(path, example, engine.choose(example, engine.new_game(example), Key.parse("call/1")))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["state"][where] = bad
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=r"is damaged \(.*(key|taken).*\); start a new game"):
        load_game(path, example)
