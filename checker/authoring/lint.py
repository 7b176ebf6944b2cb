"""Checks on a norm library beyond what loading it refuses.

Loading (`checker.library.loader.collect_library`) already finds schema errors,
duplicate ids and conditions on fields the location model does not have. Lint
adds what makes a library untrustworthy although it loads: text that was not
translated, norms without a passing or a failing example, versions of one topic
that overlap or leave a gap, and conditions that can never be true (or never
false), found per conjunction of the disjunctive normal form the engine uses.
"""

from __future__ import annotations

import datetime as dt
import math
from itertools import combinations
from pathlib import Path
from typing import Any

from checker.errors import InputError, Problem, labelled_problem, problem
from checker.i18n import LANGUAGES
from checker.library.conditions import Conjunction, Leaf, Op, dnf, effective, leaves
from checker.library.lines import NormLines
from checker.library.loader import FieldKind, Library, LibraryNorm, collect_library, size_problems
from checker.library.model import Outcome
from checker.location.model import Location
from checker.source.reader import load_yaml

TRANSLATED = ("title", "summary", "remedy")

#: Location fields that describe a location without being checked, and why. Every other field
#: of the location model must be read by at least one norm (directly or through a derived
#: fact): a fact a planner fills in that counts toward nothing is a defect (README, "The norm
#: library").
DESCRIPTIVE_FIELDS = {
    "id": "identifies the file and the report",
    "name": "names the location in the report",
    "municipality": "says where it is; no norm differs by municipality",
    "operator": "says who runs it; the norms bind COA and municipalities alike",
    "notes": "free text, never checked",
    "report_author": "who made the check, printed on the report",
    "report_status": "whether the report is a draft or final, printed on the report",
    "described_on": "the date the description holds, for history and aging facts",
    "sources": "the documents the facts rest on, printed with the findings",
    "evidence": "what each fact rests on, printed with the findings",
}


def lint(paths: list[Path], *, shipped: bool = True) -> tuple[Library | None, list[Problem]]:
    """Every problem in the library made of the shipped norms (unless not `shipped`) and
    `paths`; the library is None when it could not be read at all."""
    try:
        library, problems = collect_library(paths, shipped=shipped)
    except InputError as exc:
        return None, exc.problems
    # only a whole library (its derived facts included) must read every field; a directory of
    # local norms alone need not
    unread = unread_field_problems(library) if shipped or library.derived else []
    return library, problems + lint_library(library) + unread


def unread_fields(library: Library) -> list[str]:
    """Location fields no norm of `library` reads, the descriptive ones left out."""
    read = {
        base
        for lib_norm in library.norms
        for name in lib_norm.fields
        for base in library.base_fields(name)
    }
    return [f for f in Location.model_fields if f not in read and f not in DESCRIPTIVE_FIELDS]


def unread_field_problems(library: Library) -> list[Problem]:
    """A problem for each field of the location model that no norm reads."""
    return [
        problem(
            "checker/location/model.py",
            None,
            "this location field is read by no norm, so it counts toward nothing",
            "dit locatieveld wordt door geen enkele norm gelezen en telt dus nergens mee",
            field=name,
            hint_en="give it a norm with its source, remove it from the model, or, if it only "
            "describes the location, add it to DESCRIPTIVE_FIELDS in checker/authoring/lint.py",
            hint_nl="geef het een norm met bron, haal het uit het model, of zet het, als het de "
            "locatie alleen beschrijft, in DESCRIPTIVE_FIELDS in checker/authoring/lint.py",
        )
        for name in unread_fields(library)
    ]


def lint_library(library: Library) -> list[Problem]:
    """What is wrong with a library that loaded: translations, examples, reachability."""
    lines = NormLines()
    problems: list[Problem] = []
    for lib_norm in library.norms:
        problems += _record_problems(lib_norm, lines)
        problems += _translation_problems(lib_norm, lines)
        problems += _example_problems(lib_norm, lines)
        norm = lib_norm.norm
        if not size_problems([(norm.applies_when, norm.requires)], lib_norm.id, "", None):
            # (loading reported a norm too large to expand; expanding it here would hang)
            problems += _reachability_problems(lib_norm, library.field_kinds, lines)
    problems += _validity_problems(library, lines)
    problems += _file_basis_problems(library)
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def _record_problems(lib_norm: LibraryNorm, lines: NormLines) -> list[Problem]:
    """A citation a lawyer can defend says how it was checked, and a start date says why."""
    out = []
    if lib_norm.norm.source.verified is None:
        out.append(
            problem(
                lib_norm.path,
                lines.line(lib_norm, "source"),
                f"{lib_norm.id}: source has no verification record",
                f"{lib_norm.id}: source heeft geen toetsingsgegevens (verified)",
                hint_en="add source.verified: {date, against: official | copy | secondary | "
                "none, text: what was read, where}",
                hint_nl="voeg source.verified toe: {date, against: official | copy | secondary | "
                "none, text: wat is gelezen, waar}",
            )
        )
    norm = lib_norm.norm
    if norm.valid_from and norm.valid_from_basis is None:
        out.append(_basis_problem(lib_norm.path, lines.line(lib_norm, "valid_from"), norm.id))
    return out


