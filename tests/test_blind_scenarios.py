"""Hub-and-clock scenarios written by a teacher from docs/authoring.md alone, never having read the code
(tests/scenarios/blind/, each with the author's answer key EXPECTED-<name>.md). They are what the playtest
must finish on (issue #11); here they pin what an author was promised: validate and `lint --strict` clean, but
for what lint proves can never happen because a counter cannot get far enough (which the author planted).

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
    capsys.readouterr()
    if main(["lint", "--strict", str(path)]) != 0:
        # Lint proves some planted unreachables now (a counter that can never reach a test): those, and what
        # only they lead to, are the only warnings allowed.
        findings = [line for line in capsys.readouterr().out.splitlines() if ": L" in line]
        codes = {line.split(": ")[1].split()[0] for line in findings}
        assert codes <= REACHABILITY, findings
        assert any("can reach at most" in line or "can fall to no less than" in line for line in findings), findings


REACHABILITY = {"L101", "L102", "L103", "L104", "L106", "L120", "L121", "L130", "L140", "L141"}
"""Lint's findings that something can never be offered, shown, gathered or reached."""
