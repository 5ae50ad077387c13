"""The class report: every student's report card in a results folder, read together.

`read_results` collects the transcripts (naming each file it could not use, and why); `markdown`,
`csv_text` and `json_data` present them: each student's scores, the class averages, the findings most
students share, the endings reached, and a link to each report card.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from game.model import DIMENSIONS, dimension_name
from game.transcript import TranscriptError, TranscriptRecord, load_transcript

CLASS_REPORT_FORMAT = "newsroom-class-report"
SHARED_SEVERITIES = ("error", "warning")
"""Findings counted as "most common findings": the ones a lesson should address."""
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2, "praise": 3}


@dataclass(frozen=True)
class Student:
    """One report card: the transcript file, its Markdown card beside it (if there), and what it holds."""

    path: Path
    card: Path | None
    record: TranscriptRecord

    @property
    def name(self) -> str:
        return self.record.player or "(no name given)"


@dataclass(frozen=True)
class Unread:
    """A file in the results folder that could not be used, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class SharedFinding:
    """A finding several students share: its most common wording, and how many students had it."""

    dimension: str
    severity: str
    message: str
    students: int
    wordings: int = 1
    code: str | None = None
    """How many wordings (differing only in numbers) were counted together."""

    @property
    def text(self) -> str:
        return self.message + (" (and similar)" if self.wordings > 1 else "")


@dataclass(frozen=True)
class ScenarioResults:
    """The report cards for one scenario."""

    id: str
    title: str
    versions: tuple[str, ...]
    students: tuple[Student, ...]

    def averages(self) -> dict[str, float]:
        """The class average of the overall score and of each dimension, to one decimal place."""
        count = len(self.students)
        averages = {"overall": round(sum(s.record.grade.overall for s in self.students) / count, 1)}
        for name in DIMENSIONS:
            averages[name] = round(sum(s.record.grade.scores[name] for s in self.students) / count, 1)
        return averages

    def shared_findings(self, severities: tuple[str, ...] = SHARED_SEVERITIES) -> list[SharedFinding]:
        """Findings by how many students had each (a student counts once per finding), most shared first.

        Findings with the same code (the grader's stable name, e.g. "quotes.invented") count as one; so do
        findings without a code that differ only in their numbers ("2 words differ", "3 words differ").
        Each is shown in its most common wording.
        """
        students: Counter[tuple[str, str, str]] = Counter()
        wordings: dict[tuple[str, str, str], Counter[str]] = {}
        codes: dict[tuple[str, str, str], bool] = {}
        for student in self.students:
            keys = set()
            for finding in student.record.grade.findings:
                if finding.severity in severities:
                    key = (finding.dimension, finding.severity,
                           finding.code or re.sub(r"\d+", "#", finding.message))
                    keys.add(key)
                    codes[key] = finding.code is not None
                    wordings.setdefault(key, Counter())[finding.message] += 1
            students.update(keys)
        ordered = sorted(students.items(),
                         key=lambda item: (-item[1], SEVERITY_ORDER.get(item[0][1], 9), item[0][0], item[0][2]))
        shared = []
        for key, count in ordered:
            dimension, severity, grouped = key
            wording = wordings[key].most_common(1)[0][0]
            code = grouped if codes.get(key) else None
            shared.append(SharedFinding(dimension, severity, wording, count, len(wordings[key]), code))
        return shared

    def errors_by_dimension(self) -> dict[str, int]:
        """How many students had at least one error in each dimension."""
        return {name: sum(any(f.dimension == name and f.severity == "error" for f in s.record.grade.findings)
                          for s in self.students) for name in DIMENSIONS}

    def endings(self) -> list[tuple[str, str, int]]:
        """(ending title, tone, students) for each ending reached, most reached first."""
        counts = Counter((s.record.ending.title, s.record.ending.tone) if s.record.ending else ("none", "")
                         for s in self.students)
        return [(title, tone, count) for (title, tone), count in counts.most_common()]


