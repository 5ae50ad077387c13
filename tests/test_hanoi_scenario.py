"""The Hanoi summit scenario: valid, true to its record, and playable on every route to every ending.

The exhaustive walk (playtest's, with a hook that watches every state) drives `game.engine` through every
reachable state; scripted playthroughs follow the routes a teacher would demonstrate. The record and the
quote checker live beside the repository, in ../shared (see /work/shared); the two tests that need them say
so if they are missing.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from game import engine
from game.authoring.playtest import Playtest, explore
from game.engine import GameState
from game.loader import check_file, load_scenario
from game.model import Scenario, minutes_of

ROOT = Path(__file__).resolve().parent.parent
HANOI = ROOT / "scenarios" / "hanoi-summit.yaml"
SHARED = ROOT.parent / "shared"
RECORD = SHARED / "source" / "hanoi-summit-2019.txt"
CHECK_QUOTES = SHARED / "tools" / "check_quotes.py"

needs_record = pytest.mark.skipif(not (RECORD.exists() and CHECK_QUOTES.exists()),
                                  reason=f"the record and quote checker are not beside the repository ({SHARED})")

ROUTES = ("take-pool", "go-street", "stay-desk")
"""The three ways into the day, chosen at the morning briefing."""


@cache
def hanoi() -> Scenario:
    return load_scenario(HANOI)


ARRIVALS: dict[str, set[int]] = {}
"""The clock in every distinct state of each scene, filled in by the full walk."""
HALL_WAITS: list[tuple[str, int]] = []
"""Moments before two in the press conference hall that do not offer exactly one way to wait."""
CLOSED_WITH_QUESTIONS_LEFT: set[int] = set()
"""Times at which the press conference had ended with some of the player's questions still unasked."""


def _observe(state: GameState, offered: list[engine.Option]) -> None:
    ARRIVALS.setdefault(state.scene, set()).add(state.time)
    if state.scene == "presser-hall" and state.time < minutes_of("14:00"):
        count = sum(option.label == "Wait for the president" for option in offered)
        if count != 1:
            HALL_WAITS.append((engine.clock(state), count))
    scene = engine.current_scene(hanoi(), state)
    if scene.questions and engine.questions_left(scene, state) and not any(o.kind == "question" for o in offered):
        CLOSED_WITH_QUESTIONS_LEFT.add(state.time)


@cache
def full_walk() -> Playtest:
    """Playtest's walker over every state, with a hook that watches each reporting state."""
    report = explore(hanoi(), on_state=_observe)
    assert report.exhaustive
    return report


@cache
def checker() -> ModuleType:
    """tools/check_quotes.py itself, so that these tests normalise text exactly as it does."""
    spec = importlib.util.spec_from_file_location("check_quotes", CHECK_QUOTES)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def real_people(scenario: Scenario) -> set[str]:
    return {person.id for person in scenario.people if person.real}


def take(state: GameState, *picks: str) -> GameState:
    """Play on by choice or question id (the key's id) or, failing that, by the start of a label."""
    scenario = hanoi()
    for pick in picks:
        offered = engine.options(scenario, state)
        match = [o for o in offered if o.key.id == pick]
        match = match or [o for o in offered if o.label.startswith(pick)]
        assert len(match) == 1, f"'{pick}' in scene {state.scene} at {engine.clock(state)}: " + ", ".join(
            f"{o.key} ({o.label})" for o in offered)
        state = engine.choose(scenario, state, match[0].key)
    return state


def principles(state: GameState) -> set[str | None]:
    return {principle for principle, _ in engine.debrief(hanoi(), state)}


# --- the file ------------------------------------------------------------------------------------

def test_validate_reports_no_problems() -> None:
    checked = check_file(HANOI)
    assert checked.scenario is not None
    assert checked.problems == [], "\n".join(str(problem) for problem in checked.problems)


def test_the_file_names_its_schema_for_editors() -> None:
    assert HANOI.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=scenario.schema.json\n")


