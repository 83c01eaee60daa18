"""The legal data's rules on broken copies of the fixture handbook's data: a fact without its
checked day, or with one in another form, and editions out of order or replaced by nothing, are
errors with their lines; and the edition finder reads a year from the words after a title."""

import shutil

import pytest

from conftest import DATA
from handbook.datasets import load_data
from handbook.refs import find_editions


@pytest.fixture(scope="module")
def data():
    loaded, reports = load_data(DATA)
    assert [str(d) for r in reports for d in r.items] == []
    return loaded


def broken(tmp_path, name: str, edit) -> list[str]:
    """Every message loading a copy of the fixture data gives, with one file edited."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / f"{name}.yml"
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    _, reports = load_data(folder)
    return [str(d) for r in reports for d in r.items]


def without_first(key: str, text: str) -> str:
    at = text.index(key)
    return text[:at] + text[text.index("\n", at) + 1 :]


def test_a_fact_without_its_checked_date_is_an_error_at_its_line(tmp_path):
    found = broken(tmp_path, "offences", lambda text: without_first("      checked: ", text))
    assert any("offences.yml:" in m and "offences[1].covers: 'checked' is missing" in m for m in found), found


def test_a_checked_date_in_another_form_is_an_error(tmp_path):
    found = broken(tmp_path, "glossary", lambda text: text.replace("    checked: 2026-", "    checked: 4 December ", 1))
    assert any("glossary.yml:" in m and "is not in the expected form" in m and "December" in m for m in found), found


def test_editions_out_of_order_or_replaced_by_nothing_are_errors_with_their_lines(tmp_path):
    found = broken(tmp_path, "editions", lambda text: text.replace('edition: "2013"', 'edition: "2019"', 1).replace(
        "replaced_by: ukcis-sharing-nudes", "replaced_by: ukcis-nudes", 1))  # fmt: skip
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
