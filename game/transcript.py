"""Transcripts and report cards: what a player did and filed, kept as files a teacher can collect.

Every filed story becomes a transcript (a JSON-ready dict: who played, which scenario, the route with game
times, the notebook, the story, the editor's grade and the ending) saved twice, side by side: `NAME.json`
for `newsroom report` and `NAME.md`, a report card a person reads, with the story annotated where the
editor found something. Files are written atomically and a new one never replaces an old one, so a class
can share one results folder.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import tempfile
import textwrap
from datetime import datetime
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from game import __version__
from game.engine import GameState, debrief, index, notebook, say
from game.model import DIMENSIONS, QUOTE_KIND_NAMES, Scenario, clock_text, dimension_name, minutes_of
from game.paths import data_dir

if TYPE_CHECKING:
    from game.grader import Filed, Report

TRANSCRIPT_FORMAT = "newsroom-transcript"
TRANSCRIPT_VERSION = 1


class TranscriptError(OSError):
    """A transcript could not be saved or read. The message names the file and says why."""


def default_results_dir() -> Path:
    """Where report cards go unless the player chooses: the user data folder's `results`."""
    return data_dir() / "results"


# --- building ------------------------------------------------------------------------------------

def build_transcript(scenario: Scenario, state: GameState, filed: Filed, report: Report,
                     player: str | None) -> dict[str, Any]:
    """Everything a teacher needs about one filed story, as a JSON-ready dict: `filed` is what the editor
    graded (`game.play.filing.filed_from`), `state` the game at its ending."""
    story = filed.story
    lookup = index(scenario)
    route = []
    for step in state.history:
        scene = lookup.scenes.get(step.scene)
        entry: dict[str, Any] = {
            "time": clock_text(step.time), "scene": step.scene,
            "scene_title": scene.title if scene else None, "place": scene.place if scene else None,
            "choice": step.key.text, "label": step.label, "kind": step.key.kind,
        }
        if step.key.kind == "question" and scene and scene.questions:
            question = next((q for q in scene.questions.asked if q.id == step.key.id), None)
            if question and question.to in lookup.people:
                entry["to"] = lookup.people[question.to].name
        route.append(entry)
    book = notebook(scenario, state)
    ending = lookup.scenes.get(state.ending or "")
    return {
        "format": TRANSCRIPT_FORMAT,
        "transcript_version": TRANSCRIPT_VERSION,
        "newsroom_version": __version__,
        "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "player": (player or "").strip() or None,
        "scenario": {"id": scenario.id, "version": scenario.version, "title": scenario.title},
        "deadline": scenario.clock.deadline,
        "route": route,
        "scenes_visited": list(state.visited),
        "notebook": {
            "quotes": [{"id": entry.quote.id, "speaker": entry.speaker.name, "real": entry.speaker.real,
                        "text": entry.quote.text, "kind": entry.quote.kind, "context": entry.quote.context,
                        "time": entry.quote.time} for entry in book.quotes],
            "facts": [{"id": entry.fact.id, "statement": entry.fact.statement, "status": entry.status,
                       "claimed_by": entry.claimed_by.name if entry.claimed_by else None,
                       "check": entry.fact.check if entry.fact.id in state.verified else None}
                      for entry in book.facts],
        },
        "story": {"headline": story.headline, "body": story.body, "words": len(story.body.split())},
        "filed": filed.notebook_json(),
        "grade": report.to_json(),
        "ending": ({"id": ending.id, "title": ending.ending.title, "tone": ending.ending.tone,
                    "text": say(scenario, state, ending.text)} if ending and ending.ending else None),
        "debrief": [{"principle": principle, "text": text} for principle, text in debrief(scenario, state)],
    }


# --- saving --------------------------------------------------------------------------------------

def save_transcript(transcript: dict[str, Any], results_dir: Path | None = None) -> tuple[Path, Path]:
    """Write NAME.json and NAME.md (the report card) into the results folder; never replaces a file.

    NAME is made of the player's name, the scenario id and the time it was saved, plus a counter when
    another card already has that name. Raises TranscriptError when the folder cannot be written.
    """
    folder = Path(results_dir) if results_dir is not None else default_results_dir()
    json_text = json.dumps(transcript, indent=1, ensure_ascii=False) + "\n"
    card_text = report_card(transcript)
    base = card_stem(transcript)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number in itertools.count(1):
            stem = base if number == 1 else f"{base}-{number}"
            json_path, md_path = folder / f"{stem}.json", folder / f"{stem}.md"
            if json_path.exists() or md_path.exists() or not _write_new(json_path, json_text):
                continue
            if not _write_new(md_path, card_text):
                json_path.unlink()
                continue
            return json_path, md_path
    except OSError as error:
        raise TranscriptError(f"the report card could not be saved in {folder}: "
                              f"{error.strerror or error}") from None
    raise AssertionError("unreachable")  # pragma: no cover


