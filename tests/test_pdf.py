"""Issue 17: `check --format pdf` prints every shipped case in both languages so that it holds.

At most 6 A4 pages without the full findings appendix (`--detail summary`) and 12 with it
(`--detail full`, the default); page one states the key facts and the verdict per layer.
The PDFs are kept as artefacts in $OPVANGTOETS_TEST_ARTIFACTS/pdf (default
test-artifacts/pdf). The engine is the system's Chromium (skipped without it, unless
OPVANGTOETS_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import LANGUAGES, t
from checker.location import labels
from checker.location.loader import load_location
from checker.render.pdf import chromium
from checker.report.view import KEY_FACTS, POLICY_OUTCOME

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
AS_OF = dt.date(2026, 12, 1)
MOST_PAGES = {"summary": 6, "full": 12}

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def printed(artifacts) -> dict[tuple[str, str], Path]:
    """Every shipped case printed by the CLI, in each language and detail: {(lang, detail): dir}."""
    if chromium() is None and os.environ.get("OPVANGTOETS_REQUIRE_BROWSER") != "1":
        pytest.skip("no Chromium to print with (apt-get install chromium)")
    out = {}
    for lang in LANGUAGES:
        for detail in MOST_PAGES:
            target = artifacts / "pdf" / f"{detail}-{lang}"
            shipped = [str(p) for p in sorted((ROOT / "cases").glob("*.yaml"))]
            args = ["check", *shipped, "--format", "pdf", "--detail", detail]
            args += ["--lang", lang, "--as-of", AS_OF.isoformat(), "--output", str(target)]
            result = CliRunner().invoke(main, args)
            assert result.exit_code in (0, 1), result.output
            out[(lang, detail)] = target
    return out


def _text(page) -> str:
    """A page's text with ligatures undone and line breaks as spaces (labels wrap)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text()))


@pytest.mark.parametrize("detail", list(MOST_PAGES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_shipped_case_prints_to_at_most_its_number_of_a4_pages(printed, lang, detail):
    counts = {}
    for case in CASES:
        reader = pypdf.PdfReader(printed[(lang, detail)] / f"{load_location(case).id}.pdf")
        width, height = (float(x) for x in reader.pages[0].mediabox[2:])
        assert (round(width), round(height)) == (595, 842), "not A4"
        counts[case.stem] = len(reader.pages)
    print(f"pages ({lang}, {detail}):", counts)
    assert max(counts.values()) <= MOST_PAGES[detail], counts


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_page_one_holds_the_key_facts_and_the_verdict_per_layer(checker, printed, case, lang):
    location = load_location(case)
    report = checker.check(location, AS_OF, lang)
    reader = pypdf.PdfReader(printed[(lang, "full")] / f"{location.id}.pdf")
    first = _text(reader.pages[0])
    for name in KEY_FACTS:
        assert labels.label(name, lang) in first, name
        assert labels.show(name, getattr(location, name), lang) in first, name
    for layer in ("layer_law", "layer_policy", "layer_guidance"):
        assert t(layer, lang) in first
    assert t(report.verdict.value, lang).casefold() in first.casefold()
    policy = report.layers.policy.value
    assert t(POLICY_OUTCOME[policy], lang) in first
    name = unicodedata.normalize("NFKC", location.name)
    assert f"{t('page_of', lang)} 1 / {len(reader.pages)}" in first  # the footer
    assert name in first
    # field names stay out of page one
    assert not [n for n in labels.UNITS if re.search(rf"\b{n}\b", first) and "_" in n]


def test_without_a_pdf_engine_check_says_how_to_install_one_and_writes_nothing(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("OPVANGTOETS_CHROMIUM", str(tmp_path / "no-such-chromium"))
    case = ROOT / "cases" / "small-unit-amv-13-14.yaml"
    args = ["check", str(case), "--format", "pdf", "--lang", "en", "--output", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "no PDF engine found — install Chromium (Debian/Ubuntu: apt-get install chromium)" in (
        result.output
    )
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_audit_writes_the_portfolio_page_as_pdf(printed, tmp_path):
    target = tmp_path / "portfolio.pdf"
    args = ["audit", str(ROOT / "cases"), "--pdf", str(target), "--as-of", AS_OF.isoformat()]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # some shipped cases are not compliant
    assert target.read_bytes().startswith(b"%PDF")


def test_audit_without_a_pdf_engine_stops_before_checking(tmp_path, monkeypatch):
    monkeypatch.setenv("OPVANGTOETS_CHROMIUM", str(tmp_path / "no-such-chromium"))
    target = tmp_path / "portfolio.pdf"
    args = ["audit", str(ROOT / "cases"), "--pdf", str(target), "--lang", "nl"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"{target}: geen PDF-programma gevonden — installeer Chromium" in result.output
    assert not target.exists()
