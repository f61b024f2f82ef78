"""`pathwaygen evaluate` on real records and curated graphs, and its agreement with `compare`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pathwaygen.cli import cli
from pathwaygen.commands.evaluate import format_differences, format_table
from pathwaygen.evaluate import Counts, compare_graphs, cooccurrence_graph, score
from pathwaygen.pipeline import figure_to_graph
from pathwaygen.readers.curated import loads, read_curated
from pathwaygen.record import load_record

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
GOLD_FILES = sorted((CORPUS / "gold").glob("*.yaml"))
needs_corpus = pytest.mark.skipif(not GOLD_FILES, reason="shared corpus not present")


@pytest.fixture()
def small_corpus(tmp_path: Path) -> tuple[Path, Path, list[Path]]:
    """Three records with their gold files, plus one gold file whose record is absent."""
    figures, gold = tmp_path / "figures", tmp_path / "gold"
    figures.mkdir()
    gold.mkdir()
    picked = GOLD_FILES[:4]
    for path in picked:
        shutil.copy(path, gold / path.name)
    for path in picked[:3]:
        shutil.copy(CORPUS / "figures" / f"{path.stem}.md", figures / f"{path.stem}.md")
    return figures, gold, picked[:3]


@needs_corpus
def test_evaluate_json_matches_the_python_scores(small_corpus: tuple[Path, Path, list[Path]]) -> None:
    figures, gold, used = small_corpus
    result = CliRunner().invoke(cli, ["evaluate", str(figures), str(gold), "--format", "json", "--per-figure"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "skipped" in result.stderr and GOLD_FILES[3].name in result.stderr
    curated = [read_curated(p) for p in used]
    records = [load_record(figures / f"{p.stem}.md") for p in used]
    expected = score(curated, [figure_to_graph(r) for r in records])
    baseline = score(curated, [cooccurrence_graph(r.caption) for r in records])
    assert data["pathwaygen"]["figures_scored"] == 3
    for key, attr in (("nodes", "nodes"), ("edges_lenient", "lenient"), ("edges_strict", "strict")):
        assert data["pathwaygen"][key] == getattr(expected, attr).as_dict()
        assert data["baseline"][key] == getattr(baseline, attr).as_dict()
    assert [f["figid"] for f in data["pathwaygen"]["figures"]] == [p.stem for p in used]


@needs_corpus
def test_compare_on_a_curated_yaml_and_a_record_gives_evaluate_numbers(small_corpus: tuple[Path, Path, list[Path]]
                                                                      ) -> None:
    figures, gold, used = small_corpus
    runner = CliRunner()
    evaluated = json.loads(runner.invoke(cli, ["evaluate", str(figures), str(gold), "--format", "json",
                                               "--per-figure"]).stdout)
    for fig, path in zip(evaluated["pathwaygen"]["figures"], used):
        result = runner.invoke(cli, ["compare", str(path), str(figures / f"{path.stem}.md"), "--format", "json"])
        assert result.exit_code == 0, result.output
        compared = json.loads(result.output)
        for key in ("nodes", "edges_lenient", "edges_strict", "missing_edges", "extra_edges", "missing_nodes"):
            assert compared[key] == fig[key]


@needs_corpus
def test_evaluate_table_prints_both_methods(small_corpus: tuple[Path, Path, list[Path]]) -> None:
    figures, gold, _ = small_corpus
    result = CliRunner().invoke(cli, ["evaluate", str(figures), str(gold), "--per-figure"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"3 figures scored against {gold}"
    assert "pathwaygen" in lines[2] and "co-occurrence baseline" in lines[2]
    assert [line.split()[0] + (" " + line.split()[1] if line.startswith("edges") else "") for line in lines[4:7]] == \
        ["nodes", "edges lenient", "edges strict"]


def test_evaluate_needs_matching_records(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "figs").mkdir()
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "figs"), str(tmp_path / "gold")])
    assert result.exit_code != 0 and "no curated graphs" in str(result.exception)
    (tmp_path / "gold" / "X.yaml").write_text("figid: X\nnodes: {}\nedges: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "figs"), str(tmp_path / "gold")])
    assert result.exit_code != 0 and "no record matches" in str(result.exception)


def test_format_table_and_differences() -> None:
    curated = loads("figid: F\nnodes:\n  A: {}\n  B: {}\n  C: {}\nedges:\n  - [A, activates, B]\n  - [B, binds, C]\n")
    generated = loads("figid: F\nnodes:\n  A: {}\n  B: {}\n  D: {}\nedges:\n  - [A, inhibits, B]\n  - [D, activates, A]\n")
    fig = compare_graphs(curated, generated)
    table = format_table([("mine", fig), ("other", score([curated], [curated]))])
    rows = {line[:15].strip(): line[15:].split() for line in table.splitlines()[2:]}
    assert rows["nodes"][:4] == [f"{fig.nodes.precision:.3f}", f"{fig.nodes.recall:.3f}", f"{fig.nodes.f1:.3f}", "2/1/1"]
    assert rows["edges strict"][4:] == ["1.000", "1.000", "1.000", "2/0/0"]
    assert fig.strict == Counts(0, 2, 2)
    text = format_differences(fig)
    assert "missing nodes:  C" in text and "extra nodes:    D" in text
    assert "wrong relation: A -activates-> B (generated: inhibits)" in text
    assert "missing edges:  B -binds- C" in text and "extra edges:    D -activates-> A" in text
    assert format_differences(compare_graphs(curated, curated)) == ""


@needs_corpus
def test_evaluate_scores_graph_json_files_when_given(small_corpus: tuple[Path, Path, list[Path]],
                                                     tmp_path: Path) -> None:
    from pathwaygen.graphjson import dumps

    figures, gold, used = small_corpus
    graphs = tmp_path / "graphs"
    graphs.mkdir()
    for path in used:
        graph = figure_to_graph(load_record(figures / f"{path.stem}.md"))
        (graphs / f"{path.stem}.json").write_text(dumps(graph), encoding="utf-8")
    runner = CliRunner()
    args = ["evaluate", str(figures), str(gold), "--format", "json", "--per-figure"]
    direct = json.loads(runner.invoke(cli, args).stdout)
    from_files = json.loads(runner.invoke(cli, [*args, "--graphs", str(graphs)]).stdout)
    assert from_files == direct
    (graphs / f"{used[0].stem}.json").unlink()
    result = runner.invoke(cli, [*args, "--graphs", str(graphs)])
    assert result.exit_code == 0 and "no such graph" in result.stderr
    partial = json.loads(result.stdout)["pathwaygen"]
    lost = direct["pathwaygen"]["figures"][0]["nodes"]["tp"]  # the figure without a graph finds nothing
    assert partial["nodes"]["tp"] == direct["pathwaygen"]["nodes"]["tp"] - lost
    assert partial["figures"][0]["nodes"]["tp"] == 0 and partial["figures"][1:] == direct["pathwaygen"]["figures"][1:]
    (graphs / "broken.json").write_text("{", encoding="utf-8")
    (graphs / f"{used[1].stem}.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(cli, [*args, "--graphs", str(graphs)])
    assert result.exit_code != 0 and f"{used[1].stem}.json" in str(result.exception)
