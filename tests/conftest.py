"""Shared fixtures: the shipped example scenario, and a way to check edited copies of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "scenarios" / "example-bridge.yaml"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes saves or results into the real user data folder."""
    if "NEWSROOM_DATA_DIR" not in os.environ or os.environ["NEWSROOM_DATA_DIR"].startswith(str(Path.home())):
        monkeypatch.setenv("NEWSROOM_DATA_DIR", str(tmp_path_factory.mktemp("newsroom-data")))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder for this test alone (saves, drafts, the remembered player): a test module that
    plays games uses it for every test with `pytestmark = pytest.mark.usefixtures("data_dir")`."""
    folder = tmp_path / "data"
    monkeypatch.setenv("NEWSROOM_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example():  # type: ignore[no-untyped-def]
    from game.loader import load_scenario

    return load_scenario(EXAMPLE)
