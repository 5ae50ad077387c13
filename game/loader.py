"""YAML file -> Scenario, or every located problem the file has.

Safety and strictness live here: the safe loader only (libyaml's C parser when present); the YAML 1.2
core schema, so `No` stays text and `12:30` stays a time; duplicate keys, foreign tags, alias bombs,
oversized, binary and multi-document files refused with a location. Nothing is ever evaluated.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from game.model import Scenario
from game.problems import Located, Problem, ScenarioError

MAX_BYTES = 16 * 1024 * 1024
"""Scenario files larger than this are refused: the Hanoi scenario is under 100 KB, and a synthetic
10,000-scene scenario about 8 MB."""
MAX_EXPANDED_NODES = 2_000_000
"""Aliases may repeat a part, but not blow the document up past this many nodes (a "billion laughs")."""

try:
    from yaml._yaml import CParser as _Parser  # libyaml: the fast path
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class CoreResolver(BaseResolver):
    """The YAML 1.2 core schema: only true/false, null, plain integers and floats are not text.

    YAML 1.1's surprises (yes/no/on/off as booleans, 12:30 as the number 750, 2019-02-28 as a date,
    0755 as octal) all stay text, so the models can say exactly what was meant.
    """


CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    list("-+0123456789"))
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""])


class StrictConstructor(SafeConstructor):
    """The safe constructor, noting duplicate keys instead of silently keeping the last."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[tuple[Node, str]] = []

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) < len(node.value):
            seen: set[object] = set()
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, ScalarNode) else id(key_node)
                if key in seen:
                    self.duplicates.append((key_node, str(key)))
                seen.add(key)
        return mapping


class StrictLoader(_Parser, StrictConstructor, CoreResolver):  # type: ignore[misc, valid-type]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        StrictConstructor.__init__(self)
        CoreResolver.__init__(self)


def load_yaml(text: str) -> Any:
    """Any YAML text through the strict loader (for tools that read YAML that is not a scenario)."""
    return StrictLoader(text).get_single_data()


def _mark_problem(file: str, mark: Any, code: str, message: str, hint: str | None = None) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(file, line, column, code, message, hint)


def _expanded_size(node: Node) -> int:
    """How many nodes the document has once every alias is expanded (shared parts counted each time)."""
    sizes: dict[int, int] = {}

    def size(current: Node) -> int:
        known = sizes.get(id(current))
        if known is not None:
            return known
        if isinstance(current, MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in current.value)
        elif isinstance(current, SequenceNode):
            total = 1 + sum(size(item) for item in current.value)
        else:
            total = 1
        sizes[id(current)] = min(total, MAX_EXPANDED_NODES + 1)
        return sizes[id(current)]

    return size(node)


# --- reading and parsing -------------------------------------------------------------------------

