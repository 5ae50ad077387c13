"""State in text: templates, wordings chosen by `when:`, `set_to`, chance outcomes, timed events, waiting,
a clock past midnight, arrival effects, shared questions and outcomes on what the story carried.

Each feature is tested in use (on the engine) and in each misuse (a located problem, file:line:col)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import engine
from game.authoring.graph import dot, mermaid
from game.authoring.lint import lint_text
from game.authoring.playtest import explore
from game.engine import Key
from game.loader import check_text
from game.model import clock_text, minutes_of
from game.problems import Problem
from game.saves import load_game
from tests.conftest import ROOT

SCENARIO = """\
format: 1
id: features
version: "1"
title: Features
summary: Every new feature at once.
authors: [Tests]
sources:
  - {id: notes, title: Notes, outlet: Tests, date: "2024-01-01", where: here}
clock:
  start: "23:30"
  deadline: "01:00 (day 2)"
  minutes_per_action: 10
people:
  - {id: ed, name: Ed Eddy, role: editor, real: false}
  - {id: mo, name: Mo Moss, role: a source, real: false}
quotes:
  - {id: mo-says, speaker: mo, text: "It is true.", context: asked, kind: on_record}
facts:
  - {id: news, statement: The news., status: confirmed}
  - {id: rumour, statement: A rumour., status: rumour, claimed_by: mo, accurate: false}
counters:
  trust: 1
flags: [lucky, late-news, seen-hub]
questions:
  - id: shared-q
    ask: "What is the news, {person.mo}?"
    to: mo
    learn: [news]
    gather: [mo-says]
    answer:
      - when: {counter: trust, at_least: 2}
        text: "You trust me at {counter.trust}, so: the news."
      - text: The news, grudgingly.
events:
  - id: midnight
    at: "00:00 (day 2)"
    text: "Midnight strikes at {clock}."
    set: [late-news]
    goto: square
scenes:
  - id: hub
    text:
      - when: {flag: late-news}
        text: "After midnight, {player}: {clock}, day {day}, {minutes_left} minutes to {deadline}."
      - text: "The hub at {clock}. Trust: {counter.trust}. {{braces}}"
    arrive:
      - first_time: true
        set: [seen-hub]
      - when: {counter: trust, at_least: 3}
        change: {trust: -1}
    choices:
      - label:
          - when: {counter: trust, at_least: 2}
            text: "Talk to Mo (trust {counter.trust})"
          - text: Talk to Mo
        goto: office
      - label: Toss a coin
        once: true
        response: You toss it.
        chance:
          - {id: heads, weight: 3, set: [lucky], text: Heads.}
          - {id: tails, text: Tails., goto: square, learn: [rumour]}
      - label: Be kind
        when: {counter: trust, at_most: 2}
        change: {trust: 1}
      - label: Reset trust
        set_to: {trust: 0}
      - label: Wait until a quarter to one
        until: "00:45 (day 2)"
      - label: File
        file: true
  - id: office
    text: Mo's office.
    questions:
      items:
        - use: shared-q
    choices:
      - {label: Back, goto: hub}
  - id: square
    text:
      - when: {flag: seen-hub}
        text: "The square. {person.ed} waves."
      - text: The square.
    questions:
      items:
        - use: shared-q
    choices:
      - {label: Back, goto: hub}
  - id: filed
    text:
      - when: {flag: lucky}
        text: Filed, luckily.
      - text: Filed.
    ending: {title: Filed, tone: good}
  - id: scoop
    text: A scoop.
    ending: {title: Scoop, tone: great}
  - id: wrong
    text: Wrong.
    ending: {title: Wrong, tone: bad}
filing:
  brief: Write it.
  outcomes:
    - {ending: wrong, carried: [rumour]}
    - {ending: scoop, carried: [news], quoted: [mo]}
    - {ending: filed}
"""


def load(text: str = SCENARIO):  # type: ignore[no-untyped-def]
    checked = check_text(text, "features.yaml")
    assert checked.errors == [], "\n".join(map(str, checked.errors))
    assert checked.scenario is not None
    return checked.scenario


def problems(text: str) -> list[Problem]:
    return check_text(text, "features.yaml").problems


def edit(old: str, new: str) -> str:
    assert SCENARIO.count(old) == 1, old
    return SCENARIO.replace(old, new)


def at(text: str, fragment: str) -> tuple[int, int]:
    """Line and column (1-based) of a fragment's first occurrence."""
    position = text.index(fragment)
    return text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1


