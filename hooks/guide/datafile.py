"""Load one YAML file from data/ into its model, turning every failure into a :class:`DataError`."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError, Problem, did_you_mean
from .models import ENTRY_KEYS, PATTERN_HELP, SOURCE_TAGS

M = TypeVar("M", bound=BaseModel)


def _line_map(text: str) -> dict[tuple, int]:
    """Map YAML paths such as ("terms", 3, "related") to 1-based line numbers."""
    lines: dict[tuple, int] = {}

    def walk(node: yaml.Node, path: tuple) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[(*path, key.value)] = key.start_mark.line + 1
                walk(value, (*path, key.value))
                lines[(*path, key.value)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, ())
    return lines


def entry_name(data: Any, loc: tuple) -> tuple[str | None, int]:
    """The id/slug/page of the list entry an error location points into, and that location's depth."""
    node = data
    for depth, key in enumerate(loc):
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None, 0
        if isinstance(key, int) and isinstance(node, dict):
            for name_key in ENTRY_KEYS:
                if isinstance(node.get(name_key), str):
                    return node[name_key], depth + 1
            return f"#{key + 1}", depth + 1
    return None, 0


def _allowed_values(error: dict) -> list[str]:
    return re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))


MESSAGES = {
    "missing": lambda e, fields: "this field is required but missing",
    "extra_forbidden": lambda e, fields: (
        "unknown field; remove it or check its spelling." + did_you_mean(str(e["loc"][-1]), fields)
    ),
    "string_too_short": lambda e, fields: "must not be empty",
    "too_short": lambda e, fields: f"needs at least {e['ctx']['min_length']} items, has {e['ctx']['actual_length']}",
    "too_long": lambda e, fields: f"allows at most {e['ctx']['max_length']} items, has {e['ctx']['actual_length']}",
    "literal_error": lambda e, fields: (
        f"{e['input']!r} is not allowed; expected one of {', '.join(_allowed_values(e))}."
        + did_you_mean(str(e["input"]), _allowed_values(e))
    ),
    "string_pattern_mismatch": lambda e, fields: (
        f"{e['input']!r} is not allowed here: "
        + PATTERN_HELP.get(e["ctx"]["pattern"], f"expected the form {e['ctx']['pattern']}")
    ),
    "list_type": lambda e, fields: f"should be a list, like [a, b] (got {e['input']!r})",
    "string_type": lambda e, fields: f"should be text (got {e['input']!r})",
}
"""Messages by pydantic error type; anything else keeps pydantic's own wording."""


def _describe(error: dict, fields: set[str]) -> str:
    if error["type"] in MESSAGES:
        return MESSAGES[error["type"]](error, fields)
    message = error["msg"].removeprefix("Value error, ")
    if "input" in error and not isinstance(error["input"], (dict, list)) and len(str(error["input"])) <= 60:
        return f"{message} (got {error['input']!r})"
    return message


def field_names(model: type[BaseModel]) -> set[str]:
    """Every field name used anywhere in ``model``, for "did you mean" on unknown fields."""
    names, stack, seen = set(), [model], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(name)
            stack += [t for t in _model_types(info.annotation) if t not in seen]
    return names


def _model_types(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _model_types(arg)]


def _problems(name: str, text: str, data: Any, exc: ValidationError, fields: set[str]) -> list[Problem]:
    lines = _line_map(text)
    problems = []
    for error in exc.errors():
        loc = tuple(part for part in error["loc"] if part not in SOURCE_TAGS)
        entry, depth = entry_name(data, loc)
        field = ".".join(str(p) for p in loc[depth:]) or None
        line = next((lines[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in lines), None)
        problems.append(Problem(name, _describe(error, fields), entry=entry, field=field, line=line))
    return _dedupe_union_noise(problems)


def _dedupe_union_noise(problems: list[Problem]) -> list[Problem]:
    """A union field (quote | reference) reports each branch; keep one line per place and message."""
    seen, kept = set(), []
    for p in problems:
        key = (p.entry, p.field, p.message)
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def impossible_date(text: str, name: str) -> Problem:
    """Which date-shaped value could not be read, and where (YAML itself only says "month must be in 1..12")."""
    timestamp = "tag:yaml.org,2002:timestamp"
    stack = [((), yaml.compose(text, Loader=yaml.SafeLoader))]
    while stack:
        path, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [((*path, key.value), value) for key, value in reversed(node.value)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [((*path, str(index)), item) for index, item in reversed(list(enumerate(node.value)))]
        elif isinstance(node, yaml.ScalarNode) and node.tag == timestamp:
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(node)
            except ValueError as error:
                message = f"{node.value!r} is not a real date ({error}); write it as YYYY-MM-DD"
                return Problem(name, message, field=".".join(path) or None, line=node.start_mark.line + 1)
    return Problem(name, "a value that looks like a date is not a real date; write dates as YYYY-MM-DD")


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it: the same data, several times faster."""

YAML_HINTS = {
    "found character '\\t' that cannot start any token": "a tab character; indent with spaces, never tabs",
    "mapping values are not allowed here": "a ': ' inside a value; put text containing ': ' in double quotes",
}
"""Plain words for the YAML errors contributors meet most."""


def parse_yaml(text: str, name: str) -> Any:
    try:
        data = yaml.load(text, Loader=FAST_LOADER)
    except (yaml.YAMLError, ValueError):
        data = None  # read it again below with the pure-Python loader, whose messages we know
    else:
        return _not_empty(data, name)
    try:
        data = yaml.safe_load(text)
    except ValueError:  # YAML reads 2027-13-01 as a date, and that date does not exist
        raise DataError([impossible_date(text, name)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        message = getattr(exc, "problem", None) or str(exc)
        message = YAML_HINTS.get(message, message)
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark is not None:
            message = f"{message} ({context} that starts on line {context_mark.line + 1})"
        raise DataError.single(name, f"YAML syntax error: {message}", line=line) from None
    return _not_empty(data, name)


def _not_empty(data: Any, name: str) -> Any:
    if data is None:
        raise DataError.single(name, "the file is empty")
    return data


def load_model(path: Path, model: type[M], *, name: str | None = None, context: dict | None = None) -> M:
    """Read, parse and validate ``path``; ``name`` is how the file is called in messages."""
    name = name or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError.single(name, "file not found") from None
    data = parse_yaml(text, name)
    try:
        return model.model_validate(data, context=context or {})
    except ValidationError as exc:
        raise DataError(_problems(name, text, data, exc, field_names(model))) from None


def locate(problems: list[Problem], path: Path) -> list[Problem]:
    """Add line numbers to problems found after validation (duplicates, unknown references).

    The entry is found by its id/slug/page; for a duplicate, the last entry with that name.
    Re-reading the file costs time, so it happens only when there is something to locate.
    """
    if not problems:
        return problems
    text = path.read_text(encoding="utf-8")
    lines, data = _line_map(text), yaml.safe_load(text)
    top = next(iter(data)) if isinstance(data, dict) and data else None
    entries = data.get(top) if top else None
    located = []
    for problem in problems:
        index = None
        for number, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and problem.entry in [entry.get(k) for k in ENTRY_KEYS]:
                index = number
        line = None
        if index is not None:
            path_in_entry = tuple(int(p) if p.isdigit() else p for p in (problem.field or "").split(".") if p)
            line = next(
                (
                    lines[key]
                    for n in range(len(path_in_entry), -1, -1)
                    if (key := (top, index, *path_in_entry[:n])) in lines
                ),
                None,
            )
        located.append(problem if line is None or problem.line is not None else replace(problem, line=line))
    return located
