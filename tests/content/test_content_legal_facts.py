"""The legal data's honesty, as properties that hold whatever rows the content holds: every
fact is dated with a real day, no fact claims more than its source shows, no offence links a
section that is not its own."""

import re
from datetime import date

import pytest

from conftest import CONTENT_ROOT
from handbook.checks.currency import dated_facts
from handbook.datasets import load_data

# What a primary source looks like in `source`: the law's own text or an official publisher.
PRIMARY = re.compile(
    r"legislation\.(?:data\.)?gov\.uk|\bSI \d{4}/\d+|S\.I\. \d{4}/\d+|Hansard|\bCPS\b|Explanatory Notes|Circular"
    r"|gov\.uk|college\.police\.uk|College of Policing APP|npcc\.police\.uk|iwf\.org\.uk|\b(?:PCA|CJA|CAJA|SOA|SCA|OSA|CJCA|CJIA|PCSCA) \d{4}\b"
    r"|\bs\d+[A-Z]*\(|\bss?\d+[A-Z]*\b|\bsection \d+|annotations",
)


@pytest.fixture(scope="module")
def data():
    loaded, reports = load_data(CONTENT_ROOT / "data")
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


