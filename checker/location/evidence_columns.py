"""Evidence in a location table: `<field>__source`, `<field>__kind` and `<field>__date` columns.

A table has no list of sources, so a `__source` cell names its sources itself: one or more,
separated by `;`, each a link or a title. Every distinct one becomes an entry of the row's
`sources` (id `src-1`, `src-2`, ... in order of first use), so a row reads exactly like a YAML
file with `sources:` and `evidence:`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

EVIDENCE_PARTS = ("source", "kind", "date")
_COLUMN = re.compile(r"^(?P<field>[a-z0-9_]+?)__(?P<part>source|kind|date)$")
_LINK = re.compile(r"^https?://\S+$")


@functools.lru_cache(maxsize=1024)  # every row of a table asks for the same column names
def evidence_column(name: str) -> tuple[str, str] | None:
    """(field, part) of an evidence column name, or None for any other column."""
    m = _COLUMN.match(name)
    return (m["field"], m["part"]) if m else None


def fold_evidence_columns(data: dict[str, Any]) -> dict[str, Any]:
    """A row's mapping with its evidence columns turned into `sources` and `evidence`."""
    found = {k: evidence_column(k) for k in data if "__" in k}  # (no other name is one)
    if not any(found.values()):
        return data
    out: dict[str, Any] = {}
    evidence: dict[str, dict[str, Any]] = {}
    ids: dict[str, str] = {}  # the cell text of a source -> its id
    sources: list[dict[str, str]] = []
    for key, value in data.items():
        column = found.get(key)
        if column is None:
            out[key] = value
            continue
        name, part = column
        entry = evidence.setdefault(name, {})
        if part != "source":
            entry[part] = value
            continue
        refs = []
        for text in (p.strip() for p in str(value).split(";")):
            if not text:
                continue
            if text not in ids:
                ids[text] = f"src-{len(ids) + 1}"
                item = {"id": ids[text], "title": text}
                if _LINK.match(text):
                    item["url"] = text
                sources.append(item)
            refs.append(ids[text])
        entry["source"] = refs
    for entry in evidence.values():
        entry.setdefault("source", [])  # a kind or date without a source: refused by the model
    out["sources"] = sources
    out["evidence"] = evidence
    return out
