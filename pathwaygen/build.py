"""Batch build: every record in files and folders -> ``OUTDIR/<figid>.svg|.gpml|.json`` + gallery.

The work is split in two so that an interrupted or failing build never leaves a half file:

- workers (a process pool; each loads the lexicon and rules once) turn a record into the
  text of every requested format and return it;
- the parent process checks the figid (safe file name, no duplicate), writes each file with
  :func:`pathwaygen.atomic.write_atomic` and keeps the manifest.

The build is incremental: ``OUTDIR/.pathwaygen-manifest.json`` records, per figure, the hash of
the record bytes, under a *settings* hash covering the package version, the requested formats,
the rules, the lexicon and the code (:func:`settings_digest`). A record whose hash is listed
under the current settings, with all its outputs present, is skipped.

Ctrl-C stops the build gracefully: the figure being written is finished, the manifest is
saved (so a second run resumes), nothing else is written, and :class:`KeyboardInterrupt` is
raised to the caller.

Each record has a time budget (``time_budget``, ``--time-budget``): SIGALRM stops a record
running in Python; in the pool, a worker stuck in C code ends itself at :func:`hard_deadline`
(faulthandler's watchdog thread) and the parent, which knows from shared start times what
each worker was doing, reports that record and carries on with a fresh pool. A worker that
dies for another reason (OOM killer, crash) costs only its own record (see
:class:`_SupervisedPool`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import sys
import threading
import time
import faulthandler
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import __version__
from .atomic import remove_stale_temporaries, write_atomic
from .errors import PathwaygenError
from .limits import DEFAULT_TIME_BUDGET, special_file_problem
from .paths import rules_root
from .writers import FORMATS

#: the manifest file inside OUTDIR (a dot file: it is bookkeeping, not a diagram)
MANIFEST_NAME = ".pathwaygen-manifest.json"
#: bump when the manifest layout changes; an older manifest is then ignored
MANIFEST_VERSION = 1
#: the gallery pages each build writes into OUTDIR
GALLERY_FILES: tuple[str, ...] = ("index.html", "index.md")
#: extensions of record files picked up when a folder is given
RECORD_SUFFIXES: tuple[str, ...] = (".md",)

#: a figid names files in OUTDIR: letters, digits, dot, dash, underscore, plus; no leading dot
_SAFE_FIGID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,199}")


@dataclass
class BuildReport:
    """What a build did: figids built and skipped, failures as "file: problem" lines."""

    outdir: Path
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no record failed."""
        return not self.failed

    def summary(self) -> str:
        """The one-line summary: counts of built, skipped and failed figures."""
        return (f"built {len(self.built)}, skipped {len(self.skipped)}, failed {len(self.failed)}"
                f" -> {self.outdir}")


# --------------------------------------------------------------------------- inputs


def find_records(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand files and folders into record files, in a stable order.

    A file is taken as given (whatever its extension); a folder contributes every ``*.md``
    below it (hidden folders skipped), sorted. A path listed twice is kept once.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                rel = sub.relative_to(path).parts
                if sub.is_file() and sub.suffix.lower() in RECORD_SUFFIXES and not any(p.startswith(".") for p in rel):
                    found.setdefault(sub, None)
        else:
            found.setdefault(path, None)
    return list(found)


def _package_inputs() -> list[Path]:
    """Files whose content decides the output: code, templates, packaged data and rules."""
    package = Path(__file__).resolve().parent
    roots = [package, rules_root()]
    files: list[Path] = []
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".tmp"):
                files.append(path)
    return files


