"""The portfolio page of 200 locations in a browser (issue 18): the summary tables first, a
heat map whose header stays in view, filters by municipality without a script, and a print
whose summary takes at most 3 A4 pages. Screenshots and the PDF are kept in test-artifacts/."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from checker.audit.outputs import AuditSummary, HtmlOutput
from checker.audit.run import AuditInput, AuditOptions, run_audit
from checker.i18n import t
from checker.library.loader import load_library
from checker.render.pdf import chromium, html_to_pdf
from checker.testing.synthetic import random_portfolio

AS_OF = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def page_200(tmp_path_factory) -> tuple[Path, list[dict]]:
    data = random_portfolio(18, 200)
    items = [AuditInput(f"synthetic/{d['id']}.yaml", None, d) for d in data]
    library = load_library()
    summary, html = AuditSummary(library=library), HtmlOutput(AS_OF, library, "nl")
    for result in run_audit(items, AuditOptions(AS_OF, "nl", detail=True), workers=2):
        summary.add(result)
        html.add(result)
    assert summary.checked == 200
    path = tmp_path_factory.mktemp("page") / "portfolio.html"
    path.write_text(html.render(summary), encoding="utf-8")
    return path, data


def test_the_summary_comes_first_with_children_per_verdict_and_group(browser, page_200, artifacts):
    path, data = page_200
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    heading_y = page.locator("#heat-map").bounding_box()["y"]
    assert page.locator("#summary").bounding_box()["y"] < heading_y
    total = page.locator("#verdicts tr.total td").all_inner_texts()
    children = sum(d.get("children_count") or 0 for d in data)
    assert total[0] == "200" and total[1] == f"{children:,}".replace(",", ".")
    by_municipality = Counter(d["municipality"] for d in data)
    rows = page.locator("#by-municipality tr").all_inner_texts()[1:]
    assert {r.split("\t")[0]: int(r.split("\t")[1]) for r in rows} == dict(by_municipality)
    assert page.locator("#failing-norms tr").count() > 10
    page.screenshot(path=str(artifacts / "portfolio-summary.png"))
    page.close()


def test_the_heat_map_header_stays_in_view_and_a_municipality_filters_rows(
    browser, page_200, artifacts
):
    path, data = page_200
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    wrap = page.locator(".heatwrap")
    wrap.scroll_into_view_if_needed()
    top = wrap.bounding_box()["y"]
    wrap.evaluate("w => { w.scrollTop = 3000; }")
    header = page.locator(".heat thead th.norm").first.bounding_box()
    assert abs(header["y"] - top) < 3  # sticky: still at the top of the scrolled map
    assert page.locator(".heat tbody tr.row").count() == 200
    page.screenshot(path=str(artifacts / "portfolio-heat-map-scrolled.png"))
    page.locator(".filters details").first.evaluate("d => d.open = true")
    page.locator(".filters summary", has_text=t("picture_municipality", "nl")).click()
    page.locator(".filters label", has_text="Assen").click()
    visible = page.locator(".heat tbody tr.row:visible").count()
    assert visible == sum(1 for d in data if d["municipality"] == "Assen") > 0
    page.close()


@pytest.mark.skipif(chromium() is None, reason="no Chromium to print with")
def test_the_printed_summary_takes_at_most_three_a4_pages(page_200, artifacts):
    path, _ = page_200
    pdf = artifacts / "portfolio-200.pdf"
    html_to_pdf(path.read_text(encoding="utf-8"), pdf)
    pages = PdfReader(str(pdf)).pages
    heading = t("audit_heat_map", "nl")
    first_heat = next(i for i, p in enumerate(pages) if heading in (p.extract_text() or ""))
    assert 1 <= first_heat <= 3  # pages before the heat map: the summary
    width, height = (float(v) for v in pages[first_heat].mediabox.upper_right)
    assert width > height  # the heat map is printed landscape
