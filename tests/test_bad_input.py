"""Files that are not scenarios at all are refused cleanly: a message naming the file, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.loader import MAX_BYTES

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.yaml": (b"", "F002"),
    "only-comments.yaml": (b"# nothing here\n# at all\n", "F002"),
    "binary.yaml": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "F003"),
    "latin1.yaml": ("title: caf\u00e9\n".encode("latin-1"), "F003"),
    "list-root.yaml": (b"- one\n- two\n", "Y104"),
    "scalar-root.yaml": (b"just some words\n", "Y104"),
    "two-documents.yaml": (b"format: 1\n---\nformat: 1\n", "Y105"),
    "python-tag.yaml": (b"id: !!python/object/apply:os.system ['echo hacked']\n", "Y106"),
    "python-name.yaml": (b"id: !!python/name:os.system\n", "Y106"),
    "custom-tag.yaml": (b"id: !include other.yaml\n", "Y106"),
    "deep.yaml": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "Y108"),
    "tabs.yaml": (b"format: 1\nscenes:\n\t- id: a\n", "Y102"),
    "syntax.yaml": (b"format: 1\ntitle: [unclosed\n", "Y101"),
}


def billion_laughs() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_with_a_located_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    name: str) -> None:
    content, code = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    status, out, err = run(capsys, "validate", str(path))
    assert status == 1
    assert "Traceback" not in out + err
    first = out.splitlines()[0]
    assert first.startswith(f"{path}:") and f" {code} " in first, out
    assert "hint:" in out


def test_alias_bomb_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_bytes(billion_laughs())
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1 and " Y107 " in out


def test_a_few_aliases_are_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str], example_text: str) -> None:
    text = example_text.replace("authors: [Newsroom team]", "authors: &team [Newsroom team]")
    text = text.replace("flags: [checked-rumour]", "flags: [checked-rumour]\n# a reuse\n")
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    assert run(capsys, "validate", str(path))[0] == 0


def test_oversized_file_is_refused_without_parsing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1 and " F004 " in out and "too large" in out


def test_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert status == 2
    assert "nope.yaml" in err and "no such file" in err
    assert "Traceback" not in out + err


def test_folder_without_scenarios_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("not a scenario")
    status, _, err = run(capsys, "validate", str(tmp_path))
    assert status == 2 and "no scenario files" in err


def test_folder_reports_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], example_text: str) -> None:
    (tmp_path / "good.yaml").write_text(example_text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.yml").write_text("- a\n", encoding="utf-8")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    status, out, err = run(capsys, "validate", str(tmp_path))
    assert status == 1
    assert "bad.yml:1:1: Y104" in out and "empty.yaml:1:1: F002" in out
    assert "good.yaml" not in out
    assert "3 scenario files checked" in err


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import EXAMPLE

    status, out, err = run(capsys, "validate", str(EXAMPLE))
    assert status == 0 and out == "" and "all clean" in err


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n")
    status, out, _ = run(capsys, "validate", "--json", str(path))
    report = json.loads(out)
    assert status == 1
    assert report["problems"][0]["code"] == "Y104" and report["problems"][0]["line"] == 1
    assert report["files"] == [{"file": str(path), "ok": False}]


def test_unreadable_file(tmp_path: Path) -> None:
    from game.loader import check_file

    checked = check_file(tmp_path, "folder.yaml")  # a folder cannot be read as a file, even by root
    assert checked.scenario is None
    assert [(p.code, p.file, p.line) for p in checked.problems] == [("F001", "folder.yaml", 1)]


def test_shipped_scenarios_are_found_by_name_from_any_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "validate", "example-bridge", "hanoi-summit")
    assert status == 0 and "2 scenario files checked: all clean" in err
    status, _, err = run(capsys, "validate", "no-such-scenario")
    assert status == 2 and "no shipped scenario of that name" in err and "hanoi-summit" in err
