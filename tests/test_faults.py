"""Faults from outside the input: a crashing engine, interrupts, a full disk, special files.

Nothing is lost and nothing half-written is left behind: a location that kills its worker
is reported as that location's error while every other one is checked.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


# interrupts ------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"


def _table(path: Path, rows: int) -> Path:
    lines = ["id,name,location_type,children_count,outdoor_play_area_m2"]
    lines += [f"loc-{i},Location {i},regular_azc,{i % 40},{i % 700}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


ROWS = 12000


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_audit(tmp_path: Path, lang: str = "en") -> tuple[subprocess.Popen, dict]:
    """An audit of 12,000 rows with two workers and earlier outputs in place, started in a
    session of its own and returned once it is checking (its first progress line, a tenth
    in); large enough that even a fast audit is still checking when the signal arrives (with
    a full report per location for `--json`, the other nine tenths take a minute or more
    here), small enough that the first tenth does not take a minute."""
    table = _table(tmp_path / "big.csv", ROWS)
    outs = {kind: tmp_path / f"a.{kind}" for kind in ("csv", "json", "html")}
    for path in outs.values():
        path.write_text("earlier\n", encoding="utf-8")
    args = [sys.executable, "-m", "checker.cli", "audit", str(table), "--workers", "2"]
    for kind, path in outs.items():
        args += [f"--{kind}", str(path)]
    proc = subprocess.Popen(
        [*args, "--lang", lang],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # as in a terminal's foreground job: a suite started in the background (`pytest &`)
        # hands its children SIGINT ignored, and Python keeps it so, as the shell meant
        preexec_fn=_sigint_default,
    )
    line = proc.stderr.readline()
    if not re.search(rf"\d+ (of|van) {ROWS}", line):
        proc.kill()
        raise AssertionError(line + proc.stderr.read())
    return proc, outs


def _group_gone(pgid: int, seconds: float = 10) -> bool:
    """Whether every process of the group (the audit and its workers) has ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _left_alone(tmp_path: Path, outs: dict) -> None:
    for path in outs.values():
        assert path.read_text(encoding="utf-8") == "earlier\n", path
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


_HALF_A_RESULT = """
import datetime as dt, os, struct, sys, time
from pathlib import Path
from checker.audit.run import AuditOptions, stop_workers, worker_pool

def half_a_result(marker):
    # in the worker: the header of a 1 MB result and 10 bytes of it, then nothing more
    frame = sys._getframe()
    while frame.f_code.co_name != "_process_worker":
        frame = frame.f_back
    writer = frame.f_locals["result_queue"]._writer
    os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"x" * 10)
    Path(marker).touch()
    time.sleep(120)

if __name__ == "__main__":
    pool = worker_pool(AuditOptions(dt.date(2026, 6, 1), "en"), 2)
    future = pool.submit(half_a_result, sys.argv[1])
    while not os.path.exists(sys.argv[1]):
        time.sleep(0.05)
    time.sleep(0.5)  # the executor's thread is now reading the rest of that result
    stop_workers(pool)
    print("stopped", type(future.exception()).__name__)
"""


def test_stopping_workers_ends_even_when_one_was_stopped_halfway_through_a_result(tmp_path):
    # a worker ended while it sends a large result leaves half a message in the pipe; the
    # executor's thread must not wait for the rest for ever (the audit would never exit)
    script = tmp_path / "half.py"
    script.write_text(_HALF_A_RESULT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "written")],
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,
        cwd=ROOT,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "stopped BrokenProcessPool\n", "")


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_audit_exits_130_writes_nothing_and_keeps_the_earlier_outputs(tmp_path, how):
    proc, outs = _start_audit(tmp_path)
    if how == "ctrl-c":  # the terminal sends SIGINT to the whole foreground group
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == (
        "opvangtoets: interrupted: the work was stopped and no output was written"
        " (earlier outputs are kept as they were)"
    )
    assert "Traceback" not in err
    _left_alone(tmp_path, outs)
    assert _group_gone(proc.pid), "worker processes outlived the audit"


def test_the_interrupt_message_is_dutch_by_default(tmp_path):
    proc, outs = _start_audit(tmp_path, lang="nl")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().splitlines()[-1].startswith("opvangtoets: onderbroken: het werk is gestopt")


