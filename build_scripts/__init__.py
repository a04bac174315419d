"""Build scripts: Romanian news articles -> facts, chronology and Markdown pages for MkDocs."""
