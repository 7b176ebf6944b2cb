"""The evidence behind each finding, and the warnings about facts that are old or from later.

A finding rests on the location facts its norm reads (through derived facts, on their base
facts). Each such fact's evidence (`checker.location.evidence`) is listed with the finding;
a fact without its own date holds on the description's `described_on`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from checker.i18n import formats, t
from checker.library.loader import Library
from checker.library.months import months_later
from checker.location.evidence import CAVEAT_KINDS, EvidenceKind, Source, fact_day, fact_last_day
from checker.location.labels import label
from checker.location.model import Location
from checker.report.findings import Finding
from checker.report.warnings import ReportWarning

MAX_FACT_AGE_MONTHS = 12
#: The words for a fact that is a plan or an estimate, for a finding and for the verdict.
KIND_WORDS = {"estimate": "evidence_kind_estimate", "planned": "evidence_kind_planned"}
RESTS_ON = {"estimate": "evidence_rests_on_estimate", "planned": "evidence_rests_on_planned"}
VERDICT_RESTS_ON = {"estimate": "evidence_verdict_estimate", "planned": "evidence_verdict_planned"}
#: Facts that do not age: what the place is, who runs it, and dates of past or planned events
#: (an opening date stays true). Every other fact (counts, conditions, stays, waiting times)
#: is taken to describe the place only around its date.
TIMELESS = frozenset(
    {
        "name",
        "municipality",
        "location_type",
        "building_type",
        "operator",
        "opening_date",
        "planned_closing_date",
        "emergency_use_since",
        "authority_findings",
    }
)
LANGS = ("en", "nl")


@dataclass
class FactEvidence:
    """What one fact a finding used rests on."""

    fact: str
    sources: list[dict[str, Any]]  # id, title, publisher, url, date of each source
    kind: str | None
    date: str | None  # the day or month the fact held (its own date, else described_on)
    old: bool = False  # dated more than the allowed age before the check date

    def to_dict(self) -> dict[str, Any]:
        """The evidence as JSON data."""
        return {
            "fact": self.fact,
            "sources": self.sources,
            "kind": self.kind,
            "date": self.date,
            "old": self.old,
        }


@dataclass
class EvidenceNote:
    """The evidence of one finding: its facts' evidence and what it rests on in words."""

    facts: list[FactEvidence] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)  # estimate | planned
    may_be_out_of_date: bool = False


def _source_dict(s: Source) -> dict[str, Any]:
    return s.model_dump()


def fact_date(location: Location, name: str) -> str | None:
    """The day or month fact `name` held: its evidence date, else the description's date."""
    ev = (location.evidence or {}).get(name)
    if ev is not None and ev.date is not None:
        return ev.date
    return location.described_on.isoformat() if location.described_on else None


def too_old(date: str, as_of: dt.date, max_age_months: int) -> bool:
    """Whether a fact dated `date` (day or month) is more than the age allowed before `as_of`."""
    return months_later(fact_last_day(date), max_age_months) < as_of


def base_facts(library: Library, names: list[str]) -> list[str]:
    """The location facts behind the facts a finding used (derived facts to their inputs)."""
    out: dict[str, None] = {}
    for name in names:
        for base in library.base_fields(name) if name not in Location.model_fields else [name]:
            if base in Location.model_fields:
                out.setdefault(base)
    return list(out)


def attach_evidence(
    findings: list[Finding],
    library: Library,
    location: Location,
    as_of: dt.date,
    max_age_months: int = MAX_FACT_AGE_MONTHS,
) -> None:
    """Give every finding the evidence of the facts it used (nothing when the file has none)."""
    if not location.evidence and not location.described_on:
        return
    sources = {s.id: _source_dict(s) for s in location.sources or []}
    evidence = location.evidence or {}
    for f in findings:
        note = EvidenceNote()
        for name in base_facts(library, list(f.facts)):
            ev = evidence.get(name)
            date = fact_date(location, name)
            if getattr(location, name) is None or (ev is None and date is None):
                continue
            kind = ev.kind.value if ev and ev.kind else None
            old = name not in TIMELESS and date is not None and too_old(date, as_of, max_age_months)
            refs = [sources[r] for r in (ev.source if ev else []) if r in sources]
            note.facts.append(FactEvidence(name, refs, kind, date, old))
            if ev and ev.kind in CAVEAT_KINDS and kind and kind not in note.caveats:
                note.caveats.append(kind)
        note.may_be_out_of_date = bool(note.facts) and all(e.old for e in note.facts)
        f.evidence = note


def caveat_text(kind: str, lang: str) -> str:
    """'rests on an estimate' / 'planned, not yet seen'."""
    return t(RESTS_ON[kind], lang)


