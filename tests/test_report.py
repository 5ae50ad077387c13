"""The class report: every report card in a folder, read together; bad files named, the rest reported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from game import engine
from game.cli import main
from game.engine import Key
from game.grader import Story, grade_filed
from game.model import DIMENSIONS, Scenario
from game.play.filing import filed_from
from game.transcript import build_transcript, save_transcript

GOOD = Story(
    "Council votes 5-2 to close the old bridge",
    "Millbrook's council voted 5-2 on Tuesday to close the old iron bridge from Monday.\n\n"
    "\u201cThe engineers were clear. We close the bridge on Monday or we gamble with lives,\u201d said Mayor "
    "Ana Ruiz.\n\nCouncillor Daniel Okafor opposed the closure. \u201cEvery shop on River Street just lost half "
    "its customers,\u201d he said.")
RUMOUR = Story(
    "Bridge to close, but will reopen within a month",
    "The council voted 5-2 to close the bridge from Monday. The bridge will reopen within a month.\n\n"
    "\u201cEvery shop on River Street just lost half its customers,\u201d said Councillor Daniel Okafor.")
MISQUOTE = Story(
    "Council votes 5-2 to close the old bridge",
    "The council voted 5-2 to close the bridge.\n\n"
    "\u201cWe close the bridge on Monday or we risk lives,\u201d said Mayor Ana Ruiz.")
ROUTES = {
    "good": ("call/1", "chamber/1", "steps/ask:ask-why", "steps/ask:ask-shops", "steps/1"),
    "rumour": ("call/1", "chamber/2", "gallery/1", "steps/ask:ask-shops", "steps/1"),
    "misquote": ("call/1", "chamber/1", "steps/ask:ask-why", "steps/1"),
}


def file_story(scenario: Scenario, route: str, story: Story, player: str | None, results: Path) -> Path:
    state = engine.new_game(scenario)
    for key in ROUTES[route]:
        state = engine.choose(scenario, state, Key.parse(key))
    filed = filed_from(scenario, state, story)
    report = grade_filed(scenario, filed)
    state = engine.file_story(scenario, state, report.overall, report.error_dimensions)
    return save_transcript(build_transcript(scenario, state, filed, report, player), results)[0]


@pytest.fixture
def results(example: Scenario, tmp_path: Path) -> Path:
    folder = tmp_path / "results"
    file_story(example, "good", GOOD, "Ana", folder)
    file_story(example, "rumour", RUMOUR, "Ben", folder)
    file_story(example, "rumour", RUMOUR, "Cleo", folder)
    file_story(example, "misquote", MISQUOTE, None, folder)
    (folder / "broken.json").write_text('{"format": "newsroom-transcript", "transcript_', encoding="utf-8")
    (folder / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    (folder / "class-notes.md").write_text("# notes", encoding="utf-8")
    (folder / ".half-written.json.tmp").write_text("{", encoding="utf-8")
    return folder


def test_markdown_report(results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(results)]) == 1  # two files skipped, the rest reported
    out, err = capsys.readouterr()
    assert out.startswith(f"# Class report: 4 report cards from {results.as_posix()}")
    assert "## The Old Bridge (example)" in out
    rows = {line.split(" | ")[0]: line for line in out.splitlines() if line.startswith("| ")}
    grades = {path.name.split("_")[0]: json.loads(path.read_text(encoding="utf-8"))["grade"]
              for path in results.glob("*_example-bridge_*.json")}
    ana = grades["ana"]
    marks = [ana["overall"], *(ana["scores"][name] for name in DIMENSIONS)]
    assert rows["| Ana"].startswith("| Ana | " + " | ".join(map(str, marks)) + " | Front page |")
    assert f"| (no name given) | {grades['anonymous']['overall']} |" in out
    assert rows["| Ben"].split(" | ")[10] == "Correction"
    card = next(results.glob("ana_*.md"))
    assert f"[{card.name}]({card.as_posix()})" in rows["| Ana"]
    average = round(sum(grade["overall"] for grade in grades.values()) / 4, 1)
    assert f"| **class average** | **{average:.1f}".removesuffix(".0") + "** |" in out
    assert "- **2 of 4** — verification (error): A rumour reported as fact, and it is false." in out
    assert "- **3 of 4** — completeness (warning): Too short: " in out and "(and similar)" in out
    assert "| verification | 2 of 4 |" in out and "| deadline | 0 of 4 |" in out
    assert "| Correction | bad | 2 of 4 |" in out and "| Front page | great | 1 of 4 |" in out
    assert "## Files not read" in out
    assert f"`{(results / 'broken.json').as_posix()}`: damaged: not valid JSON" in out
    assert "settings.json`: not a Newsroom transcript" in out
    assert "half-written" not in out and "class-notes" not in out
    assert f"skipped {results / 'broken.json'}: damaged: not valid JSON" in err
    assert "Traceback" not in err


def test_csv_report_is_one_row_per_student(results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(results), "--format", "csv"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["player"] for row in rows] == ["Ana", "Ben", "Cleo", ""]
    assert rows[1]["verification"] == "40" and rows[1]["ending"] == "Correction" and rows[1]["errors"] == "3"
    assert all(Path(row["report_card"]).is_file() for row in rows)
    assert list(rows[0])[3:12] == ["overall", *DIMENSIONS]


def test_json_report_to_a_file_links_relative_to_it(results: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "reports" / "class.json"
    assert main(["report", str(results), "--format", "json", "--output", str(output)]) == 1
    assert "written to" in capsys.readouterr().err
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["report_cards"] == 4 and len(data["unread"]) == 2
    (group,) = data["scenarios"]
    overalls = [student["overall"] for student in group["students"]]
    assert group["averages"]["overall"] == round(sum(overalls) / 4, 1)
    verification = [student["scores"]["verification"] for student in group["students"]]
    assert group["averages"]["verification"] == round(sum(verification) / 4, 1)
    assert group["endings"][0] == {"title": "Correction", "tone": "bad", "students": 2}
    first = group["students"][0]
    assert first["player"] == "Ana" and first["report_card"].startswith("../results/ana_")
    assert (output.parent / first["report_card"]).is_file()
    rumour = next(f for f in group["common_findings"] if f["dimension"] == "verification")
    assert (rumour["students"], rumour["of"], rumour["severity"]) == (2, 4, "error")


def test_a_clean_folder_exits_zero(example: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file_story(example, "good", GOOD, "Ana", tmp_path)
    assert main(["report", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "No errors or warnings" in out and "Files not read" not in out and err == ""


def test_nothing_to_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "missing")]) == 2
    assert "missing: no such folder" in capsys.readouterr().err
    (tmp_path / "junk.json").write_text("[]", encoding="utf-8")
    assert main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "junk.json: not a Newsroom transcript" in err and "no report cards in" in err


def test_bad_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", str(tmp_path), "--format", "xls"])
    assert stop.value.code == 2
    assert "invalid choice: 'xls'" in capsys.readouterr().err


def test_a_spreadsheet_never_runs_a_name_as_a_formula(example: Scenario, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    file_story(example, "good", GOOD, "=HYPERLINK(\"http://x\")", tmp_path)
    main(["report", str(tmp_path), "--format", "csv"])
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["player"] == "'=HYPERLINK(\"http://x\")"


# --- grading again (newsroom report --regrade) ------------------------------------------------------

def rewrite(path: Path, change: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")


def overall_by_player(text: str) -> dict[str | None, int]:
    data = json.loads(text)
    return {s["player"]: s["overall"] for group in data["scenarios"] for s in group["students"]}


def test_regrade_grades_each_card_again_from_what_it_filed(example: Scenario, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "class"
    ana = file_story(example, "good", GOOD, "Ana", folder)
    ben = file_story(example, "rumour", RUMOUR, "Ben", folder)
    cleo = file_story(example, "misquote", MISQUOTE, "Cleo", folder)
    assert main(["report", str(folder), "--format", "json"]) == 0
    filed = overall_by_player(capsys.readouterr().out)

    # as an older editor would have graded them: Ana far too low, Ben far too high
    rewrite(ana, lambda d: d["grade"].update(overall=12))
    rewrite(ben, lambda d: d["grade"].update(overall=99))
    # and Cleo's card is from before transcripts kept what was filed: graded again from its notebook
    rewrite(cleo, lambda d: d.pop("filed"))
    assert main(["report", str(folder), "--format", "json"]) == 0
    assert overall_by_player(capsys.readouterr().out) == {**filed, "Ana": 12, "Ben": 99}

    assert main(["report", str(folder), "--format", "json", "--regrade"]) == 0
    out, err = capsys.readouterr()
    assert overall_by_player(out) == filed  # the same story, notebook and time: the grade it got when filed
    assert f"Ana: 12 -> {filed['Ana']}" in err and f"Ben: 99 -> {filed['Ben']}" in err
    assert "graded 3 report cards again" in err and "2 changed" in err and "Cleo" not in err
    assert json.loads(ana.read_text(encoding="utf-8"))["grade"]["overall"] == 12  # nothing on disk changed


def test_regrade_keeps_a_card_whose_scenario_it_cannot_find_and_refuses_a_broken_one(
        example: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "class"
    card = file_story(example, "good", GOOD, "Ana", folder)
    rewrite(card, lambda d: d["scenario"].update(id="a-teachers-own"))
    assert main(["report", str(folder), "--regrade", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "not regraded: Ana" in err and "scenario 'a-teachers-own' not found" in err and "--scenario" in err
    assert overall_by_player(out)["Ana"] == json.loads(card.read_text(encoding="utf-8"))["grade"]["overall"]

    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    assert main(["report", str(folder), "--regrade", "--scenario", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "cannot regrade against" in err and "broken.yaml:" in err and "Traceback" not in err
