"""`opvangtoets norms ...`: list, show, lint, test, docs and coverage, on the shipped library
and on deliberately broken copies of it (one thing broken per test)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.authoring.coverage import CASE_DATES, rule_coverage, shipped_cases_dir
from checker.authoring.docs import DOC_FILES, REGENERATE, docs_are_current, render_docs
from checker.authoring.examples import run_examples
from checker.cli import main
from checker.evaluate.engine import Engine
from checker.library.loader import load_library, shipped_norms_dir
from checker.library.model import Outcome
from checker.location.loader import load_location
from checker.source.reader import load_yaml

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = load_library()
LOCAL_NORMS = ROOT / "examples" / "local-norms"


def run(*args: str):
    return CliRunner().invoke(main, ["norms", *args])


def listed_ids(output: str) -> list[str]:
    """The first cell of every row of a rich table."""
    return [
        line.split("│")[1].strip()
        for line in output.splitlines()
        if line.startswith("│") and line.split("│")[1].strip()
    ]


def ids_where(predicate) -> list[str]:
    return [n.id for n in LIBRARY.norms if predicate(n)]


# list ---------------------------------------------------------------------------------------


def test_list_shows_every_norm_with_its_count():
    result = run("list", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == [n.id for n in LIBRARY.norms]
    assert f"{len(LIBRARY.norms)} norms." in result.stdout


@pytest.mark.parametrize(
    ("option", "value", "predicate"),
    [
        ("--family", "crc", lambda n: n.file.family == "crc"),
        ("--dimension", "education", lambda n: n.norm.dimension.value == "education"),
        ("--weight", "court", lambda n: n.weight.value == "court"),
    ],
)
def test_list_filters(option, value, predicate):
    result = run("list", option, value)
    assert result.exit_code == 0, result.output
    expected = ids_where(predicate)
    assert expected and listed_ids(result.stdout) == expected


def test_list_as_of_shows_the_schooling_norm_in_force_on_each_side_of_12_june_2026():
    before = listed_ids(run("list", "--as-of", "2026-06-11").stdout)
    after = listed_ids(run("list", "--as-of", "2026-06-12").stdout)
    assert "RCD2013-14.2" in before and "RCD2024-16.2" not in before
    assert "RCD2024-16.2" in after and "RCD2013-14.2" not in after
    assert after == ids_where(lambda n: n.in_force(dt.date(2026, 6, 12)))


def test_list_of_an_unknown_family_suggests_one():
    result = run("list", "--family", "cr", "--lang", "en")
    assert result.exit_code == 2
    assert "opvangtoets: no norm family 'cr'; there are: coa, court, crc" in result.stderr
    assert "did you mean 'crc'?" in result.stderr


def test_list_takes_extra_norms_from_norms_dir():
    result = run("list", "--norms-dir", str(LOCAL_NORMS), "--family", "gemeente_voorbeeld")
    assert listed_ids(result.stdout) == ["GEM-VOORBEELD-1"]


# show ---------------------------------------------------------------------------------------


def test_show_prints_a_norm_in_both_languages():
    result = run("show", "RCD2024-16.2", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for line in [
        "RCD2024-16.2 — School within two months / Naar school binnen twee maanden",
        "weight: law · dimension: education · severity: critical",
        "validity: in force from 2026-06-12",
        "topic: schooling-deadline",
        "  other version: RCD2013-14.2 (in force from 2015-07-20 up to and including 2026-06-11)",
        "  en: Directive (EU) 2024/1346, art. 16(2)",
        "  nl: Richtlijn (EU) 2024/1346, art. 16 lid 2",
        "  url (en): https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024L1346#art_16",
        "  url (nl): https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32024L1346#art_16",
        "  checked against a copy of the official text",
        "  en: houses_school_age_children = true",
        "  en: school_access_days_max ≤ 2 months (59–62 days) (school holidays not modelled)",
        "facts used: houses_school_age_children, school_access_days_max",
        "    {children_count: 12, school_access_days_max: 45}",
    ]:
        assert line in out.splitlines(), line
    assert "  - pass (as of 2026-09-01): A child who starts school 45 days" in out


def test_show_labels_follow_the_language():
    out = run("show", "RCD2024-16.2", "--lang", "nl").stdout
    assert "gewicht: law · dimensie: education · ernst: critical" in out
    assert "geldigheid: van kracht vanaf 2026-06-12" in out


@pytest.mark.parametrize(("lang", "other"), [("en", "nl"), ("nl", "en")])
def test_show_puts_the_chosen_language_first(lang, other):
    lines = run("show", "RCD2024-16.2", "--lang", lang).stdout.splitlines()
    titles = {"en": "School within two months", "nl": "Naar school binnen twee maanden"}
    assert lines[0] == f"RCD2024-16.2 — {titles[lang]} / {titles[other]}"
    texts = [line.strip()[:3] for line in lines if line.startswith(("  en: ", "  nl: "))]
    # basis of the date, citation, title, summary, applies when, requires, remedy: each chosen
    # language first
    assert texts == [f"{lang}:", f"{other}:"] * 7


def test_show_of_an_unknown_id_exits_2_with_a_suggestion():
    result = run("show", "RCD2024-16", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "opvangtoets: no norm with id 'RCD2024-16'; 'opvangtoets norms list' shows them all",
        "did you mean 'RCD2024-16.2'?",
    ]


# lint ---------------------------------------------------------------------------------------


def test_lint_passes_on_the_shipped_library():
    result = run("lint", "--lang", "en")
    assert result.exit_code == 0, result.output
    files = len({n.path for n in LIBRARY.norms})
    assert result.stdout == f"{len(LIBRARY.norms)} norms in {files} files: no problems found\n"


def test_lint_passes_with_the_example_local_norms():
    result = run("lint", "--norms-dir", str(LOCAL_NORMS), "--lang", "en")
    assert result.exit_code == 0, result.output


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the shipped norms/ to break."""
    target = tmp_path / "norms"
    shutil.copytree(shipped_norms_dir(), target, ignore=shutil.ignore_patterns("*.md", "__*"))
    return target


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], (line, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def lint_copy(copy: Path, *extra: str):
    return run("lint", str(copy), "--no-shipped", "--lang", "en", *extra)


def test_lint_of_an_unbroken_copy_without_the_shipped_library_passes(copy):
    result = lint_copy(copy)
    assert result.exit_code == 0, result.output


def test_lint_finds_a_duplicate_id(copy):
    path = copy / "vng.yaml"
    doc = load_yaml(path)
    first, second = doc.data["norms"][0]["id"], doc.data["norms"][1]["id"]
    line = doc.line_of(("norms", 1, "id"))
    edit_line(path, line, second, first)
    result = lint_copy(copy)
    assert result.exit_code == 2
    assert f"{path}:{line}: norm id {first} is also used in {path}" in result.stderr.splitlines()


def test_lint_finds_an_identical_english_and_dutch_title(copy):
    path = copy / "crc.yaml"
    doc = load_yaml(path)
    norm = doc.data["norms"][0]
    line = doc.line_of(("norms", 0, "title", "nl"))
    edit_line(path, line, norm["title"]["nl"], norm["title"]["en"])
    result = lint_copy(copy)
    assert result.exit_code == 2
    title_line = doc.line_of(("norms", 0, "title"))
    assert (
        f"{path}:{title_line}: {norm['id']}: title is the same in English and Dutch "
        f"('{norm['title']['en']}') — translate it"
    ) in result.stderr.splitlines()


@pytest.mark.parametrize(
    ("until", "expected"),
    [
        (
            "2026-06-30",
            "RCD2024-16.2 and RCD2013-14.2 (topic schooling-deadline) are both in force "
            "from 2026-06-12 — let one version end the day before the next one starts",
        ),
        (
            "2026-06-01",
            "RCD2024-16.2: no version of topic schooling-deadline is in force from 2026-06-02 "
            "to 2026-06-11 — let this version start the day after the previous one ends",
        ),
    ],
)
def test_lint_finds_a_validity_overlap_or_gap_within_a_topic(copy, until, expected):
    old = copy / "reception-directive-2013.yaml"
    edit_line(old, load_yaml(old).line_of(("valid_until",)), "2026-06-11", until)
    result = lint_copy(copy)
    assert result.exit_code == 2
    new = copy / "reception-directive-2024.yaml"
    doc = load_yaml(new)
    index = next(i for i, n in enumerate(doc.data["norms"]) if n["id"] == "RCD2024-16.2")
    assert f"{new}:{doc.line_of(('norms', index))}: {expected}" in result.stderr.splitlines()


LOCAL = """\
family: local
instrument: {{en: "Local rule", nl: "Lokale regel"}}
url: https://example.org/
weight: policy
norms:
  - id: LOC-1
    title: {{en: "Play space", nl: "Speelruimte"}}
    summary: {{en: "Some play space.", nl: "Wat speelruimte."}}
    source: {{article: "1", url: "https://example.org/", verified: {VERIFIED}}}
    dimension: play_leisure
    severity: minor
    applies_when: {applies}
    requires: {requires}
    remedy: {{en: "Add play space.", nl: "Maak speelruimte."}}
    examples:
      - name: "a playroom passes"
        location: {{children_count: 5, indoor_play_area_m2: 10}}
        outcome: pass
      - {{name: "{name}", location: {location}, outcome: {outcome}}}
"""
PLAY = "{field: indoor_play_area_m2, op: gt, value: 0}"
VERIFIED = "{date: 2026-12-01, against: none, text: made up for the test}"
CHILDREN = "{field: houses_children, op: eq, value: true}"


def local_norm(
    applies: str = CHILDREN,
    requires: str = PLAY,
    name: str = "no playroom fails",
    location: str = "{children_count: 5, indoor_play_area_m2: 0}",
    outcome: str = "fail",
) -> str:
    """A one-norm file; its second example is the one a test changes (line 19)."""
    return LOCAL.format(
        applies=applies,
        requires=requires,
        name=name,
        location=location,
        outcome=outcome,
        VERIFIED=VERIFIED,
    )


@pytest.mark.parametrize(
    ("applies", "requires", "line", "message"),
    [
        (
            "{all: [{field: children_count, op: gt, value: 5}, "
            "{field: children_count, op: lt, value: 3}]}",
            PLAY,
            12,
            "LOC-1: applies_when can never be true, so the norm never applies",
        ),
        (
            "{field: houses_children, op: eq, value: true}",
            "{all: [{field: indoor_play_area_m2, op: gt, value: 5}, "
            "{field: indoor_play_area_m2, op: lte, value: 5}]}",
            13,
            "LOC-1: requires can never be true where the norm applies, so it can never pass",
        ),
        (
            "{field: houses_children, op: eq, value: true}",
            "{any: [{field: indoor_play_area_m2, op: gte, value: 0}, "
            "{field: indoor_play_area_m2, op: lt, value: 0}]}",
            13,
            "LOC-1: requires can never be false where the norm applies, so it can never fail",
        ),
        (
            "{all: [{field: building_type, op: in, value: [ship, office]}, "
            "{field: building_type, op: ne, value: ship}, "
            "{field: building_type, op: ne, value: office}]}",
            PLAY,
            12,
            "LOC-1: applies_when can never be true, so the norm never applies",
        ),
    ],
)
def test_lint_finds_an_unreachable_condition(copy, applies, requires, line, message):
    path = copy / "local.yaml"
    path.write_text(local_norm(applies, requires))
    result = lint_copy(copy)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"{path}:{line}: {message} — ")