def only(found: list[Problem], code: str) -> Problem:
    matching = [problem for problem in found if problem.code == code]
    assert len(matching) == 1, f"expected one {code}, got {[str(p) for p in found]}"
    return matching[0]


def option(scenario, state, label_start: str) -> engine.Option:  # type: ignore[no-untyped-def]
    return next(o for o in engine.options(scenario, state) if o.label.startswith(label_start))


# --- valid use ------------------------------------------------------------------------------------

def test_the_feature_scenario_validates_and_lints_clean() -> None:
    load()
    linted = lint_text(SCENARIO, "features.yaml")
    assert linted.problems == [], "\n".join(map(str, linted.problems))


def test_templates_fill_in_the_player_the_clock_and_counters() -> None:
    scenario = load()
    state = engine.new_game(scenario, player="Ada")
    assert engine.scene_text(scenario, state) == "The hub at 23:30. Trust: 1. {braces}"
    state = engine.choose(scenario, state, option(scenario, state, "Be kind").key)
    assert "Trust: 2." in engine.scene_text(scenario, state)
    assert option(scenario, state, "Talk to Mo").label == "Talk to Mo (trust 2)"


def test_player_name_defaults_when_none_was_given() -> None:
    scenario = load(edit('text: "After midnight, {player}:', 'text: "After midnight, {player}:'))
    state = engine.new_game(scenario)
    assert engine.template_value(scenario, state, "player") == "Reporter"


def test_wordings_pick_the_first_that_holds_in_labels_answers_and_endings() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    assert option(scenario, state, "Talk to Mo").label == "Talk to Mo"
    state = engine.choose(scenario, state, option(scenario, state, "Talk to Mo").key)
    ask = engine.options(scenario, state)[0]
    assert ask.label == "What is the news, Mo Moss?"
    after = engine.choose(scenario, state, ask.key)
    assert after.response == "The news, grudgingly."
    trusted = engine.choose(scenario, engine._evolve(state, counters=(("trust", 2),)), ask.key)
    assert trusted.response == "You trust me at 2, so: the news."


def test_set_to_sets_a_counter_whatever_it_was() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    for _ in range(2):
        state = engine.choose(scenario, state, option(scenario, state, "Be kind").key)
    assert state.counter("trust") == 3
    state = engine.choose(scenario, state, option(scenario, state, "Reset trust").key)
    assert state.counter("trust") == 0


def test_arrival_effects_apply_when_their_condition_holds_and_first_time_only_once() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    assert "seen-hub" in state.flags
    state = engine._evolve(state, flags=(), counters=(("trust", 3),))
    state = engine.choose(scenario, state, option(scenario, state, "Talk to Mo").key)
    state = engine.choose(scenario, state, option(scenario, state, "Back").key)
    assert "seen-hub" not in state.flags  # first_time: not again
    assert state.counter("trust") == 2  # the conditional arrival applied


def test_chance_outcomes_are_listed_drawn_from_the_seed_and_forced_by_luck() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    coin = option(scenario, state, "Toss a coin")
    assert engine.chances(scenario, state, coin.key) == [("heads", 3), ("tails", 1)]
    heads = engine.choose(scenario, state, coin.key, luck="heads")
    assert "lucky" in heads.flags and heads.scene == "hub" and heads.response == "You toss it.\n\nHeads."
    tails = engine.choose(scenario, state, coin.key, luck="tails")
    assert tails.scene == "square" and "lucky" not in tails.flags
    drawn = {engine.choose(scenario, engine.new_game(scenario, seed=seed), coin.key).scene for seed in range(40)}
    assert drawn == {"hub", "square"}  # different seeds draw differently...
    again = [engine.choose(scenario, engine.new_game(scenario, seed=7), coin.key) for _ in range(3)]
    assert len({state.scene for state in again}) == 1  # ...and one seed always the same
    with pytest.raises(engine.InvalidChoice):
        engine.choose(scenario, state, coin.key, luck="edge")


def test_successors_give_every_option_and_every_world_outcome() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    ways = engine.successors(scenario, state)
    coin = [way for way in ways if way.option.label == "Toss a coin"]
    assert [(way.luck, way.weight, way.total) for way in coin] == [("heads", 3, 4), ("tails", 1, 4)]
    assert len(ways) == len(engine.options(scenario, state)) + 1
    wait = next(way for way in ways if way.option.label.startswith("Wait until"))
    assert wait.events == ("midnight",) and all(way.events == () for way in ways if way is not wait)


