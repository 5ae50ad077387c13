"""The house's shape, checked as CI runs the tests: the import-linter contracts in pyproject.toml (only the
faces import Textual, the model imports nothing of ours, the engine knows no grader, the editor knows no
engine, the classroom imports no face), ruff, and mypy on the package. Each runs the real tool; a broken
contract or a type error fails here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_COLOR": "1"})


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed beside this Python: install the test extra, pip install '.[test]'")
    return str(path)


def test_the_import_contracts_hold() -> None:
    done = run(tool("lint-imports"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
    assert "The editor knows no engine KEPT" in done.stdout  # the contract is there, and was run


def test_ruff_is_clean() -> None:
    done = run(tool("ruff"), "check", "game", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean() -> None:
    done = run(tool("mypy"), "game")
    assert done.returncode == 0, done.stdout + done.stderr
