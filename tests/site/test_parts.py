"""What the handbook adds to chapter pages and its own pages, checked on the built site: hover
definitions, notes beside outdated terms, statute links, the laws box, cautions, the glossary and
offences pages. The partnership's words stay exactly as they were (test_check proves it too)."""

import json
import re

import pytest

from handbook.datasets import load_data
from handbook.fidelity import html_text

from conftest import DATA

SUSSEX = "chapters/sussex/information-communication-technology/index.html"
NORTHUMBERLAND = "chapters/northumberland/child-abuse-and-information-communication-technology/index.html"
LIVERPOOL = "chapters/liverpool/child-abuse-and-the-internet/index.html"


def page(site, path):
    return (site / path).read_text("utf-8")


def paragraph(html, pid):
    start = html.index(f'id="{pid}"')
    return html[start : html.index('<div class="hb-para', start + 10) if '<div class="hb-para' in html[start + 10:] else len(html)]


def test_terms_get_a_hover_definition_from_the_glossary(built_site):
    html = page(built_site, SUSSEX)
    data, _ = load_data(DATA)
    iioc = data.glossary.get("iioc")
    assert re.search(r'<abbr class="hb-term" title="IIOC \(indecent images of children\): [^"]+">Indecent images of children</abbr>', html), "no abbr"
    assert iioc.definition[:30].replace("'", "&#39;") in html


def test_an_outdated_term_gets_a_note_of_ours_and_keeps_its_words(built_site):
    html = page(built_site, SUSSEX)
    # The term is marked where the page first uses it; our note follows its paragraph, once.
    assert re.search(r'<abbr class="hb-term hb-term--noted" title="ACPO[^"]*" tabindex="0" aria-describedby="hb-note-acpo">ACPO</abbr>', html)
    assert re.search(r'<aside class="hb-ours hb-term-note" id="hb-note-acpo" data-search-exclude aria-label="Handbook note on ACPO"><p><strong>Handbook note:</strong> [^<]*NPCC', html)
    assert html.count('id="hb-note-acpo"') == 1
    text = html_text(html, root_class="md-content__inner")
    assert "ACPO" in text


def test_statute_mentions_link_to_their_offence_row(built_site):
    html = page(built_site, NORTHUMBERLAND)
    assert re.search(r'<a class="hb-law" href="../../../offences/#offence-[a-z0-9-]+" title="Sexual Offences Act 2003, section 15">Sexual Offences Act 2003</a>', html)
    slip = page(built_site, "chapters/london/information-and-communication-technology-ict-based-forms-of-abuse/index.html")
    assert re.search(r'<a class="hb-law" href="[^"]+" title="Sexual Offences Act 2003[^"]*">Sex Offences Act 2003</a>', slip)


@pytest.mark.parametrize("chapter", [SUSSEX, NORTHUMBERLAND, LIVERPOOL])
def test_every_chapter_has_a_laws_box(built_site, chapter):
    html = page(built_site, chapter)
    assert '<aside class="hb-ours hb-laws" data-search-exclude aria-label="Offences and laws referred to">' in html
    assert "legislation.gov.uk" in html


def test_cautions_sit_beside_the_paragraphs_they_cite(built_site):
    html = page(built_site, SUSSEX)
    para = paragraph(html, "para-43.2.9")
    assert '<aside class="hb-ours hb-caution" data-search-exclude' in para
    assert "photo" in para.split('hb-caution')[1].lower()


def test_cautions_on_one_page_are_landmarks_with_names_of_their_own(built_site):
    """A chapter can have several cautions, and one caution cite several of its paragraphs (London
    8.2 and 9.2): screen readers list asides by name, so each says which it is (axe:
    landmark-unique)."""
    html = page(built_site, "chapters/london/information-and-communication-technology-ict-based-forms-of-abuse/index.html")
    labels = re.findall(r'<aside class="hb-ours hb-caution"[^>]*aria-label="([^"]*)"', html)
    # Two cautions cite 8.2 and 9.2 (the grooming change and the s15A age test), one 8.4.
    assert labels == ["Legal caution 1 of 5 from the handbook, beside paragraph 8.2",
                      "Legal caution 2 of 5 from the handbook, beside paragraph 8.2",
                      "Legal caution 3 of 5 from the handbook, beside paragraph 8.4",
                      "Legal caution 4 of 5 from the handbook, beside paragraph 9.2",
                      "Legal caution 5 of 5 from the handbook, beside paragraph 9.2"]  # fmt: skip
    landmarks = re.findall(r'<aside [^>]*aria-label="([^"]*)"', html)
    assert len(landmarks) == len(set(landmarks))
    sussex = re.findall(r'<aside class="hb-ours hb-caution"[^>]*aria-label="([^"]*)"', page(built_site, SUSSEX))
    assert sussex == ["Legal caution from the handbook, beside paragraph 43.2.9"]


def test_the_glossary_page_has_an_anchor_per_term_and_lists_the_chapters_using_it(built_site):
    html = page(built_site, "glossary/index.html")
    data, _ = load_data(DATA)
    for term in data.glossary.rows:
        assert f'id="{term.anchor}"' in html, term.id
    lado = html[html.index('id="term-lado"') :][:4000]
    assert "../chapters/" in lado and "#para-" in lado or "#p-" in lado


def test_the_offences_page_shows_maxima_and_to_be_confirmed(built_site):
    html = page(built_site, "offences/index.html")
    data, _ = load_data(DATA)
    for offence in data.offences.rows:
        assert f'id="{offence.anchor}"' in html, offence.id
    assert html.count("to be confirmed") >= sum(1 for o in data.offences.rows for f in o.facts if not f.confirmed)
    assert "10 years" in html and "legislation.gov.uk/ukpga/1978/37/section/1" in html
    assert 'id="by-area"' in html and 'id="by-act"' in html


def test_our_data_reaches_every_page_escaped(project_copy):
    """Glossary text is ours, but a definition holding markup or template syntax is still text."""
    from handbook.site.build import build_into

    path = project_copy / "data" / "glossary.yml"
    lines = path.read_text("utf-8").splitlines()
    at = lines.index("  - id: iioc")
    at += next(i for i, line in enumerate(lines[at:]) if line.startswith("    definition:"))
    hostile = '<script>alert(1)</script> {{ config.site_name }} " onmouseover=x'
    lines[at] = f"    definition: {json.dumps(hostile)}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    build_into(project_copy / "mkdocs.yml", project_copy / "site")
    for built in ("glossary/index.html", SUSSEX):
        html = page(project_copy / "site", built)
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;script&gt;alert(1)" in html, built
        assert "{{ config.site_name }}" in html, built


def test_a_broken_data_file_stops_the_build_naming_file_and_line(project_copy, tmp_path, capsys, caplog):
    from handbook.cli import main

    path = project_copy / "data" / "offences.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("status: verified-primary", "status: probably", 1), "utf-8")
    line = next(i for i, l in enumerate(path.read_text("utf-8").splitlines(), 1) if "status: probably" in l)
    status = main(["build", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs" / "chapters"),
                   "--config", str(project_copy / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")])  # fmt: skip
    assert status == 1 and not (tmp_path / "site").exists()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"data/offences.yml:{line}: error:" in logged and "'probably' should be one of" in logged
