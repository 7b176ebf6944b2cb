"""Load the norm library: every norm file in one or more directories, checked.

Each file is validated against the shipped JSON Schema (errors name the line),
then every condition is checked against the location model: a field that does
not exist, a value of the wrong type or an enum value that is not allowed is
an error, not a rule that silently never fires.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.errors import InputError, Problem, did_you_mean, labelled_problem, problem
from checker.i18n import LANGUAGES
from checker.library import cache as library_cache
from checker.library.citation import Citation, citation
from checker.library.conditions import (
    MAX_CONJUNCTIONS,
    MAX_LITERALS,
    Condition,
    Leaf,
    Op,
    Text,
    dnf_size,
    fields_of,
    leaves,
)
from checker.library.model import DerivedFact, DerivedFile, Norm, NormFile, Weight
from checker.location.model import EXPANDED_FROM, META_FIELDS, Location
from checker.source.reader import YamlDocument, load_yaml
from checker.source.validation import jsonschema_texts, pydantic_texts

NOT_CHECKABLE = {"id", "name", "notes", "municipality", "report_author"}
AS_OF_FIELD = "as_of_date"


@dataclass(frozen=True)
class FieldKind:
    """What a condition may compare a fact with."""

    kind: str  # number | bool | enum | date | list | text
    members: tuple[str, ...] = ()


def _kind_of(annotation: Any) -> FieldKind:
    base = annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        base = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(base) is list:
        member = typing.get_args(base)[0]
        return FieldKind("list", tuple(m.value for m in member))
    if isinstance(base, type) and issubclass(base, Enum):
        return FieldKind("enum", tuple(m.value for m in base))
    if base is bool:
        return FieldKind("bool")
    if base in (int, float):
        return FieldKind("number")
    if base is dt.date:
        return FieldKind("date")
    return FieldKind("text")


@cache
def location_field_kinds() -> dict[str, FieldKind]:
    """The kind of value of every location field, as norms may test it."""
    kinds = {
        name: _kind_of(info.annotation)
        for name, info in Location.model_fields.items()
        if name not in NOT_CHECKABLE
        and name not in EXPANDED_FROM.values()
        and name not in META_FIELDS
    }
    kinds.update(dict.fromkeys(EXPANDED_FROM, FieldKind("date")))
    kinds[AS_OF_FIELD] = FieldKind("date")
    return kinds


@dataclass
class LibraryNorm:
    """A norm with what it inherits from its file."""

    norm: Norm
    file: NormFile
    path: str
    line: int | None

    @property
    def id(self) -> str:
        """The norm's id."""
        return self.norm.id

    @property
    def weight(self) -> Weight:
        """The norm's weight: its own, else its file's."""
        return self.norm.weight or self.file.weight

    @property
    def valid_from(self) -> dt.date | None:
        """The first day the norm is in force: its own, else its file's (None: no start)."""
        return self.norm.valid_from or self.file.valid_from

    @property
    def valid_from_basis(self) -> Text | None:
        """Why `valid_from` is the date the rule took effect (the norm's own, or its file's)."""
        if self.norm.valid_from:
            return self.norm.valid_from_basis
        return self.file.valid_from_basis if self.file.valid_from else None

    @property
    def valid_until(self) -> dt.date | None:
        """The last day the norm is in force: its own, else its file's (None: no end)."""
        return self.norm.valid_until or self.file.valid_until

    def in_force(self, day: dt.date) -> bool:
        """True when the norm is in force on `day`."""
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_until is None or day <= self.valid_until
        )

    @cached_property
    def citations(self) -> dict[str, Citation]:
        """How the norm is cited, per report language (kept: every report cites every norm)."""
        return {lang: citation(self, lang) for lang in LANGUAGES}

    @cached_property
    def fields(self) -> list[str]:
        """Every fact the norm's conditions read, once each, in order (kept: a report asks for
        them once per norm and location)."""
        both = fields_of(self.norm.applies_when) + fields_of(self.norm.requires)
        return list(dict.fromkeys(both))


