"""The terminal summary of an audit (rich): counts per verdict, worst locations, most-failed
norms, and what could not be checked."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from checker.audit.outputs import AuditSummary
from checker.i18n import t
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

    counts = Table(title=t("verdict", lang), title_justify="left")
    counts.add_column(t("verdict", lang))
    counts.add_column(t("audit_count", lang), justify="right")
    for v in Verdict:
        counts.add_row(
            t(v.value, lang), str(summary.verdicts.get(v.value, 0)), style=VERDICT_STYLE[v.value]
        )
    console.print(counts)
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

    if summary.worst:
        worst = Table(title=t("audit_worst", lang), title_justify="left")
        for name in ("audit_location", "verdict", "score", "audit_failures"):
            worst.add_column(t(name, lang), justify="right" if name == "audit_failures" else "left")
        for w in summary.worst:
            score = "" if w["score_low"] is None else f"{w['score_low']}–{w['score_high']}"
            worst.add_row(
                w["id"],
                t(w["verdict"], lang),
                score,
                str(w["failures"]),
                style=VERDICT_STYLE[w["verdict"]],
            )
        console.print(worst)

    if summary.failed_norms:
        norms = Table(title=t("audit_most_failed", lang), title_justify="left")
        norms.add_column("norm")
        norms.add_column(t("audit_locations", lang), justify="right")
        for norm_id, count in summary.failed_norms.most_common(10):
            norms.add_row(norm_id, str(count))
        console.print(norms)

    if summary.errors:  # the problems themselves go to stderr, one per line (as `check`)
        console.print(
            f"{t('audit_could_not_check', lang)}: {len(summary.errors)}", style="bold red"
        )
