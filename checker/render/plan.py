"""An improvement plan for a reader, and the improved location as YAML to keep working from."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import click

from checker.i18n import t
from checker.i18n.formats import date
from checker.library.model import Outcome
from checker.location.writer import yaml_line
from checker.plan.improve import Plan
from checker.render.text import VERDICT_COLOUR
from checker.report.build import Report
from checker.report.view import finding_order
from checker.report.wording import Wording


def show(value: Any, lang: str) -> str:
    """A fact's value as a plan shows it ('unknown' for None)."""
    if value is None:
        return t("unknown_value", lang)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(show(v, lang) for v in value) + "]"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def changes_in_words(facts: list[tuple[str, Any, Any]], lang: str) -> str:
    """'Slaapkamers kunnen op slot: nee → ja; …' (what-if titles and the terminal)."""
    words = Wording(lang)
    return "; ".join(
        f"{words.label(name)}: {words.value(name, a)} → {words.value(name, b)}"
        for name, a, b in facts
    )


def verdict_line(report: Report, lang: str, style=lambda s, **kw: s) -> str:
    """The verdict and score of a report on one line."""
    verdict = style(
        t(report.verdict.value, lang).upper(), fg=VERDICT_COLOUR[report.verdict.value], bold=True
    )
    o = report.score.overall
    if o is None:
        return verdict
    span = f"{o.low}" if o.low == o.high else f"{o.low}–{o.high}"
    band = report.score.band or ""  # a score with an overall always has its band
    return f"{verdict} — {t('score', lang)} {span}/100, {t(band, lang)}"


def render_plan(plan: Plan, lang: str, colour: bool = False) -> str:
    """The plan as terminal text."""
    style = click.style if colour else (lambda s, **kw: s)
    before, after = plan.before, plan.after
    loc = before.location
    was, now = (t(key, lang).capitalize() + ":" for key in ("before", "after"))
    width = max(len(was), len(now))
    target = "child_friendly" if plan.target == "child-friendly" else plan.target
    lines = [
        style(f"{t('plan_title', lang)}: {loc.name} ({loc.id})", bold=True),
        f"{t('target', lang)}: {t(target, lang)}   ({t('as_of', lang)} {date(before.as_of, lang)})",
        f"{was:<{width}} {verdict_line(before, lang, style)}",
        f"{now:<{width}} {verdict_line(after, lang, style)}",
    ]
    confirm = sum(1 for c in plan.changes if c.to_confirm)
    if not plan.reached:
        lines.append(style(t("target_not_reached", lang), fg="red", bold=True))
    elif confirm:
        lines.append(t("target_reached_if", lang, count=confirm))
    else:
        lines.append(t("target_reached", lang))
    lines += ["", style(f"{t('changes_heading', lang)} ({len(plan.changes)})", bold=True)]
    if not plan.changes:
        lines.append("  " + t("no_changes", lang))
    words = Wording(lang)
    for c in plan.changes:
        lines.append("  " + changes_in_words([(c.field, c.before, c.after)], lang))
        why = [t("change_for", lang, norms=", ".join(c.norms))] if c.norms else []
        why.append(f"{t('required', lang)}: {words.relation(c.requirement)}")
        lines.append("      " + "; ".join(why))
        if c.to_confirm:
            lines.append("      " + t("to_confirm", lang))
        if c.moves_residents:
            lines.append("      " + t("moves_residents", lang))
    findings = {f.norm_id: f for f in after.findings}
    if plan.obstacles:
        lines += ["", style(f"{t('obstacles_heading', lang)} ({len(plan.obstacles)})", bold=True)]
        for o in sorted(plan.obstacles, key=lambda o: finding_order(findings[o.norm_id])):
            f = findings[o.norm_id]
            lines.append(f"  {f.norm_id:<16} [{t(f.weight, lang)}/{t(f.severity, lang)}] {f.title}")
            reason = t(
                o.reason, lang, fields=words.names(o.fields), norms=", ".join(o.conflicts_with)
            )
            lines.append(f"      {reason}")
            lines.append(f"      {f.citation.text} — {f.citation.url}")
    blocked = {o.norm_id for o in plan.obstacles}
    rest = [
        f
        for f in sorted(after.findings, key=finding_order)
        if f.outcome in (Outcome.fail, Outcome.unknown) and f.norm_id not in blocked
    ]
    if rest:
        lines += ["", style(f"{t('still_open', lang)} ({len(rest)})", bold=True)]
        for f in rest:
            lines.append(
                f"  {f.norm_id:<16} [{t(f.weight, lang)}/{t(f.severity, lang)}] "
                f"{t(f.outcome.value, lang)}: {f.title}"
            )
    return "\n".join(lines)


def improved_yaml(plan: Plan, source: str | None) -> str:
    """The improved location in field order; each changed fact carries a comment saying
    what it was and which norms it is for (re-loadable like any location file)."""
    changed = {c.field: c for c in plan.changes}
    data = plan.after.location.model_dump(exclude_none=True)
    lines = [
        f"# Improved by `opvangtoets improve`{f' from {source}' if source else ''}:",
        f"# target {plan.target} as of {plan.before.as_of.isoformat()}; re-checked verdict: "
        f"{plan.after.verdict.value}.",
        "# Lines marked 'to confirm' were unknown: the plan only holds if they are made true.",
    ]
    for name in type(plan.after.location).model_fields:
        change = changed.get(name)
        ids = change.norms if change else []
        norms = f"; norm{'s' if len(ids) > 1 else ''} {', '.join(ids)}" if ids else ""
        if name not in data:
            if change:  # the plan makes this fact unknown
                lines.append(f"# {name}: removed, was {show(change.before, 'en')}{norms}")
            continue
        line = yaml_line(name, data[name])
        if change:
            if change.to_confirm:
                line += f"  # to confirm: was unknown{norms}"
            else:
                line += f"  # improved: was {show(change.before, 'en')}{norms}"
        lines.append(line)
    return "\n".join(lines) + "\n"
