"""The HTML report of every shipped case, opened from disk in headless Chromium.

Each page must load without console errors and without any request but the file
itself, show the verdict badge, the dimension chart and every failing norm's
citation link, fit a phone's width, and print to A4. A screenshot and a PDF of
each are kept as test artefacts in $OPVANGTOETS_TEST_ARTIFACTS (default:
test-artifacts/ at the top of the repository).

Chromium is the system's (see the `browser` fixture in conftest.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.i18n import LANGUAGES, t
from checker.location.loader import load_location
from checker.render.html import render_html

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
AS_OF = dt.date(2026, 1, 15)
PHONE = {"width": 390, "height": 844}
# The badge colours of the stylesheet: a page without its inline CSS would not have them.
BADGE_BACKGROUND = {
    "non_compliant": "rgb(253, 231, 228)",
    "insufficient_information": "rgb(255, 244, 214)",
    "compliant_with_concerns": "rgb(224, 239, 255)",
    "compliant": "rgb(220, 245, 227)",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_html_report_opens_offline_and_shows_verdict_chart_and_citations(
    browser, artifacts, checker, tmp_path, case, lang
):
    source = str(case.relative_to(ROOT))  # the report shows the path as a user would type it
    checked = checker.check(load_location(case), AS_OF, lang, source)
    html_file = tmp_path / f"{case.stem}-{lang}.html"
    html_file.write_text(render_html(checked, checker.library), encoding="utf-8")
    report = checked.to_dict()
    url = html_file.as_uri()

    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(url, wait_until="load")

        badge = page.locator("#verdict")
        assert badge.is_visible()
        assert badge.get_attribute("data-verdict") == report["verdict"]
        assert badge.inner_text().casefold() == t(report["verdict"], lang).casefold()
        background = badge.evaluate("e => getComputedStyle(e).backgroundColor")
        assert background == BADGE_BACKGROUND[report["verdict"]]

        chart = page.locator("svg#dimension-chart")
        assert chart.is_visible()
        assert chart.bounding_box()["width"] > 250
        rows = chart.locator("g.row")
        assert rows.count() == 1 + len(report["score"]["dimensions"])

        failing = [f for f in report["findings"] if f["outcome"] == "fail"]
        for f in failing:
            link = page.locator(f'#fix-first [data-norm="{f["norm_id"]}"] a.citation')
            assert link.count() == 1, f["norm_id"]
            assert link.get_attribute("href") == f["citation"]["url"]
            assert link.is_visible()
        assert page.locator("#fix-first [data-norm]").count() == len(failing)

        page.screenshot(path=artifacts / f"{case.stem}-{lang}.png", full_page=True)
        page.set_viewport_size(PHONE)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= PHONE["width"], "the report is wider than a phone"
        page.screenshot(path=artifacts / f"{case.stem}-{lang}-phone.png")
        pdf = page.pdf(
            path=artifacts / f"{case.stem}-{lang}.pdf", format="A4", print_background=True
        )
        assert pdf.startswith(b"%PDF")
    finally:
        page.close()

    assert errors == []
    assert requests and set(requests) == {url}, "the report asked for something else"