def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the reason it cannot be a scenario."""
    def refuse(code: str, message: str, hint: str | None = None) -> tuple[None, list[Problem]]:
        return None, [Problem(name, 1, 1, code, message, hint)]

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return refuse("F004", f"file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})",
                          "split the scenario or trim it; scenarios are text, a few hundred KB at most")
        raw = path.read_bytes()
    except OSError as error:
        return refuse("F001", f"cannot read the file: {error.strerror or error}")
    if b"\x00" in raw:
        return refuse("F003", "this is a binary file, not a YAML scenario",
                      "scenarios are UTF-8 text files ending in .yaml")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(name, line, column, "F003", "the file is not UTF-8 text",
                              "save it as UTF-8 (most editors offer this under 'Save as' or 'Encoding')")]
    if not text.strip():
        return refuse("F002", "the file is empty", "start from `newsroom new NAME` or docs/authoring.md")
    return text, []


def parse(text: str, name: str) -> tuple[Any, Located, list[Problem]]:
    """YAML text -> plain data, with the node tree kept for locating problems later."""
    located = Located(name, None)
    loader = StrictLoader(text)
    enabled = gc.isenabled()
    gc.disable()  # building many small objects: the collector would only walk them for nothing
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            return None, located, [_yaml_problem(name, error, text)]
        except yaml.YAMLError as error:
            return None, located, [Problem(name, 1, 1, "Y101", f"YAML error: {error}")]
        located.root = node
        located.text = text
        if node is None:
            return None, located, [Problem(name, 1, 1, "F002", "the file has no content, only comments",
                                           "start from `newsroom new NAME` or docs/authoring.md")]
        if "*" in text and _expanded_size(node) > MAX_EXPANDED_NODES:
            return None, located, [_mark_problem(
                name, node.start_mark, "Y107", "aliases expand this document beyond any real scenario",
                "aliases (*name) may repeat a small part; they cannot multiply it without end")]
        try:
            data = loader.construct_document(node)
        except ConstructorError as error:
            return None, located, [_mark_problem(
                name, error.problem_mark, "Y106", f"tag not allowed: {error.problem}",
                "scenarios are plain YAML: mappings, lists, text, numbers and true/false; "
                "tags such as !!python/object are refused")]
    finally:
        loader.dispose()
        if enabled:
            gc.enable()
    problems = [
        _mark_problem(name, key_node.start_mark, "Y103", f"duplicate key '{key}'",
                      "each key may appear once in a mapping; the earlier value would be silently lost")
        for key_node, key in loader.duplicates
    ]
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        problems.append(_mark_problem(
            name, node.start_mark, "Y104", f"the top level is {kind}, not a mapping",
            "a scenario starts with keys such as `format: 1`, `id:`, `title:`"))
    return data, located, problems


def _character_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _yaml_problem(name: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "YAML syntax error"
    if "expected a single document" in str(error):
        return _mark_problem(name, mark, "Y105", "the file holds several YAML documents",
                             "keep one scenario per file, with no second '---' line")
    if "maximum nesting depth" in problem:
        return _mark_problem(name, mark, "Y108", "the YAML is nested absurdly deep",
                             "scenarios nest a few levels: scenes > choices > conditions")
    if "tab character" in problem or _character_at(text, mark) == "\t":
        return _mark_problem(name, mark, "Y102", "a tab character where YAML needs spaces",
                             "indent with spaces only; set your editor to insert spaces for Tab")
    context = f" ({error.context})" if error.context else ""
    return _mark_problem(name, mark, "Y101", f"YAML syntax error: {problem}{context}",
                         "check the indentation and quoting on this line and the one before")


# --- the whole path ------------------------------------------------------------------------------

@dataclass
class Checked:
    """The result of checking one file: the scenario when it loaded, and every problem found."""

    file: str
    scenario: Scenario | None
    problems: list[Problem]
    located: Located | None = None

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]


def check_text(text: str, name: str, references: bool = True) -> Checked:
    """Check scenario text: syntax, then the models, then cross-references."""
    from game.references import check_references, salvaged_references
    from game.schema_errors import schema_problems

    data, located, problems = parse(text, name)
    if data is None or not isinstance(data, dict):
        return Checked(name, None, problems, located)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems += schema_problems(error, located)
        if references:
            problems += salvaged_references(data, located)
        return Checked(name, None, sorted(problems), located)
    if references:
        problems += check_references(scenario, located)
    return Checked(name, scenario, sorted(problems), located)


def check_file(path: Path, name: str | None = None) -> Checked:
    name = name or str(path)
    text, problems = read_text(path, name)
    if text is None:
        return Checked(name, None, problems)
    return check_text(text, name)


def load_scenario(path: Path | str) -> Scenario:
    """Load a scenario file, raising ScenarioError with every problem if it has any errors."""
    checked = check_file(Path(path))
    if checked.scenario is None or checked.errors:
        raise ScenarioError(checked.problems)
    return checked.scenario


def scenario_files(path: Path) -> Iterator[Path]:
    """The scenario files in a folder (and below it), in a stable order."""
    for candidate in sorted(path.rglob("*")):
        if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
            yield candidate
