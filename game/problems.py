"""Problems found in a scenario: small located records, collected, sorted and printed."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from typing import Literal

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a scenario file, with where it is and what to do about it."""

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.code} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file, "line": self.line, "column": self.column, "code": self.code,
            "severity": self.severity, "message": self.message, "hint": self.hint,
        }


class ScenarioError(Exception):
    """A scenario could not be loaded; `problems` says every reason, each located."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def did_you_mean(word: str, known: list[str] | tuple[str, ...], what: str = "") -> str:
    """A hint naming the closest known words, or listing them all when none is close."""
    close = get_close_matches(word, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f"'{name}'" for name in close) + "?"
    if not known:
        return f"there are no {what} yet" if what else "nothing is known here"
    shown = ", ".join(sorted(known)[:12]) + (", ..." if len(known) > 12 else "")
    return f"known {what or 'names'}: {shown}"


@dataclass
class Located:
    """The YAML node tree of a file, kept so problems found later can be pointed at a line."""

    file: str
    root: Node | None
    text: str = ""
    """The file's text, for pointing inside a scalar (a template in the middle of a paragraph)."""

    def find(self, path: tuple[object, ...], key: bool = False) -> Node | None:
        """The node at a path of mapping keys and list indexes (the key's own node when `key`).

        Path parts that do not match the tree (pydantic's union and validator labels) are skipped.
        """
        node = self.root
        last = len(path) - 1
        for index, part in enumerate(path):
            if isinstance(node, MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == part:
                        if key and index == last:
                            return key_node
                        node = value_node
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
        return node

    def problem(self, path: tuple[object, ...], code: str, message: str,
                hint: str | None = None, key: bool = False, severity: str = "error") -> Problem:
        node = self.find(path, key=key)
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        return Problem(self.file, line, column, code, message, hint, severity)  # type: ignore[arg-type]
