"""From engine outcomes to findings a person can read and a lawyer can cite."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from checker.evaluate.engine import Evaluation
from checker.i18n import formats, t
from checker.library.citation import Citation
from checker.library.conditions import (
    AllOf,
    AnyOf,
    Condition,
    Leaf,
    NotOf,
    describe_leaf,
    fields_of,
    leaves,
)
from checker.library.loader import Library, LibraryNorm
from checker.library.model import Outcome
from checker.library.months import days_against_months, month_span_days
from checker.report.wording import Wording


@dataclass
class Finding:
    """One norm's outcome for a location, with its message and citation."""

    norm_id: str
    outcome: Outcome
    weight: str
    severity: str
    dimension: str
    title: str
    message: str
    facts: dict[str, Any]
    citation: Citation
    remedy: str | None = None
    missing: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # earlier ids of the norm
    evidence: Any = None  # an EvidenceNote (checker.report.evidence) when the file has evidence


def describe_condition(cond: Condition, lang: str) -> str:
    """A condition in words, in `lang`."""
    if isinstance(cond, Leaf):
        return describe_leaf(cond, lang)
    if isinstance(cond, NotOf):
        return f"{t('not', lang)} ({describe_condition(cond.not_, lang)})"
    parts = cond.all if isinstance(cond, AllOf) else cond.any
    joiner = f" {t('and' if isinstance(cond, AllOf) else 'or', lang)} "
    inner = joiner.join(describe_condition(p, lang) for p in parts)
    return inner if len(parts) == 1 else f"({inner})" if isinstance(cond, AnyOf) else inner


def _value(name: str, values: dict[str, Any], derived: dict[str, Any]) -> Any:
    return derived[name] if name in derived else values.get(name)


def _missing(fields: list[str], library: Library, values: dict, derived: dict) -> list[str]:
    missing: dict[str, None] = {}
    for name in fields:
        if _value(name, values, derived) is not None:
            continue
        for base in library.base_fields(name):
            if values.get(base) is None:
                missing.setdefault(base)
    return list(missing)


def build_findings(
    evaluation: Evaluation,
    library: Library,
    values: dict[str, Any],
    as_of: dt.date,
    lang: str,
    norms: list[LibraryNorm] | None = None,
) -> list[Finding]:
    """The findings of every norm (or only of `norms`) from the engine's results."""
    findings = []
    derived = evaluation.derived
    words = Wording(lang, library)
    known = {**values, **derived}
    for lib_norm in library.norms if norms is None else norms:
        norm = lib_norm.norm
        used = {name: _value(name, values, derived) for name in lib_norm.fields}
        used = {k: v for k, v in used.items() if v is not None}
        result = evaluation.results.get(lib_norm.id)
        remedy = None
        missing: list[str] = []
        if result is None:
            outcome = Outcome.not_applicable
            message = t("not_in_force", lang, date=formats.date(as_of, lang))
        elif result.outcome == Outcome.not_applicable:
            assert norm.applies_when is not None  # in force, so only its condition rules it out
            outcome = result.outcome
            message = t("does_not_apply", lang, condition=words.condition(norm.applies_when))
        elif result.outcome == Outcome.fail:
            outcome = result.outcome
            # an absent/present test is the guard of an alternative ("or not given"), not the
            # requirement a reader must see
            shown = [v for v in result.violated if v.op.value not in ("absent", "present")]
            message = "; ".join(words.not_met(leaf, known) for leaf in shown or result.violated)
            remedy = getattr(norm.remedy, lang)
        elif result.outcome == Outcome.unknown:
            outcome = result.outcome
            gate = _missing(fields_of(norm.applies_when), library, values, derived)
            if gate:
                missing = gate
                message = t("applicability_unknown", lang, fields=words.names(gate))
            else:
                missing = _missing(fields_of(norm.requires), library, values, derived)
                undecided = [] if missing else _undecided(norm.requires, values, derived, lang)
                message = (
                    "; ".join(undecided)
                    if undecided
                    else t("requirement_unknown", lang, fields=words.names(missing))
                )
            remedy = getattr(norm.remedy, lang)
        else:
            outcome = result.outcome
            message = t("holds", lang) + ": " + words.condition(norm.requires)
        findings.append(
            Finding(
                norm_id=lib_norm.id,
                outcome=outcome,
                weight=lib_norm.weight.value,
                severity=norm.severity.value,
                dimension=norm.dimension.value,
                title=getattr(norm.title, lang),
                message=message,
                facts=used,
                citation=lib_norm.citations[lang],
                remedy=remedy,
                missing=missing,
                aliases=list(norm.aliases),
            )
        )
    return findings


def _undecided(cond: Condition, values: dict, derived: dict, lang: str) -> list[str]:
    """Why a norm whose facts are all known is unknown: a day count between the shortest and
    the longest length of a deadline in months."""
    out = []
    for leaf in leaves(cond):
        if leaf.field is None or leaf.months is None:
            continue
        days = _value(leaf.field, values, derived)
        if days is not None and days_against_months(days, leaf.op.value, leaf.months) is None:
            shortest, longest = month_span_days(leaf.months)
            out.append(
                t(
                    "months_undecided",
                    lang,
                    field=Wording(lang).label(leaf.field),
                    days=_show(days),
                    shortest=shortest,
                    longest=longest,
                    months=leaf.months,
                )
            )
    return list(dict.fromkeys(out))


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
