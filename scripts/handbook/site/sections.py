"""Links for in-text references that resolve ("see Section 6, Outcome of ..." -> #sec-6): the
partnership's words stay as they are, wrapped in a link to the heading or paragraph."""

from __future__ import annotations

from markupsafe import Markup

from ..internal import resolve
from .html import edit_paragraphs, rewrite_text
from .page import PageContext


def part(page: str, context: PageContext) -> str:
    targets: dict[str, dict[str, str]] = {}  # paragraph id -> referring text -> anchor
    for r in resolve(context.chapter):
        if r.target:
            text = r.paragraph.text[r.ref.start : r.ref.end]
            targets.setdefault(r.paragraph.id, {})[text] = r.target
    if not targets:
        return page

    def edit(pid: str, inner: str) -> str:
        wanted = targets.get(pid)
        if not wanted:
            return inner

        def replace(text: str) -> list[tuple[str, bool]]:
            pieces, at = [], 0
            while True:
                hits = [(text.find(t, at), t) for t in wanted if text.find(t, at) != -1]
                if not hits:
                    break
                start, found = min(hits)
                pieces += [(text[at:start], False),
                           (Markup('<a class="hb-ref" href="#{}">{}</a>').format(wanted[found], found), True)]  # fmt: skip
                at = start + len(found)
            return pieces + [(text[at:], False)] if pieces else [(text, False)]

        return rewrite_text(inner, replace)

    return edit_paragraphs(page, edit)
