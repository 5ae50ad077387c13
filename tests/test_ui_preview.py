"""The title screen's quick read: wherever the line reader answers, libyaml agrees with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.preview import WANTED, Preview, head, preview_from, read_preview, read_simple_head, read_yaml
from tests.conftest import ROOT

WORDS = st.one_of(
    st.text(alphabet="abcXYZ019 .,'é–“”", min_size=1, max_size=24),  # what authors mostly write
    st.text(alphabet="abcXYZ019 .,:;'\"#-?!&*[]{}|>%@`é–“”", min_size=1, max_size=24),  # and the rest
)


def plain(value: str) -> str:
    return value


def double(value: str) -> str:
    return f'"{value}"'


def single(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@st.composite
def values(draw: st.DrawFn) -> str:
    """A YAML value for a wanted key, in one of the styles scenario authors use (and some they do not)."""
    style = draw(st.sampled_from(["plain", "double", "single", "folded", "literal", "list"]))
    if style in ("plain", "double", "single"):
        return " " + {"plain": plain, "double": double, "single": single}[style](draw(WORDS))
    if style == "list":
        items = draw(st.lists(WORDS, min_size=1, max_size=3))
        indent = draw(st.sampled_from(["", "  "]))
        return "\n" + "\n".join(f"{indent}- {draw(st.sampled_from([plain, double, single]))(item)}"
                                for item in items)
    header = draw(st.sampled_from([">", ">-", "|", "|-", ">+", ">2"]))
    lines = draw(st.lists(st.one_of(WORDS, st.just("")), min_size=1, max_size=4))
    return f" {header}\n" + "\n".join(f"  {line}" if line else "" for line in lines)


@st.composite
def heads(draw: st.DrawFn) -> str:
    keys = draw(st.permutations(["format", "id", "version", "title", "summary", "authors", "objectives"]))
    parts = ["# yaml-language-server: $schema=scenario.schema.json"] if draw(st.booleans()) else []
    for key in keys:
        if key == "format":
            parts.append("format: 1")
        elif key == "version":
            parts.append('version: "1.0"')
        elif key == "authors":
            parts.append(draw(st.sampled_from(["authors: [A, B]", "authors:\n  - A\n  - B", "authors:\n- A"])))
        else:
            parts.append(f"{key}:{draw(values())}")
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["", "# a comment", "  # indented comment"])))
    return "\n".join(parts) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heads())
def test_the_line_reader_agrees_with_libyaml_whenever_it_answers(text: str) -> None:
    simple = read_simple_head(text)
    if simple is None:
        return
    full = read_yaml(text)
    assert isinstance(full, dict), text
    for key in WANTED:
        assert simple.get(key) == full.get(key), (key, text)


@pytest.mark.parametrize("name", ["example-bridge", "hanoi-summit"])
def test_the_shipped_scenarios_are_read_without_libyaml(name: str) -> None:
    text = (ROOT / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8")
    simple = read_simple_head(head(text))
    assert simple is not None
    assert preview_from(simple) == preview_from(read_yaml(text))


def test_anything_else_falls_back_to_libyaml(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text('{id: flow, title: "A \\u00e9 title", objectives: [one, two]}\n', encoding="utf-8")
    assert read_simple_head(path.read_text(encoding="utf-8")) is None
    assert read_preview(path) == Preview("flow", "A é title", "", ("one", "two"))


def test_the_preview_refuses_no_file_the_loader_would_take() -> None:
    from game.loader import MAX_BYTES
    from game.ui.preview import MAX_PREVIEW_BYTES

    assert MAX_PREVIEW_BYTES == MAX_BYTES
