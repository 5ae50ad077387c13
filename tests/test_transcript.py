"""Transcripts and report cards: built from a real playthrough, saved atomically, never overwritten."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from game import engine
from game.engine import Key
from game.grader import Finding, Report, Story
from game.model import DIMENSIONS, Scenario
from game.play.filing import filed_from
from game.transcript import (
    TRANSCRIPT_FORMAT,
    TranscriptError,
    build_transcript,
    card_stem,
    default_results_dir,
    load_transcript,
    report_card,
    save_transcript,
)

HEADLINE = "Council votes 5-2 to close the old bridge"
BODY = ("Millbrook's council voted 5-2 on Tuesday to close the old iron bridge from Monday.\n\n"
        "\u201cThe engineers were clear,\u201d said Mayor Ana Ruiz. "
        "\u201cWe close the bridge on Monday or we risk lives.\u201d\n\n"
        "Councillor Daniel Okafor said: \u201cEvery shop on River Street just lost half its customers.\u201d")


def filed_game(scenario: Scenario, score: int = 72) -> engine.GameState:
    state = engine.new_game(scenario)
    for key in ("call/1", "chamber/1", "steps/ask:ask-why", "steps/ask:ask-shops", "steps/1"):
        state = engine.choose(scenario, state, Key.parse(key))
    return engine.file_story(scenario, state, score, frozenset({"quotes"}))


def filed_transcript(scenario: Scenario, story: Story, report: Report, player: str | None) -> dict[str, Any]:
    """The transcript of `story` filed at the end of `filed_game`."""
    state = filed_game(scenario)
    return build_transcript(scenario, state, filed_from(scenario, state, story), report, player)


def sample_report(story: Story) -> Report:
    wrong = story.text.index("we risk lives")
    return Report(
        overall=72,
        scores={name: 90 for name in DIMENSIONS} | {"quotes": 40},
        findings=(
            Finding("quotes", "error", "This is not what Ana Ruiz said.", (wrong, wrong + len("we risk lives")),
                    "- we risk lives\n+ we gamble with lives"),
            Finding("balance", "praise", "Both sides of the vote are heard.", None),
        ),
        filed_at=10 * 60 + 20,
        late_by=0,
    )


@pytest.fixture
def transcript(example: Scenario) -> dict[str, Any]:
    story = Story(HEADLINE, BODY)
    return filed_transcript(example, story, sample_report(story), "  Zoë O'Neill ")


def test_transcript_holds_player_route_notebook_story_grade_and_ending(transcript: dict[str, Any]) -> None:
    assert transcript["format"] == TRANSCRIPT_FORMAT
    assert transcript["player"] == "Zoë O'Neill"
    assert transcript["scenario"] == {"id": "example-bridge", "version": "1.0",
                                      "title": "The Old Bridge (example)"}
    assert [(step["time"], step["scene"], step["label"]) for step in transcript["route"]] == [
        ("09:00", "call", "Go to the council chamber"),
        ("09:20", "chamber", "Catch the mayor on the steps"),
        ("09:30", "steps", "Why close it now?"),
        ("09:35", "steps", "Councillor, what does this mean for River Street?"),
        ("09:40", "steps", "Head back and write"),
    ]
    assert transcript["route"][2]["kind"] == "question" and transcript["route"][2]["to"] == "Ana Ruiz"
    assert [q["id"] for q in transcript["notebook"]["quotes"]] == ["mills-brief", "ruiz-safety", "okafor-shops"]
    assert [f["status"] for f in transcript["notebook"]["facts"]] == ["confirmed"]
    assert transcript["story"] == {"headline": HEADLINE, "body": BODY, "words": len(BODY.split())}
    assert transcript["grade"]["overall"] == 72 and transcript["grade"]["scores"]["quotes"] == 40
    assert transcript["ending"]["id"] == "inside" and transcript["ending"]["tone"] == "mixed"
    assert any(note["principle"] == "Verify before you publish" for note in transcript["debrief"])


def test_round_trip_through_the_files(transcript: dict[str, Any], tmp_path: Path) -> None:
    json_path, md_path = save_transcript(transcript, tmp_path)
    assert json_path.parent == tmp_path and md_path == json_path.with_suffix(".md")
    assert json.loads(json_path.read_text(encoding="utf-8")) == transcript
    assert Report.from_json(transcript["grade"]).to_json() == transcript["grade"]
    record = load_transcript(json_path)
    assert record.player == "Zoë O'Neill" and record.grade.overall == 72
    assert record.grade.findings[0].span is not None
    assert record.ending is not None and record.ending.title == "Page seven"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_one_model_reads_everything_the_writer_writes(transcript: dict[str, Any], tmp_path: Path) -> None:
    """The reading model declares every field `build_transcript` writes: read back and dumped again, a
    transcript is the same JSON (a field written but not declared would be dropped here)."""
    json_path, _ = save_transcript(transcript, tmp_path)
    record = load_transcript(json_path)
    assert record.model_dump(mode="json", exclude_unset=True) == json.loads(json_path.read_text(encoding="utf-8"))
    assert record.route and record.route[0].kind in ("choice", "question") and record.debrief is not None


def test_a_transcript_from_before_the_newer_fields_still_reads(transcript: dict[str, Any], tmp_path: Path) -> None:
    old = {key: value for key, value in transcript.items()
           if key in ("format", "transcript_version", "player", "saved_at", "scenario", "story", "grade")}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    record = load_transcript(path)
    assert record.route == [] and record.notebook is None and record.filed_notebook() is None


def test_report_card_shows_the_story_annotated_and_the_grade(transcript: dict[str, Any]) -> None:
    card = report_card(transcript)
    assert card.startswith("# Report card: The Old Bridge (example)")
    assert "Zoë O'Neill" in card and "## Grade: 72 / 100" in card
    assert "| quotes | 40 |" in card
    assert "\u201cWe close the bridge on Monday or ⟦we risk\nlives⟧1.\u201d" in card  # wrapped at 100
    assert "1. **quotes** (error): This is not what Ana Ruiz said. — \u201cwe risk lives\u201d" in card
    assert "+ we gamble with lives" in card
    assert "| 09:30 | On the steps | asked Ana Ruiz: Why close it now? |" in card
    assert "## Ending: Page seven" in card
    assert "Councillor Daniel Okafor said" in card


def test_never_overwrites_and_names_come_from_player_scenario_and_time(transcript: dict[str, Any],
                                                                        tmp_path: Path) -> None:
    stem = card_stem(transcript)
    assert stem.startswith("zoë-o-neill_example-bridge_")
    first = save_transcript(transcript, tmp_path)
    second = save_transcript(transcript, tmp_path)
    (tmp_path / f"{stem}-3.md").write_text("a teacher's note", encoding="utf-8")
    third = save_transcript(transcript, tmp_path)
    assert first[0].name == f"{stem}.json"
    assert second[0].name == f"{stem}-2.json"
    assert third[0].name == f"{stem}-4.json"
    assert (tmp_path / f"{stem}-3.md").read_text(encoding="utf-8") == "a teacher's note"
    assert not (tmp_path / f"{stem}-3.json").exists()


def test_simultaneous_saves_each_get_their_own_files(transcript: dict[str, Any], tmp_path: Path) -> None:
    saved: list[tuple[Path, Path]] = []
    threads = [threading.Thread(target=lambda: saved.append(save_transcript(transcript, tmp_path)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({paths[0] for paths in saved}) == 8
    assert len(list(tmp_path.glob("*.json"))) == 8 and len(list(tmp_path.glob("*.md"))) == 8


def test_anonymous_player_and_default_folder(example: Scenario) -> None:
    story = Story(HEADLINE, BODY)
    transcript = filed_transcript(example, story, sample_report(story), None)
    assert transcript["player"] is None
    json_path, _ = save_transcript(transcript)
    assert json_path.parent == default_results_dir()
    assert str(default_results_dir()).startswith(os.environ["NEWSROOM_DATA_DIR"])
    assert json_path.name.startswith("anonymous_example-bridge_")
    assert "(no name given)" in json_path.with_suffix(".md").read_text(encoding="utf-8")


def test_an_unwritable_folder_is_a_clear_error(transcript: dict[str, Any], tmp_path: Path) -> None:
    blocker = tmp_path / "results"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(TranscriptError, match="could not be saved in .*results"):
        save_transcript(transcript, blocker)


def test_markdown_in_a_story_cannot_break_the_card(example: Scenario) -> None:
    story = Story("# Not a heading | really", "```\nfenced?\n```\n\n<b>bold</b> *stars* | pipes")
    report = Report(overall=10, scores=dict.fromkeys(DIMENSIONS, 10), findings=(), filed_at=600, late_by=0)
    card = report_card(filed_transcript(example, story, report, "a|b"))
    assert "````text\n# Not a heading | really\n\n```\nfenced?\n```" in card
    assert "a\\|b" in card


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "not valid JSON"),
    ('{"format": "newsroom-save"}', "not a Newsroom transcript"),
    ("[1, 2]", "not a Newsroom transcript"),
    ('{"format": "newsroom-transcript", "transcript_version": 99}', "newer Newsroom"),
    ('{"format": "newsroom-transcript", "transcript_version": 1}', "damaged transcript: scenario"),
])
def test_unreadable_files_say_why(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TranscriptError, match=reason):
        load_transcript(path)


def test_a_missing_score_is_named(transcript: dict[str, Any], tmp_path: Path) -> None:
    del transcript["grade"]["scores"]["balance"]
    path = tmp_path / "x.json"
    path.write_text(json.dumps(transcript), encoding="utf-8")
    with pytest.raises(TranscriptError, match="grade.scores: .*no score for balance"):
        load_transcript(path)


def test_a_graded_misquote_is_marked_in_the_card(example: Scenario) -> None:
    from game.grader import grade_filed

    state = engine.new_game(example)
    for key in ("call/1", "chamber/1", "steps/ask:ask-why", "steps/1"):
        state = engine.choose(example, state, Key.parse(key))
    story = Story("Council votes 5-2 to close the old bridge",
                  "The council voted 5-2 to close the bridge.\n\n"
                  "\u201cWe close the bridge on Monday or we risk lives,\u201d said Mayor Ana Ruiz.")
    filed = filed_from(example, state, story)
    report = grade_filed(example, filed)
    state = engine.file_story(example, state, report.overall, report.error_dimensions)
    card = report_card(build_transcript(example, state, filed, report, "Ana"))
    misquote = next(n for n, f in enumerate(report.findings, 1) if f.message.startswith("Misquote"))
    marked = re.search("⟦\u201cWe close the bridge on Monday or we risk lives,\u201d⟧([0-9,]+) said", card)
    assert marked and str(misquote) in marked.group(1).split(",")
    assert "record: \u201cThe engineers were clear. We close the bridge on Monday or we gamble with lives.\u201d" \
        in card


def test_a_quoted_passage_in_a_note_is_not_wrapped_in_a_second_pair_of_marks(example: Scenario) -> None:
    story = Story(HEADLINE, BODY)
    start = story.text.index("\u201cWe close")
    end = story.text.index("lives.\u201d") + len("lives.\u201d")
    report = Report(overall=80, scores=dict.fromkeys(DIMENSIONS, 80),
                    findings=(Finding("quotes", "praise", "Word for word.", (start, end)),
                              Finding("completeness", "praise", "Carries the vote.", (0, len("Council votes"))),),
                    filed_at=10 * 60, late_by=0)
    card = report_card(filed_transcript(example, story, report, None))
    assert "Word for word. — \u201cWe close the bridge on Monday or we risk lives.\u201d\n" in card
    assert "Carries the vote. — \u201cCouncil votes\u201d" in card
