"""Cross-area comparison: what the topic pages, the template-text view and their checks compute.

    quotes.py       is a quotation in its paragraph; which paragraph is nearest when it is not
    shared.py       near-identical paragraphs across areas (shingle index), with word differences
    differences.py  what differs between areas, found in the text: local names, timescales, Acts
"""

# Where the comparison pages live in the site (docs-relative). Topic pages are generated from
# data/topics.yml at build time (site/hooks.py), one per topic: compare/<topic-id>.md.
OVERVIEW_PAGE = "compare/index.md"
# The hand-written pages docs/compare/index.md and shared-text.md: a topic with one of these ids
# would replace one, so the schema of topics.yml refuses them.
RESERVED_TOPIC_IDS = ("index", "shared-text")


def topic_page(topic_id: str) -> str:
    return f"compare/{topic_id}.md"


def topic_id_of(page: str) -> str | None:
    """The topic whose page is `page` ("compare/grooming.md" -> "grooming"), if it is one."""
    folder, _, name = page.rpartition("/")
    stem = name.removesuffix(".md")
    return stem if folder == "compare" and name.endswith(".md") and stem not in RESERVED_TOPIC_IDS else None
