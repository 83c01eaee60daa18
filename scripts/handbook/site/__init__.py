"""The site side: what MkDocs needs from the handbook (hooks, the parts of a chapter page, the build)."""