def test_it_is_the_shipped_default() -> None:
    from game.bundled import DEFAULT_SCENARIO, resolve

    assert hanoi().id == DEFAULT_SCENARIO
    assert resolve(None).resolve() == HANOI


# --- real people speak only their own words ------------------------------------------------------

@needs_record
def test_check_quotes_passes_on_the_newsroom_quotes_output() -> None:
    listed = subprocess.run([sys.executable, "-m", "game", "quotes", str(HANOI), "--json"],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    checked = subprocess.run([sys.executable, str(CHECK_QUOTES), str(RECORD)], input=listed.stdout,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    verbatim = re.search(r"(\d+) of (\d+) real-person quotes verbatim", checked.stdout)
    assert verbatim and verbatim.group(1) == verbatim.group(2) and int(verbatim.group(1)) >= 12, checked.stdout


def test_at_least_twelve_real_person_quotes_and_each_person_in_the_brief_is_heard() -> None:
    scenario = hanoi()
    real = [quote for quote in scenario.quotes if quote.speaker in real_people(scenario)]
    assert len(real) >= 12
    assert {quote.speaker for quote in real} >= {"trump", "kim", "sanders", "reporter-video", "reporter-asked"}


def test_pompeo_and_warmbier_have_no_words_and_notes_on_how_to_write_about_them() -> None:
    scenario = hanoi()
    assert not [quote for quote in scenario.quotes if quote.speaker in ("pompeo", "warmbier")]
    people = {person.id: person for person in scenario.people}
    assert people["pompeo"].real and "Never quote him" in (people["pompeo"].note or "")
    assert people["warmbier"].real and "restraint" in (people["warmbier"].note or "")


def test_the_unnamed_reporters_are_real_but_not_given_names() -> None:
    people = {person.id: person for person in hanoi().people}
    for reporter in ("reporter-video", "reporter-asked"):
        assert people[reporter].real
        assert "not named in the record" in people[reporter].name


@needs_record
def test_every_real_world_fact_excerpt_is_verbatim_in_the_record() -> None:
    normalise = checker().normalise
    record = normalise(RECORD.read_text(encoding="utf-8"))
    scenario = hanoi()
    fictional = {person.id for person in scenario.people if not person.real}
    for fact in scenario.facts:
        if fact.claimed_by in fictional:
            assert fact.status == "rumour" and fact.excerpt is None, fact.id  # the newsroom's talk, not the record
            continue
        assert fact.excerpt, f"{fact.id} needs an excerpt from the record"
        assert normalise(fact.excerpt) in record, fact.id


def _narrative(scenario: Scenario) -> Iterator[tuple[str, str]]:
    """Every piece of the scenario's own writing a player reads, with where it is."""
    for scene in scenario.scenes:
        yield scene.id, scene.text
        yield from ((scene.id, variant.text) for variant in scene.extra)
        for choice in scene.choices:
            yield from ((scene.id, text) for text in (choice.label, choice.response, choice.debrief) if text)
        for question in scene.questions.items if scene.questions else []:
            yield from ((scene.id, text) for text in (question.ask, question.answer, question.debrief) if text)
    yield from (("debrief", note.text) for note in scenario.debrief)


def _runs(text: str, length: int, normalise: object) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", normalise(text).lower())  # type: ignore[operator]
    return {tuple(words[i:i + length]) for i in range(len(words) - length + 1)}


@needs_record
def test_scene_text_is_our_own_writing_not_the_articles() -> None:
    normalise = checker().normalise
    record = _runs(RECORD.read_text(encoding="utf-8"), 6, normalise)
    copied = [(where, " ".join(run)) for where, text in _narrative(hanoi()) for run in _runs(text, 6, normalise)
              if run in record]
    assert not copied, copied


@needs_record
def test_fictional_people_never_speak_the_records_words() -> None:
    normalise = checker().normalise
    record = _runs(RECORD.read_text(encoding="utf-8"), 5, normalise)
    scenario = hanoi()
    fictional = [quote for quote in scenario.quotes if quote.speaker not in real_people(scenario)]
    assert {quote.speaker for quote in fictional} == {"maren", "tom", "linh", "gideon"}
    borrowed = [(quote.id, " ".join(run)) for quote in fictional for run in _runs(quote.text, 5, normalise)
                if run in record]
    assert not borrowed, borrowed


# --- facts, claims, rumours, filing --------------------------------------------------------------

def test_claims_are_trumps_and_rumours_are_false() -> None:
    facts = {fact.id: fact for fact in hanoi().facts}
    for claim in ("sanctions-dispute", "yongbyon-offer", "uranium-plant", "warmbier-trump-view"):
        assert (facts[claim].status, facts[claim].claimed_by) == ("claim", "trump"), claim
    for rumour in ("signing-still-on", "talks-on-track"):
        assert facts[rumour].status == "rumour" and facts[rumour].accurate is False and facts[rumour].check
    assert {"without a deal", "no deal", "without an agreement", "no agreement"} <= set(facts["no-deal"].wording)
    assert {"signed a deal", "reached an agreement"} <= set(facts["no-deal"].contradictions)


def test_the_desk_asks_for_the_news_first_and_both_sides() -> None:
    filing = hanoi().filing
    assert filing is not None
    weights = {key.fact: key.weight for key in filing.key_facts}
    assert set(weights) >= {"no-deal", "talks-cut-short", "lunch-signing-cancelled", "sanctions-dispute",
                            "yongbyon-offer", "no-future-summit", "kim-hopeful"}
    assert max(weights, key=lambda fact: weights[fact]) == "no-deal"
    assert sorted(weights.values()).count(weights["no-deal"]) == 1
    sides = {side.label: set(side.people) for side in filing.balance}
    assert "trump" in sides["The United States"] and sides["North Korea"] == {"kim"}
    assert 20 <= filing.writing_minutes <= 60


def test_outcomes_cover_a_missed_deadline_and_a_correction() -> None:
    filing = hanoi().filing
    assert filing is not None
    outcomes = filing.outcomes
    assert outcomes[0].late is True and outcomes[0].ending == "end-missed"
    assert any(outcome.ending == "end-correction" and set(outcome.errors_in) == {"accuracy", "verification", "quotes"}
               for outcome in outcomes)
    assert len({outcome.ending for outcome in outcomes}) >= 5


# --- shape of the day ----------------------------------------------------------------------------

def test_enough_scenes_places_and_a_social_feed() -> None:
    scenario = hanoi()
    reporting = [scene for scene in scenario.scenes if not scene.ending]
    assert len(reporting) >= 25
    places = {scene.place for scene in reporting if scene.place}
    assert "Social feed" in places
    assert len(places - {"Social feed"}) >= 4


def test_every_key_choice_carries_a_debrief_note_and_the_debrief_teaches_principles() -> None:
    scenario = hanoi()
    keyed = {choice.id: choice.debrief for scene in scenario.scenes for choice in scene.choices if choice.id}
    keyed |= {question.id: question.debrief for scene in scenario.scenes if scene.questions
              for question in scene.questions.items}
    for key in (*ROUTES, "step-out", "see-room", "linh-check", "desk-ring-linh", "check-board", "pool-tell-maren",
                "street-tell-maren", "desk-tell-maren", "follow-kim", "hall-gideon", "ask-offer", "ask-warmbier",
                "ask-signing-delay", "feed-check"):
        assert keyed[key], f"{key} needs a debrief note"
    assert len(scenario.debrief) >= 8 and all(note.principle for note in scenario.debrief)
    assert len(scenario.objectives) >= 5


# --- the exhaustive walk -------------------------------------------------------------------------

def test_the_walk_stays_small() -> None:
    """A guard against a design change that makes the state space explode (and this suite slow)."""
    assert full_walk().states < 20_000 and full_walk().exhaustive


def test_playtests_walker_covers_what_the_old_hanoi_walker_covered() -> None:
    """Before tests/hanoi_walk.py was retired, a test compared the two walkers on this scenario and they
    agreed on every coverage question (commit "Hanoi tests walk with playtest's walker"). The old one's
    figures, kept here: 32 scenes, 7 endings (one only late), 24 quotes, 16 facts, 2 checked, 88 options,
    in 5,758 states memoised on the exact clock."""
    new, scenario = full_walk(), hanoi()
    assert len(new.scenes) == 32 == len(scenario.scenes)
    assert len(new.endings) == 7 and new.late_endings == {"end-missed"}
    assert (len(new.quotes), len(new.facts), len(new.verified)) == (24, 16, 2)
    assert len(new.choices | new.questions) == 88
    assert new.states <= 5_758


def test_every_ending_is_reached_and_only_lateness_misses_the_edition() -> None:
    found, scenario = full_walk(), hanoi()
    endings = {scene.id for scene in scenario.scenes if scene.ending}
    assert set(found.endings) == endings
    assert found.late_endings == {"end-missed"}
    assert found.on_time_endings == endings - {"end-missed"}


def test_every_scene_is_reached() -> None:
    assert full_walk().scenes == {scene.id for scene in hanoi().scenes}


def test_no_route_dead_ends() -> None:
    found = full_walk()
    assert found.dead_ends == [], [(stuck.scene, stuck.route) for stuck in found.dead_ends[:5]]
    assert found.errors == []
    assert found.desk_states > 0


def test_every_quote_can_be_gathered_on_some_route() -> None:
    assert full_walk().quotes == {quote.id for quote in hanoi().quotes}


def test_every_fact_can_be_learned_and_every_rumour_checked() -> None:
    found, scenario = full_walk(), hanoi()
    assert found.facts == {fact.id for fact in scenario.facts}
    assert found.verified >= {"signing-still-on", "talks-on-track"}


def test_every_choice_and_question_is_offered_somewhere() -> None:
    scenario = hanoi()
    keys = {engine.choice_key(scene, position, choice).text  # the report names them by their text form
            for scene in scenario.scenes for position, choice in enumerate(scene.choices)}
    keys |= {engine.question_key(scene, question).text
             for scene in scenario.scenes if scene.questions for question in scene.questions.items}
    assert keys - (full_walk().choices | full_walk().questions) == set()


def test_the_day_keeps_the_records_order() -> None:
    """Kim answers in the morning; the lunch and signing fall through at midday; the president speaks at two."""
    full_walk()
    assert HALL_WAITS == [], "every moment before two in the hall offers exactly one way to wait"
    assert max(ARRIVALS["pool-spray"]) < minutes_of("09:30")
    assert max(ARRIVALS["pool-spray"]) < min(ARRIVALS["lunch-off"])
    for midday in ("lunch-off", "street-midday", "desk-rumour"):
        assert minutes_of("11:00") <= min(ARRIVALS[midday]) and max(ARRIVALS[midday]) <= minutes_of("12:30"), midday
    assert ARRIVALS["presser-opening"] <= set(range(minutes_of("14:00"), minutes_of("14:05")))
    assert min(ARRIVALS["presser-late"]) >= minutes_of("14:05")
    assert ARRIVALS["presser-stream"] == {minutes_of("14:40")}
    assert CLOSED_WITH_QUESTIONS_LEFT and min(CLOSED_WITH_QUESTIONS_LEFT) >= minutes_of("14:45"), \
        "a late arrival finds the press conference over before all their questions are put"


def test_the_three_routes_are_substantially_different() -> None:
    scenario = hanoi()
    seen: dict[str, set[str]] = {}
    for route in ROUTES:
        found = explore(scenario, start=take(engine.new_game(scenario), route))
        assert found.exhaustive and found.desk_states and not found.dead_ends, route
        seen[route] = found.scenes
    for route in ROUTES:
        others = set().union(*(seen[other] for other in ROUTES if other != route))
        assert len(seen[route] - others) >= 3, (route, seen[route] - others)


# --- playthroughs a teacher would show -----------------------------------------------------------

def test_in_the_room_you_witness_kim_answer_and_check_the_rumour() -> None:
    state = take(engine.new_game(hanoi()), "take-pool", "Through the last checkpoint", "wait-call", "shout",
                 "pool-sit", "see-room", "Into the president's hotel", "Wait for the president")
    assert "saw-kim-answer" in state.flags and state.scene == "presser-opening"
    assert engine.clock(state) == "14:00"
    assert {"kim-too-early", "kim-willing", "trump-best-answer", "trump-walk"} <= set(state.quotes)
    assert "signing-still-on" in state.verified
    state = take(state, "Get your hand up", "ask-offer", "ask-warmbier", "ask-next")
    assert engine.questions_left(engine.current_scene(hanoi(), state), state) == 0
    assert not [o for o in engine.options(hanoi(), state) if o.kind == "question"]
    state = take(state, "file-hall")
    assert state.at_desk
    assert {"Be where the news is", "Verify before you publish", "Attribute one-sided claims",
            "Report grief with restraint"} <= principles(state)
    assert engine.file_story(hanoi(), state, 92).ending == "end-front-page"


def test_stepping_out_misses_kims_answer_and_the_debrief_says_so() -> None:
    state = take(engine.new_game(hanoi()), "take-pool", "Through the last checkpoint", "step-out")
    assert state.scene == "pool-missed" and "saw-kim-answer" not in state.flags
    state = take(state, "Follow the pool out", "pool-sit", "pool-run", "Into the president's hotel",
                 "Wait for the president", "Get your hand up", "file-hall")
    assert not {"kim-too-early", "kim-willing"} & set(state.quotes)
    assert "Hear more than one side" in principles(state)
    assert "Verify before you publish" in principles(state)  # Tom's rumour was never checked


def test_waiting_for_north_korea_costs_the_edition() -> None:
    state = take(engine.new_game(hanoi()), "go-street", "To the barricades", "talk-gideon", "linh-check",
                 "follow-kim", "gate-wait")
    assert engine.clock(state) > "14:05" and "motorcades-left" in state.facts
    state = take(state, "late", "Get your hand up anyway")
    assert "trump-walk" not in state.quotes  # the opening line was missed
    state = take(state, "kim-afternoon", "afternoon-wait")
    assert state.at_desk and engine.is_late(hanoi(), engine.filing_time(hanoi(), state))
    assert engine.file_story(hanoi(), state, 99).ending == "end-missed"


def test_from_the_desk_the_feed_gives_kims_words_second_hand() -> None:
    state = take(engine.new_game(hanoi()), "read-overnight", "Back to Maren", "stay-desk", "desk-feed",
                 "video-desk", "desk-tell-maren")
    assert {"post-video", "post-asked", "kim-too-early", "kim-willing", "maren-checked"} <= set(state.quotes)
    assert "saw-kim-answer" not in state.flags and "signing-still-on" not in state.verified
    state = take(state, "Stay, draft, and watch")
    assert state.scene == "presser-stream" and engine.clock(state) == "14:40"
    state = take(state, "stream-feed", "feed-check")
    assert state.at_desk and "talks-on-track" in state.verified
    notes = principles(state)
    assert {"Say how you know", "Check when a post was written", "A rumour you repeat is a rumour you own",
            "Verify before you publish"} <= notes
    assert engine.file_story(hanoi(), state, 90, {"verification"}).ending == "end-correction"


def test_the_rumour_can_be_settled_on_the_record_at_the_press_conference() -> None:
    state = take(engine.new_game(hanoi()), "stay-desk", "desk-wait", "desk-screens", "bus",
                 "Wait for the president", "Get your hand up")
    asks = {o.key.id for o in engine.options(hanoi(), state) if o.kind == "question"}
    assert "ask-signing-delay" in asks and "ask-why-not-sign" not in asks
    state = take(state, "ask-signing-delay")
    assert "signing-still-on" in state.verified and "trump-signing" in state.quotes
    assert engine.fact_status(hanoi(), state, next(f for f in hanoi().facts if f.id == "signing-still-on")) \
        == "disproved"
