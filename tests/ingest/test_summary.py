"""The recognition summary: a table at the end of `handbook ingest`, and the same rows as JSON."""

import json

from handbook.cli import main


def test_ingest_ends_with_a_row_per_chapter_and_writes_the_same_as_json(project_copy, tmp_path, capsys):
    out = tmp_path / "summary.json"
    args = ["ingest", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs" / "chapters"),
            "--config", str(project_copy / "mkdocs.yml"), "--summary-json", str(out)]  # fmt: skip
    assert main(args) == 0
    printed = capsys.readouterr().out.splitlines()
    header = next(i for i, line in enumerate(printed) if line.startswith("area "))
    assert printed[header].split() == ["area", "file", "title", "number", "last", "updated", "next", "review", "captured",
                                       "amend.", "paragraphs", "coverage", "warnings"]  # fmt: skip
    sussex = next(line for line in printed if line.startswith("sussex "))
    assert sussex.split()[:5] == ["sussex", "43.2-information-communication-technology.txt", "Information", "Communication",
                                  "Technology"]  # fmt: skip
    assert "43.2" in sussex and "2023-11" in sussex and "2026-11" in sussex and "30/0" in sussex and "100%" in sussex
    assert "2024-09*" in next(line for line in printed if line.startswith("london "))  # from the amendment, marked
    rows = json.loads(out.read_text("utf-8"))["chapters"]
    assert [r["area"] for r in rows] == ["liverpool", "london", "milton-keynes", "northumberland", "sussex"]
    london = rows[1]
    assert (london["number"], london["last_updated"], london["inferred"], london["numbered"]) == ("PG25", "2024-09",
                                                                                                 ["last_updated", "source_url"], 35)  # fmt: skip


def test_a_failed_chapter_shows_as_failed_in_the_table(project_copy, capsys):
    (project_copy / "sources/liverpool/child-abuse-and-the-internet.txt").write_bytes(b"")
    args = ["ingest", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs" / "chapters"),
            "--config", str(project_copy / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 1
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("liverpool "))
    assert "FAILED (1 error(s))" in row
