"""The play layer (`game.play`) and its two faces.

One scripted day is played through the Textual game (`App.run_test()`, keys) and through plain mode (lines
on a pipe): each face must have offered the same choices, saved the same game midway, and filed the same
story to the same state, notebook, grade and ending. And the rules filing keeps once for both: a grader
that breaks keeps the story as its draft; a story safe in its report card loses its draft; a report card
that cannot be written keeps the draft and says where.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Input, Static, TextArea

from game import paths
from game.engine import Key
from game.model import Scenario
from game.plain import run_plain
from game.play import kept, views
from game.play.filing import GradingFailed, file_story
from game.play.session import Session, autosave, resume
from game.play.title import title_view
from game.saves import SaveError, load_game
from game.ui.screens.desk import DeskScreen
from game.ui.screens.notebook import NotebookScreen
from game.ui.screens.review import ReviewScreen
from game.ui.widgets.choice_list import ChoiceList
from tests.test_plain import BODY_LINES, HEADLINE, REPORTING
from tests.ui_helpers import make_app, start_game

pytestmark = pytest.mark.usefixtures("data_dir")

BODY = "\n".join(BODY_LINES)


PRESENTERS = ("scene_view", "clock_view", "notebook_view", "desk_view", "filing_check", "review_view")
"""The play layer's presenters each face renders (`game.play.views`); the title's is `game.play.title`."""


def recording(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Every view the presenters hand out from now on, by presenter, in order."""
    seen: dict[str, list[Any]] = {name: [] for name in PRESENTERS}
    for name in PRESENTERS:
        real = getattr(views, name)

        def record(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            view = _real(*args, **kwargs)
            seen[_name].append(view)
            return view

        monkeypatch.setattr(views, name, record)
    return seen


def distinct(items: list[Any]) -> list[Any]:
    """The items in the order first seen, each once (a face may draw the same view again)."""
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def words(text: str) -> str:
    return " ".join(text.split())


def shown_on(screen: Any) -> str:
    """Everything the screen's text widgets hold (on view or scrolled away), whitespace made single spaces."""
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    for widget in screen.query(Static):
        console.print(widget.content)
    return words(console.export_text())


def plain_day(scenario: Scenario, lines: list[str], results: Path) -> tuple[int, str]:
    output = io.StringIO()
    status = run_plain(scenario, input=io.StringIO("".join(line + "\n" for line in lines)), output=output,
                       results_dir=results, new=True)
    return status, output.getvalue()


async def textual_day(results: Path, keys: list[str], file: bool) -> tuple[list[list[str]], Any, str]:
    """Play the day with keys ("n" opens the notebook and closes it again); the choice labels each scene
    showed before each key, the app at the end, and all the text its screens held on the way."""
    shown: list[list[str]] = []
    seen: list[str] = []
    app = make_app(results_dir=results)
    async with app.run_test() as pilot:
        await app.scenario_ready()
        await pilot.pause()
        seen.append(shown_on(app.screen))  # the title
        await start_game(pilot)
        for key in keys:
            seen.append(shown_on(app.screen))
            listing = app.screen.query_one(ChoiceList)
            shown.append([" ".join(str(listing.get_option_at_index(i).prompt).split())
                          for i in range(listing.option_count)])
            await pilot.press(key)
            await pilot.pause()
            if key == "n":
                assert isinstance(app.screen, NotebookScreen), type(app.screen).__name__
                seen.append(shown_on(app.screen))
                await pilot.press("escape")
                await pilot.pause()
        if file:
            assert isinstance(app.screen, DeskScreen), type(app.screen).__name__
            seen.append(shown_on(app.screen))
            app.screen.query_one("#headline", Input).value = HEADLINE
            app.screen.query_one("#body", TextArea).load_text(BODY)
            await pilot.press("ctrl+f")
            await pilot.pause()
            seen.append(shown_on(app.screen))  # the confirmation
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen), type(app.screen).__name__
            seen.append(shown_on(app.screen))
    return shown, app, " ".join(seen)


