"""Record loading: both PFOCR layouts, and one clear RecordError per kind of bad record."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathwaygen.errors import RecordError
from pathwaygen.record import load_record

NEW_LAYOUT = """---
figid: PMC10039534__12943_2023_1761_Fig2_HTML
figtitle: Effects of FGFR signaling on the TME
organisms:
- Homo sapiens
- Mus musculus
pmcid: PMC10039534
year: '2023'
doi: 10.1186/s12943-023-01761-5
papertitle: FGF/FGFR signaling in cancer.
caption: 'FGF/FGFR promotes PD-1 expression and reduces IFNy and GZMB secretion.'
keywords: FGF | FGFR | tumour microenvironment
schema-jsonld:
  '@type': Dataset
  keywords:
  - FGFR1
  - CD274
---
"""

OLD_LAYOUT = """---
figid: PMC100005__mb2410575011
caption: 'TrkA binds the signaling adapter FRS2/SNT at tyrosine 490.'
figtitle: Formation of TrkA-src-aPKC complexes
year: '2001'
organisms: Homo sapiens
pmcid: PMC100005
genes:
- word: TrkA
  symbol: TRKA
  hgnc_symbol: NTRK1
- word: FRS2
  hgnc_symbol: FRS2
chemicals: []
---
body text is ignored
"""


def write(tmp_path: Path, text: str, name: str = "rec.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_current_layout_fields(tmp_path: Path) -> None:
    fig = load_record(write(tmp_path, NEW_LAYOUT))
    assert fig.figid == "PMC10039534__12943_2023_1761_Fig2_HTML"
    assert fig.title == "Effects of FGFR signaling on the TME"
    assert fig.caption.startswith("FGF/FGFR promotes PD-1")
    assert fig.organisms == ("Homo sapiens", "Mus musculus")
    assert (fig.pmcid, fig.year, fig.doi) == ("PMC10039534", "2023", "10.1186/s12943-023-01761-5")
    assert fig.paper_title == "FGF/FGFR signaling in cancer."
    # OCR genes come from schema-jsonld, not from the paper's own keywords line
    assert fig.ocr_genes == ("FGFR1", "CD274")


def test_older_layout_scalar_organism_and_gene_blocks(tmp_path: Path) -> None:
    fig = load_record(write(tmp_path, OLD_LAYOUT))
    assert fig.organisms == ("Homo sapiens",)
    assert fig.ocr_genes == ("NTRK1", "FRS2")
    assert fig.caption == "TrkA binds the signaling adapter FRS2/SNT at tyrosine 490."


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("figid: x\ncaption: y\n", "no YAML front matter"),
        ("---\nfigid: x\ncaption: 'unclosed\n---\n", "broken YAML"),
        ("---\nfigid: x\ncaption: [a, b\n---\n", "broken YAML"),
        ("---\nfigid: PMC1__a\nfigtitle: t\n---\n", "no caption"),
        ("---\nfigid: PMC1__a\ncaption: '   '\n---\n", "no caption"),
        ("---\nfigid: ../../etc/passwd\ncaption: c\n---\n", "not a safe file name"),
        ("---\nfigid: a/b\ncaption: c\n---\n", "not a safe file name"),
        ("---\ncaption: c\n---\n", "no figid"),
        ("---\n- a\n- b\n---\n", "not a YAML mapping"),
        ("---\nfigid: x\ncaption: c\n", "not closed"),
    ],
)
def test_bad_records_raise_one_line_record_error(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RecordError) as info:
        load_record(path)
    message = str(info.value)
    assert problem in message
    assert str(path) in message
    assert "\n" not in message


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "---\nfigid: x\ncaption: !!python/object/apply:os.system ['true']\n---\n")
    with pytest.raises(RecordError, match="broken YAML"):
        load_record(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="no such file"):
        load_record(tmp_path / "absent.md")
    with pytest.raises(RecordError, match="folder"):
        load_record(tmp_path)


def test_every_corpus_record_loads() -> None:
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "figures"
    files = sorted(corpus.glob("*.md"))
    if not files:
        pytest.skip("../shared/corpus not present")
    for path in files:
        fig = load_record(path)
        assert fig.caption and fig.figid == path.stem
