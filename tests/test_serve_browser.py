"""`opvangtoets serve` end to end: the real command on a free port, driven in headless Chromium.

A planner fills the form with the facts of a small unit for unaccompanied minors,
checks it, reads the verdict, downloads the YAML and checks that file with the
CLI; tries a what-if; uploads a broken YAML and sees the error under its line.
In Dutch and in English, with no request but to the local server and no console
errors. Screenshots are kept as test artefacts (see conftest.py).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.i18n import LANGUAGES, t
from checker.location import labels as field_labels
from checker.location.loader import load_location
from checker.web.form import form_values

ROOT = Path(__file__).resolve().parent.parent
SMALL_UNIT = ROOT / "cases" / "small-unit-amv-13-14.yaml"
AS_OF = "2026-01-15"
OPVANGTOETS = Path(sys.executable).with_name("opvangtoets")
DESKTOP, PHONE = {"width": 1100, "height": 900}, {"width": 390, "height": 844}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(OPVANGTOETS), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def server():
    """The command as a user starts it; port 0 lets it pick a free one, which it prints."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [str(OPVANGTOETS), "serve", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        first, second = process.stdout.readline(), process.stdout.readline()
        url = re.search(r"open (http://127\.0\.0\.1:\d+)/en/ in your browser", first)
        assert url, (first, process.stderr.read() if process.poll() is not None else "")
        assert "Listening on 127.0.0.1 only: no other computer can reach this page." in second
        yield url.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request and every console error."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()
    # A page that shows problems in what was sent answers 422, which Chromium logs.
    assert [e for e in page.errors if "status of 422" not in e] == []
    assert page.requests and all(u.startswith(server + "/") for u in page.requests), page.requests


def fill_location(page, values: dict) -> None:
    """Type the facts into the form as a person would: open each theme, then each input."""
    for theme in page.locator("details.theme").all():
        if theme.get_attribute("open") is None:
            theme.locator(":scope > summary").click()
    fill_fields(page, values)


def fill_fields(page, values: dict) -> None:
    """Type each fact into its input, select or group of choices."""
    for name, value in values.items():
        field = page.locator(f"#f-{name}")
        tag = field.evaluate("e => e.tagName.toLowerCase()")
        if tag == "select":
            field.select_option(value)
        elif tag == "fieldset":
            for choice in value:
                field.locator(f'input[value="{choice}"]').check()
        else:
            field.fill(value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_planner_fills_checks_downloads_and_the_cli_agrees(
    page, server, artifacts, lang, tmp_path
):
    page.goto(f"{server}/")  # the browser asks for English; the switch leads to Dutch
    if lang == "nl":
        page.click("#switch-language")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == t("web_title", lang)
    assert page.locator("#private").inner_text() == t("web_private", lang)
    page.screenshot(path=artifacts / f"serve-form-{lang}.png", full_page=False)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=artifacts / f"serve-form-{lang}-phone.png", full_page=False)
    page.set_viewport_size(DESKTOP)

    page.click("#full-form")  # past the short first step: every field
    page.fill("#f-as_of", AS_OF)
    fill_location(page, form_values(load_location(SMALL_UNIT)))
    page.screenshot(path=artifacts / f"serve-form-filled-{lang}.png", full_page=True)
    page.click("#check")
    page.wait_for_load_state()

    badge = page.locator("#verdict")
    expected = json.loads(
        cli("check", str(SMALL_UNIT), "--as-of", AS_OF, "--format", "json").stdout
    )
    assert badge.get_attribute("data-verdict") == expected["verdict"] == "compliant"
    assert badge.inner_text().casefold() == t("compliant", lang).casefold()
    page.screenshot(path=artifacts / f"serve-report-{lang}.png", full_page=False)

    with page.expect_download() as download:
        page.click("#download")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "small-unit-amv-13-14.yaml"
    checked = cli("check", str(saved), "--as-of", AS_OF, "--format", "json", "--lang", lang)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["verdict"] == badge.get_attribute("data-verdict")

    # What if three school-age children stopped going to school?
    page.click("#what-if > details > summary")
    page.locator("details.theme#theme_education > summary").click()
    page.fill("#f-school_age_children_not_in_school_count", "3")
    page.click("#compare")
    page.wait_for_load_state()
    not_in_school = field_labels.label("school_age_children_not_in_school_count", lang)
    assert f"{not_in_school}: 0 → 3" in page.locator("h1").inner_text()
    row = page.locator("#comparison tr", has=page.locator("strong", has_text="CRC-28"))
    assert row.locator("td").nth(1).inner_text() == t("pass", lang)
    assert row.locator("td").nth(2).inner_text() == t("fail", lang)
    page.screenshot(path=artifacts / f"serve-what-if-{lang}.png", full_page=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_broken_upload_shows_the_error_under_its_line(page, server, artifacts, lang):
    broken = SMALL_UNIT.read_text().replace("capacity_total: 16", 'capacity_total: "16')
    page.goto(f"{server}/{lang}/")
    page.set_input_files(
        "#upload-file",
        files=[
            {"name": "heemstede.yaml", "mimeType": "application/yaml", "buffer": broken.encode()}
        ],
    )
    page.click("#upload-button")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(t("web_file_problems", lang))
    problem = page.locator("#problems > ul > li").first.inner_text()  # in words, by line
    where = re.match(rf"{t('web_line', lang).capitalize()} (\d+): ", problem)
    assert where, problem
    marked = page.locator(f"#line-{where.group(1)}")
    assert marked.is_visible()
    below = marked.locator("xpath=following-sibling::li[1]")
    assert below.get_attribute("class") == "problem"
    assert f"{t('web_line', lang)} {where.group(1)}" in below.inner_text()
    page.screenshot(path=artifacts / f"serve-upload-error-{lang}.png", full_page=True)


@pytest.fixture
def other_site():
    """Another web site on this computer (another loopback port) with a form that posts to
    the checker by itself, as a page a user happens to visit could."""
    import http.server
    import threading

    class Attacker(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            target = self.server.target
            page = (
                f'<form id="f" method="post" action="{target}/en/check">'
                '<input name="name" value="Posted by another web site">'
                '<input name="children_count" value="20"></form>'
                '<script>document.getElementById("f").submit()</script>'
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page.encode())

        def log_message(self, *args):
            pass

    site = http.server.HTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield site
    site.shutdown()
    site.server_close()


def test_a_form_posted_from_another_site_is_refused(browser, server, other_site):
    other_site.target = server
    context = browser.new_context()
    page = context.new_page()
    try:
        with page.expect_response(f"{server}/en/check") as answer:
            page.goto(f"http://127.0.0.1:{other_site.server_port}/")
        page.wait_for_load_state()
        assert answer.value.status == 403
        assert (
            page.locator("#message")
            .inner_text()
            .startswith("This form was sent from another web site (http://127.0.0.1:")
        )
        assert page.locator("#verdict").count() == 0
    finally:
        context.close()
