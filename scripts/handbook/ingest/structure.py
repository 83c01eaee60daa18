"""Stage 3: recognise a chapter's structure in its de-chromed lines.

The recogniser walks the lines once, keeping a little state (an open paragraph, an open header
box, whether the chapter's header is still running). It knows the shapes pages take rather than
particular pages:

* a title line, with a chapter number (`43.2`, `1.4.2`, `PG25.`) or without;
* header boxes opened by labels from patterns.yml (RELATED CHAPTER, AMENDMENT, ...), page-date
  lines ("Last updated in ...") and status statements;
* section headings, numbered (`1. Definition`) or not (`Unlawful Material`), including one
  glued to the end of the line before (`...online grooming.1. Introduction`);
* numbered paragraphs written three ways (number alone on a line, `1.2 text` inline, and the
  `1.1 |` rows of a copied table) and unnumbered paragraphs;
* bullet lists, numbered step lists and question checklists, which belong to the paragraph
  they follow.

Every line that is not chrome ends up in exactly one node, in order: nothing is dropped here
except a copied Contents list, which is recorded as removed (its entries must repeat headings
found later in the page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from ..diagnostics import Report
from ..slugs import UniqueIds, slugify, text_hash
from . import defects
from .chrome import Removed, Stripped
from .dates import MONTHS, DateError, UnreadDate, agrees, date_key, day_first_note, is_date, parse_date
from .model import Amendment, Box, Chapter, Heading, ListBlock, Paragraph, TextBlock
from .patterns import Patterns
from .read import Line
from .prose import clip, reads_as_prose
from .title import TITLE_NUMBERED, TitleChoice, banner_shaped, choose_title, unsupported

# --- Line shapes -----------------------------------------------------------------------------
# Layout shapes, not site wording (that lives in patterns.yml).

NUMBER_ALONE = re.compile(r"^(?P<num>\d+(?:\.\d+)+)\.?(?:\s*\|)?$")
NUMBER_INLINE = re.compile(r"^(?P<num>\d+(?:\.\d+)+)\.?\s+(?:\|\s*)?(?P<text>\S.*)$")
SECTION_HEADING = re.compile(r"^(?P<num>\d{1,2})\.\s*(?P<title>\S.*)$")
# Symbol bullets may touch their text ("•Item"); ASCII ones need a space ("- item", "* item"),
# so "--8<--", "---" and "*[HTML]:" stay text.
BULLET = re.compile(r"^(?:[•·▪◦‣○●■□➢►▸]\s*|[\-–—*]\s+)(?P<text>\S.*)$")
STEP = re.compile(r"^(?P<marker>\d{1,2}[.)]|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s+(?P<text>\S.*)$")
# "...online grooming.1. Introduction": a sentence's end glued to the next section heading.
GLUED_HEADING = re.compile(
    r"^(?P<before>.*(?:[a-z)\]'\"’”]|(?<!\d)\d{4})[.!?])(?P<heading>\d{1,2}\.\s*[A-Z][^.!?:;|]{0,80})$"
)  # "...Online Safety Act 2023.1. Definition": a year may end the sentence too
TABLE_BORDER = re.compile(r"^\|+$")
TRAILING_CELL = re.compile(r"\s*\|$")
TERMINAL = ".;:,!?|"
PROSE_HEADER_LINES = 8  # lines looked ahead for another box label before prose is taken as the text
MAX_CONTACT_WORDS = 12  # longer lines are text, not a line of an address block
MAX_HEADING_WORDS = 12


def heading_like(text: str, max_words: int = MAX_HEADING_WORDS, capital: bool = True) -> bool:
    """Short, unpunctuated at the end, starting with a capital or digit: a heading's shape."""
    if not text or len(text) > 200 or text[-1] in TERMINAL:
        return False
    if capital and not (text[0].isupper() or text[0].isdigit()):
        return False
    return len(text.split()) <= max_words


