"""The report card comes from a template file shipped in the package (`game/report_card.md.in`), filled in by
safe substitution: for a known transcript, and for variants that take each other branch of the card, it is
exactly the card Newsroom wrote when the card was built in code (tests/fixtures/report-card/card*.md were
written by that code, before the template)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

import game
from game import transcript as transcripts
from game.transcript import REPORT_CARD, card_parts, report_card

FIXTURES = Path(__file__).parent / "fixtures" / "report-card"


def known() -> dict[str, Any]:
    return json.loads((FIXTURES / "transcript.json").read_text(encoding="utf-8"))


def variants(t: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each a transcript that takes another branch of the card."""
    out = {}
    v = copy.deepcopy(t)
    v["grade"]["findings"] = []
    v["ending"] = None
    v["debrief"] = []
    v["notebook"] = {"quotes": [], "facts": []}
    v["route"] = []
    v["player"] = None
    out["bare"] = v
    v = copy.deepcopy(t)
    v["grade"]["late_by"] = 25
    for quote in v["notebook"]["quotes"]:
        quote["time"] = "09:40"
    for fact in v["notebook"]["facts"]:
        fact["check"] = "The engineers' | report says *six* months."
        fact["claimed_by"] = "Daniel `Okafor`"
    v["debrief"] = [{"principle": None, "text": "A note with no principle."}, *v["debrief"]]
    v["story"]["body"] += "\n\nA ``` fence and $dollar ${sign} in the story."
    v["grade"]["findings"][0]["detail"] = "line one\nline ``` two $x"
    out["late-checked"] = v
    return out


def test_the_card_for_a_known_transcript_is_the_card_built_in_code() -> None:
    t = known()
    assert t["grade"]["findings"] and t["ending"] and t["debrief"]  # the fixture takes the full branches
    assert any(finding.get("detail") for finding in t["grade"]["findings"])
    assert report_card(t) == (FIXTURES / "card.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["bare", "late-checked"])
def test_each_other_branch_of_the_card_is_as_it_was(name: str) -> None:
    card = report_card(variants(known())[name])
    assert card == (FIXTURES / f"card-{name}.md").read_text(encoding="utf-8")


def test_values_are_put_in_as_text_never_as_template() -> None:
    card = report_card(variants(known())["late-checked"])
    assert "$dollar ${sign}" in card and "$x" in card  # a "$" in the story is not a placeholder


def test_the_template_ships_inside_the_package_and_names_every_part_it_is_asked_for() -> None:
    assert REPORT_CARD.parent == Path(game.__file__).parent and REPORT_CARD.is_file()
    parts = card_parts()
    assert {"card", "finding", "route step", "quote", "fact"} <= set(parts)
    source = Path(transcripts.__file__).read_text(encoding="utf-8")
    asked = set(re.findall(r'_part\(\s*"([^"]+)"', source))
    assert asked and asked <= set(parts), asked - set(parts)


def test_a_template_missing_a_value_is_an_error_not_a_blank(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    broken = tmp_path / "card.md.in"
    broken.write_text(REPORT_CARD.read_text(encoding="utf-8").replace("$overall", "$overal"), encoding="utf-8")
    monkeypatch.setattr(transcripts, "REPORT_CARD", broken)
    card_parts.cache_clear()
    try:
        with pytest.raises(KeyError, match="overal"):
            report_card(known())
    finally:
        card_parts.cache_clear()