def card_stem(transcript: dict[str, Any]) -> str:
    """The file name (without extension) a transcript is saved under, before any counter."""
    player = _slug(str(transcript.get("player") or "")) or "anonymous"
    scenario = _slug(str((transcript.get("scenario") or {}).get("id") or "")) or "scenario"
    try:
        saved = datetime.fromisoformat(str(transcript.get("saved_at")))
    except ValueError:
        saved = datetime.now()
    return f"{player}_{scenario}_{saved:%Y-%m-%d_%H%M%S}"


def _slug(text: str) -> str:
    words = re.findall(r"[^\W_]+", text.lower())
    return "-".join(words)[:40].strip("-")


def _write_new(path: Path, text: str) -> bool:
    """Write a file that did not exist, all at once; False (and nothing written) if it exists."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError:
            # No hard links on this file system: claim the name first, then move the content in.
            try:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            except FileExistsError:
                return False
            os.replace(temporary, path)
        return True
    finally:
        Path(temporary).unlink(missing_ok=True)


# --- the report card -----------------------------------------------------------------------------

REPORT_CARD = Path(__file__).with_name("report_card.md.in")
"""The report card's words and layout, a file in the package: parts, each a `string.Template`."""


@functools.cache
def card_parts() -> dict[str, Template]:
    """The parts of `report_card.md.in` by name (its text before the first part is its own description)."""
    parts: dict[str, list[str]] = {}
    lines: list[str] | None = None
    for line in REPORT_CARD.read_text(encoding="utf-8").splitlines():
        if line.startswith("%% "):
            lines = parts.setdefault(line[3:].strip(), [])
        elif lines is not None:
            lines.append(line)
    for lines in parts.values():
        while lines and not lines[-1].strip():
            lines.pop()
    return {name: Template("\n".join(lines)) for name, lines in parts.items()}


def _part(part: str, /, **values: object) -> str:
    """One part of the report card filled in (`Template.substitute`: a name the part lacks is an error)."""
    return card_parts()[part].substitute({key: str(value) for key, value in values.items()})


