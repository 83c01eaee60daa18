"""Stable identifiers made from text: chapter slugs, heading ids, paragraph hashes."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(text: str, max_words: int = 12) -> str:
    """Lower-case ASCII words joined by hyphens: "Child Abuse & ICT" gives "child-abuse-ict"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words[:max_words])


def text_hash(text: str) -> str:
    """First 8 hex digits of the SHA-1 of the whitespace-normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:8]


class UniqueIds:
    """Hands out ids unique within one page: a repeat gets "-2", "-3", ..."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def take(self, wanted: str) -> str:
        count = self._seen.get(wanted, 0) + 1
        self._seen[wanted] = count
        if count == 1:
            return wanted
        candidate = f"{wanted}-{count}"
        while candidate in self._seen:  # "-2" may itself have been wanted already
            count += 1
            candidate = f"{wanted}-{count}"
        self._seen[wanted] = count
        self._seen[candidate] = 1
        return candidate
