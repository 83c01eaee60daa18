"""Cite this paragraph (handbook.js): from the keyboard, from file://, a ready citation with
area, manual, chapter, paragraph number, link and the date the text was captured."""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.browser

CHAPTER = "chapters/sussex/information-communication-technology/index.html"


@pytest.fixture()
def chapter(browser, built_site):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / CHAPTER).as_uri())
    yield page
    context.close()


def test_a_paragraph_is_cited_from_the_keyboard(chapter, built_site):
    number = chapter.locator("#para-43\\.2\\.12 a.hb-num")
    number.focus()
    chapter.keyboard.press("Tab")  # the number, then its Cite button
    button = chapter.locator("#para-43\\.2\\.12 .hb-cite-button")
    assert chapter.evaluate("document.activeElement.classList.contains('hb-cite-button')")
    assert button.get_attribute("aria-label") == "Cite paragraph 43.2.12"
    chapter.keyboard.press("Enter")
    dialog = chapter.locator("dialog.hb-cite-dialog")
    assert dialog.is_visible()
    citation = chapter.locator("#hb-cite-text").input_value()
    # From disk: the chapter's public address on the partnership's site, never the reader's file path (#20).
    assert citation == (
        'Sussex, Sussex Child Protection and Safeguarding Procedures, "43.2 Information Communication Technology", '
        "paragraph 43.2.12. http://sussexchildprotection.procedures.org.uk (handbook reference "
        "sussex/information-communication-technology#para-43.2.12; text captured 21 December 2024)."
    )
    assert "file:" not in citation and str(built_site) not in citation
    assert chapter.evaluate("document.activeElement.id") == "hb-cite-text"  # selected, ready to copy
    chapter.keyboard.press("Tab")
    chapter.keyboard.press("Enter")  # Copy
    chapter.wait_for_function("document.querySelector('.hb-cite-status').textContent !== ''", timeout=5_000)
    assert chapter.locator(".hb-cite-status").inner_text() in ("Copied.", "Press Ctrl+C (or Cmd+C) to copy the selected text.")
    chapter.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert chapter.evaluate("document.activeElement.classList.contains('hb-cite-button')")  # back where the reader was


def test_an_unnumbered_paragraph_is_cited_by_its_anchor(chapter):
    para = chapter.locator(".hb-para:not(:has(a.hb-num))").first
    para.locator(".hb-cite-button").focus()
    chapter.keyboard.press("Enter")
    citation = chapter.locator("#hb-cite-text").input_value()
    assert "unnumbered paragraph" in citation and f"#{para.get_attribute('id')}" in citation


def test_a_citation_from_disk_never_gives_the_readers_file_path(browser, built_site):  # noqa: F811
    """Whatever chapter is cited from the offline copy, the link is a public address or none (#20)."""
    context = browser.new_context()
    try:
        for page_path in sorted(built_site.glob("chapters/*/*/index.html")):
            page = context.new_page()
            page.goto(page_path.as_uri())
            source = page.locator(".hb-cite-data").get_attribute("data-source")
            page.locator(".hb-cite-button").first.focus()
            page.keyboard.press("Enter")
            citation = page.locator("#hb-cite-text").input_value()
            assert "file:" not in citation and str(built_site) not in citation, citation
            assert (f". {source} (handbook reference " in citation) if source else ("(handbook reference " in citation)
            page.close()
    finally:
        context.close()
