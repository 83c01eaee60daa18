"""Content properties of `data/`: whatever rows the files hold, they load against their schemas,
say where their facts come from, and every row naming an area, a chapter or a paragraph names
one the handbook has. Comparisons need not cover every area: a new area is "not yet compared"
(a warning of `handbook check`), never a test failure."""

from __future__ import annotations

import pytest

from conftest import CONTENT_ROOT
from handbook.datasets import DATASETS, load_data

DATA = CONTENT_ROOT / "data"


@pytest.fixture(scope="module")
def data():
    return load_data(DATA)[0]


def test_the_data_files_load_without_a_problem():
    _, reports = load_data(DATA)
    assert [str(d) for r in reports for d in r.items] == []


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_file_says_in_a_comment_where_its_facts_come_from(name):
    path = DATA / f"{name}.yml"
    if not path.exists():
        pytest.skip(f"data/{name}.yml does not exist (an empty data set)")
    head = [line for line in path.read_text("utf-8").splitlines()[:30] if line.startswith("#")]
    assert len(head) >= 4 and any(s in line for s in ("legal-facts.md", "shared/reference/", "sources/") for line in head), head


def test_every_offence_fact_has_a_status_and_a_source(data):
    for offence in data.offences.rows:
        for fact in offence.facts:
            assert fact.source.strip() and fact.status in ("verified-primary", "verified-secondary", "unverified")


def test_every_comparison_is_of_an_area_and_quotes_its_own_paragraphs(data, content_handbook):
    for topic in data.topics.rows:
        for entry in topic.entries:
            assert entry.area in content_handbook.areas, (topic.id, entry.area)
            assert entry.summary.strip()
            assert bool(entry.cites) == (entry.coverage != "not-covered"), (topic.id, entry.area)
            assert all(c.line and c.ref.startswith(f"{entry.area}/") for c in entry.cites)


def test_every_pack_names_chapters_the_handbook_has(content_handbook):
    from handbook.packs.select import by_pack

    for row in content_handbook.data.packs.rows:
        assert len(by_pack(content_handbook, row.id).chapters) == len(row.chapters), row.id