def test_lint_accepts_conditions_that_can_be_both_true_and_false(copy):
    path = copy / "local.yaml"
    exactly_three = (
        "{all: [{field: children_count, op: gte, value: 3}, "
        "{field: children_count, op: lte, value: 3}]}"
    )
    path.write_text(local_norm(applies=exactly_three))
    assert lint_copy(copy).exit_code == 0


def test_lint_reports_a_value_of_the_wrong_kind_once_and_goes_on(copy):
    path = copy / "local.yaml"
    path.write_text(local_norm(requires="{field: indoor_play_area_m2, op: gt, value: ten}"))
    result = lint_copy(copy)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}:13: LOC-1: 'indoor_play_area_m2' is a number, got 'ten'",
        "problems found: 1",
    ]


@pytest.mark.parametrize(
    ("requires", "message"),
    [
        (
            "{field: indoor_play_area_m2, op: in, value: 5}",
            "norms.0.requires: operator 'in' needs a list as 'value'",
        ),
        (
            "{all: [" + CHILDREN + ", {field: indoor_play_area_m2, op: eq, value: [5]}]}",
            "norms.0.requires.all.1: operator 'eq' takes one value, not a list",
        ),
    ],
)
def test_lint_reports_a_condition_the_schema_lets_through_but_the_model_refuses(
    copy, requires, message
):
    path = copy / "local.yaml"
    path.write_text(local_norm(requires=requires))
    result = lint_copy(copy)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{path}:13: {message}", "problems found: 1"]


