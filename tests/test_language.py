"""Issue 17: every rendered report of every shipped case reads as prose in its own language.

Scanned in text (summary and full), Markdown and HTML, in Dutch and English: no field
name outside the technical appendix, no raw `true`/`false`, no ISO date in prose, and
none of the other language's common words.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from checker.i18n import LANGUAGES, t
from checker.location.loader import load_location
from checker.location.model import Location
from checker.render.html import render_html
from checker.render.markdown import render_markdown
from checker.render.text import render_text

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
AS_OF = dt.date(2026, 12, 1)
FIELD_NAMES = sorted((n for n in Location.model_fields if "_" in n), key=len, reverse=True)
#: Words common in one language and not a word of the other (names of instruments aside).
OTHER_WORDS = {
    "nl": [
        "the",
        "and",
        "required",
        "missing",
        "with",
        "not",
        "known",
        "days",
        "months",
        "definition",
        "bedroom",
    ],
    "en": ["de", "het", "een", "vereist", "ontbreekt", "niet", "dagen", "maanden"],
}
URL = re.compile(r"https?://\S+")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _visible(html: str) -> str:
    """What a reader sees of the HTML: no style, no tags, no attribute values."""
    body = html.split("<body>", 1)[1]
    body = re.sub(r"<style.*?</style>", " ", body, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def _outputs(checker, case: Path, lang: str) -> dict[str, str]:
    """Every rendering, cut before its technical appendix (which names the fields)."""
    report = checker.check(load_location(case), AS_OF, lang, str(case.relative_to(ROOT)))
    appendix = t("technical_details", lang)
    html = _visible(render_html(report, checker.library))
    markdown = render_markdown(report, checker.library)
    return {
        "text summary": render_text(report, colour=False),
        "text full": render_text(report, colour=False, detail="full"),
        "markdown": markdown.split(f"## {appendix}", 1)[0],
        "html": html.split(appendix, 1)[0],
    }


def _prose(text: str) -> str:
    return URL.sub(" ", text)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_reports_speak_the_readers_language_not_code(checker, case, lang):
    found = []
    for kind, text in _outputs(checker, case, lang).items():
        prose = _prose(text)
        for name in FIELD_NAMES:
            if re.search(rf"(?<![\w-]){name}(?![\w-])", prose):
                found.append((kind, "field name", name))
        for raw in re.findall(r"\b(true|false|True|False)\b", prose):
            found.append((kind, "raw boolean", raw))
        for day in ISO_DATE.findall(prose):
            found.append((kind, "ISO date", day))
        for word in OTHER_WORDS[lang]:
            hits = re.findall(rf"(?<![\w'’-]){word}(?![\w'’-])", prose)
            if hits:
                at = re.search(rf".{{0,40}}(?<![\w'’-]){word}(?![\w'’-]).{{0,40}}", prose)
                found.append((kind, "other language", at.group(0)))
    assert found == []
