"""Training packs: chapters chosen by name, topic or a pack in `data/packs.yml`, made into one
PDF with a cover, contents with page numbers, the chapters as the site shows them (paragraph
numbers, header boxes) and an appendix of the glossary terms and offences they use.

    select.py   which chapters: --chapter / --topic / --pack, with errors that list valid names
    html.py     the pack's HTML: chapters rendered as the site renders them, ids kept apart
    pdf.py      WeasyPrint with the pack's own print CSS (pack.css); no partial PDF, ever
    build.py    every pack of data/packs.yml into a built site (`handbook build`)
"""