class _Recogniser:
    def __init__(self, lines: list[Line], patterns: Patterns, report: Report, chapter: Chapter):
        self.lines = lines
        self.patterns = patterns
        self.report = report
        self.chapter = chapter
        self.para: Paragraph | None = None  # paragraph still accepting blocks
        self.box: Box | None = None  # header box still accepting paragraphs
        self.preamble = True  # still in the chapter's header (before its first section)
        self.numbered_depth: int | None = None  # depth of paragraph numbers, once seen
        self.last_number: str | None = None  # the latest numbered paragraph's number
        self.last_section = 0  # the latest numbered section heading's number
        self.own_dates: dict[str, tuple[str, int]] = {}

    # -- the walk ------------------------------------------------------------------------------

    def run(self) -> None:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if line.text:
                index = self.take(index, line)
            index += 1
        self.close()

    def take(self, index: int, line: Line) -> int:
        text = line.text
        if TABLE_BORDER.match(text):
            self.chapter.removed.append(Removed(line.number, text, "table-border"))
            return index
        text = TRAILING_CELL.sub("", text)
        # Box labels belong to the chapter's header; later, "Local Guidance" is just a heading.
        label = self.patterns.label(text) if self.preamble and len(text) <= 60 else None
        if label is not None and label.kind == "contents":
            return self.contents(index, line)
        if label is not None:
            self.close()
            self.box = Box(label.kind, TextBlock(text, line.number))  # type: ignore[arg-type]
            self.chapter.body.append(self.box)
            return index
        if self.page_date(index, line, text):
            return index
        block_end = self.contact_block(index)
        if block_end is not None:
            return block_end
        if self.preamble and self.box is not None and _looks_like_label(text) and not self.patterns.contact_mark(text):
            self.close()
            self.box = Box("other", TextBlock(text, line.number))
            self.chapter.body.append(self.box)
            self.report.warning(
                line.number,
                f"{text!r} looks like a box label the converter does not know; kept as a box of its own",
                "if it is a misspelt label, report it to the partnership; if it is a new kind, add it to patterns.yml",
            )
            return index
        self.status(line, text)
        if self.numbered_paragraph(index, line, text):
            return index
        if not line.indented and self.section_heading(index, line, text):
            return index
        if self.list_item(line, text):
            return index
        if self.unmarked_item(index, line, text):
            return index
        if self.box is not None and self.box_text(line, text, index):
            return index
        if self.unnumbered_heading(index, line, text):
            return index
        if self.preamble and self.header_statement(line, text):
            return index
        if self.preamble and _prose(text) and not self.label_ahead(index):
            self.preamble = False  # the chapter's own text has begun
        self.body_text(line, text)
        return index

    # -- header ------------------------------------------------------------------------------

    def contents(self, index: int, line: Line) -> int:
        """Drop a copied Contents list: the label, and entries that repeat later headings."""
        self.close()
        self.chapter.removed.append(Removed(line.number, line.text, "contents-list"))
        later = [_norm(l.text) for l in self.lines]
        j = index + 1
        last_taken = index
        while j < len(self.lines):
            candidate = self.lines[j]
            if candidate.text:
                key = _norm(BULLET.sub(r"\g<text>", candidate.text))
                if not key or not _repeated_later(key, later, j + 1):
                    break
                self.chapter.removed.append(Removed(candidate.number, candidate.text, "contents-list"))
                if why := reads_as_prose(candidate.text, many_words=False):
                    self.report.warning(candidate.number, f"removed as an entry of a copied contents list (it repeats a "
                                        f"later line), but reads as text ({why}): {clip(candidate.text)!r}",
                                        "check that the later line holds all of it; if not, tell the handbook's developers")  # fmt: skip
                last_taken = j
            j += 1
        return last_taken

    def page_date(self, index: int, line: Line, text: str) -> bool:
        """A line stating the page's own date, in its header or at its foot (not in its text)."""
        found = self.patterns.first(self.patterns.page_dates, text)
        if found is None or not _date_like(found[1].group("date")):
            return False
        if not (self.preamble or self.only_dates_follow(index)):
            return False
        pattern, match = found
        self.close_box()
        self.close_para()
        self.chapter.body.append(Paragraph([TextBlock(text, line.number)], line.number, role="page-dates"))
        self.own_date(line, pattern.field or "", match.group("date"))
        return True

    def date_or_warn(self, line: Line, label: str, printed: str) -> str | None:
        """The ISO date, or None with a warning (and a note on the chapter for `handbook check`)."""
        try:
            value = parse_date(printed)
            if note := day_first_note(printed):
                self.report.warning(line.number, f"{label}: {note}", "if the page meant month first, state the date "
                                    "in a .meta.yml file beside the source")  # fmt: skip
            return value
        except DateError as exc:
            self.report.warning(line.number, f"{label}: {exc}; left empty", "correct the date in the source copy")
            self.chapter.unread_dates.append(UnreadDate(line.number, label, str(exc)))
            return None

    def own_date(self, line: Line, field: str, printed: str) -> None:
        value = self.date_or_warn(line, field, printed)
        if value is None:
            return
        if field in self.own_dates and self.own_dates[field][0] != value:
            earlier, at = self.own_dates[field]
            self.report.warning(line.number, f"{field} given twice: {earlier} (line {at}) and {value}; the first is kept")
            return
        self.own_dates.setdefault(field, (value, line.number))

    def status(self, line: Line, text: str) -> None:
        if not (self.preamble or (self.box and self.box.kind == "amendment")):
            return
        for pattern in self.patterns.status:
            if pattern.regex.search(text):
                if self.chapter.status and self.chapter.status != pattern.value:
                    self.report.warning(line.number, f"status given twice: {self.chapter.status!r} and {pattern.value!r}")
                self.chapter.status = self.chapter.status or pattern.value
                return

    def header_statement(self, line: Line, text: str) -> bool:
        """In the header, an unlabelled "See also ..." or "This chapter was updated in ..." line."""
        for lead in self.patterns.related_leads:
            if lead.regex.match(text):
                self.close()
                self.box = Box(lead.kind, None)  # type: ignore[arg-type]
                self.chapter.body.append(self.box)
                self.box_paragraph(line, text, "related")
                return True
        found = self._amendment_date(text, trusted_only=True)
        if found is not None:
            # Outside an amendment box, "This procedure was updated on 06/11/19" dates the page.
            self.close()
            self.chapter.body.append(Paragraph([TextBlock(text, line.number)], line.number, role="page-dates"))
            self.own_date(line, "last_updated", found)
            return True
        return False

    def box_text(self, line: Line, text: str, index: int) -> bool:
        assert self.box is not None
        if self.box.kind != "amendment":
            self._move_stamped_amendment(text)  # may make self.box the amendment box it was
        if self.box.kind != "amendment":
            if self._prose_where_links_were_lost(text, index):
                # A related box whose link titles were not copied, then the chapter's prose: the
                # text is not the box's (its "has no entries" warning follows at the end).
                self.close_box()
                self.preamble = False
                return False
            if self._prose_after_links(text, index):
                # Link titles, then two paragraphs of prose: the chapter's text has begun.
                self.close_box()
                self.preamble = False
                return False
            self.box_paragraph(line, text, "related" if self.box.kind.startswith("related") else "box")
            return True
        if is_date(text):
            self.box_paragraph(line, text, "amendment")
            self.refine_amendment_date(line, text)
            self.close_box()  # a date stamp closes its amendment note (trixonline)
            return True
        if not self.box.paragraphs or self._amendment_date(text, trusted_only=False):
            self.amendment_entry(line, text)
            return True
        if self.label_ahead(index, within=1):
            # Another header box opens next: an undated entry of this one, not the chapter's text.
            self.amendment_entry(line, text)
            return True
        # An amendment box ends where the chapter's own text starts; so does its header.
        self.close_box()
        self.preamble = False
        return False

    def _move_stamped_amendment(self, text: str) -> None:
        """A date stamp under a box's last entry that states an amendment ("Section 5 was added
        in February 2024", then "February 5, 2024") is trixonline's amendment note whose
        "Amendment" label was not copied, taken into the box above: move it to an amendment box
        of its own (with no label: none was printed); the date line then dates it as usual."""
        assert self.box is not None
        if not (is_date(text) and self.box.paragraphs):
            return
        last = self.box.paragraphs[-1]
        if self._amendment_date(last.text, trusted_only=False) is None:
            return
        self.box.paragraphs.pop()
        self.close_box()
        self.box = Box("amendment", None)
        self.chapter.body.append(self.box)
        self.amendment_entry(Line(last.line, last.text, False), last.text)

    def _prose_where_links_were_lost(self, text: str, index: int) -> bool:
        # Prose straight under the label, with no other box label soon after (a box of prose
        # notes, followed by an AMENDMENT box, is still the header).
        assert self.box is not None
        return (self.box.kind.startswith("related") and not self.box.paragraphs and _prose(text)
                and not self.label_ahead(index, within=PROSE_HEADER_LINES))  # fmt: skip

    def _prose_after_links(self, text: str, index: int) -> bool:
        assert self.box is not None
        has_link = any(heading_like(p.text) for p in self.box.paragraphs)
        following = self.next_text(index)
        starts_text = _prose(following) or bool(
            NUMBER_ALONE.match(following) or NUMBER_INLINE.match(following) or SECTION_HEADING.match(following)
        )
        return has_link and _prose(text) and starts_text and not self.patterns.label(following)

    def box_paragraph(self, line: Line, text: str, role: str) -> None:
        assert self.box is not None
        paragraph = Paragraph([TextBlock(text, line.number)], line.number, role=role)  # type: ignore[arg-type]
        self.box.paragraphs.append(paragraph)
        self.para = paragraph

    def amendment_entry(self, line: Line, text: str) -> None:
        self.box_paragraph(line, text, "amendment")
        found = self._amendment_date(text, trusted_only=False)
        date = None
        if found is not None:
            date = self.date_or_warn(line, "amendment date", found)
        else:
            self.report.warning(line.number, "amendment with no date the converter recognises; date left empty")
        self.chapter.amendments.append(Amendment(date, text, line.number))

    def refine_amendment_date(self, line: Line, text: str) -> None:
        """A bare date under an amendment dates it, more precisely than "in September 2024"."""
        value = self.date_or_warn(line, "amendment date", text)
        if value is None:
            return
        if not self.chapter.amendments or self.chapter.amendments[-1].line < self.box_first_line():
            self.chapter.amendments.append(Amendment(value, "", line.number))
            return
        last = self.chapter.amendments[-1]
        if last.date and not agrees(last.date, value):
            self.report.warning(line.number, f"amendment dated {last.date} in its text but {value} under it; {value} is used")
        if last.date is None or len(value) >= len(last.date):
            last.date = value

    def box_first_line(self) -> int:
        assert self.box is not None
        first = self.box.label.line if self.box.label else self.box.paragraphs[0].line
        return first

    def _amendment_date(self, text: str, trusted_only: bool) -> str | None:
        for pattern in self.patterns.amendment_dates:
            if trusted_only and pattern.box_only:
                continue
            if match := pattern.regex.search(text):
                return match.group("date")
        return None

    # -- body --------------------------------------------------------------------------------

    def contact_block(self, index: int) -> int | None:
        """An address, telephone or e-mail block: runs of short lines (blank-separated or not)
        each holding a postcode, a number or an address (patterns.yml `contact`), like a team's
        address ending in its postcode and then its "Tel:" and "Email:" lines. Kept as one block
        of lines, so no line of it becomes a box label ("LADO", "DN4 5HF") or a heading. Returns
        the index of its last line, or None when no such block starts here."""
        if index > 0 and self.lines[index - 1].text:
            return None  # a block starts after a blank line (or at the top)
        runs: list[list[Line]] = []
        at = index
        while at < len(self.lines) and self.lines[at].text:
            end = at
            while end < len(self.lines) and self.lines[end].text:
                end += 1
            run = self.lines[at:end]
            if not all(self._contact_line(l.text) for l in run) or not any(self.patterns.contact_mark(l.text) for l in run):
                break
            runs.append(run)
            at = end + 1  # one blank line between the parts of a block (the address, then its numbers)
        taken = [line for run in runs for line in run]
        if len(taken) < 2:
            return None
        block = ListBlock("lines", [TextBlock(TRAILING_CELL.sub("", l.text), l.number) for l in taken])
        lead = self.para.blocks[-1] if self.para is not None and self.para.blocks else None
        if self.box is not None and self.box.kind == "amendment":
            self.close_box()
        if isinstance(lead, TextBlock) and lead.text.endswith(":"):
            self.para.blocks.append(block)  # "... can be contacted at:" then the address
        else:
            role = "body" if self.box is None else "related" if self.box.kind.startswith("related") else "box"
            self.close_para()
            self.para = Paragraph([block], taken[0].number, role=role)  # type: ignore[arg-type]
            (self.box.paragraphs if self.box is not None else self.chapter.body).append(self.para)
        self.close_para()
        return self.lines.index(taken[-1], index)

    def _contact_line(self, text: str) -> bool:
        """Short, not a list item or numbered line, and not a sentence, unless it holds a mark."""
        if len(text.split()) > MAX_CONTACT_WORDS or any(shape.match(text) for shape in (BULLET, STEP, NUMBER_ALONE, NUMBER_INLINE)):
            return False
        return bool(self.patterns.contact_mark(text)) or text[-1] not in ".;:!?"

    def numbered_paragraph(self, index: int, line: Line, text: str) -> bool:
        alone = NUMBER_ALONE.match(text)
        match = alone or NUMBER_INLINE.match(text)
        if match is None:
            return False
        number = match.group("num")
        under_last = bool(self.last_number and number.startswith(self.last_number + "."))
        if not alone and not under_last and not _starts_like_a_sentence(match.group("text")):
            return False  # "2.5 million children were contacted..." is text
        following = self.next_text(index)
        if (
            not alone
            and self.numbered_depth is None
            and heading_like(match.group("text"), 8)
            and not (NUMBER_ALONE.match(following) or NUMBER_INLINE.match(following))
        ):
            self.add_heading(Heading(text, line.number, number=number, level=3))  # "4.1 Policy Framework"
            return True
        depth = number.count(".") + 1
        if self.numbered_depth is not None and depth != self.numbered_depth:
            if not under_last:
                return False  # another depth, not "1.2.1" under paragraph "1.2": text
        else:
            self.numbered_depth = depth
            self.last_number = number
        self.close()
        self.preamble = False
        blocks: list = [] if alone else [TextBlock(match.group("text"), line.number)]
        self.para = Paragraph(blocks, line.number, number=number)
        self.chapter.body.append(self.para)
        return True

    def section_heading(self, index: int, line: Line, text: str) -> bool:
        match = SECTION_HEADING.match(text)
        if match is None or not heading_like(match.group("title")) or _has_address(text):
            return False
        number = int(match.group("num"))
        following = SECTION_HEADING.match(self.next_text(index)) or STEP.match(self.next_text(index))
        last = self.para.blocks[-1] if self.para and self.para.blocks else None
        if (
            self.previous_text(index).endswith(":")  # "take the following steps:" then "1. Make sure ..."
            or (isinstance(last, ListBlock) and last.style == "steps"
                and last.items[-1].text.startswith(f"{number - 1}"))  # the next step of a list  # fmt: skip
            or (self.last_section and number <= self.last_section)  # numbering restarts: a list
            or (following and following.group(1).rstrip(".)") == str(number + 1))  # "1." then "2.": a list
        ):
            return False
        self.last_section = number
        self.add_heading(Heading(text, line.number, number=match.group("num")))
        return True

    def unnumbered_heading(self, index: int, line: Line, text: str) -> bool:
        if not heading_like(text) or is_date(text) or _has_address(text):
            return False
        before = self.lines[index - 1].text if index > 0 else ""
        after = self.lines[index + 1].text if index + 1 < len(self.lines) else ""
        if before or after:
            return False  # a heading stands alone between blank lines
        following = self.next_text(index)
        if not following:
            return False
        starts_paragraph = NUMBER_ALONE.match(following) or NUMBER_INLINE.match(following)
        if not starts_paragraph and (heading_like(following) or BULLET.match(following) or STEP.match(following)):
            return False  # runs of short lines are lists of links, not headings
        self.add_heading(Heading(text, line.number))
        return True

    def add_heading(self, heading: Heading) -> None:
        self.close()
        self.preamble = False
        self.chapter.body.append(heading)

    def list_item(self, line: Line, text: str) -> bool:
        bullet = BULLET.match(text)
        step = None if bullet else STEP.match(text)
        if bullet is None and step is None:
            return False
        item = TextBlock(bullet.group("text") if bullet else text, line.number)
        style = "bullets" if bullet else "steps"
        if self.para is None:
            self.para = Paragraph([], line.number)
            (self.box.paragraphs if self.box else self.chapter.body).append(self.para)
        last = self.para.blocks[-1] if self.para.blocks else None
        if isinstance(last, ListBlock) and last.style == style:
            last.items.append(item)
        else:
            self.para.blocks.append(ListBlock(style, [item]))  # type: ignore[arg-type]
        return True

    def unmarked_item(self, index: int, line: Line, text: str) -> bool:
        """A list copied without its markers: a lead-in ending ":", then items one a line that
        share a shape (the same first word, or the same end). Kept as a list with no markers
        (style "plain"), not as separate paragraphs with the list reported missing."""
        para = self.para
        last = para.blocks[-1] if para is not None and para.blocks else None
        if isinstance(last, ListBlock) and last.style == "plain":
            closed = last.items[-1].text.endswith(".") and last.items[0].text[-1] in ";,"  # "...; and z." ended it
            if not closed and _item_shaped(text) and (_same_shape(last.items[0].text, text) or _last_item(last, text)):
                last.items.append(TextBlock(text, line.number))
                return True
            return False
        if self.box is not None or not (isinstance(last, TextBlock) and last.text.endswith(":")):
            return False
        following = self.next_text(index)
        if not (_item_shaped(text) and _item_shaped(following) and _same_shape(text, following)):
            return False
        para.blocks.append(ListBlock("plain", [TextBlock(text, line.number)]))
        return True

    def body_text(self, line: Line, text: str) -> None:
        para = self.para
        last = para.blocks[-1] if para and para.blocks else None
        if isinstance(last, TextBlock) and last.text[-1] not in ".:;!?)\"'’”" and text[0].islower():
            last.text = f"{last.text} {text}"  # a hard-wrapped line continues its sentence
            return
        if para is not None and para.number is not None:
            para.blocks.append(TextBlock(text, line.number))
            return
        self.close_para()
        self.para = Paragraph([TextBlock(text, line.number)], line.number)
        self.chapter.body.append(self.para)

    # -- state ---------------------------------------------------------------------------------

    def previous_text(self, index: int) -> str:
        for at in range(index - 1, -1, -1):
            if self.lines[at].text:
                return self.lines[at].text
        return ""

    def label_ahead(self, index: int, within: int = 3) -> bool:
        """A header box among the next few lines: the header is still running."""
        seen = 0
        for at in range(index + 1, len(self.lines)):
            if self.lines[at].text:
                if self.opens_header_box(at):
                    return True
                seen += 1
                if seen == within:
                    break
        return False

    def opens_header_box(self, at: int) -> bool:
        """A label line that really opens a box: in capitals, or followed by what such boxes hold
        (a link title, a dated amendment), so a heading "Local Guidance" in the text does not."""
        text = self.lines[at].text
        label = self.patterns.label(text)
        if label is None:
            return False
        if text.isupper():
            return True
        following = self.next_text(at)
        if label.kind == "amendment":
            return self._amendment_date(following, trusted_only=False) is not None
        return heading_like(following)

    def only_dates_follow(self, index: int) -> bool:
        """Nothing but page-date lines after `index`: the foot of the page."""
        for at in range(index + 1, len(self.lines)):
            text = self.lines[at].text
            found = self.patterns.first(self.patterns.page_dates, text) if text else None
            if text and not (found and _date_like(found[1].group("date"))):
                return False
        return True

    def next_text(self, index: int) -> str:
        """The next non-blank line after `index` ("" at the end), without copying the rest."""
        for at in range(index + 1, len(self.lines)):
            if self.lines[at].text:
                return self.lines[at].text
        return ""

    def close_para(self) -> None:
        self.para = None

    def close_box(self) -> None:
        if self.box is not None:
            self.box = None
            self.para = None

    def close(self) -> None:
        self.close_box()
        self.close_para()


