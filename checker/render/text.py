"""The terminal report: verdict first, then what fails, what is unknown, what passes."""

from __future__ import annotations

import click

from checker.errors import printable
from checker.i18n import formats, t
from checker.library.model import Outcome
from checker.location import labels
from checker.report.build import Report
from checker.report.coming_breaches import breach_line
from checker.report.evidence import evidence_lines, finding_notes, source_text, verdict_notes
from checker.report.findings import Finding
from checker.report.view import POLICY_OUTCOME, TOP, finding_order, norms_readable
from checker.report.wording import Wording

VERDICT_COLOUR = {
    "non_compliant": "red",
    "insufficient_information": "yellow",
    "compliant_with_concerns": "cyan",
    "compliant": "green",
}


def _finding_lines(f: Finding, lang: str, detail: bool) -> list[str]:
    # texts from location and norm files are `printable`: they cannot steer the terminal
    head = f"  {f.norm_id:<16} [{t(f.weight, lang)}/{t(f.severity, lang)}] {printable(f.title)}"
    if f.aliases:
        head += f" ({t('formerly', lang, ids=', '.join(f.aliases))})"
    notes = finding_notes(f, lang)
    message = f.message + (f" ({'; '.join(notes)})" if notes else "")
    lines = [head, f"      {printable(message)}", f"      {_citation(f.citation)}"]
    if f.citation.remark:
        lines.append(f"      ({f.citation.remark})")
    for e in evidence_lines(f, lang):
        told = "; ".join(f"{text} — {url}" if url else text for text, url in e.sources)
        told = told or t("evidence_no_source", lang)
        lines.append(
            printable(f"      {t('evidence_heading', lang)}: {e.label}: {told}")
            + (f" ({e.note})" if e.note else "")
        )
    if detail and f.remedy:
        lines.append(f"      {t('remedy', lang)}: {printable(f.remedy)}")
    return lines


def _citation(citation) -> str:
    return printable(f"{citation.text} — {citation.url}")


def layer_lines(report: Report) -> list[str]:
    """The three layers, one line each, under the headline verdict."""
    view_layers = report.layers.to_dict()
    lang = report.lang
    rows = [
        ("layer_law", t(view_layers["law"]["verdict"], lang), view_layers["law"]),
        (
            "layer_policy",
            t(POLICY_OUTCOME[view_layers["policy"]["outcome"]], lang),
            view_layers["policy"],
        ),
        ("layer_guidance", "", view_layers["guidance"]),
    ]
    width = max(len(t(key, lang)) for key, _, _ in rows)
    lines = []
    for key, outcome, c in rows:
        counts = t("layer_counts", lang, passed=c["pass"], failed=c["fail"], unknown=c["unknown"])
        lines.append(f"  {t(key, lang):<{width}}  " + (f"{outcome} — " if outcome else "") + counts)
    return lines


