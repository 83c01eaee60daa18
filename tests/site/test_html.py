"""Insertion helpers for chapter pages: ours goes in, the partnership's words stay as they were."""

from handbook.site.html import after_paragraph, after_title, edit_paragraphs, paragraphs, rewrite_text

PAGE = (
    '<h1>T</h1><div class="hb-para" id="para-1"><p><a class="hb-num" href="#para-1">1</a> ACPO &amp; CEOP'
    ' <code>ACPO</code></p><div class="hb-list"><ul><li>ACPO</li></ul></div></div>'
    '<div class="hb-para" id="p-abc"><p>Second</p></div><p>outside ACPO</p>'
)


def upper_acpo(text):
    pieces, at = [], 0
    while (i := text.find("ACPO", at)) != -1:
        pieces += [(text[at:i], False), ("<b>ACPO</b>", True)]
        at = i + 4
    return pieces + [(text[at:], False)] if pieces else [(text, False)]


def test_paragraph_spans_include_nested_divs():
    spans = list(paragraphs(PAGE))
    assert [s.id for s in spans] == ["para-1", "p-abc"]
    assert PAGE[spans[0].start : spans[0].end].endswith("</ul></div>")


def test_rewrite_only_touches_text_outside_links_and_code_inside_paragraphs():
    out = edit_paragraphs(PAGE, lambda _id, inner: rewrite_text(inner, upper_acpo))
    assert out.count("<b>ACPO</b>") == 2  # the sentence and the list item
    assert "<code>ACPO</code>" in out and "<p>outside ACPO</p>" in out
    assert "&amp; CEOP" in out  # entities survive the round trip


def test_unchanged_text_keeps_its_original_entities():
    assert rewrite_text("a &lt;b&gt; &#39;c&#39;", lambda t: [(t, False)]) == "a &lt;b&gt; &#39;c&#39;"


def test_text_pieces_are_escaped_again():
    out = rewrite_text("x &lt;script&gt; ACPO", upper_acpo)
    assert out == "x &lt;script&gt; <b>ACPO</b>"


def test_after_title_and_after_paragraph():
    assert after_title(PAGE, "<aside>").startswith("<h1>T</h1><aside>")
    out = after_paragraph(PAGE, {"p-abc": "<aside>note</aside>"})
    assert '<p>Second</p><aside>note</aside></div>' in out
