"""The scenarios that ship with Newsroom, and how a name on the command line finds one."""

from __future__ import annotations

from pathlib import Path

DEFAULT_SCENARIO = "hanoi-summit"


def scenario_dir() -> Path:
    """Where the shipped scenarios are: inside the installed package, or the checkout's scenarios/."""
    packaged = Path(__file__).parent / "scenarios"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "scenarios"


def bundled() -> dict[str, Path]:
    """Shipped scenarios by name (file name without .yaml)."""
    folder = scenario_dir()
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def resolve(name: str | None) -> Path:
    """A scenario path from a path or the name of a shipped scenario (default: the Hanoi summit).

    Raises FileNotFoundError naming the shipped scenarios when nothing matches.
    """
    name = name or DEFAULT_SCENARIO
    path = Path(name)
    if path.exists():
        return path
    shipped = bundled()
    if name in shipped:
        return shipped[name]
    known = ", ".join(shipped) or "none"
    raise FileNotFoundError(f"no scenario file or shipped scenario called '{name}' (shipped: {known})")
