"""The play layer: what both faces (the Textual game in `game.ui`, plain mode in `game.plain`) share.

Headless: nothing here imports Textual or either face (an import-linter contract in pyproject.toml).
"""

from __future__ import annotations

UNDO_LIMIT = 200
"""How many earlier states a playthrough keeps for undo, in either face (a long day is well under a
hundred choices)."""
