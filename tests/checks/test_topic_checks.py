"""`handbook check` on data/topics.yml: each case breaks a copy of the real data (or of a real
source) and sees the check name the topic, the area, the citation and the nearest paragraph."""

import shutil

from conftest import ingest_project
from handbook.checks import Context, run_checks
from handbook.load import load_handbook
from handbook.project import Project

TOPICS = "data/topics.yml"
SUSSEX_SOURCE = "sources/sussex/43.2-information-communication-technology.txt"
SUSSEX = "sussex/information-communication-technology"
QUOTE = "It is a criminal offence for anyone aged 18 or over to intentionally communicate with a child under 16"


def found(root):
    return [str(d) for d in run_checks(Context(load_handbook(Project(root))), ["topics"])["topics"]]


def edit(root, relative, old, new, count=1):
    path = root / relative
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")
    return next((i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if new.strip() in line), None)


def test_the_real_comparisons_resolve_with_nothing_to_report(project_copy):
    assert found(project_copy) == []


def test_a_cited_paragraph_that_does_not_exist_names_the_one_holding_the_quotation(project_copy):
    line = edit(project_copy, TOPICS, f"ref: {SUSSEX}#para-43.2.12", f"ref: {SUSSEX}#para-43.2.99")
    [message] = found(project_copy)
    assert (f"{TOPICS}:{line}: error[topics]: topic 'grooming-and-sexual-communication', area 'sussex' "
                              f"cites '{SUSSEX}#para-43.2.99': names paragraph 'para-43.2.99', which chapter ") in message  # fmt: skip
    assert message.endswith(f"(the quotation is in {SUSSEX}#para-43.2.12: cite that)")


def test_a_renumbered_paragraph_in_a_recaptured_source_is_easy_to_re_cite(project_copy):
    edit(project_copy, SUSSEX_SOURCE, "\n43.2.12\n", "\n43.2.40\n")
    assert ingest_project(project_copy).ok
    [message] = found(project_copy)
    assert f"cites '{SUSSEX}#para-43.2.12': names paragraph 'para-43.2.12'" in message
    assert f"(the quotation is in {SUSSEX}#para-43.2.40: cite that)" in message


def test_a_quotation_not_in_its_paragraph_is_an_error_naming_the_nearest(project_copy):
    line = edit(project_copy, TOPICS, f'quote: "{QUOTE}"', f'quote: "{QUOTE.replace("intentionally", "knowingly")}"')
    [message] = found(project_copy)
    assert (f"{TOPICS}:{line - 1}: error[topics]: topic 'grooming-and-sexual-communication', area 'sussex' "
                              f"cites '{SUSSEX}#para-43.2.12': the quotation 'It is a criminal offence for anyone aged 18 or "
                              "over to know…' is not in that paragraph") in message  # fmt: skip
    assert message.endswith("(the cited paragraph has 95% of the quotation's words, in order: copy the quotation from it word for word)")


def test_a_quotation_moved_to_another_paragraph_names_the_nearest(project_copy):
    # The quotation, slightly changed, now cites a paragraph that does not hold it.
    edit(project_copy, TOPICS, f"ref: {SUSSEX}#para-43.2.12\n            quote: \"{QUOTE}\"",
         f"ref: {SUSSEX}#para-43.2.15\n            quote: \"{QUOTE.replace('intentionally', 'knowingly')}\"")
    [message] = found(project_copy)
    assert f"cites '{SUSSEX}#para-43.2.15': the quotation " in message
    assert f"(nearest paragraph: {SUSSEX}#para-43.2.12 (95% of the quotation's words, in order): cite it and copy " \
           "the quotation from it)" in message


def test_quote_marks_dashes_and_spacing_do_not_count_as_differences(project_copy):
    edit(project_copy, TOPICS, f'quote: "{QUOTE}"', f'quote: "{QUOTE.replace(" aged ", "  aged ")}"')
    edit(project_copy, TOPICS, "recently introduced 'outcome 21' recording", "recently introduced \u2018outcome 21\u2019 recording")
    assert found(project_copy) == []


