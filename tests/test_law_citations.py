"""Citations a lawyer can defend: every correction of the citation audit (shared/citations-audit.md)
asserted on its norm, the verification record and its remark in reports, per-language links, and
renamed norms (aliases) in `norms show`, waivers, reports and lint."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.audit.waivers import load_waivers
from checker.authoring.lint import lint
from checker.cli import main
from checker.errors import InputError
from checker.library.citation import citation
from checker.library.conditions import leaves
from checker.library.loader import load_library, shipped_norms_dir

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = load_library()
EU24 = "https://eur-lex.europa.eu/legal-content/{}/TXT/?uri=CELEX:32024L1346#art_{}"
EU13 = "https://eur-lex.europa.eu/legal-content/{}/TXT/?uri=CELEX:32013L0033"


def norm(norm_id: str):
    found = LIBRARY.resolve(norm_id)
    assert found is not None, norm_id
    return found


# (norm id, old id or None, English citation, Dutch citation, English URL, Dutch URL)
CORRECTED = [
    (
        "RCD2024-20.8",
        "RCD2024-20.7",
        "Directive (EU) 2024/1346, art. 20(8)",
        "Richtlijn (EU) 2024/1346, art. 20 lid 8",
        EU24.format("EN", 20),
        EU24.format("NL", 20),
    ),
    (
        "RCD2024-20.10",
        "RCD2024-20.9",
        "Directive (EU) 2024/1346, art. 20(10)",
        "Richtlijn (EU) 2024/1346, art. 20 lid 10",
        EU24.format("EN", 20),
        EU24.format("NL", 20),
    ),
    (
        "RCD2024-27.9",
        "RCD2024-27.2",
        "Directive (EU) 2024/1346, art. 27(9), first and second subparagraphs",
        "Richtlijn (EU) 2024/1346, art. 27 lid 9, eerste en tweede alinea",
        EU24.format("EN", 27),
        EU24.format("NL", 27),
    ),
    (
        "RCD2024-27.9-siblings",
        "RCD2024-27.2-siblings",
        "Directive (EU) 2024/1346, art. 27(9), third subparagraph",
        "Richtlijn (EU) 2024/1346, art. 27 lid 9, derde alinea",
        EU24.format("EN", 27),
        EU24.format("NL", 27),
    ),
    (
        "RCD2024-26.6",
        "RCD2024-27-staff",
        "Directive (EU) 2024/1346, art. 26(6)",
        "Richtlijn (EU) 2024/1346, art. 26 lid 6",
        EU24.format("EN", 26),
        EU24.format("NL", 26),
    ),
    (
        "RCD2013-23.1",
        None,
        "Directive 2013/33/EU, art. 23(1)",
        "Richtlijn 2013/33/EU, art. 23 lid 1",
        EU13.format("EN"),  # the 2013 Official Journal HTML has no #art_N anchors
        EU13.format("NL"),
    ),
    (
        "RCD2013-19.1",
        None,
        "Directive 2013/33/EU, art. 19(1)",
        "Richtlijn 2013/33/EU, art. 19 lid 1",
        EU13.format("EN"),
        EU13.format("NL"),
    ),
    (
        "COA-NO-3",
        None,
        "COA reception requirements, see Noodopvang, Plan van Eisen (2016), as cited in the "
        "inspectorates' letter of 17 July 2025, footnote 10",
        "COA-eisen voor opvang, zie Noodopvang, Plan van Eisen (2016), aangehaald in de brief "
        "van de inspecties van 17 juli 2025, voetnoot 10",
        "https://www.inspectie-jenv.nl/actueel/nieuws/2025/07/29/nog-onvoldoende-verbeteringen-"
        "in-situatie-kinderen-in-noodopvang",
        "https://www.inspectie-jenv.nl/actueel/nieuws/2025/07/29/nog-onvoldoende-verbeteringen-"
        "in-situatie-kinderen-in-noodopvang",
    ),
    (
        "INSP23-1",
        None,
        "Joint letter of the inspectorates on children in emergency shelter, letter of 3 May 2023",
        "Gezamenlijke brief van de inspecties over kinderen in de noodopvang, brief van 3 mei 2023",
        "https://www.igj.nl/actueel/nieuws/2023/05/03/inspecties-veiligheid-en-ontwikkeling-"
        "kinderen-asielopvang-nog-steeds-in-gevaar",
        "https://www.igj.nl/actueel/nieuws/2023/05/03/inspecties-veiligheid-en-ontwikkeling-"
        "kinderen-asielopvang-nog-steeds-in-gevaar",
    ),
    (
        "KOM-2023-1",
        None,
        "Kinderombudsman, report 'De crisis voorbij' of the Kinderombudsman and the Nationale "
        "ombudsman, 27 June 2023",
        "Kinderombudsman, rapport 'De crisis voorbij' van de Kinderombudsman en de Nationale "
        "ombudsman, 27 juni 2023",
        "https://www.kinderombudsman.nl/publicaties/de-crisis-voorbij-naar-een-menswaardige-"
        "opvang-van-asielzoekers-vanuit-mensen-en",
        "https://www.kinderombudsman.nl/publicaties/de-crisis-voorbij-naar-een-menswaardige-"
        "opvang-van-asielzoekers-vanuit-mensen-en",
    ),
    (
        "CRC-31",
        None,
        "CRC art. 31",
        "IVRK art. 31",
        "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child",
        "https://wetten.overheid.nl/BWBV0002508",
    ),
] + [
    (
        f"VNG-{n}",
        None,
        "VNG preconditions for asylum reception locations (position paper, 9 September 2025), "
        f"precondition {n}",
        f"VNG-randvoorwaarden voor opvanglocaties (position paper, 9 september 2025), "
        f"randvoorwaarde {n}",
        # not the VNG home page: the official report of the round-table the paper was for
        "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?did=2025D39042&id=2025D39042",
        "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?did=2025D39042&id=2025D39042",
    )
    for n in range(1, 5)
]


@pytest.mark.parametrize(("norm_id", "old_id", "en", "nl", "url_en", "url_nl"), CORRECTED)
def test_a_corrected_citation_is_on_its_norm(norm_id, old_id, en, nl, url_en, url_nl):
    lib_norm = norm(norm_id)
    assert lib_norm.id == norm_id
    assert (citation(lib_norm, "en").text, citation(lib_norm, "nl").text) == (en, nl)
    assert (citation(lib_norm, "en").url, citation(lib_norm, "nl").url) == (url_en, url_nl)
    if old_id:
        assert lib_norm.norm.aliases == [old_id]
        assert LIBRARY.resolve(old_id) is lib_norm
        assert old_id not in [n.id for n in LIBRARY.norms]


@pytest.mark.parametrize(
    ("norm_id", "en", "nl"),
    [
        ("RCD2024-26.1", "a primary consideration", "een eerste overweging"),
        ("RCD2013-23.1", "a primary consideration", "een eerste overweging"),
        ("RCD2013-19.1", "serious mental disorders", "ernstige psychische stoornissen"),
        ("RCD2024-20.4", "racist or", "racistisch of religieus motief"),
        ("RCD2024-20.4", "as far as\n        possible", "zo veel mogelijk"),
        ("RCD2024-14", "with the applicant's consent", "met instemming van de verzoeker"),
        ("RCD2024-20.3", "applicants with special reception needs", "bijzondere opvangbehoeften"),
        ("RCD2024-20.10", "as short a time as possible", "zo kort mogelijk"),
        ("RCD2024-26.6", "child safeguarding", "hun bescherming"),
        ("INSP25-3.health", "the letter does not name JGZ", "de brief noemt de JGZ niet"),
    ],
)
def test_a_corrected_summary_says_what_the_text_says(norm_id, en, nl):
    summary = norm(norm_id).norm.summary
    assert " ".join(en.split()) in " ".join(summary.en.split())
    assert nl in " ".join(summary.nl.split())


def _dutch_texts(family: str) -> str:
    return " ".join(
        " ".join((n.norm.title.nl, n.norm.summary.nl, n.norm.remedy.nl))
        for n in LIBRARY.norms
        if n.file.family == family
    )


@pytest.mark.parametrize("family", ["reception_directive_2013", "reception_directive_2024"])
def test_directive_norms_use_the_official_dutch_terms(family):
    text = _dutch_texts(family)
    assert "niet-begeleide minderjarige" in text
    for wrong in ("alleenstaande minderjarige", "asielzoeker", "amv's", "staat voorop"):
        assert wrong not in text.lower(), wrong


def test_easo_guidance_is_a_richtsnoer_in_dutch():
    instruments = {n.file.family: n.file.instrument.nl for n in LIBRARY.norms}
    assert instruments["euaa_general"] == "EASO-richtsnoer voor opvangvoorzieningen (2016)"
    assert instruments["euaa_unaccompanied"].startswith("EASO-richtsnoer inzake opvang")
    for family in ("euaa_general", "euaa_unaccompanied", "vng"):
        assert "richtlijn" not in _dutch_texts(family).lower(), family
    assert "EASO-richtsnoer" in norm("VNG-2").norm.summary.nl


def test_month_deadlines_are_calendar_months():
    for norm_id, months in [
        ("RCD2013-14.2", 3),
        ("INSP25-3", 3),
        ("RCD2024-16.2", 2),
        ("INSP25-3.2026", 2),
    ]:
        (leaf,) = leaves(norm(norm_id).norm.requires)
        assert (leaf.field, leaf.op.value, leaf.months, leaf.value) == (
            "school_access_days_max",
            "lte",
            months,
            None,
        )


def test_health_care_within_reach_keeps_the_indicators_alternatives():
    requires = norm("EUAA-GEN-1.2-health").norm.requires
    assert [leaf.field for leaf in leaves(requires)] == [
        "health_care_distance_km",
        "health_care_access",
    ]
    assert hasattr(requires, "any")


def test_the_court_order_that_could_not_be_breached_while_in_force_is_gone():
    # CRT-RB22-3 gave nine months from 6 October 2022 but was not maintained after 19 December
    assert LIBRARY.resolve("CRT-RB22-3") is None


@pytest.mark.parametrize(
    ("norm_id", "valid_from", "basis"),
    [
        ("KOM-2023-1", "2023-06-27", "27 June 2023"),
        ("KOM-KRT-1", "2025-09-18", "Earliest date a source we read proves"),
        ("VNG-1", "2025-09-09", "Earliest date a source we read proves"),
        ("NGO-3", "2025-09-18", "Earliest date a source we read proves"),
        ("RCD2013-14.2", "2015-07-20", "transposition deadline"),
        ("RCD2024-16.2", "2026-06-12", "Art. 35(1)"),
        ("INSP25-2", "2025-07-17", "Datum 17 juli 2025"),
        ("CRT-RB22-4", "2022-10-06", "Doubtful"),
        ("CRC-31", "1995-03-08", "8 March 1995"),
    ],
)
def test_a_start_date_says_why_it_is_the_laws(norm_id, valid_from, basis):
    lib_norm = norm(norm_id)
    assert lib_norm.valid_from.isoformat() == valid_from
    assert basis in " ".join(lib_norm.valid_from_basis.en.split())
    assert lib_norm.valid_from_basis.nl != lib_norm.valid_from_basis.en


def test_every_norm_records_how_its_citation_was_checked():
    counts: dict[str, int] = {}
    for lib_norm in LIBRARY.norms:
        verified = lib_norm.norm.source.verified
        assert verified is not None, lib_norm.id
        counts[verified.against.value] = counts.get(verified.against.value, 0) + 1
        if lib_norm.valid_from:
            assert lib_norm.valid_from_basis is not None, lib_norm.id
    assert sum(counts.values()) == len(LIBRARY.norms)
    assert set(counts) == {"official", "copy", "secondary", "none"}


# the remark in reports ----------------------------------------------------------------------


def test_the_remark_follows_what_the_citation_was_checked_against():
    assert citation(norm("EUAA-GEN-5.1"), "en").remark is None  # the publisher's own pages
    assert citation(norm("RCD2024-16.2"), "en").remark == (
        "checked against a copy of the official text"
    )
    assert citation(norm("RCD2024-16.2"), "nl").remark == (
        "getoetst aan een kopie van de officiële tekst"
    )
    assert citation(norm("CRT-HOF22-2"), "en").remark == (
        "citation not verified against the official text"
    )
    assert citation(norm("RCD2013-18.7"), "nl").remark == (
        "bronvermelding niet getoetst aan de officiële tekst"
    )


def _check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_reports_say_where_a_citation_was_not_verified(tmp_path):
    case = str(ROOT / "cases" / "process-location-amv-80.yaml")
    text = _check(case, "--as-of", "2026-09-01", "--lang", "nl", "--format", "text").stdout
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("RCD2024-20.8"))
    assert "(voorheen RCD2024-20.7)" in lines[at]
    assert (
        "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32024L1346#art_20"
        in (lines[at + 2])
    )
    assert lines[at + 3].strip() == "(getoetst aan een kopie van de officiële tekst)"

    data = json.loads(_check(case, "--as-of", "2026-09-01", "--format", "json").stdout)
    findings = {f["norm_id"]: f for f in data["findings"]}
    assert findings["RCD2024-20.8"]["aliases"] == ["RCD2024-20.7"]
    assert findings["RCD2024-20.8"]["citation"]["verified"] == "copy"
    assert "aliases" not in findings["RCD2024-16.2"]
    court = [f for f in data["findings"] if f["weight"] == "court"]
    assert court and all(f["citation"]["verified"] == "secondary" for f in court)
    assert all(f["citation"]["remark"] for f in court)
    assert findings["EUAA-UAC-8.2"]["citation"]["remark"] is None

    md = _check(case, "--as-of", "2026-09-01", "--lang", "en", "--format", "md").stdout
    assert "(checked against a copy of the official text)" in md
    assert re.search(r"^### \d+\. RCD2024-20\.8 — .* \(formerly RCD2024-20\.7\)$", md, re.M)
    html = _check(case, "--as-of", "2026-09-01", "--lang", "en", "--format", "html").stdout
    assert '<span class="citation-remark">(checked against a copy of the official text)' in html
    assert '<small class="formerly">(formerly RCD2024-20.7)</small>' in html


# aliases ------------------------------------------------------------------------------------


def test_norms_show_accepts_an_earlier_id():
    result = CliRunner().invoke(main, ["norms", "show", "RCD2024-27-staff", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("RCD2024-26.6 — ")
    assert lines[1] == "formerly RCD2024-27-staff"
    assert "  en: Directive (EU) 2024/1346, art. 26(6)" in lines


def test_a_waiver_for_an_earlier_id_applies_to_the_renamed_norm(tmp_path):
    path = tmp_path / "w.yaml"
    entry = {
        "norm": "RCD2024-20.7",
        "location": "process-location-amv-80",
        "justification": "training booked for October",
        "accepted_by": "regional manager",
        "expires": "2026-12-31",
    }
    path.write_text(yaml.safe_dump({"waivers": [entry]}), encoding="utf-8")
    waivers = load_waivers(path, LIBRARY)
    assert list(waivers.for_location("process-location-amv-80")) == ["RCD2024-20.8"]

    out = tmp_path / "audit.json"
    case = ROOT / "cases" / "process-location-amv-80.yaml"
    args = ["audit", str(case), "--as-of", "2026-09-01", "--workers", "1", "--json", str(out)]
    result = CliRunner().invoke(main, [*args, "--waivers", str(path)])
    assert result.exit_code in (0, 1), result.output
    findings = {f["norm_id"]: f for f in json.loads(out.read_text())["locations"][0]["findings"]}
    assert findings["RCD2024-20.8"]["outcome"] == "fail"
    assert findings["RCD2024-20.8"]["waiver"]["status"] == "waived"


def test_a_waiver_file_naming_an_old_and_a_new_id_of_one_norm_is_refused(tmp_path):
    path = tmp_path / "w.yaml"
    base = {"location": "x", "justification": "j", "accepted_by": "a", "expires": "2026-12-31"}
    entries = [{"norm": "RCD2024-20.7", **base}, {"norm": "RCD2024-20.8", **base}]
    path.write_text(yaml.safe_dump({"waivers": entries}), encoding="utf-8")
    with pytest.raises(InputError, match="a second waiver for RCD2024-20.8 at x"):
        load_waivers(path, LIBRARY)


LOCAL = """\
family: local
instrument: {{en: "Local rule", nl: "Lokale regel"}}
url: https://example.org/
weight: policy
{valid_from}norms:
  - id: {id}
{aliases}    title: {{en: "Play space", nl: "Speelruimte"}}
    summary: {{en: "Some play space.", nl: "Wat speelruimte."}}
    source: {{article: "1", url: "https://example.org/"{verified}}}
    dimension: play_leisure
    severity: minor
    applies_when: {{field: houses_children, op: eq, value: true}}
    requires: {{field: indoor_play_area_m2, op: gt, value: 0}}
    remedy: {{en: "Add play space.", nl: "Maak speelruimte."}}
    examples:
      - name: "a playroom passes"
        location: {{children_count: 5, indoor_play_area_m2: 10}}
        outcome: pass
      - name: "no playroom fails"
        location: {{children_count: 5, indoor_play_area_m2: 0}}
        outcome: fail
