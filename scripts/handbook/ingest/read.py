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
# Unicode noncharacters and lone surrogates: not text, and YAML refuses them.
_NOT_TEXT = re.compile("[\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]|[\U0001fffe-\U0001ffff\U0010fffe-\U0010ffff]")


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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise fail("the file is damaged UTF-16 text", "open it in a text editor and save it as UTF-8") from None
        report.warning(1, "the file is UTF-16 text; read as such", "save it as UTF-8")
        raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    else:
        if _looks_binary(data):
            first = next((i for i, b in enumerate(data) if b < 32 and b not in (9, 10, 12, 13)), 0)
            raise fail(
                "the file is not text (it holds binary bytes)",
                "save the page as plain text (.txt) and copy that in instead",
                line=data[:first].count(b"\n") + 1,
            )
        if data.startswith(b"\xef\xbb\xbf"):
            report.note(1, "UTF-8 byte-order mark removed")
            data = data[3:]
        raw_lines, encoding = _decode_lines(data, report)
    lines = [normalise_line(number, raw, report) for number, raw in enumerate(raw_lines, start=1)]
    if not any(line.text for line in lines):
        raise fail("the file holds only white space", "paste the chapter's page text into it, or delete the file")
    return SourceText(shown_as, encoding, tuple(lines))


def _decode_lines(data: bytes, report: Report) -> tuple[list[str], str]:
    """Each line as UTF-8 if it is; a line that is not is read as Windows-1252 (or Latin-1)
    and reported, so one stray byte spoils nothing but its own line."""
    lines: list[str] = []
    guessed: dict[str, list[int]] = {}
    for number, raw in enumerate(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            lines.append(raw.decode("cp1252"))
            guessed.setdefault("cp1252", []).append(number)
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
            guessed.setdefault("latin-1", []).append(number)
    for encoding, numbers in guessed.items():
        shown = ", ".join(map(str, numbers[:5])) + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
        which = f"line {shown} is" if len(numbers) == 1 else f"lines {shown} are"
        report.warning(
            numbers[0],
            f"{which} not UTF-8; read as {encoding}",
            "check the curly quotes and accents there, then save the file as UTF-8",
        )
    encoding = "utf-8" if not guessed else "utf-8 with " + "/".join(guessed)
    return lines, encoding


def normalise_line(number: int, raw: str, report: Report) -> Line:
    indented = raw[:1] in (" ", "\t", "\u00a0")
    if _CONTROL.search(raw):
        report.warning(number, "control characters removed from the line", "check the copy for stray bytes")
        raw = _CONTROL.sub(" ", raw)
    if _NOT_TEXT.search(raw):
        report.warning(number, "characters that are not text (U+FFFF and the like) removed from the line")
        raw = _NOT_TEXT.sub("", raw)
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", raw))
    text = _SPACES.sub(" ", text).strip()
    return Line(number, text, indented and bool(text))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05
