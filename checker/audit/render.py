"""The terminal summary of an audit (rich): counts per verdict, worst locations, most-failed
norms, and what could not be checked."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from checker.audit.outputs import AuditSummary
from checker.audit.picture import (
    GROUP_LABELS,
    GROUPS,
    STAY_LABELS,
    NationalPicture,
    Tally,
    stay_limits,
)
from checker.i18n import t
from checker.i18n.formats import number, quantity
from checker.location.labels import MONTHS, show
from checker.report.verdict import Verdict

VERDICT_STYLE = {
    "non_compliant": "red",
    "insufficient_information": "yellow",
    "compliant_with_concerns": "cyan",
    "compliant": "green",
}


def render_summary(console: Console, summary: AuditSummary, lang: str, as_of: str) -> None:
    """Print the portfolio summary on the terminal."""
    head = f"{t('audit_title', lang)} ({t('as_of', lang)} {as_of}): " + t(
        "audit_checked", lang, count=summary.checked
    )
    if summary.errors:
        head += ", " + t("audit_errors", lang, count=len(summary.errors))
    console.print(head, style="bold")

    picture = summary.picture
    counts = Table(title=t("verdict", lang), title_justify="left")
    counts.add_column(t("verdict", lang))
    _people_columns(counts, lang)
    for v in Verdict:
        tally = picture.by_verdict.get(v.value, Tally())
        counts.add_row(t(v.value, lang), *_people(tally, lang), style=VERDICT_STYLE[v.value])
    counts.add_row(t("picture_total", lang), *_people(picture.total, lang), style="bold")
    console.print(counts)
    if picture.total.children_unknown:
        console.print(t("picture_children_unknown", lang, count=picture.total.children_unknown))
    layers = Table(title=t("layers", lang), title_justify="left")
    for head in ("", "pass", "fail", "unknown"):
        layers.add_column(t(head, lang) if head else "", justify="right" if head else "left")
    for layer, (passed, failed, unknown) in summary.layer_totals.items():
        layers.add_row(t(f"layer_{layer}", lang), str(passed), str(failed), str(unknown))
    console.print(layers)
    if summary.policy_outcomes:
        console.print(
            f"{t('layer_policy', lang)}: "
            + ", ".join(
                f"{t('policy_' + k, lang)} {n}" for k, n in sorted(summary.policy_outcomes.items())
            )
        )
    if summary.waived or summary.expired:
        console.print(t("audit_waivers", lang, waived=summary.waived, expired=summary.expired))

    for group in GROUPS:
        _group_table(console, picture, group, lang)
    _stays(console, picture, lang)

    if summary.worst:
        worst = Table(title=t("audit_worst", lang), title_justify="left")
        for name in ("audit_location", "picture_municipality", "verdict", "score"):
            worst.add_column(t(name, lang))
        worst.add_column(t("audit_failures", lang), justify="right")
        for w in summary.worst:
            score = "" if w["score_low"] is None else f"{w['score_low']}–{w['score_high']}"
            worst.add_row(
                w["name"],
                w.get("municipality") or t("unknown", lang),
                t(w["verdict"], lang),
                score,
                str(w["failures"]),
                style=VERDICT_STYLE[w["verdict"]],
            )
        console.print(worst)

    if picture.by_norm:
        norms = Table(title=t("audit_most_failed", lang), title_justify="left")
        norms.add_column("norm")
        norms.add_column(t("title", lang))
        norms.add_column(t("picture_layer", lang))
        _people_columns(norms, lang)
        for row in picture.norm_rows()[:TOP]:
            tally = picture.by_norm[row["norm_id"]]
            layer = t(f"layer_{row['layer']}", lang) if row["layer"] else ""
            norms.add_row(row["norm_id"], row["title"].get(lang, ""), layer, *_people(tally, lang))
        console.print(norms)

    if summary.reform is not None:
        _reform_table(console, summary.reform.to_dict(), lang)

    if summary.errors:  # the problems themselves go to stderr, one per line (as `check`)
        console.print(
            f"{t('audit_could_not_check', lang)}: {len(summary.errors)}", style="bold red"
        )


TOP = 10  # rows of a long table (norms, municipalities) shown on the terminal; JSON has all


def _people_columns(table: Table, lang: str) -> None:
    for key in ("audit_locations", "picture_children", "picture_unaccompanied"):
        table.add_column(t(key, lang), justify="right")


def _people(tally: Tally, lang: str) -> tuple[str, str, str]:
    return (
        number(tally.locations, lang),
        number(tally.children, lang),
        number(tally.unaccompanied_minors, lang),
    )


def _group_table(console: Console, picture: NationalPicture, group: str, lang: str) -> None:
    rows = picture.group_rows(group)
    if not rows:
        return
    column, title = GROUP_LABELS[group]
    table = Table(title=t(title, lang), title_justify="left")
    table.add_column(t(column, lang))
    _people_columns(table, lang)
    table.add_column(t("non_compliant", lang), justify="right")
    for key, tally in rows[:TOP]:
        shown = show(group, key, lang) if key else t("unknown", lang)
        table.add_row(shown, *_people(tally, lang), number(tally.verdicts["non_compliant"], lang))
    if len(rows) > TOP:
        table.caption = t("picture_more_rows", lang, count=len(rows) - TOP)
    console.print(table)


def _stays(console: Console, picture: NationalPicture, lang: str) -> None:
    """The children's average and longest stays, against the caps the norms set."""
    average, longest = picture.average_stay, picture.longest
    if average is None and longest is None:
        return
    parts = []
    if average is not None:
        parts.append(t("picture_average_stay", lang, months=quantity(average, MONTHS, lang)))
    if longest is not None:
        where = longest["name"] + (
            f", {longest['municipality']}" if longest["municipality"] else ""
        )
        parts.append(
            t(
                "picture_longest_stay",
                lang,
                months=quantity(longest["months"], MONTHS, lang),
                where=where,
            )
        )
    limits = [
        t(
            "picture_stay_limit",
            lang,
            norm=s.norm_id,
            months=quantity(s.months, MONTHS, lang),
            kind=t(STAY_LABELS[s.field], lang),
        )
        for s in stay_limits(picture.library)
    ]
    console.print(t("picture_stays", lang) + ": " + "; ".join(parts))
    if limits:
        console.print(t("picture_stay_limits", lang) + ": " + "; ".join(limits))


def _reform_table(console: Console, data: dict, lang: str) -> None:
    """What the reform changes: locations and children whose verdict or policy outcome moves."""
    table = Table(title=t("reform_title", lang), title_justify="left")
    table.add_column("norm")
    for key in (
        "reform_verdict_locations",
        "picture_children",
        "reform_policy_locations",
        "picture_children",
    ):
        table.add_column(t(key, lang), justify="right")
    rows = [("reform_all", data["verdict_changed"], data["policy_outcome_changed"])]
    for norm_id in data["changed_norms"]:
        cell = data["per_norm"].get(norm_id, {})
        none = {"locations": 0, "children": 0}
        rows.append((norm_id, cell.get("verdict", none), cell.get("policy_outcome", none)))
    for name, verdict, policy in rows:
        shown = t(name, lang) if name == "reform_all" else name
        table.add_row(
            shown,
            *(number(c[k], lang) for c in (verdict, policy) for k in ("locations", "children")),
        )
    console.print(table)