@dataclass
class Library:
    """Every norm and derived fact, checked as one library, with its version."""

    norms: list[LibraryNorm]
    derived: list[DerivedFact]
    version: str
    field_kinds: dict[str, FieldKind] = field(default_factory=dict)
    derived_inputs: dict[str, list[str]] = field(default_factory=dict)
    date: dt.date | None = None  # library.yaml: when the texts were last checked

    def norm(self, norm_id: str) -> LibraryNorm:
        """The norm with id `norm_id`."""
        return next(n for n in self.norms if n.id == norm_id)

    def resolve(self, norm_id: str) -> LibraryNorm | None:
        """The norm with this id, or the norm that was renamed from it (its `aliases`)."""
        return next((n for n in self.norms if n.id == norm_id or norm_id in n.norm.aliases), None)

    def known_ids(self) -> list[str]:
        """Every id a user may write: current ids and earlier ones."""
        return [i for n in self.norms for i in (n.id, *n.norm.aliases)]

    def base_fields(self, name: str) -> list[str]:
        """The location fields a fact depends on (itself, for a location field)."""
        if name in EXPANDED_FROM:
            return [EXPANDED_FROM[name]]
        if name not in self.derived_inputs:
            return [name]
        return [b for inp in self.derived_inputs[name] for b in self.base_fields(inp)]


def shipped_norms_dir() -> Path:
    """norms/ of the repository, installed as `checker.norms_data`: a namespace package (no
    __init__.py), whose `resources.files` is a MultiplexedPath and not a directory name."""
    spec = importlib.util.find_spec("checker.norms_data")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "norms"  # a source tree, not installed


@cache
def _norm_file_validator() -> Any:
    # only when a library is checked, not when it comes from the cache
    from importlib import resources

    import jsonschema

    text = resources.files("checker.schemas").joinpath("norm-file.schema.json").read_text()
    return jsonschema.Draft202012Validator(json.loads(text))


def _jsonable(data: Any) -> Any:
    return json.loads(json.dumps(data, default=lambda v: v.isoformat()))


def _schema_problems(doc: YamlDocument) -> list[Problem]:
    problems = []
    for err in sorted(
        _norm_file_validator().iter_errors(_jsonable(doc.data)),
        key=lambda e: list(map(str, e.absolute_path)),
    ):
        path = tuple(err.absolute_path)
        where = ".".join(str(p) for p in path) or "(top)"
        if err.validator in ("anyOf", "oneOf") and err.context:
            # the branch that got furthest into the value says best what is wrong
            err = max(err.context, key=lambda e: (len(e.absolute_path), -len(e.schema_path)))
        texts = jsonschema_texts(err)
        problems.append(
            labelled_problem(
                doc.file,
                doc.line_of(path),
                "problem_where_text",
                hint_key="problem_see_norms_readme_md",
                where=where,
                en=texts.en,
                nl=texts.nl,
            )
        )
    return problems