def render_text(report: Report, colour: bool = True, detail: str = "summary") -> str:
    """`summary`: what to act on (what fails, what to find out); `full` adds every norm."""
    lang = report.lang
    style = (lambda s, **kw: click.style(s, **kw)) if colour else (lambda s, **kw: s)
    findings = report.findings
    counts = {o: sum(1 for f in findings if f.outcome == o) for o in Outcome}
    verdict = t(report.verdict.value, lang).upper()
    lines = [
        style(printable(f"{report.location.name} ({report.location.id})"), bold=True),
        f"{t('verdict', lang)}: "
        + style(verdict, fg=VERDICT_COLOUR[report.verdict.value], bold=True)
        + f"   ({t('as_of', lang)} {formats.date(report.as_of, lang)}, {norms_readable(report)})",
        *verdict_notes(findings, lang),
        *layer_lines(report),
        t(
            "summary_counts",
            lang,
            fail=counts[Outcome.fail],
            unknown=counts[Outcome.unknown],
            passed=counts[Outcome.pass_],
            na=counts[Outcome.not_applicable],
        ),
    ]
    loc = report.location
    meta = [f"{t('author', lang)}: {loc.report_author}"] if loc.report_author else []
    if loc.report_status:
        meta.append(f"{t('status', lang)}: {labels.show('report_status', loc.report_status, lang)}")
    if meta:
        lines.append("   ".join(meta))
    if report.warnings:
        lines += [style(t("warnings", lang), bold=True, fg="yellow")]
        for w in report.warnings:
            mark = style(f"{t('warning_check_first', lang).upper()}: ", bold=True, fg="red")
            lines.append(f"  {mark if w.prominent else ''}{w.text(lang)}")
    if report.score.overall:
        o = report.score.overall
        span = f"{o.low}" if o.low == o.high else f"{o.low}–{o.high}"
        band = report.score.band or ""  # a score with an overall always has its band
        lines.append(f"{t('score', lang)}: {span}/100 — {t(band, lang)}")
        for dim, r in report.score.dimensions.items():
            span = f"{r.low}" if r.low == r.high else f"{r.low}–{r.high}"
            lines.append(f"  {t(dim, lang):<28} {span:>7}")
    words = Wording(lang)
    sections = [("failing", Outcome.fail, True)]
    if detail == "full":
        sections += [("unknowns", Outcome.unknown, True), ("passing", Outcome.pass_, False)]
    for key, outcome, with_remedy in sections:
        chosen = sorted((f for f in findings if f.outcome == outcome), key=finding_order)
        if not chosen:
            continue
        lines += ["", style(f"{t(key, lang)} ({len(chosen)})", bold=True)]
        for f in chosen:
            lines += _finding_lines(f, lang, with_remedy)
    if report.facts_to_collect:
        shown = report.facts_to_collect if detail == "full" else report.facts_to_collect[:TOP]
        lines += ["", style(t("facts_to_collect", lang), bold=True)]
        for fact in shown:
            n = len(fact.binding_norms) + len(fact.other_norms)
            waiting = t("waits_for_one", lang) if n == 1 else t("waits_for", lang, n=n)
            ids = ", ".join(fact.binding_norms)  # the norms that could change the verdict
            lines.append(f"  {words.label(fact.field)} ({waiting}" + (f": {ids})" if ids else ")"))
        rest = len(report.facts_to_collect) - len(shown)
        if rest:
            lines.append("  " + t("more_in_report", lang, n=rest) + " (--detail full)")
    if report.coming_changes:
        lines += ["", style(t("coming_changes", lang), bold=True)]
        for c in report.coming_changes:
            label = lambda o: t(o, lang) if o else "—"  # noqa: E731
            what = t(c.change, lang) + (
                f", {t('replaces', lang, norm=c.replaces)}" if c.replaces else ""
            )
            now, then = label(c.outcome_now), label(c.outcome_then)
            lines += [
                f"  {formats.date(c.date, lang)}  {c.norm_id:<16} {printable(c.title)} ({what})",
                f"      {t('outcome_change', lang, now=now, then=then)}: {printable(c.message)}",
                f"      {_citation(c.citation)}",
            ]
    if report.coming_breaches:
        lines += ["", style(t("coming_breaches", lang), bold=True)]
        for b in report.coming_breaches:
            lines += [
                printable(f"  {breach_line(b, lang)}"),
                f"      {printable(b.title)}: {printable(b.message)}",
                f"      {_citation(b.citation)}",
            ]
    if report.location.sources:
        lines += ["", style(t("evidence_sources_heading", lang), bold=True)]
        for src in report.sources():
            resting = ", ".join(src["findings"]) or t("evidence_no_findings", lang)
            link = f" — {src['url']}" if src.get("url") else ""
            lines.append(printable(f"  [{src['id']}] {source_text(src, lang)}{link}"))
            lines.append(printable(f"      {t('evidence_findings_resting', lang)}: {resting}"))
    return "\n".join(lines)
