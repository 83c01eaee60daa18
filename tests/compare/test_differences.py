"""Differences between areas, found in the chapters' words (the fixture handbook's): local
names, timescales, Acts."""

import pytest

from handbook.compare.differences import acts_by_area, local_names, timescale_phrases, timescales
from handbook.load import load_handbook
from handbook.project import Project


@pytest.fixture(scope="module")
def handbook(fixture_root):
    return load_handbook(Project(fixture_root))


@pytest.mark.parametrize("sentence, found", [
    ("A conference must be convened within 15 working days of the last Strategy Discussion.",
     "within 15 working days of the last Strategy Discussion"),
    ("Inform your line manager the same working day; then", "the same working day"),
    ("The police will respond within 24 hours.", "within 24 hours"),
    ("CEOP provides a dedicated 24 hour online facility", None),
    ("access twenty four hours a day, seven days a week", None),
])  # fmt: skip
def test_timescales_are_time_limits_not_every_number_of_hours(sentence, found):
    phrases = timescale_phrases(sentence)
    assert (phrases[0].text if phrases else None) == found


def test_each_area_s_name_for_the_police_unit_and_the_assessment(handbook):
    rows = {row.term.id: row for row in local_names(handbook)}
    police = {area: [m.printed for m in mentions] for area, mentions in rows["cait"].by_area.items()}
    assert "Child and Public Protection Unit" in police["northumberland"]
    assert "Child Abuse Investigation Team" in police["london"]
    assessment = {area: [m.printed for m in mentions] for area, mentions in rows["child-and-family-assessment"].by_area.items()}
    assert assessment["northumberland"] == ["Statutory Assessment"]


def test_acts_newest_first_with_the_areas_citing_each(handbook):
    rows = acts_by_area(handbook)
    years = [row.statute.year for row in rows]
    assert years == sorted(years, reverse=True)
    newest = rows[0]
    assert newest.statute.id == "osa-2023" and set(newest.by_area) == {"london"}


def test_only_northumberland_states_a_timescale(handbook):
    found = timescales(handbook)
    assert set(found) == {"northumberland"}
    assert found["northumberland"][0].printed == "within 15 working days of the last Strategy Discussion"
