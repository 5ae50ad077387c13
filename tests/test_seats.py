"""Seats of a served class: names of any kind never collide, never escape the results folder, and come back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.classroom.seats import JoinError, Roster, same_code, slug, tidy_name


def test_the_same_name_twice_at_once_gets_two_seats_with_their_own_folders(tmp_path: Path) -> None:
    roster = Roster(tmp_path)
    first = roster.join("Sam Lee")
    second = roster.join("sam  lee", busy={first.id})  # Sam Lee is playing: this is someone else
    assert (first.name, second.name) == ("Sam Lee", "sam lee (2)")
    assert first.id != second.id and first.ticket != second.ticket
    assert roster.seat_data(first) != roster.seat_data(second)
    assert roster.seat_results(first) != roster.seat_results(second)


def test_a_ticket_finds_its_own_seat_and_a_free_name_is_the_same_student(tmp_path: Path) -> None:
    roster = Roster(tmp_path)
    first = roster.join("Sam")
    second = roster.join("Sam", busy={first.id})
    assert roster.join("Sam", second.ticket, busy={first.id, second.id}) == second  # a reload of the second
    assert roster.join("SAM", busy={second.id}) == first  # the first, back on another machine
    assert roster.join("Sam (2)", busy={first.id}) == second  # typed as the teacher page shows it
    assert roster.by_ticket(first.id, first.ticket) == first
    assert roster.by_ticket(first.id, second.ticket) is None and roster.by_ticket("nobody", first.ticket) is None


@pytest.mark.parametrize(("typed", "folder"), [
    ("../x", "x"), ("../../etc/passwd", "etc-passwd"), ("/", "student"), (".", "student"), ("..", "student"),
    ("C:\\Windows", "c-windows"), ("con", "student-con"), ("NUL", "student-nul"),
    ("Zoë", "zoë"), ("Nguyễn Thị Ánh", "nguyễn-thị-ánh"), ("李小龍", "李小龍"), ("محمد", "محمد"),
    ("🦊🦊", "student"), ("ｆｕｌｌ width", "full-width"), ("Tab\tand\nnewline", "tab-and-newline"),
])
def test_any_name_makes_a_plain_folder_inside_the_results_folder(tmp_path: Path, typed: str, folder: str) -> None:
    roster = Roster(tmp_path / "results")
    seat = roster.join(typed)
    assert seat.id == folder
    for path in (roster.seat_data(seat), roster.seat_results(seat)):
        assert path.resolve().parent in ((tmp_path / "results").resolve(),
                                         (tmp_path / "results" / ".newsroom-class" / "seats").resolve())


def test_names_are_tidied_and_a_name_is_needed(tmp_path: Path) -> None:
    assert tidy_name("  Ada\u200b \x1b[31mLovelace\u202e ") == "Ada [31mLovelace"  # no controls, no bidi tricks
    assert len(tidy_name("x" * 500)) == 60
    with pytest.raises(JoinError, match="name"):
        Roster(tmp_path).join(" \u200b\t ")


def test_a_folder_already_in_the_results_folder_is_never_taken_over(tmp_path: Path) -> None:
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / "theirs.json").write_text("{}")
    seat = Roster(tmp_path).join("Ada")
    assert seat.id == "ada-2"


def test_the_roster_and_the_codes_outlive_the_server(tmp_path: Path) -> None:
    roster = Roster(tmp_path)
    seat = roster.join("Ada")
    codes = roster.codes()
    again = Roster(tmp_path)
    assert again.seats == {seat.id: seat} and again.codes() == codes
    assert again.codes("ab c12").student == "ABC12" and Roster(tmp_path).codes().teacher == codes.teacher
    assert len(codes.student) == 6 and len(codes.teacher) >= 16 and codes.student != codes.teacher
    (tmp_path / ".newsroom-class" / "roster.json").write_text(json.dumps(
        {"seats": [{"id": "../../evil", "name": "x", "ticket": "t"}, {"id": seat.id, "name": "Ada", "ticket": "t2"}]}))
    assert list(Roster(tmp_path).seats) == [seat.id]  # an edited roster cannot point outside


def test_the_class_code_is_forgiving_about_case_and_spaces() -> None:
    assert same_code(" ab c12 ", "ABC12") and not same_code("ABC13", "ABC12") and not same_code("", "ABC12")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_a_slug_is_always_one_plain_folder_name(name: str) -> None:
    folder = slug(name)
    assert folder and "/" not in folder and "\\" not in folder and "." not in folder and not folder.startswith("-")
    assert Path(folder).name == folder and len(folder) <= 48
