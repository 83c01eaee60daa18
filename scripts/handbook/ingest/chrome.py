"""Stage 2: take the website's chrome (buttons, logos, print stamps) off the page.

Which lines are chrome is decided by the `chrome` patterns in patterns.yml, never in code.
Every removed line is kept in the result with the pattern that removed it, so the check can
list them and nothing disappears unseen. Facts a chrome line carries (the capture date of a
print footer, its site URL, a version stamp) are kept too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import Report
from .dates import DATE, DateError, UnreadDate, parse_date
from .patterns import Pattern, Patterns
from .prose import clip, reads_as_prose
from .read import Line

_DATE_IN = re.compile(DATE, re.IGNORECASE)
# Lines that start like a numbered paragraph or section are the partnership's, whatever follows.
_NUMBERED = re.compile(r"^\d+(\.\d+)*\.?\s")
_MANUAL_NAME = Pattern("manual-name", re.compile(r".*"), where="head")


@dataclass(frozen=True)
class Removed:
    line: int
    text: str
    reason: str  # the pattern's name, or "contents-list"


@dataclass
class Stripped:
    lines: list[Line]
    removed: list[Removed] = field(default_factory=list)
    captured: str | None = None
    captured_line: int | None = None
    unread_dates: list[UnreadDate] = field(default_factory=list)
    source_url: str | None = None
    version: str | None = None


def strip_chrome(
    lines: tuple[Line, ...] | list[Line], patterns: Patterns, report: Report, banners: tuple[str, ...] = ()
) -> Stripped:
    """Remove chrome lines; `banners` are names (the area's, its manual's) that head a page."""
    names = {_letters(b) for b in banners if _letters(b)}
    matches = [_match(line, patterns, names) for line in lines]
    # "head" patterns hold only before the first line of text, "tail" ones only after the last.
    content = [i for i, m in enumerate(matches) if lines[i].text and m is None]
    first, last = (content[0], content[-1]) if content else (len(lines), -1)
    result = Stripped(lines=[])
    for index, (line, found) in enumerate(zip(lines, matches, strict=True)):
        if found is not None:
            pattern, _ = found
            if (pattern.where == "head" and index > first) or (pattern.where == "tail" and index < last):
                found = _match(line, patterns, set(), exclude=pattern.where)
        if found is None:
            result.lines.append(line)
            continue
        pattern, match = found
        result.removed.append(Removed(line.number, line.text, pattern.name))
        if not pattern.prose and (why := reads_as_prose(line.text)):
            # Removed lines are outside the no-words-lost check: a pattern too broad must not
            # take a sentence away unseen.
            report.warning(line.number, f"removed as site chrome ({pattern.name}), but reads as text ({why}): "
                           f"{clip(line.text)!r}", "if it is the partnership's text, the pattern is too broad: tell the "
                           "handbook's developers; if it is the website's, add `prose: true` to the pattern in patterns.yml")  # fmt: skip
        facts = match.groupdict()
        if facts.get("captured"):
            captured = _capture_date(facts["captured"], line.number, report, result.unread_dates)
            if captured:
                result.captured, result.captured_line = captured, line.number
        if facts.get("source_url"):
            result.source_url = facts["source_url"]
        if facts.get("version"):
            result.version = facts["version"]
    return result


def _match(line: Line, patterns: Patterns, names: set[str], exclude: str | None = None):
    if not line.text or _NUMBERED.match(line.text):
        return None
    chrome = patterns.chrome if exclude is None else tuple(p for p in patterns.chrome if p.where != exclude)
    found = patterns.first(chrome, line.text)
    if found is None and exclude != "head" and _letters(line.text) in names:
        found = (_MANUAL_NAME, _MANUAL_NAME.regex.match(line.text))
    return found


def _letters(text: str) -> str:
    """Letters only, folded: "BarnsleySafeguarding ..." and "Barnsley Safeguarding ..." agree."""
    return "".join(c for c in text.casefold() if c.isalpha())


def _capture_date(text: str, line: int, report: Report, unread: list[UnreadDate]) -> str | None:
    match = _DATE_IN.search(text)
    try:
        if match is None:
            raise DateError(f"cannot read {text!r} as a date")
        return parse_date(match.group(0))
    except DateError as exc:
        report.warning(line, f"print footer date: {exc}; captured left empty", "check the footer line")
        unread.append(UnreadDate(line, "captured", str(exc)))
        return None
