"""What a practitioner sees first on a chapter page, as properties of whatever chapters the
handbook holds: whose procedure it is, whether it may be out of date, definitions that reach
keyboard and touch, and our notes after the partnership's sentences, never inside them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from handbook.ingest.model import Chapter
from handbook.load import load_handbook
from handbook.project import Project
from handbook.site.currency import currency


ON = date(2026, 12, 4)


def chapter(**dates) -> Chapter:
    return Chapter(area="sussex", slug="x", title="X", source_file="x.txt", title_line=1, **dates)


def reasons(**dates):
    found = currency(chapter(**dates), "Sussex", "https://example.org/x", ON)
    return found.reasons if found else ()


def test_a_current_chapter_has_no_banner():
    assert reasons(last_updated="2025-06", next_review="2027-06", captured="2026-11-30") == ()


def test_an_overdue_review_says_when_it_was_due():
    assert reasons(last_updated="2024-01", next_review="2026-11", captured="2026-11-30") == (
        "This chapter was due for review in November 2026.",)  # fmt: skip


def test_the_month_of_review_itself_is_not_overdue():
    assert reasons(last_updated="2024-12", next_review="2026-12", captured="2026-11-30") == ()


def test_an_old_update_and_an_old_capture_are_both_said_with_their_dates():
    assert reasons(last_updated="2017-10", next_review=None, captured="2018-07-22") == (
        "It was last updated in October 2017, more than three years ago.",
        "Our copy was captured on 22 July 2018, more than a year ago.",
    )


def test_unknown_dates_are_said_to_be_unknown():
    assert reasons(last_updated=None, next_review=None, captured=None) == (
        "The partnership's page does not say when it was last updated.",
        "We do not know when our copy of the page was captured.",
    )


def test_a_date_taken_from_an_amendment_is_not_presented_as_printed():
    found = currency(chapter(last_updated="2017-10", captured="2026-11-30", inferred={"last_updated": "the latest amendment"}),
                     "Sussex", None, ON)  # fmt: skip
    assert found.reasons == ("Its latest amendment is dated October 2017, more than three years ago.",)
    assert found.site is None


@pytest.fixture(scope="module")
def handbook(fixture_root):
    return load_handbook(Project(fixture_root))


def chapter_html(site, chapter):
    return (site / "chapters" / chapter.area / chapter.slug / "index.html").read_text("utf-8")


def test_every_chapter_names_its_area_above_its_title_and_warns_when_it_should(built_site, handbook, monkeypatch):
    # The site fixture is built with the real build date; the banner follows the same rule.
    from handbook.review import today

    for chapter in handbook.chapters.values():
        html = chapter_html(built_site, chapter)
        area = handbook.areas[chapter.area]
        caption = html.index('class="hb-ours hb-chapter-area"')
        assert caption < html.index("<h1"), chapter.id
        assert f'<span class="hb-area-name">{area.name}</span>' in html[caption : html.index("<h1")]
        expected = currency(chapter, area.name, chapter.source_url or area.site, today())
        assert ("hb-currency" in html) == (expected is not None), chapter.id
        if expected:
            banner = html[html.index('class="hb-ours hb-currency"') :]

            for reason in expected.reasons:
                assert reason.replace("'", "&#39;") in banner[:2000], (chapter.id, reason)


def test_each_outdated_term_is_noted_once_a_page_after_its_paragraph(built_site, handbook):
    for chapter in handbook.chapters.values():
        html = chapter_html(built_site, chapter)
        notes = re.findall(r'<aside class="hb-ours hb-term-note" id="(hb-note-[a-z0-9-]+)"', html)
        assert len(notes) == len(set(notes)), chapter.id
        for note_id in notes:
            # The term that points at the note comes before it, and the note is no longer inside a sentence.
            assert html.index(f'aria-describedby="{note_id}"') < html.index(f'id="{note_id}"')
        assert "[handbook note:" not in html


def test_the_first_use_of_each_term_on_a_page_is_a_tab_stop_and_later_ones_are_not(built_site, handbook):
    for chapter in handbook.chapters.values():
        html = chapter_html(built_site, chapter)
        focusable = re.findall(r'<abbr class="hb-term[^"]*" title="([^"]*)" tabindex="0"', html)
        assert len(focusable) == len(set(focusable)), chapter.id


@pytest.fixture()
def sussex(browser, built_site):
    def open_page(**context):
        ctx = browser.new_context(**context)
        page = ctx.new_page()
        page.goto((built_site / "chapters" / "sussex" / "information-communication-technology" / "index.html").as_uri())
        return page

    return open_page


@pytest.mark.browser
def test_a_definition_shows_on_keyboard_focus_and_escape_closes_it(sussex):
    page = sussex(viewport={"width": 1280, "height": 900})
    page.keyboard.press("Tab")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('abbr.hb-term')"):
            break
    else:
        pytest.fail("no glossary term is reachable with Tab")
    tip = page.locator("#hb-tip")
    assert tip.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')").split()[-1] == "hb-tip"
    assert ":" in tip.text_content()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


@pytest.mark.browser
def test_a_definition_shows_on_a_tap_on_a_phone(sussex):
    page = sussex(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    term = page.locator("abbr.hb-term--noted").first
    term.scroll_into_view_if_needed()
    term.tap()
    tip = page.locator("#hb-tip")
    assert tip.is_visible() and tip.text_content().startswith(term.text_content().strip()[:3])
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.locator("h1").tap()
    assert not tip.is_visible()


@pytest.mark.browser
def test_on_a_phone_tab_never_lands_on_the_closed_menu(sussex):
    page = sussex(viewport={"width": 390, "height": 844})
    for _ in range(12):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => {
            const el = document.activeElement, r = el.getBoundingClientRect();
            return {inMenu: !!el.closest('.md-sidebar--primary'), x: r.left, w: r.width};
        }""")
        assert not where["inMenu"] and where["x"] + where["w"] > 0, where  # in the closed menu, or nothing to see


@pytest.mark.browser
def test_each_paragraph_is_one_tab_stop_its_cite_button(sussex):
    page = sussex(viewport={"width": 1280, "height": 900})
    stops = page.evaluate("""() => Array.from(document.querySelectorAll('article .hb-para[id]')).map(p =>
        Array.from(p.querySelectorAll('a.hb-num, a.hb-pilcrow, button')).filter(e => e.tabIndex >= 0 && !e.closest('.hb-ours'))
            .map(e => e.className))""")
    # The paragraph's own machinery is one stop; links in its words (to an Act, a section) stay stops.
    assert stops and all(s == ["hb-cite-button"] for s in stops if s), [s for s in stops if s != ["hb-cite-button"]][:3]