def test_a_timed_event_interrupts_wherever_the_player_is_and_fires_once() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    for _ in range(2):
        state = engine.choose(scenario, state, option(scenario, state, "Be kind").key)
    assert state.scene == "hub" and state.time == minutes_of("23:50")
    state = engine.choose(scenario, state, option(scenario, state, "Reset trust").key)
    assert state.scene == "square" and state.fired == ("midnight",) and "late-news" in state.flags
    assert state.response == "Midnight strikes at 00:00 (day 2)."
    state = engine.choose(scenario, state, option(scenario, state, "Back").key)
    assert state.scene == "hub" and state.fired == ("midnight",)
    assert engine.scene_text(scenario, state).startswith("After midnight, Reporter: 00:10 (day 2), day 2, 50 minutes")


def test_waiting_until_a_time_costs_the_minutes_left_and_crosses_midnight() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    wait = option(scenario, state, "Wait until")
    assert wait.minutes == 75
    state = engine.choose(scenario, state, wait.key)
    assert clock_text(state.time) == "00:45 (day 2)" and state.scene == "square"  # the event fired on the way
    state = engine.choose(scenario, state, option(scenario, state, "Back").key)
    assert option(scenario, state, "Wait until").minutes == 0  # already past


def test_clock_text_and_minutes_of_agree_across_days() -> None:
    for text in ("00:00", "23:59", "00:15 (day 2)", "12:00 (day 3)"):
        assert clock_text(minutes_of(text)) == text
    assert minutes_of("00:15 (day 2)") == 24 * 60 + 15


def test_outcomes_test_what_the_filed_story_carried_and_whom_it_quoted() -> None:
    scenario = load()
    state = engine.new_game(scenario)
    filed_at = engine.filing_time(scenario, state)
    assert engine.ending_for(scenario, state, 90, set(), filed_at) == "filed"
    assert engine.ending_for(scenario, state, 90, set(), filed_at, {"news"}, {"mo"}) == "scoop"
    assert engine.ending_for(scenario, state, 90, set(), filed_at, {"news"}, set()) == "filed"
    assert engine.ending_for(scenario, state, 90, set(), filed_at, {"news", "rumour"}, {"mo"}) == "wrong"
    at_desk = engine.choose(scenario, state, option(scenario, state, "File").key)
    assert engine.file_story(scenario, at_desk, 90, carried=frozenset({"news"}),
                             quoted=frozenset({"mo"})).ending == "scoop"


def test_a_shared_question_is_asked_separately_in_each_scene() -> None:
    scenario = load(edit('start: "23:30"', 'start: "22:00"'))
    state = engine.new_game(scenario)
    state = engine.choose(scenario, state, option(scenario, state, "Toss a coin").key, luck="tails")
    state = engine.choose(scenario, state, engine.options(scenario, state)[0].key)
    assert state.taken[-1] == Key("square", "question", "shared-q")
    state = engine.choose(scenario, state, option(scenario, state, "Back").key)
    state = engine.choose(scenario, state, option(scenario, state, "Talk to Mo").key)
    assert state.scene == "office" and engine.options(scenario, state)[0].key.text == "office/ask:shared-q"


def test_the_playtester_branches_on_world_outcomes_and_reaches_every_ending() -> None:
    report = explore(load())
    assert report.complete and not report.dead_ends and not report.errors
    assert set(report.endings) == {"filed", "scoop", "wrong"}
    assert {"hub", "office", "square"} <= report.scenes


def test_the_story_map_shows_chance_outcomes_and_timed_events() -> None:
    scenario = load()
    graph = dot(scenario)
    assert "tails (1/4)" in graph and "(event midnight)" in graph and "shape=cds" in graph
    assert "carried news, quoted mo" in graph
    assert "tails (1/4)" in mermaid(scenario)


def test_an_old_save_still_loads() -> None:
    from game.loader import load_scenario

    for name, scenario_file in (("hanoi", "hanoi-summit"), ("count-night", "count-night")):
        scenario = load_scenario(ROOT / "scenarios" / f"{scenario_file}.yaml")
        path = ROOT / "tests" / "fixtures" / f"save-format-1-{name}.json"
        assert "player" not in json.loads(path.read_text())["state"]  # written before these fields existed
        state, undo = load_game(Path(path), scenario)
        assert (state.player, state.seed, state.fired) == ("", 0, ())
        assert undo and engine.options(scenario, state) is not None
        if not state.at_desk:
            engine.successors(scenario, state)


