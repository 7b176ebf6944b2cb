"""What an audit writes: the running summary, and the CSV, JSON and HTML files.

Results arrive one at a time, in input order. The summary and the CSV and
JSON writers keep only counts and a few worst locations in memory, so an audit
of 100,000 locations runs in flat memory. The HTML page keeps what it shows
(a portfolio page is for hundreds or thousands of locations, not 100,000).
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from checker.audit.picture import GROUP_LABELS, GROUPS, STAY_LABELS, NationalPicture, stay_limits
from checker.audit.run import Failed, LocationResult
from checker.audit.tables import LOCATION_COLUMNS, location_row, policy_of
from checker.i18n import t
from checker.i18n.formats import number, quantity
from checker.library.loader import Library
from checker.location.labels import MONTHS, label, show
from checker.location.table import neutral_row
from checker.report.verdict import LAYER_OF_WEIGHT, LAYERS, Verdict

SEVERITIES = ("critical", "major", "minor")
#: rows of a long summary table (municipalities, norms) that the printed summary keeps
TOP_ROWS = 10

VERDICT_RANK = {v.value: rank for rank, v in enumerate(Verdict)}  # 0 = non_compliant, worst
CSV_COLUMNS = LOCATION_COLUMNS
#: `--csv-dialect`: `excel` is the plain CSV of every tool (`,`); `excel-nl` is what Dutch Excel
#: opens into columns: `;`, a BOM (so `≤` is not shown as `â‰¤`) and decimal commas.
CSV_DIALECTS = ("excel", "excel-nl")


@dataclass
class AuditSummary:
    """Counts per verdict, the worst locations, the most-failed norms, the errors: added one
    result at a time, or merged from the summaries of consecutive chunks (`part=True`), which
    a worker counts with the chunk it checks, so the parent of an audit only merges."""

    worst_n: int = 10  # a part keeps the default number: merging needs as many as the whole
    checked: int = 0
    verdicts: Counter = field(default_factory=Counter)
    policy_outcomes: Counter = field(default_factory=Counter)
    #: per layer: [pass, fail, unknown] summed over the locations
    layer_totals: dict[str, list[int]] = field(
        default_factory=lambda: {layer: [0, 0, 0] for layer in LAYERS}
    )
    failed_norms: Counter = field(default_factory=Counter)
    waived: int = 0
    expired: int = 0
    errors: list[Failed] = field(default_factory=list)
    _worst: list[tuple] = field(default_factory=list)  # heap: least bad on top
    library: Library | None = None  # the norms' titles and layers for the national picture
    picture: NationalPicture = field(init=False)
    reform: Any = None  # a `checker.audit.reform.ReformComparison` with `--reform`
    part: bool = False

    def __post_init__(self) -> None:
        self.picture = NationalPicture(self.library, part=self.part)

    def add(self, result: LocationResult | Failed) -> None:
        """Count one location's result (or its failure) into the summary."""
        if isinstance(result, Failed):
            self.errors.append(result)
            return
        self.checked += 1
        self.verdicts[result.verdict] += 1
        self.picture.add(result)
        self.policy_outcomes[policy_of(result)] += 1
        for layer, counts in result.layer_counts.items():
            total = self.layer_totals[layer]
            self.layer_totals[layer] = [a + b for a, b in zip(total, counts, strict=True)]
        self.failed_norms.update(result.failing)
        self.waived += len(result.waived)
        self.expired += len(result.expired)
        badness = (
            -VERDICT_RANK[result.verdict],
            len(result.failing),
            -(result.score_low if result.score_low is not None else 100),
        )
        self._keep_worst((badness, -self.checked, _worst_entry(result)))

    def _keep_worst(self, entry: tuple) -> None:
        # (badness, -position in input order, location): of equally bad ones the first stays
        if len(self._worst) < self.worst_n:
            heapq.heappush(self._worst, entry)
        else:
            heapq.heappushpop(self._worst, entry)

    def merge(self, part: AuditSummary) -> None:
        """Count in the summary of the chunk that follows the results counted so far (merged
        in input order, the summary is that of adding the chunk's results here)."""
        assert part.part and part.worst_n >= self.worst_n, "only a part can be merged"
        self.errors.extend(part.errors)
        for badness, position, entry in part._worst:
            self._keep_worst((badness, position - self.checked, entry))
        self.checked += part.checked
        self.verdicts.update(part.verdicts)
        self.policy_outcomes.update(part.policy_outcomes)
        for layer, counts in part.layer_totals.items():
            total = self.layer_totals[layer]
            self.layer_totals[layer] = [a + b for a, b in zip(total, counts, strict=True)]
        self.failed_norms.update(part.failed_norms)
        self.waived += part.waived
        self.expired += part.expired
        self.picture.merge(part.picture)

    @property
    def worst(self) -> list[dict[str, Any]]:
        """The locations with the most binding failures, worst first."""
        return [e[2] for e in sorted(self._worst, reverse=True)]

    @property
    def acceptable(self) -> bool:
        """True when every location checked is compliant, or compliant with concerns."""
        return all(Verdict(v).acceptable for v in self.verdicts)

    def to_dict(self) -> dict[str, Any]:
        """The summary as the JSON output carries it."""
        return {
            "locations_checked": self.checked,
            "could_not_check": len(self.errors),
            "verdicts": {v.value: self.verdicts.get(v.value, 0) for v in Verdict},
            "policy_outcomes": dict(self.policy_outcomes),
            "layers": {
                layer: dict(zip(("pass", "fail", "unknown"), counts, strict=True))
                for layer, counts in self.layer_totals.items()
            },
            "most_failed_norms": [
                {"norm_id": n, "locations": c} for n, c in self.failed_norms.most_common(10)
            ],
            "worst_locations": self.worst,
            "waived_failures": self.waived,
            "expired_waivers": self.expired,
            "national_picture": self.picture.to_dict(),
            **({"reform": self.reform.to_dict()} if self.reform is not None else {}),
        }