def test_lint_finds_a_norm_without_a_failing_example(copy):
    path = copy / "local.yaml"
    path.write_text(local_norm(outcome="unknown"))
    result = lint_copy(copy)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{path}:15: LOC-1: no example with outcome fail — add a location for which the norm "
        "gives fail"
    )


def test_lint_reports_every_broken_file_and_still_checks_the_others(copy):
    (copy / "a-broken.yaml").write_text("family: [unclosed\n")
    path = copy / "vng.yaml"
    doc = load_yaml(path)
    line = doc.line_of(("norms", 0, "title", "nl"))
    edit_line(path, line, doc.data["norms"][0]["title"]["nl"], doc.data["norms"][0]["title"]["en"])
    result = lint_copy(copy)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    # the line where the unclosed list starts
    assert errors[0].startswith(f"{copy / 'a-broken.yaml'}:1: not valid YAML")
    assert any(e.startswith(f"{path}:") and "same in English and Dutch" in e for e in errors)
    assert errors[-1] == "problems found: 2"


def test_lint_no_shipped_needs_a_path():
    result = run("lint", "--no-shipped", "--lang", "en")
    assert result.exit_code == 2
    assert "--no-shipped needs a PATH or --norms-dir" in result.stderr


# test ---------------------------------------------------------------------------------------