def _leaf_problems(
    leaf: Leaf, kinds: dict[str, FieldKind], where: str, doc: YamlDocument, path: tuple
) -> list[Problem]:
    out = []
    line = doc.line_of(path)

    def bad(en: str, nl: str) -> None:
        out.append(
            labelled_problem(doc.file, line, "problem_where_text", where=where, en=en, nl=nl)
        )

    for name in leaf.fields:
        if name not in kinds:
            guess = did_you_mean(name, list(kinds))
            tip = f" (did you mean '{guess}'?)" if guess else ""
            tip_nl = f" (bedoelde u '{guess}'?)" if guess else ""
            bad(f"unknown field '{name}'{tip}", f"onbekend veld '{name}'{tip_nl}")
            return out
    if leaf.months_between:
        for name in leaf.months_between:
            if kinds[name].kind != "date":
                bad(
                    f"months_between needs date fields, '{name}' is not one",
                    f"months_between vraagt datumvelden, '{name}' is er geen",
                )
        return out
    kind = kinds[leaf.subject()]
    values = leaf.value if isinstance(leaf.value, list) else [leaf.value]
    if leaf.op in (Op.present, Op.absent):
        return out
    if leaf.months is not None:
        if kind.kind != "number":
            bad(
                f"'months' needs a number of days, '{leaf.field}' is not one",
                f"'months' vraagt een aantal dagen, '{leaf.field}' is dat niet",
            )
        return out
    if kind.kind == "list":
        if leaf.op not in (Op.contains, Op.not_contains):
            bad(
                f"list field '{leaf.field}' takes contains or not_contains",
                f"lijstveld '{leaf.field}' werkt met contains of not_contains",
            )
        elif leaf.value not in kind.members:
            bad(
                f"'{leaf.value}' is not one of {list(kind.members)}",
                f"'{leaf.value}' is geen van {list(kind.members)}",
            )
        return out
    if leaf.op in (Op.contains, Op.not_contains):
        bad(f"'{leaf.field}' is not a list", f"'{leaf.field}' is geen lijst")
        return out
    ordering = leaf.op in (Op.lt, Op.lte, Op.gt, Op.gte)
    for value in values:
        if kind.kind == "number" and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            bad(
                f"'{leaf.field}' is a number, got {value!r}",
                f"'{leaf.field}' is een getal, niet {value!r}",
            )
        elif kind.kind == "bool" and (ordering or not isinstance(value, bool)):
            bad(
                f"'{leaf.field}' is true/false: use eq or ne with true or false",
                f"'{leaf.field}' is waar/onwaar: gebruik eq of ne met true of false",
            )
        elif kind.kind == "enum" and (ordering or value not in kind.members):
            bad(
                f"'{value}' is not one of {list(kind.members)}",
                f"'{value}' is geen van {list(kind.members)}",
            )
        elif kind.kind in ("date", "text"):
            bad(
                f"'{leaf.field}' cannot be compared with a value here",
                f"'{leaf.field}' kan hier niet met een waarde vergeleken worden",
            )
    return out


def _condition_problems(
    cond: Condition | None, kinds: dict[str, FieldKind], where: str, doc: YamlDocument, path: tuple
) -> list[Problem]:
    return [p for leaf in leaves(cond) for p in _leaf_problems(leaf, kinds, where, doc, path)]


def size_problems(
    pairs: list[tuple[Condition | None, Condition | None]], where: str, file: str, line: int | None
) -> list[Problem]:
    """The rules the engine would make of (applies, requires) pairs, counted without making
    them: too many would take minutes and gigabytes, too wide a one the engine refuses."""
    rules = widest = 0
    for applies, requires in pairs:
        a_n, a_w = dnf_size(applies)
        for n, w in (
            dnf_size(applies, True),
            *(
                (a_n * r_n, a_w + r_w)
                for r_n, r_w in (dnf_size(requires), dnf_size(requires, True))
            ),
        ):
            rules, widest = rules + n, max(widest, w if n else 0)
    found = []
    if rules > MAX_CONJUNCTIONS:
        found.append(
            labelled_problem(
                file,
                line,
                "norm_too_many_rules",
                hint_key="norm_too_many_rules_hint",
                where=where,
                rules=rules,
                limit=MAX_CONJUNCTIONS,
            )
        )
    if widest > MAX_LITERALS:
        found.append(
            labelled_problem(
                file,
                line,
                "norm_too_wide",
                hint_key="norm_too_wide_hint",
                where=where,
                tests=widest,
                limit=MAX_LITERALS,
            )
        )
    return found


def _derived_order(
    derived: list[DerivedFact], where: dict[str, tuple[YamlDocument, int]]
) -> tuple[list[DerivedFact], dict[str, list[str]]]:
    """Derived facts ordered so each comes after the ones it reads; cycles are errors."""
    names = {d.name for d in derived}
    inputs: dict[str, list[str]] = {}
    for d in derived:
        conds = [d.when] if d.when else [c.when for c in d.cases or []]
        used = [f for c in conds for f in fields_of(c)]
        for case in d.cases or []:
            used += _expression_fields(case.value)
        inputs[d.name] = list(dict.fromkeys(used))
    ordered: list[DerivedFact] = []
    state: dict[str, str] = {}
    by_name = {d.name: d for d in derived}

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "busy":
            cycle = " -> ".join(trail + [name])
            doc, index = where[name]
            raise InputError(
                [
                    labelled_problem(
                        doc.file,
                        doc.line_of(("derived", index)),
                        "problem_derived_facts_depend_on",
                        cycle=cycle,
                    )
                ]
            )
        state[name] = "busy"
        for dep in inputs[name]:
            if dep in names:
                visit(dep, trail + [name])
        state[name] = "done"
        ordered.append(by_name[name])

    for d in derived:
        visit(d.name, [])
    return ordered, inputs


