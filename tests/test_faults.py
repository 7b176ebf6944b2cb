"""Faults from outside the input: a crashing engine, interrupts, a full disk, special files.

Nothing is lost and nothing half-written is left behind: a location that kills its worker
is reported as that location's error while every other one is checked.
"""

from __future__ import annotations

import datetime as dt
import os
import signal

from checker.audit import run as audit_run
from checker.audit.run import AuditInput, AuditOptions, Failed, LocationResult, run_audit

AS_OF = dt.date(2026, 6, 1)


def _location(i: int, name: str = "fine") -> AuditInput:
    data = {"id": f"loc-{i}", "name": name, "location_type": "regular_azc", "children_count": 3}
    return AuditInput("table.csv", i + 2, data)


def test_a_location_that_kills_its_worker_is_reported_and_every_other_one_is_checked(
    monkeypatch,
):
    real_check = audit_run.Auditor.check

    def crashing_check(self, chunk):
        if any(isinstance(item, AuditInput) and item.data["name"] == "crash" for item in chunk):
            os.kill(os.getpid(), signal.SIGSEGV)  # what the C engine did on 2e-05
        return real_check(self, chunk)

    # the workers are forked, so they inherit the patched method
    monkeypatch.setattr(audit_run.Auditor, "check", crashing_check)
    items = [_location(i, "crash" if i == 7 else "fine") for i in range(20)]
    options = AuditOptions(AS_OF, "en")
    results = list(run_audit(items, options, workers=2, chunk_size=5))
    assert [r.source for r in results] == [f"table.csv:{i + 2}" for i in range(20)]
    failed = [r for r in results if isinstance(r, Failed)]
    assert [(f.source, f.message("en")) for f in failed] == [
        (
            "table.csv:9",
            "table.csv:9: the rules engine crashed on this location (the process checking it"
            " died) — report this location to the maintainers; the other locations were checked",
        )
    ]
    assert "de regelengine liep vast" in failed[0].message("nl")
    checked = [r for r in results if isinstance(r, LocationResult)]
    assert len(checked) == 19
    assert {r.verdict for r in checked} == {checked[0].verdict}