def settings_digest(formats: Sequence[str]) -> str:
    """Hash of everything besides the record that decides a figure's output.

    Covers the version, the sorted formats, and every file of the package (code, templates,
    lexicon data) and of the rules folder: a change in any of them rebuilds every figure.
    """
    digest = hashlib.sha256()
    digest.update(f"pathwaygen {__version__}\nformats {','.join(sorted(formats))}\n".encode())
    base = Path(__file__).resolve().parent.parent
    for path in _package_inputs():
        digest.update(str(path.relative_to(base)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def check_figid(figid: str) -> str | None:
    """Return why `figid` cannot name output files in OUTDIR, or None when it can."""
    if not isinstance(figid, str) or not _SAFE_FIGID.fullmatch(figid):
        return f"figid {figid!r} cannot be used as a file name (letters, digits, '.', '_', '-', '+' only)"
    return None


# --------------------------------------------------------------------------- manifest


def load_manifest(outdir: Path) -> dict[str, Any]:
    """Read OUTDIR's manifest; an absent, unreadable or older one reads as empty."""
    try:
        data = json.loads((outdir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("manifest") != MANIFEST_VERSION or not isinstance(data.get("figures"), dict):
        return {}
    # the manifest is a file in OUTDIR anyone may have edited: an entry whose figid could name a
    # path outside OUTDIR, or whose fields are not what the gallery prints, is forgotten (rebuilt)
    data["figures"] = {figid: entry for figid, entry in data["figures"].items() if _valid_entry(figid, entry)}
    return data


def _valid_entry(figid: Any, entry: Any) -> bool:
    """True when a manifest entry has a safe figid and the fields and types build writes."""
    return (isinstance(figid, str) and check_figid(figid) is None and isinstance(entry, dict)
            and isinstance(entry.get("record"), str) and isinstance(entry.get("title"), str)
            and isinstance(entry.get("caption"), str)
            and all(isinstance(entry.get(k), int) and not isinstance(entry.get(k), bool) for k in ("nodes", "edges")))


def save_manifest(outdir: Path, settings: str, formats: Sequence[str], figures: dict[str, dict[str, Any]]) -> None:
    """Write the manifest (deterministic bytes: keys sorted)."""
    data = {"manifest": MANIFEST_VERSION, "generator": f"pathwaygen {__version__}", "settings": settings,
            "formats": list(formats), "figures": figures}
    write_if_changed(outdir / MANIFEST_NAME, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` atomically unless the file already holds exactly it; True when written.

    Leaves an unchanged file's timestamp alone, so tools watching OUTDIR see no change.
    """
    data = text.encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:  # is_file: never read a FIFO planted there
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


# --------------------------------------------------------------------------- the work of one figure


class _OverBudget(BaseException):
    """Raised by the SIGALRM handler when a record runs past its time budget.

    A BaseException, so that no ``except Exception`` inside the pipeline can swallow it.
    """


def hard_deadline(budget: float) -> float:
    """Seconds after which a worker still busy with one record is killed (budget + grace).

    The grace leaves the soft stop (SIGALRM, a clean "over budget" result) time to work; the
    hard stop is for a record stuck inside C code, where the signal cannot be handled.
    """
    return budget + min(30.0, max(2.0, budget / 2))


#: a worker's faulthandler writes here when it kills a stuck worker (the parent reports it)
_DEVNULL: Any = None


@contextmanager
def _time_budget(budget: float | None, hard: bool) -> Iterator[None]:
    """Raise _OverBudget in this thread after `budget` seconds; with `hard`, _exit the process
    after :func:`hard_deadline` (only ever in a pool worker).

    Needs the main thread and SIGALRM (POSIX); elsewhere the budget is not enforced.
    """
    if not budget or budget <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    if hard and _DEVNULL is not None:
        # faulthandler's watchdog is a C thread: it ends the process even while the main
        # thread holds the GIL inside a C call that never returns
        faulthandler.dump_traceback_later(hard_deadline(budget), exit=True, file=_DEVNULL)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if hard and _DEVNULL is not None:
            faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


def over_budget_message(path: str, budget: float) -> str:
    """The one line reported for a record that ran past its time budget."""
    return f"{path}: over the time budget of {budget:g} s, skipped (raise it with --time-budget)"


def _warm_up() -> None:
    """Load the lexicon and compile the rules now, so that it happens once per process."""
    from .pipeline import warm_up

    warm_up()


#: per task, the time.monotonic() at which a worker started it (0.0: not started); shared
#: memory, so the parent can tell which record a dead worker was busy with
_STARTED: Any = None


def _init_worker(started: Any = None) -> None:
    """Pool initializer: leave Ctrl-C to the parent (it stops gracefully), keep the shared
    start times, load the stages once (a no-op in a forked worker, which inherited them)."""
    global _STARTED, _DEVNULL
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STARTED = started
    _DEVNULL = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker
    _warm_up()


def figure_outputs(path: str, formats: Sequence[str], budget: float | None = None) -> dict[str, Any]:
    """Read one record and render it in every format; never raises for a bad record.

    Returns ``{"ok": True, "figid", "title", "caption", "nodes", "edges", "texts": {fmt: str}}``
    or ``{"ok": False, "error": "file: problem"}``. A record still running after `budget`
    seconds (None or 0: no limit) is stopped and reported.
    """
    try:
        with _time_budget(budget, hard=_DEVNULL is not None):
            return _render(path, formats)
    except _OverBudget:
        return {"ok": False, "error": over_budget_message(path, budget or 0.0)}
    except PathwaygenError as exc:
        message = str(exc)
    except RecursionError:
        message = "nested too deeply to process"
    except MemoryError:
        message = "out of memory"
    except Exception as exc:  # a bug must not stop the other figures; it is still reported
        message = f"internal error: {type(exc).__name__}: {exc}"
    problem = message[len(path) + 2:] if message.startswith(f"{path}: ") else message
    # one line, whatever the exception said (the path is kept as it is: the CLI escapes it)
    return {"ok": False, "error": f"{path}: {' '.join(problem.split())}"}


def _render(path: str, formats: Sequence[str]) -> dict[str, Any]:
    """The work of :func:`figure_outputs`: record -> graph -> layout -> every format's text."""
    from .pipeline import figure_to_graph
    from .record import load_record
    from .writers import get_writer

    figure = load_record(path)
    graph = figure_to_graph(figure)
    layout = None
    if any(FORMATS[name].needs_layout for name in formats):
        from .layout import layout_graph

        layout = layout_graph(graph)
    texts = {name: get_writer(name)(graph, layout) for name in formats}
    return {"ok": True, "figid": figure.figid, "title": figure.title, "caption": figure.caption,
            "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "texts": texts}


def _figure_task(args: tuple[int, str, tuple[str, ...], float | None]) -> dict[str, Any]:
    """Pool entry point (one picklable argument): note the start time, then do the work."""
    index, path, formats, budget = args
    if _STARTED is not None:
        _STARTED[index] = time.monotonic()
    return figure_outputs(path, formats, budget)


# --------------------------------------------------------------------------- Ctrl-C


class _StopFlag:
    """Set by the first Ctrl-C; a second Ctrl-C interrupts at once (default behaviour)."""

    def __init__(self) -> None:
        self.set = False

    def __call__(self, signum: int, frame: Any) -> None:
        self.set = True
        signal.signal(signal.SIGINT, signal.default_int_handler)


@contextmanager
def _graceful_sigint() -> Iterator[_StopFlag]:
    """Turn the first SIGINT into a flag the build loop checks between figures."""
    flag = _StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag  # signals only reach the main thread; nothing to install
        return
    previous = signal.signal(signal.SIGINT, flag)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


# --------------------------------------------------------------------------- orchestration


@contextmanager
def _results(tasks: list[tuple[str, tuple[str, ...]]], jobs: int | None,
             budget: float | None = None) -> Iterator[Iterator[dict[str, Any]]]:
    """Yield an iterator over each task's result in task order, in-process or from a process pool.

    In a pool (see :func:`_pool_results`) a worker that dies (stuck past the time budget, out
    of memory, crashed) costs only the record it was busy with; in-process the budget is
    enforced with SIGALRM only. `jobs` None means one worker per core; in-process work is
    chosen by ``jobs == 1`` (or a single task). On exit the pool is shut down: pending work is
    cancelled and running tasks are awaited (workers never write files).
    """
    if tasks:
        # load the lexicon and rules here, before forking: forked workers inherit them (and a
        # cold lexicon cache is built once, not once per worker); spawned workers load their own
        _warm_up()
    if jobs == 1 or len(tasks) <= 1:
        yield (figure_outputs(path, formats, budget) for path, formats in tasks)
        return
    workers = jobs if jobs and jobs > 0 else (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                              else os.cpu_count() or 1)
    pool = _SupervisedPool(tasks, min(workers, len(tasks)), budget)
    try:
        yield pool.results()
    finally:
        pool.close()


class _SupervisedPool:
    """A process pool that survives its workers: results in task order, a dead worker replaced.

    At most ``4 * workers`` tasks are in flight beyond the next result due, so results that
    finish early never pile up in memory. When the pool breaks (a worker ended by its own
    hard time limit, the OOM killer or a crash), the shared start times tell which tasks were
    running: one past its budget is reported as over budget; the others move to a one-worker
    *quarantine* pool, where a task that kills its worker is the only one running and so is
    reported as the cause. Tasks not yet started are submitted again to a fresh pool.
    """

    def __init__(self, tasks: list[tuple[str, tuple[str, ...]]], workers: int, budget: float | None) -> None:
        import multiprocessing

        self.tasks = tasks
        self.workers = workers
        self.budget = budget if budget and budget > 0 else None
        self.started = multiprocessing.Array("d", len(tasks), lock=False)
        self.futures: dict[int, tuple[str, Future[dict[str, Any]]]] = {}  # index -> (pool name, future)
        self.pools: dict[str, ProcessPoolExecutor] = {}
        self.done: dict[int, dict[str, Any]] = {}
        self.submitted = 0  # tasks [0, submitted) have been handed to some pool at least once
        self.idle_breaks = 0  # pool breaks in a row with no task running

    def _pool(self, name: str) -> ProcessPoolExecutor:
        if name not in self.pools:
            self.pools[name] = ProcessPoolExecutor(max_workers=self.workers if name == "main" else 1,
                                                   initializer=_init_worker, initargs=(self.started,))
        return self.pools[name]

    def _submit(self, index: int, pool: str = "main") -> None:
        self.started[index] = 0.0
        path, formats = self.tasks[index]
        self.futures[index] = (pool, self._pool(pool).submit(_figure_task, (index, path, formats, self.budget)))

    def _fill(self, head: int) -> None:
        """Keep tasks up to ``head + 4 * workers`` submitted."""
        while self.submitted < len(self.tasks) and self.submitted < head + 4 * self.workers:
            self._submit(self.submitted)
            self.submitted += 1

    def _recover(self, broken: str) -> None:
        """Pool `broken` died: keep finished results, judge its running tasks, resubmit the rest."""
        now = time.monotonic()
        self.pools.pop(broken).shutdown(wait=True, cancel_futures=True)
        unfinished = []
        for index, (pool, future) in sorted(self.futures.items()):
            if pool != broken:
                continue
            if future.done() and not future.cancelled() and future.exception() is None:
                self.done[index] = future.result()
                del self.futures[index]
            else:
                unfinished.append(index)
        running = [i for i in unfinished if self.started[i] > 0.0]
        self.idle_breaks = 0 if running else self.idle_breaks + 1
        if self.idle_breaks >= 3:  # workers that die before they start anything: nothing to retry
            raise PathwaygenError("the build's worker processes keep dying before they start a record; "
                                  "try --jobs 1")
        for index in unfinished:
            del self.futures[index]
            path = self.tasks[index][0]
            if index in running and self.budget is not None and now - self.started[index] >= self.budget:
                self.done[index] = {"ok": False, "error": over_budget_message(path, self.budget)}
            elif index in running and broken == "quarantine":
                # alone in its pool: this record took the worker down with it
                self.done[index] = {"ok": False, "error": f"{path}: the worker process died while building "
                                                          "this record (out of memory or a crash), skipped"}
            elif index in running:
                self._submit(index, "quarantine")
            else:
                self._submit(index, broken)

    def results(self) -> Iterator[dict[str, Any]]:
        """Yield every task's result, in task order."""
        for head in range(len(self.tasks)):
            self._fill(head)
            while head not in self.done:
                pool, future = self.futures[head]
                try:
                    self.done[head] = future.result()
                    del self.futures[head]
                except BrokenExecutor:
                    self._recover(pool)
            yield self.done.pop(head)

    def close(self) -> None:
        """Cancel what has not started and wait for the running tasks."""
        for pool in self.pools.values():
            pool.shutdown(wait=True, cancel_futures=True)


def _write_outputs(out: Path, figid: str, texts: dict[str, str]) -> str | None:
    """Write one figure's files atomically; return the problem when the disk refuses (full, read-only)."""
    for name, text in texts.items():
        target = out / f"{figid}{FORMATS[name].extension}"
        try:
            write_atomic(target, text)
        except OSError as exc:
            return f"cannot write {target} ({exc.strerror or exc})"
    return None


def _outputs_present(outdir: Path, figid: str, formats: Sequence[str]) -> bool:
    """True when every requested output of `figid` exists in OUTDIR."""
    return all((outdir / f"{figid}{FORMATS[name].extension}").is_file() for name in formats)


def build(
    seeds: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    formats: Sequence[str] = ("svg", "gpml", "json"),
    jobs: int | None = None,
    force: bool = False,
    progress: bool = False,
    gallery: bool = True,
    report_failure: Callable[[str], None] | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> BuildReport:
    """Build every record under `seeds` into `outdir`; see the module docstring.

    `jobs` None means all cores (a pool even on one core); 1 works in this process, where
    the time budget stops Python code only (SIGALRM), not a C call that never returns.
    `progress` shows a progress bar on stderr. Each failure is
    passed to `report_failure` as soon as it happens (and collected in the report). A record
    still running after `time_budget` seconds (None or 0: no limit) is reported and skipped.
    Raises KeyboardInterrupt after a graceful stop on Ctrl-C.
    """
    formats = tuple(dict.fromkeys(formats))
    unknown = [name for name in formats if name not in FORMATS]
    if unknown or not formats:
        raise PathwaygenError(f"unknown output format(s): {', '.join(unknown) or '(none)'}; "
                              f"choose from {', '.join(FORMATS)}")
    out = Path(outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PathwaygenError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    remove_stale_temporaries(out)  # left by a build that was killed (kill -9, power cut)
    report = BuildReport(out)
    records = find_records(seeds)

    def fail(message: str) -> None:
        report.failed.append(message)
        if report_failure:
            report_failure(message)

    settings = settings_digest(formats)
    old = load_manifest(out)
    old_figures: dict[str, dict[str, Any]] = old.get("figures", {}) if old.get("settings") == settings and not force else {}
    by_digest = {entry.get("record"): figid for figid, entry in old_figures.items()}

    figures: dict[str, dict[str, Any]] = {}  # figid -> manifest entry, this run
    # casefolded figid -> record path that produced it (case-insensitive file systems would
    # otherwise let "ABC" overwrite "abc")
    owner: dict[str, str] = {}
    to_build: list[tuple[str, str]] = []  # (path, record digest)
    from .record import size_problem

    for path in records:
        try:
            special = special_file_problem(path)  # reading a FIFO would block forever
            if special is not None:
                fail(f"{path}: {special}")
                continue
            # never read a huge file in full: the worker would refuse it anyway
            problem = size_problem(path.stat().st_size) if path.is_file() else None
            if problem is not None:
                fail(f"{path}: {problem}")
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            fail(f"{path}: cannot read ({exc.strerror or exc})")
            continue
        figid = by_digest.get(digest)
        if figid is not None and figid.casefold() not in owner and _outputs_present(out, figid, formats):
            figures[figid] = old_figures[figid]
            owner[figid.casefold()] = str(path)
            report.skipped.append(figid)
        else:
            to_build.append((str(path), digest))

    tasks = [(path, formats) for path, _ in to_build]
    with _graceful_sigint() as stop, _results(tasks, jobs, time_budget) as results, \
            _progress_bar(progress and bool(tasks), len(tasks)) as advance:
        for (path, digest), result in zip(to_build, results):
            advance()
            if not result["ok"]:
                fail(result["error"])
            else:
                figid = result["figid"]
                problem = check_figid(figid)
                if problem is None and figid.casefold() in owner:
                    problem = f"duplicate figid {figid!r} (already built from {owner[figid.casefold()]})"
                if problem is not None:
                    fail(f"{path}: {problem}")
                elif (problem := _write_outputs(out, figid, result["texts"])) is not None:
                    fail(f"{path}: {problem}")
                else:
                    owner[figid.casefold()] = path
                    figures[figid] = {"record": digest, "title": result["title"], "caption": result["caption"],
                                      "nodes": result["nodes"], "edges": result["edges"]}
                    report.built.append(figid)
            if stop.set:
                break
        if stop.set:
            # keep what is still valid from the old manifest so the next run resumes
            kept = {k: v for k, v in old_figures.items() if k.casefold() not in owner}
            save_manifest(out, settings, formats, dict(sorted({**kept, **figures}.items())))
            raise KeyboardInterrupt

    ordered = dict(sorted(figures.items(), key=lambda item: (item[0].casefold(), item[0])))
    # the gallery depends only on the figures' entries, their SVGs and the code (settings), so
    # a run that built nothing and lists the same figures can leave it alone
    unchanged = not report.built and ordered == old_figures and all((out / name).is_file() for name in GALLERY_FILES)
    try:
        if gallery and not unchanged:
            from .gallery import write_gallery

            write_gallery(out, ordered, formats)
        save_manifest(out, settings, formats, ordered)
    except OSError as exc:
        raise PathwaygenError(f"{out}: cannot write the gallery or the manifest ({exc.strerror or exc})") from None
    return report


@contextmanager
def _progress_bar(enabled: bool, total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr when `enabled`; otherwise a no-op advance function."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task("build", total=total)
        yield lambda: bar.advance(task)