def plain_choice_lists(out: str) -> list[list[str]]:
    """Each list of choices plain mode printed, as "1 Go to the council chamber 20 min"."""
    lists = []
    for block in out.split("Choices:\n")[1:]:
        lines = []
        for line in block.splitlines():
            found = re.fullmatch(r"(\d+)\. (.*) \(([^,]*)(, then write your story)?\)", line)
            if not found:
                break
            number, text, cost, desk = found.groups()
            lines.append(f"{number} {text} {'→ story desk · ' if desk else ''}{cost}")
        lists.append(lines)
    return lists


def transcript(results: Path) -> dict[str, Any]:
    (record,) = results.glob("*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    data.pop("saved_at")
    return data


def the_same_wherever_filed(view: views.ReviewView) -> views.ReviewView:
    return replace(view, card=None, record=None)


async def test_one_day_through_both_faces_shows_saves_and_files_the_same(example: Scenario, tmp_path: Path,
                                                                        data_dir: Path) -> None:
    # midway: two choices, then each face stops; the saved games are the same game
    _, app, _ = await textual_day(tmp_path / "tui", REPORTING[:2], file=False)
    tui_state, tui_undo = load_game(paths.save_path(example.id), example)
    paths.save_path(example.id).unlink()
    status, _ = plain_day(example, ["", *REPORTING[:2]], tmp_path / "plain")
    assert status == 1  # input ended mid-game: saved, not filed
    plain_state, plain_undo = load_game(paths.save_path(example.id), example)
    assert plain_state == tui_state and plain_undo == tui_undo
    assert len(tui_undo) == 2
    paths.save_path(example.id).unlink()

    # the whole day, with a look at the notebook on the way
    route = [*REPORTING[:2], "n", *REPORTING[2:]]
    with pytest.MonkeyPatch.context() as patch:
        tui_views = recording(patch)
        shown, app, tui_text = await textual_day(tmp_path / "tui", route, file=True)
    tui_session = app.session
    with pytest.MonkeyPatch.context() as patch:
        plain_views = recording(patch)
        status, out = plain_day(example, ["", *route, "1", HEADLINE, *BODY_LINES, ".", "1"], tmp_path / "plain")
    assert status == 0, out[-800:]
    plain_text = words(out)
    # plain mode offered the same choices, with the same words and costs, at each step
    assert plain_choice_lists(out) == shown
    tui, plain = transcript(tmp_path / "tui"), transcript(tmp_path / "plain")
    assert tui == plain  # route, notebook, story, every score and finding, ending, debrief
    assert tui["ending"] is not None and tui["grade"]["overall"] >= 80
    assert f"The editor's grade: {tui['grade']['overall']} out of 100." in out
    assert tui["ending"]["title"] in out
    # and both faces leave nothing behind: no save, no draft
    assert tui_session.state.ending == tui["ending"]["id"]
    assert not kept.has_save(example.id) and kept.load_draft(example.id) == ("", "")

    # each screen: both faces were handed the same views by the play layer, and showed what is in them
    title = title_view(example.title, example.summary, example.objectives, example.objectives_before_play)
    for text in (title.title, title.summary, *title.objectives):
        assert words(text) in tui_text and words(text) in plain_text, text
    scenes = distinct(plain_views["scene_view"])
    assert scenes == [view for view in distinct(tui_views["scene_view"]) if not view.ending]  # the review follows
    assert len(scenes) >= len(REPORTING)
    for scene in scenes:
        for text in (scene.heading, *scene.paragraphs, scene.response, scene.prompt,
                     *(item.text for item in scene.gathered)):
            assert words(text) in tui_text and words(text) in plain_text, text
    clocks = distinct(plain_views["clock_view"])
    assert clocks and all(clock in tui_views["clock_view"] for clock in clocks)
    for clock in clocks:
        assert words(clock.line) in plain_text
        assert words(" · ".join(part for part in (clock.place, *clock.forms[0]) if part)) in tui_text, clock.line
    (notebook,) = distinct(plain_views["notebook_view"])
    assert distinct(tui_views["notebook_view"]) == [notebook] and notebook.speakers and notebook.facts
    for text in (*(speaker.name for speaker in notebook.speakers),
                 *(quote.text for speaker in notebook.speakers for quote in speaker.quotes),
                 *(fact.statement for fact in notebook.facts), *(fact.status for fact in notebook.facts)):
        assert words(text) in tui_text and words(text) in plain_text, text
    (desk,) = distinct(plain_views["desk_view"])
    assert distinct(tui_views["desk_view"]) == [desk] and desk.brief
    for text in (desk.brief, desk.writing):
        assert words(text) in tui_text and words(text) in plain_text, text
    (check,) = distinct(plain_views["filing_check"])
    assert distinct(tui_views["filing_check"]) == [check]
    assert words(check.summary) in tui_text and words(check.summary) in plain_text
    (review,) = [the_same_wherever_filed(view) for view in distinct(plain_views["review_view"])]
    assert [the_same_wherever_filed(view) for view in distinct(tui_views["review_view"])] == [review]
    assert review.overall == tui["grade"]["overall"] and review.grades and review.findings
    for grade in review.grades:
        assert f"{grade.name.capitalize()}: {grade.score}" in plain_text
        assert re.search(rf"{re.escape(grade.name)} [█░]+ {grade.score}\b", tui_text), grade
    for text in (review.ending_title, review.ending_text, review.summary,
                 *(finding.message for finding in review.findings), *review.strong,
                 *(note for _, note in review.debrief)):
        assert words(text) in tui_text and words(text) in plain_text, text


def test_a_day_ended_without_a_story_removes_its_save_and_draft(example: Scenario) -> None:
    session = Session.start(example).choose(Key.parse("call/1"))
    autosave(session)
    kept.save_draft(example.id, "Headline", "Body")
    ended = replace(session, state=replace(session.state, ending="missed"))
    autosave(ended)
    assert not kept.has_save(example.id)
    assert kept.load_draft(example.id) == ("", "")
    with pytest.raises(SaveError):
        resume(example)


def at_desk(example: Scenario) -> Session:
    session = Session.start(example, "Ada")
    for key in map(Key.parse, ("call/1", "chamber/1", "steps/1", "steps/1", "steps/1")):
        session = session.choose(key) if not session.state.at_desk else session
    assert session.state.at_desk
    return session


def test_filing_deletes_the_draft_once_the_story_is_in_its_report_card(example: Scenario, tmp_path: Path) -> None:
    filed = file_story(at_desk(example), HEADLINE, BODY, tmp_path)
    assert filed.card is not None and filed.card.is_file() and filed.record is not None
    assert filed.session.state.ending and not filed.notes
    assert kept.load_draft(example.id) == ("", "")
    autosave(filed.session)
    assert not kept.has_save(example.id)


def test_a_report_card_that_cannot_be_written_keeps_the_story_as_its_draft(example: Scenario,
                                                                           tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    filed = file_story(at_desk(example), HEADLINE, BODY, blocker)
    assert filed.card is None and filed.session.state.ending
    (note,) = filed.notes
    assert "could not be saved" in note and str(kept.draft_path(example.id)) in note
    autosave(filed.session)
    assert kept.load_draft(example.id) == (HEADLINE, BODY)


def test_a_grader_that_breaks_keeps_the_draft_and_the_game_where_it_was(example: Scenario, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import game.grader

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("editor out to lunch")

    monkeypatch.setattr(game.grader, "grade_filed", broken)
    with pytest.raises(GradingFailed, match="editor out to lunch") as failure:
        file_story(at_desk(example), HEADLINE, BODY, tmp_path)
    assert "Your draft is saved" in str(failure.value)
    assert kept.load_draft(example.id) == (HEADLINE, BODY)
    assert not list(tmp_path.glob("*.json"))


def test_plain_mode_survives_a_grader_that_breaks(example: Scenario, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import game.grader

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("editor out to lunch")

    monkeypatch.setattr(game.grader, "grade_filed", broken)
    status, out = plain_day(example, ["", *REPORTING, "1", HEADLINE, *BODY_LINES, ".", "1", "q"], tmp_path)
    assert status == 0, out[-600:]
    assert "The editor could not grade this story" in out and "Traceback" not in out
    assert " · Story desk · " in out.split("The editor could not grade this story")[1]  # back at the desk
    assert kept.load_draft(example.id) == (HEADLINE, BODY)
    saved = resume(example)
    assert saved.state.at_desk and saved.state.ending is None
