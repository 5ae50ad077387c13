"""Each validator finding, with its line and column, on edited copies of the example scenario."""

from __future__ import annotations

import pytest

from game.loader import check_text
from game.problems import Problem


def problems(text: str) -> list[Problem]:
    return check_text(text, "edited.yaml").problems


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) >= count, f"the example no longer contains {old!r}"
    return text.replace(old, new, count)


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line holding the n-th occurrence of a fragment."""
    position = -1
    for _ in range(occurrence):
        position = text.index(fragment, position + 1)
    return text.count("\n", 0, position) + 1


def only(found: list[Problem], code: str) -> Problem:
    matching = [problem for problem in found if problem.code == code]
    assert len(matching) == 1, f"expected one {code}, got {found}"
    return matching[0]


def test_the_example_is_clean(example_text: str) -> None:
    assert problems(example_text) == []


def test_misspelt_field_points_at_the_key_and_suggests_the_field(example_text: str) -> None:
    text = edit(example_text, "        goto: chamber", "        gotoo: chamber")
    problem = only(problems(text), "S201")
    assert (problem.line, problem.column) == (line_of(text, "gotoo"), 9)
    assert "gotoo" in problem.message
    assert problem.hint == "did you mean 'goto'?"


def test_unknown_top_level_field_lists_close_names(example_text: str) -> None:
    text = edit(example_text, "objectives:", "objectivs:")
    problem = only(problems(text), "S201")
    assert (problem.line, problem.column) == (line_of(text, "objectivs:"), 1)
    assert "objectives" in (problem.hint or "")


def test_missing_field_points_at_its_mapping(example_text: str) -> None:
    text = edit(example_text, "    context: Answering your question after the vote\n", "")
    problem = only(problems(text), "S202")
    assert "context" in problem.message
    assert (problem.line, problem.column) == (line_of(text, "id: okafor-shops"), 5)
    assert problem.hint and "to whom" in problem.hint


def test_a_number_where_text_belongs_suggests_quotes(example_text: str) -> None:
    text = edit(example_text, 'version: "1.0"', "version: 1.0")
    problem = only(problems(text), "S203")
    assert (problem.line, problem.column) == (line_of(text, "version: 1.0"), 10)
    assert '"1.0"' in (problem.hint or "")


@pytest.mark.parametrize("word", ["No", "no", "yes", "off", "On", "n", "Y"])
def test_yaml_1_1_booleans_stay_text(example_text: str, word: str) -> None:
    text = edit(example_text, "    real: false\n    names: [Okafor", f"    real: {word}\n    names: [Okafor")
    problem = only(problems(text), "S203")
    assert f"'{word}'" in problem.message
    assert (problem.line, problem.column) == (line_of(text, f"real: {word}"), 11)


def test_sexagesimal_times_stay_times(example_text: str) -> None:
    from game.loader import check_text as check

    text = edit(example_text, 'deadline: "12:00"', "deadline: 12:30")
    checked = check(text, "t.yaml")
    assert checked.problems == []
    assert checked.scenario is not None and checked.scenario.clock.deadline == "12:30"


def test_a_number_where_a_time_belongs_is_a_type_error(example_text: str) -> None:
    text = edit(example_text, 'deadline: "12:00"', "deadline: 750")
    problem = only(problems(text), "S203")
    assert (problem.line, problem.column) == (line_of(text, "deadline: 750"), 13)


def test_badly_formed_time_gets_the_format_hint(example_text: str) -> None:
    text = edit(example_text, 'deadline: "12:00"', 'deadline: "noon"')
    problem = only(problems(text), "S204")
    assert "HH:MM" in (problem.hint or "")
    assert problem.line == line_of(text, 'deadline: "noon"')


def test_unknown_enum_value_suggests_the_nearest(example_text: str) -> None:
    text = edit(example_text, "kind: on_record", "kind: on_the_record")
    problem = only(problems(text), "S204")
    assert "on_record" in (problem.hint or "")
    assert problem.line == line_of(text, "kind: on_the_record")


def test_tab_indentation_is_located(example_text: str) -> None:
    text = edit(example_text, "  - id: ruiz\n    name:", "  - id: ruiz\n\tname:")
    problem = only(problems(text), "Y102")
    assert problem.line == line_of(text, "\tname:")
    assert "spaces" in (problem.hint or "")


def test_syntax_error_is_located(example_text: str) -> None:
    text = edit(example_text, "flags: [checked-rumour]", "flags: [checked-rumour")
    problem = only(problems(text), "Y101")
    assert problem.line >= line_of(text, "flags: [checked-rumour")


def test_duplicate_key_points_at_the_second(example_text: str) -> None:
    text = edit(example_text, "    role: Your editor\n", "    role: Your editor\n    role: Boss\n")
    problem = only(problems(text), "Y103")
    assert (problem.line, problem.column) == (line_of(text, "role: Boss"), 5)
    assert "role" in problem.message


def test_duplicate_id(example_text: str) -> None:
    text = edit(example_text, "  - id: mills\n", "  - id: okafor\n")
    problem = only(problems(text), "R301")
    assert problem.line == line_of(text, "id: okafor", 2)
    assert str(line_of(text, "id: okafor", 1)) in (problem.hint or "")


def test_goto_to_a_missing_scene_names_the_nearest(example_text: str) -> None:
    text = edit(example_text, "        goto: chamber", "        goto: chambre")
    problem = only(problems(text), "R302")
    assert (problem.line, problem.column) == (line_of(text, "goto: chambre"), 15)
    assert "'chamber'" in (problem.hint or "")


def test_unknown_quote_fact_and_person(example_text: str) -> None:
    text = edit(example_text, "gather: [mills-brief]", "gather: [mills-brif]")
    text = edit(text, "learn: [vote]", "learn: [votes]")
    text = edit(text, "    speaker: okafor", "    speaker: okafur")
    found = problems(text)
    quote, fact, person = only(found, "R303"), only(found, "R304"), only(found, "R305")
    assert (quote.line, quote.column) == (line_of(text, "mills-brif"), 14)
    assert (fact.line, fact.column) == (line_of(text, "learn: [votes]"), 13)
    assert (person.line, person.column) == (line_of(text, "speaker: okafur"), 14)
    assert "'mills-brief'" in (quote.hint or "") and "'okafor'" in (person.hint or "")


def test_undeclared_flag_and_counter(example_text: str) -> None:
    text = edit(example_text, "set: [checked-rumour]", "set: [checked-rumor]")
    text = edit(text, "change: {goodwill: 1}", "change: {goodwil: 1}")
    found = [problem for problem in problems(text) if problem.code == "R309"]
    assert {problem.line for problem in found} == {line_of(text, "checked-rumor]"), line_of(text, "goodwil:")}


def test_a_scene_nothing_leads_to(example_text: str) -> None:
    text = edit(example_text, "        goto: gallery\n", "        goto: steps\n")
    text = edit(text, "      - label: Check with the mayor", "      - label: Check with the mayor")
    problem = only(problems(text), "R306")
    assert problem.line == line_of(text, "  - id: gallery") and problem.column == 9


def test_a_scene_with_no_way_out(example_text: str) -> None:
    text = edit(example_text, "    choices:\n      - label: Go to the council chamber\n        goto: chamber\n"
                "        minutes: 20\n", "    choices:\n      - label: Wait\n")
    found = problems(text)
    stuck = only(found, "R307")
    assert stuck.line == line_of(text, "  - id: call") and "call" in stuck.message


def test_an_outcome_naming_a_scene_that_is_not_an_ending(example_text: str) -> None:
    text = edit(example_text, "    - ending: inside\n", "    - ending: chamber\n")
    problem = only(problems(text), "R302")
    assert "not an ending" in problem.message
    assert problem.line == line_of(text, "- ending: chamber")


def test_a_condition_with_two_tests_is_refused(example_text: str) -> None:
    text = edit(example_text, 'when: {before: "11:00"}', 'when: {before: "11:00", flag: checked-rumour}')
    problem = only(problems(text), "S204")
    assert "exactly one" in problem.message
    assert problem.line == line_of(text, "when: {before")


def test_every_problem_in_the_file_is_reported(example_text: str) -> None:
    text = edit(example_text, "        goto: chamber", "        gotoo: chamber")
    text = edit(text, 'version: "1.0"', "version: 1.0")
    text = edit(text, "kind: on_record", "kind: quote")
    codes = sorted(problem.code for problem in problems(text))
    assert codes == ["S201", "S203", "S204"]


def test_problems_are_sorted_by_line(example_text: str) -> None:
    text = edit(example_text, "gather: [mills-brief]", "gather: [nope]")
    text = edit(text, "    speaker: okafor", "    speaker: nobody")
    found = problems(text)
    assert [problem.line for problem in found] == sorted(problem.line for problem in found)


def test_problem_text_format() -> None:
    problem = Problem("a.yaml", 3, 7, "R302", "unknown scene 'x'", "did you mean 'y'?")
    assert str(problem) == "a.yaml:3:7: R302 unknown scene 'x'\n    hint: did you mean 'y'?"


def test_reference_problems_are_reported_alongside_structural_ones(example_text: str) -> None:
    text = edit(example_text, "        goto: chamber", "        gotoo: chamber")
    text = edit(text, "goto: steps\n        once: true", "goto: stepz\n        once: true")
    text = edit(text, "    speaker: okafor", "    speaker: okafur")
    found = problems(text)
    assert sorted(problem.code for problem in found) == ["R302", "R305", "S201"]
    goto = only(found, "R302")
    assert (goto.line, goto.column) == (line_of(text, "goto: stepz"), 15)
    assert goto.hint == "did you mean 'steps'?"


def test_a_broken_part_does_not_cause_false_reports_about_others(example_text: str) -> None:
    # The 'steps' scene is broken; gotos that lead to it must not be reported as unknown scenes.
    text = edit(example_text, "    questions:\n      limit: 2", "    questions:\n      limit: two")
    assert [problem.code for problem in problems(text)] == ["S203"]