@dataclass(frozen=True)
class ClassResults:
    scenarios: tuple[ScenarioResults, ...]
    unread: tuple[Unread, ...]
    sources: tuple[Path, ...]

    @property
    def count(self) -> int:
        return sum(len(group.students) for group in self.scenarios)


def transcript_files(source: Path) -> list[Path]:
    """The transcript files in a results folder, or the file itself.

    A folder's *.json files count, and those one folder down (`newsroom serve` gives each student a
    folder); hidden files and folders do not (the served class keeps its own data in one).
    """
    if source.is_dir():
        found = [*source.glob("*.json"), *source.glob("*/*.json")]
        return sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(source).parts)
                      and p.is_file())
    return [source]


def read_results(sources: Iterable[Path]) -> ClassResults:
    """Every usable transcript in the folders (or files) given, grouped by scenario.

    Raises FileNotFoundError naming a source that does not exist.
    """
    sources = tuple(Path(source) for source in sources)
    students: list[Student] = []
    unread: list[Unread] = []
    for source in sources:
        if not source.exists():
            raise FileNotFoundError(f"{source}: no such folder or file")
        for path in transcript_files(source):
            try:
                record = load_transcript(path)
            except TranscriptError as error:
                unread.append(Unread(path, str(error).removeprefix(f"{path}: ")))
                continue
            card = path.with_suffix(".md")
            students.append(Student(path, card if card.is_file() else None, record))
    groups: dict[str, list[Student]] = {}
    for student in students:
        groups.setdefault(student.record.scenario.id, []).append(student)
    scenarios = []
    for scenario_id, members in sorted(groups.items()):
        members.sort(key=lambda s: (s.record.player is None, s.name.casefold(), s.record.saved_at or "", s.path.name))
        versions = tuple(sorted({s.record.scenario.version for s in members}))
        scenarios.append(ScenarioResults(scenario_id, members[-1].record.scenario.title, versions,
                                         tuple(members)))
    return ClassResults(tuple(scenarios), tuple(unread), sources)


def _link(path: Path | None, link_from: Path | None) -> str:
    """A path to a report card as the reader of the class report will follow it."""
    if path is None:
        return ""
    if link_from is not None:
        try:
            return Path(os.path.relpath(path.resolve(), link_from.resolve())).as_posix()
        except ValueError:  # another drive on Windows
            return path.resolve().as_posix()
    return path.as_posix()


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def markdown(results: ClassResults, link_from: Path | None = None) -> str:
    """The class report as Markdown; links to report cards are relative to `link_from` when given."""
    where = ", ".join(source.as_posix() for source in results.sources)
    lines = [f"# Class report: {results.count} report card{'s' if results.count != 1 else ''} from {where}", ""]
    headers = ["student", "overall", *(dimension_name(name) for name in DIMENSIONS), "ending", "report card"]
    for group in results.scenarios:
        total = len(group.students)
        versions = ", ".join(group.versions)
        lines += [f"## {_cell(group.title)}", "",
                  f"Scenario `{group.id}` (version {versions}): {total} report card{'s' if total != 1 else ''}.",
                  "", "### Scores", "",
                  "| " + " | ".join(headers) + " |",
                  "|---|" + "---:|" * (1 + len(DIMENSIONS)) + "---|---|"]
        for student in group.students:
            grade = student.record.grade
            ending = student.record.ending.title if student.record.ending else "none"
            card = student.card or student.path
            lines.append("| " + " | ".join([
                _cell(student.name), str(grade.overall), *(str(grade.scores[name]) for name in DIMENSIONS),
                _cell(ending), f"[{_cell(card.name)}]({quote(_link(card, link_from))})"]) + " |")
        averages = group.averages()
        lines.append("| **class average** | " + " | ".join(
            f"**{_number(averages[name])}**" for name in ("overall", *DIMENSIONS)) + " |  |  |")
        shared = group.shared_findings()
        lines += ["", "### Most common findings", ""]
        lines += [f"- **{f.students} of {total}** — {f.dimension.replace('_', ' ')} ({f.severity}): "
                  f"{_cell(f.text)}" for f in shared[:10]] or ["No errors or warnings. Well done, all."]
        if len(shared) > 10:
            lines.append(f"- … and {len(shared) - 10} more (see the JSON format for all of them)")
        praise = group.shared_findings(("praise",))
        if praise:
            lines += ["", "### What went well most often", ""]
            lines += [f"- **{f.students} of {total}** — {f.dimension.replace('_', ' ')}: {_cell(f.text)}"
                      for f in praise[:5]]
        errors = group.errors_by_dimension()
        lines += ["", "### Students with an error, by dimension", "", "| dimension | students |", "|---|---:|"]
        lines += [f"| {name.replace('_', ' ')} | {errors[name]} of {total} |" for name in DIMENSIONS]
        lines += ["", "### Endings reached", "", "| ending | tone | students |", "|---|---|---:|"]
        lines += [f"| {_cell(title)} | {tone} | {count} of {total} |" for title, tone, count in group.endings()]
        lines.append("")
    if results.unread:
        lines += ["## Files not read", ""]
        lines += [f"- `{item.path.as_posix()}`: {_cell(item.reason)}" for item in results.unread]
        lines.append("")
    return "\n".join(lines)


