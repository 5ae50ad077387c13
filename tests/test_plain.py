"""Plain mode: a whole playthrough scripted through a pipe, from the first scene to a filed story."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from game import paths
from game.model import Scenario
from game.plain import run_plain
from game.saves import load_game

ROOT = Path(__file__).resolve().parent.parent
HEADLINE = "Council votes 5-2 to close the old bridge"
BODY_LINES = [
    "Millbrook's council voted 5-2 on Tuesday to close the old iron bridge from Monday.",
    "",
    "\u201cThe engineers were clear. We close the bridge on Monday or we gamble with lives,\u201d",
    "said Mayor Ana Ruiz.",
    "",
    "Councillor Daniel Okafor opposed the closure. \u201cEvery shop on River Street just lost half its",
    "customers,\u201d he said.",
]
REPORTING = [
    "1",  # go to the council chamber
    "1",  # catch the mayor on the steps
    "1",  # ask the mayor why
    "1",  # ask Okafor about River Street
    "1",  # head back and write
]
FILING = ["1", HEADLINE, *BODY_LINES, ".", "1"]  # write, headline, story, end, file it


def play(scenario: Scenario, lines: list[str], results: Path | None = None, **options: object) -> tuple[int, str]:
    output = io.StringIO()
    status = run_plain(scenario, input=io.StringIO("".join(line + "\n" for line in lines)), output=output,
                       results_dir=results, **options)  # type: ignore[arg-type]
    return status, output.getvalue()


def test_a_piped_playthrough_files_a_story_and_saves_its_report_card(tmp_path: Path) -> None:
    script = "".join(line + "\n" for line in ["Ana", *REPORTING, *FILING])
    environment = {**os.environ, "NEWSROOM_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", str(ROOT / "scenarios" / "example-bridge.yaml"), "--plain",
         "--results", str(tmp_path / "results")],
        input=script.encode("utf-8"), capture_output=True, env=environ_without_terminal(environment), timeout=60)
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, out + done.stderr.decode("utf-8")
    assert "\x1b" not in out and not any(char in out for char in "┌─│╭")  # no colour, no cursor, no boxes
    assert "Choose 1 to 3, or type h for help: 1\n" in out  # piped answers are echoed
    assert "Ask Ana Ruiz: Why close it now? (5 min)" in out
    assert "Ending: Front page." in out
    (card_json,) = (tmp_path / "results").glob("*.json")
    (card_md,) = (tmp_path / "results").glob("*.md")
    assert card_json.name.startswith("ana_example-bridge_") and card_md.stem == card_json.stem
    assert f"Your report card is saved: {card_md}" in out
    transcript = json.loads(card_json.read_text(encoding="utf-8"))
    assert transcript["player"] == "Ana"
    assert transcript["story"]["headline"] == HEADLINE
    assert transcript["story"]["body"] == "\n".join(BODY_LINES)
    assert f"The editor's grade: {transcript['grade']['overall']} out of 100." in out
    assert transcript["grade"]["overall"] >= 80 and transcript["ending"]["id"] == "front-page"
    assert [step["choice"] for step in transcript["route"]] == [
        "call/1", "chamber/1", "steps/ask:ask-why", "steps/ask:ask-shops", "steps/1"]
    card = card_md.read_text(encoding="utf-8")
    assert f"## Grade: {transcript['grade']['overall']} / 100" in card and BODY_LINES[0] in card and HEADLINE in card
    assert not (tmp_path / "data" / "saves" / "example-bridge.json").exists()  # a finished game leaves no save


def environ_without_terminal(environment: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in environment.items() if name not in ("COLUMNS", "LINES")}


def test_input_ending_early_keeps_the_game_and_the_next_run_carries_on(example: Scenario, tmp_path: Path) -> None:
    status, out = play(example, ["Ana", "1", "1"])
    assert status == 1
    assert out.rstrip().endswith("Input ended before the story was filed. Your game is saved: play again to carry on.")
    state, undo = load_game(paths.save_path(example.id), example)
    assert state.scene == "steps" and len(undo) == 2
    status, out = play(example, ["y", "Ana", "1", "1", "1", *FILING], tmp_path)
    assert status == 0, out
    assert "You have a saved game (On the steps, 09:30). Carry on with it?" in out
    # the saved game is offered before the name is asked, so a scripted "y" is never taken for a name
    assert out.index("You have a saved game") < out.index("Your name, for the report card")
    assert "Carrying on." in out
    (card,) = tmp_path.glob("*.json")
    assert json.loads(card.read_text(encoding="utf-8"))["route"][1]["choice"] == "chamber/1"


def test_starting_again_instead_of_carrying_on(example: Scenario) -> None:
    play(example, ["", "1"])
    status, out = play(example, ["n", "", "q"])
    assert status == 0 and "Starting the day again." in out
    assert load_game(paths.save_path(example.id), example)[0].scene == "call"
    status, out = play(example, ["", "q"], new=True)
    assert "saved game" not in out


def test_commands_notebook_help_undo_and_wrong_answers(example: Scenario) -> None:
    status, out = play(example, ["", "9", "fly", "n", "h", "1", "u", "l", "q"])
    assert status == 0
    assert "'9' is not on offer. Type a number from 1 to 1, or h for help.\nType 1 to choose it" in out  # no relist
    assert "'fly' is not on offer." in out
    assert "Your notebook.\nQuotes from Jo Mills:\n- \u201cGet me the vote, both sides" in out
    assert "u or undo: take back the last choice" in out
    assert "Taken back." in out
    assert out.count("The morning call. 09:00 · Newsroom · due 12:00") == 3  # at the start, after undo, after look
    assert "Your game is saved." in out
    assert load_game(paths.save_path(example.id), example)[0].scene == "call"


def test_the_textual_game_resumes_a_plain_mode_save(example: Scenario) -> None:
    from game.play.session import resume

    play(example, ["", "1", "2", "q"])
    session = resume(example)
    assert session.state.scene == "gallery" and session.state.time == 9 * 60 + 30
    assert [old.scene for old in session.undo] == ["call", "chamber"]


def test_back_to_reporting_from_the_desk_and_rewriting(example: Scenario, tmp_path: Path) -> None:
    lines = ["", "1", "3", "2", "1", "1", "1", "1", "1",  # to the desk, back, then the steps and the desk again
             "1", "Draft", "too short", ".", "2",  # write it again
             "", "Bridge", "still short", ".", "1"]
    status, out = play(example, lines, tmp_path)
    assert status == 0, out
    assert "1. Write and file your story\n2. Go back to reporting" in out
    assert re.search(r"Your story: 2 words, filed at \d\d:\d\d \([^)]* to deadline\)\.\n"
                     r"The desk wants at least 40 words\.", out)
    assert "A story needs a headline." in out
    (card,) = tmp_path.glob("*.json")
    assert json.loads(card.read_text(encoding="utf-8"))["story"] == {"headline": "Bridge", "body": "still short",
                                                                      "words": 2}


def test_input_ending_while_writing_files_nothing(example: Scenario, tmp_path: Path) -> None:
    status, out = play(example, ["", "1", "3", "1", "Headline", "half a story"], tmp_path)
    assert status == 1 and "Input ended before the story was filed." in out
    assert list(tmp_path.iterdir()) == []
    assert load_game(paths.save_path(example.id), example)[0].at_desk


def test_an_unwritable_results_folder_is_reported(example: Scenario, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    status, out = play(example, ["", "1", "3", "1", "Headline", "text", ".", "1"], blocker)
    assert status == 1
    assert "Your report card could not be saved: the report card could not be saved in" in out


def test_long_lines_wrap_on_a_terminal() -> None:
    from game.plain import Conversation

    output = io.StringIO()
    Conversation(io.StringIO(), output, width=40).say("word " * 20)
    assert all(len(line) <= 40 for line in output.getvalue().splitlines())
    assert output.getvalue().split() == ["word"] * 20


def test_the_clock_runs_while_the_player_writes_in_plain_mode(example: Scenario, tmp_path: Path) -> None:
    from game.plain import Conversation, PlainGame

    assert example.filing is not None
    running = example.model_copy(update={"filing": example.filing.model_copy(update={"desk_clock_rate": 5})})
    ticks = iter([0.0, 240.0])  # four real minutes between starting the headline and ending the story
    lines = ["", *REPORTING, *FILING]
    output = io.StringIO()
    talk = Conversation(io.StringIO("".join(line + "\n" for line in lines)), output)
    game = PlainGame(running, talk, results_dir=tmp_path, seconds_now=lambda: next(ticks))
    assert game.play(new=True) == 0
    out = output.getvalue()
    assert "It is now " in out
    moved = out.split("It is now ")[1][:5]
    assert f"Your story: {len(' '.join(BODY_LINES).split())} words, filed at " in out.split("It is now ")[1]
    before = out.split(" · Story desk · ")[0][-5:]
    assert int(moved[:2]) * 60 + int(moved[3:]) - (int(before[:2]) * 60 + int(before[3:])) == 20  # 4 min at 5x
