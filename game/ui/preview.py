"""A quick look at a scenario file for the title screen, before the full check has run.

The full load (pydantic models, cross-references) takes a noticeable fraction of a second, and even
importing a YAML library costs the first frame about 5%. The title screen only needs the id, title, summary
and objectives, which open every scenario in a few lines of the simplest YAML. So the quick read takes the
file's head (up to the first key the title does not need) and reads it line by line when it is written in
that simple YAML, asking libyaml only when it is not. The app draws its first frame from this and runs the
full check in a worker; whatever the quick read gets wrong, the checked scenario corrects a moment later (or
the problems screen replaces the title). A test holds the line reader to libyaml's answers.

Measured (benchmarks/bench_startup.py, 12 runs, time to the first frame against a bare Textual app, in the
same run, on the 2-core CI machine, 2026-12-03): 1.18 and 1.14 with this reader, 1.31 and 1.31 when the
head goes to libyaml instead; the target is 1.3. That is why there are two YAML readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.play.title import TitleView, title_view

MAX_PREVIEW_BYTES = 16 * 1024 * 1024
"""The loader's own limit (game.loader.MAX_BYTES), written out: importing the loader would bring in the
YAML library and the models before the first frame. A test keeps the two equal."""


@dataclass(frozen=True)
class Preview:
    """What the title screen shows about a scenario."""

    id: str
    title: str
    summary: str
    objectives: tuple[str, ...] = ()
    """All the learning objectives, shown once the player has played."""
    before_play: tuple[str, ...] | None = None
    """The objectives worded to give nothing away, shown before play (None: show `objectives`)."""

    @classmethod
    def of(cls, scenario: Any) -> Preview:
        """The preview of a checked `Scenario`."""
        before = scenario.objectives_before_play
        return cls(scenario.id, scenario.title, scenario.summary, tuple(scenario.objectives),
                   None if before is None else tuple(before))

    def view(self, played: bool) -> TitleView:
        """What the title screen shows (`game.play.title`): the spoiler-free objectives before play, all after."""
        return title_view(self.title, self.summary, self.objectives, self.before_play, played)


TITLE_KEYS = ("format", "id", "version", "title", "summary", "authors", "language", "objectives",
              "objectives_before_play")
"""The top-level keys a scenario usually opens with; the quick read parses only as far as these go."""
WANTED = ("id", "title", "summary", "objectives", "objectives_before_play")
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:", re.MULTILINE)


def head(text: str) -> str:
    """The text up to the first top-level key the title screen does not need (all of it if none)."""
    for match in _TOP_LEVEL_KEY.finditer(text):
        if match.group(1) not in TITLE_KEYS:
            return text[: match.start()]
    return text


def read_preview(path: Path) -> Preview | None:
    """The scenario's id, title, summary and objectives, or None if the file cannot be read that far."""
    try:
        if path.stat().st_size > MAX_PREVIEW_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    top = head(text)
    simple = read_simple_head(top)
    found = preview_from(simple) if simple is not None else None
    return found or preview_from(read_yaml(top)) or preview_from(read_yaml(text))


def preview_from(data: object) -> Preview | None:
    if not isinstance(data, dict):
        return None
    scenario_id, title = data.get("id"), data.get("title")
    if not isinstance(scenario_id, str) or not isinstance(title, str):
        return None
    summary = data.get("summary")
    objectives = data.get("objectives")
    before = data.get("objectives_before_play")
    return Preview(
        scenario_id, title, summary if isinstance(summary, str) else "",
        tuple(item for item in objectives if isinstance(item, str)) if isinstance(objectives, list) else (),
        tuple(item for item in before if isinstance(item, str)) if isinstance(before, list) else None,
    )


def read_yaml(text: str) -> object:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
    except (yaml.YAMLError, RecursionError):
        return None


# --- the line reader for the simplest YAML -------------------------------------------------------

class NotSimple(Exception):
    """The head uses YAML this reader does not follow; libyaml reads it instead."""


_KEY_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$")
_ITEM_LINE = re.compile(r"^([ ]*)-(?:[ ]+(.*))?$")
_NOT_TEXT = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?"
    r"|[-+]?\.\d+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0[xob][0-9a-fA-F_]+|\d+(?::\d+)+|\d{4}-\d\d-\d\d.*"
    r"|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$"
)
"""Plain words YAML (1.1 or 1.2) reads as something other than text."""
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
"""Tabs, carriage returns, control characters and YAML's other line breaks: libyaml judges those."""