def _worst_entry(r: LocationResult) -> dict[str, Any]:
    return {
        "id": r.location_id,
        "name": r.name,
        "municipality": r.facts.get("municipality"),
        "children": r.facts.get("children_count"),
        "source": r.source,
        "verdict": r.verdict,
        "score_low": r.score_low,
        "score_high": r.score_high,
        "failures": len(r.failing),
    }


def error_dict(failed: Failed, lang: str) -> dict[str, Any]:
    """A location that could not be checked, as the JSON output carries it."""
    return {
        "file": failed.file,
        "line": failed.line,
        "problems": [p.render(lang) for p in failed.problems],
    }


class CsvOutput:
    """One row per input: a checked location, or the error that stopped it (the columns of
    the workbook's Locations sheet, `checker.audit.tables.LOCATION_COLUMNS`)."""

    def __init__(self, handle: IO[str], lang: str, dialect: str = "excel"):
        self.dutch = dialect == "excel-nl"
        if self.dutch:
            handle.write("\ufeff")
        self.writer = csv.writer(handle, delimiter=";" if self.dutch else ",")
        self.writer.writerow(CSV_COLUMNS)
        self.lang = lang

    def add(self, result: LocationResult | Failed) -> None:
        """Write one CSV row for a result (or a failure)."""
        self.writer.writerow(neutral_row(self._cell(v) for v in location_row(result, self.lang)))

    def _cell(self, value: object) -> object:
        if value is None:
            return ""
        if isinstance(value, float) and self.dutch:
            return repr(value).replace(".", ",")
        return value