def _repeated_later(entry: str, keys: list[str], start: int) -> bool:
    """A contents entry repeats a later line, allowing a short tail such as "(Jump to)"."""
    for at in range(start, len(keys)):
        key = keys[at]
        if key and (entry == key or (entry.startswith(key + " ") and len(entry[len(key) :].split()) <= 3)):
            return True
    return False


def _date_like(text: str) -> bool:
    """A short phrase with a digit or a month name: worth reading as a date (and reporting)."""
    words = text.split()
    return len(words) <= 8 and (any(c.isdigit() for c in text) or any(w.lower().strip(",.") in MONTHS for w in words))


def _starts_like_a_sentence(text: str) -> bool:
    """Not a lower-case word: "1.2 The police..." is a paragraph, "2.5 million children" is text."""
    return bool(text) and not text[0].islower()


def _has_address(text: str) -> bool:
    return bool(re.search(r"www\.|https?://|\S@\S", text))


MAX_ITEM_WORDS = 40  # longer lines are paragraphs, not list items


def _item_shaped(text: str) -> bool:
    return (0 < len(text.split()) <= MAX_ITEM_WORDS and not text.endswith(":") and not _looks_like_label(text)
            and not any(shape.match(text) for shape in (NUMBER_ALONE, NUMBER_INLINE, SECTION_HEADING, BULLET, STEP)))  # fmt: skip


