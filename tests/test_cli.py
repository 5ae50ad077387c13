"""The `newsroom` command: help and version everywhere, the quotes listing, the schema."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game import __version__
from game.cli import COMMANDS, main
from tests.conftest import EXAMPLE, ROOT


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsroom {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert f"newsroom {command}" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_quotes_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(EXAMPLE), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["id"] for row in rows} == {"ruiz-safety", "okafor-shops", "mills-brief"}
    first = rows[0]
    assert {"id", "speaker", "real", "text", "kind"} <= first.keys()
    assert first["speaker"] == "Ana Ruiz" and first["real"] is False and first["kind"] == "on_record"


def test_quotes_human(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Ana Ruiz (fictional), on record" in out and "3 quotes, 0 by real people" in out


def test_quotes_of_a_broken_or_missing_scenario(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("- a\n")
    assert main(["quotes", str(broken)]) == 1
    assert "Y104" in capsys.readouterr().err
    assert main(["quotes", "no-such-scenario"]) == 1
    assert "no scenario file or shipped scenario called 'no-such-scenario'" in capsys.readouterr().err


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Scenario" and "scenes" in schema["required"]


def test_python_dash_m_game_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "game", "validate", str(EXAMPLE)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "all clean" in result.stderr
