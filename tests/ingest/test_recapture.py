"""A new capture that shrank is stopped (#20): one that keeps much less of the previous capture's
words, or loses most of its paragraphs, is an error for that chapter, its previous page stays,
and the message says how much was lost and how to confirm a real cut (`cut:` in .meta.yml).

The real case: a page cut off after its first paragraphs, saved over the full one, printed
`handbook ingest passed`; the page became a stub and its old anchors were pointed at the one
line left."""

from __future__ import annotations

import re
import shutil

from conftest import SOURCES, ingest_project
from handbook.cli import main
from handbook.ingest.anchors import read_previous
from handbook.ingest.recapture import measure

SUSSEX = "sources/sussex/43.2-information-communication-technology.txt"
PAGE = "docs/chapters/sussex/information-communication-technology.md"
META = "sources/sussex/43.2-information-communication-technology.meta.yml"


def cut_after(root, lines: int) -> None:
    path = root / SUSSEX
    path.write_text("\n".join(path.read_text("utf-8").splitlines()[:lines]) + "\n", "utf-8")


def ingest_cli(root, capsys) -> tuple[int, str]:
    status = main(["ingest", "--sources", str(root / "sources"), "--out", str(root / "docs/chapters"),
                   "--config", str(root / "mkdocs.yml")])  # fmt: skip
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_a_half_copy_saved_over_a_real_chapter_is_an_error_and_its_page_stays(project_copy, capsys):
    before = (project_copy / PAGE).read_bytes()
    cut_after(project_copy, 40)  # the page's opening paragraphs only
    status, out = ingest_cli(project_copy, capsys)
    assert status == 1 and "handbook ingest FAILED" in out and "handbook ingest passed" not in out
    assert f"{SUSSEX}:1: error: this capture is much shorter than the previous one" in out.replace(str(project_copy) + "/", "")
    lost = re.search(r"it keeps (\d+)% of the previous capture's words \((\d+) of (\d+)\) and (\d+) of its (\d+) paragraphs", out)
    assert lost and int(lost[1]) < 60 and int(lost[2]) < int(lost[3]) and int(lost[4]) < int(lost[5])
    assert "cut: <what was cut, and how you know>" in out and "43.2-information-communication-technology.meta.yml" in out
    assert (project_copy / PAGE).read_bytes() == before  # nothing retired onto the stub
    assert "retired" not in out


def test_a_real_cut_is_confirmed_in_the_meta_file_and_then_reported_as_done(project_copy, capsys):
    cut_after(project_copy, 40)
    (project_copy / META).write_text("cut: The partnership removed sections 3 to 7 in its 2025 edition (its amendment note)\n",
                                     "utf-8")  # fmt: skip
    status, out = ingest_cli(project_copy, capsys)
    assert status == 0 and f"wrote {project_copy / PAGE}" in out
    assert "this capture is much shorter than the previous one (it keeps " in out
    assert "published, as" in out and "confirms: 'The partnership removed sections 3 to 7" in out
    result = ingest_project(project_copy)  # the shorter page is now the previous one
    messages = [str(d) for d in result.diagnostics]
    assert result.ok and any(f"{META}:1: warning: `cut:` is no longer needed" in m for m in messages), messages


def test_a_new_capture_that_only_changed_a_little_passes(project_copy):
    path = project_copy / SUSSEX
    text = path.read_text("utf-8")
    assert "criminal offence" in text
    path.write_text(text.replace("criminal offence", "offence"), "utf-8")
    result = ingest_project(project_copy)
    assert result.ok, [str(d) for d in result.diagnostics if d.level == "error"]


SENTENCES = [
    "The social worker records every contact with the family on the case file.",
    "A strategy discussion is held whenever there is reasonable cause to suspect harm.",
    "Police officers attend the discussion when a crime may have been committed.",
    "Health visitors share what they know about the baby's weight and feeding.",
    "Teachers describe the child's attendance, mood and any marks they have seen.",
    "The manager decides whether an enquiry under section 47 should begin.",
    "Parents are told of the concerns unless telling them would put the child at risk.",
    "Interpreters are booked for families whose first language is not English.",
    "The outcome of the enquiry is sent in writing to everyone who took part.",
    "Records are kept securely and shared only with those who need to know.",
]


def test_made_up_captures_are_measured_by_words_and_paragraphs(convert_text):
    whole = "Lost Children\n\n" + "\n\n".join(SENTENCES) + "\n"
    previous = read_previous(convert_text(whole, "lost-children.txt").markdown)
    # the same sentences joined into other paragraphs, and in another order: nothing lost
    resplit = "Lost Children\n\n" + " ".join(SENTENCES[5:]) + "\n\n" + " ".join(SENTENCES[:5]) + "\n"
    assert not measure(convert_text(resplit, "lost-children.txt").chapter, previous).shrunk
    # the first three paragraphs only
    half = "Lost Children\n\n" + "\n\n".join(SENTENCES[:3]) + "\n"
    found = measure(convert_text(half, "lost-children.txt").chapter, previous)
    assert found.shrunk and (found.paragraphs_kept, found.paragraphs_before) == (3, 10)
    assert 0.25 < found.word_share < 0.4
    # a rewrite: many common words kept, but none of the paragraphs
    rewritten = "Lost Children\n\n" + "\n\n".join(" ".join(reversed(s.rstrip(".").split())) + "." for s in SENTENCES) + "\n"
    found = measure(convert_text(rewritten, "lost-children.txt").chapter, previous)
    assert found.word_share == 1.0 and found.paragraphs_kept == 0 and found.shrunk


def test_a_new_chapter_has_no_previous_capture_to_compare(tmp_path, convert):
    """The previous capture is the generated chapter: without one (a new chapter), nothing is compared."""
    folder = tmp_path / "sussex"
    shutil.copytree(SOURCES / "sussex", folder)
    cut = folder / "43.2-information-communication-technology.txt"
    cut.write_text("\n".join(cut.read_text("utf-8").splitlines()[:40]) + "\n", "utf-8")
    assert convert(cut).ok