"""
VERIFIED = ", verified: {date: 2026-12-01, against: none, text: made up for the test}"


def _local(tmp_path: Path, norm_id="LOC-1", aliases="", verified=VERIFIED, valid_from="") -> Path:
    path = tmp_path / "local.yaml"
    path.write_text(
        LOCAL.format(id=norm_id, aliases=aliases, verified=verified, valid_from=valid_from),
        encoding="utf-8",
    )
    return path


def _messages(problems) -> list[str]:
    return [p.message["en"] for p in problems]


def test_a_local_norm_that_is_complete_passes_lint(tmp_path):
    _, problems = lint([_local(tmp_path)])
    assert _messages(problems) == []


def test_lint_refuses_a_norm_without_a_verification_record(tmp_path):
    _, problems = lint([_local(tmp_path, verified="")])
    assert _messages(problems) == ["LOC-1: source has no verification record"]
    assert problems[0].line == 9


def test_lint_refuses_a_valid_from_without_its_basis(tmp_path):
    _, problems = lint([_local(tmp_path, valid_from="valid_from: 2026-01-01\n")])
    assert _messages(problems) == ["local: valid_from has no valid_from_basis"]
    assert problems[0].line == 5


def test_an_alias_may_not_be_a_current_id(tmp_path):
    _, problems = lint([_local(tmp_path, aliases="    aliases: [RCD2024-16.2]\n")])
    assert _messages(problems) == [
        f"LOC-1: alias RCD2024-16.2 is already used in {shipped_norms_dir()}"
        "/reception-directive-2024.yaml"
    ]


def test_an_alias_may_not_name_a_second_norm(tmp_path):
    _, problems = lint([_local(tmp_path, aliases="    aliases: [RCD2024-20.7]\n")])
    assert len(problems) == 1
    assert re.match(
        r"LOC-1: alias RCD2024-20.7 is already used in RCD2024-20.8 \(", (_messages(problems)[0])
    )


def test_a_local_norm_under_an_earlier_id_of_a_shipped_norm_is_refused(tmp_path):
    path = _local(tmp_path, norm_id="RCD2024-20.7")
    _, problems = lint([path])
    assert _messages(problems) == [
        f"norm id RCD2024-20.7 is the earlier id of RCD2024-20.8 ({shipped_norms_dir()}"
        "/reception-directive-2024.yaml)"
    ]
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(ROOT / "cases" / "regular-azc-families.yaml"),
            "--norms-dir",
            str(tmp_path),
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 2
    assert "norm id RCD2024-20.7 is the earlier id of RCD2024-20.8" in result.output


def test_the_shipped_library_has_no_colliding_aliases(tmp_path):
    copy = tmp_path / "norms"
    shutil.copytree(shipped_norms_dir(), copy)
    _, problems = lint([copy], shipped=False)
    assert _messages(problems) == []
