"""The story map: scenes as nodes, choices as labelled edges, in Mermaid or Graphviz DOT.

Endings are drawn as rounded nodes and coloured by tone; the story desk is one node, with an edge per
filing outcome; a choice with chance outcomes has an edge per outcome (with its odds); a timed event is a
node of its own, with an edge to the scene it takes the player to (from wherever they are); scenes no
route can reach, and choices that can never be offered, are drawn dashed and
marked (the same analysis lint uses, so the map and lint agree).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.authoring.reach import reach
from game.model import Condition, Outcome, Scenario, plain_words

FORMATS = ("mermaid", "dot")
LABEL_CHARACTERS = 40
"""Edge labels are cut to this length so the map stays readable."""

TONE_COLOURS = {"great": "#2e7d32", "good": "#7cb342", "mixed": "#f9a825", "poor": "#ef6c00", "bad": "#c62828"}
DESK = "(desk)"
"""The story desk's node key: not a valid id, so no scene can share it."""


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    kind: str
    """"scene", "ending", "desk" or "event"."""
    reachable: bool = True
    tone: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    live: bool = True
    """False when the choice can never be offered (or the outcome never met)."""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1].rstrip() + "…"


def condition_text(condition: Condition) -> str:
    """A condition in a few words, for an edge label."""
    kind = condition.kind
    if kind in ("all", "any"):
        parts = [condition_text(part) for part in (condition.all if kind == "all" else condition.any) or []]
        return (" and " if kind == "all" else " or ").join(parts)
    if kind == "not":
        return f"not {condition_text(condition.not_)}" if condition.not_ else "not"
    if kind == "counter":
        for name, sign in (("at_least", "≥"), ("at_most", "≤"), ("equals", "=")):
            if getattr(condition, name) is not None:
                return f"{condition.counter} {sign} {getattr(condition, name)}"
    return f"{kind.replace('_', ' ')} {condition.part(kind)}"


def outcome_text(outcome: Outcome) -> str:
    tests = []
    if outcome.late is not None:
        tests.append("late" if outcome.late else "on time")
    if outcome.min_score is not None:
        tests.append(f"score ≥ {outcome.min_score}")
    if outcome.max_score is not None:
        tests.append(f"score ≤ {outcome.max_score}")
    if outcome.errors_in:
        tests.append("errors in " + "/".join(outcome.errors_in))
    if outcome.when is not None:
        tests.append(condition_text(outcome.when))
    if outcome.carried:
        tests.append("carried " + "/".join(outcome.carried))
    if outcome.omitted:
        tests.append("omitted " + "/".join(outcome.omitted))
    if outcome.quoted:
        tests.append("quoted " + "/".join(outcome.quoted))
    return ", ".join(tests) or "otherwise"


