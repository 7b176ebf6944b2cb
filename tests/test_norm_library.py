"""A broken norm file is refused with its file and line; the shipped library is whole."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from click.testing import CliRunner

from checker.cli import main
from checker.library.loader import load_library

NORM = """\
family: local
instrument: {{en: "Local rule", nl: "Lokale regel"}}
url: https://example.org/
weight: policy
norms:
  - id: {id}
    title: {{en: "Play space", nl: "Speelruimte"}}
    summary: {{en: "Some play space.", nl: "Wat speelruimte."}}
    source: {{article: "1", url: "https://example.org/"}}
    dimension: play_leisure
    severity: minor
    requires: {{field: {field}, op: gt, value: 0}}
    remedy: {{en: "Add play space.", nl: "Maak speelruimte."}}
    examples:
      - {{name: "a playroom passes", location: {{indoor_play_area_m2: 10}}, outcome: pass}}
      - {{name: "no playroom fails", location: {{indoor_play_area_m2: 0}}, outcome: fail}}
"""


def _run_with(tmp_path, text: str, *args: str):
    norms_dir = tmp_path / "norms"
    norms_dir.mkdir()
    (norms_dir / "local.yaml").write_text(text)
    location = tmp_path / "loc.yaml"
    location.write_text("id: x\nname: X\nindoor_play_area_m2: 0\n")
    return CliRunner().invoke(
        main, ["check", str(location), "--lang", "en", "--norms-dir", str(norms_dir), *args]
    )


def test_a_condition_on_a_field_that_does_not_exist_is_refused_with_a_suggestion(tmp_path):
    result = _run_with(tmp_path, NORM.format(id="LOC-1", field="indoor_play_area"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{tmp_path / 'norms' / 'local.yaml'}:12: LOC-1: unknown field 'indoor_play_area' "
        "(did you mean 'indoor_play_area_m2'?)"
    )


def test_a_norm_id_used_twice_is_refused(tmp_path):
    result = _run_with(tmp_path, NORM.format(id="CRC-31", field="indoor_play_area_m2"))
    assert result.exit_code == 2
    assert "local.yaml:6: norm id CRC-31 is also used in" in result.stderr


def test_an_unknown_operator_is_refused_by_the_schema(tmp_path):
    text = NORM.format(id="LOC-1", field="indoor_play_area_m2").replace("op: gt", "op: above")
    result = _run_with(tmp_path, text)
    assert result.exit_code == 2
    assert "local.yaml:12: norms.0.requires" in result.stderr


def test_a_local_norm_file_is_added_to_the_shipped_library(tmp_path):
    result = _run_with(tmp_path, NORM.format(id="LOC-1", field="indoor_play_area_m2"))
    assert result.exit_code == 1
    assert "LOC-1" in result.stdout
    assert "Indoor space for play and leisure: 0 m² — required: more than 0 m²" in result.stdout


def test_the_shipped_library_has_at_least_a_hundred_norms_from_eleven_sources():
    library = load_library()
    families = Counter(n.file.family for n in library.norms)
    assert set(families) == {
        "reception_directive_2013",
        "reception_directive_2024",
        "crc",
        "vng",
        "coa",
        "court",
        "inspectorates",
        "euaa_general",
        "euaa_unaccompanied",
        "kinderombudsman",
        "ngo",
        "sphere",
        "kinderopvang_benchmark",
    }
    assert sum(families.values()) >= 100


def test_guidance_sources_carry_guidance_weight():
    library = load_library()
    weights = {
        n.file.family: (n.norm.weight or n.file.weight).value
        for n in library.norms
        if n.file.family in {"euaa_general", "euaa_unaccompanied", "kinderombudsman", "ngo"}
    }
    assert set(weights.values()) == {"guidance"}


def test_every_2013_directive_topic_continues_on_12_june_2026_or_is_left_to_expire_on_purpose():
    library = load_library()
    old = {n.norm.topic: n for n in library.norms if n.file.family == "reception_directive_2013"}
    new = {n.norm.topic: n for n in library.norms if n.file.family == "reception_directive_2024"}
    assert None not in old and None not in new, "every directive norm has a topic"
    assert sorted(set(old) - set(new)) == []
    assert sorted(set(new) - set(old)) == [
        "sanitary-women-children",
        "school-materials",
        "uam-provisional-representative",
        "uam-representative",
        "vulnerability-assessment",
    ]
    for topic, n in old.items():
        assert str(n.valid_until) == "2026-06-11", topic
        assert str(new[topic].valid_from) == "2026-06-12", topic


def test_norms_sharing_a_topic_have_adjacent_validity_without_overlap():
    library = load_library()
    by_topic: dict[str, list] = {}
    for n in library.norms:
        if n.norm.topic:
            by_topic.setdefault(n.norm.topic, []).append(n)
    for topic, versions in by_topic.items():
        versions.sort(key=lambda n: n.valid_from)
        for before, after in pairwise(versions):
            assert before.valid_until is not None, topic
            assert (after.valid_from - before.valid_until).days == 1, topic


def test_the_two_directives_meet_on_12_june_2026():
    library = load_library()
    old = library.norm("RCD2013-14.2")
    new = library.norm("RCD2024-16.2")
    assert old.norm.topic == new.norm.topic == "schooling-deadline"
    assert str(old.valid_until) == "2026-06-11" and str(new.valid_from) == "2026-06-12"
