"""The topic pages: one generated page per topic of `data/topics.yml`, so adding a topic to the
data adds its page (and its place in the navigation) with no file to write by hand."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from ..compare import topic_page
from ..ingest.write import escape_text, yaml_string
from ..model import Handbook


def topic_page_markdown(topic_id: str, title: str) -> str:
    # The id is schema-checked ([a-z0-9-]), so it is safe inside the macro call; the title is
    # escaped for both Markdown and Jinja (every brace backslashed).
    return (
        "---\n"
        f"# Generated at build time from data/topics.yml (topic {topic_id!r}): edit the data, not this page.\n"
        f"title: {yaml_string(title)}\n"
        "render_macros: true\n"
        "---\n\n"
        f"# {escape_text(title)}\n\n"
        f'{{{{ topic_comparison("{topic_id}") }}}}\n'
    )


def add_topic_pages(handbook: Handbook, files: Files, config) -> list[str]:
    """Adds a page per topic; returns the docs paths that clash with a file already there."""
    clashes = []
    for topic in handbook.data.topics.rows:
        path = topic_page(topic.id)
        if files.get_file_from_path(path) is not None:
            clashes.append(path)
            continue
        files.append(File.generated(config, path, content=topic_page_markdown(topic.id, topic.title)))
    return clashes
