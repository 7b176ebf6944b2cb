"""HTML and Markdown reports, the report JSON Schema, and `check --format/--output`.

Checks are made as of 15 January 2026 so the results do not drift with today's date.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from html import unescape
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import LABELS, LANGUAGES, t
from checker.location import labels as field_labels
from checker.location.loader import location_from_mapping
from checker.location.model import Location
from checker.render.html import render_html
from checker.render.markdown import render_markdown
from checker.report.schema import report_json_schema
from checker.testing.synthetic import random_location

CASES = sorted((Path(__file__).resolve().parent.parent / "cases").glob("*.yaml"))
AS_OF = dt.date(2026, 1, 15)
AS_OF_ARG = ["--as-of", AS_OF.isoformat()]
WEIGHTS = ["law", "court", "policy", "guidance"]
SEVERITIES = ["critical", "major", "minor"]
VOID = {"meta", "link", "col", "br", "img", "input", "hr", "source", "wbr"}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(
        resources.files("checker.schemas").joinpath("report.schema.json").read_text()
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.fixture(scope="module")
def reports(checker) -> dict[tuple[str, str], object]:
    return {
        (path.stem, lang): checker.check_file(path, AS_OF, lang)
        for path in CASES
        for lang in LANGUAGES
    }


def _errors(validator, instance) -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(instance)]


# --- the JSON Schema ---------------------------------------------------------------------


def test_the_committed_report_schema_is_current():
    committed = json.loads(
        resources.files("checker.schemas").joinpath("report.schema.json").read_text()
    )
    assert committed == report_json_schema(), (
        "regenerate: opvangtoets report-schema > checker/schemas/report.schema.json"
    )


def test_the_report_schema_command_prints_the_schema():
    result = CliRunner().invoke(main, ["report-schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == report_json_schema()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_json_of_one_shipped_case_is_valid_against_the_schema(validator, case, lang):
    result = CliRunner().invoke(
        main, ["check", str(case), "--format", "json", "--lang", lang, *AS_OF_ARG]
    )
    assert result.exit_code in (0, 1), result.output
    payload = json.loads(result.output)
    assert isinstance(payload, dict)
    assert _errors(validator, payload) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_json_of_all_cases_at_once_is_a_list_of_valid_reports(validator, lang):
    paths = [str(p) for p in CASES]
    result = CliRunner().invoke(
        main, ["check", *paths, "--format", "json", "--lang", lang, *AS_OF_ARG]
    )
    assert result.exit_code in (0, 1), result.output
    payload = json.loads(result.output)
    assert [r["location"]["id"] for r in payload] == [p.stem for p in CASES]
    for report in payload:
        assert _errors(validator, report) == []


def test_the_json_of_random_locations_is_valid_against_the_schema(checker, validator):
    rng = random.Random(4)
    for index in range(40):
        location = location_from_mapping(random_location(rng, index, 0.3), "<random>")
        for as_of in (AS_OF, dt.date(2026, 9, 1)):
            report = checker.check(location, as_of, rng.choice(LANGUAGES)).to_dict()
            assert _errors(validator, report) == [], location.id


def test_the_schema_rejects_a_failing_finding_without_a_remedy(reports, validator):
    report = reports[("hotel-crisis-amv", "en")].to_dict()
    failing = next(f for f in report["findings"] if f["outcome"] == "fail")
    del failing["remedy"]
    assert any("'remedy' is a required property" in e for e in _errors(validator, report))


def test_the_schema_rejects_a_key_the_contract_does_not_have(reports, validator):
    report = reports[("family-location", "en")].to_dict()
    report["score"]["median"] = 50
    assert any("'median' was unexpected" in e for e in _errors(validator, report))


def test_the_schema_rejects_a_verdict_that_does_not_exist(reports, validator):
    report = reports[("family-location", "nl")].to_dict()
    report["verdict"] = "conform"
    assert any("'conform' is not one of" in e for e in _errors(validator, report))


# --- reading the rendered HTML -------------------------------------------------------------


class _Elements(HTMLParser):
    """Every element with its attributes and its whole text, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.done: list[tuple[str, dict, str]] = []
        self.open: list[tuple[str, dict, list[str], int]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            self.done.append((tag, dict(attrs), ""))
        else:
            self.open.append((tag, dict(attrs), [], len(self.done)))

    def handle_startendtag(self, tag, attrs):
        self.done.append((tag, dict(attrs), ""))

    def handle_endtag(self, tag):
        while self.open:
            name, attrs, text, at = self.open.pop()
            self.done.insert(at, (name, attrs, " ".join("".join(text).split())))
            if name == tag:
                break

    def handle_data(self, data):
        for _, _, text, _ in self.open:
            text.append(data)


def _elements(html: str) -> list[tuple[str, dict, str]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.done


def _classes(attrs: dict) -> set[str]:
    return set((attrs.get("class") or "").split())


def _labels(lang: str) -> set[str]:
    """The catalog's labels and the location fields' labels (page one's key facts)."""
    fields = {field_labels.label(name, lang) for name in Location.model_fields}
    texts = [v[lang] for v in LABELS.values()]  # a plural entry holds one text per form
    labels = {s.casefold() for x in texts for s in (x.values() if isinstance(x, dict) else [x])}
    return labels | {x.casefold() for x in fields}


def _other_language_labels(lang: str) -> set[str]:
    other = next(x for x in LANGUAGES if x != lang)
    return _labels(other) - _labels(lang)


def _label_texts_html(html: str) -> list[str]:
    """Texts that must be labels: headings of sections, table heads, field names, tags."""
    texts = []
    for tag, attrs, text in _elements(html):
        cls = _classes(attrs)
        if tag in ("h2", "h3", "th", "dt") or {"badge", "tag", "label", "kicker"} & cls:
            texts.append(text)
    return texts


# --- HTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_label_in_the_html_report_is_in_the_report_language(checker, reports, case, lang):
    report = reports[(case.stem, lang)]
    html = render_html(report, checker.library)
    own, foreign = _labels(lang), _other_language_labels(lang)
    fix_titles = {f"{f.title} {f.norm_id}" for f in report.findings}
    texts = [x for x in _label_texts_html(html) if x not in fix_titles]
    assert len(texts) > 30
    assert [x for x in texts if x.casefold() in foreign] == []
    assert [x for x in texts if x.casefold() not in own] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_norm_text_of_the_other_language_appears_in_a_report(checker, reports, lang):
    other = next(x for x in LANGUAGES if x != lang)
    foreign = set()
    for lib_norm in checker.library.norms:
        norm = lib_norm.norm
        for text in (norm.title, norm.remedy):
            if getattr(text, other) != getattr(text, lang):
                foreign.add(getattr(text, other))
    for path in CASES:
        report = reports[(path.stem, lang)]
        html = unescape(render_html(report, checker.library))
        for document in (html, render_markdown(report)):
            leaked = [s for s in foreign if s in document]
            assert leaked == [], path.stem


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_html_report_shows_the_verdict_badge_and_fixes_in_order_of_weight(
    checker, reports, case
):
    report = reports[(case.stem, "nl")]
    elements = _elements(render_html(report, checker.library))
    badge = [(a, text) for tag, a, text in elements if "badge" in _classes(a)]
    assert len(badge) == 1
    assert badge[0][0]["data-verdict"] == report.verdict.value
    assert badge[0][1] == t(report.verdict.value, "nl")
    failing = [f for f in report.findings if f.outcome.value == "fail"]
    expected = sorted(
        failing,
        key=lambda f: (WEIGHTS.index(f.weight), SEVERITIES.index(f.severity), f.norm_id),
    )
    shown = [a["data-norm"] for tag, a, _ in elements if tag == "tr" and "data-norm" in a]
    assert shown == [f.norm_id for f in expected]
    links = {a["href"] for tag, a, _ in elements if tag == "a" and "citation" in _classes(a)}
    assert {f.citation.url for f in failing} <= links


def test_the_html_report_of_the_hotel_puts_a_critical_law_norm_first(checker, reports):
    report = reports[("hotel-crisis-amv", "en")]
    elements = _elements(render_html(report, checker.library))
    first = next(a["data-norm"] for tag, a, _ in elements if tag == "tr" and "data-norm" in a)
    finding = next(f for f in report.findings if f.norm_id == first)
    assert (finding.weight, finding.severity, finding.outcome.value) == ("law", "critical", "fail")


def test_the_chart_shows_the_range_where_facts_are_unknown(checker, reports):
    report = reports[("office-emergency-shelter", "en")]
    elements = _elements(render_html(report, checker.library))
    rows = [a for tag, a, _ in elements if tag == "g" and "row" in _classes(a)]
    overall = report.score.overall
    dims = report.score.dimensions
    assert (rows[0]["data-low"], rows[0]["data-high"]) == (str(overall.low), str(overall.high))
    assert overall.low < overall.high
    shown = {(r["data-low"], r["data-high"]) for r in rows[1:]}
    assert shown == {(str(r.low), str(r.high)) for r in dims.values()}
    open_ranges = [a for tag, a, _ in elements if tag == "rect" and "open" in _classes(a)]
    assert len(open_ranges) == 1 + sum(1 for r in dims.values() if r.high > r.low)


def test_the_html_report_loads_nothing_from_elsewhere(checker, reports):
    for (_, lang), report in reports.items():
        html = render_html(report, checker.library)
        elements = _elements(html)
        assert [tag for tag, a, _ in elements if tag in ("script", "link", "img", "iframe")] == []
        assert [a for _, a, _ in elements if "src" in a] == []
        hrefs = [a["href"] for tag, a, _ in elements if tag == "a"]
        assert all(h.startswith("https://") for h in hrefs)
        assert "@import" not in html and "@font-face" not in html
        assert set(re.findall(r"url\((.)", html)) <= {"#"}
        assert f'<html lang="{lang}">' in html


def test_the_html_report_escapes_what_the_location_file_says(checker):
    location = location_from_mapping(
        {"id": "x", "name": "<script>alert(1)</script> & co", "location_type": "other"}, "x.yaml"
    )
    html = render_html(checker.check(location, AS_OF, "en"), checker.library)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


# --- Markdown ------------------------------------------------------------------------------


def _headings(md: str) -> list[str]:
    return [m.group(2) for m in re.finditer(r"^(#{2,3}) (.+)$", md, re.MULTILINE)]


def _table_heads(md: str) -> list[str]:
    lines = md.splitlines()
    heads = []
    for above, line in zip(lines, lines[1:], strict=False):
        if re.fullmatch(r"\|(-+:?\|)+", line.replace("--:", "---").replace(":", "")):
            heads += [c.strip() for c in above.strip("|").split("|") if c.strip()]
    return heads


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_label_in_the_markdown_report_is_in_the_report_language(checker, reports, case, lang):
    report = reports[(case.stem, lang)]
    md = render_markdown(report, checker.library)
    fixes = [f for f in report.findings if f.outcome.value == "fail"]
    fix_headings = {f"{f.norm_id} — {f.title}" for f in fixes}
    texts = [h for h in _headings(md) if re.sub(r"^\d+\. ", "", h) not in fix_headings]
    texts += [re.sub(r"^\*\*(.*)\*\*$", r"\1", c) for c in _table_heads(md)]
    texts += re.findall(r"^- \*\*(.+?):?\*\*:?", md, re.MULTILINE)
    assert len(texts) > 20
    own, foreign = _labels(lang), _other_language_labels(lang)
    assert [x for x in texts if x.casefold() in foreign] == []
    assert [x for x in texts if x.casefold() not in own] == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_markdown_report_has_the_sections_of_the_html_report_in_order(checker, reports, case):
    report = reports[(case.stem, "en")]
    md = render_markdown(report, checker.library)
    keys = [
        "score_by_dimension",
        "fix_first",
        "what_to_find_out",
        "coming_changes",
        "all_findings",
        "technical_details",
        "verdict_defined",
    ]
    sections = [h for h in _headings(md) if h in {t(k, "en") for k in keys}]
    assert sections == [t(k, "en") for k in keys]
    assert md.startswith(f"# {report.location.name}\n")
    assert f"**Verdict: {t(report.verdict.value, 'en').upper()}**" in md
    for f in report.findings:
        if f.outcome.value == "fail":
            assert f"]({f.citation.url})" in md
            assert f"{f.norm_id} — {f.title}\n" in md
    for fact in report.facts_to_collect:
        assert f"| {field_labels.label(fact.field, 'en')} |" in md  # words, not field names


# --- check --format/--output ---------------------------------------------------------------


def test_one_location_is_written_to_the_file_given(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["check", str(CASES[0]), "--format", "html", "--output", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"written: {out}\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_several_locations_are_written_one_file_each_into_the_directory(tmp_path):
    out = tmp_path / "reports"
    result = CliRunner().invoke(
        main, ["check", *map(str, CASES), "--format", "md", "--output", str(out), *AS_OF_ARG]
    )
    assert result.exit_code == 1  # some shipped cases are not compliant
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.md" for p in CASES)
    assert result.output.count("geschreven: ") == len(CASES)
    hotel = (out / "hotel-crisis-amv.md").read_text(encoding="utf-8")
    assert "**Oordeel: NIET CONFORM**" in hotel


def test_several_json_reports_written_to_a_directory_are_each_valid(tmp_path, validator):
    out = tmp_path / "json"
    paths = [str(CASES[0]), str(CASES[1])]
    result = CliRunner().invoke(main, ["check", *paths, "--format", "json", "--output", str(out)])
    assert result.exit_code in (0, 1), result.output
    for path in CASES[:2]:
        report = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert report["location"]["file"] == str(path)
        assert _errors(validator, report) == []


def test_several_html_reports_without_output_are_refused_with_exit_code_2():
    result = CliRunner().invoke(main, ["check", *map(str, CASES), "--format", "html"])
    assert result.exit_code == 2
    assert "several HTML reports" not in result.output
    assert "meerdere HTML-rapporten passen niet in één document: geef --output MAP" in (
        result.output
    )


def test_several_reports_into_an_existing_file_are_refused_with_exit_code_2(tmp_path):
    target = tmp_path / "taken"
    target.write_text("keep me")
    result = CliRunner().invoke(
        main,
        ["check", *map(str, CASES), "--format", "md", "--output", str(target), "--lang", "en"],
    )
    assert result.exit_code == 2
    assert (
        f"{target}: several reports need a directory here, not a file: give --output DIRECTORY"
        in result.output
    )
    assert target.read_text() == "keep me"


def test_a_report_that_cannot_be_written_is_reported_with_exit_code_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    out = blocker / "report.html"  # a path below a file cannot be created
    result = CliRunner().invoke(
        main, ["check", str(CASES[0]), "--format", "html", "--output", str(out), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert f"{out}: cannot write the report:" in result.output
    assert "Traceback" not in result.output


def test_one_markdown_report_goes_to_the_screen_without_output():
    result = CliRunner().invoke(
        main, ["check", str(CASES[0]), "--format", "md", "--lang", "en", *AS_OF_ARG]
    )
    assert result.exit_code == 0
    assert result.output.startswith("# Gezinslocatie Het Veld (fictief)\n")
    assert "## What to fix first" in result.output
