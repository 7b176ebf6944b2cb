"""`opvangtoets audit`: inputs of every kind, nothing lost, all outputs, waivers."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError
from checker.location.model import Location
from checker.location.table import csv_header, location_from_row, read_table, record_cell
from checker.report.schema import report_json_schema
from checker.testing.synthetic import random_location

CASES = Path(__file__).parent.parent / "cases"
# The shipped, illustrative cases; the real ones in cases/real/ have their own golden test.
SHIPPED = [str(p) for p in sorted(CASES.glob("*.yaml"))]
AS_OF = "2026-01-15"


def _cell(value) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return record_cell(value)
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _portfolio(tmp_path: Path) -> tuple[Path, Path]:
    """50 valid YAML files, 1 broken YAML file, a CSV table of 20 rows with 2 bad rows."""
    folder = tmp_path / "portfolio"
    (folder / "north").mkdir(parents=True)
    rng = random.Random(5)
    for i in range(50):
        sub = folder / "north" if i % 2 else folder
        data = random_location(rng, i)
        (sub / f"loc-{i:02}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    (folder / "loc-broken.yaml").write_text("id: broken\nname: [unclosed\n", encoding="utf-8")
    header = csv_header()
    rows = []
    for i in range(20):
        data = random_location(rng, 100 + i)
        if i == 4:
            data["children_count"] = "many"
        if i == 11:
            data["location_type"] = "castle"
        rows.append([_cell(data[name]) if name in data else "" for name in header])
    table = folder / "table.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return folder, table


def test_audit_of_a_portfolio_with_bad_inputs(tmp_path):
    folder, table = _portfolio(tmp_path)
    out = {kind: tmp_path / f"audit.{kind}" for kind in ("csv", "json", "html")}
    args = ["audit", str(folder), "--as-of", AS_OF, "--lang", "en", "--workers", "2"]
    for kind, path in out.items():
        args += [f"--{kind}", str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "68 locations checked, 3 could not be checked" in result.output
    # the errors name file and line
    assert f"{folder / 'loc-broken.yaml'}:2: not valid YAML" in result.output
    assert f"{table}:6: field 'children_count': expected a whole number, got 'many'" in (
        result.output
    )
    assert f"{table}:13: field 'location_type': 'castle' is not an allowed value" in (result.output)

    with out["csv"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 71
    errors = [r for r in rows if r["error"]]
    assert [r["file"] for r in errors] == [
        str(folder / "loc-broken.yaml") + ":2",  # where the unclosed list starts
        f"{table}:6",
        f"{table}:13",
    ]
    checked = [r for r in rows if not r["error"]]
    assert len(checked) == 68
    for row in checked:
        assert row["verdict"] in {
            "non_compliant",
            "insufficient_information",
            "compliant_with_concerns",
            "compliant",
        }
        failing = [n for n in row["failing_norms"].split(";") if n]
        per_weight = sum(int(row[f"failures_{w}"]) for w in ("law", "court", "policy", "guidance"))
        assert per_weight == len(failing)

    report = json.loads(out["json"].read_text(encoding="utf-8"))
    assert len(report["locations"]) == 68
    assert len(report["errors"]) == 3
    assert report["summary"]["locations_checked"] == 68
    assert report["summary"]["could_not_check"] == 3
    assert sum(report["summary"]["verdicts"].values()) == 68
    # input order: the table rows after the YAML files, in row order
    ids = [loc["location"]["id"] for loc in report["locations"]]
    expected_csv_ids = [f"synthetic-{100 + i}" for i in range(20) if i not in (4, 11)]
    assert ids[-18:] == expected_csv_ids
    assert [r["id"] for r in checked] == ids
    first = report["locations"][0]
    assert {"verdict", "score", "findings", "facts_to_collect", "coming_changes"} <= set(first)
    assert first["verdict"] == checked[0]["verdict"]

    page = out["html"].read_text(encoding="utf-8")
    assert page.count('<details class="location"') == 68  # collapsed (issue 18)
    assert 'href="#loc-68"' in page and 'id="loc-68"' in page
    assert "castle" in page and "loc-broken.yaml:2" in page
    assert page.count("<td class=f>") == sum(
        1 for loc in report["locations"] for f in loc["findings"] if f["outcome"] == "fail"
    )


LOCAL_NORMS = Path(__file__).parent.parent / "examples" / "local-norms"


@pytest.mark.parametrize("norms", [[], ["--norms-dir", str(LOCAL_NORMS)]])
def test_results_are_the_same_with_one_or_two_workers(tmp_path, norms):
    """Byte for byte: the summary (counted per chunk in the workers), the CSV and the JSON;
    with local norms too (forked workers have the parent's library, not one they load)."""
    folder, _ = _portfolio(tmp_path)
    outputs = []
    for workers in ("1", "2"):
        csv_path, json_path = tmp_path / f"w{workers}.csv", tmp_path / f"w{workers}.json"
        args = ["audit", str(folder), "--as-of", AS_OF, "--workers", workers, *norms]
        result = CliRunner().invoke(main, [*args, "--csv", str(csv_path), "--json", str(json_path)])
        assert "68 locaties getoetst, 3 niet te toetsen" in result.stdout
        outputs.append(
            (
                result.exit_code,
                result.stdout,
                result.stderr,
                csv_path.read_bytes(),
                json_path.read_bytes(),
            )
        )
    assert outputs[0] == outputs[1]
    assert (b"GEM-VOORBEELD-1" in outputs[0][4]) == bool(norms)  # the local norm was checked


def test_exit_codes_without_errors():
    runner = CliRunner()
    good = runner.invoke(
        main, ["audit", str(CASES / "small-unit-amv-13-14.yaml"), "--as-of", AS_OF]
    )
    assert good.exit_code == 0, good.output
    bad = runner.invoke(main, ["audit", *SHIPPED, "--as-of", AS_OF, "--workers", "1"])
    assert bad.exit_code == 1, bad.output
    shipped = len(list(CASES.glob("*.yaml")))
    assert f"{shipped} locaties getoetst" in bad.output  # Dutch by default


# CSV tables -----------------------------------------------------------------------


def test_csv_header_is_every_location_field_in_model_order():
    # sources and evidence have columns of their own: <field>__source, __kind, __date (issue 16)
    assert csv_header() == [n for n in Location.model_fields if n not in ("sources", "evidence")]
    assert csv_header()[:2] == ["id", "name"]


def test_csv_cells_lists_dates_and_empty_cells(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(
        "id,name,populations_admitted,opening_date,children_count,drinking_water_24_7,"
        "persons_per_toilet,operator\n"
        "a-1,Eerste,families; unaccompanied_minors,2025-03-01,12,TRUE,7.5,\n",
        encoding="utf-8",
    )
    (row,) = read_table(table)
    location = location_from_row(row)
    assert [p.value for p in location.populations_admitted] == ["families", "unaccompanied_minors"]
    assert location.opening_date.isoformat() == "2025-03-01"
    assert location.children_count == 12
    assert location.drinking_water_24_7 is True
    assert location.persons_per_toilet == 7.5
    assert location.operator is None  # an empty cell is unknown


def test_csv_errors_name_file_and_row(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("id,name,opening_date,drinkwater\nb-1,B,1-3-2025,true\n", encoding="utf-8")
    header, row = read_table(table)  # a wrong column is the header's problem, once (issue 18)
    assert header.render("en").startswith(
        f"{table}:1: column 'drinkwater' is not a location field: did you mean "
        "'drinking_water_24_7'?"
    )
    with pytest.raises(InputError) as info:
        location_from_row(row)
    rendered = [p.render("en") for p in info.value.problems]
    assert rendered == [
        f"{table}:2: field 'opening_date': expected a date (YYYY-MM-DD), got '1-3-2025'",
    ]


# waivers --------------------------------------------------------------------------

PROCESS = CASES / "process-location-amv-80.yaml"


def _failures(report: dict) -> dict[str, str]:
    """Failing norm id -> weight, as the unwaived audit reports them."""
    return {f["norm_id"]: f["weight"] for f in report["findings"] if f["outcome"] == "fail"}


def _waivers(path: Path, expiries: dict[str, str]) -> Path:
    entries = [
        {
            "norm": norm,
            "location": "process-location-amv-80",
            "justification": f"accepted deviation for {norm}",
            "accepted_by": "regional manager",
            "expires": expires,
        }
        for norm, expires in expiries.items()
    ]
    path.write_text(yaml.safe_dump({"waivers": entries}), encoding="utf-8")
    return path


def _audit_json(tmp_path: Path, *extra: str) -> tuple[int, dict]:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        main,
        ["audit", str(PROCESS), "--as-of", AS_OF, "--workers", "1", "--json", str(out), *extra],
    )
    return result.exit_code, json.loads(out.read_text(encoding="utf-8"))


def test_waived_failures_flip_a_non_compliant_case(tmp_path):
    code, before = _audit_json(tmp_path)
    assert (code, before["locations"][0]["verdict"]) == (1, "non_compliant")
    binding = sorted(
        n for n, w in _failures(before["locations"][0]).items() if w in ("law", "court")
    )
    assert "CRC-16" in binding and len(binding) > 1

    waivers = _waivers(tmp_path / "w.yaml", dict.fromkeys(binding, "2026-12-31"))
    code, after = _audit_json(tmp_path, "--waivers", str(waivers))
    location = after["locations"][0]
    # the next verdict: what the location gets once its binding failures do not count
    binding_unknown = any(
        f["outcome"] == "unknown" and f["weight"] in ("law", "court")
        for f in before["locations"][0]["findings"]
    )
    expected = "insufficient_information" if binding_unknown else "compliant_with_concerns"
    assert (code, location["verdict"]) == (1 if binding_unknown else 0, expected)
    waived = {f["norm_id"]: f for f in location["findings"] if "waiver" in f}
    assert sorted(waived) == binding
    for finding in waived.values():
        assert finding["outcome"] == "fail"  # never a pass
        assert finding["waiver"]["status"] == "waived"
        assert finding["waiver"]["justification"].startswith("accepted deviation for")
    assert after["summary"]["waived_failures"] == len(binding)
    # each location in the audit JSON is a report of the published schema, waivers included
    schema = jsonschema.Draft202012Validator(report_json_schema())
    assert [e.message for e in schema.iter_errors(location)] == []
    assert location["score"] == before["locations"][0]["score"]  # the score is not changed

    # --no-waivers ignores the file
    code, ignored = _audit_json(tmp_path, "--waivers", str(waivers), "--no-waivers")
    assert ignored["locations"][0]["verdict"] == "non_compliant"


def test_an_expired_waiver_still_counts(tmp_path):
    failures = _failures(_audit_json(tmp_path)[1]["locations"][0])
    binding = [n for n, w in failures.items() if w in ("law", "court")]
    expiries = dict.fromkeys(binding, "2026-12-31")
    expiries["CRC-16"] = "2025-12-31"  # before the as-of date
    waivers = _waivers(tmp_path / "w.yaml", expiries)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        main,
        ["audit", str(PROCESS), "--as-of", AS_OF, "--waivers", str(waivers), "--csv", str(out)],
    )
    assert result.exit_code == 1
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["verdict"] == "non_compliant"
    others = {n for n, w in failures.items() if w not in ("law", "court")}
    assert set(row["failing_norms"].split(";")) == {"CRC-16"} | others
    policy = sum(1 for w in failures.values() if w == "policy")
    assert (row["failures_law"], row["failures_policy"]) == ("1", str(policy))
    assert row["expired_waivers"] == "CRC-16"
    assert len(row["waived_norms"].split(";")) == len(binding) - 1
    assert (
        f"{len(binding) - 1} failures waived, 1 waivers expired"
        in CliRunner()
        .invoke(
            main,
            ["audit", str(PROCESS), "--as-of", AS_OF, "--waivers", str(waivers), "--lang", "en"],
        )
        .output
    )


def test_a_malformed_waiver_file_stops_the_run(tmp_path):
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - norm: CRC-3.1\n"
        "    location: process-location-amv-80\n"
        "    justification: ok\n"
        "    accepted_by: me\n"
        "    expires: soon\n"
        "  - norm: CRC-3.9\n"
        "    location: x\n"
        "    justification: ok\n"
        "    accepted_by: me\n"
        "    expires: 2026-12-31\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        main,
        ["audit", str(PROCESS), "--waivers", str(waivers), "--csv", str(out), "--lang", "en"],
    )
    assert result.exit_code == 2
    assert f"{waivers}:6: waivers.0.expires:" in result.output
    assert not out.exists()  # nothing was checked

    waivers.write_text(waivers.read_text().replace("soon", "2026-12-31"), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(PROCESS), "--waivers", str(waivers)])
    assert result.exit_code == 2
    assert f"{waivers}:7: onbekende norm-id 'CRC-3.9'" in result.output


