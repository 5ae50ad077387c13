"""newsroom graph: the story map in Mermaid and DOT, with endings, the desk and unreachable parts marked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from authoring_helpers import ending, scenario, text_of, with_filing

from game.authoring.graph import DESK, dot, mermaid, story_map
from game.bundled import bundled
from game.cli import main
from game.loader import check_text, load_scenario
from game.model import Scenario


def load(data: dict[str, Any]) -> Scenario:
    checked = check_text(text_of(data), "tiny.yaml")
    assert checked.scenario is not None and not checked.errors
    return checked.scenario


def partly_dead() -> dict[str, Any]:
    data = with_filing(scenario(flags=["never"], scenes=[
        {"id": "start", "title": 'The "big" day', "text": "Start.", "gather": ["ed-go"], "choices": [
            {"label": "Go on", "goto": "end"},
            {"label": "Secret door", "goto": "vault", "when": {"flag": "never"}},
            {"label": "Write it up", "file": True},
            {"label": "Dawdle"}]},
        {"id": "vault", "text": "The vault.", "choices": [{"label": "Out", "goto": "end"}]},
        ending("end", "bad")]), [{"ending": "filed", "min_score": 50}, {"ending": "end"}])
    return data


def test_the_map_has_every_scene_the_desk_and_each_way_between(example: Scenario) -> None:
    nodes, edges = story_map(example)
    assert [node.key for node in nodes] == [scene.id for scene in example.scenes] + [DESK]
    assert {(edge.source, edge.target) for edge in edges} >= {
        ("call", "chamber"), ("chamber", "steps"), ("chamber", "gallery"), ("chamber", DESK),
        ("gallery", "steps"), (DESK, "missed"), (DESK, "correction"), (DESK, "front-page"), (DESK, "inside")}
    outcomes = [edge.label for edge in edges if edge.source == DESK]
    assert outcomes == ["late", "errors in accuracy/verification", "score ≥ 80", "otherwise"]
    gallery = next(edge for edge in edges if edge.target == "gallery")
    assert gallery.label == "Listen to the gossip in the gallery [if before 11:00]"
    assert all(node.reachable for node in nodes) and all(edge.live for edge in edges)
    assert {node.key: node.tone for node in nodes if node.kind == "ending"} == {
        "front-page": "great", "inside": "mixed", "correction": "bad", "missed": "poor"}


def test_unreachable_scenes_and_dead_choices_are_marked() -> None:
    nodes, edges = story_map(load(partly_dead()))
    assert {node.key for node in nodes if not node.reachable} == {"vault"}
    assert [edge.label for edge in edges if not edge.live] == ["Secret door [if flag never]", "Out"]
    assert not any(edge.label == "Dawdle" for edge in edges)  # staying put is not a way anywhere


def test_mermaid_is_well_formed_and_escapes_quotes() -> None:
    text = mermaid(load(partly_dead()))
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    assert 'n0["The #quot;big#quot; day<br/>start"]' in text
    assert re.search(r'n\d+\(\["end<br/>\(unreachable\)"\]\)', text) is None  # 'end' is reachable
    assert '(["Ending end.' not in text
    assert re.search(r'n1\["vault<br/>\(unreachable\)"\]', text)
    assert re.search(r'n0 -\.->\|"Secret door \[if flag never\] \(never offered\)"\| n1', text)
    assert "class n0 start" in text and "class n1 unreachable" in text and "class n2 bad" in text
    for line in lines[1:]:
        assert line.startswith("    ")
        assert line.count('"') % 2 == 0


def test_dot_is_well_formed() -> None:
    text = dot(load(partly_dead()))
    assert text.startswith('digraph "tiny" {') and text.rstrip().endswith("}")
    assert '"start" [label="The \\"big\\" day\\nstart", penwidth=3' in text
    assert '"vault" -> "end"' in text
    assert re.search(r'"start" -> "vault" \[label="Secret door \[if flag never\]", style=dashed', text)
    assert '"(desk)" -> "filed" [label="score ≥ 50"]' in text
    assert text.count("{") == text.count("}")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("name", sorted(bundled()))
def test_graphviz_renders_the_map_of_every_shipped_scenario(name: str) -> None:
    scenario_ = load_scenario(bundled()[name])
    done = subprocess.run(["dot", "-Tsvg"], input=dot(scenario_), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "<svg" in done.stdout and done.stderr == ""


def test_the_command_prints_or_writes_the_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "example-bridge"]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD")
    assert main(["graph", "example-bridge", "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith('digraph "example-bridge"')
    target = tmp_path / "map.mmd"
    assert main(["graph", "example-bridge", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("flowchart TD")


def test_bad_formats_and_files_are_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["graph", "example-bridge", "--format", "svg"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["graph", str(tmp_path / "missing.yaml")]) == 1
    assert "no scenario file" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert main(["graph", "example-bridge", "-o", str(blocker / "map.mmd")]) == 1
    assert "cannot write" in capsys.readouterr().err
