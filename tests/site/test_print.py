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
    assert printed.evaluate("getComputedStyle(document.querySelector('.hb-para')).breakInside") == "avoid"


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
