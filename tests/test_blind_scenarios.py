"""Hub-and-clock scenarios written by a teacher from docs/authoring.md alone, never having read the code
(tests/scenarios/blind/, each with the author's answer key EXPECTED-<name>.md). They are what the playtest
must finish on (issue #11); here they pin what an author was promised: validate and `lint --strict` clean.

The held-out ones (heldout/) are not tuned on: only measured, with `newsroom playtest`, by whoever works on the
playtester, against its answer key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main

BLIND = Path(__file__).resolve().parent / "scenarios" / "blind"


@pytest.mark.parametrize("path", sorted(BLIND.glob("*/*.yaml")), ids=lambda path: path.name)
def test_a_teachers_scenario_validates_and_lints_strictly(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (path.parent / f"EXPECTED-{path.stem}.md").is_file()
    assert main(["validate", str(path)]) == 0, capsys.readouterr().out
    assert main(["lint", "--strict", str(path)]) == 0, capsys.readouterr().out
