"""The terminal report: verdict first, then what fails, what is unknown, what passes."""

from __future__ import annotations

import click

from checker.i18n import t
from checker.library.model import Outcome
from checker.report.build import Report
from checker.report.findings import Finding
from checker.report.view import finding_order

VERDICT_COLOUR = {
    "non_compliant": "red",
    "insufficient_information": "yellow",
    "compliant_with_concerns": "cyan",
    "compliant": "green",
}


def _finding_lines(f: Finding, lang: str, detail: bool) -> list[str]:
    head = f"  {f.norm_id:<16} [{t(f.weight, lang)}/{t(f.severity, lang)}] {f.title}"
    if f.aliases:
        head += f" ({t('formerly', lang, ids=', '.join(f.aliases))})"
    lines = [head, f"      {f.message}", f"      {f.citation.text} — {f.citation.url}"]
    if f.citation.remark:
        lines.append(f"      ({f.citation.remark})")
    if detail and f.remedy:
        lines.append(f"      {t('remedy', lang)}: {f.remedy}")
    return lines


def render_text(report: Report, colour: bool = True) -> str:
    lang = report.lang
    style = (lambda s, **kw: click.style(s, **kw)) if colour else (lambda s, **kw: s)
    findings = report.findings
    counts = {o: sum(1 for f in findings if f.outcome == o) for o in Outcome}
    verdict = t(report.verdict.value, lang).upper()
    lines = [
        style(f"{report.location.name} ({report.location.id})", bold=True),
        f"{t('verdict', lang)}: "
        + style(verdict, fg=VERDICT_COLOUR[report.verdict.value], bold=True)
        + f"   ({t('as_of', lang)} {report.as_of.isoformat()}, "
        + f"{t('norms_version', lang)} {report.norms_version})",
        t(
            "summary_counts",
            lang,
            fail=counts[Outcome.fail],
            unknown=counts[Outcome.unknown],
            passed=counts[Outcome.pass_],
            na=counts[Outcome.not_applicable],
        ),
    ]
    if report.warnings:
        lines += [style(t("warnings", lang), bold=True, fg="yellow")]
        lines += [f"  {w.render(lang)}" for w in report.warnings]
    if report.score.overall:
        o = report.score.overall
        span = f"{o.low}" if o.low == o.high else f"{o.low}–{o.high}"
        lines.append(f"{t('score', lang)}: {span}/100 — {t(report.score.band, lang)}")
        for dim, r in report.score.dimensions.items():
            span = f"{r.low}" if r.low == r.high else f"{r.low}–{r.high}"
            lines.append(f"  {t(dim, lang):<28} {span:>7}")
    sections = [
        ("failing", Outcome.fail, True),
        ("unknowns", Outcome.unknown, True),
        ("passing", Outcome.pass_, False),
    ]
    for key, outcome, detail in sections:
        chosen = sorted((f for f in findings if f.outcome == outcome), key=finding_order)
        if not chosen:
            continue
        lines += ["", style(f"{t(key, lang)} ({len(chosen)})", bold=True)]
        for f in chosen:
            lines += _finding_lines(f, lang, detail)
        if outcome == Outcome.unknown and report.facts_to_collect:
            lines += ["", style(t("facts_to_collect", lang), bold=True)]
            for fact in report.facts_to_collect:
                waiting = t(
                    "waiting_norms",
                    lang,
                    binding=len(fact.binding_norms),
                    other=len(fact.other_norms),
                )
                ids = ", ".join(fact.binding_norms)  # the norms that could change the verdict
                lines.append(f"  {fact.field:<40} {waiting}" + (f": {ids}" if ids else ""))
    if report.coming_changes:
        lines += ["", style(t("coming_changes", lang), bold=True)]
        for c in report.coming_changes:
            outcome = lambda o: t(o, lang) if o else "—"  # noqa: E731
            what = t(c.change, lang) + (
                f", {t('replaces', lang, norm=c.replaces)}" if c.replaces else ""
            )
            now, then = outcome(c.outcome_now), outcome(c.outcome_then)
            lines += [
                f"  {c.date.isoformat()}  {c.norm_id:<16} {c.title} ({what})",
                f"      {t('outcome_change', lang, now=now, then=then)}: {c.message}",
                f"      {c.citation.text} — {c.citation.url}",
            ]
    return "\n".join(lines)
