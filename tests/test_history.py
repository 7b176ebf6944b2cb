"""A location followed over time: `opvangtoets history` (issue 16, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
TER_APEL = sorted((ROOT / "cases" / "real").glob("ter-apel-amv-*.yaml"))

SNAPSHOTS = """\
id: sporthal-west
name: Sporthal West
location_type: emergency_shelter
building_type: sports_hall
opening_date: 2025-01-10
sources:
  - {id: gemeente, title: Raadsinformatiebrief, publisher: Gemeente West}
snapshots:
  - described_on: 2025-11-01
    children_count: 40
    stay_children_max_months: 9
    evidence:
      stay_children_max_months: {source: gemeente, kind: reported, date: 2025-11}
  - described_on: 2025-02-01
    children_count: 40
    stay_children_max_months: 1
  - described_on: 2025-06-01
    children_count: 40
    stay_children_max_months: 5
"""


def _history(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["history", *args])
    return result.exit_code, result.output


def test_history_of_three_real_snapshots_prints_verdicts_in_date_order_and_changes() -> None:
    code, out = _history(*map(str, reversed(TER_APEL)), "--lang", "en")
    assert code == 1  # the latest description is non-compliant
    days = ["30 April 2022", "8 September 2022", "1 November 2023"]
    lines = out.splitlines()
    rows = [next(i for i, line in enumerate(lines) if line.strip().startswith(d)) for d in days]
    assert rows == sorted(rows)
    assert all("non-compliant" in lines[i] for i in rows)
    # the authorities' finding of 2023 makes the norm on authority findings fail again
    assert any(
        "8 September 2022 → 1 November 2023" in line
        and "CRC-3.3.authority" in line
        and "pass → fail" in line
        for line in lines
    )
    data = json.loads(_history(*map(str, TER_APEL), "--format", "json")[1])
    assert [s["described_on"] for s in data["snapshots"]] == [
        "2022-04-30",
        "2022-09-08",
        "2023-11-01",
    ]
    assert data["location"]["id"] == "real-ter-apel-amv"
    change = next(c for c in data["changes"] if c["norm_id"] == "CRC-3.3.authority")
    assert change["until"] == "2023-11-01" or change["since"] == "2022-04-30"
    low = min(s["score"]["low"] for s in data["snapshots"])
    assert data["score_range"]["low"] == low


def test_one_file_with_snapshots_is_checked_per_snapshot_on_its_own_date(tmp_path) -> None:
    path = tmp_path / "west.yaml"
    path.write_text(SNAPSHOTS, encoding="utf-8")
    code, out = _history(str(path), "--format", "json")
    data = json.loads(out)
    assert [s["described_on"] for s in data["snapshots"]] == [
        "2025-02-01",
        "2025-06-01",
        "2025-11-01",
    ]
    stay = [c for c in data["changes"] if c["norm_id"] == "COA-NO-3"]
    assert [(c["since"], c["until"], c["before"], c["after"]) for c in stay] == [
        ("2025-06-01", "2025-11-01", "pass", "fail")
    ]
    md = _history(str(path), "--format", "md", "--lang", "nl")[1]
    assert "| 1 februari 2025 |" in md and "`COA-NO-3`" in md
    # `check` on such a file checks its latest snapshot
    check = CliRunner().invoke(
        main, ["check", str(path), "--format", "json", "--as-of", "2025-11-01"]
    )
    report = json.loads(check.output)
    assert report["described_on"] == "2025-11-01"


def test_a_bad_snapshot_is_refused_at_its_line(tmp_path) -> None:
    path = tmp_path / "west.yaml"
    path.write_text(
        SNAPSHOTS.replace("  - described_on: 2025-06-01\n", "  - described_on: 2025-02-01\n"),
        encoding="utf-8",
    )
    code, out = _history(str(path), "--lang", "en")
    line = 1 + SNAPSHOTS.splitlines().index("  - described_on: 2025-06-01")
    assert code == 2
    assert f"{path}:{line}:" in out and "two snapshots describe 2025-02-01" in out
    assert "Traceback" not in out


def test_a_history_follows_one_location(tmp_path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("id: elders\nname: Elders\ndescribed_on: 2024-01-01\n", encoding="utf-8")
    code, out = _history(str(TER_APEL[0]), str(other), "--lang", "nl")
    assert code == 2 and "een geschiedenis volgt er één" in out
    undated = tmp_path / "undated.yaml"
    undated.write_text("id: real-ter-apel-amv\nname: X\n", encoding="utf-8")
    code, out = _history(str(TER_APEL[0]), str(undated), "--lang", "en")
    assert code == 2 and f"{undated}:1:" in out and "needs `described_on`" in out


def test_the_history_page_opens_offline_with_its_chart(browser, artifacts, tmp_path) -> None:
    out = tmp_path / "history.html"
    code, _ = _history(*map(str, TER_APEL), "--format", "html", "--output", str(out))
    assert code == 1 and out.exists()
    page = browser.new_page(viewport={"width": 1000, "height": 1200})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(out.as_uri(), wait_until="load")
        chart = page.locator("#history-chart svg")
        assert chart.is_visible() and chart.bounding_box()["width"] > 300
        assert page.locator("#history-chart g.snapshot").count() == 3
        dates = page.locator("#history-verdicts tbody tr").evaluate_all(
            "rows => rows.map(r => r.dataset.date)"
        )
        assert dates == ["2022-04-30", "2022-09-08", "2023-11-01"]
        assert page.locator('#history-changes [data-norm="CRC-3.3.authority"]').count() >= 1
        page.screenshot(path=str(artifacts / "history-ter-apel-amv.png"), full_page=True)
    finally:
        page.close()
    assert errors == []
    assert requests == [out.as_uri()]


def test_audit_checks_a_location_with_snapshots_at_its_latest_and_says_so(tmp_path) -> None:
    path = tmp_path / "west.yaml"
    path.write_text(SNAPSHOTS, encoding="utf-8")
    out = tmp_path / "audit.json"
    result = CliRunner().invoke(
        main, ["audit", str(path), "--as-of", "2025-12-01", "--lang", "en", "--json", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert (
        "sporthal-west: checked at its latest snapshot, described on 1 November 2025 "
        "(of 3 snapshots" in result.output
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    reports = data["locations"] if isinstance(data, dict) and "locations" in data else data
    text = json.dumps(reports)
    assert '"described_on": "2025-11-01"' in text and "latest_snapshot" in text


def test_audit_takes_the_fact_age_too(tmp_path) -> None:
    path = tmp_path / "west.yaml"
    path.write_text(SNAPSHOTS, encoding="utf-8")
    out = tmp_path / "audit.json"
    args = ["audit", str(path), "--as-of", "2025-12-01", "--json", str(out)]
    CliRunner().invoke(main, [*args, "--max-fact-age", "0"])
    assert '"old_fact"' in out.read_text(encoding="utf-8")  # November 2025 is before December
    CliRunner().invoke(main, args)
    assert '"old_fact"' not in out.read_text(encoding="utf-8")