def test_an_audit_over_the_location_limit_is_refused_before_any_is_checked(tmp_path):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        main, ["audit", *SHIPPED, "--max-locations", "2", "--csv", str(out), "--lang", "en"]
    )
    shipped = len(list(CASES.glob("*.yaml")))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"opvangtoets audit: too large: location files in one run {shipped}, more than the "
        "limit of 2 — set OPVANGTOETS_MAX_LOCATIONS to raise the limit (or use --max-locations)"
    )
    assert not out.exists()


def test_an_unwritable_output_is_refused_before_any_is_checked(tmp_path):
    target = tmp_path / "no-such-dir" / "out.json"
    result = CliRunner().invoke(main, ["audit", str(PROCESS), "--json", str(target)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{target}: kan de uitvoer niet schrijven: No such file or directory — kies een ander pad"
    )
    assert "getoetst" not in result.output


def test_the_audit_verdict_and_score_are_the_reports_with_waivers_taken_out(checker):
    """The audit computes verdict, score and layer counts in its own pass (for speed); they must
    be what the checker's report gives, with active waivers taken out of the verdict only."""
    from checker.audit.run import AuditInput, AuditOptions, run_audit
    from checker.audit.waivers import Waiver, Waivers
    from checker.library.model import Outcome
    from checker.location.loader import location_from_mapping
    from checker.report.verdict import Verdict, layers, score, verdict

    as_of = dt.date.fromisoformat(AS_OF)
    rng = random.Random(11)
    datas = [random_location(rng, i, rng.choice([0.0, 0.1, 0.5])) for i in range(300)]
    # random locations seldom meet every norm: the shipped compliant case stands for that verdict
    compliant = yaml.safe_load((CASES / "small-unit-amv-13-14.yaml").read_text(encoding="utf-8"))
    datas.append(compliant)
    reports = [
        checker.check(location_from_mapping(d, "x"), as_of, "en", look_ahead=False) for d in datas
    ]
    waivers: list[Waiver] = []
    for data, report in zip(datas, reports, strict=True):
        fails = [f.norm_id for f in report.findings if f.outcome == Outcome.fail]
        mode = rng.choice(["none", "some", "all"])
        chosen = {"none": [], "some": rng.sample(fails, min(len(fails), 3)), "all": fails}[mode]
        for norm_id in chosen:
            # every failure waived and in force: the location's binding failures stop counting
            days = 30 if mode == "all" else rng.choice([-1, 0, 30])  # -1: expired
            expires = as_of + dt.timedelta(days=days)
            waivers.append(Waiver(norm_id, data["id"], "why", "who", expires, "w.yaml", 1))
    options = AuditOptions(as_of, "en", waivers=Waivers(waivers))
    inputs = [AuditInput("synthetic", i + 2, d) for i, d in enumerate(datas)]
    results = list(run_audit(inputs, options, workers=1))
    kinds = set()
    for data, report, result in zip(datas, reports, results, strict=True):
        active = {w.norm_id for w in waivers if w.location_id == data["id"] and as_of <= w.expires}
        counted = [f for f in report.findings if f.norm_id not in active]
        want = verdict(counted)
        if active and want == Verdict.compliant:
            want = Verdict.compliant_with_concerns
        s = score(report.findings)
        failing = [f for f in counted if f.outcome == Outcome.fail]
        by_weight: dict[str, int] = {}
        for f in failing:
            by_weight[f.weight] = by_weight.get(f.weight, 0) + 1
        assert result.verdict == want.value, data["id"]
        assert (result.score_low, result.score_high, result.band) == (
            (s.overall.low, s.overall.high, s.band) if s.overall else (None, None, None)
        )
        assert sorted(result.failing) == sorted(f.norm_id for f in failing)
        assert result.failures_by_weight == by_weight
        assert sorted(result.waived) == sorted(active)
        by_layer = layers(counted)
        assert result.layer_counts == {
            name: [c.passed, c.failed, c.unknown]
            for name, c in zip(
                ("law", "policy", "guidance"),
                (by_layer.law_counts, by_layer.policy_counts, by_layer.guidance_counts),
                strict=True,
            )
        }
        kinds.add(result.verdict)
    assert kinds == {v.value for v in Verdict}  # every verdict was compared


def test_a_tables_rows_are_counted_at_once_and_read_when_checked(tmp_path):
    from checker.audit.run import AuditInput, Failed, collect_inputs

    table = tmp_path / "t.csv"
    table.write_text(
        "id,name,drinkwater\n"  # a header problem: one input at line 1
        "a-1,A\n"
        "a-1,A again\n"  # a duplicate id: that row is reported
        '"unclosed,B\n',
        encoding="utf-8",
    )
    notes: list = []
    items = collect_inputs([str(table), SHIPPED[0]], notes=notes)
    first = [(type(i).__name__, i.source) for i in items]
    assert len(items) == len(first) == 5
    assert first == [
        ("Failed", f"{table}:1"),
        ("AuditInput", f"{table}:2"),
        ("Failed", f"{table}:3"),
        ("Failed", f"{table}:4"),
        ("AuditInput", SHIPPED[0]),
    ]
    row = next(i for i in items if isinstance(i, AuditInput) and i.line == 2)
    assert row.data == {"id": "a-1", "name": "A"}  # read with its cells when iterated
    duplicate = [i for i in items if isinstance(i, Failed) and i.line == 3][0]
    assert "a-1" in duplicate.message("en")
    assert [(type(i).__name__, i.source) for i in items] == first  # a second pass: the same


def test_the_national_picture_counts_locations_children_minors_and_verdicts_per_failing_norm():
    from checker.audit.picture import NationalPicture
    from checker.audit.run import LocationResult

    picture = NationalPicture()
    for verdict, failing, children, minors in [
        ("concerns", ["N1"], 10, 0),
        ("not_lawful", ["N2", "N1"], None, 3),
        ("not_lawful", ["N1"], 0, 2),
        ("undetermined", ["N2"], 7, 1),
        ("lawful", [], 50, 9),
    ]:
        facts = {"children_count": children, "unaccompanied_minors_count": minors}
        picture.add(
            LocationResult("s", "id", "n", verdict, None, None, None, failing, {}, facts=facts)
        )
    by_norm = {k: t.to_dict() for k, t in picture.by_norm.items()}
    assert list(by_norm) == ["N1", "N2"]  # in the order they first failed
    assert by_norm["N1"] == {
        "locations": 3,
        "children": 10,
        "unaccompanied_minors": 5,
        "children_unknown": 1,
        "verdicts": {"concerns": 1, "not_lawful": 2},
    }
    assert by_norm["N2"] == {
        "locations": 2,
        "children": 7,
        "unaccompanied_minors": 4,
        "children_unknown": 1,
        "verdicts": {"not_lawful": 1, "undetermined": 1},
    }
    assert list(by_norm["N1"]["verdicts"]) == ["concerns", "not_lawful"]


def _chunked(results: list, sizes: tuple[int, ...]) -> list[list]:
    chunks, k = [], 0
    while k < len(results):
        size = sizes[len(chunks) % len(sizes)]
        chunks.append(results[k : k + size])
        k += size
    return chunks


def test_summaries_counted_per_chunk_and_merged_are_the_summary_of_every_result():
    """A worker counts its chunk; merged in input order, the parts must give the summary of
    adding every result in turn, ties and float sums included."""
    import dataclasses
    import io

    from rich.console import Console

    from checker.audit.outputs import AuditSummary
    from checker.audit.render import render_summary
    from checker.audit.run import AuditInput, AuditOptions, Failed, run_audit
    from checker.errors import problem
    from checker.library.loader import load_library

    rng = random.Random(3)
    datas = [random_location(rng, i, rng.choice([0.0, 0.1, 0.5])) for i in range(80)]
    inputs = [AuditInput("t.csv", i + 2, d) for i, d in enumerate(datas)]
    checked = list(run_audit(inputs, AuditOptions(dt.date.fromisoformat(AS_OF), "en")))
    results: list = []
    for k, result in enumerate(checked):
        facts = dict(result.facts)
        if k in (5, 9, 40):  # equally long stays: the first of them is the longest
            facts["stay_children_max_months"] = 999.0
        result = dataclasses.replace(result, facts=facts, waived=["X"] * (k % 3), expired=["Y"])
        results.append(result)
        if k % 4 == 0:  # equally bad locations at many places: the first ones are the worst
            failing = [f"N-{n}" for n in range(120)]
            worst = dataclasses.replace(result, verdict="non_compliant", failing=failing)
            results.append(dataclasses.replace(worst, name=f"worst {k}", score_low=0))
        if k % 9 == 0:
            results.append(Failed(f"bad-{k}.yaml", 3, [problem(f"bad-{k}.yaml", 3, "e", "n")]))
    library = load_library()
    whole = AuditSummary(library=library)
    for result in results:
        whole.add(result)
    assert (
        whole.picture.longest is not None and whole.picture.longest["id"] == checked[5].location_id
    )
    assert [w["name"] for w in whole.worst] == [f"worst {k}" for k in range(0, 40, 4)]

    def shown(summary: AuditSummary) -> tuple[str, str]:
        console = Console(file=io.StringIO(), width=160)
        render_summary(console, summary, "nl", AS_OF)
        data = json.dumps(summary.to_dict(), ensure_ascii=False)
        return console.file.getvalue(), data  # type: ignore[attr-defined]

    expected = shown(whole)
    naive_differs = False
    for sizes in ((1,), (2,), (3, 1, 7), (250,)):
        merged = AuditSummary(library=library)
        naive = 0.0
        for chunk in _chunked(results, sizes):
            part = AuditSummary(part=True)
            for result in chunk:
                part.add(result)
            merged.merge(part)
            naive += part.picture._stay_sum
        naive_differs |= naive / merged.picture._stay_children != whole.picture.average_stay
        assert shown(merged) == expected, sizes
        assert [(e.source, e.message("en")) for e in merged.errors] == [
            (e.source, e.message("en")) for e in whole.errors
        ]
    assert naive_differs  # adding the parts' sums would have changed the average stay


def _session_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_refused_two_worker_audit_stops_the_workers_it_started_and_says_only_why():
    """The workers start before the inputs are counted; a refusal after that ends them without
    a word from them (no traceback from a worker stopped as it starts)."""
    args = [sys.executable, "-m", "checker.cli", "audit", *SHIPPED, "--workers", "2"]
    proc = subprocess.Popen(
        [*args, "--max-locations", "2", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err.strip() == (
        f"opvangtoets audit: too large: location files in one run {len(SHIPPED)}, more than the "
        "limit of 2 — set OPVANGTOETS_MAX_LOCATIONS to raise the limit (or use --max-locations)"
    )
    assert out == ""
    assert _session_gone(proc.pid), "a worker outlived the refused audit"


def _worker_signals() -> tuple:
    held = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    return signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), held


def test_workers_start_with_the_pool_and_take_ctrl_c_and_sigterm_as_their_own():
    """Forked with Ctrl+C and SIGTERM held (the parent's handlers raise); a worker lets them
    through once it ignores Ctrl+C (the parent's to handle) and dies of SIGTERM."""
    from checker.audit.run import AuditOptions, stop_workers, worker_pool

    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    pool = worker_pool(AuditOptions(dt.date.fromisoformat(AS_OF), "en"), 2)
    try:
        assert len(pool._processes) == 2  # started with the pool, before any chunk
        assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before
        ignored, default, held = pool.submit(_worker_signals).result()
        assert (ignored, default) == (signal.SIG_IGN, signal.SIG_DFL)
        assert not {signal.SIGINT, signal.SIGTERM} & held
    finally:
        stop_workers(pool)


def test_an_audit_without_a_page_does_not_load_the_templates():
    code = (
        "import sys\nfrom checker.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('jinja2' in sys.modules)"
    )
    args = [sys.executable, "-c", code, "audit", SHIPPED[0], "--workers", "1", "--as-of", AS_OF]
    done = subprocess.run(args, capture_output=True, text=True)
    assert "getoetst" in done.stdout
    assert done.stdout.splitlines()[-1] == "False"