def _basis_problem(path: str, line: int | None, what: str) -> Problem:
    return problem(
        path,
        line,
        f"{what}: valid_from has no valid_from_basis",
        f"{what}: valid_from heeft geen valid_from_basis",
        hint_en="say in en and nl why the rule takes effect on that date and which document "
        "proves it; where only a later document proves it, say so",
        hint_nl="zeg in en en nl waarom de regel op die datum ingaat en welk document dat "
        "bewijst; zeg het als alleen een later document het bewijst",
    )


def _file_basis_problems(library: Library) -> list[Problem]:
    files = {n.path: n.file for n in library.norms}
    return [
        _basis_problem(path, load_yaml(Path(path)).line_of(("valid_from",)), f"{file.family}")
        for path, file in files.items()
        if file.valid_from and file.valid_from_basis is None
    ]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _translation_problems(lib_norm: LibraryNorm, lines: NormLines) -> list[Problem]:
    out = []
    for key in TRANSLATED:
        text = getattr(lib_norm.norm, key)
        line = lines.line(lib_norm, key)
        empty = [lang for lang in LANGUAGES if not getattr(text, lang).strip()]
        for lang in empty:
            out.append(
                labelled_problem(
                    lib_norm.path,
                    line,
                    "problem_empty",
                    hint_key="problem_write_text_both_english",
                    id=lib_norm.id,
                    label=key,
                    language=lang,
                )
            )
        if not empty and _same(text.en, text.nl):
            out.append(
                labelled_problem(
                    lib_norm.path,
                    line,
                    "problem_same_english_dutch",
                    hint_key="problem_translate_it",
                    id=lib_norm.id,
                    label=key,
                    en=text.en,
                    nl=text.nl,
                )
            )
    return out


def _example_problems(lib_norm: LibraryNorm, lines: NormLines) -> list[Problem]:
    outcomes = {e.outcome for e in lib_norm.norm.examples}
    return [
        labelled_problem(
            lib_norm.path,
            lines.line(lib_norm, "examples"),
            "problem_no_example_with_outcome",
            hint_key="problem_add_location_for_which",
            id=lib_norm.id,
            value=wanted.value,
        )
        for wanted in (Outcome.pass_, Outcome.fail)
        if wanted not in outcomes
    ]


# Validity within a topic -------------------------------------------------------------------

_FIRST, _LAST = dt.date.min, dt.date.max


def _period(n: LibraryNorm) -> tuple[dt.date, dt.date]:
    return n.valid_from or _FIRST, n.valid_until or _LAST


def _validity_problems(library: Library, lines: NormLines) -> list[Problem]:
    topics: dict[str, list[LibraryNorm]] = {}
    for n in library.norms:
        if n.norm.topic:
            topics.setdefault(n.norm.topic, []).append(n)
    out = []
    for topic, versions in topics.items():
        versions = sorted(versions, key=_period)
        for a, b in combinations(versions, 2):
            start = max(_period(a)[0], _period(b)[0])
            end = min(_period(a)[1], _period(b)[1])
            if start <= end:
                out.append(
                    labelled_problem(
                        b.path,
                        lines.line(b, "valid_from"),
                        "problem_topic_are_both_force",
                        hint_key="problem_let_one_version_end",
                        id=b.id,
                        other_id=a.id,
                        topic=topic,
                        start=start,
                    )
                )
        covered_until = _period(versions[0])[1]
        for b in versions[1:]:
            start, end = _period(b)
            if covered_until < _LAST and start > covered_until + dt.timedelta(days=1):
                gap_from = covered_until + dt.timedelta(days=1)
                gap_to = start - dt.timedelta(days=1)
                out.append(
                    labelled_problem(
                        b.path,
                        lines.line(b, "valid_from"),
                        "problem_no_version_topic_force",
                        hint_key="problem_let_version_start_day",
                        id=b.id,
                        topic=topic,
                        gap_from=gap_from,
                        gap_to=gap_to,
                    )
                )
            covered_until = max(covered_until, end)
    return out