def test_a_quotation_found_nowhere_says_so(project_copy):
    edit(project_copy, TOPICS, f'quote: "{QUOTE}"', 'quote: "Words no chapter of Sussex has ever printed anywhere"')
    [message] = found(project_copy)
    assert message.endswith("(no paragraph of the area holds most of these words: check the quotation against the chapter page)")


def test_a_paragraph_filed_under_another_area_is_an_error(project_copy):
    edit(project_copy, TOPICS, f"ref: {SUSSEX}#para-43.2.12", "ref: london/information-and-communication-technology-ict-based-forms-of-abuse#para-8.2")
    [message] = found(project_copy)
    assert "area 'sussex' cites 'london/information-and-communication-technology-ict-based-forms-of-abuse#para-8.2': " \
           "a paragraph of area 'london' filed under 'sussex' (file it under 'london:' or cite sussex's own)" in message


def test_an_entry_for_an_area_the_handbook_does_not_have(project_copy):
    edit(project_copy, TOPICS, "      liverpool:\n", "      liverpol:\n")
    messages = found(project_copy)
    assert any("area 'liverpol': the handbook has no area 'liverpol' (use an area id (a folder under sources/): " in m
               for m in messages)  # fmt: skip
    [missing] = [m for m in messages if "not yet compared" in m]
    assert ("warning[topics]: area 'liverpool' (Liverpool) is not yet compared: no entry under 1 of the 12 topics: "
            "unlawful-and-lawful-material (add 'liverpool:' under each of these topics' areas") in missing


def test_a_new_area_is_not_yet_compared_under_every_topic_in_one_warning(project_copy):
    shutil.copytree(project_copy / "sources/sussex", project_copy / "sources/brighton")
    (project_copy / "sources/brighton/area.yml").write_text(
        (project_copy / "sources/brighton/area.yml").read_text("utf-8").replace("name: Sussex", "name: Brighton"), "utf-8")
    assert ingest_project(project_copy).ok
    topics = load_handbook(Project(project_copy)).data.topics.rows
    [message] = found(project_copy)  # one for the area, not one for each of its topics
    assert f"{TOPICS}:{topics[0].line}: warning[topics]: area 'brighton' (Brighton) is not yet compared: " \
           f"no entry under any of the {len(topics)} topics: {', '.join(t.id for t in topics)}" in message
    assert message.endswith("(add 'brighton:' under each of these topics' areas, citing its paragraphs or saying "
                            "coverage: not-covered)")  # fmt: skip


def test_areas_not_yet_compared_are_one_warning_each_in_the_order_of_their_names(project_copy):
    for folder, name in (("zz-first", "Aardvark"), ("brighton", "Brighton")):
        shutil.copytree(project_copy / "sources/sussex", project_copy / "sources" / folder)
        area = project_copy / "sources" / folder / "area.yml"
        area.write_text(area.read_text("utf-8").replace("name: Sussex", f"name: {name}"), "utf-8")
    assert ingest_project(project_copy).ok
    messages = found(project_copy)
    assert [m.split("warning[topics]: ")[1].split(" is not yet")[0] for m in messages] == [
        "area 'zz-first' (Aardvark)", "area 'brighton' (Brighton)"]  # fmt: skip


def test_a_half_copied_quotation_that_cuts_a_word_is_an_error(project_copy):
    edit(project_copy, TOPICS, f'quote: "{QUOTE}"', 'quote: "It is a criminal offence for anyone aged 18 or over to intentionally communicate with a chi"')
    [message] = found(project_copy)
    assert "the quotation 'It is a criminal offence for anyone aged 18 or over to inte…' starts or ends inside a word" in message
    assert message.endswith("(quote whole words: copy from the start of the first word to the end of the last)")
