"""Which chapters a pack holds, and the errors that name what is valid instead.

In a bundle (`handbook build --offline --area`), a pack of data/packs.yml is reduced to the
chapters of the areas the bundle holds (its title says so); a pack with none of them is not made.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest.model import Chapter
from ..model import Handbook, ParagraphRef


class PackError(ValueError):
    """Bad input for a pack: an unknown chapter, topic or pack. The message lists valid names."""


class PackLeftOut(PackError):
    """A pack all of whose chapters are in areas this bundle does not hold: not made, not an error."""


@dataclass(frozen=True)
class InThisCopy:
    """A pack of data/packs.yml as a bundle (`handbook build --area`) holds it: the chapters of
    its areas only, and a title that says so when some were left out."""

    title: str
    chapters: tuple[str, ...]  # "<area>/<chapter-slug>", in the pack's order
    left_out: int  # chapters of areas this bundle does not hold


def in_this_copy(handbook: Handbook, pack) -> InThisCopy:
    kept = tuple(c for c in pack.chapters if c.split("/", 1)[0] not in handbook.left_out_areas)
    left_out = len(pack.chapters) - len(kept)
    if not left_out:
        return InThisCopy(pack.title, kept, 0)
    held = dict.fromkeys(c.split("/", 1)[0] for c in kept)
    names = [handbook.areas[a].name if a in handbook.areas else a for a in held]
    joined = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    return InThisCopy(f"{pack.title} ({joined} chapters only)", kept, left_out)


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
    title = titled(title)
    if title is None:
        title = chapters[0].title if len(chapters) == 1 else f"{len(chapters)} chapters from the handbook"
    return Selection(title, chapters, "")


def titled(title: str | None) -> str | None:
    """A title given on the command line (`--title`), its spaces tidied; None: the default."""
    if title is None:
        return None
    tidy = " ".join(title.split())
    if not tidy:
        raise PackError("--title is empty: give the pack a title in words, or leave --title out for the default")
    return tidy


def by_pack(handbook: Handbook, pack_id: str, title: str | None = None) -> Selection:
    pack = handbook.data.packs.get(pack_id)
    if pack is None:
        valid = _valid(p.id for p in handbook.data.packs.rows) or "none (data/packs.yml has no packs)"
        raise PackError(f"no pack {pack_id!r} in data/packs.yml; packs are: {valid}")
    copy = in_this_copy(handbook, pack)
    if not copy.chapters:
        raise PackLeftOut(f"pack {pack_id!r}: every chapter is in an area this bundle does not hold")
    try:
        selection = by_chapters(handbook, list(copy.chapters), copy.title)
    except PackError as exc:
        line = next((n for c, n in zip(pack.chapters, pack.chapter_lines) if c in copy.chapters and c not in handbook.chapters), None)
        raise PackError(f"data/packs.yml:{line}: pack {pack_id!r}: {exc}") from None
    return Selection(titled(title) or selection.title, selection.chapters, pack.id)


def by_topic(handbook: Handbook, topic_id: str, title: str | None = None) -> Selection:
    """The chapters a topic of data/topics.yml cites, in the order the topic cites them."""
    topics = handbook.data.topics
    if not topics.rows:
        raise PackError("no topics exist yet (data/topics.yml is missing or empty): choose chapters with --chapter or a pack with --pack")
    topic = topics.get(topic_id)
    if topic is None:
        raise PackError(f"no topic {topic_id!r} in data/topics.yml; topics are: {_valid(t.id for t in topics.rows)}")
    refs = (ParagraphRef.parse(c.ref) for e in topic.entries for c in e.cites)
    cited = [c for c in dict.fromkeys(r.chapter_id for r in refs if r) if c in handbook.chapters]
    if not cited:
        raise PackError(f"topic {topic_id!r} cites no chapter of the handbook")
    return Selection(titled(title) or topic.title, tuple(handbook.chapters[c] for c in cited), topic_id)
