"""The safeguarding procedures handbook: converter, checks and site support.

sources/ -> handbook.ingest (read, chrome, structure, markdown) -> docs/chapters/ ->
macros/ and handbook.site (hooks) over typed data -> the MkDocs site. `handbook.cli` is the
one command, `handbook`, with a subcommand for each step.
"""
