"""What the teacher reads: the gradebook CSV, findings grouped by code, a served class's live status, --watch."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from game import engine
from game.classroom.report import gradebook_csv, read_results
from game.classroom.seats import Roster
from game.classroom.status import class_status
from game.cli import main
from game.commands.report import watch_frame
from game.engine import Key
from game.model import DIMENSIONS, Scenario
from game.saves import save_game
from tests.test_report import GOOD, MISQUOTE, RUMOUR, file_story


def served_class(example: Scenario, tmp_path: Path) -> tuple[Roster, Path]:
    """A results folder as `newsroom serve` leaves it: Ana filed twice, Ben filed, Zoë still reporting."""
    results = tmp_path / "results"
    roster = Roster(results)
    ana, ben, zoe = roster.join("Ana"), roster.join("Ben"), roster.join("Zoë =1+1")
    file_story(example, "rumour", RUMOUR, "Ana", roster.seat_results(ana))
    time.sleep(1.1)  # a second card, saved later: the gradebook keeps this one
    file_story(example, "good", GOOD, "Ana", roster.seat_results(ana))
    file_story(example, "misquote", MISQUOTE, "Ben", roster.seat_results(ben))
    state = engine.new_game(example)
    for key in ("call/1",):
        state = engine.choose(example, state, Key.parse(key))
    save_game(roster.seat_data(zoe) / "saves" / f"{example.id}.json", example, state)
    return roster, results


def test_the_gradebook_has_one_row_per_student_with_their_latest_card(example: Scenario, tmp_path: Path) -> None:
    _, results = served_class(example, tmp_path)
    rows = list(csv.reader(io.StringIO(gradebook_csv(read_results([results])), newline="")))
    assert rows[0] == ["student", "overall", *DIMENSIONS, "ending", "filed_at", "saved_at", "scenario", "report_card"]
    assert [row[0] for row in rows[1:]] == ["Ana", "Ben"]
    cards = {card["player"]: card for card in
             (json.loads(p.read_text(encoding="utf-8")) for p in results.glob("[!.]*/*.json"))
             if card["story"]["headline"] == GOOD.headline}
    ana = rows[1]
    assert ana[1] == str(cards["Ana"]["grade"]["overall"])  # the later, better card
    assert ana[2:2 + len(DIMENSIONS)] == [str(cards["Ana"]["grade"]["scores"][name]) for name in DIMENSIONS]
    assert ana[-1].endswith(".md") and ana[-3] == cards["Ana"]["saved_at"]


def test_report_writes_the_gradebook(example: Scenario, tmp_path: Path, capsys: object) -> None:
    _, results = served_class(example, tmp_path)
    out = tmp_path / "grades.csv"
    assert main(["report", str(results), "--format", "gradebook", "-o", str(out)]) == 0
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("student,overall,") and "\r\n" in text and len(text.splitlines()) == 3


def test_findings_with_a_code_are_counted_together_whatever_their_wording(example: Scenario, tmp_path: Path) -> None:
    folder = tmp_path / "results"
    paths = [file_story(example, "misquote", MISQUOTE, name, folder) for name in ("A", "B")]
    for number, path in enumerate(paths):
        card = json.loads(path.read_text(encoding="utf-8"))
        for finding in card["grade"]["findings"]:
            if finding["dimension"] == "quotes" and finding["severity"] == "error":
                finding["code"] = "quotes.misquote"
                finding["message"] = f"wording {number}: a different sentence entirely"
        path.write_text(json.dumps(card), encoding="utf-8")
    (group,) = read_results([folder]).scenarios
    coded = [f for f in group.shared_findings() if f.code == "quotes.misquote"]
    assert len(coded) == 1 and coded[0].students == 2 and coded[0].wordings == 2


def test_the_status_of_each_seat_comes_from_its_files(example: Scenario, tmp_path: Path) -> None:
    roster, _ = served_class(example, tmp_path)
    ana, ben, zoe = class_status(roster, example, live={"zoë-1-1"})
    assert (zoe.name, zoe.connected, zoe.filed, zoe.quotes) == ("Zoë =1+1", True, False, 1)
    assert zoe.scene == "The vote" and zoe.clock == "09:20" and zoe.minutes_left == 160
    assert ana.filed and ana.connected is False and ana.overall is not None and set(ana.scores) == set(DIMENSIONS)
    assert ana.card is not None and ana.card.startswith("ana/") and ana.card.endswith(".md")
    assert ben.filed and ben.ending


def test_a_damaged_save_is_reported_not_raised(example: Scenario, tmp_path: Path) -> None:
    roster = Roster(tmp_path)
    seat = roster.join("Kim")
    (roster.seat_data(seat) / "saves").mkdir(parents=True)
    (roster.seat_data(seat) / "saves" / f"{example.id}.json").write_text("{half", encoding="utf-8")
    (status,) = class_status(roster, example)
    assert status.problem == "the saved game cannot be read" and not status.filed


def test_watch_shows_each_student_and_the_class_so_far(example: Scenario, tmp_path: Path) -> None:
    roster, results = served_class(example, tmp_path)
    frame = watch_frame(results)
    lines = frame.splitlines()
    assert any(line.startswith("Zoë =1+1") and "09:20" in line and "not yet" in line for line in lines)
    assert any(line.startswith("Ana ") and "10:" in line for line in lines)
    assert "3 report cards, average" in frame


def test_watch_in_the_terminal_redraws_until_ctrl_c(example: Scenario, tmp_path: Path) -> None:
    _, results = served_class(example, tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "game", "report", "--watch", str(results)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Newsroom class in ")
        seen = [process.stdout.readline() for _ in range(6)]
        os.kill(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0 and "Traceback" not in err
    assert any(line.startswith("Zoë =1+1") for line in seen), seen


def test_watch_needs_one_folder(tmp_path: Path) -> None:
    assert main(["report", "--watch", str(tmp_path / "none")]) == 2
