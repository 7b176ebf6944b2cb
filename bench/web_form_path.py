"""How long the web form is for a person: fields and Tab presses to a verdict, axe per page.

    OPVANGTOETS_AXE=/path/to/axe.min.js python bench/web_form_path.py

Starts `opvangtoets serve` on a free loopback port (127.0.0.1 only) and drives it in headless
Chromium (/usr/bin/chromium). Prints, for the short path (when the page has one) and for the
full form: the fields a person can fill in and the Tab presses from the top of the page to
the "Check" button with every theme open. Then the serious and critical axe-core violations
on the form, report, what-if and upload-problems pages, in Dutch and in English (skipped
without $OPVANGTOETS_AXE). Nothing is asserted: the figures are for the issue's closing note.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OPVANGTOETS = Path(sys.executable).with_name("opvangtoets")
CASE = ROOT / "cases" / "small-unit-amv-13-14.yaml"
MAX_TABS = 600
FIELDS = "input:not([type=hidden]):not([type=file]), select, textarea"


def tabs_to(page, target: str) -> int | None:
    """Tab presses from the top of the (just loaded) page until `target` has the focus."""
    for n in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector('{target}')"):
            return n
    return None


def open_all(page, form: str) -> None:
    page.evaluate(f"document.querySelectorAll('{form} details').forEach(d => d.open = true)")


def field_count(page, form: str) -> int:
    """Fields a person can fill in (a group of checkboxes is one field)."""
    names = page.eval_on_selector_all(f"{form} :is({FIELDS})", "es => es.map(e => e.name)")
    return len(set(names))


def serious(page, axe: str) -> list[str]:
    page.add_script_tag(content=axe)
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}x)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def main() -> None:
    server = subprocess.Popen(
        [str(OPVANGTOETS), "serve", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+", server.stdout.readline()).group(0)
        axe_path = os.environ.get("OPVANGTOETS_AXE")
        axe = Path(axe_path).read_text() if axe_path and Path(axe_path).is_file() else None
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            # bypass_csp: only so that axe can be injected; the pages themselves run under it.
            page = browser.new_page(viewport={"width": 1100, "height": 900}, bypass_csp=True)
            page.goto(f"{url}/en/")
            if page.locator("#short-form").count():
                fields = field_count(page, "#short-form")
                print(f"short path: {fields} fields, {tabs_to(page, '#check')} Tab presses")
                page.goto(f"{url}/en/full")
            open_all(page, "#location-form")
            fields = field_count(page, "#location-form")
            print(f"full form:  {fields} fields, {tabs_to(page, '#check')} Tab presses")
            if axe is None:
                print("axe: skipped (set OPVANGTOETS_AXE to axe-core's axe.min.js)")
                return
            for lang in ("nl", "en"):
                page.goto(f"{url}/{lang}/")
                print(f"axe {lang} form:      {serious(page, axe) or 'none'}")
                page.set_input_files("#upload-file", str(CASE))
                page.click("#upload-button")
                page.wait_for_load_state()
                print(f"axe {lang} report:    {serious(page, axe) or 'none'}")
                page.click("#what-if > details > summary")
                page.locator("details.theme#theme_education > summary").click()
                page.fill("#f-school_age_children_not_in_school_count", "3")
                page.click("#compare")
                page.wait_for_load_state()
                print(f"axe {lang} what-if:   {serious(page, axe) or 'none'}")
                page.goto(f"{url}/{lang}/")
                broken = CASE.read_bytes().replace(b"capacity_total: 16", b'capacity_total: "16')
                page.set_input_files(
                    "#upload-file",
                    files=[{"name": "x.yaml", "mimeType": "application/yaml", "buffer": broken}],
                )
                page.click("#upload-button")
                page.wait_for_load_state()
                print(f"axe {lang} upload:    {serious(page, axe) or 'none'}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
