"""newsroom lint: each finding on a small crafted scenario, located; the command's output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from authoring_helpers import ending, scenario, text_of, with_filing

from game.authoring.lint import CODES, Linted, lint_text
from game.cli import main


def linted(data: dict[str, Any]) -> Linted:
    result = lint_text(text_of(data), "tiny.yaml")
    assert not result.checked.errors, [str(problem) for problem in result.checked.errors]
    return result


def codes(data: dict[str, Any]) -> list[str]:
    return [problem.code for problem in linted(data).findings]


def only(data: dict[str, Any], code: str) -> Any:
    """The single finding with this code (and no finding with another code)."""
    findings = linted(data).findings
    assert [problem.code for problem in findings] == [code], [str(problem) for problem in findings]
    return findings[0]


def line_of(data: dict[str, Any], line: int) -> str:
    return text_of(data).splitlines()[line - 1]


def test_the_base_scenario_and_the_shipped_example_are_clean(example_text: str) -> None:
    assert codes(scenario()) == []
    assert lint_text(example_text, "example-bridge.yaml").problems == []


def test_every_code_is_documented_in_the_module() -> None:
    import game.authoring.lint as module

    for code in CODES:
        assert code in (module.__doc__ or "")


# --- conditions that can never hold ---------------------------------------------------------------

def start_with(*choices: dict[str, Any], **scene: Any) -> list[dict[str, Any]]:
    first = {"id": "start", "text": "The start.", "gather": ["ed-go"],
             "choices": [*choices, {"label": "Go on", "goto": "end"}], **scene}
    return [first, ending("end")]


def test_a_choice_waiting_for_a_flag_nothing_sets() -> None:
    data = scenario(flags=["tipped"], scenes=start_with(
        {"label": "Call the source", "goto": "end", "when": {"flag": "tipped"}}))
    finding = only(data, "L101")
    assert finding.severity == "warning"
    assert "Call the source" in finding.message and "sets flag 'tipped'" in finding.message
    assert line_of(data, finding.line).strip().startswith("when:")
    assert finding.hint


def test_a_flag_something_sets_makes_the_choice_live() -> None:
    data = scenario(flags=["tipped"], scenes=start_with(
        {"label": "Take the tip", "set": ["tipped"]},
        {"label": "Call the source", "goto": "end", "when": {"flag": "tipped"}}))
    assert codes(data) == []


def test_a_choice_behind_a_choice_that_can_never_be_offered_is_dead_too() -> None:
    """Effects only count when some route can reach them: the analysis runs to a fixed point."""
    data = scenario(flags=["a", "b"], scenes=start_with(
        {"label": "Needs b, sets a", "set": ["a"], "when": {"flag": "b"}},
        {"label": "Needs a, sets b", "set": ["b"], "when": {"flag": "a"}}))
    assert codes(data) == ["L101", "L101"]


@pytest.mark.parametrize(("when", "reason"), [
    ({"all": [{"flag": "f"}, {"not": {"flag": "f"}}]}, "its opposite"),
    ({"before": "08:30"}, "already past 08:30"),
    ({"all": [{"after": "11:00"}, {"before": "10:00"}]}, "both before and after"),
    ({"counter": "trust", "at_least": 2}, "nothing any route does raises it"),
    ({"all": [{"counter": "trust", "at_most": -1}, {"counter": "trust", "equals": 0}]}, "all its tests"),
    ({"knows": "secret"}, "no route learns fact 'secret'"),
    ({"visited": "nowhere"}, "no route reaches scene 'nowhere'"),
    ({"any": [{"has_quote": "lost"}, {"verified": "secret"}]}, "gathers quote 'lost'"),
    ({"not": {"visited": "start"}}, "always visited"),
])
def test_conditions_that_can_never_hold_say_why(when: dict[str, Any], reason: str) -> None:
    data = scenario(
        flags=["f", "g"], counters={"trust": 0},
        quotes=[*scenario()["quotes"], {"id": "lost", "speaker": "ed", "text": "Lost.", "context": "c",
                                       "kind": "on_record"}],
        facts=[{"id": "secret", "statement": "A secret.", "status": "confirmed"}],
        scenes=[*start_with({"label": "Set f", "set": ["f"]},
                            {"label": "Lower trust", "change": {"trust": -1}, "when": {"flag": "f"}},
                            {"label": "The impossible", "goto": "end", "when": when},
                            {"label": "Secret way", "goto": "nowhere", "when": {"flag": "g"}}),
                {"id": "nowhere", "text": "Nobody comes here.", "learn": ["secret"], "gather": ["lost"],
                 "choices": [{"label": "Leave", "goto": "end"}]}])
    findings = [problem for problem in linted(data).findings if "The impossible" in problem.message]
    assert len(findings) == 1 and findings[0].code == "L101"
    assert reason in findings[0].message


def test_a_counter_a_live_choice_raises_can_reach_its_test() -> None:
    data = scenario(counters={"trust": 0}, scenes=start_with(
        {"label": "Be kind", "change": {"trust": 1}},
        {"label": "Ask the favour", "goto": "end", "when": {"counter": "trust", "at_least": 3}}))
    assert codes(data) == []


def test_a_question_an_extra_paragraph_and_a_debrief_note_that_never_show() -> None:
    data = scenario(
        facts=[{"id": "secret", "statement": "A secret.", "status": "confirmed"}],
        scenes=start_with(
            questions={"items": [{"id": "ask-secret", "ask": "And the secret?", "to": "ed",
                                  "when": {"knows": "secret"}, "learn": ["secret"]},
                                 {"id": "ask-time", "ask": "What time is it?", "to": "ed"}]},
            extra=[{"when": {"knows": "secret"}, "text": "You know the secret."}]),
        debrief=[{"when": {"knows": "secret"}, "text": "You found the secret."}])
    found = linted(data).findings
    assert sorted(problem.code for problem in found) == ["L102", "L103", "L105", "L121"]
    assert all(problem.severity == "warning" for problem in found)


def test_an_outcome_below_one_that_always_holds_is_never_met() -> None:
    data = with_filing(scenario(), [{"ending": "filed"}, {"ending": "front-page", "min_score": 80},
                                    {"ending": "inside"}])
    data["scenes"][0]["choices"].append({"label": "Write it", "file": True})
    found = linted(data).findings
    assert sorted(problem.code for problem in found) == ["L104", "L104", "L140", "L140"]
    shadowed = [problem for problem in found if problem.code == "L104"]
    assert "outcome 2 (ending 'front-page')" in shadowed[0].message
    assert "outcome 1 (ending 'filed') above it always holds first" in shadowed[0].message
    assert line_of(data, shadowed[0].line).strip() == "- ending: front-page"


def test_outcomes_that_catch_late_and_on_time_stories_shadow_the_rest() -> None:
    data = with_filing(scenario(), [{"ending": "late", "late": True}, {"ending": "on-time", "late": False},
                                    {"ending": "never"}])
    data["scenes"][0]["choices"].append({"label": "Write it", "file": True})
    assert "late or on time" in only_code(data, "L104").message


def only_code(data: dict[str, Any], code: str) -> Any:
    found = [problem for problem in linted(data).findings if problem.code == code]
    assert len(found) == 1, [str(problem) for problem in linted(data).findings]
    return found[0]


# --- dead ends and traps --------------------------------------------------------------------------

def test_a_scene_whose_ways_out_can_never_be_offered_is_a_dead_end() -> None:
    data = scenario(flags=["never"], scenes=[
        {"id": "start", "text": "The start.", "gather": ["ed-go"], "choices": [
            {"label": "Into the lift", "goto": "lift"}, {"label": "Go on", "goto": "end"}]},
        {"id": "lift", "text": "The lift stops.", "choices": [
            {"label": "Press the button", "goto": "end", "when": {"flag": "never"}}]},
        ending("end")])
    found = linted(data).findings
    dead = [problem for problem in found if problem.code == "L110"]
    assert len(dead) == 1 and dead[0].severity == "error" and "'lift'" in dead[0].message
    assert line_of(data, dead[0].line).strip() == "- id: lift"
    assert {problem.code for problem in found} == {"L101", "L110"}


def test_scenes_that_go_round_for_ever_never_reach_an_ending() -> None:
    data = scenario(scenes=[
        {"id": "start", "text": "The start.", "gather": ["ed-go"], "choices": [
            {"label": "Into the maze", "goto": "left"}, {"label": "Go on", "goto": "end"}]},
        {"id": "left", "text": "Left.", "choices": [{"label": "Turn", "goto": "right"}]},
        {"id": "right", "text": "Right.", "choices": [{"label": "Turn", "goto": "left"}]},
        ending("end")])
    found = linted(data).findings
    assert [(problem.code, problem.severity) for problem in found] == [("L111", "error")] * 2
    assert "'left'" in found[0].message and "'right'" in found[1].message


# --- what no route gathers ------------------------------------------------------------------------

def test_quotes_and_facts_no_route_gathers() -> None:
    data = scenario(
        quotes=[*scenario()["quotes"],
                {"id": "ed-later", "speaker": "ed", "text": "Later.", "context": "c", "kind": "on_record"}],
        facts=[{"id": "orphan", "statement": "Nobody says this.", "status": "confirmed"}])
    found = linted(data).findings
    assert [problem.code for problem in found] == ["L120", "L121"]
    assert "ed-later" in found[0].message and "nowhere" in found[0].message
    assert line_of(data, found[0].line).strip() == "- id: ed-later"
    assert line_of(data, found[1].line).strip() == "- id: orphan"


def test_a_quote_gathered_only_where_no_route_goes_says_so() -> None:
    data = scenario(
        flags=["never"],
        quotes=[*scenario()["quotes"],
                {"id": "ed-later", "speaker": "ed", "text": "Later.", "context": "c", "kind": "on_record"}],
        scenes=start_with({"label": "Ask", "gather": ["ed-later"], "when": {"flag": "never"}}))
    finding = only_code(data, "L120")
    assert "only in places no route reaches" in finding.message


def test_a_key_fact_no_route_learns_is_an_error_at_the_key_fact() -> None:
    data = with_filing(scenario(facts=[{"id": "vote", "statement": "The vote.", "status": "confirmed"}]))
    data["filing"]["key_facts"] = [{"fact": "vote", "weight": 3}]
    data["scenes"][0]["choices"].append({"label": "Write it", "file": True})
    finding = only(data, "L122")
    assert finding.severity == "error"
    assert line_of(data, finding.line).strip() == "- fact: vote"


# --- people ----------------------------------------------------------------------------------------

def test_people_nothing_mentions_never_speak_and_sides_never_heard() -> None:
    data = with_filing(scenario(people=[*scenario()["people"],
                                        {"id": "mute", "name": "Mo Mute", "role": "witness", "real": False},
                                        {"id": "ghost", "name": "Gus Ghost", "role": "nobody", "real": False}]))
    data["filing"]["balance"] = [{"label": "The witnesses", "people": ["mute"]}]
    data["scenes"][0]["choices"].append({"label": "Write it", "file": True})
    found = linted(data).findings
    assert [problem.code for problem in found] == ["L130", "L131"]
    assert "Gus Ghost" in found[0].message and "nothing in the scenario mentions them" in found[0].message
    assert "The witnesses" in found[1].message


def test_someone_named_in_the_story_but_never_quoted_is_there_on_purpose() -> None:
    data = scenario(people=[*scenario()["people"],
                            {"id": "absent", "name": "Al Absent", "role": "subject", "real": False,
                             "names": ["Absent"]}])
    data["scenes"][0]["text"] = "Everyone is talking about Absent."
    assert codes(data) == []


def test_someone_whose_quotes_no_route_gathers_never_speaks() -> None:
    data = scenario(flags=["never"],
                    quotes=[*scenario()["quotes"],
                            {"id": "late", "speaker": "ed", "text": "Late.", "context": "c", "kind": "on_record"}])
    data["quotes"][0]["speaker"] = "ed"
    data["people"].append({"id": "shy", "name": "Shy Sue", "role": "r", "real": False})
    data["quotes"][1]["speaker"] = "shy"
    data["scenes"][0]["choices"].append({"label": "Ask Sue", "gather": ["late"], "when": {"flag": "never"}})
    found = [problem for problem in linted(data).findings if problem.code == "L130"]
    assert len(found) == 1 and "no route gathers any of their quotes" in found[0].message


def test_someone_whose_claim_can_be_learned_is_heard_on_their_side() -> None:
    data = with_filing(scenario(
        people=[*scenario()["people"], {"id": "mute", "name": "Mo Mute", "role": "witness", "real": False}],
        facts=[{"id": "claim", "statement": "Mo says so.", "status": "claim", "claimed_by": "mute"}]))
    data["filing"]["balance"] = [{"label": "The witnesses", "people": ["mute"]}]
    data["scenes"][0]["choices"].append({"label": "Write it", "file": True, "learn": ["claim"]})
    assert codes(data) == []


# --- reach -----------------------------------------------------------------------------------------

def test_endings_and_scenes_no_route_reaches() -> None:
    data = scenario(flags=["never"], scenes=[
        {"id": "start", "text": "The start.", "gather": ["ed-go"], "choices": [
            {"label": "Go on", "goto": "end"},
            {"label": "Secret door", "goto": "vault", "when": {"flag": "never"}},
            {"label": "Win", "goto": "win", "when": {"flag": "never"}}]},
        {"id": "vault", "text": "The vault.", "choices": [{"label": "Out", "goto": "end"}]},
        ending("end"), ending("win")])
    found = linted(data).findings
    assert sorted(problem.code for problem in found) == ["L101", "L101", "L140", "L141"]


# --- style -----------------------------------------------------------------------------------------

def test_a_scene_too_long_for_a_screen_and_a_label_too_long_for_a_line() -> None:
    data = scenario(scenes=start_with(text="word " * 150, extra=[{"when": {"visited": "start"},
                                                                  "text": "more " * 60}]))
    data["scenes"][0]["choices"][0]["label"] = "L" * 81
    found = linted(data).findings
    assert [problem.code for problem in found] == ["L150", "L151"]
    assert "210 words" in found[0].message


def test_flags_and_counters_nothing_uses_or_nothing_tests() -> None:
    data = scenario(flags=["unused", "set-only"], counters={"idle": 0, "mood": 0},
                    scenes=start_with({"label": "Cheer", "set": ["set-only"], "change": {"mood": 1}}))
    found = linted(data).findings
    assert [(problem.code, problem.message.split("'")[1]) for problem in found] == [
        ("L160", "unused"), ("L161", "set-only"), ("L160", "idle"), ("L161", "mood")]


# --- the command -----------------------------------------------------------------------------------

def write(tmp_path: Path, data: dict[str, Any], name: str = "tiny.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text_of(data), encoding="utf-8")
    return path


def test_warnings_fail_only_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, scenario(flags=["unused"]))
    assert main(["lint", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"{path}:" in out and "L160 warning: flag 'unused'" in out and "hint:" in out
    assert "1 warning" in err and "--strict" in err
    assert main(["lint", "--strict", str(path)]) == 1


def test_errors_fail_and_json_reports_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = with_filing(scenario(facts=[{"id": "vote", "statement": "The vote.", "status": "confirmed"}]))
    data["filing"]["key_facts"] = [{"fact": "vote"}]
    data["scenes"][0]["choices"].append({"label": "Write it", "file": True})
    path = write(tmp_path, data)
    assert main(["lint", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == [{"file": str(path), "ok": False, "validated": True, "errors": 1, "warnings": 0}]
    [problem] = report["problems"]
    assert problem["code"] == "L122" and problem["severity"] == "error" and problem["line"] > 1


def test_validation_problems_come_first_and_stop_the_lint(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    data = scenario(flags=["unused"])
    data["scenes"][0]["choices"][0]["goto"] = "nowhere"
    path = write(tmp_path, data)
    assert main(["lint", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "R302" in out and "L160" not in out and "not linted until it validates" in err


def test_folders_are_linted_and_missing_paths_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, scenario(), "one.yaml")
    write(tmp_path, scenario(id="two"), "two.yaml")
    assert main(["lint", str(tmp_path)]) == 0
    assert "2 scenario files linted: all clean" in capsys.readouterr().err
    assert main(["lint", str(tmp_path / "missing.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_lint_of_a_broken_file_is_a_located_problem_not_a_traceback(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    assert main(["lint", str(path)]) == 1
    assert f"{path}:" in capsys.readouterr().out
