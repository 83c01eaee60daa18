"""The amendments log, its Atom feed (read by a real feed parser), and the review dashboard
computed from a fixed build date."""

import feedparser
import pytest

from handbook.site.build import build_into

from conftest import fixture_template


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory):
    """The fixture handbook built as on 23 November 2026 (Sussex's review, November 2026, is due)."""
    import os

    site = tmp_path_factory.mktemp("dated") / "site"
    before = os.environ.get("HANDBOOK_TODAY")
    os.environ["HANDBOOK_TODAY"] = "2026-11-23"
    try:
        build_into(fixture_template() / "mkdocs.yml", site)
    finally:
        os.environ.pop("HANDBOOK_TODAY") if before is None else os.environ.__setitem__("HANDBOOK_TODAY", before)
    return site


def test_the_feed_parses_and_lists_every_dated_amendment_newest_first(dated_site):
    feed = feedparser.parse((dated_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Safeguarding Procedures Handbook: amendments"
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Liverpool Child Abuse and the Internet: amended 24 September 2024"
    assert "Northumberland 1.4.9 Child Abuse and Information Communication Technology: amended October 2017" in titles
    assert [e.updated for e in feed.entries] == sorted((e.updated for e in feed.entries), reverse=True)
    assert all(e.link.startswith("chapters/") for e in feed.entries)
    assert "outcome 21" in feed.entries[-1].summary


def test_the_amendments_page_lists_them_with_links(dated_site):
    html = (dated_site / "amendments" / "index.html").read_text("utf-8")
    assert html.index("24 September 2024") < html.index("October 2017")
    assert 'href="../chapters/northumberland/child-abuse-and-information-communication-technology/"' in html
    assert 'href="../feed.xml"' in html


def test_the_dashboard_counts_from_the_build_date(dated_site):
    html = (dated_site / "review" / "index.html").read_text("utf-8")
    due = html[html.index('id="due"') : html.index('id="missing"')]
    assert "Information Communication Technology" in due and "November 2026" in due  # Sussex
    overdue = html[html.index('id="overdue"') : html.index('id="due"')]
    assert "Review overdue (0)" in overdue
    assert "As of <strong>23 November 2026</strong>" in html
    home = (dated_site / "index.html").read_text("utf-8")
    assert '<a href="review/#due">1 review due</a>' in home


def test_sussex_is_overdue_from_december(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-01")
    build_into(fixture_template() / "mkdocs.yml", tmp_path / "site")
    html = (tmp_path / "site" / "review" / "index.html").read_text("utf-8")
    assert "Review overdue (1)" in html
