"""Issue 17: the web page offers the report as HTML and as PDF beside the YAML download."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from checker.location.loader import load_location
from checker.render.pdf import chromium
from checker.web.app import create_app
from checker.web.form import form_values

SHIP = Path(__file__).resolve().parent.parent / "cases" / "ship-permit-holders.yaml"


@pytest.fixture(scope="module")
def client(checker):
    app = create_app(checker)
    app.testing = True
    return app.test_client()


def _report_form(client, lang: str) -> dict[str, str]:
    """What the report page's download buttons send back: the carried location and date."""
    sent = {"as_of": "2026-12-01", **form_values(load_location(SHIP))}
    html = client.post(f"/{lang}/check", data=sent).get_data(as_text=True)
    assert 'id="download-html"' in html and 'id="download-pdf"' in html
    carried = unescape(re.search(r'name="location_yaml" value="([^"]*)"', html).group(1))
    return {"location_yaml": carried, "as_of": "2026-12-01"}


def test_the_report_downloads_as_the_same_html_the_cli_writes(client):
    page = client.post("/nl/report-file", data={**_report_form(client, "nl"), "format": "html"})
    assert page.status_code == 200
    assert page.headers["Content-Disposition"] == 'attachment; filename="ship-permit-holders.html"'
    html = page.get_data(as_text=True)
    assert 'data-verdict="non_compliant"' in html
    assert "Wet en rechtspraak" in html and "1 december 2026" in html
    assert "/nl/download" not in html  # the file is the report, without the web page's forms


def test_the_report_downloads_as_pdf(client):
    if chromium() is None:
        pytest.skip("no Chromium to print with")
    page = client.post("/en/report-file", data={**_report_form(client, "en"), "format": "pdf"})
    assert page.status_code == 200
    assert page.mimetype == "application/pdf"
    assert page.get_data().startswith(b"%PDF")


def test_without_a_pdf_engine_the_page_says_how_to_install_one(client, monkeypatch, tmp_path):
    monkeypatch.setenv("OPVANGTOETS_CHROMIUM", str(tmp_path / "none"))
    page = client.post("/en/report-file", data={**_report_form(client, "en"), "format": "pdf"})
    assert page.status_code == 503
    assert "apt-get install chromium" in unescape(page.get_data(as_text=True))
