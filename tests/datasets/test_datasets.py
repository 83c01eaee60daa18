"""The data files load: the fixture handbook's copies of the real ones cleanly, with what they
are known to hold, and a broken copy with every problem at once. (The real data files' own
properties: tests/content/test_content_data.py.)"""

import shutil

import pytest

from conftest import DATA, SOURCES
from handbook.compare import RESERVED_TOPIC_IDS
from handbook.datasets import load_data


@pytest.fixture()
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def messages(reports):
    return [str(d) for r in reports for d in r.items]


def test_the_data_files_load_without_a_problem():
    data, reports = load_data(DATA)
    assert messages(reports) == []
    assert len(data.glossary.rows) >= 45 and len(data.offences.rows) >= 9 and data.cautions.rows


def test_glossary_is_sorted_and_superseded_terms_name_their_replacement():
    data, _ = load_data(DATA)
    superseded = {t.id: t.superseded_by.term for t in data.glossary.rows if t.superseded_by}
    for old, new in [("acpo", "npcc"), ("lscb", None), ("core-assessment", "child-and-family-assessment"),
                     ("child-pornography", None), ("sexting", "sharing-nudes-and-semi-nudes")]:  # fmt: skip
        assert old in superseded, old
        assert new is None or superseded[old] == new


def test_a_broken_file_reports_every_problem_with_its_line(data_copy):
    text = (data_copy / "offences.yml").read_text("utf-8")
    text = text.replace("status: verified-primary", "status: checked", 1)
    text = text.replace("statute: soa-2003", "statute: sexual-offences", 1)
    (data_copy / "offences.yml").write_text(text, "utf-8")
    glossary = (data_copy / "glossary.yml").read_text("utf-8").replace("term: npcc", "term: national-police", 1)
    (data_copy / "glossary.yml").write_text(glossary, "utf-8")
    _, reports = load_data(data_copy)
    found = messages(reports)
    assert any("offences.yml:" in m and "'checked' should be one of: verified-primary" in m for m in found), found
    assert any("glossary.yml:" in m and "'national-police', which is not a term id" in m for m in found), found


def test_an_offence_naming_an_unknown_statute_is_an_error_saying_which_file_to_add_it_to(data_copy):
    text = (data_copy / "offences.yml").read_text("utf-8").replace("statute: soa-2003", "statute: sexual-offences", 1)
    (data_copy / "offences.yml").write_text(text, "utf-8")
    _, reports = load_data(data_copy)
    [problem] = [m for m in messages(reports) if "sexual-offences" in m]
    assert "offences.yml:" in problem and "add it to data/statutes.yml" in problem


def test_a_repeated_id_is_an_error_at_its_second_line(data_copy):
    text = (data_copy / "statutes.yml").read_text("utf-8").replace("id: sca-2015", "id: soa-2003", 1)
    (data_copy / "statutes.yml").write_text(text, "utf-8")
    _, reports = load_data(data_copy)
    assert any("id 'soa-2003' repeats the one on line" in m for m in messages(reports))


def test_a_missing_file_is_an_empty_data_set(tmp_path):
    data, reports = load_data(tmp_path)
    assert data.glossary.rows == () and messages(reports) == []


# --- data/topics.yml ---------------------------------------------------------------------------


def problems(folder):
    _, reports = load_data(folder)
    return [str(d) for r in reports for d in r.items]


def replace(folder, old, new):
    path = folder / "topics.yml"
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if new.splitlines()[0] in line)


def test_the_topics_compare_every_area_with_quotations():
    data, _ = load_data(DATA)
    topics = data.topics.rows
    assert len(topics) >= 10
    areas = {p.name for p in SOURCES.iterdir() if (p / "area.yml").is_file()}
    for topic in topics:
        assert {e.area for e in topic.entries} == areas, topic.id
        for entry in topic.entries:
            assert entry.summary.strip()
            assert bool(entry.cites) == (entry.coverage != "not-covered"), (topic.id, entry.area)
            assert all(c.line and c.ref.startswith(f"{entry.area}/") for c in entry.cites)


def test_a_topic_not_covered_that_cites_a_paragraph_is_refused(data_copy):
    line = replace(data_copy, "coverage: not-covered\n", "coverage: not-covered\n        cites: [{ref: a/b#c, quote: words}]\n")
    [message] = problems(data_copy)
    assert ".cites: A topic an area does not cover cites nothing: say so in the summary." in message
    assert f"topics.yml:{line + 1}: " in message


def test_a_covered_entry_with_no_citation_is_refused(data_copy):
    replace(data_copy, "coverage: covered\n", "coverage: covered\n        cites: []\n")
    text = (data_copy / "topics.yml").read_text("utf-8")
    # Two `cites:` keys would be a YAML error; remove the real list that follows instead.
    start = text.index("cites: []\n") + len("cites: []\n")
    end = text.index("      milton-keynes:", start)
    (data_copy / "topics.yml").write_text(text[:start] + text[start:end].split("        cites:\n")[0] + text[end:], "utf-8")
    [message] = problems(data_copy)
    assert "cites: Cite at least one paragraph with a quotation for covered or partly." in message


def test_an_unknown_coverage_and_a_reserved_id_are_each_reported(data_copy):
    replace(data_copy, "coverage: partly\n", "coverage: partially\n")
    replace(data_copy, "id: unlawful-and-lawful-material\n", "id: index\n")
    messages = problems(data_copy)
    assert any("coverage: 'partially' should be one of: covered, partly, not-covered" in m for m in messages)
    assert any("topics[1].id: 'index' is not in the expected form (Lower case, digits and hyphens, naming the topic's page "
               "(compare/<id>/); not 'index' or 'shared-text', the names of the other comparison pages.)" in m for m in messages)


@pytest.mark.parametrize("page_id", RESERVED_TOPIC_IDS)
def test_the_schema_refuses_every_id_of_another_comparison_page(data_copy, page_id):
    replace(data_copy, "id: unlawful-and-lawful-material\n", f"id: {page_id}\n")
    assert any("is not in the expected form" in m for m in problems(data_copy))
