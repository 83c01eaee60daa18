"""The site side: what MkDocs needs from the handbook (hooks, catalog of chapters, header box)."""
