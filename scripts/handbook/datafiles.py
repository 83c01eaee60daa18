"""Load a YAML file and check it against its JSON schema, reporting every problem at once.

Used for each area's `area.yml`, the converter's pattern file and the curated data sets in
`data/` (one YAML file per data set, one schema each, in `handbook/schemas/`). Problems are
reported with the line they are on, so an author can go straight to it.
"""

from __future__ import annotations

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


def load_document(path: Path, schema_name: str, report: Report) -> Loaded | None:
    """Like `load`, keeping the YAML nodes for `Loaded.line_of`."""
    try:
        text = Path(path).read_text("utf-8")
    except UnicodeDecodeError as exc:
        report.error(None, f"not UTF-8 text ({exc.reason} at byte {exc.start})", "save the file as UTF-8")
        return None
    except OSError as exc:
        report.error(None, f"cannot be read: {exc.strerror}")
        return None
    data = load_text(text, schema_name, report)
    return None if data is None else Loaded(data, yaml.compose(text, Loader=yaml.SafeLoader))


def load_text(text: str, schema_name: str, report: Report) -> Any | None:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        report.error(line, f"is not valid YAML: {exc.problem or exc}", "fix the YAML syntax at that line")
        return None
    except yaml.YAMLError as exc:
        report.error(None, f"is not valid YAML: {exc}")
        return None
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            path += extra[:1]  # point at the first unknown key's own line
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        report.error(_line_of(node, path), f"{where}: {_describe(error)}")
    return None if errors else data


def _describe(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return f"{error.message}; allowed keys: {', '.join(allowed)}"
    if error.validator == "enum":
        return f"{error.instance!r} should be one of: {', '.join(map(str, error.validator_value))}"
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
