"""Overrides: where a page is ambiguous, the author states its facts in a small YAML file beside
the source (`sources/<area>/<file>.meta.yml`: title, chapter, dates, source URL), checked
against `schemas/meta.schema.json`. The converter uses them instead of what it recognised; the
partnership's text is never changed, only the chapter's metadata.

The chapter records what was overridden and what the page itself gave (`overridden`), so the
front matter says so and the page's header box shows the fact as not read from the page. An
override that now agrees with what the converter finds on the page is reported, so stale
overrides get removed once the converter (or a re-captured page) gets it right.
"""

from __future__ import annotations

from pathlib import Path

from .. import datafiles
from ..diagnostics import Diagnostic, Level, Report, display_path
from .dates import DateError, parse_date
from .model import Chapter

SUFFIX = ".meta.yml"
FIELDS = ("title", "chapter", "last_updated", "next_review", "captured", "source_url")
_ATTRIBUTE = {"chapter": "number"}  # the front matter's name -> the model's
_DATES = ("last_updated", "next_review", "captured")


def meta_path(source: Path) -> Path:
    return source.with_name(source.stem + SUFFIX)


def stated_title(source: Path) -> str | None:
    """The title `<source>.meta.yml` states, read before recognition (it steers which line is
    the title); None when there is none or the file is broken (`apply` reports it)."""
    path = meta_path(source)
    if not path.is_file():
        return None
    loaded = datafiles.load_document(path, "meta", Report(display_path(path)), dates_as_text=True)
    title = loaded.data.get("title") if loaded is not None else None
    return title if isinstance(title, str) else None


def apply(chapter: Chapter, source: Path, report: Report, slug_of) -> bool:
    """Apply `<source>.meta.yml` if there is one; False when it cannot be used (reported as an
    error in the chapter's report, naming the file and line)."""
    path = meta_path(source)
    if not path.is_file():
        return True
    shown = display_path(path)
    own = Report(shown)
    loaded = datafiles.load_document(path, "meta", own, dates_as_text=True)
    if loaded is None:
        report.items.extend(Diagnostic(shown, d.line, Level.ERROR, d.message, d.hint) for d in own.items)
        return False
    if loaded.data.get("cut"):
        chapter.cut = (loaded.data["cut"], loaded.line_of("cut"))
    for field in FIELDS:
        if field not in loaded.data:
            continue
        line = loaded.line_of(field)
        value = loaded.data[field]
        if field in _DATES and value is not None:
            try:
                value = parse_date(value)
            except DateError as exc:
                report.items.append(Diagnostic(shown, line, Level.ERROR, f"{field}: {exc}",
                                               "write the date as 2024-09-24, 2024-09 or as the page prints it"))  # fmt: skip
                return False
        attribute = _ATTRIBUTE.get(field, field)
        recognised = getattr(chapter, attribute)
        if field == "title" and chapter.recognised_title is not None:
            recognised = chapter.recognised_title  # the stated title steered the choice: what it would have been
        if value == recognised and field not in chapter.inferred:
            report.items.append(Diagnostic(shown, line, Level.WARNING,
                                           f"the override of {field} ({value!r}) agrees with what the page says",
                                           f"remove {field} from {path.name}: it is no longer needed"))  # fmt: skip
            continue
        setattr(chapter, attribute, value)
        chapter.overridden[field] = recognised
        if field in (*_DATES, "source_url"):
            chapter.inferred[field] = path.name  # the header box says "from <file>", not from the page
        if field == "title":
            chapter.slug = slug_of(value)
    return True