def story_map(scenario: Scenario) -> tuple[list[Node], list[Edge]]:
    """The map as plain nodes and edges, in the order the file lists them."""
    found = reach(scenario, counted=True)
    nodes: list[Node] = []
    edges: list[Edge] = []
    files = False
    for s, scene in enumerate(scenario.scenes):
        nodes.append(Node(scene.id, scene.title or scene.id, "ending" if scene.ending else "scene",
                          scene.id in found.scenes, scene.ending.tone if scene.ending else None))
        for c, choice in enumerate(scene.choices):
            live = (s, c) in found.choices
            label = _short(plain_words(choice.label)) + (
                f" [if {_short(condition_text(choice.when))}]" if choice.when else "")
            if choice.chance:
                total = sum(outcome.weight for outcome in choice.chance)
                for luck in choice.chance:
                    target = luck.goto or choice.goto
                    if target and target != scene.id:
                        edges.append(Edge(scene.id, target, f"{label} · {luck.id} ({luck.weight}/{total})", live))
                continue
            if choice.file:
                files = True
                edges.append(Edge(scene.id, DESK, label, live))
            elif choice.goto and choice.goto != scene.id:
                edges.append(Edge(scene.id, choice.goto, label, live))
    for e, event in enumerate(scenario.events):
        if event.goto:
            key = f"(event {event.id})"
            nodes.append(Node(key, f"at {event.at}: {event.id}", "event", e in found.events))
            when = f" [if {_short(condition_text(event.when))}]" if event.when else ""
            edges.append(Edge(key, event.goto, f"from any scene{when}", e in found.events))
    if files and scenario.filing:
        nodes.append(Node(DESK, "Story desk", "desk", found.filing))
        for o, outcome in enumerate(scenario.filing.outcomes):
            edges.append(Edge(DESK, outcome.ending, _short(outcome_text(outcome)), o in found.outcomes))
    return nodes, edges


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def mermaid(scenario: Scenario) -> str:
    """The map as a Mermaid flowchart (paste into a Markdown file on GitHub, or mermaid.live)."""
    nodes, edges = story_map(scenario)
    names = {node.key: f"n{index}" for index, node in enumerate(nodes)}
    lines = ["flowchart TD", f"    %% {scenario.title} ({scenario.id}): the story map, from newsroom graph"]
    for node in nodes:
        label = _mermaid_text(node.label)
        if node.kind not in ("desk", "event") and node.label != node.key:
            label += "<br/>" + _mermaid_text(node.key)
        if not node.reachable:
            label += "<br/>(unreachable)"
        shape = {"ending": f'(["{label}"])', "desk": f'{{{{"{label}"}}}}',
                 "event": f'>"{label}"]'}.get(node.kind, f'["{label}"]')
        lines.append(f"    {names[node.key]}{shape}")
    for edge in edges:
        arrow = "-->" if edge.live else "-.->"
        label = _mermaid_text(edge.label + ("" if edge.live else " (never offered)"))
        lines.append(f'    {names[edge.source]} {arrow}|"{label}"| {names[edge.target]}')
    lines.append("    classDef start stroke-width:3px")
    lines.append("    classDef unreachable stroke-dasharray:5 5,color:#888")
    for tone, colour in TONE_COLOURS.items():
        lines.append(f"    classDef {tone} fill:{colour},color:#fff")
    lines.append(f"    class {names[scenario.start_scene]} start")
    for node in nodes:
        if node.tone:
            lines.append(f"    class {names[node.key]} {node.tone}")
        if not node.reachable:
            lines.append(f"    class {names[node.key]} unreachable")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def dot(scenario: Scenario) -> str:
    """The map in Graphviz DOT (`dot -Tsvg map.dot > map.svg`)."""
    nodes, edges = story_map(scenario)
    lines = [f'digraph "{_dot_text(scenario.id)}" {{',
             f'    label="{_dot_text(scenario.title)}: the story map"; labelloc=t;',
             '    node [shape=box, style="rounded", fontname="sans-serif"];',
             '    edge [fontname="sans-serif", fontsize=10];']
    for node in nodes:
        label = _dot_text(node.label)
        if node.kind not in ("desk", "event") and node.label != node.key:
            label += "\\n" + _dot_text(node.key)
        if not node.reachable:
            label += "\\n(unreachable)"
        attributes = [f'label="{label}"']
        style = ["rounded"]
        if node.kind == "ending":
            attributes += ["shape=oval", f'fillcolor="{TONE_COLOURS.get(node.tone or "", "#cccccc")}"',
                           'fontcolor="white"']
            style.append("filled")
        elif node.kind == "desk":
            attributes.append("shape=hexagon")
        elif node.kind == "event":
            attributes.append("shape=cds")
        if node.key == scenario.start_scene:
            attributes.append("penwidth=3")
        if not node.reachable:
            style.append("dashed")
            attributes.append('color="#888888"')
        attributes.append(f'style="{",".join(style)}"')
        lines.append(f'    "{_dot_text(node.key)}" [{", ".join(attributes)}];')
    for edge in edges:
        attributes = [f'label="{_dot_text(edge.label)}"']
        if not edge.live:
            attributes += ["style=dashed", 'color="#888888"', 'fontcolor="#888888"']
        lines.append(f'    "{_dot_text(edge.source)}" -> "{_dot_text(edge.target)}" [{", ".join(attributes)}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(scenario: Scenario, format: str) -> str:
    if format not in FORMATS:
        raise ValueError(f"unknown map format '{format}' (known: {', '.join(FORMATS)})")
    return mermaid(scenario) if format == "mermaid" else dot(scenario)
