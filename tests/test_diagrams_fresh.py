"""diagrams/ must be exactly what `python3 -m pathwaygen build seeds -o diagrams` writes now."""

from __future__ import annotations

from pathlib import Path

from pathwaygen.build import MANIFEST_NAME, build

REPO = Path(__file__).resolve().parents[1]
DIAGRAMS = REPO / "diagrams"
#: files in diagrams/ that the build does not write (the browser test's screenshot, the local manifest)
NOT_BUILT = {"gallery.png", MANIFEST_NAME}


def test_committed_diagrams_match_a_fresh_build(tmp_path: Path) -> None:
    report = build([REPO / "seeds"], tmp_path, jobs=2)
    assert report.ok, report.failed
    fresh = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file() and p.name not in NOT_BUILT}
    committed = {p.name: p.read_bytes() for p in DIAGRAMS.iterdir() if p.is_file() and p.name not in NOT_BUILT}
    hint = "diagrams/ is stale: run `python3 -m pathwaygen build seeds -o diagrams` and commit it"
    assert sorted(committed) == sorted(fresh), hint
    stale = sorted(name for name in fresh if committed[name] != fresh[name])
    assert not stale, f"{hint} (differs: {', '.join(stale[:5])})"