def test_test_passes_on_the_shipped_library():
    result = run("test", "--lang", "en")
    assert result.exit_code == 0, result.output
    examples = sum(len(n.norm.examples) for n in LIBRARY.norms)
    assert result.stdout == (
        f"{examples} examples of {len(LIBRARY.norms)} norms run; 0 did not give their outcome\n"
    )


def test_test_reports_an_example_with_the_wrong_outcome_with_file_and_line(copy):
    path = copy / "reception-directive-2024.yaml"
    doc = load_yaml(path)
    i, j = next(
        (i, j)
        for i, norm in enumerate(doc.data["norms"])
        for j, ex in enumerate(norm["examples"])
        if ex["outcome"] == "pass"
    )
    example = doc.data["norms"][i]["examples"][j]
    edit_line(
        path, doc.line_of(("norms", i, "examples", j, "outcome")), "outcome: pass", "outcome: fail"
    )
    result = run("test", str(copy), "--no-shipped", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}:{doc.line_of(('norms', i, 'examples', j))}: {doc.data['norms'][i]['id']} "
        f"example '{example['name']}': expected fail, got pass "
        "— fix the example or the norm's condition"
    ]
    assert "; 1 did not give their outcome" in result.stdout


def test_test_reports_an_example_whose_location_is_not_valid(tmp_path):
    path = tmp_path / "local.yaml"
    path.write_text(local_norm(location="{children_count: 5, indoor_play_area: 0}"))
    result = run("test", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}:19: LOC-1 example 'no playroom fails': field 'indoor_play_area': unknown field "
        "— did you mean 'indoor_play_area_m2'?"
    ]


# the worked example: a municipality's own norm ------------------------------------------------


def test_a_local_norm_file_changes_the_verdict_of_a_shipped_case():
    case = str(ROOT / "cases" / "small-unit-amv-13-14.yaml")
    args = ["check", case, "--lang", "en", "--as-of", "2026-01-15", "--format", "json"]
    runner = CliRunner()
    plain = runner.invoke(main, args)
    local = runner.invoke(main, [*args, "--norms-dir", str(LOCAL_NORMS)])
    # compliant (or with concerns, should guidance norms be added): acceptable either way
    assert plain.exit_code == 0 and '"verdict": "compliant' in plain.stdout
    assert local.exit_code == 1 and '"verdict": "non_compliant"' in local.stdout
    assert '"norm_id": "GEM-VOORBEELD-1",\n      "outcome": "fail"' in local.stdout


# docs ---------------------------------------------------------------------------------------


