"""A printed page (print.css, in Chromium's print media and in a real PDF): chrome hidden, the
chapter's header and the printed-on footer shown, paragraph numbers and link targets kept."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest


pytestmark = pytest.mark.browser

CHAPTER = "chapters/sussex/information-communication-technology/index.html"


@pytest.fixture()
def printed(browser, built_site):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / CHAPTER).as_uri())
    page.emulate_media(media="print")
    yield page
    context.close()


def today() -> str:
    d = dt.date.today()
    return f"{d.day} {d.strftime('%B')} {d.year}"


def test_navigation_search_and_buttons_are_hidden(printed):
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-top", ".hb-cite-button", "a.hb-pilcrow"):
        assert not printed.locator(selector).first.is_visible(), selector


def test_the_header_gives_area_chapter_dates_and_source(printed):
    header = printed.locator("aside.hb-chapter-header")
    assert header.is_visible()
    text = header.inner_text()
    for fact in ("Area", "Sussex", "Chapter", "43.2", "Last updated", "November 2023", "Next review", "November 2026",
                 "Source", "http://sussexchildprotection.procedures.org.uk"):  # fmt: skip
        assert fact in text, fact


def test_the_footer_says_when_it_was_printed_and_where_to_check(printed):
    footer = printed.locator(".hb-printed")
    assert footer.is_visible()
    text = " ".join(footer.inner_text().split())
    assert text.startswith(f"Printed on {today()}: check the online version for updates at file://")
    assert CHAPTER in text


def test_paragraph_numbers_stay_and_external_links_show_their_target(printed):
    assert printed.locator("#para-43\\.2\\.12 a.hb-num").inner_text() == "43.2.12"
    # The chapters link out only where the data adds links (laws): add one as the text would.
    after = printed.evaluate("""() => {
        const p = document.getElementById('para-43.2.12').querySelector('p');
        p.insertAdjacentHTML('beforeend', ' <a href="https://www.legislation.gov.uk/ukpga/2003/42">Act</a>');
        return [...document.querySelectorAll('article a[href^="http"]')]
          .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content, !!a.closest('.hb-chapter-header')]);
    }""")
    assert any(href.startswith("https://www.legislation") for href, _, _ in after)
    for href, content, in_header in after:
        assert (content == "none") if in_header else (href in content), (href, content)


def test_headings_are_kept_with_what_follows(printed):
    styles = printed.evaluate("() => [...document.querySelectorAll('article h2')].map(h => getComputedStyle(h).breakAfter)")
    assert styles and set(styles) == {"avoid"}


def test_boxes_stay_whole_and_long_paragraphs_may_break(printed):
    style = printed.evaluate("""() => {
        const s = (sel, pseudo) => getComputedStyle(document.querySelector(sel), pseudo);
        return {box: s('.hb-box').breakInside, ours: s('aside.hb-chapter-header').breakInside,
                label: s('.hb-box-label').breakAfter, para: s('.hb-para').breakInside,
                orphans: s('.hb-para p').orphans, widows: s('.hb-para p').widows,
                printed: s('.hb-printed').breakInside};
    }""")
    assert style == {"box": "avoid", "ours": "avoid", "label": "avoid", "para": "auto", "orphans": "3", "widows": "3",
                     "printed": "avoid"}, style  # fmt: skip


def test_the_title_is_bold_and_black_and_terms_print_without_underlines_or_glossary_links(printed):
    h1 = printed.evaluate("(() => { const s = getComputedStyle(document.querySelector('article h1')); return [s.color, s.fontWeight]; })()")
    assert h1 == ["rgb(0, 0, 0)", "700"], h1
    decorations = printed.evaluate("[...document.querySelectorAll('abbr.hb-term')].map(a => getComputedStyle(a).textDecorationLine)")
    assert decorations and set(decorations) == {"none"}
    links = printed.locator(".hb-term-note a[href*='glossary/']")
    assert links.count() > 0 and not any(links.nth(i).is_visible() for i in range(links.count()))


def test_a_currency_warning_prints_bold_boxed_and_whole(printed):
    # The banner comes from the site's page parts; print.css must style it wherever it appears.
    style = printed.evaluate("""() => {
        const aside = document.createElement('aside');
        aside.className = 'hb-ours hb-currency';
        aside.textContent = 'This chapter was due for review in November 2026.';
        document.querySelector('article h1').after(aside);
        const s = getComputedStyle(aside);
        return [s.fontWeight, s.borderTopStyle, s.borderTopWidth, s.breakInside];
    }""")
    assert style[0] == "700" and style[1] == "solid" and style[2] != "0px" and style[3] == "avoid", style


def test_addresses_wrap_at_break_points_not_anywhere(printed):
    css = printed.evaluate("""() => [getComputedStyle(document.querySelector('.hb-printed-address')).wordBreak,
                                    getComputedStyle(document.querySelector('.hb-printed-address')).overflowWrap]""")
    assert css == ["normal", "anywhere"], css


LONDON = "chapters/london/information-and-communication-technology-ict-based-forms-of-abuse/index.html"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by scripts/dev.py")
def test_the_printed_on_block_is_whole_and_not_alone_on_a_last_page(browser, built_site, tmp_path):  # noqa: F811
    # London printed 8 pages, the 8th holding only the tail of the page's address.
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / LONDON).as_uri())
    page.emulate_media(media="print")
    pdf = tmp_path / "london.pdf"
    page.pdf(path=str(pdf), format="A4")
    context.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    last = [line.strip() for line in text.split("\f")[-2].splitlines() if line.strip()][1:-1]  # between head and foot
    body = " ".join(last)
    assert "check the online version for updates at" in body and body.rstrip().endswith("index.html"), last
    assert "Reproduced from" in body, last  # the chapter's end is on the same page


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by scripts/dev.py")
def test_the_printed_pdf_has_the_header_numbers_and_footer(printed, tmp_path):
    pdf = tmp_path / "chapter.pdf"
    printed.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "About this chapter" in text and "Next review" in text
    assert "43.2.12" in text and "Printed on " + today() in " ".join(text.split())
    assert "Search" not in text.split("About this chapter")[0]  # no search box above the title
    pages = text.split("\f")
    # Every page: the area and chapter at the top, printed-on and "page X of Y" at the foot.
    for number, page in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
        assert lines[0] == "Sussex: 43.2 Information Communication Technology", lines[0]
        assert lines[-1].startswith(f"Printed on {today()}: check the online version for updates ")
        assert lines[-1].endswith(f"page {number} of {len(pages) - 1}")