def test_killing_the_audit_leaves_no_worker_running_and_no_partial_output(tmp_path):
    proc, outs = _start_audit(tmp_path)
    proc.kill()  # as the OOM killer would: no chance to clean up
    proc.wait(timeout=10)
    assert _group_gone(proc.pid), "worker processes outlived their parent"
    for path in outs.values():  # the earlier outputs are intact; the temp files may remain
        assert path.read_text(encoding="utf-8") == "earlier\n"


# full disk and closed output ----------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KiB tmpfs (needs root and mount); skipped with the reason where that is not
    allowed."""
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip() or 'not root'}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def _cli(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args, "--lang", "en", "--as-of", "2026-06-01"],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_audit_onto_a_full_disk_exits_2_with_the_path_and_leaves_nothing(full_disk, tmp_path):
    table = _table(tmp_path / "t.csv", 3000)
    target = full_disk / "a.csv"
    done = _cli("audit", str(table), "--workers", "1", "--csv", str(target))
    assert done.returncode == 2
    assert f"{target}: cannot write the output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(full_disk.iterdir()) == []


def test_check_reports_onto_a_full_disk_are_complete_or_absent(full_disk):
    out = full_disk / "out"
    done = _cli("check", str(CASES), "--format", "html", "--output", str(out))
    assert done.returncode == 2
    assert f"{out}/family-location.html: cannot write the report: No space left on device" in (
        done.stderr
    )
    for path in out.iterdir():  # whatever is there is a whole report
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), path


def test_standard_output_on_a_full_disk_exits_2_with_its_path(full_disk):
    target = full_disk / "c.json"
    with target.open("w") as handle:
        done = _cli("check", str(CASES), "--format", "json", stdout=handle)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"{target}: cannot write the output: No space left on device — free space, or write"
        " elsewhere"
    )


def test_standard_output_to_dev_full_exits_2_with_a_message():
    with open("/dev/full", "w") as handle:
        done = _cli("check", str(CASES / "family-location.yaml"), stdout=handle)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "/dev/full: cannot write the output: No space left on device — free space, or write"
        " elsewhere"
    )


def test_norms_docs_into_a_read_only_directory_exits_2_with_the_path(tmp_path):
    target = tmp_path / "docs"
    target.mkdir()
    target.chmod(0o500)
    try:
        args = ["setpriv", "--bounding-set=-dac_override", "--inh-caps=-dac_override"]
        cmd = [sys.executable, "-m", "checker.cli", "norms", "docs", "--output-dir", str(target)]
        if os.geteuid() != 0:
            args = []
        done = subprocess.run([*args, *cmd, "--lang", "en"], capture_output=True, text=True)
    finally:
        target.chmod(0o700)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"{target}/normen.md: cannot write the output: Permission denied")
    assert list(target.iterdir()) == []


# special entries -------------------------------------------------------------------------------


def test_special_and_unreadable_entries_in_an_audited_directory_are_reported(tmp_path):
    folder = tmp_path / "portfolio"
    (folder / "open").mkdir(parents=True)
    (folder / "open" / "ok.yaml").write_bytes((CASES / "family-location.yaml").read_bytes())
    os.mkfifo(folder / "open" / "pipe.yaml")
    (folder / "open" / "dangling.yaml").symlink_to(folder / "missing.yaml")
    (folder / "open" / "zero.csv").symlink_to("/dev/zero")
    done = _cli("audit", str(folder), "--workers", "1")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert f"{folder}/open/dangling.yaml: file not found" in lines
    assert f"{folder}/open/pipe.yaml: is not a regular file" in lines
    assert f"{folder}/open/zero.csv: is not a regular file" in lines
    assert "1 location checked, 3 could not be checked" in done.stdout


def test_a_refusal_by_the_rules_engine_names_the_file_line_and_norm(monkeypatch):
    import durable_rules_engine

    from checker.evaluate.engine import Engine, EngineError
    from checker.library.loader import load_library

    library = load_library()
    real = durable_rules_engine.create_ruleset

    def refuse_norms(name, rules):
        if "_norms_0" in name:
            raise RuntimeError("Could not create ruleset, error code: 106")
        return real(name, rules)

    monkeypatch.setattr(durable_rules_engine, "create_ruleset", refuse_norms)
    with pytest.raises(EngineError) as info:
        Engine(library)
    message = str(info.value)
    first, outside = library.norms[0], library.norms[-1]
    assert message.startswith(
        f"durable_rules refused the rules of {first.path}:{first.line} ({first.id}), "
    )
    assert message.endswith(": Could not create ruleset, error code: 106")
    assert f"({outside.id})" not in message  # only the norms of the refused ruleset