def test_new_state_fields_round_trip_and_bad_ones_are_refused() -> None:
    scenario = load()
    state = engine.new_game(scenario, player="Ada", seed=5)
    state = engine.choose(scenario, state, option(scenario, state, "Toss a coin").key, luck="heads")
    state = engine.choose(scenario, state, option(scenario, state, "Be kind").key)
    assert [step.luck for step in state.history] == ["heads", None]
    saved = state.to_json()
    assert [len(step) for step in saved["history"]] == [5, 4]  # steps without luck are saved as before
    assert engine.GameState.from_json(json.loads(json.dumps(saved))) == state
    for bad in ({"seed": "5"}, {"seed": True}, {"player": 3}):
        with pytest.raises(ValueError):
            engine.GameState.from_json({**state.to_json(), **bad})


# --- misuse: each a located problem ---------------------------------------------------------------

def test_an_unknown_template_name_is_located_inside_the_text_with_a_hint() -> None:
    text = edit("Trust: {counter.trust}.", "Trust: {counter.trusst}.")
    problem = only(problems(text), "R320")
    assert (problem.line, problem.column) == at(text, "{counter.trusst}")
    assert "trusst" in problem.message and problem.hint == "did you mean 'trust'?"


def test_an_unknown_builtin_template_suggests_the_closest() -> None:
    text = edit("The hub at {clock}.", "The hub at {clok}.")
    problem = only(problems(text), "R320")
    assert (problem.line, problem.column) == at(text, "{clok}")
    assert problem.hint == "did you mean 'clock'?"


def test_an_unknown_person_in_a_template_in_a_shared_question() -> None:
    text = edit("{person.mo}?", "{person.moe}?")
    problem = only(problems(text), "R320")
    assert (problem.line, problem.column) == at(text, "{person.moe}")
    assert problem.hint == "did you mean 'mo'?"


def test_an_unclosed_brace_is_located() -> None:
    text = edit("text: Tails.", 'text: "Tails {clock."')
    problem = only(problems(text), "R320")
    assert (problem.line, problem.column) == at(text, "{clock.")
    assert "no '}' closes" in problem.message


def test_a_template_in_a_block_scalar_is_located_on_its_own_line() -> None:
    text = edit("  - id: office\n    text: Mo's office.",
                "  - id: office\n    text: |\n      Mo's office.\n      It is {clockk} now.")
    problem = only(problems(text), "R320")
    assert (problem.line, problem.column) == at(text, "{clockk}")


def test_the_last_wording_must_have_no_condition() -> None:
    text = edit("          - text: Talk to Mo\n", "          - {text: Talk to Mo, when: {flag: lucky}}\n")
    problem = only(problems(text), "S204")
    assert problem.line == at(text, "      - label:\n          - when: {counter: trust")[0] + 1
    assert "last wording" in problem.message


def test_an_unknown_condition_inside_a_wording_is_located() -> None:
    text = edit("      - when: {flag: late-news}", "      - when: {flag: late-nws}")
    problem = only(problems(text), "R309")
    assert (problem.line, problem.column) == at(text, "late-nws")
    assert "did you mean 'late-news'?" in (problem.hint or "")


def test_set_to_an_unknown_counter() -> None:
    text = edit("set_to: {trust: 0}", "set_to: {trusted: 0}")
    problem = only(problems(text), "R309")
    assert problem.line == at(text, "trusted")[0]


def test_until_and_minutes_together_are_refused() -> None:
    text = edit('until: "00:45 (day 2)"', 'until: "00:45 (day 2)"\n        minutes: 5')
    problem = only(problems(text), "S204")
    assert problem.line == at(text, "      - label: Wait until")[0] and "either `minutes` or `until`" in problem.message


def test_a_badly_written_day_is_refused_with_the_time_hint() -> None:
    text = edit('until: "00:45 (day 2)"', 'until: "00:45 day 2"')
    problem = only(problems(text), "S204")
    assert (problem.line, problem.column) == at(text, '"00:45 day 2"')


def test_a_deadline_past_midnight_must_say_its_day() -> None:
    text = edit('deadline: "01:00 (day 2)"', 'deadline: "01:00"')
    problem = only(problems(text), "S204")
    assert problem.line == at(text, "clock:")[0] + 1 and "deadline must come after the start" in problem.message


