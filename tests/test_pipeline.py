"""The pipeline and the extract/rules commands, end to end on real captions."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from pathwaygen.cli import cli
from pathwaygen.graphjson import dumps, loads
from pathwaygen.pipeline import figure_to_graph, text_to_graph
from pathwaygen.record import load_record

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CAPTION = ("STING then activates TBK1, which phosphorylates IRF3. "
           "IRF3 may translocate to the nucleus. STING does not bind MDM2.")


def test_text_to_graph_reads_statements_with_evidence():
    graph = text_to_graph(CAPTION, figid="demo", title="Demo")
    assert graph.graph["figid"] == "demo" and graph.graph["title"] == "Demo"
    edges = {(s, k, t): d for s, t, k, d in graph.edges(keys=True, data=True)}
    assert ("STING1", "activates", "TBK1") in edges
    assert ("TBK1", "phosphorylates", "IRF3") in edges
    assert edges[("IRF3", "translocates", "nucleus")]["hedged"] is True
    assert not any("MDM2" in (s, t) for s, _, t in edges)  # negated: no edge
    assert "MDM2" in graph  # ... but the entity is still a node
    for data in edges.values():
        for ev in data["evidence"]:
            assert CAPTION[ev["start"]:ev["end"]] == ev["text"]


def test_figure_to_graph_on_a_seed_record_is_deterministic_json():
    record = sorted(SEEDS.glob("*.md"))[0]
    figure = load_record(record)
    first = dumps(figure_to_graph(figure))
    assert first == dumps(figure_to_graph(figure))
    assert dumps(loads(first)) == first


def test_extract_command_text_json_tsv_yaml():
    runner = CliRunner()
    out = runner.invoke(cli, ["extract", "--text", CAPTION])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.output)
    assert {e["relation"] for e in doc["edges"]} >= {"activates", "phosphorylates"}
    tsv = runner.invoke(cli, ["extract", "--text", CAPTION, "--format", "tsv"])
    lines = tsv.output.strip().splitlines()
    assert lines[0].split("\t")[:4] == ["figid", "source", "relation", "target"]
    assert any("\tTBK1\tphosphorylates\tIRF3\t" in line for line in lines)
    yml = runner.invoke(cli, ["extract", "--text", CAPTION, "--format", "yaml"])
    assert yaml.safe_load(yml.output)["edges"] == doc["edges"]


def test_extract_command_writes_one_file_per_record(tmp_path):
    records = sorted(SEEDS.glob("*.md"))[:2]
    out = CliRunner().invoke(cli, ["extract", *map(str, records), "-o", str(tmp_path)])
    assert out.exit_code == 0, out.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{load_record(r).figid}.json" for r in records)
    for path in tmp_path.iterdir():
        loads(path.read_text(encoding="utf-8"), str(path))


def test_extract_command_reports_a_bad_record_and_extracts_the_rest(tmp_path):
    good = sorted(SEEDS.glob("*.md"))[0]
    bad = tmp_path / "bad.md"
    bad.write_text("no front matter\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    out = CliRunner().invoke(cli, ["extract", str(bad), str(good), "-o", str(out_dir)])
    assert out.exit_code == 1
    assert f"pathwaygen: error: {bad}: no YAML front matter" in out.output
    assert sorted(p.name for p in out_dir.iterdir()) == [f"{load_record(good).figid}.json"]


def test_extract_command_needs_input():
    out = CliRunner().invoke(cli, ["extract"])
    assert out.exit_code != 0 and "give record files" in out.output


def test_rules_check_passes_and_reports_failures(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(cli, ["rules", "check"])
    assert ok.exit_code == 0, ok.output
    assert "0 failing" in ok.output
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "_macros.yaml").write_text((ROOT / "rules/relations/_macros.yaml").read_text())
    (folder / "bad.yaml").write_text(
        "- id: t.wrong\n  relation: inhibits\n  priority: 1\n  pattern: '{A} {ADV}{V_ACT} {B}'\n"
        "  examples:\n    - text: 'TP53 activates MDM2.'\n      expect: [[TP53, activates, MDM2]]\n"
        "    - text: 'TP53 does not activate MDM2.'\n      expect: []\n")
    bad = runner.invoke(cli, ["rules", "check", "--rules", str(folder)])
    assert bad.exit_code == 1
    assert "FAIL t.wrong" in bad.output and "1 failing" in bad.output
    listed = runner.invoke(cli, ["rules", "list"])
    assert "act.active_verb" in listed.output
