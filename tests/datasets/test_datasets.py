"""The real data files load cleanly, and a broken copy is reported with every problem at once."""

import shutil

import pytest

from conftest import ROOT
from handbook.datasets import DATASETS, load_data


@pytest.fixture()
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def messages(reports):
    return [str(d) for r in reports for d in r.items]


def test_the_real_data_files_load_without_a_problem():
    data, reports = load_data(ROOT / "data")
    assert messages(reports) == []
    assert len(data.glossary.rows) >= 45 and len(data.offences.rows) >= 9 and data.cautions.rows


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_file_says_in_a_comment_where_its_facts_come_from(name):
    head = [line for line in (ROOT / "data" / f"{name}.yml").read_text("utf-8").splitlines()[:30] if line.startswith("#")]
    assert len(head) >= 4 and any("legal-facts.md" in line or "sources/" in line for line in head), head


def test_every_offence_fact_has_a_status_and_a_source():
    data, _ = load_data(ROOT / "data")
    for offence in data.offences.rows:
        for fact in offence.facts:
            assert fact.source.strip() and fact.status in ("verified-primary", "verified-secondary", "unverified")


def test_glossary_is_sorted_and_superseded_terms_name_their_replacement():
    data, _ = load_data(ROOT / "data")
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
