"""Property-based tests: generated chapters in every known layout never crash the converter,
never lose a word, and convert to the same bytes every time."""

from __future__ import annotations

import os
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from handbook.diagnostics import Report
from handbook.fidelity import html_text, words
from handbook.ingest.write import escape_text
from handbook.ingest.read import normalise_line

# Bounded so the suite stays fast; for a deeper search run with HANDBOOK_EXAMPLES=2000.
LIMITS = settings(
    max_examples=int(os.environ.get("HANDBOOK_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

PLAIN = ["child", "police", "referral", "Strategy", "Discussion", "must", "be", "made", "the", "and", "Section",
         "47", "2024", "Children's", "Social", "Care", "e.g.", "(ICT)", "CEOP", "under", "review", "updated"]  # fmt: skip
HOSTILE = ["<script>", "</div>", "{{", "}}", "{%", "%}", "{#", "{:", 'onclick="x"', "*", "**", "_", "`", "|",
           "#", "[x](javascript:y)", "&amp;", "&", "(c)", "--8<--", "---", "\\", "~~", "==", "^^", "!!!",
           "<!--", "-->", "$", ":smile:", "[^1]", "*[A]:", ">", "1.", "+"]  # fmt: skip
WORD = st.sampled_from(PLAIN + HOSTILE)


@st.composite
def sentence(draw, min_words=3, max_words=25):
    text = " ".join(draw(st.lists(WORD, min_size=min_words, max_size=max_words)))
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", ":", "", "?", ";"]))


def numbered(draw, sections, per_section, style):
    lines = []
    for s in range(1, sections + 1):
        lines.append(f"{s}. {draw(sentence(1, 5)).rstrip('.:?;').strip() or 'Heading'}")
        lines.append("")
        for n in range(1, per_section + 1):
            if style == "alone":
                lines += [f"{s}.{n}", "", draw(sentence()), ""]
            elif style == "inline":
                lines += [f"{s}.{n} {draw(sentence())}", ""]
            else:  # a copied table row, London style
                lines += [f"{s}.{n} |", f"{draw(sentence())} |"]
            if draw(st.booleans()):
                marker = draw(st.sampled_from(["  • ", "  - ", "  1. ", "  (a) "]))
                lines += [f"{marker}{draw(sentence())}" for _ in range(draw(st.integers(1, 3)))]
                lines.append("" if style != "table" else "|")
    return lines


@st.composite
def chapter_text(draw):
    layout = draw(st.sampled_from(["sussex", "milton-keynes", "london", "northumberland", "liverpool"]))
    title = draw(sentence(1, 8)).rstrip(".:?;")
    sections, per = draw(st.integers(1, 3)), draw(st.integers(1, 4))
    if layout == "sussex":
        lines = [f"43.2 {title}", "", "Show amendments", "", "Last updated in November 2023", "",
                 "RELATED CHAPTER", "", draw(sentence()), "", "Contents", ""]  # fmt: skip
        lines += numbered(draw, sections, per, "alone")
        lines.append("This page is correct as printed on Saturday 21st of December 2024 04:54:37 PM please refer back "
                     "to this website (http://example.procedures.org.uk) for updates.")  # fmt: skip
    elif layout == "milton-keynes":
        lines = ["Top", "", f"1.4.2 {title}", ""] + numbered(draw, sections, per, "inline") + ["Close"]
    elif layout == "london":
        lines = [f"PG25. {title}", "AMENDMENT", f"This chapter was updated in September 2024. {draw(sentence())}"]
        lines += numbered(draw, sections, per, "table")
    elif layout == "northumberland":
        lines = ["Area LSCB Logo", "", f"1.4.9 {title}", "", "AMENDMENT", "", "In October 2017, this chapter was updated.", ""]
        for s in range(1, sections + 1):
            lines += [f"{s}. Heading {s}", ""] + [draw(sentence()) for _ in range(per)] + [""]
        lines += ["End"]
    else:
        lines = ["Skip to content", "Company Logo", "", title, ""]
        lines += [x for _ in range(per) for x in (draw(sentence()), "")]
        lines += ["Last Updated: September 24, 2024", "", "v10"]
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    cut = draw(st.integers(len(lines) // 2, len(lines)))  # some copies are cut short
    return ending.join(lines[:cut])


@LIMITS
@given(text=chapter_text())
def test_any_layout_converts_without_loss_and_deterministically(convert_text, text):
    assume(text.strip())
    first = convert_text(text)
    if [d for d in first.report.errors if "has no chapter text" in d.message]:
        assert first.markdown is None and len(first.report.errors) == 1  # nothing to publish, refused clearly
        return
    assert first.report.ok, [str(d) for d in first.report.errors]
    assert first.fidelity.ok and first.fidelity.coverage == 100.0
    again = convert_text(text)
    body = lambda c: c.markdown.split("\n---\n", 1)[1]  # noqa: E731 - front matter names its temp folder
    assert body(again) == body(first)


@LIMITS
@given(raw=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200))
def test_escaped_text_renders_as_exactly_that_text(render_html, raw):
    text = normalise_line(1, raw.replace("\n", " ").replace("\r", " "), Report("x")).text
    assume(text)
    html = render_html(escape_text(text) + "\n")
    assert words(html_text(html)) == words(text)
    tags = _Tags()
    tags.feed(html)
    assert tags.found <= {("p", ())}, tags.found  # one plain paragraph: no element or attribute from the text


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: set[tuple[str, tuple]] = set()

    def handle_starttag(self, tag, attrs):
        self.found.add((tag, tuple(attrs)))