def test_chance_outcomes_need_distinct_ids_and_a_known_goto() -> None:
    text = edit("{id: tails, text: Tails., goto: square,", "{id: heads, text: Tails., goto: squar,")
    found = problems(text)
    assert "two chance outcomes are called 'heads'" in only(found, "S204").message
    text = edit("goto: square,", "goto: squar,")
    problem = only(problems(text), "R302")
    assert (problem.line, problem.column) == at(text, "squar,") and "did you mean 'square'?" in (problem.hint or "")


def test_a_filing_choice_cannot_have_chance_outcomes() -> None:
    text = edit("      - label: File\n        file: true",
                "      - label: File\n        file: true\n        chance: [{id: a}]")
    assert "cannot have `chance:`" in only(problems(text), "S204").message


def test_an_unknown_shared_question_is_located_with_a_hint() -> None:
    text = SCENARIO.replace("        - use: shared-q\n    choices:\n      - {label: Back, goto: hub}\n  - id: square",
                            "        - use: shared-qq\n    choices:\n      - {label: Back, goto: hub}\n  - id: square")
    problem = only(problems(text), "R310")
    assert (problem.line, problem.column) == at(text, "shared-qq")
    assert "did you mean 'shared-q'?" in (problem.hint or "")


def test_a_use_item_with_other_fields_says_what_use_takes() -> None:
    text = SCENARIO.replace("        - use: shared-q\n    choices:\n      - {label: Back, goto: hub}\n  - id: square",
                            "        - {use: shared-q, ask: Why}\n    choices:\n      - {label: Back, goto: hub}\n"
                            "  - id: square")
    problem = only(problems(text), "S201")
    assert (problem.line, problem.column) == at(text, "ask: Why")
    assert "takes no other field" in (problem.hint or "")


def test_a_shared_question_that_clashes_with_a_scene_question_is_a_duplicate() -> None:
    text = edit("        - use: shared-q\n    choices:\n      - {label: Back, goto: hub}\n  - id: square",
                "        - {id: shared-q, ask: Again?}\n    choices:\n      - {label: Back, goto: hub}\n"
                "  - id: square")
    problem = only(problems(text), "R301")
    assert problem.line == at(text, "{id: shared-q, ask")[0]


def test_an_event_with_an_unknown_goto_and_a_duplicate_id() -> None:
    text = edit("    goto: square\nscenes:", "    goto: squaer\n  - {id: midnight, at: \"00:10 (day 2)\"}\nscenes:")
    found = problems(text)
    assert only(found, "R302").line == at(text, "goto: squaer")[0]
    assert only(found, "R301").line == at(text, '{id: midnight, at: "00:10')[0]


def test_an_outcome_carrying_an_unknown_fact_or_quoting_an_unknown_person() -> None:
    text = edit("{ending: scoop, carried: [news], quoted: [mo]}", "{ending: scoop, carried: [newz], quoted: [moo]}")
    found = problems(text)
    assert only(found, "R304").column == at(text, "newz")[1]
    assert only(found, "R305").column == at(text, "moo]")[1]


def test_an_arrival_with_an_unknown_flag() -> None:
    text = edit("        set: [seen-hub]", "        set: [seen-hubb]")
    assert only(problems(text), "R309").line == at(text, "seen-hubb")[0]


# --- lint: never-true conditions in the new places ------------------------------------------------

def lint_codes(text: str) -> dict[str, list[Problem]]:
    linted = lint_text(text, "features.yaml")
    assert linted.checked.errors == []
    found: dict[str, list[Problem]] = {}
    for problem in linted.findings:
        found.setdefault(problem.code, []).append(problem)
    return found


def test_lint_finds_a_wording_that_is_never_shown() -> None:
    text = edit("      - when: {counter: trust, at_least: 2}\n        text: \"You trust",
                "      - when: {counter: trust, at_least: 99}\n        text: \"You trust")
    assert "L106" not in lint_codes(text)  # trust can rise without end, so 99 is possible
    text = edit("      - when: {flag: late-news}", "      - when: {all: [{flag: lucky}, {not: {flag: lucky}}]}")
    [problem] = lint_codes(text)["L106"]
    assert problem.line == at(text, "      - when: {all: [{flag: lucky}")[0]


def test_lint_finds_an_event_and_an_arrival_that_never_happen() -> None:
    text = edit("    at: \"00:00 (day 2)\"", "    at: \"00:00 (day 2)\"\n    when: {before: \"23:00\"}")
    found = lint_codes(text)
    assert found["L108"][0].line == at(text, "when: {before: \"23:00\"}")[0]
    assert "already past 23:00" in found["L108"][0].message
    text = edit("      - when: {counter: trust, at_least: 3}", "      - when: {counter: trust, at_least: 3}\n"
                "        first_time: false\n      - when: {flag: nobody-sets}")
    text = text.replace("flags: [lucky, late-news, seen-hub]", "flags: [lucky, late-news, seen-hub, nobody-sets]")
    found = lint_codes(text)
    assert found["L107"][0].line == at(text, "when: {flag: nobody-sets}")[0]


