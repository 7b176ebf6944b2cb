"""How a norm is cited, in the report language: instrument, article, paragraph, point, URL."""

from __future__ import annotations

from dataclasses import dataclass

from checker.i18n import t
from checker.library.conditions import Text
from checker.library.loader import LibraryNorm


@dataclass
class Citation:
    """A norm's source as cited: instrument, article, paragraph, point, URL and the whole text."""

    instrument: str
    article: str | None
    paragraph: str | None
    point: str | None
    url: str
    text: str


def citation(lib_norm: LibraryNorm, lang: str) -> Citation:
    """'Directive 2013/33/EU, art. 14(2)' / 'Richtlijn 2013/33/EU, art. 14 lid 2'."""
    src, file = lib_norm.norm.source, lib_norm.file
    instrument = getattr(file.instrument, lang)
    article = getattr(src.article, lang) if isinstance(src.article, Text) else src.article
    ref = article or ""
    if src.paragraph:
        ref += t("citation_paragraph", lang, paragraph=src.paragraph)
    if src.point:
        ref += t("citation_point", lang, point=src.point)
    label = getattr(file.article_label, lang) if file.article_label else ""
    text = instrument
    if ref:
        text += file.citation_separator + (f"{label} {ref}" if label else ref)
    return Citation(instrument, article, src.paragraph, src.point, src.url, text)
