"""Issue 17: the terminal after a run over several files, and in one line per location."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.location.loader import load_location

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.yaml"))
AS_OF = "2026-12-01"


def _check(*args: str) -> str:
    files = [str(c) for c in CASES]  # the nine shipped cases (cases/real/ has its own test)
    result = CliRunner().invoke(main, ["check", *files, "--as-of", AS_OF, *args])
    assert result.exit_code == 1, result.output  # some shipped cases are not compliant
    return result.stdout


def test_a_run_over_several_files_ends_with_a_table_of_verdict_score_and_failures_by_layer(
    checker,
):
    out = _check("--lang", "en").splitlines()
    start = out.index(f"Summary ({len(CASES)})")
    assert out[start + 1].split() == [
        "location", "verdict", "score", "not", "met:", "law", "/", "policy", "/", "guidance",
    ]  # fmt: skip
    rows = out[start + 2 :]
    assert len(rows) == len(CASES)
    ship = next(r for r in rows if r.startswith("Cruiseschip Silja, Rotterdam (voorbeeld) "))
    report = checker.check(load_location(ROOT / "cases" / "ship-permit-holders.yaml"),
                           dt.date.fromisoformat(AS_OF), "en")  # fmt: skip
    by = report.layers.to_dict()
    assert "non-compliant" in ship
    assert ship.endswith(f"{by['law']['fail']} / {by['policy']['fail']} / {by['guidance']['fail']}")


def test_quiet_prints_one_line_per_location():
    lines = _check("--quiet", "--lang", "nl").splitlines()
    assert len(lines) == len(CASES)
    assert lines[0].startswith("family-location  conform, met aandachtspunten  ")


def test_a_failing_norm_shows_its_id_with_its_title_and_the_fact_in_words():
    result = CliRunner().invoke(
        main,
        ["check", str(ROOT / "cases" / "office-emergency-shelter.yaml"), "--as-of", AS_OF],
    )
    out = result.stdout
    assert "  VNG-1            [beleid/groot] Minstens vijf jaar beschikbaar" in out
    assert "      Geplande beschikbaarheid: 18 maanden — vereist: ten minste 5 jaar" in out
    assert "availability_months" not in out