def read_simple_head(text: str) -> dict[str, object] | None:
    """The wanted keys of a head written in the simplest YAML, or None when it is written any other way.

    Follows: `key: value` at the left margin with plain or one-line quoted text, folded (`>`, `>-`) and
    literal (`|`, `|-`) blocks, block lists of one-line items, and comments on lines of their own.
    """
    if _UNUSUAL.search(text) or text.lstrip().startswith(("---", "%")):
        return None
    lines = text.split("\n")
    data: dict[str, object] = {}
    index = 0
    try:
        while index < len(lines):
            line = lines[index]
            if _skippable(line):
                index += 1
                continue
            match = _KEY_LINE.match(line)
            if match is None:
                raise NotSimple(line)
            key, value = match.group(1), (match.group(2) or "").rstrip()
            if key in data or key not in TITLE_KEYS:
                raise NotSimple(key)
            index += 1
            if key not in WANTED:  # skip its value: the rest of the line and what is indented or listed under it
                data[key] = None
                while index < len(lines) and (_skippable(lines[index]) or lines[index][0] in " -"):
                    index += 1
                continue
            if value in (">", ">-", "|", "|-"):
                block, index = _block(lines, index)
                data[key] = _block_text(block, folded=value[0] == ">", keep_end=not value.endswith("-"))
            elif value == "":
                items, index = _items(lines, index)
                data[key] = items
            else:
                data[key] = _scalar(value)
                if index < len(lines) and lines[index].startswith(" ") and lines[index].strip():
                    raise NotSimple("a value continued on the next line")
    except NotSimple:
        return None
    return {key: data[key] for key in WANTED if key in data}


def _skippable(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _scalar(value: str) -> object:
    """One line of text: plain, 'single-quoted' or "double-quoted" (without escapes)."""
    if value[0] == '"':
        if not value.endswith('"') or len(value) < 2 or "\\" in value or '"' in value[1:-1]:
            raise NotSimple(value)
        return value[1:-1]
    if value[0] == "'":
        inner = value[1:-1]
        if not value.endswith("'") or len(value) < 2 or "'" in inner.replace("''", ""):
            raise NotSimple(value)
        return inner.replace("''", "'")
    if value[0] in "&*!%@`{}[]|>?,#-:" or ": " in value or " #" in value or value.endswith(":"):
        raise NotSimple(value)
    if _NOT_TEXT.match(value):
        raise NotSimple(value)  # a number, a boolean, null or a date: libyaml says which
    return value


def _block(lines: list[str], index: int) -> tuple[list[str], int]:
    """The lines of a block scalar: all indented the same, blank lines allowed between them."""
    block: list[str] = []
    indent: int | None = None
    while index < len(lines):
        line = lines[index]
        if not line:
            block.append("")
            index += 1
            continue
        if not line.strip():
            raise NotSimple("a line of spaces in a block")
        spaces = len(line) - len(line.lstrip(" "))
        if spaces == 0:
            break
        if indent is None:
            indent = spaces
        elif spaces != indent:
            raise NotSimple("a block with varying indentation")
        block.append(line[indent:])
        index += 1
    while block and block[-1] == "":
        block.pop()
    if not block or block[0] == "":
        raise NotSimple("an empty block, or one opening with blank lines")
    return block, index


def _block_text(block: list[str], folded: bool, keep_end: bool) -> str:
    if any(line != line.rstrip() for line in block):
        raise NotSimple("trailing spaces in a block")
    end = "\n" if keep_end else ""
    if not folded:
        return "\n".join(block) + end
    text = ""
    for position, line in enumerate(block):
        if position == 0:
            text = line
        elif line == "":
            text += "\n"
        elif block[position - 1] == "":
            text += line
        else:
            text += " " + line
    return text + end


def _items(lines: list[str], index: int) -> tuple[list[object], int]:
    """A block list of one-line items (an empty value with no list under it is refused)."""
    items: list[object] = []
    indent: int | None = None
    while index < len(lines):
        line = lines[index]
        if _skippable(line):
            index += 1
            continue
        match = _ITEM_LINE.match(line)
        if match is None:
            break
        if indent is None:
            indent = len(match.group(1))
        elif len(match.group(1)) != indent:
            raise NotSimple("a list with varying indentation")
        if not match.group(2):
            raise NotSimple("an empty list item")
        items.append(_scalar(match.group(2).rstrip()))
        index += 1
        if index < len(lines) and lines[index].strip() and not _ITEM_LINE.match(lines[index]) \
                and lines[index].startswith(" "):
            raise NotSimple("a list item continued on the next line")
    if not items:
        raise NotSimple("an empty value")
    return items, index
