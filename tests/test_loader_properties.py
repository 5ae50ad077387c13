"""Random damage to a valid scenario gives a loaded scenario or located problems, never an exception."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.loader import Checked, check_text
from tests.conftest import EXAMPLE

TEXT = EXAMPLE.read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)
DATA = yaml.safe_load(TEXT)

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["No", "12:30", "0755", "~", "call", "ruiz", "vote", "[x]"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def assert_sound(checked: Checked, lines: int) -> None:
    if checked.scenario is not None and not checked.errors:
        return
    assert checked.problems, "a file that did not load must say why"
    for problem in checked.problems:
        assert problem.file == "mutant.yaml"
        assert 1 <= problem.line <= max(lines, 1) + 1, problem
        assert problem.column >= 1
        assert problem.code[0] in "FYSR" and problem.message


@PROPERTY_SETTINGS
@given(st.data())
def test_line_edits(data: st.DataObject) -> None:
    lines = list(LINES)
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "insert"]))
        if action == "delete" and len(lines) > 1:
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, lines[where])
        elif action == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
        elif action == "indent":
            lines[where] = "  " + lines[where]
        elif action == "dedent":
            lines[where] = lines[where][2:] if lines[where].startswith("  ") else lines[where]
        else:
            junk = data.draw(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12))
            column = data.draw(st.integers(0, len(lines[where])))
            lines[where] = lines[where][:column] + junk + lines[where][column:]
    text = "".join(lines)
    assert_sound(check_text(text, "mutant.yaml"), text.count("\n"))


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


PATHS = _paths(DATA)


@PROPERTY_SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(["delete", "replace", "rename"]), values),
                min_size=1, max_size=4))
def test_structure_edits(edits: list[tuple[tuple[Any, ...], str, Any]]) -> None:
    data = copy.deepcopy(DATA)
    for path, action, value in edits:
        parent: Any = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            last = path[-1]
            if action == "delete":
                del parent[last]
            elif action == "replace":
                parent[last] = value
            elif isinstance(parent, dict):
                parent[f"{last}x"] = parent.pop(last)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this path
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert_sound(check_text(text, "mutant.yaml"), text.count("\n"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    assert_sound(check_text(text, "mutant.yaml") if text.strip() else check_text("a: 1", "mutant.yaml"),
                 text.count("\n"))