def _expression_fields(expr: dict[str, Any]) -> list[str]:
    ((op, args),) = expr.items()
    if op == "field":
        return [args]
    return [a for a in args if isinstance(a, str)]


def _validation_problems(doc: YamlDocument, exc: ValidationError) -> list[Problem]:
    """Pydantic's errors, keeping only our own validators' messages when there are any (a
    condition that fails them also fails every other member of the union)."""
    errors = [e for e in exc.errors() if e["type"] == "value_error"] or exc.errors()
    out = []
    for e in errors:
        # drop pydantic's union branch names ('AllOf', 'function-after[...]'): not YAML keys
        path = tuple(p for p in e["loc"] if isinstance(p, int) or p[:1].islower() and "[" not in p)
        where = ".".join(map(str, path))
        texts = pydantic_texts(e)
        out.append(
            labelled_problem(
                doc.file,
                doc.line_of(path),
                "problem_where_text",
                where=where,
                en=texts.en,
                nl=texts.nl,
            )
        )
    return out


def _load_derived(doc: YamlDocument) -> list[DerivedFact]:
    try:
        return DerivedFile.model_validate(_jsonable(doc.data)).derived
    except ValidationError as exc:
        raise InputError(
            [
                labelled_problem(
                    doc.file,
                    doc.line_of(tuple(e["loc"])),
                    "problem_where_text",
                    where=".".join(map(str, e["loc"])),
                    en=e["msg"],
                    nl=pydantic_texts(e).nl,
                )
                for e in exc.errors()
            ]
        ) from None


def load_library(dirs: list[Path] | None = None, *, shipped: bool = True) -> Library:
    """Every `*.yaml` in the shipped norms directory plus `dirs`, checked as one library."""
    paths = _norm_paths(dirs, shipped)
    key = library_cache.library_key(paths, shipped) if library_cache.enabled() else None
    if key is not None:
        cached = library_cache.read(key)
        if isinstance(cached, Library):
            return cached
    library, problems = collect_library(dirs, shipped=shipped)
    if problems:
        raise InputError(problems)
    if key is not None:
        library_cache.write(key, library)
    return library


def _norm_paths(dirs: list[Path] | None, shipped: bool) -> list[Path]:
    """The norm files of the library, in the order they are read."""
    paths: list[Path] = []
    for directory in ([shipped_norms_dir()] if shipped else []) + list(dirs or []):
        if directory.is_file():
            paths.append(directory)
            continue
        if not directory.is_dir():
            raise InputError(
                [labelled_problem(str(directory), None, "problem_norms_directory_found")]
            )
        paths += sorted(directory.glob("*.yaml"))
    return paths