def report_card(transcript: dict[str, Any]) -> str:
    """The transcript as a Markdown report card: grade, annotated story, findings, route, notebook.

    The words and layout are `report_card.md.in`; here each value is escaped for Markdown and put in."""
    scenario = transcript["scenario"]
    grade = transcript["grade"]
    story = transcript["story"]
    ending = transcript.get("ending")
    late_by = int(grade.get("late_by") or 0)
    findings = list(grade.get("findings") or [])
    text = f"{story['headline']}\n\n{story['body']}"
    marked = [(number, finding) for number, finding in enumerate(findings, 1)
              if _span(finding, text) and finding.get("severity") != "praise"]
    notes = []
    for number, finding in enumerate(findings, 1):
        where = ""
        span = _span(finding, text)
        if span:
            passage = _excerpt(text[span[0]:span[1]])
            where = _part("finding where", passage=_inline(passage if passage[:1] in "\"“‘'" else f"“{passage}”"))
        note = _part("finding", number=number, dimension=dimension_name(finding["dimension"]),
                     severity=finding["severity"], message=_inline(finding["message"]), where=where)
        if finding.get("detail"):
            note += _part("finding detail",
                          detail="\n".join("   " + line for line in _fenced(str(finding["detail"]))))
        notes.append(note)
    debrief = transcript.get("debrief") or []
    debrief_section = ""
    if debrief:
        debrief_section = _part("debrief section", notes="\n".join(
            _part("debrief note", principle=_part("principle", principle=_inline(note["principle"])) + " "
                  if note.get("principle") else "", text=_inline(note["text"]))
            for note in debrief))
    route = "".join(
        "\n" + _part("route step", time=step["time"], where=_inline(step.get("scene_title") or step["scene"]),
                     what=_inline(_part("asked", to=step["to"], label=step["label"]) if step.get("to")
                                  else step["label"]))
        for step in transcript.get("route") or [])
    book = transcript.get("notebook") or {}
    quotes = [_part("quote", speaker=_inline(q["speaker"]), kind=QUOTE_KIND_NAMES.get(q["kind"], q["kind"]),
                    time=_part("quote time", time=q["time"]) if q.get("time") else "", text=_inline(q["text"]))
              for q in book.get("quotes") or []]
    facts = [_part("fact", statement=_inline(f["statement"]), status=f["status"],
                   claimed_by=_part("claimed by", name=_inline(f["claimed_by"])) if f.get("claimed_by") else "",
                   check=_part("checked", check=_inline(f["check"])) if f.get("check") else "")
             for f in book.get("facts") or []]
    return _part(
        "card",
        title=_inline(scenario["title"]),
        player=_inline(transcript.get("player") or "(no name given)"),
        scenario=_inline(scenario["id"]),
        version=_inline(scenario["version"]),
        filed_at=grade.get("filed_at", "?"),
        deadline=transcript.get("deadline", "?"),
        lateness=_part("late", minutes=late_by) if late_by else _part("on time"),
        ending_line=_part("ending line", title=_inline(ending["title"]), tone=ending["tone"]) if ending
        else _part("no ending"),
        saved_at=transcript.get("saved_at", "?"),
        overall=grade["overall"],
        scores="\n".join(_part("score", dimension=dimension_name(name), score=grade["scores"].get(name, "?"))
                         for name in DIMENSIONS),
        marked_note=_part("marked note") + "\n\n" if marked else "",
        story="\n".join(_fenced(_annotate(text, marked))),
        words=story.get("words", len(story["body"].split())),
        findings="\n".join(notes) or _part("no findings"),
        ending_section=_part("ending section", title=_inline(ending["title"]), text=_inline(ending.get("text") or ""))
        if ending else "",
        debrief_section=debrief_section,
        route=route,
        quotes="\n".join(quotes) or _part("no quotes"),
        facts="\n".join(facts) or _part("no facts"),
        newsroom_version=transcript.get("newsroom_version", ""),
    ) + "\n"


def _span(finding: dict[str, Any], text: str) -> tuple[int, int] | None:
    span = finding.get("span")
    if not span or len(span) != 2:
        return None
    start, end = int(span[0]), int(span[1])
    return (start, end) if 0 <= start < end <= len(text) else None


def _annotate(text: str, marked: list[tuple[int, dict[str, Any]]]) -> str:
    """The text with ⟦ before and ⟧N after each finding's span (N: the note's number; "1,2" for two notes)."""
    numbers: dict[tuple[int, int], list[str]] = {}
    for number, finding in marked:
        numbers.setdefault(_span(finding, text) or (0, 0), []).append(str(number))
    inserts: list[tuple[int, int, int, str]] = []
    for (start, end), labels in numbers.items():
        inserts += [(start, 1, -end, "⟦"), (end, 0, -start, "⟧" + ",".join(labels))]
    pieces, last = [], 0
    for position, _, _, mark in sorted(inserts):
        pieces += [text[last:position], mark]
        last = position
    pieces.append(text[last:])
    return "".join(pieces)


def _fenced(text: str, width: int = 100) -> list[str]:
    """A fenced block showing the text exactly, each paragraph wrapped for reading."""
    wrapped = []
    for line in text.splitlines() or [""]:
        wrapped += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *wrapped, fence]


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inline(text: str) -> str:
    """Text safe inside a Markdown line: characters that would start formatting are escaped."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join(str(text).split()))


# --- reading -------------------------------------------------------------------------------------
#
# One model of a transcript, for writing and reading: `build_transcript` writes exactly the fields declared
# here (tests/test_transcript.py reads a written transcript back and dumps it again: nothing may be lost),
# and every field a transcript of an older Newsroom may lack has a default.

class _Read(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class FindingRecord(_Read):
    dimension: str
    severity: str
    message: str
    code: str | None = None
    """The grader's stable name for the finding (e.g. "quotes.invented"), when the grader gives one."""
    span: tuple[int, int] | None = None
    detail: str | None = None


