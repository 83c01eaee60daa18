"""Read the site's `mkdocs.yml` where the converter needs it, without starting MkDocs.

The converter renders each chapter with exactly the Markdown extensions the site uses, so the
no-words-lost check at ingest sees what readers will see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import markdown
import yaml


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' `!ENV` and `!!python/name:` tags as plain values."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _plain)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def load_mkdocs_yml(path: Path) -> dict[str, Any]:
    return yaml.load(Path(path).read_text("utf-8"), Loader=_TolerantLoader) or {}


def markdown_settings(config: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions", []):
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(entry)
    return names, settings


class ChapterRenderer:
    """A function from a chapter's Markdown body to the HTML the site would make of it. It can
    be sent to worker processes (ingest converts chapters on every core): the Markdown instance
    is made where it is first used."""

    def __init__(self, mkdocs_yml: Path):
        self.mkdocs_yml = Path(mkdocs_yml)
        self._md: markdown.Markdown | None = self._make()  # a bad extension setting fails here, once

    def _make(self) -> markdown.Markdown:
        names, settings = markdown_settings(load_mkdocs_yml(self.mkdocs_yml))
        return markdown.Markdown(extensions=names, extension_configs=settings)

    def __call__(self, body: str) -> str:
        if self._md is None:
            self._md = self._make()
        self._md.reset()
        return self._md.convert(body)

    def __getstate__(self) -> dict:
        return {"mkdocs_yml": self.mkdocs_yml, "_md": None}


def chapter_renderer(mkdocs_yml: Path) -> Callable[[str], str]:
    return ChapterRenderer(mkdocs_yml)


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter YAML, body) of a Markdown file with `---` front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[4:end], text[end + 5 :]
    return "", text
