"""Sources and evidence in a location file, in every report, and facts that age (issue 16)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.cli import main
from checker.render.html import render_html
from checker.render.markdown import render_markdown

SILJA = Path(__file__).resolve().parent.parent / "cases/real/silja-europa-rotterdam-2025-04.yaml"
CONCLUDED = dt.date(2025, 4, 15)
SKIPR = "https://www.skipr.nl/nieuws/artsen-sturen-coa-brandbrief-over-opvangboot-silja-om-onveiligheid/"
NIEUWRECHTS = "https://nieuwrechts.nl/103773"


def _silja(tmp_path: Path, **evidence: dict) -> Path:
    data = yaml.safe_load(SILJA.read_text(encoding="utf-8"))
    for name, ev in evidence.items():
        data["evidence"][name] = ev
    path = tmp_path / "silja.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _finding(report, norm_id):
    return next(f for f in report.findings if f.norm_id == norm_id)


def test_real_case_links_findings_to_their_three_sources_in_json(checker) -> None:
    report = checker.check_file(SILJA, CONCLUDED, "en")
    data = report.to_dict()
    incidents = next(f for f in data["findings"] if f["norm_id"] == "CRC-19.incidents")
    assert incidents["outcome"] == "fail"
    violence = next(e for e in incidents["evidence"] if e["fact"] == "violence_or_abuse_reported")
    assert [s["id"] for s in violence["sources"]] == ["skipr-2025-04", "nieuwrechts-2025-04"]
    assert violence["sources"][0]["url"] == SKIPR
    assert violence["kind"] == "reported" and violence["date"] == "2025-04"
    assert incidents["rests_on"] == [] and incidents["may_be_out_of_date"] is False
    # three sources carry failing findings: each lists the findings resting on it
    by_id = {s["id"]: s["findings"] for s in data["sources"]}
    assert "CRC-19.incidents" in by_id["skipr-2025-04"]
    assert "CRC-19.incidents" in by_id["nieuwrechts-2025-04"]
    assert "RCD2013-17.2.outbreak" in by_id["rd-2025-04"]
    assert "RCD2013-17.2.outbreak" not in by_id["nieuwrechts-2025-04"]
    assert data["described_on"] == "2025-04-15"
    assert data["warnings"] == []  # every fact is from the month of the check


def test_real_case_links_findings_to_sources_in_html_and_markdown(checker) -> None:
    for lang in ("en", "nl"):
        report = checker.check_file(SILJA, CONCLUDED, lang)
        html = render_html(report, checker.library)
        row = re.search(
            r"<tr[^>]*>(?:(?!</tr>).)*CRC-19\.incidents(?:(?!</tr>).)*</tr>", html, re.S
        )
        assert row is not None
        assert f'href="{SKIPR}"' in row.group(0) and f'href="{NIEUWRECHTS}"' in row.group(0)
        sources = html.split('id="sources"', 1)[1]
        skipr = re.search(r'<li id="source-skipr-2025-04".*?</li>', sources, re.S).group(0)
        assert 'data-finding="CRC-19.incidents"' in skipr
        md = render_markdown(report, checker.library)
        section = md.split("CRC-19.incidents — ", 1)[1].split("\n### ", 1)[0]
        assert f"]({SKIPR})" in section and f"]({NIEUWRECHTS})" in section
        heading = "## Sources" if lang == "en" else "## Bronnen"
        skipr_line = next(
            line for line in md.split(heading, 1)[1].splitlines() if "skipr-2025-04" in line
        )
        assert "`CRC-19.incidents`" in skipr_line


def test_an_estimated_fact_makes_its_finding_say_so(checker, tmp_path) -> None:
    path = _silja(
        tmp_path,
        violence_or_abuse_reported={
            "source": "skipr-2025-04",
            "kind": "estimate",
            "date": "2025-04",
        },
    )
    said = {"en": "rests on an estimate", "nl": "berust op een schatting"}
    for lang, words in said.items():
        report = checker.check_file(path, CONCLUDED, lang)
        finding = _finding(report, "CRC-19.incidents")
        assert report.to_dict()["findings"][report.findings.index(finding)]["rests_on"] == [
            "estimate"
        ]
        assert f"({words})" in render_markdown(report, checker.library).split(
            "CRC-19.incidents — ", 1
        )[1].split("\n### ", 1)[0].replace("*", "")
        assert words in render_html(report, checker.library)
        result = CliRunner().invoke(
            main, ["check", str(path), "--as-of", "2025-04-15", "--lang", lang]
        )
        assert words in result.output
        # other firm failures decide the verdict: it does not rest on the estimate
        assert report.verdict_caveats == []


def test_a_verdict_resting_only_on_an_estimate_says_so(checker, tmp_path) -> None:
    path = tmp_path / "camp.yaml"
    path.write_text(
        "id: camp\nname: Kamp\nlocation_type: emergency_shelter\nchildren_count: 40\n"
        "violence_or_abuse_reported: true\n"
        "sources:\n  - {id: ngo, title: Brief}\n"
        "evidence:\n  violence_or_abuse_reported: {source: ngo, kind: estimate}\n",
        encoding="utf-8",
    )
    report = checker.check_file(path, CONCLUDED, "nl")
    assert report.verdict.value == "non_compliant"
    fails = [f.norm_id for f in report.findings if f.outcome.value == "fail"]
    assert fails and all(f in ("CRC-19.incidents", "EUAA-GEN-11.incidents") for f in fails), fails
    assert report.verdict_caveats == ["estimate"]
    assert report.to_dict()["verdict_rests_on"] == ["estimate"]
    assert "Dit oordeel berust op een schatting." in render_html(report, checker.library)


def test_a_fact_dated_2023_03_warns_as_of_2026_01_15(checker, tmp_path) -> None:
    path = _silja(
        tmp_path,
        occupancy_total={"source": "rd-2025-04", "kind": "reported", "date": "2023-03"},
    )
    report = checker.check_file(path, dt.date(2026, 1, 15), "en")
    old = [w for w in report.warnings if w.kind == "old_fact"]
    assert [w.facts for w in old] == [("occupancy_total",)] + [
        w.facts for w in old if w.facts != ("occupancy_total",)
    ]
    warning = next(w for w in old if w.facts == ("occupancy_total",))
    assert "March 2023" in warning.text("en") and "more than 12 months" in warning.text("en")
    assert "maart 2023" in warning.text("nl")
    # the opening date does not age: it stays true
    assert all(w.facts != ("opening_date",) for w in report.warnings)
    # the description itself (15 April 2025) is less than 12 months old
    assert not any(w.kind == "old_description" for w in report.warnings)


def test_fact_age_is_configurable(tmp_path) -> None:
    path = _silja(
        tmp_path,
        occupancy_total={"source": "rd-2025-04", "kind": "reported", "date": "2025-01"},
    )
    args = ["check", str(path), "--as-of", "2025-04-15", "--format", "json"]
    default = json.loads(CliRunner().invoke(main, args).output)
    assert not [w for w in default["warnings"] if w["kind"] == "old_fact"]
    strict = json.loads(CliRunner().invoke(main, [*args, "--max-fact-age", "2"]).output)
    assert [w["facts"] for w in strict["warnings"] if w["kind"] == "old_fact"] == [
        ["occupancy_total"]
    ]


def test_a_finding_resting_only_on_old_facts_may_be_out_of_date(checker, tmp_path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(
        "id: old\nname: Oud\ndescribed_on: 2023-03-01\nlocation_type: regular_azc\n"
        "children_count: 10\nschool_access_days_max: 200\n",
        encoding="utf-8",
    )
    report = checker.check_file(path, dt.date(2026, 1, 15), "en")
    school = next(
        f
        for f in report.findings
        if f.outcome.value == "fail" and "school_access_days_max" in f.facts
    )
    assert school.evidence.may_be_out_of_date
    (warning,) = [w for w in report.warnings if w.kind == "old_description"]
    assert "1 March 2023" in warning.text("en")
    assert "may be out of date" in render_html(report, checker.library)


def test_a_reported_fact_after_the_check_date_warns_with_file_and_line(checker, tmp_path) -> None:
    text = SILJA.read_text(encoding="utf-8").replace(
        "occupancy_total: {source: rd-2025-04, kind: reported, date: 2025-04}",
        "occupancy_total: {source: rd-2025-04, kind: reported, date: 2025-09-01}",
    )
    path = tmp_path / "later.yaml"
    path.write_text(text, encoding="utf-8")
    line = 1 + text.splitlines().index(
        "  occupancy_total: {source: rd-2025-04, kind: reported, date: 2025-09-01}"
    )
    report = checker.check_file(path, CONCLUDED, "en")
    (warning,) = [w for w in report.warnings if w.kind == "fact_after_check_date"]
    assert warning.facts == ("occupancy_total",)
    assert f"{path}:{line}" in warning.text("en") and f"{path}:{line}" in warning.text("nl")
    assert "1 September 2025" in warning.text("en")
    planned = tmp_path / "planned.yaml"
    planned.write_text(
        text.replace("kind: reported, date: 2025-09-01", "kind: planned, date: 2025-09-01")
    )
    report = checker.check_file(planned, CONCLUDED, "en")
    assert not [w for w in report.warnings if w.kind == "fact_after_check_date"]


def test_an_unknown_source_is_an_error_at_its_line_in_both_languages(tmp_path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: bad\nname: Bad\nchildren_count: 3\nsources:\n  - {id: ivj-2025, title: Rapport}\n"
        "evidence:\n  children_count: {source: [ivj-2024], kind: reported}\n",
        encoding="utf-8",
    )
    for lang, words in {
        "en": "source 'ivj-2024' is not in the file's list of sources",
        "nl": "bron 'ivj-2024' staat niet in de lijst met bronnen van het bestand",
    }.items():
        result = CliRunner().invoke(main, ["check", str(path), "--lang", lang])
        assert result.exit_code == 2
        assert f"{path}:7:" in result.output and words in result.output
        assert "ivj-2025" in result.output  # the did-you-mean
        assert "Traceback" not in result.output


def test_evidence_for_a_field_that_does_not_exist_is_an_error(tmp_path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: bad\nname: Bad\nsources:\n  - {id: a, title: A}\n"
        "evidence:\n  children_cuont: {source: a}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:6:" in result.output and "children_count" in result.output


def test_a_file_without_evidence_reports_as_before(checker) -> None:
    case = Path(__file__).resolve().parent.parent / "cases/ship-permit-holders.yaml"
    data = checker.check_file(case, dt.date(2026, 1, 15), "en").to_dict()
    assert "sources" not in data and "verdict_rests_on" not in data
    assert all("evidence" not in f for f in data["findings"])


def test_uploaded_evidence_survives_a_check_and_a_download_unchanged(checker, tmp_path) -> None:
    import io
    from html import unescape

    from checker.location.loader import load_location
    from checker.web.app import create_app

    app = create_app(checker)
    app.testing = True
    client = app.test_client()
    data = {"file": (io.BytesIO(SILJA.read_bytes()), SILJA.name), "as_of": "2025-04-15"}
    page = client.post("/en/upload", data=data, content_type="multipart/form-data")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'href="{SKIPR}"' in html  # the report shows the evidence
    carried = unescape(re.search(r'name="location_yaml" value="([^"]*)"', html).group(1))
    download = client.post("/en/download", data={"location_yaml": carried})
    assert download.status_code == 200
    saved = tmp_path / "silja.yaml"
    saved.write_bytes(download.data)
    again, original = load_location(saved), load_location(SILJA)
    assert again.model_dump() == original.model_dump()
    assert again.evidence["violence_or_abuse_reported"].source == [
        "skipr-2025-04",
        "nieuwrechts-2025-04",
    ]


def test_evidence_columns_of_a_table_become_sources_and_evidence(checker, tmp_path) -> None:
    from checker.location.table import location_from_row, read_table

    path = tmp_path / "sites.csv"
    path.write_text(
        "id,name,location_type,children_count,children_count__source,children_count__kind,"
        "children_count__date,school_access_days_max,school_access_days_max__source\n"
        "a,Hal A,emergency_shelter,40,https://www.inspectie-jenv.nl/x; Brief gemeente,estimate,"
        "2025-04,120,Brief gemeente\n",
        encoding="utf-8",
    )
    (row,) = list(read_table(path))
    location = location_from_row(row)
    assert [(s.id, s.title, s.url) for s in location.sources] == [
        ("src-1", "https://www.inspectie-jenv.nl/x", "https://www.inspectie-jenv.nl/x"),
        ("src-2", "Brief gemeente", None),
    ]
    assert location.evidence["children_count"].source == ["src-1", "src-2"]
    assert location.evidence["children_count"].kind.value == "estimate"
    assert location.evidence["school_access_days_max"].source == ["src-2"]
    report = checker.check(location, dt.date(2025, 5, 1), "nl")
    school = next(f for f in report.findings if f.norm_id == "RCD2013-14.2")
    assert school.outcome.value == "fail" and school.evidence.caveats == ["estimate"]


def test_every_real_case_names_a_source_for_each_fact_and_two_have_snapshots() -> None:
    from collections import Counter

    from checker.location.loader import load_location
    from checker.location.model import META_FIELDS

    files = sorted(SILJA.parent.glob("*.yaml"))
    ids: Counter[str] = Counter()
    for path in files:
        location = load_location(path)
        facts = {
            k
            for k in location.model_dump(exclude_none=True)
            if k not in META_FIELDS and k not in ("id", "name", "notes")
        }
        evidence = location.evidence or {}
        assert facts <= set(evidence), (path.name, facts - set(evidence))
        assert all(evidence[f].source for f in facts)
        assert location.described_on is not None, path.name
        ids[location.id] += 1
    assert sorted(n for n in ids.values() if n > 1) == [2, 3]
