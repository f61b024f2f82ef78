"""Lexicon build (from a small source folder laid out like ../shared/lexicon) and loading."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pathwaygen.errors import RuleError
from pathwaygen.lexicon import Lexicon, _build, get_lexicon, key_variants, match_key, space_junctions
from pathwaygen.lexicon_build import build

HGNC_HEADER = ("HGNC ID\tApproved symbol\tApproved name\tStatus\tAlias symbols\tNCBI Gene ID(supplied by NCBI)\t"
               "UniProt ID(supplied by UniProt)\tMouse genome database ID(supplied by MGI)\t"
               "Rat genome database ID(supplied by RGD)\tPrevious symbols\tEnsembl gene ID\tLocus type\tEnzyme IDs\n")
HGNC_ROWS = [
    "HGNC:6192\tJAK2\tJanus kinase 2\tApproved\tJTK10\t3717\tO60674\t\t\t\tENSG00000096968\tgene with protein product\t",
    "HGNC:11364\tSTAT3\tsignal transducer and activator of transcription 3\tApproved\tAPRF\t6774\tP40763\t\t\t\tENSG00000168610\tgene with protein product\t",
    "HGNC:6871\tMAPK1\tmitogen-activated protein kinase 1\tApproved\tERK2, ERK\t5594\tP28482\t\t\tPRKM2\tENSG00000100030\tgene with protein product\t",
    "HGNC:6877\tMAPK3\tmitogen-activated protein kinase 3\tApproved\tERK1\t5595\tP27361\t\t\tPRKM3\tENSG00000102882\tgene with protein product\t",
    "HGNC:1516\tCAT\tcatalase\tApproved\t\t847\tP04040\t\t\t\tENSG00000121691\tgene with protein product\t",
    "HGNC:11280\tSQSTM1\tsequestosome 1\tApproved\tp62, A170\t8878\tQ13501\t\t\tOSIL\tENSG00000161011\tgene with protein product\t",
    "HGNC:9999\tOLD1\tgone\tSymbol Withdrawn\t\t\t\t\t\t\t\t\t",
    "HGNC:8888\tPSG1P\tsome pseudogene\tApproved\t\t\t\t\t\t\t\tpseudogene\t",
    "HGNC:7777\tAB\ttwo letters\tApproved\tII, XY7\t1\tP1\t\t\t\t\tgene with protein product\t",
]


def make_source(root: Path) -> Path:
    (root / "famplex").mkdir(parents=True)
    (root / "hgnc_entries.tsv").write_text(HGNC_HEADER + "\n".join(HGNC_ROWS) + "\n", encoding="utf-8")
    (root / "famplex" / "entities.csv").write_text("ERK\nJAK\n", encoding="utf-8")
    (root / "famplex" / "relations.csv").write_text(
        "HGNC,MAPK1,isa,FPLX,ERK\nHGNC,MAPK3,isa,FPLX,ERK\nHGNC,JAK2,isa,FPLX,JAK\n", encoding="utf-8")
    (root / "famplex" / "grounding_map.csv").write_text(
        "ERK1/2,FPLX,ERK,,,,\ncAMP,PUBCHEM,6076,CHEBI,CHEBI:17489,,\nStat3,UP,P40763,,,,\n", encoding="utf-8")
    return root


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, dict]:
    out = tmp_path / "lexicon.json.gz"
    build(make_source(tmp_path / "src"), out)
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        return out, json.load(handle)


def test_build_tables(built: tuple[Path, dict]) -> None:
    _, data = built
    ids = [row[0] for row in data["entities"]]
    assert "OLD1" not in ids and "PSG1P" not in ids  # withdrawn and pseudogenes are left out
    row = data["entities"][ids.index("JAK2")]
    assert row[1] == "gene" and ["hgnc", "6192"] in row[3] and ["ncbigene", "3717"] in row[3]
    erk = data["entities"][ids.index("ERK")]
    assert erk[1] == "family" and sorted(ids[i] for i in erk[4]) == ["MAPK1", "MAPK3"]
    camp = data["entities"][ids.index("camp")]
    assert camp[1] == "chemical" and ["chebi", "CHEBI:17489"] in camp[3]
    names = {(n[0], ids[n[1]]): n[2] for n in data["names"]}
    # approved symbol < FamPlex < grounding map < name < alias < previous symbol
    assert names[("JAK2", "JAK2")] < names[("ERK1/2", "ERK")] < names[("Stat3", "STAT3")]
    assert names[("Stat3", "STAT3")] < names[("Janus kinase 2", "JAK2")] < names[("JTK10", "JAK2")]
    assert names[("ERK1", "MAPK3")] < names[("PRKM3", "MAPK3")]
    assert ("II", "AB") not in names  # two-letter aliases are noise


def test_build_is_deterministic(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src")
    build(src, tmp_path / "a.json.gz")
    build(src, tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()


def test_lexicon_loads_caches_and_applies_rules(built: tuple[Path, dict], tmp_path: Path, monkeypatch) -> None:
    out, _ = built
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "stoplist.yaml").write_text("never_genes: [CAT]\n", encoding="utf-8")
    (rules / "extra.yaml").write_text(
        "- {id: apoptosis, type: process, names: [apoptosis, programmed cell death]}\n"
        "- {ref: SQSTM1, names: [ZIP]}\n", encoding="utf-8")
    monkeypatch.setenv("PATHWAYGEN_CACHE", str(tmp_path / "cache"))
    get_lexicon.cache_clear()
    lex = get_lexicon(out, rules)
    assert isinstance(lex, Lexicon)
    assert list((tmp_path / "cache").iterdir())  # the automaton was cached
    first = lex.entity(lex.candidates(match_key("ERK1/2"))[0].entity)
    assert first.id == "ERK" and {m.id for m in first.members} == {"MAPK1", "MAPK3"}
    assert lex.candidates(match_key("cat")) == ()
    assert lex.entity(lex.candidates(match_key("Programmed cell-death"))[0].entity).id == "apoptosis"
    # a short curated name with capitals is case-sensitive
    assert lex.entity(lex.lookup("ZIP")[0].entity).id == "SQSTM1"
    assert lex.lookup("zip") == ()
    get_lexicon.cache_clear()
    again = get_lexicon(out, rules)  # read back from the cache
    assert again.blobs == lex.blobs and again.rows == lex.rows
    get_lexicon.cache_clear()


def test_bad_rules_raise_rule_error(built: tuple[Path, dict], tmp_path: Path) -> None:
    out, _ = built
    rules = tmp_path / "bad"
    rules.mkdir()
    (rules / "x.yaml").write_text("- {id: foo, type: nonsense, names: [foo]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="x.yaml"):
        _build(out, rules)
    (rules / "x.yaml").write_text("- {ref: NOPE, names: [foo]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unknown entity"):
        _build(out, rules)


def test_keys_and_variants() -> None:
    assert match_key("IL-6") == match_key("IL 6") == match_key("il6") == "il6"
    assert match_key("NF-κB") == "nfkappab"
    assert "gsk3beta" in key_variants("gsk3b", short=True)
    assert key_variants("gsk3b", short=False) == {"gsk3b"}
    assert space_junctions("protein S") == "7" and space_junctions("Sox 9") == "" and space_junctions("NF-kB") == ""


def test_packaged_lexicon_covers_hgnc_and_famplex() -> None:
    lex = get_lexicon()
    assert len(lex.rows) > 20000
    assert lex.by_id("STAT3").xref("hgnc") == "11364"
    assert lex.by_id("NFkappaB").type in ("family", "complex")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3ff), max_size=30)
       | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30))
def test_normalise_fast_path_is_the_character_by_character_form(surface):
    from pathwaygen.lexicon import normalise
    from pathwaygen.text import _normalise_char
    assert normalise(surface) == " ".join("".join(_normalise_char(ch) for ch in surface).split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab- \t-_\u2013", max_size=20))
def test_squeeze_drops_exactly_the_separators(text):
    from pathwaygen.lexicon import SEPARATORS, squeeze
    assert squeeze(text) == "".join(ch for ch in text if ch not in SEPARATORS)


def test_old_lexicon_caches_go_but_the_newest_stay(tmp_path):
    import os
    from pathwaygen.lexicon import KEEP_CACHES, _drop_old_caches
    for i in range(KEEP_CACHES + 3):
        for suffix in (".pickle", ".automaton"):
            path = tmp_path / f"lexicon-{i:02d}{suffix}"
            path.write_bytes(b"x")
            os.utime(path, (1000 + i, 1000 + i))
    (tmp_path / "node").mkdir()  # (other things in the cache folder are left alone)
    _drop_old_caches(tmp_path / "lexicon-00")  # the one just written, whatever its stamp
    left = sorted({p.name.split(".")[0] for p in tmp_path.glob("lexicon-*")})
    assert left == ["lexicon-00"] + [f"lexicon-{i:02d}" for i in range(3, KEEP_CACHES + 3)]
    assert (tmp_path / "node").is_dir()
