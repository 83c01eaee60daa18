"""The macros: `define_env` registers, `macros.tables` computes rows with links through ids
(on the fixture handbook)."""

from types import SimpleNamespace

from conftest import fixture_template

import macros
from macros.context import cell


class StubEnv:
    def __init__(self, page="index.md"):
        root = fixture_template()  # the fixture handbook
        self.conf = {"config_file_path": str(root / "mkdocs.yml"), "docs_dir": str(root / "docs")}
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=page))
        self.macros = {}

    def macro(self, function, name=""):
        self.macros[name or function.__name__] = function
        return function


def test_define_env_registers_the_macros():
    env = StubEnv()
    macros.define_env(env)
    assert {"area_table", "area_summary", "chapter_table", "glossary_page", "term", "offence_table"} <= set(env.macros)


def test_chapter_table_links_relative_to_the_page():
    env = StubEnv("chapters/sussex/index.md")
    macros.define_env(env)
    table = env.macros["chapter_table"](area="sussex")
    assert "| 43.2 | [Information Communication Technology](information-communication-technology.md) | November 2023 | November 2026 |" in table
    home = StubEnv("index.md")
    macros.define_env(home)
    assert "(chapters/liverpool/child-abuse-and-the-internet.md)" in home.macros["chapter_table"]()


def test_unknown_area_warns_naming_the_page_and_the_known_areas(caplog):
    env = StubEnv("chapters/nowhere/index.md")
    macros.define_env(env)
    shown = env.macros["area_summary"]("nowhere")
    assert "unknown area 'nowhere'" in shown
    [record] = caplog.records
    assert record.levelname == "WARNING"
    assert "chapters/nowhere/index.md: area_summary(): unknown area 'nowhere'; known: liverpool, london" in record.getMessage()


def test_cells_are_escaped():
    assert cell("A | B <b>") == "A \\| B \\<b\\>"
    assert cell(None) == "—"


def test_term_macro_gives_a_hover_definition_linked_to_the_glossary():
    env = StubEnv("chapters/index.md")
    macros.define_env(env)
    out = env.macros["term"]("lado")
    assert out.startswith('[<abbr class="hb-term" title="LADO (') and out.endswith("](../glossary.md#term-lado)")


def test_unknown_term_warns_with_the_valid_ids(caplog):
    env = StubEnv("index.md")
    macros.define_env(env)
    assert "unknown glossary term 'nope'" in env.macros["term"]("nope")
    assert "known: " in caplog.records[0].getMessage()


def test_offence_table_filtered_by_statute_and_by_area():
    env = StubEnv("offences.md")
    macros.define_env(env)
    full = env.macros["offence_table"]()
    by_act = env.macros["offence_table"](statute="soa-2003")
    by_area = env.macros["offence_table"](area="northumberland")
    assert full.count("\n| ") > by_act.count("\n| ") > 2
    assert "Sexual Offences Act 2003 s15" in by_act and "Protection of Children Act 1978" not in by_act
    assert "Northumberland" in by_area and "Sussex" not in by_area
    assert "unknown statute 'nope'" in env.macros["offence_table"](statute="nope")
