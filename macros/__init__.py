"""Macros for the handbook's own pages (never for chapters: they do not opt in).

`define_env` only registers: each module lists its macros in `MACROS`; each macro takes a
`MacroContext` (the handbook model and the asking page) first. A macro given an argument that
names nothing raises `MacroInputError`, which becomes one warning naming the page, so the
strict build fails with that line instead of a traceback.
"""

from __future__ import annotations

import functools
import logging

from handbook.load import cached_handbook
from handbook.project import Project

from . import amendments, compare, glossary, offences, review, tables
from .context import MacroContext, MacroInputError

log = logging.getLogger("mkdocs.plugins.handbook.macros")
MODULES = (tables, glossary, offences, amendments, review, compare)


def define_env(env):
    # The plugin calls this once per build (serve rebuilds included): one model for all pages.
    handbook = cached_handbook(Project.of_config(env.conf["config_file_path"]))

    def bind(name, macro):
        @functools.wraps(macro)
        def bound(*args, **kwargs):
            page = env.page.file.src_uri
            try:
                return macro(MacroContext(handbook, page), *args, **kwargs)
            except MacroInputError as exc:
                log.warning(f"{page}: {name}(): {exc}")
                return f"*{name}(): {exc}*"

        return bound

    for module in MODULES:
        for name, macro in module.MACROS.items():
            env.macro(bind(name, macro), name)
