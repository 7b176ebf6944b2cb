"""Coming breaches: the days an outcome changes by time alone, next to coming changes of the law
(issue 16, item 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.render.html import render_html
from checker.render.markdown import render_markdown
from checker.render.text import render_text

SHELTER = """\
id: sporthal-noodopvang
name: Sporthal noodopvang
location_type: emergency_shelter
building_type: sports_hall
opening_date: 2026-01-10
emergency_use_since: 2026-01-10
longest_stay_child_arrival_date: 2026-01-10
children_count: 40
school_age_children_count: 30
school_access_days_max: 75
"""
AS_OF = dt.date(2026, 3, 1)


def _shelter(tmp_path: Path) -> Path:
    path = tmp_path / "shelter.yaml"
    path.write_text(SHELTER, encoding="utf-8")
    return path


def test_the_six_month_rule_starts_to_fail_six_calendar_months_after_the_children_came(
    checker, tmp_path
) -> None:
    report = checker.check_file(_shelter(tmp_path), AS_OF, "en")
    six = [b for b in report.coming_breaches if b.norm_id == "COA-NO-3"]
    assert [(b.date, b.outcome_before, b.outcome_then) for b in six] == [
        (dt.date(2026, 7, 10), "pass", "fail")
    ]
    assert "6 calendar months after 10 January 2026" in six[0].because
    # confirmed by checking on that day and the day before
    on = {f.norm_id: f.outcome.value for f in checker.findings(report.location, six[0].date)}
    before = {
        f.norm_id: f.outcome.value for f in checker.findings(report.location, dt.date(2026, 7, 9))
    }
    assert (before["COA-NO-3"], on["COA-NO-3"]) == ("pass", "fail")
    # twelve months of emergency use are passed in the thirteenth month
    use = [(b.date, b.norm_id) for b in report.coming_breaches if b.norm_id == "COA-NO-2.use"]
    assert use == [(dt.date(2027, 2, 10), "COA-NO-2.use")]


def test_the_schooling_change_of_12_june_2026_is_a_change_of_the_law_not_a_breach(
    checker, tmp_path
) -> None:
    report = checker.check_file(_shelter(tmp_path), AS_OF, "en")
    law = {(c.date, c.norm_id) for c in report.coming_changes}
    assert (dt.date(2026, 6, 12), "RCD2024-16.2") in law  # 75 days: within 3 months, not 2
    assert all(b.date != dt.date(2026, 6, 12) for b in report.coming_breaches)
    assert all(b.norm_id != "RCD2024-16.2" for b in report.coming_breaches)


def test_coming_breaches_are_in_every_report_format(checker, tmp_path) -> None:
    for lang, words in {
        "en": "from 10 July 2026: COA-NO-3 becomes",
        "nl": "vanaf 10 juli 2026: COA-NO-3 wordt",
    }.items():
        report = checker.check_file(_shelter(tmp_path), AS_OF, lang)
        assert words in render_text(report, colour=False)
        assert words in render_markdown(report, checker.library)
        html = render_html(report, checker.library)
        assert 'id="coming-breaches"' in html and 'data-norm="COA-NO-3"' in html
        data = report.to_dict()
        assert data["coming_breaches"][0]["date"] == "2026-07-10"


def test_a_stay_given_in_months_has_no_coming_breach(checker, tmp_path) -> None:
    path = tmp_path / "typed.yaml"
    path.write_text(
        "id: typed\nname: T\nlocation_type: emergency_shelter\nchildren_count: 4\n"
        "stay_children_max_months: 5\n",
        encoding="utf-8",
    )
    report = checker.check_file(path, AS_OF, "en")
    assert report.coming_breaches == []
    assert {f.norm_id: f.outcome.value for f in report.findings}["COA-NO-3"] == "pass"