def test_lint_counts_a_counter_shown_in_text_as_used() -> None:
    text = SCENARIO.replace("counters:\n  trust: 1", "counters:\n  trust: 1\n  shown: 4").replace(
        "Trust: {counter.trust}.", "Trust: {counter.trust}. Shown: {counter.shown}.")
    assert "L160" not in lint_codes(text) and "L161" not in lint_codes(text)


def test_a_hostile_player_name_stays_plain_text_through_the_interface_sanitiser() -> None:
    from game.ui.text import plain

    scenario = load()
    state = engine._evolve(engine.new_game(scenario, player="\x1b[31mEve[bold]"), flags=("late-news",))
    shown = engine.scene_text(scenario, state)
    assert "\x1b[31mEve[bold]" in shown  # the engine returns the words as given...
    rendered = plain(shown)
    assert "\x1b" not in rendered.plain and "Eve[bold]" in rendered.plain  # ...the interface removes escapes
    assert not rendered.spans  # and never reads markup


def test_lint_warns_of_a_template_where_it_would_be_shown_as_written() -> None:
    text = edit("  - id: office\n    text: Mo's office.", "  - id: office\n    place: \"{person.mo}'s office\"\n"
                "    text: Mo's office.")
    [problem] = lint_codes(text)["L109"]
    assert problem.line == at(text, "place:")[0] and "shown as written" in problem.message


# --- the walker: world outcomes and timed events --------------------------------------------------

WORLD = """\
format: 1
id: world
version: "1"
title: World
summary: Luck and the clock decide.
authors: [Tests]
sources:
  - {id: notes, title: Notes, outlet: Tests, date: "2024-01-01", where: here}
clock: {start: "09:00", deadline: "12:00", minutes_per_action: 10}
people:
  - {id: ed, name: Ed Eddy, role: editor, real: false}
quotes:
  - {id: ed-go, speaker: ed, text: Go., context: the call, kind: on_record}
events:
  - {id: storm, at: "09:30", text: The storm comes., goto: storm-end}
scenes:
  - id: start
    text: The start.
    gather: [ed-go]
    choices:
      - label: Roll the dice
        goto: start
        chance:
          - {id: six, goto: six-end}
          - {id: other, weight: 5}
      - label: Leave
        goto: plain-end
  - {id: six-end, text: A six., ending: {title: Six, tone: great}}
  - {id: storm-end, text: The storm., ending: {title: Storm, tone: bad}}
  - {id: plain-end, text: Plain., ending: {title: Plain, tone: good}}
"""


def test_the_walker_reaches_an_ending_only_a_chance_outcome_leads_to() -> None:
    report = explore(load(WORLD))
    assert report.complete and report.exhaustive
    assert report.endings["six-end"] == ["Roll the dice [the world: six]"]
    assert report.chances == {"start/1:six", "start/1:other"}


def test_the_walker_reaches_an_ending_only_a_timed_event_leads_to() -> None:
    report = explore(load(WORLD))
    assert len(report.endings["storm-end"]) == 3  # three rolls of "other" pass 09:30
    assert report.events == {"storm"} and report.as_json()["events_never"] == []


def test_the_walker_reports_chance_outcomes_and_events_no_route_sees() -> None:
    text = WORLD.replace("      - label: Roll the dice\n",
                         "      - label: Roll the dice\n        when: {after: \"23:00\"}\n")
    text = text.replace('at: "09:30"', 'at: "11:00"').replace("      - label: Leave\n        goto: plain-end",
                                                             "      - label: Leave\n        goto: plain-end\n"
                                                             "        minutes: 0")
    scenario = load(text)
    report = explore(scenario)
    data = report.as_json()
    assert data["chances_never"] == ["start/1:six", "start/1:other"] and data["events_never"] == ["storm"]
    assert data["chances_drawn"] == 0 and data["events_come"] == 0


def test_random_playthroughs_draw_chance_outcomes_by_weight() -> None:
    from game.authoring.playtest import play_randomly

    report = play_randomly(load(WORLD), runs=200, seed=3)
    assert report.chances == {"start/1:six", "start/1:other"} and "six-end" in report.endings
