"""Several dated descriptions of one location in one file: `snapshots:`.

    id: ter-apel-amv
    name: Aanmeldcentrum Ter Apel, amv
    location_type: registration_centre
    sources: [...]
    snapshots:
      - {described_on: 2022-04-20, children_count: 400, evidence: {...}}
      - {described_on: 2022-09-01, children_count: 700}

The fields outside `snapshots` hold for every snapshot; a snapshot's own fields win (its
`sources` are added to the shared ones, its `evidence` entries win per fact). Each snapshot
is then one location description, validated with the lines it has in the file.
"""

from __future__ import annotations

from typing import Any

from checker.source.reader import YamlDocument

SNAPSHOTS = "snapshots"


def has_snapshots(doc: YamlDocument) -> bool:
    """Whether a document is a location followed over time."""
    return isinstance(doc.data, dict) and SNAPSHOTS in doc.data


def _merged(shared: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    data = {**shared, **own}
    if isinstance(shared.get("sources"), list) and isinstance(own.get("sources"), list):
        data["sources"] = [*shared["sources"], *own["sources"]]
    if isinstance(shared.get("evidence"), dict) and isinstance(own.get("evidence"), dict):
        data["evidence"] = {**shared["evidence"], **own["evidence"]}
    return data


def snapshot_documents(doc: YamlDocument) -> list[YamlDocument | int]:
    """One document per snapshot, shared fields merged in, each value keeping its line; the
    index of a snapshot that is not a mapping takes its place (the caller reports it)."""
    shared = {k: v for k, v in doc.data.items() if k != SNAPSHOTS}
    shared_lines = {p: n for p, n in doc.lines.items() if not p or p[0] != SNAPSHOTS}
    out: list[YamlDocument | int] = []
    for index, own in enumerate(doc.data[SNAPSHOTS] or []):
        if not isinstance(own, dict):
            out.append(index)
            continue
        prefix = (SNAPSHOTS, index)
        offset = len(shared["sources"]) if isinstance(shared.get("sources"), list) else 0
        lines = dict(shared_lines)
        for p, n in doc.lines.items():
            if p[:2] != prefix or len(p) < 3:
                continue
            path = p[2:]
            if offset and path[0] == "sources" and len(path) > 1 and isinstance(path[1], int):
                path = ("sources", path[1] + offset, *path[2:])  # after the shared sources
            lines[path] = n
        lines[()] = doc.lines.get(prefix, doc.lines.get((), 1))
        out.append(YamlDocument(_merged(shared, own), lines, doc.file))
    return out
