"""Which chapters a pack holds, and the errors that name what is valid instead."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..ingest.model import Chapter
from ..model import Handbook, ParagraphRef


class PackError(ValueError):
    """Bad input for a pack: an unknown chapter, topic or pack. The message lists valid names."""


@dataclass(frozen=True)
class Selection:
    title: str
    chapters: tuple[Chapter, ...]
    name: str  # the pack's id, or "" for chapters chosen on the command line


def _valid(names, limit: int = 40) -> str:
    names = sorted(names)
    shown = ", ".join(names[:limit])
    return shown + (f", ... ({len(names) - limit} more)" if len(names) > limit else "")


def by_chapters(handbook: Handbook, chapter_ids: list[str], title: str | None = None) -> Selection:
    unknown = [c for c in chapter_ids if c not in handbook.chapters]
    if unknown:
        raise PackError(
            f"no chapter {', '.join(repr(c) for c in unknown)} in the handbook; "
            f"chapters are named <area>/<chapter-slug>: {_valid(handbook.chapters)}"
        )
    chapters = tuple(handbook.chapters[c] for c in dict.fromkeys(chapter_ids))
    if title is None:
        title = chapters[0].title if len(chapters) == 1 else f"{len(chapters)} chapters from the handbook"
    return Selection(title, chapters, "")


def by_pack(handbook: Handbook, pack_id: str) -> Selection:
    pack = handbook.data.packs.get(pack_id)
    if pack is None:
        valid = _valid(p.id for p in handbook.data.packs.rows) or "none (data/packs.yml has no packs)"
        raise PackError(f"no pack {pack_id!r} in data/packs.yml; packs are: {valid}")
    try:
        selection = by_chapters(handbook, list(pack.chapters), pack.title)
    except PackError as exc:
        line = next((n for c, n in zip(pack.chapters, pack.chapter_lines) if c not in handbook.chapters), None)
        raise PackError(f"data/packs.yml:{line}: pack {pack_id!r}: {exc}") from None
    return Selection(selection.title, selection.chapters, pack.id)


def by_topic(handbook: Handbook, topic_id: str) -> Selection:
    """The chapters a topic cites. Topics (data/topics.yml) come with the comparisons work; until
    they exist this says so. A topic's citations are read wherever the entry gives them, as
    `<area>/<slug>` or `<area>/<slug>#<paragraph>` strings, so the pack needs no more of its shape."""
    path = Path(handbook.project.data) / "topics.yml"
    topics = _read_topics(path)
    if not topics:
        raise PackError(f"no topics exist yet ({path.name} is missing or empty): choose chapters with --chapter or a pack with --pack")
    if topic_id not in topics:
        raise PackError(f"no topic {topic_id!r} in data/topics.yml; topics are: {_valid(topics)}")
    entry = topics[topic_id]
    cited = [c for c in dict.fromkeys(_chapter_ids(entry)) if c in handbook.chapters]
    if not cited:
        raise PackError(f"topic {topic_id!r} cites no chapter of the handbook")
    title = entry.get("title") if isinstance(entry, dict) and isinstance(entry.get("title"), str) else topic_id
    return Selection(title, tuple(handbook.chapters[c] for c in cited), topic_id)


def _read_topics(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    rows = data.get("topics", []) if isinstance(data, dict) else []
    return {row["id"]: row for row in rows if isinstance(row, dict) and isinstance(row.get("id"), str)}


def _chapter_ids(node) -> list[str]:
    if isinstance(node, str):
        ref = ParagraphRef.parse(node if "#" in node else f"{node}#x")
        return [ref.chapter_id] if ref else []
    if isinstance(node, dict):
        return [c for value in node.values() for c in _chapter_ids(value)]
    if isinstance(node, list):
        return [c for value in node for c in _chapter_ids(value)]
    return []
