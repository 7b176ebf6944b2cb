"""Issue 21 in headless Chromium: the short path, never losing work, keyboard use and axe.

The real `opvangtoets serve` on a free loopback port (the fixtures of test_serve_browser).
A municipal officer fills the first step for a small unit for unaccompanied minors (at most
15 fields) and gets a verdict; the report's "find out next" buttons open the whole form at
the field; a half-filled form with a mistake is saved as a file and loaded back with every
value; Tab reaches "Check" within 40 presses; axe-core finds no serious or critical
violation on the form, report, what-if and upload pages in both languages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import test_serve_browser
import yaml

from checker.i18n import LANGUAGES, t
from checker.location.loader import load_location, location_from_mapping
from checker.web.form import form_values, short_path

ROOT = Path(__file__).resolve().parent.parent
SMALL_UNIT = ROOT / "cases" / "small-unit-amv-13-14.yaml"
AS_OF = "2026-01-15"
FIELDS = "input:not([type=hidden]):not([type=file]), select, textarea"
# The real server and a page that fails on console errors or requests elsewhere.
server, page = test_serve_browser.server, test_serve_browser.page
fill = test_serve_browser.fill_fields


def names_on(page, form: str) -> set[str]:
    return set(page.eval_on_selector_all(f"{form} :is({FIELDS})", "es => es.map(e => e.name)"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_short_path_reaches_a_verdict_in_at_most_15_fields(
    page, server, artifacts, checker, lang
):
    page.goto(f"{server}/{lang}/")
    on_form = names_on(page, "#short-form")
    assert len(on_form) <= 15 and {"name", "as_of"} <= on_form
    assert on_form - {"as_of"} == short_path(checker.library)
    case = form_values(load_location(SMALL_UNIT))
    typed = {n: v for n, v in case.items() if n in on_form}
    page.fill("#f-as_of", AS_OF)
    fill(page, typed)
    assert len(typed) + 1 <= 15
    page.screenshot(path=artifacts / f"serve-short-path-{lang}.png", full_page=True)
    page.click("#check")
    page.wait_for_load_state()
    data = {n: v for n, v in load_location(SMALL_UNIT).model_dump().items() if n in on_form}
    data["id"] = "small-unit"
    expected = checker.check(location_from_mapping(data, "x"), dt.date.fromisoformat(AS_OF), lang)
    assert page.locator("#verdict").get_attribute("data-verdict") == expected.verdict.value
    page.screenshot(path=artifacts / f"serve-short-path-report-{lang}.png", full_page=False)

    # the what-if link is at the top; "find out next" opens the whole form at that field
    link = page.locator("#what-if-link")
    assert link.is_visible() and link.bounding_box()["y"] < 100  # in the bar on top
    wanted = expected.facts_to_collect[0].field
    page.click(f"#continue-{wanted}")
    page.wait_for_load_state()
    assert page.url.endswith(f"/{lang}/edit?at={wanted}#f-{wanted}")
    assert page.locator(f"#f-{wanted}").is_visible()
    assert page.locator("#f-name").input_value() == case["name"]
    assert len(names_on(page, "#location-form")) > 80


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_reaches_check_within_40_presses_on_the_short_path(page, server, lang):
    page.goto(f"{server}/{lang}/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "check":
            break
    else:
        pytest.fail("40 Tab presses did not reach the Check button")
    # the first stop is the skip link, which leads there in one more press
    page.goto(f"{server}/{lang}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == t("web_skip_to_check", lang)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the focus goes on from the Check button
    assert page.evaluate("document.activeElement.id") == "save"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_half_filled_form_with_a_mistake_is_saved_and_loaded_back(
    page, server, artifacts, tmp_path, lang
):
    dutch = lang == "nl"
    typed = {
        "name": "Sporthal De Meent",
        "location_type": "emergency_shelter",
        "occupancy_total": "1.200" if dutch else "1,200",  # thousands, the local way
        "children_count": "veel",  # the mistake
        "indoor_play_area_m2": "1,4" if dutch else "1.4",
        "drinking_water_24_7": "true",
        "populations_admitted": ["families"],
        "opening_date": "2024-03-01",
        "notes": "Bezocht op 1 december; gesprek met de locatiemanager.",
    }
    page.goto(f"{server}/{lang}/full")
    page.evaluate("document.querySelectorAll('#location-form details').forEach(d => d.open = true)")
    fill(page, typed)
    page.click("#check")
    page.wait_for_load_state()
    assert page.locator("#problems").count() == 1
    assert page.locator("[role=alert]").count() == 1  # one summary, announced once
    child = page.locator("#f-children_count")
    assert child.get_attribute("aria-invalid") == "true"
    assert "err-children_count" in child.get_attribute("aria-describedby")
    people = page.locator("details#theme_people > summary .filled").inner_text()
    assert people == t("web_filled", lang, filled=2, total=12)  # counts what was typed

    with page.expect_download() as download:
        page.click("#save")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = saved.read_text()
    data = yaml.safe_load(text)
    assert data["occupancy_total"] == 1200 and data["indoor_play_area_m2"] == 1.4
    assert "occupancy_total: 1200\n" in text and "indoor_play_area_m2: 1.4\n" in text
    assert data["children_count"] == "veel"
    comment = text.split("children_count:", 1)[0].rstrip().splitlines()[-1]
    assert comment.startswith("# ") and "veel" in comment

    page.goto(f"{server}/{lang}/")
    page.set_input_files("#upload-file", str(saved))
    page.click("#upload-button")
    page.wait_for_load_state()
    page.screenshot(path=artifacts / f"serve-saved-and-restored-{lang}.png", full_page=True)
    assert page.locator("#f-name").input_value() == typed["name"]
    assert page.locator("#f-location_type").input_value() == "emergency_shelter"
    assert page.locator("#f-occupancy_total").input_value() == "1200"
    assert page.locator("#f-indoor_play_area_m2").input_value() == "1.4"
    assert page.locator("#f-children_count").input_value() == "veel"
    assert page.locator("#f-drinking_water_24_7").input_value() == "true"
    assert page.locator("#f-populations_admitted input[value=families]").is_checked()
    assert page.locator("#f-opening_date").input_value() == "2024-03-01"
    assert page.locator("#f-notes").input_value() == typed["notes"]
    assert page.locator("#f-children_count").get_attribute("aria-invalid") == "true"

    # fixed and checked again: the numbers read the Dutch way are said so on the report
    page.fill("#f-children_count", "40")
    page.fill("#f-occupancy_total", typed["occupancy_total"])
    page.click("#check")
    page.wait_for_load_state()
    assert page.locator("#verdict").count() == 1
    readings = page.locator("#read-as").inner_text()
    assert f"“{typed['occupancy_total']}”" in readings.replace("„", "“")


def test_leaving_a_changed_form_asks_first(page, server):
    page.goto(f"{server}/en/")
    page.click("#f-name")  # a browser asks only on a page the user has interacted with
    page.keyboard.type("Sporthal De Meent")
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    # leave rather than stay: closing the context over a page whose beforeunload was dismissed
    # once ended in "Target page, context or browser has been closed" at teardown (Chromium;
    # closing such a page is a known Playwright problem, microsoft/playwright#37597)
    asked.value.accept()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_nothing_serious_on_the_four_pages(browser, server, axe_source, lang):
    # bypass_csp only lets the test inject axe; the pages' own policy is tested elsewhere
    context = browser.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = {}

    def run(name: str) -> None:
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document)")
        found[name] = [
            (v["id"], v["impact"], v["nodes"][0]["target"])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    try:
        page.goto(f"{server}/{lang}/")
        run("short form")
        page.goto(f"{server}/{lang}/full")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        run("full form")
        page.fill("#f-children_count", "veel")
        page.click("#check")
        page.wait_for_load_state()
        run("form with problems")
        page.set_input_files("#upload-file", str(SMALL_UNIT))
        page.click("#upload-button")
        page.wait_for_load_state()
        run("report")
        page.click("#what-if-link")  # on top of the report: opens the what-if form
        assert page.locator("#what-if-form").is_visible()
        page.locator("details.theme#theme_education > summary").click()
        page.fill("#f-school_age_children_not_in_school_count", "3")
        page.click("#compare")
        page.wait_for_load_state()
        result = page.locator("#what-if-result")
        assert result.is_visible() and result.bounding_box()["y"] < 900  # above the fold
        run("what-if")
        broken = SMALL_UNIT.read_bytes().replace(b"capacity_total: 16", b'capacity_total: "16')
        page.goto(f"{server}/{lang}/")
        page.set_input_files(
            "#upload-file",
            files=[{"name": "x.yaml", "mimeType": "application/yaml", "buffer": broken}],
        )
        page.click("#upload-button")
        page.wait_for_load_state()
        run("upload problems")
    finally:
        context.close()
    assert found == {name: [] for name in found}
