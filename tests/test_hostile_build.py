"""`build` under attack: records that never finish, workers that die, kills at random moments.

- the per-record time budget: a record stuck in Python is stopped by SIGALRM; one stuck in C
  code (SIGALRM blocked) is ended by its worker's hard deadline; both are reported as over
  budget and the batch goes on, in a pool and in-process;
- a record that kills its worker (OOM killer, crash) is named, the others still build;
- a full disk is one line per figure, not a traceback;
- SIGINT and SIGKILL at seeded random moments leave every output absent or complete and
  valid, and the next build completes the collection with the same bytes as an
  uninterrupted one.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

import pathwaygen.pipeline
from pathwaygen.atomic import remove_stale_temporaries, write_atomic
from pathwaygen.build import MANIFEST_NAME, build, hard_deadline

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
REAL_FIGURE_TO_GRAPH = pathwaygen.pipeline.figure_to_graph


@pytest.fixture(autouse=True)
def stable_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the settings hash: code edited elsewhere while the tests run must not force rebuilds."""
    monkeypatch.setattr("pathwaygen.build.settings_digest", lambda formats: "pinned:" + ",".join(sorted(formats)))


def misbehaving_figure_to_graph(figure):
    """The real pipeline, except for captions that ask to spin, hang in 'C' or kill the worker."""
    if "SPIN-IN-PYTHON" in figure.caption:
        while True:
            pass
    if "HANG-IN-C" in figure.caption:
        # a C call that never returns never lets the SIGALRM handler run: block the signal
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
        time.sleep(600)
    if "KILL-MY-WORKER" in figure.caption:
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_FIGURE_TO_GRAPH(figure)


def write_records(folder: Path, captions: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, caption in enumerate(captions):
        path = folder / f"r{i}.md"
        path.write_text(f"---\nfigid: r{i}\nfigtitle: Record {i}\ncaption: {caption}\n---\n", encoding="utf-8")
        paths.append(path)
    return paths


def budget_line(path: Path, budget: float) -> str:
    return f"{path}: over the time budget of {budget:g} s, skipped (raise it with --time-budget)"


def test_stuck_records_are_reported_and_the_pool_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pathwaygen.pipeline, "figure_to_graph", misbehaving_figure_to_graph)
    paths = write_records(tmp_path / "in", ["TP53 activates MDM2.", "SPIN-IN-PYTHON", "AKT1 inhibits GSK3B.",
                                            "HANG-IN-C", "KRAS activates BRAF.", "KILL-MY-WORKER",
                                            "EGFR binds GRB2."])
    lines: list[str] = []
    start = time.monotonic()
    report = build([tmp_path / "in"], tmp_path / "out", formats=("json",), jobs=2, time_budget=1.0,
                   report_failure=lines.append)
    assert time.monotonic() - start < 60  # a bound against a hang, not a speed measurement
    assert lines == [budget_line(paths[1], 1.0), budget_line(paths[3], 1.0),
                     f"{paths[5]}: the worker process died while building this record (out of memory or a crash), "
                     "skipped"]
    assert sorted(report.built) == ["r0", "r2", "r4", "r6"]
    for figid in report.built:
        json.loads((tmp_path / "out" / f"{figid}.json").read_text(encoding="utf-8"))
    assert not (tmp_path / "out" / "r1.json").exists()


def test_the_budget_also_holds_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pathwaygen.pipeline, "figure_to_graph", misbehaving_figure_to_graph)
    paths = write_records(tmp_path / "in", ["SPIN-IN-PYTHON", "TP53 activates MDM2."])
    report = build([tmp_path / "in"], tmp_path / "out", formats=("json",), jobs=1, time_budget=0.5)
    assert report.failed == [budget_line(paths[0], 0.5)] and report.built == ["r1"]


def test_the_hard_deadline_leaves_the_soft_stop_time_first() -> None:
    assert hard_deadline(60) == 90 and hard_deadline(1) == 3 and hard_deadline(600) == 630


