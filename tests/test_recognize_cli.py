"""`pathwaygen entities` and `pathwaygen lexicon build` through the real CLI entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pathwaygen.cli import main


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_table(capsys) -> None:
    code, out, _ = run(["entities", "--text", "ERK1/2 phosphorylates p-STAT3, which moves into the nucleus."], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("# text: 3 mentions")
    assert any(line.split()[:4] == ["ERK1/2", "0-6", "ERK", "family"] for line in lines)
    assert any("p-STAT3" in line and "phospho" in line and "hgnc:11364" in line for line in lines)


def test_json_for_records(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.md").write_text("---\nfigid: A1\ncaption: 'JAK2 activates STAT3.'\n---\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nfigid: B1\ncaption: 'cAMP activates PKA.'\n---\n", encoding="utf-8")
    code, out, _ = run(["entities", str(tmp_path), "--format", "json"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert [d["figid"] for d in doc] == ["A1", "B1"]
    assert [m["entities"][0]["id"] for m in doc[0]["mentions"]] == ["JAK2", "STAT3"]
    assert doc[1]["mentions"][0]["entities"][0]["xrefs"]["chebi"] == "CHEBI:17489"


def test_bad_record_is_one_line_error_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("no front matter here\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pathwaygen", "entities", str(bad)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert proc.stderr.strip().count("\n") == 0
    assert str(bad) in proc.stderr and "front matter" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_gold_scoring(tmp_path: Path, capsys) -> None:
    (tmp_path / "figs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "figs" / "F1.md").write_text("---\nfigid: F1\ncaption: 'JAK2 activates STAT3 and ROS.'\n---\n",
                                            encoding="utf-8")
    (tmp_path / "gold" / "F1.yaml").write_text(
        "figid: F1\nnodes:\n  JAK2: {type: gene}\n  STAT3: {type: gene}\n  SOCS3: {type: gene}\nedges: []\n",
        encoding="utf-8")
    code, out, _ = run(["entities", str(tmp_path / "figs"), "--gold", str(tmp_path / "gold")], capsys)
    assert code == 0
    # 3 recognised (JAK2, STAT3, ros), 2 curated ones found, SOCS3 missed
    assert "precision 0.667" in out and "recall 0.667" in out and "tp 2, fp 1, fn 1" in out


def test_usage_error_without_input(capsys) -> None:
    code, _, err = run(["entities"], capsys)
    assert code == 2 and "--text" in err


def test_lexicon_build_command(tmp_path: Path, capsys) -> None:
    import importlib.util

    # the same small source tables as test_lexicon.py, loaded by path (tests/ is no package)
    spec = importlib.util.spec_from_file_location("lexicon_fixture", Path(__file__).with_name("test_lexicon.py"))
    fixture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixture)
    src = fixture.make_source(tmp_path / "src")
    out_file = tmp_path / "lex.json.gz"
    code, out, _ = run(["lexicon", "build", "--source", str(src), "--output", str(out_file)], capsys)
    assert code == 0 and out_file.exists() and "entities" in out
    code, _, err = run(["lexicon", "build", "--source", str(tmp_path), "--output", str(out_file)], capsys)
    assert code == 2 and "missing hgnc_entries.tsv" in err


def test_bad_record_in_a_folder_is_reported_and_the_rest_run(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.md").write_text("---\nfigid: A1\ncaption: 'JAK2 activates STAT3.'\n---\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nfigid: ../x\ncaption: 'cAMP'\n---\n", encoding="utf-8")
    code, out, err = run(["entities", str(tmp_path)], capsys)
    assert code == 1
    assert "# A1:" in out
    assert err.count("\n") == 1 and "b.md" in err and "safe file name" in err
