"""The legal data's honesty, as properties that hold whatever rows it holds: every fact is
dated, no fact claims more than its source shows, and the guidance editions load and resolve.
Broken copies of the data show each rule reported with its line."""

import re
import shutil
from datetime import date

import pytest

from handbook.checks.currency import dated_facts
from handbook.datasets import load_data
from handbook.refs import find_editions

from conftest import ROOT

# What a primary source looks like in `source`: the law's own text or an official publisher.
PRIMARY = re.compile(
    r"legislation\.(?:data\.)?gov\.uk|\bSI \d{4}/\d+|S\.I\. \d{4}/\d+|Hansard|\bCPS\b|Explanatory Notes|Circular"
    r"|gov\.uk|college\.police\.uk|College of Policing APP|npcc\.police\.uk|iwf\.org\.uk|\b(?:PCA|CJA|CAJA|SOA|SCA|OSA|CJCA|CJIA|PCSCA) \d{4}\b"
    r"|\bs\d+[A-Z]*\(|\bss?\d+[A-Z]*\b|\bsection \d+|annotations",
)


@pytest.fixture(scope="module")
def data():
    loaded, reports = load_data(ROOT / "data")
    assert [str(d) for r in reports for d in r.items] == []
    return loaded


def test_every_legal_fact_is_dated_with_a_real_day(data):
    for fact in dated_facts(data):
        assert date.fromisoformat(fact.checked), fact.label


def test_no_verified_primary_fact_rests_on_a_secondary_source_alone(data):
    for offence in data.offences.rows:
        for fact in offence.facts:
            if fact.confirmed:
                assert PRIMARY.search(fact.source), (offence.id, fact.source)
    for item in (*data.glossary.rows, *data.cautions.rows):
        if item.status == "verified-primary":
            assert PRIMARY.search(item.source), (item.id, item.source)
    for document in data.editions.rows:
        for edition in document.editions:
            # An edition is primary only on its publisher's own page.
            if edition.confirmed:
                assert re.search(r"gov\.uk|college\.police\.uk", edition.source), (document.id, edition.source)


def test_an_unconfirmed_fact_is_never_shown_as_confirmed(data):
    for offence in data.offences.rows:
        for fact in offence.facts:
            assert fact.confirmed == (fact.status == "verified-primary")


def test_an_offence_links_its_own_section_or_an_act_never_another_section(data):
    """A section number that is not confirmed must not become a link that may point elsewhere:
    an offence links its own section of its Act, or the root of an Act the data knows."""
    roots = {statute.url for statute in data.statutes.rows}
    for offence in data.offences.rows:
        own = data.statutes.get(offence.statute).section_url(offence.section)
        assert offence.url == own or offence.url in roots, (offence.id, offence.url)


def test_a_fact_without_its_checked_date_is_an_error_at_its_line(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    path = folder / "offences.yml"
    text = path.read_text("utf-8")
    at = text.index("      checked: ")
    line = text[:at].count("\n") + 1
    path.write_text(text[:at] + text[text.index("\n", at) + 1 :], "utf-8")
    _, reports = load_data(folder)
    found = [str(d) for r in reports for d in r.items]
    assert any(f"offences.yml:{line - 3}:" in m or f"offences.yml:{line - 4}:" in m for m in found) and any(
        "'checked' is missing" in m for m in found), found  # fmt: skip


def test_a_checked_date_in_another_form_is_an_error(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    path = folder / "glossary.yml"
    text = path.read_text("utf-8")
    at = text.index("    checked: ")
    path.write_text(text[:at] + "    checked: 4 December 2026" + text[text.index("\n", at) :], "utf-8")
    _, reports = load_data(folder)
    found = [str(d) for r in reports for d in r.items]
    assert any("glossary.yml:" in m and "'4 December 2026' is not in the expected form" in m for m in found), found


def test_editions_out_of_order_or_replaced_by_nothing_are_errors_with_their_lines(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    path = folder / "editions.yml"
    text = path.read_text("utf-8")
    text = text.replace('edition: "2013"', 'edition: "2019"', 1)
    text = text.replace("replaced_by: ukcis-sharing-nudes", "replaced_by: ukcis-nudes", 1)
    path.write_text(text, "utf-8")
    _, reports = load_data(folder)
    found = [str(d) for r in reports for d in r.items]
    assert any("editions.yml:" in m and "are not oldest first" in m for m in found), found
    assert any("editions.yml:" in m and "'ukcis-nudes', which is not a document id" in m for m in found), found


@pytest.mark.parametrize("text, year, replaced", [
    ("see Working Together to Safeguard Children 2013 for the stages", "2013", True),
    ("Working Together to Safeguard Children published in December 2023 sets out", "2023", True),
    ("in line with Working Together 2026.", "2026", False),
    ("Sexting in schools and colleges: Responding to incidents and safeguarding young people (January 2018)", None, True),
    ("Working Together to Safeguard Children recognises that", None, False),
    ("Working Together. In 2018 the board", None, False),
])  # fmt: skip
def test_the_finder_reads_the_edition_from_the_words_after_a_title(data, text, year, replaced):
    [span] = find_editions(text, data.editions)
    assert span.year == year and (span.replaced_by is not None) == replaced


def test_an_everyday_phrase_is_not_a_citation(data):
    assert find_editions("working together with parents since 2019", data.editions) == ()
