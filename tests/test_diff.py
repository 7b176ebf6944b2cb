"""`opvangtoets diff A B`: two versions of a plan side by side."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.i18n import t

CASES = Path(__file__).resolve().parent.parent / "cases"
BEFORE = str(CASES / "ship-permit-holders.yaml")
AFTER = str(CASES / "ship-permit-holders-improved.yaml")
AS_OF = "2026-01-15"


def _diff(*args: str):
    return CliRunner().invoke(main, ["diff", *args, "--as-of", AS_OF, "--lang", "en"])


def _changed_norms(checker) -> dict[str, tuple[str, str]]:
    day = dt.date.fromisoformat(AS_OF)
    old = {f.norm_id: f.outcome.value for f in checker.check_file(Path(BEFORE), day).findings}
    new = {f.norm_id: f.outcome.value for f in checker.check_file(Path(AFTER), day).findings}
    return {n: (old[n], new[n]) for n in old if old[n] != new[n]}


def test_the_before_after_pair_shows_every_norm_that_changes_outcome(checker):
    result = _diff(BEFORE, AFTER)
    assert result.exit_code == 0, result.output
    out = result.stdout
    changed = _changed_norms(checker)
    assert len(changed) >= 10
    assert f"Norms that change outcome ({len(changed)})" in out
    for norm_id, (old, new) in changed.items():
        line = next(x for x in out.splitlines() if x.startswith(f"  {norm_id:<16} ["))
        assert f"] {t(old, 'en')} → {t(new, 'en')}: " in line
    assert (
        "CRC-28           [law/critical] fail → pass: Every school-age child goes to school" in out
    )
    assert "Verdict A: NON-COMPLIANT" in out and "Verdict B: COMPLIANT, WITH CONCERNS" in out
    assert "  Outdoor play space on or next to the site: 0 m² → 600 m²" in out
    assert "CRC art. 28 — https://" in out


def test_the_markdown_diff_has_the_verdicts_scores_and_cited_changes(checker):
    result = _diff(BEFORE, AFTER, "--format", "md")
    assert result.exit_code == 0
    out = result.stdout
    assert "| **Verdict** | non-compliant | compliant, with concerns |" in out
    # 600 m² outdoors for 455 children still misses the per-child benchmark (KO-PLAY-OUT)
    assert "| play and leisure | 20 | 90 |" in out
    rows = [line for line in out.splitlines() if line.startswith("| **") and "](" in line]
    assert len(rows) == len(_changed_norms(checker))
    assert any(r.startswith("| **CRC-28** ") and "| fail | pass |" in r for r in rows)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_the_html_diff_is_self_contained_and_links_every_citation(checker):
    result = _diff(BEFORE, AFTER, "--format", "html")
    assert result.exit_code == 0
    parser = _Collect()
    parser.feed(result.stdout)
    tags = [tag for tag, _ in parser.tags]
    assert "style" in tags and "link" not in tags and "script" not in tags
    links = [attrs["href"] for tag, attrs in parser.tags if tag == "a"]
    assert len(links) == len(_changed_norms(checker))
    assert all(href.startswith("https://") for href in links)
    assert '<td class="verdict non_compliant">non-compliant</td>' in result.stdout


def test_comparing_a_location_with_itself_changes_nothing():
    result = _diff(BEFORE, BEFORE)
    assert result.exit_code == 0
    assert "Norms that change outcome (0)\n  No norm changes outcome." in result.stdout


def test_bad_input_is_reported_for_each_file_with_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nname: bad\nouttdoor_play_area_m2: 5\n")
    result = _diff(str(bad), str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0] == (
        f"{bad}:3: field 'outtdoor_play_area_m2': unknown field — "
        "did you mean 'outdoor_play_area_m2'?"
    )
    assert lines[1].startswith(f"{tmp_path / 'missing.yaml'}")
