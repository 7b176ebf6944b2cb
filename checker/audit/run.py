"""A portfolio audit: many locations, one norm library and as-of date, in worker processes.

Inputs are collected in order (files, directories searched recursively, CSV
tables row by row); each becomes an `AuditInput`, or a `Failed` when it cannot
even be read. Chunks of inputs go to worker processes, each of which compiles
the library into its own durable_rules engine once (the C extension never
releases the GIL, so threads would not help). Results come back in input
order, one `LocationResult` or `Failed` per input: a bad file or row never
stops the others.

A `LocationResult` is small on purpose (verdict, score, failing norms): a
summary of 100,000 locations must fit in flat memory. The checker's full
report (JSON contract of `checker.report.build.Report`) is only built when an output
needs it (`detail=True`).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import math
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence, Sized
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.audit.waivers import Waivers
from checker.errors import InputError, Problem, labelled_problem
from checker.evaluate import plain as plain_evaluator
from checker.evaluate.engine import Engine, EngineError, Evaluation
from checker.evaluate.facts import readable_values
from checker.library.loader import Library, load_library
from checker.library.model import Dimension, Outcome
from checker.location.loader import load_location, location_from_mapping
from checker.location.model import Location
from checker.location.table import TableRow, location_from_row, read_table
from checker.location.xlsx import SUFFIX as XLSX_SUFFIX
from checker.location.xlsx import read_workbook
from checker.report.build import make_report
from checker.report.coming_changes import transition_dates
from checker.report.findings import build_findings
from checker.report.verdict import (
    BINDING,
    LAYER_OF_WEIGHT,
    LAYERS,
    SEVERITY_WEIGHT,
    band,
    decide,
    dimension_range,
    overall,
)
from checker.source.walk import find_inputs

if TYPE_CHECKING:
    from checker.audit.outputs import AuditSummary

CHUNK = 250
LOCATION_SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIX = ".csv"
TABLE_SUFFIXES = (TABLE_SUFFIX, XLSX_SUFFIX)
_PASS, _UNKNOWN, _NOT_APPLICABLE = Outcome.pass_, Outcome.unknown, Outcome.not_applicable


@dataclass
class AuditInput:
    """One location to check: a YAML file, a CSV row or a mapping (generated locations)."""

    file: str
    line: int | None = None
    data: dict[str, Any] | None = None  # None: read the YAML file

    @property
    def source(self) -> str:
        """Where the location came from, as shown to the user (file, or file:line of a table)."""
        return self.file if self.line is None else f"{self.file}:{self.line}"


@dataclass
class Failed:
    """An input that could not be checked, with every problem found in it."""

    file: str
    line: int | None
    problems: list[Problem]

    @property
    def source(self) -> str:
        """Where the input that failed came from."""
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def message(self, lang: str) -> str:
        """Every problem of the input on one line, joined by '; ', in `lang`."""
        return "; ".join(p.render(lang) for p in self.problems)


@dataclass
class LocationResult:
    """What the audit keeps of one checked location."""

    source: str
    location_id: str
    name: str
    verdict: str
    score_low: int | None
    score_high: int | None
    band: str | None
    failing: list[str]  # norm ids that fail and count (not waived; expired waivers count)
    failures_by_weight: dict[str, int]
    waived: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    # per layer (law, policy, guidance): [pass, fail, unknown]; a waived failure is not a fail
    layer_counts: dict[str, list[int]] = field(default_factory=dict)
    outcomes: dict[str, str] | None = None  # norm id -> outcome or "waived" (detail only)
    report: dict[str, Any] | None = None  # the checker's JSON (detail only)
    snapshots: int = 0  # a file with `snapshots:`: how many (this is the latest of them)
    described_on: str | None = None  # the date the checked description holds
    #: the facts a national picture counts by (municipality, children, stays): `picture_facts`
    facts: dict[str, Any] = field(default_factory=dict)


#: What `checker.audit.picture` groups and counts by, kept of every location (a few values).
PICTURE_FACTS = (
    "municipality",
    "location_type",
    "operator",
    "occupancy_total",
    "children_count",
    "unaccompanied_minors_count",
    "stay_children_avg_months",
    "stay_children_max_months",
)


def picture_facts(location: Location) -> dict[str, Any]:
    """The facts of `location` the national picture reads, as plain values (None: unknown)."""
    values = {name: getattr(location, name) for name in PICTURE_FACTS}
    return {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}


# inputs ------------------------------------------------------------------------


class AuditInputs:
    """The inputs of an audit, in order: its length is known at once, a CSV table's rows are
    read again as they are checked rather than kept (100,000 rows of 80 cells would take
    hundreds of MB). Each iteration reads the tables afresh, so it can be iterated twice (the
    same portfolio under a reformed library)."""

    def __init__(self) -> None:
        self._parts: list[list[AuditInput | Failed] | tuple[Path, str | None]] = []
        self._count = 0

    def add(self, items: list[AuditInput | Failed]) -> None:
        """Inputs that are kept as they are (a YAML file's name, a problem, a workbook's rows)."""
        if self._parts and isinstance(self._parts[-1], list):
            self._parts[-1].extend(items)
        else:
            self._parts.append(list(items))
        self._count += len(items)

    def add_table(self, path: Path, notes: list[Problem] | None) -> None:
        """A CSV table, counted now (how it was read goes to `notes`) and read when checked."""
        self._count += sum(1 for _ in _table_inputs(path, None, notes, typed=False))
        self._parts.append((path, None))

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[AuditInput | Failed]:
        for part in self._parts:
            if isinstance(part, list):
                yield from part
            else:
                yield from _table_inputs(*part)


def collect_inputs(
    paths: Iterable[str], sheet: str | None = None, notes: list[Problem] | None = None
) -> AuditInputs:
    """Every location named by `paths`, in order; directories are searched recursively.
    `sheet`: the sheet of a workbook to read (default its first); how each table was read
    (separator, encoding, sheet) is added to `notes`, for the run to state."""
    items = AuditInputs()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, unreadable = find_inputs(path, (*LOCATION_SUFFIXES, *TABLE_SUFFIXES))
            items.add([Failed(p.file, None, [p]) for p in unreadable])
            if not found and not unreadable:
                items.add(
                    [Failed(raw, None, [labelled_problem(raw, None, "problem_no_yaml_yml_csv")])]
                )
            for p in found:
                _add_file(items, p, sheet, notes)
        else:
            _add_file(items, path, sheet, notes)
    return items


def _add_file(
    items: AuditInputs, path: Path, sheet: str | None, notes: list[Problem] | None
) -> None:
    suffix = path.suffix.lower()
    if suffix == TABLE_SUFFIX:
        items.add_table(path, notes)
    elif suffix == XLSX_SUFFIX:  # openpyxl is slow to read: a workbook is read once, and kept
        items.add(list(_table_inputs(path, sheet, notes)))
    else:
        items.add([AuditInput(str(path))])


def _table_inputs(
    path: Path, sheet: str | None, notes: list[Problem] | None = None, typed: bool = True
) -> Iterator[AuditInput | Failed]:
    """The inputs of a table, one per row; `typed=False` only counts them (no cell is read)."""
    if path.suffix.lower() == XLSX_SUFFIX:
        rows = read_workbook(path, sheet, notes)
    else:
        rows = read_table(path, notes, typed=typed)
    last: AuditInput | Failed | None = None
    try:
        for row in rows:
            if isinstance(row, Problem) and isinstance(last, Failed) and row.line == last.line == 1:
                last.problems.append(row)  # the header's problems: one input, at line 1
                continue
            if last is not None:
                yield last
            if isinstance(row, Problem):  # that row is reported, the others are checked
                last = Failed(row.file, row.line, [row])
            else:
                last = AuditInput(row.file, row.line, row.data)
    except InputError as exc:
        if last is not None:
            yield last
        last = Failed(str(path), exc.problems[0].line, exc.problems)
    if last is not None:
        yield last


def _load(item: AuditInput) -> Location:
    if item.data is None:
        return load_location(Path(item.file))
    if item.line is None:
        return location_from_mapping(item.data, item.file)
    return location_from_row(TableRow(item.file, item.line, item.data))


# checking ----------------------------------------------------------------------


@dataclass
class AuditOptions:
    """What every worker needs to check locations the same way."""

    as_of: dt.date
    lang: str = "nl"
    norms_dirs: list[Path] = field(default_factory=list)
    waivers: Waivers = field(default_factory=Waivers)
    detail: bool = False  # build the checker's full report for every location
    evaluator: str = "engine"  # engine | plain (the plain-Python evaluator, for comparison)
    max_fact_age_months: int = 12  # facts older than this warn (issue 16)
    reform: Any = None  # a `checker.audit.reform.Reform` to apply to the library (issue 18)


def _library_of(options: AuditOptions) -> Library:
    if options.reform is None:
        return load_library(options.norms_dirs)
    from checker.audit.reform import reformed_library  # it reads this module's results

    return reformed_library(options.norms_dirs, options.reform)


class Auditor:
    """The compiled library and options of one process; checks chunks of inputs."""

    def __init__(
        self, options: AuditOptions, library: Library | None = None, engine: Engine | None = None
    ):
        """`library` and `engine`: already compiled ones to use (the web page's), since
        durable_rules keeps every ruleset registered for the life of the process."""
        self.options = options
        self.library = library or _library_of(options)
        if options.evaluator == "engine":
            self.engine: Engine | None = engine or Engine(self.library)
        else:
            self.engine = None
        dimension_index = {d.value: i for i, d in enumerate(Dimension)}
        # what the verdict and the score read of a norm, looked up once per norm, not per location
        self._norm_data = {
            n.id: (
                n.weight.value,
                n.weight.value in BINDING,
                SEVERITY_WEIGHT[n.norm.severity.value],
                dimension_index[n.norm.dimension.value],
            )
            for n in self.library.norms
        }

    def _outcomes(self, locations: Sequence[Location]) -> tuple[list[dict], list[Evaluation]]:
        as_of = self.options.as_of
        if self.engine is None:
            return [plain_evaluator.evaluate(self.library, loc, as_of) for loc in locations], []
        if not self.options.detail:
            return self.engine.outcomes_many(locations, as_of), []
        evaluations = self.engine.evaluate_many(locations, as_of)
        return [{k: r.outcome for k, r in e.results.items()} for e in evaluations], evaluations

    def check(self, chunk: Sequence[AuditInput | Failed]) -> list[LocationResult | Failed]:
        """The result of each input of `chunk`, in order; a bad input becomes a `Failed`."""
        out: list[LocationResult | Failed | None] = []
        valid: list[tuple[int, AuditInput, Location]] = []
        for item in chunk:
            if isinstance(item, Failed):
                out.append(item)
                continue
            try:
                valid.append((len(out), item, _load(item)))
                out.append(None)
            except InputError as exc:
                line = item.line if item.line is not None else exc.problems[0].line
                out.append(Failed(item.file, line, exc.problems))
        locations = [loc for _, _, loc in valid]
        try:
            outcomes, evaluations = self._outcomes(locations)
        except EngineError as exc:
            for position, item, _ in valid:
                out[position] = Failed(item.file, item.line, [_engine_problem(item, exc)])
            return out  # type: ignore[return-value]
        reports = self._reports(valid, evaluations) if self.options.detail else None
        for k, (position, item, location) in enumerate(valid):
            result = self._result(item, location, outcomes[k])
            result.snapshots = len(location.snapshot_dates())
            if location.described_on:
                result.described_on = location.described_on.isoformat()
            if reports is not None:
                result.report = reports[k]
                _mark_waivers(result, reports[k], self.options)
            out[position] = result
        return out  # type: ignore[return-value]

    def _result(self, item: AuditInput, location: Location, outcomes: dict) -> LocationResult:
        """Verdict and score in one pass over the outcomes, without a finding per norm: the sums
        are made here, the rules are `checker.report.verdict`'s (as for a report)."""
        as_of = self.options.as_of
        waivers = self.options.waivers.for_location(location.id)
        norm_data = self._norm_data
        dimensions = len(Dimension)
        total, passed, open_ = [0] * dimensions, [0] * dimensions, [0] * dimensions
        binding_fail = binding_unknown = concern = False
        failing, waived, expired = [], [], []
        by_weight: dict[str, int] = {}
        layer_counts = {layer: [0, 0, 0] for layer in LAYERS}
        for norm_id, outcome in outcomes.items():
            if outcome is _NOT_APPLICABLE:
                continue
            weight, binding, severity, dimension = norm_data[norm_id]
            layer = layer_counts[LAYER_OF_WEIGHT[weight]]
            total[dimension] += severity
            if outcome is _PASS:
                passed[dimension] += severity
                layer[0] += 1
                continue
            if outcome is _UNKNOWN:
                open_[dimension] += severity
                layer[2] += 1
                if binding:
                    binding_unknown = True
                else:
                    concern = True
                continue
            waiver = waivers.get(norm_id) if waivers else None
            if waiver is not None and as_of <= waiver.expires:
                waived.append(norm_id)  # still a failure for the score, not for the verdict
                continue
            if waiver is not None:
                expired.append(norm_id)
            failing.append(norm_id)
            layer[1] += 1
            by_weight[weight] = by_weight.get(weight, 0) + 1
            if binding:
                binding_fail = True
            else:
                concern = True
        # a waiver is still a concern
        outcome_verdict = decide(binding_fail, binding_unknown, concern or bool(waived))
        mean = overall(
            [dimension_range(*sums) for sums in zip(total, passed, open_, strict=True) if sums[0]]
        )
        result = LocationResult(
            item.source,
            location.id,
            location.name,
            outcome_verdict.value,
            None if mean is None else mean.low,
            None if mean is None else mean.high,
            None if mean is None else band(mean.low),
            failing,
            by_weight,
            waived,
            expired,
            layer_counts,
            facts=picture_facts(location),
        )
        if self.options.detail:
            result.outcomes = {k: "waived" if k in waived else o.value for k, o in outcomes.items()}
        return result

    def _reports(
        self, valid: list[tuple[int, AuditInput, Location]], evaluations: list[Evaluation]
    ) -> list[dict[str, Any]]:
        """The checker's JSON for each location, with coming changes (as `check` gives)."""
        opts, library = self.options, self.library
        # detail (the JSON and HTML outputs) needs the engine: the plain evaluator gives outcomes
        assert self.engine is not None
        locations = [loc for _, _, loc in valid]
        later = {
            day: self.engine.evaluate_many(locations, day)
            for day in transition_dates(library, opts.as_of)
        }
        reports = []
        for k, (_, item, location) in enumerate(valid):

            def findings_on(
                day: dt.date, norms: list | None, k: int = k, location: Location = location
            ) -> list:
                values = readable_values(location, day)
                return build_findings(later[day][k], library, values, day, opts.lang, norms)

            values = readable_values(location, opts.as_of)
            findings = build_findings(evaluations[k], library, values, opts.as_of, opts.lang)
            report = make_report(
                library,
                location,
                item.source,
                opts.as_of,
                opts.lang,
                findings,
                findings_on,
                opts.max_fact_age_months,
            )
            reports.append(report.to_dict())
        return reports


def _mark_waivers(result: LocationResult, report: dict[str, Any], opts: AuditOptions) -> None:
    """A waived failure stays `fail` and carries its waiver; the verdict is the audit's."""
    report["verdict"] = result.verdict
    waivers = opts.waivers.for_location(result.location_id)
    for finding in report["findings"]:
        waiver = waivers.get(finding["norm_id"])
        if waiver is not None and finding["outcome"] == Outcome.fail.value:
            finding["waiver"] = waiver.to_dict(opts.as_of)


def _engine_problem(item: AuditInput, exc: EngineError) -> Problem:
    return labelled_problem(item.file, item.line, "problem_rules_engine_failed", exc=exc)


# running -----------------------------------------------------------------------

_auditor: Auditor | None = None  # one per worker process


def _init_worker(
    options: AuditOptions, parent: int | None = None, library: Library | None = None
) -> None:
    global _auditor
    if parent is not None:
        _die_with_parent(parent)
    _auditor = Auditor(options, library)


def _check_chunk(
    chunk: list[AuditInput | Failed], count: bool = False
) -> tuple[list[LocationResult | Failed], AuditSummary | None]:
    """The chunk's results and, with `count`, its summary, counted here (in the worker)."""
    assert _auditor is not None, "worker not initialised"
    results = _auditor.check(chunk)
    return results, _counted(results) if count else None


def _counted(results: list[LocationResult | Failed]) -> AuditSummary:
    from checker.audit.outputs import AuditSummary  # (it imports this module)

    part = AuditSummary(part=True)
    for result in results:
        part.add(result)
    return part


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_workers() -> int:
    """Worker processes to use by default: the cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_audit(
    items: Iterable[AuditInput | Failed],
    options: AuditOptions,
    workers: int = 1,
    chunk_size: int | None = None,
    pool: ProcessPoolExecutor | None = None,
    library: Library | None = None,
    summary: AuditSummary | None = None,
) -> Iterator[LocationResult | Failed]:
    """Check every input; yields one result per input, in input order.

    With one worker everything runs in this process; with more, each worker
    process compiles the library once, and at most two chunks per worker are
    in flight, so memory stays flat however many inputs there are. A `pool` made by
    `worker_pool` may be passed in (and is then left running), e.g. to time without start-up.
    `library`: the one the caller loaded already, used in this process (not in workers).
    `summary`: counts every result in, before the results of its chunk are yielded; each
    chunk is counted where it is checked (in a worker), so that the parent only merges.
    """
    if chunk_size is None:
        total = len(items) if isinstance(items, Sized) else None
        chunk_size = CHUNK if total is None else max(1, min(CHUNK, math.ceil(total / workers)))
    chunks = _chunks(items, chunk_size)
    if workers <= 1:
        reuse = _auditor is not None and _auditor.options is options
        auditor = _auditor if reuse and _auditor is not None else Auditor(options, library)
        for chunk in chunks:
            results = auditor.check(chunk)
            if summary is not None:
                summary.merge(_counted(results))
            yield from results
        return
    if pool is not None:
        yield from _in_pool(pool, chunks, workers, options, summary)
        return
    with started_workers(options, workers) as own:
        assert own is not None
        yield from _in_pool(own, chunks, workers, options, summary)


@contextlib.contextmanager
def started_workers(
    options: AuditOptions, workers: int, library: Library | None = None
) -> Iterator[ProcessPoolExecutor | None]:
    """A pool for `run_audit(pool=...)` (None for one worker: it checks in this process),
    started at once, so that the workers load and compile the library while this process
    collects the inputs; shut down when the block ends, at once when an exception ends it
    (Ctrl+C, SIGTERM, a failed output, a refusal). `library`: as for `worker_pool`."""
    if workers <= 1:
        yield None
        return
    pool = worker_pool(options, workers, library)
    try:
        yield pool
    except BaseException:
        stop_workers(pool)
        raise
    pool.shutdown()


def worker_pool(
    options: AuditOptions, workers: int, library: Library | None = None
) -> ProcessPoolExecutor:
    """A pool of `workers` processes, each with its own engine, started now. `library`: the
    one this process loaded for `options`, which a forked worker has without loading it."""
    args = (options, os.getpid(), library)
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=args)
    with _signals_held():
        for _ in range(workers):
            pool.submit(int)  # only a task starts the processes
    return pool


_INTERRUPTS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl+C and SIGTERM wait while workers are forked: a worker has this process's handlers
    (which raise) until `_die_with_parent` sets its own, and a signal in between would end it
    with a traceback; a worker lets them through once its own are set."""
    if not hasattr(signal, "pthread_sigmask"):  # (Windows: no fork, no signal masks)
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's worker processes without waiting for their chunks."""
    # the executor has no public way to end busy workers; its process table is the only handle
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    # A worker ended while it was sending a large result leaves half a message in the result
    # pipe; the executor's thread then waits for the rest for ever (seen on CPython 3.11), and
    # shutdown and the interpreter's exit wait for that thread. This process never writes to
    # that pipe: with its copy of the writing end closed, the read ends (EOF) once the workers
    # are gone, and the executor marks itself broken and stops.
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)
            if process.is_alive():
                process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _die_with_parent(parent: int) -> None:
    """A worker never outlives the audit that started it (SIGKILL, the OOM killer): Linux
    ends it when its parent dies; Ctrl+C is the parent's to handle, not the worker's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (a forked worker inherits the parent's)
    if hasattr(signal, "pthread_sigmask"):  # held while it was forked: `_signals_held`
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _INTERRUPTS)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _in_pool(
    pool: ProcessPoolExecutor,
    chunks: Iterator[list],
    workers: int,
    options: AuditOptions,
    summary: AuditSummary | None,
) -> Iterator[LocationResult | Failed]:
    """Chunks through the pool; a chunk whose worker died (a crash in the C engine takes the
    process with it) is checked again one location at a time, so only the location that
    crashes is lost, and it is reported."""
    replacements: list[ProcessPoolExecutor] = []

    def submit(chunk: list) -> Any:
        nonlocal pool
        count = summary is not None
        try:
            return pool.submit(_check_chunk, chunk, count)
        except BrokenProcessPool:  # every future of a broken pool fails: start a new one
            pool = worker_pool(options, workers)
            replacements.append(pool)
            return pool.submit(_check_chunk, chunk, count)

    def results(chunk: list, future: Any) -> list[LocationResult | Failed]:
        try:
            checked, part = future.result()
        except BrokenProcessPool:
            checked = list(_one_by_one(chunk, options))
            part = _counted(checked) if summary is not None else None
        if summary is not None and part is not None:
            summary.merge(part)
        return checked

    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, submit(chunk)))
            if len(pending) >= 2 * workers:
                yield from results(*pending.popleft())
        while pending:
            yield from results(*pending.popleft())
    except BaseException:
        for replacement in replacements:
            stop_workers(replacement)
        raise
    for replacement in replacements:
        replacement.shutdown(cancel_futures=True)


def _one_by_one(chunk: list, options: AuditOptions) -> Iterator[LocationResult | Failed]:
    """Each input of `chunk` in a worker of its own making; one that kills it is reported."""
    single: ProcessPoolExecutor | None = None
    try:
        for item in chunk:
            if isinstance(item, Failed):
                yield item
                continue
            if single is None:
                single = worker_pool(options, 1)
            try:
                yield from single.submit(_check_chunk, [item]).result()[0]
            except BrokenProcessPool:
                single.shutdown(cancel_futures=True)
                single = None
                yield Failed(item.file, item.line, [_crash_problem(item)])
    finally:
        if single is not None:
            single.shutdown(cancel_futures=True)


def _crash_problem(item: AuditInput) -> Problem:
    return labelled_problem(item.file, item.line, "engine_crashed", hint_key="engine_crashed_hint")
