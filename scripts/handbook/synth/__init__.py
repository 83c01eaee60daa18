"""Synthetic procedures pages for benchmarks: `handbook synth --chapters N --areas K --seed S`.

Writes `OUT/<area>/area.yml` and one page-text file per chapter, as a practitioner's copy of a
procedures website would look, in the four layouts the converter knows (layouts.py): the
paragraph number alone on its line, the number inline, a copied table, and no numbers at all.
Pages carry dates, amendment notes, related chapters (most in the same area, some not in the
handbook), Acts and glossary terms, from the invented material in phrases.yml. The same
arguments always give the same bytes. `OUT/synth.yml` records the arguments and the related
chapters that are not in the corpus (a benchmark lists them in its data/elsewhere.yml).

Nothing here is a partnership's text; the output never goes into `sources/`.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .layouts import LAYOUTS, Item, Page, Section

PHRASES = Path(__file__).with_name("phrases.yml")
DEFAULT_OUT = Path("build/synth")
MANIFEST = "synth.yml"
# Dates are drawn from a fixed window, never from today, so a seed gives the same pages on any day.
FIRST_UPDATE, LAST_UPDATE, LAST_CAPTURE = date(2016, 1, 1), date(2025, 10, 31), date(2026, 10, 31)
UNRESOLVED_SHARE = 0.08  # of related-chapter entries: titles not in the corpus
TEMPLATES, TEMPLATE_SHARE = 40, 0.08
SWAPPABLE = ("should", "must", "may", "will", "can")  # regional template paragraphs, and the share of paragraphs taken from them


@dataclass
class Manifest:
    chapters: int
    areas: list[str]
    seed: int
    unresolved: dict[str, list[str]] = field(default_factory=dict)  # area id -> related titles not in the corpus

    def dump(self) -> str:
        return "# Written by `handbook synth`: synthetic pages for benchmarks, not a partnership's text.\n" + yaml.safe_dump(
            {"chapters": self.chapters, "areas": self.areas, "seed": self.seed, "unresolved_related": self.unresolved},
            sort_keys=False, allow_unicode=True,
        )  # fmt: skip


def load_phrases(path: Path = PHRASES) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def area_names(count: int, phrases: dict) -> list[str]:
    names = phrases["areas"]
    return [names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "") for i in range(count)]


def area_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def chapter_titles(count: int, rng: random.Random, phrases: dict) -> list[str]:
    """`count` distinct titles: every subject once, then subjects with qualifiers, then numbered."""
    subjects, qualifiers = phrases["subjects"], phrases["qualifiers"]
    pool = list(subjects) + [f"{s} {q}" for q in qualifiers for s in subjects]
    rng.shuffle(pool)
    extra = [f"{pool[i % len(pool)]} Part {i // len(pool) + 2}" for i in range(max(0, count - len(pool)))]
    return (pool + extra)[:count]


def split_counts(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def random_date(rng: random.Random, start: date, end: date) -> date:
    return date.fromordinal(rng.randint(start.toordinal(), end.toordinal()))


class Writer:
    """Sentences and paragraphs from the phrases, seeded."""

    def __init__(self, rng: random.Random, phrases: dict):
        self.rng, self.p = rng, phrases

    def fill(self, template: str, section: str = "") -> str:
        agency = self.rng.choice(self.p["agencies"])
        values = {
            "agency": agency,
            "agency_cap": agency[:1].upper() + agency[1:],
            "concern": self.rng.choice(self.p["concerns"]),
            "meeting": self.rng.choice(self.p["meetings"]),
            "contact": self.rng.choice(self.p["contacts"]),
            "act": self.rng.choice(self.p["acts"]),
            "timescale": self.rng.choice(self.p["timescales"]),
            "section": section.lower() or "referrals",
        }
        return template.format(**values)

    def sentence(self) -> str:
        rng, p = self.rng, self.p
        agency = rng.choice(p["agencies"])
        words = [agency[:1].upper() + agency[1:], rng.choice(p["modals"]), rng.choice(p["actions"]), rng.choice(p["objects"])]
        words += [self.fill(c) for c in rng.sample(p["clauses"], rng.randint(0, 2))]
        return " ".join(words) + "."

    def paragraph(self, used: set[str], templates: list[str] = ()) -> str:
        """A paragraph not yet in `used` (a page that repeats one is a defect the check reports):
        now and then a regional template's, as it stands or with one word of an area's own."""
        while True:
            if templates and self.rng.random() < TEMPLATE_SHARE:
                words = self.rng.choice(templates).split()
                modal = [i for i, w in enumerate(words) if w in SWAPPABLE]
                if modal and self.rng.random() < 0.5:  # "should" in one area, "must" in another
                    words[self.rng.choice(modal)] = self.rng.choice(SWAPPABLE)
                text = " ".join(words)
            else:
                text = " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))
            if text not in used:
                used.add(text)
                return text

    def bullets(self) -> tuple[str, list[str]]:
        return self.rng.choice(self.p["leads"]), self.rng.sample(self.p["bullets"], self.rng.randint(2, 5))

    def change(self, section: str) -> str:
        return self.fill(self.rng.choice(self.p["changes"]), section)


def make_page(
    rng: random.Random, phrases: dict, title: str, number: str | None, related: list[str], layout: str, templates: list[str]
) -> Page:
    writer = Writer(rng, phrases)
    names = rng.sample(phrases["sections"], rng.randint(3, 6))
    sections, used = [], set()
    for name in names:
        paragraphs: list[Item] = [writer.paragraph(used, templates) for _ in range(rng.randint(2, 6))]
        lead, bullets = writer.bullets()
        # Copied tables lose their lists; the others keep them. A lead-in is used once a page.
        if layout != "table" and lead not in used and rng.random() < 0.3:
            used.add(lead)
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), (lead, bullets))
        sections.append(Section(name, paragraphs))
    updated = random_date(rng, FIRST_UPDATE, LAST_UPDATE)
    review = date(updated.year + rng.randint(1, 3), updated.month, 1)
    captured = random_date(rng, updated, LAST_CAPTURE)
    amended = random_date(rng, FIRST_UPDATE, updated) if rng.random() < 0.6 else None
    change = writer.change(rng.choice(names)) if amended else None
    return Page(title, number, sections, related, updated, review, captured, amended, change)


def synthesise(chapters: int, areas: int, seed: int, out: Path = DEFAULT_OUT, phrases: dict | None = None) -> Manifest:
    """Write the corpus into `out` (replacing what a previous run wrote there)."""
    if chapters < areas or areas < 1:
        raise ValueError("need at least one area and one chapter per area")
    phrases = phrases or load_phrases()
    rng = random.Random(seed)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).is_file():
            raise FileExistsError(f"{out} exists and was not written by `handbook synth`: choose another --out")
        shutil.rmtree(out)
    names = area_names(areas, phrases)
    manifest = Manifest(chapters, [area_id(n) for n in names], seed)
    layouts = list(LAYOUTS)
    shared = Writer(rng, phrases)
    templates = [shared.paragraph(set()) for _ in range(TEMPLATES)]
    for index, (name, count) in enumerate(zip(names, split_counts(chapters, areas))):
        ident = area_id(name)
        layout = layouts[index % len(layouts)]
        folder = out / ident
        folder.mkdir(parents=True)
        (folder / "area.yml").write_text(area_yml(name, ident), "utf-8")
        titles = chapter_titles(count, rng, phrases)
        elsewhere = [f"{s} (Regional Protocol)" for s in rng.sample(phrases["subjects"], 3)]
        unresolved: set[str] = set()
        for i, title in enumerate(titles):
            related = rng.sample(titles[:i] + titles[i + 1 :], min(rng.randint(0, 3), count - 1))
            if rng.random() < UNRESOLVED_SHARE:
                related.append(rng.choice(elsewhere))
                unresolved.add(related[-1])
            number = chapter_number(layout, i)
            page = make_page(rng, phrases, title, number, related, layout, templates)
            text = LAYOUTS[layout](page, name, ident, rng)
            stem = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
            (folder / f"{number + '-' if number else ''}{stem}.txt").write_text(text, "utf-8", newline="\n")
        if unresolved:
            manifest.unresolved[ident] = sorted(unresolved)
    (out / MANIFEST).write_text(manifest.dump(), "utf-8")
    return manifest


def chapter_number(layout: str, i: int) -> str | None:
    """Manuals number chapters in parts of twenty ("3.14"); copied-table sites as "PG7"."""
    if layout == "unnumbered":
        return None
    return f"PG{i + 1}" if layout == "table" else f"{1 + i // 20}.{1 + i % 20}"


def area_yml(name: str, ident: str) -> str:
    return yaml.safe_dump({
        "name": name,
        "manual": f"{name} Safeguarding Children Partnership Procedures",
        "site": f"https://{ident}.procedures.example",
        "region": None,
        "copyright": {"holder": f"{name} Safeguarding Children Partnership (synthetic)", "terms": None},
        "notes": "Synthetic: written by `handbook synth` for benchmarks; not a real area.",
    }, sort_keys=False)  # fmt: skip
