"""Issue 21: the JSON API beside the web page (`/api/v1/check`, `/api/v1/audit`).

Every shipped case posted as JSON gets the report `opvangtoets check --format json` prints;
a broken location gets RFC 9457 problem details naming the field and line; only JSON and
YAML bodies are read, no CORS preflight is answered, the OpenAPI document validates.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import test_serve_browser
import yaml
from click.testing import CliRunner

from checker.cli import main
from checker.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
SMALL_UNIT = ROOT / "cases" / "small-unit-amv-13-14.yaml"
AS_OF = "2026-01-15"
server = test_serve_browser.server  # the real `opvangtoets serve` on a free loopback port


@pytest.fixture(scope="module")
def client(checker):
    return create_app(checker).test_client()


def as_json(case: Path) -> str:
    return json.dumps(yaml.safe_load(case.read_text()), default=dt.date.isoformat)


def cli_report(case: Path, lang: str) -> dict:
    result = CliRunner().invoke(
        main, ["check", str(case), "--as-of", AS_OF, "--format", "json", "--lang", lang]
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_shipped_case_gets_the_report_the_cli_gives(client, case):
    answer = client.post(
        f"/api/v1/check?as_of={AS_OF}&lang=en", data=as_json(case), content_type="application/json"
    )
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    got, expected = answer.get_json(), cli_report(case, "en")
    assert got["location"].pop("file") == "request.json"
    expected["location"].pop("file")
    assert got["verdict"] == expected["verdict"]
    assert got == expected


def test_yaml_bodies_and_dutch_are_read_too(client):
    answer = client.post(
        f"/api/v1/check?as_of={AS_OF}&lang=nl",
        data=SMALL_UNIT.read_bytes(),
        content_type="application/yaml",
    )
    assert answer.status_code == 200
    assert answer.get_json()["verdict"] == cli_report(SMALL_UNIT, "nl")["verdict"] == "compliant"
    assert answer.get_json()["lang"] == "nl"


def test_a_broken_location_gets_problem_details_naming_the_field_and_line(client):
    text = SMALL_UNIT.read_text().replace("capacity_total: 16", "capacity_total: zestien")
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("capacity_total"))
    answer = client.post(
        "/api/v1/check?lang=en", data=text.encode(), content_type="application/yaml"
    )
    assert answer.status_code == 422
    assert answer.mimetype == "application/problem+json"
    body = answer.get_json()
    assert body["status"] == 422 and body["title"] == "Nothing was checked"
    assert body["errors"] == [
        {
            "file": "request.yaml",
            "line": line,
            "field": "capacity_total",
            "message": "expected a whole number, got 'zestien'",
            "hint": None,
            "text": f"request.yaml:{line}: field 'capacity_total': "
            "expected a whole number, got 'zestien'",
        }
    ]


def test_a_wrong_date_parameter_is_a_problem_of_the_parameter(client):
    answer = client.post(
        "/api/v1/check?as_of=2026-02-30&lang=en",
        data=as_json(SMALL_UNIT),
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert answer.get_json()["errors"][0]["field"] == "as_of"
    assert "'2026-02-30' is not a date" in answer.get_json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "kind", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "text/csv"]
)
def test_only_json_and_yaml_bodies_are_read(client, kind):
    answer = client.post("/api/v1/check?lang=en", data=as_json(SMALL_UNIT), content_type=kind)
    assert answer.status_code == 415
    assert answer.mimetype == "application/problem+json"
    assert answer.get_json()["title"].startswith("The body must be application/json")


def test_no_cors_preflight_is_answered(client):
    answer = client.options(
        "/api/v1/check",
        headers={"Origin": "https://planning.example", "Access-Control-Request-Method": "POST"},
    )
    assert answer.status_code == 405
    assert not [h for h in answer.headers.keys() if h.lower().startswith("access-control")]


def test_an_audit_checks_a_list_and_reports_a_bad_row_without_losing_the_rest(client):
    good = yaml.safe_load(SMALL_UNIT.read_text())
    rows = [good, {"id": "broken", "name": "Kapot", "capacity_total": "veel"}, good]
    answer = client.post(
        f"/api/v1/audit?as_of={AS_OF}&lang=en",
        data=json.dumps(rows, default=dt.date.isoformat),
        content_type="application/json",
    )
    assert answer.status_code == 200
    body = answer.get_json()
    assert [r["verdict"] for r in body["locations"]] == ["compliant", "compliant"]
    assert body["errors"] == [
        {
            "file": "request.json[1]",
            "line": 1,
            "problems": ["request.json[1]:1: field 'capacity_total': "
                         "expected a whole number, got 'veel'"],
        }
    ]  # fmt: skip
    assert body["summary"]["locations_checked"] == 2
    assert body["summary"]["could_not_check"] == 1


def test_an_audit_of_something_else_than_a_list_is_refused(client):
    answer = client.post(
        "/api/v1/audit?lang=en", data=as_json(SMALL_UNIT), content_type="application/json"
    )
    assert answer.status_code == 422
    assert answer.get_json()["errors"][0]["message"] == "not a list of locations"


def test_a_body_over_the_upload_limit_is_refused_with_problem_details(checker, monkeypatch):
    monkeypatch.setenv("OPVANGTOETS_MAX_FILE_BYTES", "1000")
    small = create_app(checker).test_client()
    answer = small.post(
        "/api/v1/check?lang=en", data=b"x" * 70_000, content_type="application/yaml"
    )
    assert answer.status_code == 413
    assert answer.mimetype == "application/problem+json"


def test_the_openapi_document_validates_and_describes_both_operations(client):
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").get_json()
    validate(document)
    assert set(document["paths"]) == {"/api/v1/check", "/api/v1/audit"}
    check = document["paths"]["/api/v1/check"]["post"]
    assert set(check["requestBody"]["content"]) == {"application/json", "application/yaml"}
    assert {p["name"] for p in check["parameters"]} == {"as_of", "lang"}


def test_the_real_server_checks_the_host_and_the_size_for_the_api_too(server):
    import http.client
    import socket
    import urllib.parse

    address = urllib.parse.urlsplit(server)

    def post(body: bytes, host: str) -> tuple[int, str, dict]:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        headers = {"Content-Type": "application/json", "Host": host}
        connection.request("POST", "/api/v1/check?lang=en", body=body, headers=headers)
        answer = connection.getresponse()
        result = answer.status, answer.getheader("Content-Type"), json.loads(answer.read())
        connection.close()
        return result

    status, kind, body = post(as_json(SMALL_UNIT).encode(), "planning.example")
    assert (status, kind) == (400, "application/problem+json")
    assert "planning.example" in body["title"]
    status, kind, body = post(as_json(SMALL_UNIT).encode(), address.netloc)
    assert status == 200 and kind == "application/json" and body["verdict"] == "compliant"
    # over the 5 MiB upload limit: refused as soon as the length is announced
    with socket.create_connection((address.hostname, address.port), timeout=60) as raw:
        raw.sendall(
            b"POST /api/v1/check HTTP/1.1\r\nHost: " + address.netloc.encode()
            + b"\r\nContent-Type: application/json\r\nContent-Length: 6291456\r\n\r\n"
        )  # fmt: skip
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    head, _, data = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413") and b"application/problem+json" in head
    assert "5 MiB" in json.loads(data)["title"]
