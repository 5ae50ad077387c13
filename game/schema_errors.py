"""Pydantic's validation errors, told as an author would want them: located, plain, with a hint."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from game.model import Scenario
from game.problems import Located, Problem, did_you_mean

_KIND_NAMES = {
    "string": "text", "int": "a whole number", "bool": "true or false", "list": "a list",
    "dict": "a mapping", "model": "a mapping", "float": "a number", "literal": "one of the listed words",
}


def _describe(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"text ('{shown}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _model_classes(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation can hold, looking through Optional, list, dict and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in typing.get_args(annotation):
        found += _model_classes(argument)
    return found


def model_at(path: tuple[object, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping found at `path` in a scenario."""
    model: type[BaseModel] | None = Scenario
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = next((info for name, info in model.model_fields.items()
                      if (info.alias or name) == part), None)
        if field is None:
            continue  # a pydantic label such as 'function-after[...]', or a dict key
        classes = _model_classes(field.annotation)
        model = classes[0] if classes else None
    return model


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _clean_path(loc: tuple[int | str, ...]) -> tuple[object, ...]:
    return tuple(part for part in loc if not (isinstance(part, str) and ("[" in part or part == "[key]")))


def _where(path: tuple[object, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def schema_problems(error: ValidationError, located: Located) -> list[Problem]:
    """One problem per pydantic error (duplicates from union branches dropped)."""
    problems: dict[tuple[object, ...], Problem] = {}
    for detail in error.errors(include_url=False):
        problem = _problem(detail, located)
        problems.setdefault((problem.line, problem.column, problem.code, problem.message), problem)
    return list(problems.values())


def _problem(detail: ErrorDetails, located: Located) -> Problem:
    kind = detail["type"]
    path = _clean_path(detail["loc"])
    value = detail.get("input")
    context = detail.get("ctx") or {}
    name = path[-1] if path else ""
    if kind == "extra_forbidden":
        model = model_at(path[:-1])
        known = field_names(model) if model else []
        hint: str | None = did_you_mean(str(name), known, "fields")
        if name in known and "items" in path:  # read as `{use: ID}`, which takes nothing else
            hint = ("an item with `use:` puts a shared question here and takes no other field; "
                    "change the shared question under the top-level `questions:`")
        return located.problem(path, "S201", f"unknown field '{name}' in {_where(path[:-1])}", hint, key=True)
    if kind == "missing":
        model = model_at(path[:-1])
        info = model.model_fields.get(str(name)) if model else None
        if info is None and model is not None:
            info = next((f for f in model.model_fields.values() if f.alias == name), None)
        hint = f"{name}: {info.description}" if info is not None and info.description else None
        return located.problem(path[:-1], "S202", f"missing field '{name}' in {_where(path[:-1])}", hint)
    if kind.endswith("_type") or kind in ("model_attributes_type", "dict_type", "list_type"):
        expected = _KIND_NAMES.get(kind.split("_")[0], kind.removesuffix("_type"))
        hint = None
        if kind == "string_type" and isinstance(value, (int, float, bool)):
            hint = f'put the value in quotes to keep it as text: "{_yaml_scalar(value)}"'
        elif kind == "bool_type" and isinstance(value, str):
            hint = "write true or false (YAML words such as yes, no, on, off are text here)"
        elif kind == "int_type" and isinstance(value, str):
            hint = "write the number without quotes"
        elif kind == "string_type" and value is None:
            hint = "give it a value, or remove the key"
        return located.problem(path, "S203",
                               f"{_where(path)} should be {expected}, not {_describe(value)}", hint)
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        words = [word.strip(" '") for word in expected.replace(" or ", ", ").split(",")]
        return located.problem(path, "S204", f"{_where(path)} must be one of {expected}",
                               did_you_mean(str(value), words, "values") if isinstance(value, str) else None)
    if kind == "string_pattern_mismatch":
        return located.problem(path, "S204", _pattern_message(path, value), _pattern_hint(context))
    if kind == "value_error":
        message = str(context.get("error", detail["msg"]))
        return located.problem(path, "S204", f"{_where(path)}: {message}")
    return located.problem(path, "S204", f"{_where(path)}: {detail['msg'][:1].lower()}{detail['msg'][1:]}")


def _yaml_scalar(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _pattern_message(path: tuple[object, ...], value: object) -> str:
    return f"{_where(path)} has a badly formed value {value!r}"


def _pattern_hint(context: dict[str, Any]) -> str:
    pattern = str(context.get("pattern", ""))
    if "[01][0-9]" in pattern:
        return 'write times as "HH:MM" on the 24-hour clock, e.g. "09:30" or "14:05"; after midnight "00:15 (day 2)"'
    if "A-Za-z0-9_-" in pattern:
        return "ids use letters, digits, '-' and '_' only, e.g. press-conference"
    if r"\d{4}" in pattern:
        return 'write dates as "YYYY-MM-DD", e.g. "2019-02-28"'
    if "a-z" in pattern:
        return 'write a language tag such as "en" or "en-GB"'
    return f"the value must match {pattern}"

