"""The headless core never imports Textual (the UI lives in game/ui only)."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

UI_PACKAGES = ("game/ui/",)


def core_modules() -> list[str]:
    files = sorted((ROOT / "game").rglob("*.py"))
    return [str(path.relative_to(ROOT)) for path in files
            if not any(str(path.relative_to(ROOT)).startswith(ui) for ui in UI_PACKAGES)]


def imported_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_textual_anywhere_in_its_source() -> None:
    offenders = [module for module in core_modules()
                 if any(name == "textual" or name.startswith("textual.")
                        for name in imported_names((ROOT / module).read_text(encoding="utf-8")))]
    allowed = {"game/commands/play.py", "game/commands/serve.py",  # start the UI, lazily, inside run()
               "game/classroom/template.py"}  # preloads the UI for served games, lazily, inside preload()
    assert set(offenders) <= allowed, offenders


def test_importing_the_core_loads_no_textual() -> None:
    code = (
        "import sys\n"
        "import game.model, game.loader, game.references, game.engine, game.saves, game.bundled, game.cli\n"
        "for optional in ('game.grader', 'game.transcript', 'game.plain', 'game.authoring'):\n"
        "    try:\n"
        "        __import__(optional)\n"
        "    except ModuleNotFoundError:\n"
        "        pass\n"
        "game.cli.build_parser()\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
