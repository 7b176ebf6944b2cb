"""The web page of `opvangtoets serve`, through Flask's test client (no browser, no socket).

The form, upload, download and what-if must give what the CLI gives for the same
facts: the same verdict, the same messages for the same mistakes, and a download
that `opvangtoets check` reads unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from html import unescape
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.authoring.template import norms_by_field
from checker.cli import main
from checker.i18n import LANGUAGES, formats, t
from checker.location.loader import load_location
from checker.location.model import Location
from checker.web.app import create_app
from checker.web.form import NOT_IN_FORM, THEMES, form_values, parse_decimal, short_path
from checker.web.keep import KEEP_SCRIPT, KEEP_SCRIPT_HASH

ROOT = Path(__file__).resolve().parent.parent
SMALL_UNIT = ROOT / "cases" / "small-unit-amv-13-14.yaml"
SHIP = ROOT / "cases" / "ship-permit-holders.yaml"
AS_OF = "2026-01-15"


@pytest.fixture(scope="module")
def client(checker):
    app = create_app(checker)
    app.testing = True
    return app.test_client()


def verdict_of(html: str) -> str:
    return re.search(r'id="verdict" data-verdict="([a-z_]+)"', html).group(1)


def form_of(path: Path) -> dict[str, object]:
    """A location file as a browser would send the form filled with its facts."""
    return {"as_of": AS_OF, **form_values(load_location(path))}


def cli_verdict(path: Path, lang: str = "en") -> str:
    result = CliRunner().invoke(
        main, ["check", str(path), "--as-of", AS_OF, "--lang", lang, "--format", "json"]
    )
    return yaml.safe_load(result.output)["verdict"]


def upload(client, lang: str, name: str, content: str | bytes, as_of: str | None = None):
    """Send a file as the upload form does."""
    raw = content.encode() if isinstance(content, str) else content
    data = {"file": (io.BytesIO(raw), name), **({"as_of": as_of} if as_of else {})}
    return client.post(f"/{lang}/upload", data=data, content_type="multipart/form-data")


def field_block(html: str, name: str) -> str:
    """The part of a form page about one field: its input and the problems shown with it."""
    return html.split(f'id="field-{name}"', 1)[1].split('<div class="field', 1)[0]


def carried_yaml(html: str) -> str:
    return unescape(re.search(r'name="location_yaml" value="([^"]*)"', html).group(1))


def test_every_location_field_is_in_exactly_one_theme():
    placed = [name for names in THEMES.values() for name in names]
    assert sorted(placed) == sorted(set(Location.model_fields) - set(NOT_IN_FORM))
    assert len(placed) == len(set(placed))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_form_shows_every_field_by_theme_with_help_in_the_language(client, lang):
    page = client.get(f"/{lang}/full")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for theme in THEMES:
        assert f"<summary>{t(theme, lang)}<span" in unescape(html)
    for name in set(Location.model_fields) - set(NOT_IN_FORM):
        assert f'id="field-{name}"' in html
    other = "en" if lang == "nl" else "nl"
    assert t("web_empty_unknown", lang) in unescape(html)
    assert t("web_empty_unknown", other) not in unescape(html)
    # units and the Dutch or English meaning of a field
    meaning = {"en": "Outdoor play space on or next to the site", "nl": "Buitenspeelruimte"}
    assert meaning[lang] in html and "(m²)" in html


def test_root_sends_the_browser_to_its_language(client):
    assert client.get("/", headers={"Accept-Language": "en-GB,en"}).location == "/en/"
    assert client.get("/", headers={"Accept-Language": "nl-NL"}).location == "/nl/"
    assert client.get("/").location == "/nl/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_filled_form_gives_the_verdict_the_cli_gives(client, lang):
    page = client.post(f"/{lang}/check", data=form_of(SMALL_UNIT))
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert verdict_of(html) == cli_verdict(SMALL_UNIT, lang) == "compliant"
    assert f">{t('compliant', lang)}</p>" in html
    ship = client.post(f"/{lang}/check", data=form_of(SHIP)).get_data(as_text=True)
    assert verdict_of(ship) == cli_verdict(SHIP, lang) == "non_compliant"
    assert 'href="https://eur-lex.europa.eu/' in ship  # failing norms keep their citations


def test_empty_fields_are_unknown_and_the_id_is_made_from_the_name(client, tmp_path):
    page = client.post(
        "/en/check",
        data={"as_of": AS_OF, "name": "Sporthal De Meent", "children_count": "40"},
    )
    html = page.get_data(as_text=True)
    assert verdict_of(html) == "insufficient_information"
    carried = carried_yaml(html)
    assert yaml.safe_load(carried) == {
        "id": "sporthal-de-meent",
        "name": "Sporthal De Meent",
        "children_count": 40,
    }


def test_mistakes_in_the_form_are_shown_next_to_their_fields_with_the_cli_messages(client):
    data = {**form_of(SMALL_UNIT), "meals_per_day": "2.5", "as_of": "15-01-2026"}
    page = client.post("/en/check", data=data)
    html = unescape(page.get_data(as_text=True))
    assert page.status_code == 422
    assert "Nothing was checked: 2 problems to fix first" in html
    assert "'15-01-2026' is not a date — use YYYY-MM-DD" in field_block(html, "as_of")
    meals = field_block(html, "meals_per_day")
    assert "expected a whole number, got '2.5'" in meals
    assert 'value="2.5"' in meals  # what was typed stays, to be corrected
    # The building theme opens by itself because it holds a problem; the others stay shut.
    assert '<details class="theme has-problems" id="theme_building" open>' in html
    assert '<details class="theme" id="theme_people">' in html


def test_an_impossible_combination_is_shown_at_its_field(client):
    data = {**form_of(SMALL_UNIT), "children_count": "20"}  # more children than residents (12)
    html = unescape(client.post("/en/check", data=data).get_data(as_text=True))
    block = field_block(html, "children_count")
    assert re.search(r'class="error" id="err-children_count">[^<]*20[^<]*12', block), block
    assert "occupancy_total" not in block  # the label, not the field's name
    assert 'aria-describedby="err-children_count" aria-invalid="true"' in block


def test_the_download_is_yaml_that_check_reads_unchanged_with_the_same_verdict(client, tmp_path):
    html = client.post("/nl/check", data=form_of(SMALL_UNIT)).get_data(as_text=True)
    download = client.post("/nl/download", data={"location_yaml": carried_yaml(html)})
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == (
        'attachment; filename="small-unit-amv-13-14.yaml"'
    )
    saved = tmp_path / "small-unit-amv-13-14.yaml"
    saved.write_bytes(download.data)
    assert load_location(saved) == load_location(SMALL_UNIT)
    assert cli_verdict(saved) == verdict_of(html) == "compliant"
    first, second = download.data.decode().splitlines()[:2]
    assert first.startswith("# Geschreven door de opvangtoets-webpagina op ")
    assert second.startswith("# Written by the opvangtoets web page on ")


def test_a_broken_yaml_upload_shows_the_error_under_its_line(client):
    text = SMALL_UNIT.read_text().replace("capacity_total: 16", "capacity_total 16\n  bad: [")
    page = upload(client, "en", "site.yaml", text, AS_OF)
    html = unescape(page.get_data(as_text=True))
    assert page.status_code == 422
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("capacity_total"))
    problem = re.search(r"<code>(site\.yaml:(\d+): not valid YAML[^<]*)</code>", html)
    assert problem, html[:2000]
    assert int(problem.group(2)) in (line, line + 1)
    assert f'id="line-{problem.group(2)}"' in html  # the line itself is marked in the listing


def test_a_wrong_value_in_an_upload_gets_the_cli_message_with_field_and_line(
    client, tmp_path, monkeypatch
):
    text = SMALL_UNIT.read_text().replace("meals_per_day: 3", "meals_per_day: drie")
    page = upload(client, "nl", "unit.yaml", text)
    monkeypatch.chdir(tmp_path)  # the CLI names the file as it was given
    Path("unit.yaml").write_text(text)
    cli = CliRunner().invoke(main, ["check", "unit.yaml", "--lang", "nl"])
    assert cli.exit_code == 2
    cli_line = cli.output.strip()
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("meals_per_day"))
    assert cli_line.startswith(f"unit.yaml:{line}: veld 'meals_per_day': verwacht een geheel getal")
    assert page.status_code == 422
    html = unescape(page.get_data(as_text=True))
    assert cli_line in html  # under "technical details"; the form is filled from the file
    block = field_block(html, "meals_per_day")
    assert 'value="drie"' in block and "verwacht een geheel getal, maar staat er 'drie'" in block


def test_an_uploaded_location_gives_its_report(client):
    page = upload(client, "en", "ship.yaml", SHIP.read_bytes(), AS_OF)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert verdict_of(html) == cli_verdict(SHIP) == "non_compliant"
    assert "<code>ship.yaml</code>" in html


def test_an_uploaded_table_gives_the_portfolio_with_bad_rows_named(client):
    header = ["id", "name", "children_count", "occupancy_total"]
    rows = ["a,Locatie A,10,30", "b,Locatie B,50,30", "c,Locatie C,veel,30"]
    table = ",".join(header) + "\n" + "\n".join(rows) + "\n"
    page = upload(client, "en", "portfolio.csv", table, AS_OF)
    html = unescape(page.get_data(as_text=True))
    assert page.status_code == 200
    assert t("audit_title", "en") in html
    assert "1 location checked" in html
    assert "portfolio.csv:3" in html and "portfolio.csv:4" in html
    assert "expected a whole number, got 'veel'" in html


def test_uploads_over_the_limit_are_refused_with_the_limit_named(checker, monkeypatch):
    monkeypatch.setenv("OPVANGTOETS_MAX_FILE_BYTES", "1000")
    client = create_app(checker).test_client()
    page = upload(client, "nl", "groot.yaml", b"x" * 200_000)
    assert page.status_code == 413
    assert "OPVANGTOETS_MAX_FILE_BYTES" in page.get_data(as_text=True)


def test_an_upload_is_never_written_to_disk(client, monkeypatch):
    def refuse(*_a, **_kw):
        raise AssertionError("an upload was spooled to a temporary file")

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    padded = SHIP.read_text() + "#" * 900_000 + "\n"  # far over werkzeug's 500 kB spool size
    page = upload(client, "en", "ship.yaml", padded, AS_OF)
    assert page.status_code == 200
    assert verdict_of(page.get_data(as_text=True)) == "non_compliant"


def what_if(client, path: Path, **changes: str):
    """Check `path` through the form, then send its what-if form with `changes` made."""
    html = client.post("/en/check", data=form_of(path)).get_data(as_text=True)
    sent = {**form_of(path), **changes, "location_yaml": carried_yaml(html)}
    page = client.post("/en/what-if", data=sent)
    return page.status_code, unescape(page.get_data(as_text=True))


def test_what_if_shows_the_findings_that_change(client):
    status, body = what_if(client, SHIP, school_age_children_not_in_school_count="0")
    assert status == 200
    assert "What if: School-age children who do not go to school: 30 → 0" in body
    comparison = body.split('id="comparison"', 1)[1]
    for norm in ("CRC-28", "INSP23-1"):
        row = comparison.split(f"<strong>{norm}</strong>", 1)[1].split("</tr>", 1)[0]
        assert re.search(r'class="fail">fail</td>\s*<td class="pass">pass</td>', row), row
    # Continuing carries the changed location; going back the one checked first.
    keep, back = re.findall(r'name="location_yaml" value="([^"]*)"', body)[1:3]
    assert "school_age_children_not_in_school_count: 0" in keep
    assert "school_age_children_not_in_school_count: 30" in back


def test_what_if_with_a_mistake_reopens_the_form_at_the_field(client):
    status, body = what_if(client, SHIP, outdoor_play_area_m2="-5")
    assert status == 422
    assert verdict_of(body) == "non_compliant"  # the report it came from
    assert "<details open>" in body.split('id="what-if"', 1)[1]
    field = field_block(body, "outdoor_play_area_m2")
    assert "-5 is out of range: must be ≥ 0" in field


def test_switching_language_keeps_the_location(client):
    html = client.post("/en/check", data=form_of(SHIP)).get_data(as_text=True)
    page = client.post("/nl/report", data={"location_yaml": carried_yaml(html), "as_of": AS_OF})
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and '<html lang="nl">' in body
    assert verdict_of(body) == "non_compliant" and ">Niet conform</p>" in body.replace(
        ">niet conform", ">Niet conform"
    )


def test_every_page_forbids_requests_elsewhere_and_is_not_cached(client):
    for page in (client.get("/en/"), client.post("/en/check", data=form_of(SHIP))):
        csp = page.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "form-action 'self'" in csp
        assert page.headers["Cache-Control"] == "no-store"
        html = page.get_data(as_text=True)
        # one inline script, the one the policy names by its hash
        assert re.findall(r"<script>(.*?)</script>", html) in ([], [KEEP_SCRIPT])
        assert f"script-src '{KEEP_SCRIPT_HASH}'" in csp
        assert "http://" not in html.split("<main>", 1)[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_pages_answer_in_the_language_of_the_path(client, lang):
    page = client.get(f"/{lang}/nothing-here")
    assert page.status_code == 404
    assert t("web_not_found", lang) in unescape(page.get_data(as_text=True))


def test_serve_refuses_a_port_in_use_with_exit_2():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port), "--lang", "en"])
    assert result.exit_code == 2
    assert f"opvangtoets serve: cannot listen on 127.0.0.1:{port}" in result.output
    assert "choose another port with --port" in result.output


def test_as_of_defaults_to_today(client):
    html = client.post("/en/check", data={"name": "X"}).get_data(as_text=True)
    assert f"<dd>{formats.date(dt.date.today(), 'en')}</dd>" in html


def test_a_check_date_in_the_year_9999_is_a_problem_at_its_field_not_a_server_error(client):
    for lang, text in (
        ("en", "9999-01-01 is outside the dates the checker handles (1900-01-01 to 2200-12-31)"),
        (
            "nl",
            "9999-01-01 valt buiten de data die de toets aankan (1900-01-01 tot en met 2200-12-31)",
        ),
    ):
        page = client.post(f"/{lang}/check", data={"name": "X", "as_of": "9999-01-01"})
        assert page.status_code == 422
        assert text in unescape(page.get_data(as_text=True))


def test_a_table_with_more_locations_than_a_page_shows_is_refused_before_checking(checker):
    client = create_app(checker, max_locations=2).test_client()
    table = "id,name\na,A\nb,B\nc,C\n"
    page = upload(client, "en", "many.csv", table)
    html = unescape(page.get_data(as_text=True))
    assert page.status_code == 422
    assert "many.csv: 3 locations in one table, more than the 2 one page shows" in html
    assert t("web_too_many_hint", "en") in html


def test_an_id_made_from_a_dutch_name_keeps_its_letters(client):
    html = client.post("/nl/check", data={"name": "Noodopvang Ééndracht – Zuid (2026)"}).get_data(
        as_text=True
    )
    assert yaml.safe_load(carried_yaml(html))["id"] == "noodopvang-eendracht-zuid-2026"


# issue 21: the short first step, Dutch numbers, saving what was typed, words not field names


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1.200", "nl", 1200),
        ("1,4", "nl", 1.4),
        ("1.200,5", "nl", 1200.5),
        ("1.4", "nl", 1.4),  # the notation of a file is read in Dutch too
        ("1,200", "en", 1200),
        ("1.4", "en", 1.4),
        ("-3", "nl", -3),
        ("1,4", "en", None),  # in English a comma groups thousands: 1,4 is no number
        ("veel", "nl", None),
        ("NaN", "en", None),
    ],
)
def test_numbers_are_read_as_the_page_language_writes_them(text, lang, value):
    assert parse_decimal(text, lang) == value


def test_dutch_numbers_in_the_form_are_checked_and_said_how_they_were_read(client):
    data = {**form_of(SMALL_UNIT), "outdoor_play_area_m2": "1.200", "indoor_play_area_m2": "60,5"}
    html = unescape(client.post("/nl/check", data=data).get_data(as_text=True))
    location = yaml.safe_load(carried_yaml(html))
    assert location["outdoor_play_area_m2"] == 1200 and location["indoor_play_area_m2"] == 60.5
    readings = html.split('id="read-as"', 1)[1].split("</div>", 1)[0]
    assert "„1.200” gelezen als 1.200 (in het bestand: 1200)" in readings
    assert "„60,5” gelezen als 60,5 (in het bestand: 60.5)" in readings


def test_the_first_step_holds_the_fields_most_norms_read(client, checker):
    html = client.get("/en/").get_data(as_text=True)
    short = short_path(checker.library)
    on_page = set(re.findall(r'<div class="field[^"]*" id="field-([a-z0-9_]+)"', html))
    assert on_page == short | {"as_of"} and len(on_page) <= 15
    used = norms_by_field(checker.library)
    fewest_in = min(len(used[n]) for n in short - {"name"})
    assert all(len(v) <= fewest_in for n, v in used.items() if n not in short)
    assert 'href="/en/full"' in html and '<a class="skip" href="#check">' in html


def test_a_problem_on_the_first_step_shows_the_first_step_again(client):
    page = client.post("/nl/check", data={"short": "1", "name": "X", "children_count": "veel"})
    html = unescape(page.get_data(as_text=True))
    assert page.status_code == 422 and 'id="short-form"' in html
    assert 'value="veel"' in field_block(html, "children_count")
    assert html.count('role="alert"') == 1


def test_the_saved_file_keeps_what_was_typed_with_problems_as_comments(client, tmp_path):
    data = {
        "name": "Sporthal De Meent",
        "occupancy_total": "1.200",
        "children_count": "veel",
        "indoor_play_area_m2": "1,4",
        "populations_admitted": ["families", "single_adults"],
    }
    saved = client.post("/nl/save", data=data)
    assert saved.status_code == 200 and saved.mimetype == "application/yaml"
    assert saved.headers["Content-Disposition"] == 'attachment; filename="sporthal-de-meent.yaml"'
    text = saved.get_data(as_text=True)
    assert yaml.safe_load(text) == {
        "id": "sporthal-de-meent",
        "name": "Sporthal De Meent",
        "occupancy_total": 1200,
        "children_count": "veel",
        "indoor_play_area_m2": 1.4,
        "populations_admitted": ["families", "single_adults"],
    }
    assert (
        "# probleem: Minderjarigen die hier wonen (met of zonder ouders): verwacht een geheel "
        "getal, maar staat er 'veel'\nchildren_count: veel\n"
    ) in text
    back = upload(client, "nl", "sporthal-de-meent.yaml", text)
    html = unescape(back.get_data(as_text=True))
    assert back.status_code == 422 and 'id="location-form"' in html
    assert t("web_restored", "nl", file="sporthal-de-meent.yaml") in html
    assert 'value="1200"' in field_block(html, "occupancy_total")
    assert 'value="veel"' in field_block(html, "children_count")
    assert 'value="single_adults" checked' in field_block(html, "populations_admitted")


def test_find_out_next_opens_the_whole_form_at_the_field_with_the_facts(client):
    html = client.post("/en/check", data={"name": "Sporthal", "children_count": "30"})
    html = html.get_data(as_text=True)
    button = re.search(r'formaction="/en/edit\?at=([a-z0-9_]+)#f-\1"', html)
    assert button, "no find-out-next button"
    at = button.group(1)
    page = client.post(f"/en/edit?at={at}", data={"location_yaml": carried_yaml(html)})
    form = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="location-form"' in form
    theme = next(k for k, names in THEMES.items() if at in names)
    assert re.search(rf'<details class="theme" id="{theme}" open>', form)
    assert 'value="30"' in field_block(form, "children_count")


def test_upload_problems_use_labels_and_no_terminal_commands(client):
    text = "id: x\nname: y\ncapacity_total: veel\nsporthal: ja\n"
    html = unescape(upload(client, "nl", "x.yaml", text).get_data(as_text=True))
    words = html.split('id="problems"', 1)[1].split('<details class="technical">', 1)[0]
    assert "Regel 3: Aantal plaatsen waarvoor het gebouw is ontworpen" in words
    assert "capacity_total" not in words and "opvangtoets " not in words
    assert "x.yaml:3: veld 'capacity_total'" in html  # under "technical details"