def verdict_caveats(findings: list[Finding]) -> list[str]:
    """The kinds (estimate, planned) the headline verdict rests on: those of every failing
    law or court norm when one fails (one firm failure is enough), else of any that decided."""
    law = [
        f for f in findings if f.weight in ("law", "court") and f.outcome.value != "not_applicable"
    ]
    fails = [f for f in law if f.outcome.value == "fail"]
    if fails:
        if not all(f.evidence and f.evidence.caveats for f in fails):
            return []
        deciding = fails
    else:
        deciding = [f for f in law if f.outcome.value == "pass"]
    kinds: dict[str, None] = {}
    for f in deciding:
        for k in f.evidence.caveats if f.evidence else []:
            kinds.setdefault(k)
    return list(kinds)


def _label(name: str, lang: str) -> str:
    return label(name, lang) or name


def aging_warnings(
    location: Location,
    as_of: dt.date,
    source: str | None,
    max_age_months: int = MAX_FACT_AGE_MONTHS,
) -> list[ReportWarning]:
    """Facts dated more than `max_age_months` before the check, and (other than planned ones)
    facts dated after it, with the file and line of their date."""
    found: list[ReportWarning] = []
    dates = location.snapshot_dates()
    if len(dates) > 1 and location.described_on:
        found.append(
            ReportWarning(
                "latest_snapshot",
                ("described_on",),
                {
                    lang: t(
                        "evidence_latest_snapshot",
                        lang,
                        date=formats.date(location.described_on, lang),
                        count=len(dates),
                    )
                    for lang in LANGS
                },
            )
        )
    if location.described_on and too_old(location.described_on.isoformat(), as_of, max_age_months):
        found.append(
            ReportWarning(
                "old_description",
                ("described_on",),
                {
                    lang: t(
                        "evidence_old_description",
                        lang,
                        date=formats.date(location.described_on, lang),
                        months=max_age_months,
                    )
                    for lang in LANGS
                },
            )
        )
    lines = location.evidence_lines()
    for name, ev in (location.evidence or {}).items():
        if ev.date is None or getattr(location, name) is None:
            continue
        if name not in TIMELESS and too_old(ev.date, as_of, max_age_months):
            found.append(
                ReportWarning(
                    "old_fact",
                    (name,),
                    {
                        lang: t(
                            "evidence_old_fact",
                            lang,
                            fact=_label(name, lang),
                            date=_show_date(ev.date, lang),
                            months=max_age_months,
                        )
                        for lang in LANGS
                    },
                )
            )
        elif fact_day(ev.date) > as_of and ev.kind != EvidenceKind.planned:
            where = source or location.id
            line = lines.get(name)
            where = f"{where}:{line}" if line else where
            found.append(
                ReportWarning(
                    "fact_after_check_date",
                    (name,),
                    {
                        lang: t(
                            "evidence_fact_after_check_date",
                            lang,
                            fact=_label(name, lang),
                            date=_show_date(ev.date, lang),
                            as_of=formats.date(as_of, lang),
                            where=where,
                        )
                        for lang in LANGS
                    },
                )
            )
    return found


def _show_date(text: str, lang: str) -> str:
    """A fact date in words: '10 april 2025', or 'april 2025' for a month."""
    day = fact_day(text)
    return formats.date(day, lang) if len(text) == 10 else formats.month(day, lang)


@dataclass
class EvidenceLine:
    """One fact's evidence as a report shows it."""

    label: str  # the fact, in words
    sources: list[tuple[str, str | None]]  # (title with publisher and date, link)
    note: str  # the date the fact held, and its kind when it is a plan or an estimate


def source_text(s: dict[str, Any], lang: str) -> str:
    """'Title (Publisher, April 2025)'."""
    extra = [s["publisher"]] if s.get("publisher") else []
    if s.get("date"):
        extra.append(_show_date(s["date"], lang))
    return s["title"] + (f" ({', '.join(extra)})" if extra else "")


def evidence_lines(f: Finding, lang: str) -> list[EvidenceLine]:
    """The evidence of every fact finding `f` used, in words."""
    out = []
    for e in f.evidence.facts if f.evidence else []:
        parts = []
        if e.kind in ("estimate", "planned"):
            parts.append(t(KIND_WORDS[e.kind], lang))
        if e.date:
            parts.append(_show_date(e.date, lang))
        if e.old:
            parts.append(t("evidence_may_be_out_of_date", lang))
        sources = [(source_text(s, lang), s.get("url")) for s in e.sources]
        out.append(EvidenceLine(_label(e.fact, lang), sources, ", ".join(parts)))
    return out


def finding_notes(f: Finding, lang: str) -> list[str]:
    """What a finding rests on, in words: an estimate, a plan, facts that may be out of date."""
    if f.evidence is None:
        return []
    notes = [caveat_text(k, lang) for k in f.evidence.caveats]
    if f.evidence.may_be_out_of_date:
        notes.append(t("evidence_may_be_out_of_date", lang))
    return notes


def verdict_notes(findings: list[Finding], lang: str) -> list[str]:
    """'This verdict rests on an estimate.' and the like."""
    return [t(VERDICT_RESTS_ON[k], lang) for k in verdict_caveats(findings)]
