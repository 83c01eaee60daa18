"""data/topics.yml: the real file loads into typed topics; a broken copy is reported line by line."""

import shutil

import pytest

from conftest import ROOT
from handbook.compare import RESERVED_TOPIC_IDS
from handbook.datasets import load_data


@pytest.fixture()
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def problems(folder):
    _, reports = load_data(folder)
    return [str(d) for r in reports for d in r.items]


def replace(folder, old, new):
    path = folder / "topics.yml"
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if new.splitlines()[0] in line)


def test_the_real_topics_compare_every_area_with_quotations():
    data, _ = load_data(ROOT / "data")
    topics = data.topics.rows
    assert len(topics) >= 10
    areas = {p.name for p in (ROOT / "sources").iterdir() if (p / "area.yml").is_file()}
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
