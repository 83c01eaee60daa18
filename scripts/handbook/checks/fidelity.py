"""No word lost: the built page of every chapter holds every word of its source (outside the
lines removed as chrome), in order, and no word the source does not have. What the handbook adds
is marked `hb-ours` and left out, so a page part that forgets the mark fails here."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level, display_path
from ..fidelity import compare, html_text, words
from ..project import Project
from . import Context, check

ARTICLE_CLASS = "md-content__inner"  # Material's <article>: the page's content, no chrome


@check("fidelity", needs_site=True)
def no_word_lost(context: Context) -> list[Diagnostic]:
    assert context.ingest is not None and context.site is not None
    found = []
    for conversion in context.ingest.conversions:
        chapter = conversion.chapter
        if chapter is None or conversion.markdown is None:
            continue  # the ingest check reports why
        page = Project.built_page(context.site, chapter.area, chapter.slug, context.directory_urls)
        if not page.is_file():
            found.append(Diagnostic(conversion.shown, None, Level.ERROR, f"no built page at {display_path(page)}",
                                    "build the site again (`handbook build`)"))  # fmt: skip
            continue
        fidelity = compare(conversion.expected_words, words(html_text(page.read_text("utf-8"), root_class=ARTICLE_CLASS)))
        found.append(Diagnostic(conversion.shown, None, Level.NOTE, f"coverage: {fidelity.summary()} on {chapter.id}"))
        if not fidelity.ok:
            line, problem = fidelity.first_problem()
            found.append(Diagnostic(conversion.shown, line, Level.ERROR, problem,
                                    "a page part or extension changed the partnership's words: mark ours `hb-ours`"))  # fmt: skip
    return found
