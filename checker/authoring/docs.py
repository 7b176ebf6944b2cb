"""Reference documentation of the norm library, generated from the YAML.

`docs/norms.md` (English) and `docs/normen.md` (Dutch) list every norm grouped by
family and dimension. The output depends only on the norm files, never on the
date or the machine, so a test can tell when the committed docs are stale.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from checker.errors import InputError
from checker.i18n import LANGUAGES, t
from checker.library.citation import url_for
from checker.library.loader import Library, LibraryNorm
from checker.library.model import Dimension, Weight
from checker.render.files import Outputs, cannot_write
from checker.render.templating import render_template

DOC_FILES = {"en": "norms.md", "nl": "normen.md"}
REGENERATE = "opvangtoets norms docs --output-dir docs"


def validity(lib_norm: LibraryNorm, lang: str) -> str:
    """The period a norm is in force, in words."""
    start, end = lib_norm.valid_from, lib_norm.valid_until
    if start and end:
        return t("valid_between", lang, start=start.isoformat(), end=end.isoformat())
    if start:
        return t("valid_from", lang, start=start.isoformat())
    if end:
        return t("valid_until", lang, end=end.isoformat())
    return t("valid_always", lang)


def _entry(lib_norm: LibraryNorm, lang: str) -> dict[str, str]:
    norm = lib_norm.norm
    cite = lib_norm.citations[lang]
    return {
        "id": norm.id,
        "title": getattr(norm.title, lang),
        "citation": cite.text,
        "url": cite.url,
        "remark": cite.remark or "",
        "aliases": ", ".join(norm.aliases),
        "weight": t(lib_norm.weight.value, lang),
        "severity": t(norm.severity.value, lang),
        "validity": validity(lib_norm, lang),
        "summary": " ".join(getattr(norm.summary, lang).split()),
    }


def render_docs(library: Library, lang: str) -> str:
    """The reference documentation of the library in `lang`, as Markdown."""
    families: dict[str, dict] = {}
    for lib_norm in library.norms:
        family = families.setdefault(
            lib_norm.file.family,
            {
                "id": lib_norm.file.family,
                "instrument": getattr(lib_norm.file.instrument, lang),
                "url": url_for(lib_norm.file.url, lang),
                "norms": [],
            },
        )
        family["norms"].append(lib_norm)
    for family in families.values():
        family["dimensions"] = [
            {"name": t(d.value, lang), "norms": [_entry(n, lang) for n in members]}
            for d in Dimension
            if (members := [n for n in family["norms"] if n.norm.dimension == d])
        ]
        weights = Counter(n.weight for n in family["norms"])
        family["counts"] = [weights.get(w, 0) for w in Weight]
    return render_template(
        "norms.md.j2",
        lang,
        html=False,
        families=list(families.values()),
        weights=[t(w.value, lang) for w in Weight],
        total=len(library.norms),
        other_doc=DOC_FILES["nl" if lang == "en" else "en"],
        command=REGENERATE,
    )


def write_docs(library: Library, output_dir: Path) -> list[Path]:
    """Both doc files, or neither (then the earlier ones stay); raises InputError with the
    path and the reason when they cannot be written."""
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        with Outputs() as outputs:
            for lang in LANGUAGES:
                outputs.open(output_dir / DOC_FILES[lang]).write(render_docs(library, lang))
    except OSError as exc:
        raise InputError([cannot_write(Path(exc.filename or output_dir), exc)]) from None
    return [output_dir / DOC_FILES[lang] for lang in LANGUAGES]


def docs_are_current(library: Library, output_dir: Path) -> list[str]:
    """The doc files under `output_dir` that differ from a fresh generation."""
    stale = []
    for lg, name in DOC_FILES.items():
        path = output_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render_docs(library, lg):
            stale.append(str(path))
    return stale
