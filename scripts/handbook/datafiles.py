"""Load a YAML file and check it against its JSON schema, reporting every problem at once.

Used for each area's `area.yml`, the converter's pattern file and the curated data sets in
`data/` (one YAML file per data set, one schema each, in `handbook/schemas/`). Problems are
reported with the line they are on, so an author can go straight to it.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .diagnostics import Report


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON schema `handbook/schemas/<name>.schema.json`."""
    text = resources.files("handbook").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def load(path: Path, schema_name: str, report: Report) -> Any | None:
    """Parse `path` and validate it against `schema_name`.

    Returns the data, or None when it is unusable; every problem goes into `report`.
    """
    loaded = load_document(path, schema_name, report)
    return None if loaded is None else loaded.data


@dataclass(frozen=True)
class Loaded:
    """A valid data file and its YAML nodes, so typed rows can keep the line they came from."""

    data: Any
    node: yaml.Node | None

    def line_of(self, *path: str | int) -> int | None:
        return _line_of(self.node, list(path))


def load_document(path: Path, schema_name: str, report: Report, dates_as_text: bool = False) -> Loaded | None:
    """Like `load`, keeping the YAML nodes for `Loaded.line_of`. With `dates_as_text`, an
    unquoted 2024-09-24 stays the text it is (authors write dates unquoted)."""
    try:
        text = Path(path).read_text("utf-8")
    except UnicodeDecodeError as exc:
        report.error(None, f"not UTF-8 text ({exc.reason} at byte {exc.start})", "save the file as UTF-8")
        return None
    except OSError as exc:
        report.error(None, f"cannot be read: {exc.strerror}")
        return None
    return _parse(text, schema_name, report, _TextDatesLoader if dates_as_text else _Loader)


def load_text(text: str, schema_name: str, report: Report) -> Any | None:
    loaded = _parse(text, schema_name, report)
    return None if loaded is None else loaded.data


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_Loader):  # type: ignore[misc, valid-type]
    """Reads an unquoted date as text, not as a date object."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


@cache
def _validator(schema_name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(schema_name))


def _parse(text: str, schema_name: str, report: Report, loader_class=_Loader) -> Loaded | None:
    try:
        # One parse gives both the nodes (for lines) and the data; libyaml when it is there.
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        report.error(line, f"is not valid YAML: {exc.problem or exc}", "fix the YAML syntax at that line")
        return None
    except yaml.YAMLError as exc:
        report.error(None, f"is not valid YAML: {exc}")
        return None
    # In file order: list indexes as numbers ("terms[6]" before "terms[42]").
    errors = sorted(_validator(schema_name).iter_errors(data),
                    key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in e.absolute_path])  # fmt: skip
    for error in errors:
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = sorted(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - set(allowed)):  # each unknown key on its own line
                report.error(_line_of(node, [*path, key]), _where(path) + _unknown_key(key, allowed))
            continue
        report.error(_line_of(node, path), _where(path) + _describe(error))
    return None if errors else Loaded(data, node)


def _where(path: list[Any]) -> str:
    """Where in the file, in the author's terms: "copyright: " or "terms[3].status: "."""
    where = ""
    for part in path:
        where += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return f"{where}: " if where else ""


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {key!r}{hint}; the keys are: {', '.join(allowed)}"


def _describe(error: jsonschema.ValidationError) -> str:
    """A schema error in plain words."""
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{missing!r} is missing"
    if error.validator == "enum":
        return f"{error.instance!r} should be one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = {"string": "text", "null": "null", "array": "a list", "object": "a set of keys", "integer": "a whole number",
                 "boolean": "true or false", "number": "a number"}  # fmt: skip
        return f"{error.instance!r} should be {' or '.join(names.get(w, w) for w in wanted)}"
    if error.validator == "pattern":
        return f"{error.instance!r} is not in the expected form ({error.schema.get('description') or error.validator_value})"
    if error.validator in ("anyOf", "oneOf"):
        hints = [s.get("description") for s in error.validator_value if isinstance(s, dict) and s.get("description")]
        hint = error.schema.get("description") or "; ".join(hints)
        return f"{error.instance!r} is not allowed here" + (f" ({hint})" if hint else "")
    if error.validator == "minLength":
        return "is empty"
    if error.validator == "minItems":
        return error.schema.get("description") or "needs at least one entry"
    if error.validator == "maxItems":
        return error.schema.get("description") or f"has more than {error.validator_value} entries"
    if error.validator == "maxLength":
        return f"is longer than {error.validator_value} characters: shorten it"
    return error.message


def _line_of(node: yaml.Node | None, path: list[Any]) -> int | None:
    """The 1-based line of the YAML node at `path`, or of its nearest existing parent."""
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for key in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(key):
                    child = value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line
