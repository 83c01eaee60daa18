"""The amendments feed (Atom), from the same list as the amendments page.

Every value is set as XML text by ElementTree, so the partnerships' words are escaped. Atom needs
a full timestamp: a month-only amendment is dated the first of its month, and its summary says
the date as the page prints it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Callable

from ..amendments import all_amendments
from ..model import Handbook
from ..project import Project
from .header import display_date

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"


def _stamp(iso: str) -> str:
    parts = iso.split("-") + ["01"] * (3 - len(iso.split("-")))
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def atom(handbook: Handbook, title: str, built_on: date, url_of: Callable[[str], str | None]) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{title}: amendments"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = "urn:safeguarding-handbook:amendments"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{built_on.isoformat()}T00:00:00Z"
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = title
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=FEED_FILE)
    for amendment in all_amendments(handbook):
        if amendment.date is None:
            continue  # Atom needs a date; the amendments page lists undated ones
        chapter = amendment.chapter
        area = handbook.areas[chapter.area].name
        name = " ".join(filter(None, [area, chapter.number, chapter.title]))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{name}: amended {display_date(amendment.date)}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:safeguarding-handbook:amendment:{chapter.id}:{amendment.index}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(amendment.date)
        href = url_of(Project.page_path(chapter.area, chapter.slug))
        if href is not None:
            ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=href)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = f"{display_date(amendment.date)}: {amendment.text}"
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