# Reachability ------------------------------------------------------------------------------


def satisfiable(conj: Conjunction, kinds: dict[str, FieldKind]) -> bool:
    """Whether some location makes every literal of the conjunction true."""
    by_subject: dict[str, list[Leaf]] = {}
    for literal in conj:
        leaf = effective(literal).certain()
        by_subject.setdefault(leaf.subject(), []).append(leaf)
    return all(
        _consistent(group, kinds.get(group[0].field) if group[0].field else None)
        for group in by_subject.values()
    )


def _consistent(group: list[Leaf], kind: FieldKind | None) -> bool:
    ops = {leaf.op for leaf in group}
    if Op.absent in ops:  # every other test only matches a fact that is given
        return ops == {Op.absent}
    has = {leaf.value for leaf in group if leaf.op == Op.contains}
    lacks = {leaf.value for leaf in group if leaf.op == Op.not_contains}
    equal = {leaf.value for leaf in group if leaf.op == Op.eq}
    unequal = {leaf.value for leaf in group if leaf.op == Op.ne}
    if has & lacks or len(equal) > 1 or equal & unequal:
        return False
    domain: set[Any] | None = None
    if kind and kind.kind == "bool":
        domain = {True, False}
    elif kind and kind.kind == "enum":
        domain = set(kind.members)
    if domain is not None and not (equal or domain) - unequal:
        return False
    low, high, low_open, high_open = -math.inf, math.inf, False, False
    for leaf in group:
        if leaf.op in (Op.gt, Op.gte):
            strict = leaf.op == Op.gt
            if leaf.value > low or (leaf.value == low and strict):
                low, low_open = leaf.value, strict
        elif leaf.op in (Op.lt, Op.lte):
            strict = leaf.op == Op.lt
            if leaf.value < high or (leaf.value == high and strict):
                high, high_open = leaf.value, strict
    if low > high or (low == high and (low_open or high_open)):
        return False
    if math.isinf(low) and math.isinf(high):
        return True
    for value in equal:
        if (
            value < low
            or value > high
            or (value == low and low_open)
            or (value == high and high_open)
        ):
            return False
    return not (low == high and low in unequal)


def _leaves(norm) -> list[Leaf]:
    return leaves(norm.applies_when) + leaves(norm.requires)


def _wrong_kind(leaf: Leaf, kinds: dict[str, FieldKind]) -> bool:
    """A number field compared with something else (which loading reports) cannot be ordered."""
    if leaf.field in kinds and kinds[leaf.field].kind != "number":
        return False
    values = leaf.value if isinstance(leaf.value, list) else [leaf.value]
    return any(isinstance(v, bool) or not isinstance(v, int | float) for v in values)


def _reachability_problems(
    lib_norm: LibraryNorm, kinds: dict[str, FieldKind], lines: NormLines
) -> list[Problem]:
    norm, nid, file = lib_norm.norm, lib_norm.id, lib_norm.path
    if any(leaf.value is not None and _wrong_kind(leaf, kinds) for leaf in _leaves(norm)):
        return []  # loading has already reported the value of the wrong kind
    applies = [c for c in dnf(norm.applies_when) if satisfiable(c, kinds)]
    if not applies:
        return [
            labelled_problem(
                file,
                lines.line(lib_norm, "applies_when"),
                "problem_applies_when_can_never",
                hint_key="problem_look_for_tests_on",
                nid=nid,
            )
        ]
    out = []
    for negate, en, nl in (
        (False, "be true", "waar zijn"),
        (True, "be false", "onwaar zijn"),
    ):
        if not any(satisfiable(a + r, kinds) for a in applies for r in dnf(norm.requires, negate)):
            outcome = "fail" if negate else "pass"
            out.append(
                labelled_problem(
                    file,
                    lines.line(lib_norm, "requires"),
                    "problem_requires_can_never_where",
                    hint_key="problem_look_for_tests_on_2",
                    nid=nid,
                    en=en,
                    outcome=outcome,
                    nl=nl,
                )
            )
    return out