class JsonOutput:
    """`{"as_of", "norms_version", "locations": [checker JSON...], "errors", "summary"}`,
    written as the results arrive."""

    def __init__(self, handle: IO[str], as_of: dt.date, library: Library, lang: str):
        self.handle, self.lang, self.first = handle, lang, True
        head = {"as_of": as_of.isoformat(), "lang": lang, "norms_version": library.version}
        handle.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "locations": [\n')

    def add(self, result: LocationResult | Failed) -> None:
        """Write one location's JSON report into the open array."""
        if isinstance(result, Failed):
            return
        self.handle.write(
            ("" if self.first else ",\n") + json.dumps(result.report, ensure_ascii=False)
        )
        self.first = False

    def close(self, summary: AuditSummary) -> None:
        """Close the array and add the summary, so the file is valid JSON."""
        errors = [error_dict(e, self.lang) for e in summary.errors]
        self.handle.write(
            "\n],\n"
            + f'"errors": {json.dumps(errors, ensure_ascii=False, indent=1)},\n'
            + f'"summary": {json.dumps(summary.to_dict(), ensure_ascii=False, indent=1)}\n}}\n'
        )


class HtmlOutput:
    """A self-contained portfolio page: verdict counts, a locations × norms heat map, and
    a section per location with its findings."""

    def __init__(self, as_of: dt.date, library: Library, lang: str):
        self.as_of, self.library, self.lang = as_of, library, lang
        self.locations: list[dict[str, Any]] = []

    def add(self, result: LocationResult | Failed) -> None:
        """Keep what the portfolio page shows of one location."""
        if isinstance(result, Failed):
            return
        report = result.report or {}
        findings = [f for f in report.get("findings", []) if f["outcome"] in ("fail", "unknown")]
        findings.sort(key=lambda f: (f["outcome"] != "fail", "waiver" in f, f["norm_id"]))
        self.locations.append(
            {
                "anchor": f"loc-{len(self.locations) + 1}",
                "result": result,
                "findings": findings,
                "passing": sum(1 for f in report.get("findings", []) if f["outcome"] == "pass"),
                "collect": report.get("facts_to_collect", []),
            }
        )

    def render(self, summary: AuditSummary) -> str:
        """The self-contained portfolio page."""
        from checker.render.templating import render_template  # jinja2: only for a page

        return render_template("audit.html.j2", self.lang, html=True, **self.context(summary))

    def context(self, summary: AuditSummary) -> dict[str, Any]:
        """What the portfolio page shows (the web page renders it in its own frame): the
        summary first, the heat map with norms by layer and severity, rows by municipality
        and worst first, filters by municipality, type and operator (CSS only: no script)."""
        lang = self.lang
        norms = sorted(
            (n for n in self.library.norms if n.in_force(self.as_of)),
            key=lambda n: (
                LAYERS.index(LAYER_OF_WEIGHT[n.weight.value]),
                SEVERITIES.index(n.norm.severity.value),
                n.id,
            ),
        )
        totals = {n.id: 0 for n in norms}
        for loc in self.locations:
            for norm_id, outcome in (loc["result"].outcomes or {}).items():
                if outcome == "fail" and norm_id in totals:
                    totals[norm_id] += 1
        filters = {}
        for group in GROUPS:
            values = sorted({str(loc["result"].facts.get(group) or "") for loc in self.locations})
            filters[group] = [
                (f"{group[0]}{k}", show(group, v, lang) if v else t("unknown", lang), v)
                for k, v in enumerate(values)
            ]
        index = {g: {v: key for key, _, v in filters[g]} for g in GROUPS}
        rows = sorted(
            self.locations,
            key=lambda loc: (
                str(loc["result"].facts.get("municipality") or "~"),
                VERDICT_RANK[loc["result"].verdict],
                -len(loc["result"].failing),
            ),
        )
        for loc in rows:
            facts = loc["result"].facts
            loc["groups"] = " ".join(index[g][str(facts.get(g) or "")] for g in GROUPS)
        picture = summary.picture
        return dict(
            as_of=self.as_of.isoformat(),
            norms_version=self.library.version,
            norms=norms,
            totals=totals,
            verdicts=[v.value for v in Verdict],
            summary=summary,
            picture=picture,
            norm_rows=picture.norm_rows(),
            groups=GROUPS,
            group_labels=GROUP_LABELS,
            stay_labels=STAY_LABELS,
            filters=filters,
            stay_limits=stay_limits(self.library),
            reform=summary.reform.to_dict() if summary.reform is not None else None,
            locations=self.locations,
            rows=rows,
            errors=[error_dict(e, lang) for e in summary.errors],
            num=lambda v: "" if v is None else number(v, lang),
            months=lambda v: quantity(v, MONTHS, lang),
            show=lambda name, v: show(name, v, lang) if v else t("unknown", lang),
            field_label=lambda name: label(name, lang) or name,
            top=TOP_ROWS,
        )

    def write(self, path: Path, summary: AuditSummary) -> None:
        """Write the portfolio page to `path` in one go (no half-written file)."""
        path.write_text(self.render(summary), encoding="utf-8")
