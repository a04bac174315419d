"""Make the site search fold diacritics: "sambata" finds "sâmbătă".

Material's lunr search matches tokens exactly, and readers often type Romanian without diacritics. The
search worker indexes every field named in the index's `config.fields`, so after MkDocs wrote
`search/search_index.json` we give each section whose text has diacritics a `folded` field holding the
same words without them. A query with diacritics still matches `text`, one without matches `folded`;
results show the original text.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .lang import ascii_fold

FOLDED_FIELD = "folded"
_TAG = re.compile(r"<[^>]+>")


def fold_search_index(path: Path) -> bool:
    """Add the folded field to the index at `path`; False when there is no index (search disabled)."""
    if not path.is_file():
        return False
    data = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("config", {}).setdefault("fields", {})[FOLDED_FIELD] = {"boost": 1.0}
    for doc in data.get("docs", []):
        plain = _TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
        folded = ascii_fold(plain)
        if folded != plain:
            doc[FOLDED_FIELD] = folded
        else:
            doc.pop(FOLDED_FIELD, None)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
