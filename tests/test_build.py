"""`pathwaygen build`: outputs, incremental rebuilds, failures, duplicates, safe paths, Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st
from lxml import etree

from pathwaygen import graphjson
from pathwaygen.build import MANIFEST_NAME, build, check_figid, find_records, settings_digest
from pathwaygen.cli import cli

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
OUTPUT_SUFFIXES = (".svg", ".gpml", ".json")


@pytest.fixture(autouse=True)
def stable_settings(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the settings hash to version + formats, so that code being edited elsewhere while the
    tests run cannot turn a skip into a rebuild. (test_settings_* check the real hash.)"""
    if "settings" not in request.node.name:
        monkeypatch.setattr("pathwaygen.build.settings_digest", lambda formats: "pinned:" + ",".join(sorted(formats)))


def copy_seeds(dest: Path, count: int | None = None) -> list[Path]:
    """Copy (the first `count`) bundled seed records into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for src in sorted(SEEDS.glob("*.md"))[:count]:
        paths.append(Path(shutil.copy(src, dest / src.name)))
    return paths


def replicate(dest: Path, count: int) -> list[Path]:
    """Write `count` records: the seeds again and again, each under a new figid."""
    dest.mkdir(parents=True, exist_ok=True)
    sources = sorted(SEEDS.glob("*.md"))
    out = []
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        text = re.sub(r"^figid: .*$", f"figid: copy{i:05d}", text, count=1, flags=re.M)
        path = dest / f"copy{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def figid_of(path: Path) -> str:
    return re.search(r"^figid: (.*)$", path.read_text(encoding="utf-8"), re.M).group(1).strip()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of `folder` (manifest included) by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_valid_output(path: Path) -> None:
    """A complete output file: SVG/GPML parse as XML, JSON loads as a graph."""
    data = path.read_bytes()
    assert data, f"{path.name} is empty"
    if path.suffix == ".json":
        graphjson.loads(data.decode("utf-8"), str(path))
    else:
        etree.fromstring(data)


def run_cli(*args: str) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_find_records_expands_folders_and_keeps_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text("x")
    (tmp_path / "a" / "sub").mkdir()
    (tmp_path / "a" / "sub" / "y.md").write_text("y")
    (tmp_path / "a" / ".hidden").mkdir()
    (tmp_path / "a" / ".hidden" / "z.md").write_text("z")
    (tmp_path / "a" / "notes.txt").write_text("n")
    explicit = tmp_path / "record.yaml"
    explicit.write_text("r")
    found = find_records([tmp_path / "a", explicit, tmp_path / "a" / "x.md"])
    assert found == [tmp_path / "a" / "sub" / "y.md", tmp_path / "a" / "x.md", explicit]


def test_build_writes_every_format_and_a_summary(tmp_path: Path) -> None:
    records = copy_seeds(tmp_path / "in", 4)
    code, out, err = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 0, err
    assert out.strip().startswith("built 4, skipped 0, failed 0")
    for record in records:
        for suffix in OUTPUT_SUFFIXES:
            assert_valid_output(tmp_path / "out" / f"{figid_of(record)}{suffix}")
    assert (tmp_path / "out" / "index.html").is_file() and (tmp_path / "out" / "index.md").is_file()
    graph = graphjson.loads((tmp_path / "out" / f"{figid_of(records[0])}.json").read_text())
    assert graph.graph["figid"] == figid_of(records[0])


def test_formats_option_limits_outputs(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in", 2)
    code, _, err = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "json", "-j", "1")
    assert code == 0, err
    suffixes = {p.suffix for p in (tmp_path / "out").iterdir() if p.name not in ("index.html", "index.md", MANIFEST_NAME)}
    assert suffixes == {".json"}
    code, _, err = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--formats", "png")
    assert code == 2 and "png" in err


def test_second_run_skips_and_a_change_rebuilds_only_that_figure(tmp_path: Path) -> None:
    records = copy_seeds(tmp_path / "in", 5)
    out = tmp_path / "out"
    first = build([tmp_path / "in"], out, jobs=1)
    assert len(first.built) == 5 and first.ok
    before = snapshot(out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    second = build([tmp_path / "in"], out, jobs=1)
    assert (len(second.built), len(second.skipped), len(second.failed)) == (0, 5, 0)
    assert snapshot(out) == before
    assert all(p.stat().st_mtime_ns == mtimes[p.name] for p in out.iterdir())  # nothing rewritten

    changed = records[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new bytes, same figure
    third = build([tmp_path / "in"], out, jobs=1)
    assert third.built == [figid_of(changed)] and len(third.skipped) == 4

    forced = build([tmp_path / "in"], out, jobs=1, force=True)
    assert len(forced.built) == 5 and not forced.skipped
    after = snapshot(out)
    assert after.pop(MANIFEST_NAME) != before.pop(MANIFEST_NAME)  # it lists the changed record's hash
    assert after == before  # the same figures give the same bytes


def test_deleted_output_is_rebuilt(tmp_path: Path) -> None:
    records = copy_seeds(tmp_path / "in", 3)
    build([tmp_path / "in"], tmp_path / "out", jobs=1)
    (tmp_path / "out" / f"{figid_of(records[1])}.gpml").unlink()
    again = build([tmp_path / "in"], tmp_path / "out", jobs=1)
    assert again.built == [figid_of(records[1])]
    (tmp_path / "out" / "index.html").unlink()
    third = build([tmp_path / "in"], tmp_path / "out", jobs=1)
    assert not third.built and (tmp_path / "out" / "index.html").is_file()


def test_settings_hash_covers_formats_and_is_stable() -> None:
    assert settings_digest(("svg", "json")) == settings_digest(("json", "svg"))
    assert settings_digest(("svg",)) != settings_digest(("svg", "json"))


def test_format_change_rebuilds(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in", 2)
    build([tmp_path / "in"], tmp_path / "out", formats=("json",), jobs=1)
    report = build([tmp_path / "in"], tmp_path / "out", formats=("json", "svg"), jobs=1)
    assert len(report.built) == 2


def test_bad_record_is_reported_and_the_rest_build(tmp_path: Path) -> None:
    records = copy_seeds(tmp_path / "in", 3)
    bad = tmp_path / "in" / "broken.md"
    bad.write_text("---\nfigid: [unclosed\ncaption: x\n---\n", encoding="utf-8")
    empty = tmp_path / "in" / "nocaption.md"
    empty.write_text("---\nfigid: nocaption\n---\n", encoding="utf-8")
    code, out, err = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}: ") and lines[1].startswith(f"{empty}: ")
    assert "built 3, skipped 0, failed 2" in out
    for record in records:
        assert (tmp_path / "out" / f"{figid_of(record)}.svg").is_file()
    # the gallery lists the good ones only
    html = (tmp_path / "out" / "index.html").read_text()
    assert html.count("<article") == 3


def test_duplicate_figid_is_reported(tmp_path: Path) -> None:
    records = copy_seeds(tmp_path / "in", 2)
    twin = tmp_path / "in" / "zz_twin.md"
    twin.write_text(records[1].read_text().replace(f"figid: {figid_of(records[1])}", f"figid: {figid_of(records[0])}"))
    report = build([tmp_path / "in"], tmp_path / "out", jobs=1)
    assert len(report.built) == 2
    assert len(report.failed) == 1 and report.failed[0].startswith(f"{twin}: duplicate figid")
    # the first record (input order) owns the files
    graph = graphjson.loads((tmp_path / "out" / f"{figid_of(records[0])}.json").read_text())
    assert graph.graph["caption"].split()[0] in records[0].read_text()
    # still reported on a second, incremental run
    again = build([tmp_path / "in"], tmp_path / "out", jobs=1)
    assert len(again.failed) == 1 and len(again.skipped) == 2


@given(st.text(max_size=40))
def test_an_accepted_figid_stays_inside_outdir(figid: str) -> None:
    outdir = Path("/srv/out")
    if check_figid(figid) is None:
        for suffix in OUTPUT_SUFFIXES:
            target = outdir / f"{figid}{suffix}"
            assert os.path.normpath(target).startswith(str(outdir) + os.sep)
            assert os.path.dirname(os.path.normpath(target)) == str(outdir)
            assert not (figid + suffix).startswith(".")


@pytest.mark.parametrize("figid", ["../evil", "/etc/passwd", "a/b", ".hidden", "", "a\\b", "x\0y", "..", "sp ace"])
def test_unsafe_figids_are_refused(figid: str) -> None:
    assert check_figid(figid) is not None


def test_unsafe_figid_record_writes_nothing_outside(tmp_path: Path) -> None:
    src = sorted(SEEDS.glob("*.md"))[0]
    (tmp_path / "in").mkdir()
    evil = tmp_path / "in" / "evil.md"
    evil.write_text(re.sub(r"^figid: .*$", "figid: ../escaped", src.read_text(), count=1, flags=re.M))
    report = build([evil], tmp_path / "out", jobs=1)
    assert len(report.failed) == 1 and report.failed[0].startswith(f"{evil}: ")
    assert not list(tmp_path.glob("escaped*"))


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in", 6)
    build([tmp_path / "in"], tmp_path / "serial", jobs=1)
    report = build([tmp_path / "in"], tmp_path / "parallel", jobs=2)
    assert len(report.built) == 6
    assert snapshot(tmp_path / "serial") == snapshot(tmp_path / "parallel")


def test_ctrl_c_leaves_only_complete_files_and_the_next_run_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    replicate(tmp_path / "in", 200)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "pathwaygen", "build", str(tmp_path / "in"), "-o", str(out),
                             "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(list(out.glob("*.json"))) >= 10:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr
    files = [p for p in out.iterdir() if p.is_file()]
    assert not [p for p in files if p.name.endswith(".tmp")], "a temporary file was left behind"
    outputs = [p for p in files if p.suffix in OUTPUT_SUFFIXES and p.name != MANIFEST_NAME]
    assert 0 < len(outputs) < 3 * 200, "the interrupt came too late or too early to test anything"
    for path in outputs:
        assert_valid_output(path)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    done = manifest["figures"]
    for figid in done:  # every figure the manifest lists is complete in every format
        assert all((out / f"{figid}{suffix}").is_file() for suffix in OUTPUT_SUFFIXES)

    # the subprocess hashed the real settings; resume under the same ones
    monkeypatch.setattr("pathwaygen.build.settings_digest", lambda formats: manifest["settings"])
    resumed = build([tmp_path / "in"], out, jobs=2)
    assert resumed.ok and len(resumed.skipped) == len(done) and len(resumed.built) == 200 - len(done)


@pytest.mark.skipif(not Path("/work/shared/corpus/figures").is_dir(), reason="development corpus not present")
def test_whole_development_corpus_builds(tmp_path: Path) -> None:
    corpus = Path("/work/shared/corpus/figures")
    report = build([corpus], tmp_path / "out", jobs=2)
    assert report.failed == []
    assert len(report.built) == len(list(corpus.glob("*.md")))
