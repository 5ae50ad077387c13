"""`newsroom new NAME`: a starter scenario that validates, lints clean, playtests clean, and teaches.

The starter is a complete little story (a fire at an old mill, wholly fictional) whose comments explain
each part of the format, so an author can change it piece by piece and run the tools after each change.
It lives in `starter.yaml.in` beside this module, as the YAML it is.
"""

from __future__ import annotations

import re
from pathlib import Path

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
MAX_NAME = 80


class ScaffoldError(ValueError):
    """The starter scenario cannot be written (a bad name, or the file is already there)."""


def check_name(name: str) -> str:
    """The scenario id for NAME (a trailing .yaml is allowed), or ScaffoldError saying what is wrong."""
    if name.endswith((".yaml", ".yml")):
        name = name.rsplit(".", 1)[0]
    if "/" in name or "\\" in name:
        raise ScaffoldError(f"'{name}' is a path; give just a name, and run the command in the folder "
                            "where the file should go")
    if not name:
        raise ScaffoldError("the name is empty")
    if len(name) > MAX_NAME:
        raise ScaffoldError(f"the name is {len(name)} characters long; the limit is {MAX_NAME}")
    if not NAME_PATTERN.match(name):
        raise ScaffoldError(f"'{name}' cannot be a scenario id: use letters, digits, '-' and '_', "
                            "starting with a letter or digit (for example: mill-fire)")
    return name


def title_of(name: str) -> str:
    """A first title from the name: "mill-fire" becomes "Mill Fire"."""
    words = [word for word in re.split(r"[-_]+", name) if word]
    return " ".join(word[:1].upper() + word[1:] for word in words) or name


STARTER = Path(__file__).with_name("starter.yaml.in")
"""The starter scenario, with @ID@, @TITLE@ and @FILE@ where the name goes (a file in the package)."""


def starter_text(name: str) -> str:
    """The starter scenario's YAML for a checked name."""
    title = title_of(name).replace('"', "'")
    text = STARTER.read_text(encoding="utf-8")
    text = text.replace("@ID@ #", f"{name:<21} #")  # the comment lines up with its neighbours'
    return text.replace("@ID@", name).replace("@TITLE@", title).replace("@FILE@", f"{name}.yaml")


def write_starter(name: str, folder: Path) -> Path:
    """Write NAME.yaml in the folder; never overwrites. Raises ScaffoldError or OSError."""
    scenario_id = check_name(name)
    path = folder / f"{scenario_id}.yaml"
    try:
        with path.open("x", encoding="utf-8") as stream:  # "x": fail if the file exists, atomically
            stream.write(starter_text(scenario_id))
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists; choose another name, or move that file away") from None
    return path
