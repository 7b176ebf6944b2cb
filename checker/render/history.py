"""A location followed over time, as text, JSON, Markdown or HTML (with an inline SVG chart of
the score over time: no script, no request)."""

from __future__ import annotations

import json

from checker.i18n import formats, t
from checker.render.templating import environment
from checker.report.history import History

FORMATS = ("text", "json", "md", "html")
#: The chart's drawing area, in SVG units.
CHART_W, CHART_H, PAD = 640, 220, 40


def _day(iso: str, lang: str) -> str:
    import datetime as dt

    return formats.date(dt.date.fromisoformat(iso), lang)


def _span(score) -> str:
    if score is None:
        return "—"
    return f"{score.low}" if score.low == score.high else f"{score.low}–{score.high}"


def render_history_text(history: History, lang: str) -> str:
    """Verdicts in date order, the score range, and the norms that changed outcome."""
    lines = [f"{history.name} ({history.location_id})", t("history_heading", lang)]
    for r in history.reports:
        lines.append(
            f"  {formats.date(r.as_of, lang):<20} {t(r.verdict.value, lang):<32} "
            f"{t('score', lang)} {_span(r.score.overall)}"
        )
    low_high = history.score_range()
    if low_high:
        lines.append(t("history_score_range", lang, low=low_high[0], high=low_high[1]))
    lines += ["", t("history_changes", lang)]
    if not history.changes:
        lines.append("  " + t("history_no_changes", lang))
    for c in history.changes:
        lines.append(
            f"  {_day(c.since, lang)} → {_day(c.until, lang)}  {c.norm_id:<18} "
            f"{t(c.before, lang)} → {t(c.after, lang)}  {c.title}"
        )
    return "\n".join(lines) + "\n"


def chart_points(history: History) -> list[dict]:
    """The score range of each snapshot placed on the chart: x by date, y by score."""
    reports = [r for r in history.reports if r.score.overall]
    if not reports:
        return []
    first, last = reports[0].as_of, reports[-1].as_of
    days = max((last - first).days, 1)
    width, height = CHART_W - 2 * PAD, CHART_H - 2 * PAD
    out = []
    for r in reports:
        overall = r.score.overall
        if overall is None:  # nothing applies on that date: no point to draw
            continue
        x = PAD + (width * (r.as_of - first).days / days if len(reports) > 1 else width / 2)
        out.append(
            {
                "x": round(x, 1),
                "low": round(PAD + height * (1 - overall.low / 100), 1),
                "high": round(PAD + height * (1 - overall.high / 100), 1),
                "report": r,
            }
        )
    return out


def _context(history: History, lang: str) -> dict:
    return {
        "h": history,
        "lang": lang,
        "t": lambda key, **v: t(key, lang, **v),
        "date": lambda d: formats.date(d, lang),
        "day": lambda iso: _day(iso, lang),
        "span": _span,
        "points": chart_points(history),
        "W": CHART_W,
        "H": CHART_H,
        "PAD": PAD,
        "range": history.score_range(),
    }


def render_history(history: History, lang: str, fmt: str) -> str:
    """The history in `fmt` (text, json, md or html)."""
    if fmt == "text":
        return render_history_text(history, lang)
    if fmt == "json":
        return json.dumps(history.to_dict(), indent=2, ensure_ascii=False) + "\n"
    name = "history.html.j2" if fmt == "html" else "history.md.j2"
    return environment(html=fmt == "html").get_template(name).render(**_context(history, lang))