class GradeRecord(_Read):
    overall: int = Field(ge=0, le=100)
    scores: dict[str, int]
    findings: list[FindingRecord] = []
    filed_at: str | None = None
    late_by: int = 0
    facts: list[str] = []
    """The key facts the story carried (an ending may depend on them)."""
    quoted: list[str] = []
    """The people the story quoted."""

    @field_validator("scores")
    @classmethod
    def _every_dimension(cls, scores: dict[str, int]) -> dict[str, int]:
        missing = [name for name in DIMENSIONS if name not in scores]
        if missing:
            raise ValueError(f"no score for {', '.join(missing)}")
        return scores


class ScenarioRecord(_Read):
    id: str
    version: str
    title: str


class EndingRecord(_Read):
    id: str
    title: str
    tone: str
    text: str = ""


class StoryRecord(_Read):
    headline: str
    body: str
    words: int = 0


class RouteStep(_Read):
    """One choice or question on the player's way, with the game time it was taken."""

    time: str
    scene: str
    scene_title: str | None = None
    place: str | None = None
    choice: str
    label: str
    kind: Literal["choice", "question"] = "choice"
    to: str | None = None
    """For a question: the name of the person asked."""


class DebriefRecord(_Read):
    principle: str | None = None
    text: str


class FiledRecord(_Read):
    """What the editor graded (`game.grader.Filed` without the story): enough to grade it again."""

    quotes: list[str] = []
    facts: list[str] = []
    verified: list[str] = []
    filed_at: int


class NotebookQuote(_Read):
    id: str
    speaker: str = ""
    real: bool = False
    text: str = ""
    kind: str = ""
    context: str = ""
    time: str | None = None


class NotebookFact(_Read):
    id: str
    statement: str = ""
    status: str = ""
    claimed_by: str | None = None
    check: str | None = None


class NotebookRecord(_Read):
    quotes: list[NotebookQuote] = []
    facts: list[NotebookFact] = []


class TranscriptRecord(_Read):
    """What `newsroom report` needs from a transcript file, checked field by field."""

    format: Literal["newsroom-transcript"]
    transcript_version: int
    newsroom_version: str | None = None
    saved_at: str | None = None
    player: str | None = None
    scenario: ScenarioRecord
    deadline: str | None = None
    route: list[RouteStep] = []
    scenes_visited: list[str] = []
    notebook: NotebookRecord | None = None
    story: StoryRecord
    filed: FiledRecord | None = None
    """Written since the transcript learned to keep it; older ones are re-graded from their notebook."""
    grade: GradeRecord
    ending: EndingRecord | None = None
    debrief: list[DebriefRecord] = []

    def filed_notebook(self) -> FiledRecord | None:
        """What the editor graded: as kept, or (a transcript from before it was kept) read back from the
        notebook and the time in the grade. None when neither is there."""
        if self.filed is not None:
            return self.filed
        if self.notebook is None or self.grade.filed_at is None:
            return None
        try:
            at = minutes_of(self.grade.filed_at)
        except ValueError:  # a time the grade wrote in another form: nothing to grade it again by
            return None
        facts = self.notebook.facts
        return FiledRecord(quotes=[quote.id for quote in self.notebook.quotes], facts=[fact.id for fact in facts],
                           verified=[fact.id for fact in facts if fact.status in ("verified", "disproved")],
                           filed_at=at)


def load_transcript(path: Path) -> TranscriptRecord:
    """A transcript file, checked. Raises TranscriptError saying plainly what is wrong with it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TranscriptError(f"{path}: not a text file, so not a Newsroom transcript") from None
    except OSError as error:
        raise TranscriptError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TranscriptError(f"{path}: damaged: not valid JSON ({error.msg} at line {error.lineno}, "
                              f"column {error.colno})") from None
    if not isinstance(data, dict) or data.get("format") != TRANSCRIPT_FORMAT:
        raise TranscriptError(f"{path}: not a Newsroom transcript (it has no "
                              f"\"format\": \"{TRANSCRIPT_FORMAT}\")")
    version = data.get("transcript_version")
    if not isinstance(version, int) or version > TRANSCRIPT_VERSION:
        raise TranscriptError(f"{path}: written by a newer Newsroom (transcript version {version}); "
                              "update Newsroom to read it")
    try:
        return TranscriptRecord.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        more = f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else ""
        raise TranscriptError(f"{path}: damaged transcript: {where}: {first['msg']}{more}") from None
