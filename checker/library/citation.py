"""How a norm is cited, in the report language: instrument, article, paragraph, point, URL,
and how far the citation was checked against the official text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.i18n import t
from checker.library.conditions import Text
from checker.library.model import Against, LocalizedUrl

if TYPE_CHECKING:  # the loader keeps each norm's citations (`LibraryNorm.citations`)
    from checker.library.loader import LibraryNorm

# EUR-Lex publishes every language version under one address pattern, so one URL serves both.
_EURLEX_LANG = re.compile(r"(eur-lex\.europa\.eu/legal-content/)[A-Z]{2}(/)")
_ELI_LANG = re.compile(r"(eur-lex\.europa\.eu/eli/.+/oj/)[a-z]{3}$")
_ELI_CODES = {"en": "eng", "nl": "nld"}


@dataclass(frozen=True)  # one per norm and language, shared by every report
class Citation:
    """A norm's source as cited: instrument, article, paragraph, point, URL and the whole text."""

    instrument: str
    article: str | None
    paragraph: str | None
    point: str | None
    url: str
    text: str
    verified: str = "none"  # official | copy | secondary | none
    remark: str | None = None  # said beside a citation not checked on the official text


def url_for(url: LocalizedUrl | str, lang: str) -> str:
    """The official text in the report language: the norm's own per-language URL, or a
    EUR-Lex URL switched to that language version."""
    if isinstance(url, LocalizedUrl):
        return getattr(url, lang)
    url = _EURLEX_LANG.sub(rf"\g<1>{lang.upper()}\g<2>", url)
    return _ELI_LANG.sub(rf"\g<1>{_ELI_CODES[lang]}", url)


def verification_remark(against: Against | None, lang: str) -> str | None:
    """Nothing for the official text; a faithful copy is said to be one; anything else (a
    secondary source, nothing obtained, no record) is not verified."""
    if against == Against.official:
        return None
    if against == Against.copy:
        return t("citation_checked_copy", lang)
    return t("citation_not_verified", lang)


def citation(lib_norm: LibraryNorm, lang: str) -> Citation:
    """'Directive 2013/33/EU, art. 14(2)' / 'Richtlijn 2013/33/EU, art. 14 lid 2'."""
    src, file = lib_norm.norm.source, lib_norm.file
    instrument = getattr(file.instrument, lang)
    article = getattr(src.article, lang) if isinstance(src.article, Text) else src.article
    ref = article or ""
    if src.paragraph:
        ref += t("citation_paragraph", lang, paragraph=src.paragraph)
    if src.subparagraph:
        ref += f", {getattr(src.subparagraph, lang)}"
    if src.point:
        ref += t("citation_point", lang, point=src.point)
    label = getattr(file.article_label, lang) if file.article_label else ""
    text = instrument
    if ref:
        text += file.citation_separator + (f"{label} {ref}" if label else ref)
    against = src.verified.against if src.verified else None
    return Citation(
        instrument,
        article,
        src.paragraph,
        src.point,
        url_for(src.url, lang),
        text,
        against.value if against else Against.none.value,
        verification_remark(against, lang),
    )
