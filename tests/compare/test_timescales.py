"""Timescales are found whatever their capitals and in whole phrases, in the text and the header
boxes, and a comparison never says an area states none where the finder was unsure (#20).

The real case: Doncaster's chapter says "This form must be completed WITHIN 24 HOURS" inside
its SCOPE box, and the differences page said Doncaster stated no timescale."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, copy_project
from handbook.compare.differences import timescale_phrases, timescales
from handbook.load import load_handbook
from handbook.project import Project

from macros.compare import compare_differences
from macros.context import MacroContext

DONCASTER = FIXTURES / "other-areas" / "doncaster"


@pytest.mark.parametrize("sentence, found", [
    # the real pages' words
    ("LADO Referral Form - This form must be completed WITHIN 24 HOURS and sent to the Local Authority "
     "Designated Officer (LADO) in Doncaster Children's Services.", ["WITHIN 24 HOURS"]),
    ("'Working Together to Safeguard Children 2018' states that the Local Authority Designated Officer (LADO) "
     "must be informed within one working day of the allegation/concern being raised. (Chapter 4,226).",
     ["within one working day of the allegation/concern being raised"]),  # staffordshire.gov.uk, LADO page
    ("The referral will be responded to within 24 working hours, and you will be contacted by the LADO.",
     ["within 24 working hours"]),  # doncaster.gov.uk, LADO referral form
    ("who discuss it within a further 2 working days;", ["within a further 2 working days"]),  # Barnsley fixture
    # made up
    ("A conference must be held within 15 working days of the last Strategy Discussion or Meeting.",
     ["within 15 working days of the last Strategy Discussion or Meeting"]),
    ("Notify the police no later than the next working day.", ["no later than the next working day"]),
    ("Within 48 Hours Of The Referral, the team meets.", ["Within 48 Hours Of The Referral"]),
])  # fmt: skip
def test_time_limits_are_found_in_any_case_as_whole_phrases(sentence, found):
    assert [p.text for p in timescale_phrases(sentence)] == found
    assert all(p.whole for p in timescale_phrases(sentence))


def test_a_phrase_too_long_to_be_sure_of_is_marked_cut():
    phrase = timescale_phrases("within 2 days of the one two three four five six seven eight nine ten eleven twelve thirteen")[0]
    assert not phrase.whole and phrase.text.endswith("ten eleven")


@pytest.fixture(scope="module")
def with_doncaster(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("timescales") / "project")
    shutil.copytree(DONCASTER, root / "sources" / "doncaster")
    return load_handbook(Project(root))


def test_a_timescale_in_a_header_box_of_a_real_page_is_found(with_doncaster):
    found = timescales(with_doncaster)
    assert [m.printed for m in found["doncaster"]] == ["WITHIN 24 HOURS"]
    ref = found["doncaster"][0].ref
    assert with_doncaster.paragraph(ref).role == "box"  # the SCOPE box: the partnership's words too


def test_the_page_never_says_none_where_the_finder_was_unsure(with_doncaster):
    page = compare_differences(MacroContext(with_doncaster, "compare/index.md"))
    times = page.split("### Timescales")[1].split("###")[0]
    row = next(line for line in times.splitlines() if "WITHIN 24 HOURS" in line)
    areas = sorted(with_doncaster.areas.values(), key=lambda a: a.name.casefold())
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    by_area = dict(zip([a.id for a in areas], cells, strict=True))
    assert "WITHIN 24 HOURS" in by_area["doncaster"]
    unsure = timescales(with_doncaster, unsure=True)
    stated = timescales(with_doncaster)
    for area, cell in by_area.items():
        if area in stated:
            continue
        # the CEOP "24 hour online facility" chapters: unsure, so never "none found"
        assert (cell == "none found") == (area not in unsure), (area, cell)
        if area in unsure:
            assert cell.startswith("none found for certain; unsure:")