def _same_shape(first: str, other: str) -> bool:
    """Two lines of one list: the same first word ("To avoid ...", "To resolve ..."), or both
    ending in ";" or "," (a full stop or no mark at all ends headings and sentences too)."""
    ends = {first[-1], other[-1]}
    return first.split()[0].casefold() == other.split()[0].casefold() or ends in ({";"}, {","})


def _last_item(block: ListBlock, text: str) -> bool:
    """"a;", "b; and", then "c.": items ending ";" or "," close with a full stop."""
    return block.items[0].text[-1] in ";," and text.endswith(".")


def _prose(text: str) -> bool:
    return len(text.split()) >= 12 and text[-1] in ".!?"


def _looks_like_label(text: str) -> bool:
    """A short line in capitals, like RELATED DCOUMENTS: a box label, known or not."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and text.isupper() and len(text.split()) <= 6 and text[-1] not in TERMINAL


def chapter_slug(title: str) -> str:
    slug = slugify(title) or "chapter"
    return "index-chapter" if slug == "index" else slug  # index.md is the area's own page


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def split_glued_headings(lines: list[Line]) -> list[Line]:
    """Split `...online grooming.1. Introduction` into the sentence and the heading."""
    result: list[Line] = []
    for line in lines:
        match = GLUED_HEADING.match(line.text) if len(line.text) < 5000 else None
        if match and heading_like(SECTION_HEADING.match(match.group("heading")).group("title")):
            result.append(Line(line.number, match.group("before"), line.indented))
            result.append(Line(line.number, "", False))
            result.append(Line(line.number, match.group("heading"), False))
        else:
            result.append(line)
    return result


def recognise(
    stripped: Stripped,
    patterns: Patterns,
    report: Report,
    *,
    area: str,
    source_file: str,
    fallback_title: str,
    banners: tuple[str, ...] = (),
    stated_title: str | None = None,
) -> Chapter:
    lines = split_glued_headings(stripped.lines)
    stem = PurePosixPath(source_file).stem
    choice = choose_title(lines, patterns, stem, banners, stated_title)
    title_index, number, title = choice.index, choice.number, choice.title
    # Lines above the title are taken off only when they look like chrome (a banner, a button);
    # one that reads as text (a sentence, a date) stays on the page, above the title.
    above = [line for line in lines[: title_index or 0] if line.text]
    if choice.keep_above:
        kept_above, above = above, []  # the .meta.yml states the title: the author has read the page
        text_above = []
    else:
        text_above = [(line, why) for line in above if (why := _text_above_title(line.text, banners))]
        above = [line for line in above if not _text_above_title(line.text, banners)]
        kept_above = [line for line, _ in text_above]
    _report_title(choice, above, report)
    if title_index is None:
        if not choice.stated:
            report.warning(
                None,
                f"no title line recognised; titled {fallback_title!r} from the file name",
                "put the chapter's title on the first line of the source",
            )
        title = fallback_title
        title_line = None
        body_lines = lines
    else:
        title_line = lines[title_index].number
        kept = {id(line) for line in kept_above}
        body_lines = [line for line in lines[:title_index] if not line.text or id(line) in kept] + lines[title_index + 1 :]
        for line, why in text_above:
            report.warning(line.number, f"above the title (line {title_line}), but reads as the chapter's text ({why}): "
                           f"kept on the page, above the title: {clip(line.text)!r}",
                           "if the title is wrong, state it in a .meta.yml file beside the source (README 'Adding a "
                           "chapter'); the lines above it are then kept")  # fmt: skip
        if not choice.stated:
            _check_title(choice, lines, stem, " ".join(banners), report)
    chapter = Chapter(
        area=area,
        slug=chapter_slug(title or fallback_title),
        source_file=source_file,
        title=title or fallback_title,
        title_line=title_line,
        title_printed=lines[title_index].text if title_index is not None else None,
        number=number,
        source_url=stripped.source_url,
        captured=stripped.captured,
        version=stripped.version,
        removed=list(stripped.removed) + [Removed(line.number, line.text, "banner-above-title") for line in above],
        unread_dates=list(stripped.unread_dates),
    )
    if choice.stated:
        chapter.recognised_title = choice.unstated
    if stripped.captured_line is not None:
        chapter.date_lines["captured"] = stripped.captured_line
    recogniser = _Recogniser(body_lines, patterns, report, chapter)
    recogniser.run()
    _finish(chapter, recogniser.own_dates, report, patterns)
    return chapter


def _report_title(choice: TitleChoice, above: list[Line], report: Report) -> None:
    """Say which line was taken as the title and why, when there was a choice to make."""
    if choice.chosen is None or not (above or any(c.score > 0 for c in choice.passed_over)):
        return
    chosen = choice.chosen
    passed = "; ".join(f"line {c.line} {_clip(c.printed)!r} ({', '.join(c.reasons) or 'no evidence'})"
                       for c in choice.passed_over)  # fmt: skip
    report.note(chosen.line, f"title {chosen.title!r} taken from this line ({', '.join(chosen.reasons) or 'no evidence'})"
                + (f"; passed over: {passed}" if passed else ""),
                "if it is wrong, state the title in a .meta.yml file beside the source (README 'Adding a chapter')")  # fmt: skip


def _text_above_title(text: str, banners: tuple[str, ...]) -> str | None:
    """Why a line above the title reads as the chapter's text, or None for chrome: a date or a
    sentence always reads as text; a long line only when it is not a banner."""
    why = reads_as_prose(text)
    if why and why.endswith(" words") and banner_shaped(text, banners):
        return None
    return why


def _check_title(choice: TitleChoice, lines: list[Line], stem: str, manual: str, report: Report) -> None:
    """Warn of a title that looks taken from a copied contents list (it and a line beside it both
    repeat lines further down), or that shares no telling word with the file name or the manual."""
    chosen = choice.chosen
    assert chosen is not None
    later = [_norm(line.text) for line in lines]
    beside = [i for i in (_neighbour(lines, chosen.index, -1), _neighbour(lines, chosen.index, 1)) if i is not None]

    def repeats(index: int) -> bool:
        text = lines[index].text
        match = TITLE_NUMBERED.match(text) or SECTION_HEADING.match(text)
        keys = {_norm(text), _norm(match.group("title"))} if match else {_norm(text)}
        return any(_repeated_later(key, later, index + 1) for key in keys if key)

    hint = "if it is wrong, state the title in a .meta.yml file beside the source (README 'Adding a chapter'): " \
           "the lines above it are then kept"  # fmt: skip
    if repeats(chosen.index) and any(repeats(i) for i in beside):
        report.warning(chosen.line, f"title {chosen.title!r} taken from a line that looks like an entry of a copied "
                       "contents list (it and the line beside it repeat lines further down)", hint)  # fmt: skip
    elif unsupported(chosen.title, stem, manual):
        report.warning(chosen.line, f"title {chosen.title!r} shares no word with the file name {stem!r} or the manual's "
                       "name: is it the chapter's title?", hint)  # fmt: skip


def _neighbour(lines: list[Line], index: int, step: int) -> int | None:
    at = index + step
    while 0 <= at < len(lines):
        if lines[at].text:
            return at
        at += step
    return None


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- After the walk ----------------------------------------------------------------------------


def _finish(chapter: Chapter, own_dates: dict[str, tuple[str, int]], report: Report, patterns: Patterns) -> None:
    chapter.last_updated = own_dates.get("last_updated", (None, 0))[0]
    chapter.next_review = own_dates.get("next_review", (None, 0))[0]
    chapter.date_lines.update((name, at) for name, (_, at) in own_dates.items())
    dated = [a.date for a in chapter.amendments if a.date]
    if chapter.last_updated is None and dated:
        chapter.last_updated = max(dated, key=date_key)
        chapter.inferred["last_updated"] = "the latest amendment"
    for box in (n for n in chapter.body if isinstance(n, Box)):
        if box.kind not in ("related_chapters", "related_guidance"):
            continue
        if not box.paragraphs:
            where = box.label.line if box.label else None
            report.warning(where, f"{box.label.text if box.label else box.kind} has no entries (lost in the copy?)")
        target = chapter.related_chapters if box.kind == "related_chapters" else chapter.related_guidance
        target.extend(_related_items(box, patterns))
    _levels(chapter)
    _assign_ids(chapter)
    defects.report_all(chapter, report)


def _related_items(box: Box, patterns: Patterns) -> Iterator[str]:
    for paragraph in box.paragraphs:
        for block in paragraph.blocks:
            texts = [block.text] if isinstance(block, TextBlock) else [i.text for i in block.items]
            for text in texts:
                if text.endswith(":"):
                    continue  # a lead-in ("For additional information please see:"), not an item
                item = text
                for lead in patterns.related_leads:
                    if match := lead.regex.match(item):
                        item = item[match.end() :]
                if item.strip():
                    yield item.strip()


def _levels(chapter: Chapter) -> None:
    numbered = any(h.number for h in chapter.headings())
    above = 1  # the title
    for heading in chapter.headings():
        if heading.number:
            heading.level = 2 if "." not in heading.number else 3
        else:
            heading.level = 3 if numbered else 2
        # Never a level skipped (a page whose first heading is "5.4 ..." would go from h1 to h3):
        # screen readers navigate by heading level (axe: heading-order).
        heading.level = min(heading.level, above + 1)
        above = heading.level


def _assign_ids(chapter: Chapter) -> None:
    ids = UniqueIds()
    section = None
    for node in chapter.body:
        if isinstance(node, Heading):
            node.id = ids.take(f"sec-{node.number}" if node.number else f"sec-{slugify(node.text, 8) or 'heading'}")
            section = node.id
            continue
        paragraphs = node.paragraphs if isinstance(node, Box) else [node]
        for paragraph in paragraphs:
            wanted = f"para-{paragraph.number}" if paragraph.number else f"p-{text_hash(paragraph.text)}"
            paragraph.id = ids.take(wanted)
            paragraph.section = section
