"""The converter: copied procedures pages in, structured and anchored Markdown out.

Stages, each a module: read (bytes to normalised lines), chrome (site furniture off, by the
patterns in patterns.yml), structure (title, dates, boxes, headings, paragraphs, lists, with
the source's defects reported by defects), write (escaped text, ids, front matter).
`convert` runs them for one file, `tree` for a whole sources folder.
"""

from .convert import Conversion, convert_file
from .patterns import Patterns, default_patterns, load_patterns
from .tree import IngestResult, ingest

__all__ = ["Conversion", "IngestResult", "Patterns", "convert_file", "default_patterns", "ingest", "load_patterns"]