def test_the_committed_docs_are_current():
    stale = docs_are_current(LIBRARY, ROOT / "docs")
    assert stale == [], f"{', '.join(stale)} out of date: run `{REGENERATE}`"


def test_docs_command_writes_both_languages(tmp_path):
    result = run("docs", "--output-dir", str(tmp_path), "--lang", "en")
    assert result.exit_code == 0, result.output
    english = (tmp_path / DOC_FILES["en"]).read_text()
    dutch = (tmp_path / DOC_FILES["nl"]).read_text()
    assert english == render_docs(LIBRARY, "en") and dutch == render_docs(LIBRARY, "nl")
    assert english.startswith("# Norm reference\n") and dutch.startswith("# Normenoverzicht\n")
    assert (
        "[Directive (EU) 2024/1346, art. 16(2)]"
        "(https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32024L1346#art_16)"
        " (checked against a copy of the official text)"
        " · weight: law · severity: critical · in force from 2026-06-12" in english
    )
    assert "[Richtlijn (EU) 2024/1346, art. 16 lid 2]" in dutch
    assert all(f"#### {n.id} — " in english for n in LIBRARY.norms)


def test_docs_notice_a_changed_norm(tmp_path, copy):
    run("docs", "--output-dir", str(tmp_path))
    edit_line(copy / "crc.yaml", load_yaml(copy / "crc.yaml").line_of(("weight",)), "law", "policy")
    changed = load_library([copy], shipped=False)
    assert docs_are_current(changed, tmp_path) == [
        str(tmp_path / DOC_FILES["en"]),
        str(tmp_path / DOC_FILES["nl"]),
    ]


# coverage -----------------------------------------------------------------------------------


def test_every_shipped_norm_reaches_pass_and_fail_in_its_examples():
    engine = Engine(LIBRARY)
    cases = [load_location(p) for p in sorted(shipped_cases_dir().glob("*.yaml"))]
    coverage = rule_coverage(LIBRARY, engine, cases, CASE_DATES, run_examples(LIBRARY, engine))
    assert [c.norm.id for c in coverage if not c.tested_both_ways] == []
    by_id = {c.norm.id: c for c in coverage}
    # the ship case takes 75 days to school: fine under the 2013 directive, not under 2024
    assert Outcome.fail in by_id["RCD2024-16.2"].in_cases


def test_coverage_command_passes_on_the_shipped_library():
    result = run("coverage", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == [n.id for n in LIBRARY.norms]
    assert "outcomes reached on 9 cases at 4 dates" in result.stdout
    assert f"all {len(LIBRARY.norms)} norms both pass and fail in their examples" in result.stdout


def test_coverage_names_a_norm_never_failing_in_its_examples(tmp_path):
    local = tmp_path / "local"
    local.mkdir()
    unknown = local_norm(
        name="without the playroom's size it is unknown",
        location="{children_count: 5}",
        outcome="unknown",
    )
    (local / "local.yaml").write_text(unknown)
    result = run("coverage", "--norms-dir", str(local), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "these norms do not both pass and fail in their examples: LOC-1"
    ]


def test_lint_finds_a_location_field_that_no_norm_reads(copy):
    # EUAA-GEN-def.window is the only norm that reads windowless_rooms_used
    path = copy / "euaa-general.yaml"
    text = path.read_text()
    start = text.index("  - id: EUAA-GEN-def.window")
    end = text.index("  - id: EUAA-GEN-11.incidents")
    path.write_text(text[:start] + text[end:])
    result = lint_copy(copy)
    assert result.exit_code == 2
    assert (
        "checker/location/model.py: field 'windowless_rooms_used': this location field is read "
        "by no norm, so it counts toward nothing — give it a norm with its source, remove it "
        "from the model, or, if it only describes the location, add it to DESCRIPTIVE_FIELDS in "
        "checker/authoring/lint.py"
    ) in result.stderr.splitlines()


def test_every_location_field_is_read_by_a_norm_or_listed_as_descriptive():
    from checker.authoring.lint import DESCRIPTIVE_FIELDS, unread_fields

    assert unread_fields(LIBRARY) == []
    assert sorted(DESCRIPTIVE_FIELDS) == [
        "described_on",
        "evidence",
        "id",
        "municipality",
        "name",
        "notes",
        "operator",
        "report_author",
        "report_status",
        "sources",
    ]