def collect_library(
    dirs: list[Path] | None = None, *, shipped: bool = True
) -> tuple[Library, list[Problem]]:
    """The library with every problem found in it, for tools that report rather than refuse.

    `dirs` may also name single norm files; `shipped=False` leaves the shipped library out
    (to check an edited copy of it). A file that fails the schema is left out of the library.
    """
    paths = _norm_paths(dirs, shipped)
    problems: list[Problem] = []
    documents: list[YamlDocument] = []
    derived: list[DerivedFact] = []
    derived_docs: dict[str, tuple[YamlDocument, int]] = {}  # name -> its file, its index
    digest = hashlib.sha256()
    dates: list[dt.date] = []  # of library.yaml in each directory
    for path in paths:
        try:
            doc = load_yaml(path)
        except InputError as exc:  # one unreadable file must not hide the others' problems
            problems += exc.problems
            continue
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
        if isinstance(doc.data, dict) and isinstance(doc.data.get("library"), dict):
            day = doc.data["library"].get("date")
            if isinstance(day, dt.date):
                dates.append(day)
            continue
        if isinstance(doc.data, dict) and "derived" in doc.data:
            for index, d in enumerate(_load_derived(doc)):
                derived_docs[d.name] = (doc, index)
                derived.append(d)
        else:
            documents.append(doc)
    ordered, derived_inputs = _derived_order(derived, derived_docs)
    kinds = dict(location_field_kinds())
    for d in ordered:
        kinds[d.name] = FieldKind("bool") if d.when else FieldKind("number")
    norms: list[LibraryNorm] = []
    seen: dict[str, str] = {}
    renamed: dict[str, tuple[str, str]] = {}  # earlier id -> (current id, its file)
    for doc in documents:
        file_problems = _schema_problems(doc)
        if file_problems:
            problems += file_problems
            continue
        try:
            norm_file = NormFile.model_validate(_jsonable(doc.data))
        except ValidationError as exc:  # what the JSON Schema cannot express (Leaf's checks)
            problems += _validation_problems(doc, exc)
            continue
        for i, norm in enumerate(norm_file.norms):
            norm_path: tuple[str | int, ...] = ("norms", i)
            where = norm.id
            if norm.id in seen:
                problems.append(
                    labelled_problem(
                        doc.file,
                        doc.line_of(norm_path + ("id",)),
                        "problem_norm_id_also_used",
                        id=norm.id,
                        other_file=seen[norm.id],
                    )
                )
            elif norm.id in renamed:
                new_id, where_new = renamed[norm.id]
                problems.append(
                    problem(
                        doc.file,
                        doc.line_of(norm_path + ("id",)),
                        f"norm id {norm.id} is the earlier id of {new_id} ({where_new})",
                        f"norm-id {norm.id} is de eerdere id van {new_id} ({where_new})",
                        hint_en=f"give the norm a new id, or replace your copy with {new_id}",
                        hint_nl=f"geef de norm een nieuwe id, of vervang uw kopie door {new_id}",
                    )
                )
            seen[norm.id] = doc.file
            for k, alias in enumerate(norm.aliases):
                if alias in seen or alias in renamed:
                    owner = (
                        f"{renamed[alias][0]} ({renamed[alias][1]})"
                        if alias in renamed
                        else seen[alias]
                    )
                    problems.append(
                        problem(
                            doc.file,
                            doc.line_of(norm_path + ("aliases", k)),
                            f"{norm.id}: alias {alias} is already used in {owner}",
                            f"{norm.id}: alias {alias} komt al voor in {owner}",
                            hint_en="an earlier id may name one norm only, and never a current id",
                            hint_nl="een eerdere id mag maar één norm aanduiden, en nooit een "
                            "huidige id",
                        )
                    )
                renamed.setdefault(alias, (norm.id, doc.file))
            problems += _condition_problems(
                norm.applies_when, kinds, where, doc, norm_path + ("applies_when",)
            )
            problems += _condition_problems(
                norm.requires, kinds, where, doc, norm_path + ("requires",)
            )
            problems += size_problems(
                [(norm.applies_when, norm.requires)], where, doc.file, doc.line_of(norm_path)
            )
            norms.append(LibraryNorm(norm, norm_file, doc.file, doc.line_of(norm_path)))
    for d in ordered:
        doc, index = derived_docs[d.name]
        for cond in [d.when] + [c.when for c in d.cases or []]:
            problems += _condition_problems(cond, kinds, d.name, doc, ("derived", index))
        conds: list[tuple[Condition | None, Condition | None]]
        conds = [(d.when, None)] if d.when else [(c.when, None) for c in d.cases or []]
        problems += size_problems(conds, d.name, doc.file, doc.line_of(("derived", index)))
    library = Library(norms, ordered, digest.hexdigest()[:12], kinds, derived_inputs)
    library.date = max(dates, default=None)
    return library, problems
