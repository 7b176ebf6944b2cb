"""Issue 17: the HTML report of every shipped case, in both languages, passes axe-core with
no serious or critical violation (colour contrast included).

axe-core comes from npm: .ci/run installs it outside the repository and points
$OPVANGTOETS_AXE at its axe.min.js. Without it the test is skipped, unless
OPVANGTOETS_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.i18n import LANGUAGES
from checker.location.loader import load_location
from checker.render.html import render_html

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
AS_OF = dt.date(2026, 12, 1)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_html_report_has_no_serious_or_critical_accessibility_violation(
    browser, axe_source, checker, tmp_path, case, lang
):
    report = checker.check(load_location(case), AS_OF, lang, str(case.relative_to(ROOT)))
    page_file = tmp_path / f"{case.stem}-{lang}.html"
    page_file.write_text(render_html(report, checker.library), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    try:
        page.goto(page_file.as_uri(), wait_until="load")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document)")
    finally:
        page.close()
    bad = [
        (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []
