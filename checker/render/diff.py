"""Two reports side by side (`diff`, and `check --set`): as text, Markdown or HTML."""

from __future__ import annotations

from typing import Any

import click

from checker.i18n import t
from checker.i18n.formats import date
from checker.plan.compare import Comparison
from checker.render.plan import changes_in_words, verdict_line
from checker.render.templating import render_template
from checker.report.build import Report
from checker.report.wording import Wording


def _span(r: Any) -> str:
    if r is None:
        return "—"
    return f"{r.low}" if r.low == r.high else f"{r.low}–{r.high}"


def score_rows(comp: Comparison, lang: str) -> list[tuple[str, str, str]]:
    """(label, left, right) for the overall score and every dimension either side has."""
    a, b = comp.before.score, comp.after.score
    rows = [(t("overall", lang), _span(a.overall), _span(b.overall))]
    for dim in dict.fromkeys([*a.dimensions, *b.dimensions]):
        rows.append((t(dim, lang), _span(a.dimensions.get(dim)), _span(b.dimensions.get(dim))))
    return rows


def who_of(report: Report) -> str:
    """How the comparison names a location: name (id) — source file."""
    where = f" — {report.source}" if report.source else ""
    return f"{report.location.name} ({report.location.id}){where}"


def render_text(
    comp: Comparison, lang: str, labels: tuple[str, str] = ("A", "B"), colour: bool = False
) -> str:
    """The comparison as terminal text."""
    style = click.style if colour else (lambda s, **kw: s)
    left, right = labels
    same = who_of(comp.before) == who_of(comp.after)
    lines = [who_of(comp.before)] if same else [f"{left}: {who_of(comp.before)}"]
    lines += [] if same else [f"{right}: {who_of(comp.after)}"]
    lines += [
        f"{t('as_of', lang)} {date(comp.after.as_of, lang)}",
        "",
        f"{t('verdict', lang)} {left}: {verdict_line(comp.before, lang, style)}",
        f"{t('verdict', lang)} {right}: {verdict_line(comp.after, lang, style)}",
        "",
        style(f"{t('score', lang):<28} {left:>9} {right:>9}", bold=True),
    ]
    lines += [f"  {label:<26} {a:>9} {b:>9}" for label, a, b in score_rows(comp, lang)]
    if comp.facts:
        lines += ["", style(f"{t('facts_differ', lang)} ({len(comp.facts)})", bold=True)]
        for f in comp.facts:
            lines.append("  " + changes_in_words([(f.field, f.before, f.after)], lang))
    lines += ["", style(f"{t('norms_change', lang)} ({len(comp.changes)})", bold=True)]
    if not comp.changes:
        lines.append("  " + t("no_norm_changes", lang))
    for c in comp.changes:
        lines += [
            f"  {c.norm_id:<16} [{t(c.weight, lang)}/{t(c.severity, lang)}] "
            f"{t(c.before, lang)} → {t(c.after, lang)}: {c.title}",
            f"      {c.message}",
            f"      {c.citation.text} — {c.citation.url}",
        ]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(comp: Comparison, lang: str, labels: tuple[str, str] = ("A", "B")) -> str:
    """The comparison as Markdown."""
    left, right = labels
    lines = [
        f"# {_md(comp.before.location.name)} / {_md(comp.after.location.name)}",
        "",
        f"- **{left}**: {_md(who_of(comp.before))}",
        f"- **{right}**: {_md(who_of(comp.after))}",
        f"- {t('as_of', lang)} {date(comp.after.as_of, lang)}",
        "",
        f"| | {left} | {right} |",
        "|---|---|---|",
        f"| **{t('verdict', lang)}** | {t(comp.before.verdict.value, lang)} "
        f"| {t(comp.after.verdict.value, lang)} |",
    ]
    lines += [f"| {label} | {a} | {b} |" for label, a, b in score_rows(comp, lang)]
    if comp.facts:
        lines += [
            "",
            f"## {t('facts_differ', lang)}",
            "",
            f"| | {left} | {right} |",
            "|---|---|---|",
        ]
        words = Wording(lang)
        lines += [
            f"| {_md(words.label(f.field))} | {_md(words.value(f.field, f.before))} "
            f"| {_md(words.value(f.field, f.after))} |"
            for f in comp.facts
        ]
    lines += ["", f"## {t('norms_change', lang)}", ""]
    if not comp.changes:
        lines.append(t("no_norm_changes", lang))
    else:
        lines += [f"| norm | {left} | {right} | |", "|---|---|---|---|"]
        for c in comp.changes:
            lines.append(
                f"| **{c.norm_id}** {_md(c.title)} ({t(c.weight, lang)}/{t(c.severity, lang)}) "
                f"| {t(c.before, lang)} | {t(c.after, lang)} "
                f"| {_md(c.message)}<br>[{_md(c.citation.text)}]({c.citation.url}) |"
            )
    return "\n".join(lines) + "\n"


def diff_context(comp: Comparison, lang: str, labels: tuple[str, str]) -> dict:
    """What diff_body.html.j2 reads (shared by `diff --format html` and the web what-if)."""
    return {
        "comp": comp,
        "labels": labels,
        "words": Wording(lang),
        "as_of_text": date(comp.after.as_of, lang),
        "who": who_of,
        "scores": score_rows(comp, lang),
    }


def render_html(comp: Comparison, lang: str, labels: tuple[str, str] = ("A", "B")) -> str:
    """The comparison as a self-contained HTML page."""
    return render_template("diff.html.j2", lang, html=True, **diff_context(comp, lang, labels))
