"""Stage 1: read a source file's bytes into numbered, normalised lines.

Copied page text arrives in whatever encoding the copier's tools chose. UTF-8 (with or without
a byte-order mark) is read as it is; anything else is decoded as Windows-1252 or Latin-1 and
*reported*, never silently mangled. Binary and empty files are refused with one clear error.

Normalising only touches white space: line ends become "\\n", no-break and other Unicode spaces
become plain spaces, runs of spaces fold to one and lines are stripped at the ends. Words are
never changed here, so the no-words-lost check can compare against the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Level, Report

# Every Unicode space separator and the tab; folded to one ASCII space.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+")
# Zero-width and bidi formatting characters: invisible, and they split words in the check.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e]")
# Other C0/C1 control characters that have no place in page text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source file
    text: str  # normalised text; "" for a blank line
    indented: bool = False  # the raw line began with white space (list items in some layouts)


@dataclass(frozen=True)
class SourceText:
    path: str  # as shown in messages
    encoding: str
    lines: tuple[Line, ...]


def read_source(path: Path, shown_as: str, report: Report) -> SourceText:
    """Read and normalise one source file; raises InputError when it cannot be used."""
    data = Path(path).read_bytes()
    return decode(data, shown_as, report)


def decode(data: bytes, shown_as: str, report: Report) -> SourceText:
    def fail(message: str, hint: str, line: int = 1) -> InputError:
        return InputError(Diagnostic(shown_as, line, Level.ERROR, message, hint))

    if not data:
        raise fail("the file is empty", "paste the chapter's page text into it, or delete the file")
    if _looks_binary(data):
        first = next((i for i, b in enumerate(data) if b < 32 and b not in (9, 10, 12, 13)), 0)
        raise fail(
            "the file is not text (it holds binary bytes)",
            "save the page as plain text (.txt) and copy that in instead",
            line=data[:first].count(b"\n") + 1,
        )
    text, encoding = _decode_bytes(data, shown_as, report)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        lines.append(normalise_line(number, raw, report))
    if not any(line.text for line in lines):
        raise fail("the file holds only white space", "paste the chapter's page text into it, or delete the file")
    return SourceText(shown_as, encoding, tuple(lines))


def normalise_line(number: int, raw: str, report: Report) -> Line:
    indented = raw[:1] in (" ", "\t", "\u00a0")
    if _CONTROL.search(raw):
        report.warning(number, "control characters removed from the line", "check the copy for stray bytes")
        raw = _CONTROL.sub(" ", raw)
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", raw))
    text = _SPACES.sub(" ", text).strip()
    return Line(number, text, indented and bool(text))


def _looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return False  # a byte-order mark announces text
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _decode_bytes(data: bytes, shown_as: str, report: Report) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        report.note(1, "UTF-8 byte-order mark removed")
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.warning(1, "the file is UTF-16 text; read as such", "save it as UTF-8")
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    report.warning(
        line,
        f"the file is not UTF-8 (first bad byte at offset {first_bad}); read as {encoding}",
        "check the curly quotes and accents on that line, then save the file as UTF-8",
    )
    return text, encoding