def test_time_budget_option_is_passed_and_validated(tmp_path: Path) -> None:
    write_records(tmp_path / "in", ["TP53 activates MDM2."])
    run = [sys.executable, "-m", "pathwaygen", "build", str(tmp_path / "in"), "-o", str(tmp_path / "out")]
    bad = subprocess.run(run + ["--time-budget", "-1"], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert bad.returncode == 2 and "--time-budget" in bad.stderr
    good = subprocess.run(run + ["--time-budget", "0"], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert good.returncode == 0 and "built 1" in good.stdout


def test_a_full_disk_is_one_line_per_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_records(tmp_path / "in", ["TP53 activates MDM2.", "AKT1 inhibits GSK3B."])

    def full(path, data):
        if str(path).endswith(".json") and "r1" in str(path):
            raise OSError(28, "No space left on device")
        write_atomic(path, data)

    monkeypatch.setattr("pathwaygen.build.write_atomic", full)
    report = build([tmp_path / "in"], tmp_path / "out", formats=("json",), jobs=1)
    assert report.built == ["r0"]
    assert report.failed == [f"{paths[1]}: cannot write {tmp_path / 'out' / 'r1.json'} (No space left on device)"]


def test_stale_temporaries_of_dead_writers_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".r0.svg.{int(dead.stdout)}.abc123.tmp"
    live = tmp_path / f".r1.svg.{os.getpid()}.def456.tmp"
    other = tmp_path / ".notes.tmp"
    for path in (stale, live, other):
        path.write_text("partial")
    assert remove_stale_temporaries(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and other.exists()


# --------------------------------------------------------------------------- kill at random points


def replicate(dest: Path, count: int) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    sources = sorted(SEEDS.glob("*.md"))
    for i in range(count):
        text = re.sub(r"^figid: .*$", f"figid: kill{i:03d}", sources[i % len(sources)].read_text(encoding="utf-8"),
                      count=1, flags=re.M)
        (dest / f"kill{i:03d}.md").write_text(text, encoding="utf-8")


def assert_every_output_complete(out: Path) -> None:
    """Every visible file in OUTDIR parses; a leftover temporary file is hidden and never an output."""
    for path in out.iterdir():
        if path.name.endswith(".tmp"):
            assert path.name.startswith("."), path
            continue
        data = path.read_bytes()
        assert data, f"{path.name} is empty"
        if path.suffix in (".svg", ".gpml"):
            etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        elif path.suffix == ".json":
            json.loads(data)
        elif path.name == "index.html":
            assert data.rstrip().endswith(b"</html>")
        elif path.name == "index.md":
            assert data.startswith(b"# pathwaygen gallery")
        else:
            pytest.fail(f"unexpected file {path.name}")
    manifest = out / MANIFEST_NAME
    if manifest.exists():
        for figid in json.loads(manifest.read_text(encoding="utf-8"))["figures"]:
            assert all((out / f"{figid}{s}").is_file() for s in (".svg", ".gpml", ".json")), figid


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".tmp")}


def test_kills_at_random_points_leave_complete_files_and_the_next_build_finishes(tmp_path: Path) -> None:
    replicate(tmp_path / "in", 24)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "pathwaygen", "build", str(tmp_path / "in"), "-o", str(out), "--jobs", "2"]
    rng = random.Random(20261128)
    outcomes = []
    for round_ in range(5):
        how = rng.choice((signal.SIGINT, signal.SIGKILL))
        delay = rng.uniform(0.5, 4.5)
        # --force: every round rewrites every file, so each kill lands among writes
        proc = subprocess.Popen(command + ["--force"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO,
                                start_new_session=True)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            # the whole process group, as a terminal's Ctrl-C or a machine going down would
            os.killpg(proc.pid, how)
        _, stderr = proc.communicate(timeout=120)
        # -SIGINT: interrupted while still importing, before the CLI could catch it (nothing written yet)
        assert proc.returncode in (0, 130, -signal.SIGINT, -signal.SIGKILL), (round_, how, stderr.decode())
        if proc.returncode == -signal.SIGKILL:
            # its workers may outlive it for a moment; wait until the group is gone
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        if out.exists():
            assert_every_output_complete(out)
        outcomes.append((how.name, round(delay, 2), proc.returncode,
                         len(list(out.glob("*.json"))) if out.exists() else 0))
    print(outcomes)
    assert any(code != 0 for _, _, code, _ in outcomes), f"no build was interrupted: {outcomes}"
    final = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert final.returncode == 0, final.stderr
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")], "a stale temporary file survived"
    assert_every_output_complete(out)
    reference = tmp_path / "reference"
    subprocess.run(command[:-4] + ["-o", str(reference), "--jobs", "2"], check=True, capture_output=True, env=env,
                   cwd=REPO, timeout=300)
    assert snapshot(out) == snapshot(reference)


def test_a_poisoned_manifest_cannot_point_outside_outdir(tmp_path: Path) -> None:
    write_records(tmp_path / "in", ["TP53 activates MDM2."])
    out = tmp_path / "out"
    build([tmp_path / "in"], out, formats=("svg", "json"), jobs=1)
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>TOP-SECRET</text></svg>', encoding="utf-8")
    (tmp_path / "secret.json").write_text("{}", encoding="utf-8")
    entry = dict(manifest["figures"]["r0"])
    manifest["figures"]["../secret"] = {**entry, "record": "x"}
    manifest["figures"]["r9"] = {**entry, "nodes": "many"}
    (out / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    report = build([tmp_path / "in"], out, formats=("svg", "json"), jobs=1)
    assert report.ok and report.skipped == ["r0"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "TOP-SECRET" not in page and "../secret" not in page
    assert set(json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["figures"]) == {"r0"}