def json_data(results: ClassResults, link_from: Path | None = None) -> dict[str, Any]:
    """The class report as a JSON-ready dict (every shared finding, not only the first ten)."""
    scenarios = []
    for group in results.scenarios:
        total = len(group.students)
        scenarios.append({
            "id": group.id, "title": group.title, "versions": list(group.versions), "students": [
                {"player": s.record.player, "overall": s.record.grade.overall,
                 "scores": {name: s.record.grade.scores[name] for name in DIMENSIONS},
                 "ending": s.record.ending.model_dump() if s.record.ending else None,
                 "filed_at": s.record.grade.filed_at, "late_by": s.record.grade.late_by,
                 "saved_at": s.record.saved_at, "transcript": _link(s.path, link_from),
                 "report_card": _link(s.card, link_from) or None}
                for s in group.students],
            "averages": group.averages(),
            "common_findings": [{"dimension": f.dimension, "severity": f.severity, "code": f.code,
                                 "message": f.message,
                                 "wordings": f.wordings, "students": f.students, "of": total}
                                for f in group.shared_findings()],
            "errors_by_dimension": group.errors_by_dimension(),
            "endings": [{"title": title, "tone": tone, "students": count}
                        for title, tone, count in group.endings()],
        })
    return {"format": CLASS_REPORT_FORMAT, "report_cards": results.count, "scenarios": scenarios,
            "unread": [{"file": item.path.as_posix(), "reason": item.reason} for item in results.unread]}


