"""`pathwaygen render`: graph JSON, GPML or a record to the format its output extension names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_layout_graphs import sting_graph

from pathwaygen import graphjson
from pathwaygen.cli import cli, main
from pathwaygen.gpml_checks import curation_problems, schema_errors

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def graph_json(tmp_path: Path) -> Path:
    path = tmp_path / "sting.json"
    path.write_text(graphjson.dumps(sting_graph()), encoding="utf-8")
    return path


def test_render_json_to_svg_gpml_json(graph_json: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("out.svg", "out.gpml", "out.json"):
        result = runner.invoke(cli, ["render", str(graph_json), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "out.svg").read_text(encoding="utf-8").startswith("<?xml")
    gpml = (tmp_path / "out.gpml").read_text(encoding="utf-8")
    assert schema_errors(gpml) == [] and curation_problems(gpml) == []
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["figid"] == sting_graph().graph["figid"]


def test_render_gpml_back_to_json(graph_json: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["render", str(graph_json), "-o", str(tmp_path / "a.gpml")]).exit_code == 0
    assert runner.invoke(cli, ["render", str(tmp_path / "a.gpml"), "-o", str(tmp_path / "b.json")]).exit_code == 0
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == graph_json.read_text(encoding="utf-8")


def test_unknown_extension_and_bad_input(graph_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = CliRunner().invoke(cli, ["render", str(graph_json), "-o", str(tmp_path / "out.xyz")])
    assert result.exit_code != 0 and "unknown output extension" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["render", str(bad), "-o", str(tmp_path / "x.svg")])
    assert info.value.code == 2
    assert "bad.json" in capsys.readouterr().err
    assert not (tmp_path / "x.svg").exists()


def test_render_a_record(tmp_path: Path) -> None:
    pytest.importorskip("pathwaygen.pipeline")
    record = REPO / "seeds" / "pathwaygen__demo1.md"
    result = CliRunner().invoke(cli, ["render", str(record), "-o", str(tmp_path / "demo.svg")])
    assert result.exit_code == 0, result.output
    assert "cGAS" in (tmp_path / "demo.svg").read_text(encoding="utf-8")
