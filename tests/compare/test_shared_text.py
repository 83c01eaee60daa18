"""The template-text finder: near-identical paragraphs across areas, found through a shingle index,
agree with comparing every pair, and come with word-level differences (on the fixture handbook's
chapters)."""

import random

import pytest

from handbook.compare.quotes import words
from handbook.compare.shared import MIN_SIMILARITY, MIN_WORDS, find_shared, shared_in, similarity
from handbook.load import load_handbook
from handbook.model import ParagraphRef
from handbook.project import Project

from conftest import ROOT

NORTHUMBERLAND = "northumberland/child-abuse-and-information-communication-technology"
LIVERPOOL = "liverpool/child-abuse-and-the-internet"


@pytest.fixture(scope="module")
def handbook(fixture_root):
    return load_handbook(Project(fixture_root))


def body_paragraphs(handbook):
    return [(ref, p.number, p.text) for ref, _, p in handbook.paragraphs() if p.role == "body"]


def test_the_finder_agrees_with_comparing_every_pair_on_real_chapters(handbook):
    paragraphs = body_paragraphs(handbook)
    expected = set()
    eligible = [(ref, words(text)) for ref, _, text in paragraphs if len(words(text)) >= MIN_WORDS]
    for i, (a, wa) in enumerate(eligible):
        for b, wb in eligible[i + 1:]:
            if a.area != b.area and similarity(wa, wb) >= MIN_SIMILARITY:
                expected.add(frozenset((a, b)))
    finding = find_shared(paragraphs)
    grouped = {ref: index for index, group in enumerate(finding.shared) for ref in (v.ref for v in group.versions)}
    assert expected, "the five chapters share template text"
    for pair in expected:
        a, b = tuple(pair)
        assert a in grouped and grouped.get(a) == grouped.get(b), (a, b)
    assert finding.comparisons < len(eligible) * (len(eligible) - 1) / 2 / 10  # far fewer than every pair


def test_northumberland_and_liverpool_share_paragraphs_with_their_differences(handbook):
    finding = shared_in(handbook)
    between = [g for g in finding.shared if {"northumberland", "liverpool"} <= set(g.areas)]
    assert len(between) >= 2
    changed = [v for g in between for v in g.versions if not v.identical]
    assert changed and all(any(s.kind in ("insert", "delete") for s in v.segments) for v in changed)
    pair = next(p for p in finding.pairs if {p.first, p.second} == {LIVERPOOL, NORTHUMBERLAND})
    assert pair.paragraphs >= 2 and 0 < pair.share_first < 1 and 0 < pair.share_second < 1


def test_word_differences_rebuild_each_version_and_the_common_text(handbook):
    for group in shared_in(handbook).shared:
        for version in group.versions:
            mine = " ".join(s.text for s in version.segments if s.kind != "delete")
            common = " ".join(s.text for s in version.segments if s.kind != "insert")
            assert mine.split() == handbook.paragraph(version.ref).text.split()
            assert common.split() == group.common_text.split()


def test_paragraphs_of_one_area_only_are_not_shared_text():
    text = "A strategy discussion must be held whenever it is suspected that a child is at risk of harm."
    finding = find_shared([(ParagraphRef("a", "x", "p-1"), None, text), (ParagraphRef("a", "y", "p-2"), None, text)])
    assert finding.shared == ()


def test_a_new_area_joins_a_group_with_no_data_change():
    text = "A strategy discussion must be held whenever it is suspected that a child is at risk of harm."
    drifted = text.replace("must be held", "will be held promptly")
    finding = find_shared([(ParagraphRef("a", "x", "p-1"), "1.1", text), (ParagraphRef("b", "y", "p-2"), None, drifted)])
    [group] = finding.shared
    assert group.areas == ("a", "b")
    version = group.versions[1]
    assert [(s.kind, s.text) for s in version.segments if s.kind != "equal"] == [("delete", "must"), ("insert", "will"),
                                                                                 ("insert", "promptly")]  # fmt: skip


def test_the_same_result_whatever_the_hash_seed(fixture_root):
    # crc32 shingles: the groups must not change between runs (Python salts str hashes).
    import os
    import subprocess
    import sys

    script = (f"import sys; sys.path.insert(0, {str(ROOT / 'scripts')!r}); from handbook.compare.shared import shared_in; "
              "from handbook.load import load_handbook; from handbook.project import Project; "
              "print([str(v.ref) for g in shared_in(load_handbook(Project.of_config('mkdocs.yml'))).shared for v in g.versions])")  # fmt: skip
    runs = {subprocess.run([sys.executable, "-c", script], cwd=fixture_root, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}  # fmt: skip
    assert len(runs) == 1


def test_many_near_copies_are_grouped_without_comparing_every_pair():
    rng = random.Random(7)
    vocabulary = "child police social care strategy discussion referral image online harm parent school worker".split()
    base = " ".join(rng.choice(vocabulary) for _ in range(40))
    paragraphs = []
    for area in range(300):
        tokens = base.split()
        tokens[rng.randrange(len(tokens))] = f"local{area}"  # one word of each area's own
        paragraphs.append((ParagraphRef(f"area-{area}", "c", "p-1"), None, " ".join(tokens)))
    finding = find_shared(paragraphs)
    assert len(finding.shared) == 1 and len(finding.shared[0].versions) == 300
    assert finding.comparisons < 300 * 8