def csv_text(results: ClassResults, link_from: Path | None = None) -> str:
    """One row per report card, for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["player", "scenario", "version", "overall", *DIMENSIONS, "ending", "tone", "filed_at",
                     "late_by", "errors", "saved_at", "report_card"])
    for group in results.scenarios:
        for s in group.students:
            grade, ending = s.record.grade, s.record.ending
            writer.writerow([
                _spreadsheet_safe(s.record.player or ""), group.id, s.record.scenario.version, grade.overall,
                *(grade.scores[name] for name in DIMENSIONS),
                _spreadsheet_safe(ending.title) if ending else "", ending.tone if ending else "",
                grade.filed_at or "", grade.late_by, sum(f.severity == "error" for f in grade.findings),
                s.record.saved_at or "", _link(s.card or s.path, link_from)])
    return buffer.getvalue()


def _spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula (a name such as "=1+1")."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


GRADEBOOK_COLUMNS = ("student", "overall", *DIMENSIONS, "ending", "filed_at", "saved_at", "scenario", "report_card")


def gradebook_csv(results: ClassResults, link_from: Path | None = None) -> str:
    """One row per student, for a gradebook: their latest report card for each scenario.

    A student is a folder of `newsroom serve` (a seat) when the card is in one, otherwise the name on the
    card; cards with no name are each their own row. Scores are 0–100.
    """
    latest: dict[tuple[str, str], Student] = {}
    for group in results.scenarios:
        for number, student in enumerate(group.students):
            key = (group.id, _student_key(student, results.sources, number))
            kept = latest.get(key)
            if kept is None or (student.record.saved_at or "") >= (kept.record.saved_at or ""):
                latest[key] = student
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # what spreadsheets and gradebooks expect
    writer.writerow(GRADEBOOK_COLUMNS)
    for (scenario, _), s in sorted(latest.items(), key=lambda item: (item[0][0], item[1].name.casefold())):
        grade, ending = s.record.grade, s.record.ending
        writer.writerow([_spreadsheet_safe(s.name), grade.overall, *(grade.scores[name] for name in DIMENSIONS),
                         _spreadsheet_safe(ending.title) if ending else "", grade.filed_at or "",
                         s.record.saved_at or "", scenario, _link(s.card or s.path, link_from)])
    return buffer.getvalue()


def _student_key(student: Student, sources: tuple[Path, ...], number: int) -> str:
    for source in sources:
        try:
            parts = student.path.resolve().relative_to(source.resolve()).parts
        except ValueError:
            continue
        if len(parts) == 2:
            return "seat:" + parts[0]
    return "name:" + student.record.player.casefold() if student.record.player else f"card:{number}"


# --- grading again ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Regraded:
    """What `regrade` did: the results with fresh grades, and a line for each card it changed or left."""

    results: ClassResults
    changed: tuple[str, ...]
    """"Ana: 72 -> 81" for each card whose overall grade moved."""
    kept: tuple[str, ...]
    """Each card left with its old grade, and why (its scenario is not known, or it has no notebook)."""


def regrade(results: ClassResults, scenarios: Iterable[Any]) -> Regraded:
    """Every report card graded again by this Newsroom's editor, from what it filed (the story, the
    notebook it was written from, the time it went in), against the scenario of the same id.

    Nothing on disk changes: the report is made from the fresh grades. A card whose scenario is not among
    `scenarios`, or that kept no notebook, keeps its old grade and is named in `kept`. The ending stays the
    one the game reached.
    """
    from game.grader import Filed, Story, grade_filed
    from game.transcript import GradeRecord

    known = {scenario.id: scenario for scenario in scenarios}
    changed: list[str] = []
    kept: list[str] = []
    groups = []
    for group in results.scenarios:
        students = []
        for student in group.students:
            record = student.record
            scenario = known.get(record.scenario.id)
            notebook = record.filed_notebook()
            if scenario is None or notebook is None:
                why = (f"scenario '{record.scenario.id}' not found (give its file with --scenario)"
                       if scenario is None else "the card kept no notebook to grade it by")
                kept.append(f"{student.name} ({student.path.name}): {why}")
                students.append(student)
                continue
            filed = Filed(Story(record.story.headline, record.story.body), tuple(notebook.quotes),
                          tuple(notebook.facts), tuple(notebook.verified), notebook.filed_at)
            report = grade_filed(scenario, filed)
            grade = GradeRecord.model_validate_json(json.dumps(report.to_json()))
            if grade.overall != record.grade.overall:
                version = ("" if scenario.version == record.scenario.version
                           else f" (filed on version {record.scenario.version}, graded on {scenario.version})")
                changed.append(f"{student.name}: {record.grade.overall} -> {grade.overall}{version}")
            students.append(Student(student.path, student.card, record.model_copy(update={"grade": grade})))
        groups.append(ScenarioResults(group.id, group.title, group.versions, tuple(students)))
    return Regraded(ClassResults(tuple(groups), results.unread, results.sources), tuple(changed), tuple(kept))
