"""Statute and glossary references found in paragraph text (handbook.refs), on the fixture
handbook's data (real data, copied)."""

import pytest

from handbook.datasets import load_data
from handbook.refs import find_statutes, find_terms
from conftest import DATA


@pytest.fixture(scope="module")
def data():
    data, reports = load_data(DATA)
    assert all(r.ok for r in reports), [str(d) for r in reports for d in r.items]
    return data


@pytest.mark.parametrize("text, printed, statute, section, slip", [
    ("Section 15 of the Sexual Offences Act 2003 makes it an offence", "Sexual Offences Act 2003", "Sexual Offences Act 2003", "15", False),
    ("The Serious Crime Act (2015) introduced", "Serious Crime Act (2015)", "Serious Crime Act 2015", None, False),
    ("under the Sex Offences Act 2003, s.15", "Sex Offences Act 2003", "Sexual Offences Act 2003", "15", True),
    ("(Protection of Children Act 1978 England and Wales)", "Protection of Children Act 1978", "Protection of Children Act 1978", None, False),
    ("a Section 47 Enquiry should commence", "Section 47 Enquiry", "Children Act 1989", "47", False),
    ("In the Criminal Justice and Public Order Act 1994", "Criminal Justice and Public Order Act 1994",
     "Criminal Justice and Public Order Act 1994", None, False),
])  # fmt: skip
def test_statute_references_are_found_with_their_section(data, text, printed, statute, section, slip):
    [span] = find_statutes(text, data.statutes)
    assert (span.printed, span.statute.title, span.section, span.slip) == (printed, statute, section, slip)
    assert text[span.start : span.end] == printed


def test_an_act_the_handbook_does_not_know_is_found_unresolved(data):
    [span] = find_statutes("as the Imaginary Powers Act 2031 says", data.statutes)
    assert span.printed == "Imaginary Powers Act 2031" and span.statute is None


def test_an_act_without_a_year_is_not_taken(data):
    assert find_statutes("under the Children Act the council must", data.statutes) == []


def test_abbreviations_match_whole_words_and_case(data):
    spans = find_terms("ACPO guidance and the acpo's; IIOCs are images; LADOs", data.glossary)
    assert [s.form for s in spans] == ["ACPO", "IIOC", "LADO"]
    assert find_terms("CSEX and XCSE are not terms", data.glossary) == ()


def test_longest_name_wins(data):
    [span] = find_terms("a Child and Family Assessment was done", data.glossary)
    assert span.term.id == "child-and-family-assessment" and span.form == "Child and Family Assessment"
