"""Load the lexicon (built HGNC/FamPlex data + curated lists in rules/entities) as a scanner.

The scanner is a pyahocorasick automaton over match keys: normalised like captions (Greek
spelled out), lowercased, hyphens and spaces dropped ("IL-6" = "IL 6" = "IL6"); each key
carries its candidate groundings ``(entity index, rank, surface, exact)``. Building it
takes a few seconds, so the finished automaton is saved under the user cache folder
(``$PATHWAYGEN_CACHE`` or ``$XDG_CACHE_HOME/pathwaygen`` or ``~/.cache/pathwaygen``), keyed
by a hash of every input file and of this module; a warm load only reads it back.

Curated entries (``rules/entities/*.yaml``, see rules/entities/README.md) win over HGNC and
FamPlex (rank 0); ``stoplist.yaml`` lists surfaces that never name a gene.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

import ahocorasick
import ahocorasick_rs
import yaml

from .errors import RuleError
from .paths import rules_dir
from .yaml_io import load_yaml
from .model import NODE_TYPES, Entity
from .text import _normalise_char

#: bump when the cached structure changes
CACHE_FORMAT = 9

DATA_FILE = Path(__file__).resolve().parent / "data" / "lexicon.json.gz"
RULES_DIR = rules_dir("entities")

#: rank of curated names (always preferred)
RANK_CURATED = 0

_GREEK_LETTER = {"a": "alpha", "b": "beta", "g": "gamma", "d": "delta", "e": "epsilon", "k": "kappa"}

#: characters dropped from match keys and from the scanned text: "IL-6" = "IL 6" = "IL6"
SEPARATORS = "- "


def _lower1(c: str) -> str:
    """Lowercase one character only when that keeps its length (offsets must not move)."""
    low = c.lower()
    return low if len(low) == 1 else c


def lower_keep_length(text: str) -> str:
    """Lowercase `text` character by character, keeping its length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(_lower1(c) for c in text)


def normalise(surface: str) -> str:
    """A surface form normalised as text.prepare normalises captions (no lowercasing)."""
    if surface.isascii() and surface.isprintable():
        # (printable ASCII normalises to itself, as text.prepare relies on too; most surfaces
        # come from an already normalised caption)
        return " ".join(surface.split())
    return " ".join("".join(_normalise_char(ch) for ch in surface).split())


def squeeze(text: str) -> str:
    """Drop separators (hyphens, spaces) so that spelling variants share one key."""
    # (one str.replace per character of SEPARATORS: str.translate looks every character up in
    # a dict, ~6x slower)
    return text.replace("-", "").replace(" ", "")


def match_key(surface: str) -> str:
    """The key a surface form is matched under: normalised, lowercased, separators dropped."""
    return squeeze(lower_keep_length(normalise(surface)))


_SHORT_CAPS = re.compile(r"[A-Z]{2,4}")


def cased_forms(surface: str) -> tuple[str, ...]:
    """Case-sensitive spellings of a short all-capital symbol: "LAT" and "Lat", never "lat".

    Three-letter symbols are everywhere inside lowercase words ("lat" in "regulation");
    keyed as written they never reach Python there, and in captions such symbols are written
    in capitals or capitalised (AKT, Akt). Other names return () and stay case-insensitive.
    """
    if _SHORT_CAPS.fullmatch(surface):
        return (surface, surface.capitalize())
    return ()


def key_variants(key: str, short: bool) -> set[str]:
    """Spelling variants of a match key beyond separators: Greek suffixes of symbols.

    GSK3B / PKCA / TNFA: the trailing letter of a `short` (symbol-like) name may be written
    as a Greek letter (GSK3β, PKCα, TNF-α), which text normalisation spells out.
    """
    out = {key}
    if short and len(key) >= 4 and key[-1].lower() in _GREEK_LETTER and key[-2].isalnum():
        out.add(key[:-1] + _GREEK_LETTER[key[-1].lower()])
    return {v for v in out if len(v) >= 2}


@dataclass(frozen=True)
class Candidate:
    """One grounding a match key may have."""

    entity: int
    rank: int
    surface: str  # the name as listed (normalised, separators dropped), for exact-case checks
    exact: bool  # only match when written exactly as `surface`
    spaces: str = ""  # word breaks of the listed name, see space_junctions()
    capital: bool = False  # only match when written with at least one capital letter


def space_junctions(raw: str) -> str:
    """Where a space separates two letters, as squeezed offsets ("3,7"); "" when nowhere.

    Keys drop separators, so "in a" and "INA", or "proteins" and "protein S", share a key;
    a match must break words where the listed name does ("Sox 9" = "SOX9" is fine: the space
    sits between a letter and a digit; hyphens never count).
    """
    if " " not in raw:
        return ""
    # word by word, not character by character: a junction can only open a word after a space
    # (hyphens between them do not matter, and drop out of the squeezed offsets)
    out = []
    squeezed = 0
    prev = ""  # the last character kept before the word
    for i, word in enumerate(raw.split(" ")):
        if "-" in word:
            word = word.replace("-", "")
        if not word:
            continue
        if i and prev.isalpha() and word[0].isalpha():
            out.append(str(squeezed))
        squeezed += len(word)
        prev = word[-1]
    return ",".join(out)


def _encode(cands: list[Candidate]) -> str:
    return "\x1e".join(f"{c.entity}\x1f{c.rank}\x1f{int(c.exact) + 2 * int(c.capital)}\x1f{c.spaces}\x1f{c.surface}"
                        for c in cands)


def _decode(blob: str) -> tuple[Candidate, ...]:
    out = []
    for part in blob.split("\x1e"):
        entity, rank, exact, spaces, surface = part.split("\x1f", 4)
        flags = int(exact)
        out.append(Candidate(int(entity), int(rank), surface, bool(flags & 1), spaces, bool(flags & 2)))
    return tuple(out)


class Lexicon:
    """The scanner automaton plus the entity table; get one with :func:`get_lexicon`.

    The automaton stores, per match key, an index into ``blobs`` (encoded candidate lists)
    and entities are kept as JSON strings: both are decoded only for what a caption matches,
    which keeps a warm load to one C-level automaton load plus two flat string lists.
    """

    def __init__(self, automaton: ahocorasick.Automaton, blobs: list[str], rows: list[str], stop: frozenset[str],
                 automaton_cs: ahocorasick.Automaton | None = None, not_symbols: frozenset[str] = frozenset()) -> None:
        self.automaton = automaton  # lowercased keys
        self.automaton_cs = automaton_cs or ahocorasick.Automaton(ahocorasick.STORE_INTS)  # keys as written
        self.blobs = blobs
        self.rows = rows  # JSON [id, type, label, xrefs, member indexes]
        self.stop = stop  # lowercase surfaces that never name a gene/family from HGNC/FamPlex
        self.not_symbols = not_symbols  # symbol-shaped words that are no genes (cell lines, ...)
        self._entities: dict[int, Entity] = {}
        self.memo: dict[str, dict] = {}  # per-lexicon caches of the recogniser (names recur)
        self._cands: dict[int, tuple[Candidate, ...]] = {}
        self._by_id: dict[str, int] | None = None
        self._scanners: tuple[tuple[ahocorasick_rs.AhoCorasick, list[int]], ...] | None = None
        self._pairs: dict[str, list[tuple[Entity, int]]] | None = None

    def two_member_complexes(self) -> dict[str, list[tuple[Entity, int]]]:
        """gene id -> [(complex, slot)] for every FamPlex/curated complex of exactly two members
        (a member family fills its slot with any of its genes: NF-kappaB = NFkappaB_1 + NFkappaB_2).

        Built on first use and kept (it depends on the lexicon alone, unlike ``memo``, which
        recognize.clear_memos empties): a scan of every row, about 0.07 s.
        """
        if self._pairs is None:
            index: dict[str, list[tuple[Entity, int]]] = {}
            for row_index, row in enumerate(self.rows):
                if '"complex"' not in row:
                    continue  # (cheap test before decoding: most rows are genes)
                ent = self.entity(row_index)
                if ent.type != "complex" or len(ent.members) != 2:
                    continue
                for slot, member in enumerate(ent.members):
                    genes = [m.id for m in member.members] if member.members else [member.id]
                    for gene in genes:
                        index.setdefault(gene, []).append((ent, slot))
            self._pairs = index
        return self._pairs

    def scanners(self) -> tuple[tuple[ahocorasick_rs.AhoCorasick, list[int]], ...]:
        """((scanner, values), (scanner_cs, values_cs)): the keys of `automaton` and
        `automaton_cs` in ahocorasick_rs automata, each pattern's automaton value at its index.

        Scanning a caption is the recogniser's biggest single cost; the Rust automaton returns all
        overlapping matches (with their starts) in one call, at twice the speed of iterating
        pyahocorasick, in the same order (by end, longest first). It cannot be saved, so it is
        built from the loaded automata on first use (a fraction of a second); pyahocorasick
        still serves the exact-key lookups.
        """
        if self._scanners is None:
            built = []
            # the case-sensitive keys are few (~15k): as a DFA they scan a caption ~35% faster for
            # ~10 MB; the lowercase keys' DFA would be ~150 MB and slower (cache misses)
            for automaton, implementation in ((self.automaton, None),
                                              (self.automaton_cs, ahocorasick_rs.Implementation.DFA)):
                items = list(automaton.items())
                built.append((ahocorasick_rs.AhoCorasick([key for key, _ in items], implementation=implementation),
                              [value for _, value in items]))
            self._scanners = tuple(built)
        return self._scanners

    def entity(self, index: int) -> Entity:
        """The Entity for row `index` (memoised; members resolved recursively)."""
        ent = self._entities.get(index)
        if ent is None:
            eid, etype, label, xrefs, members = json.loads(self.rows[index])
            ent = Entity(
                id=eid,
                label=label,
                type=etype,
                xrefs=tuple((k, v) for k, v in xrefs),
                members=tuple(self.entity(m) for m in members if m != index),
            )
            self._entities[index] = ent
        return ent

    def entity_type(self, index: int) -> str:
        """Type of row `index` without building the Entity's members."""
        ent = self._entities.get(index)
        return ent.type if ent is not None else json.loads(self.rows[index])[1]

    def index_of(self, eid: str) -> int | None:
        """Row index of the entity whose id is `eid`, or None."""
        if self._by_id is None:
            self._by_id = {json.loads(row)[0]: i for i, row in enumerate(self.rows)}
        return self._by_id.get(eid)

    def by_id(self, eid: str) -> Entity | None:
        """The Entity whose id is `eid`, or None."""
        index = self.index_of(eid)
        return None if index is None else self.entity(index)

    def decode(self, value: int) -> tuple[Candidate, ...]:
        """Candidates for an automaton value (memoised)."""
        cands = self._cands.get(value)
        if cands is None:
            cands = self._cands[value] = _decode(self.blobs[value])
        return cands

    def candidates(self, key: str) -> tuple[Candidate, ...]:
        """Case-insensitive candidates stored under match key `key` (exact key, no scanning)."""
        value = self.automaton.get(key, None)
        return () if value is None else self.decode(value >> 8)

    def lookup(self, surface: str) -> tuple[Candidate, ...]:
        """Every candidate for a whole written surface, case-sensitive ones included, best first."""
        written = normalise(surface)  # (once: match_key(surface) normalises it too)
        found = self.candidates(squeeze(lower_keep_length(written)))
        value = self.automaton_cs.get(squeeze(written), None) if len(self.automaton_cs) else None
        if value is not None:
            found += self.decode(value >> 8)
        elif len(found) < 2:
            return found  # (no other candidate to sort them among)
        return tuple(sorted(found, key=_rank))


_rank = attrgetter("rank")


def _rules_files(rules_dir: Path) -> list[Path]:
    return sorted(rules_dir.glob("*.yaml")) if rules_dir.is_dir() else []


def _cache_path(data_file: Path, rules_dir: Path) -> Path:
    digest = hashlib.sha256(f"format={CACHE_FORMAT}".encode())
    for path in [data_file, *_rules_files(rules_dir), Path(__file__)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    base = os.environ.get("PATHWAYGEN_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "pathwaygen"
    )
    return Path(base) / f"lexicon-{digest.hexdigest()[:20]}"


def _load_curated(rules_dir: Path) -> tuple[list[dict], frozenset[str], frozenset[str], frozenset[str]]:
    """Read curated entity lists and the stop-lists (never a gene; never anything from the
    tables); raise RuleError on a malformed entry."""
    entries: list[dict] = []
    stop: set[str] = set()
    stop_all: set[str] = set()
    not_symbols: set[str] = set()
    for path in _rules_files(rules_dir):
        if path.stem == "phrases":
            continue  # read by load_phrases()
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise RuleError(f"{path}: broken YAML: {getattr(exc, 'problem', exc)}") from None
        if path.stem == "stoplist":
            if not isinstance(data, dict) or not isinstance(data.get("never_genes"), list):
                raise RuleError(f"{path}: expected a mapping with a 'never_genes' list")
            stop.update(match_key(str(word)) for word in data["never_genes"])
            stop_all.update(match_key(str(word)) for word in data.get("never", []) or [])
            not_symbols.update(str(word) for word in data.get("not_symbols", []) or [])
            continue
        if not isinstance(data, list):
            raise RuleError(f"{path}: expected a list of entities")
        for n, item in enumerate(data, 1):
            if not isinstance(item, dict) or not isinstance(item.get("names", []), list):
                raise RuleError(f"{path}: entry {n}: expected a mapping with a 'names' list")
            if "ref" not in item and ("id" not in item or item.get("type") not in NODE_TYPES):
                raise RuleError(f"{path}: entry {n}: needs 'ref' or 'id' and a 'type' in {NODE_TYPES}")
            entries.append({**item, "_where": f"{path.name} entry {n}"})
    return entries, frozenset(stop), frozenset(stop_all), frozenset(not_symbols)


def _build(data_file: Path, rules_dir: Path) -> Lexicon:
    """Build the automaton from the packaged data and the curated lists."""
    with gzip.open(data_file, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    rows: list[tuple] = [tuple(row) for row in data["entities"]]
    by_id = {row[0]: i for i, row in enumerate(rows)}
    # case-insensitive names are keyed lowercased; case-sensitive ones ("ROS", "AR", "CAT")
    # as written, in a second automaton scanned over the case-kept text, so that "ar" inside
    # "pathway" never even reaches Python
    table: dict[str, dict[tuple[int, str], Candidate]] = {}
    table_cs: dict[str, dict[tuple[int, str], Candidate]] = {}

    def add(surface: str, index: int, rank: int, exact: bool, short: bool, capital: bool = False) -> None:
        key = match_key(surface)
        if len(key) < 2:
            return
        raw = normalise(surface)
        norm_surface = squeeze(raw)
        spaces = space_junctions(raw)
        cased = cased_forms(norm_surface) if not exact and short else ()
        target = table_cs if exact or cased else table
        variants = set()
        for form in cased or (norm_surface if exact else key,):
            variants |= key_variants(form, short)
        for variant in variants:
            # one candidate per entity and word-break pattern ("TGF beta", "TGF-beta")
            slot = target.setdefault(variant, {})
            old = slot.get((index, spaces))
            if old is None or rank < old.rank:
                slot[(index, spaces)] = Candidate(index, rank, norm_surface, exact, spaces, capital)

    entries, stop, stop_all, not_symbols = _load_curated(rules_dir)
    for item in entries:
        if "ref" in item:
            index = by_id.get(str(item["ref"]))
            if index is None:
                raise RuleError(f"{item['_where']}: unknown entity {item['ref']!r}")
        else:
            eid = str(item["id"])
            xrefs = sorted((str(k), str(v)) for k, v in (item.get("xrefs") or {}).items())
            members = [by_id[m] for m in item.get("members", []) if m in by_id]
            if eid in by_id:
                index = by_id[eid]
                old = rows[index]
                rows[index] = (eid, item["type"], item.get("label", old[2]), tuple(xrefs) or old[3], members or old[4])
            else:
                index = len(rows)
                rows.append((eid, item["type"], str(item.get("label", eid)), tuple(xrefs), members))
                by_id[eid] = index
        exact_all = item.get("case") == "exact"
        for name in item.get("names", []) or [item.get("id")]:
            name = str(name)
            # short names with capitals ("ROS", "cAMP") are case-sensitive unless stated otherwise
            exact = exact_all or (len(name) <= 5 and name != name.lower() and item.get("case") != "any")
            add(name, index, RANK_CURATED, exact, short=False)
    for surface, index, rank, english in data["names"]:
        etype = rows[index][1]
        short = rank < 40 or rank >= 50  # symbols, FamPlex ids, aliases: not long names
        # everyday English words and 2-letter symbols only when written exactly as listed
        exact = english == 2 or len(surface) <= 2
        # (FamPlex ids are capitalised by convention, "Interferon": the rule is for HGNC symbols)
        capital = english == 1 and surface != surface.lower() and not 20 <= rank < 40
        key = match_key(surface)
        if key in stop_all or (etype in ("gene", "rna", "family", "complex") and key in stop):
            continue
        add(surface, index, rank, exact, short=short and len(surface) <= 12, capital=capital)
    blobs: list[str] = []
    automata = []
    for keys in (table, table_cs):
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key in sorted(keys):
            if len(key) > 255:
                continue
            cands = sorted(keys[key].values(), key=lambda c: (c.rank, rows[c.entity][0]))
            # the value packs the candidate list index with the key length (for the match start)
            automaton.add_word(key, len(blobs) << 8 | len(key))
            blobs.append(_encode(cands))
        automaton.make_automaton()
        automata.append(automaton)
    encoded = [json.dumps(list(row), ensure_ascii=False, separators=(",", ":")) for row in rows]
    return Lexicon(automata[0], blobs, encoded, stop, automata[1], not_symbols)


@dataclass(frozen=True)
class PhraseRules:
    """What makes a process phrase (rules/entities/phrases.yaml)."""

    heads: frozenset[str]
    stop_words: frozenset[str]
    max_modifiers: int
    enzyme_suffixes: tuple[str, ...] = ()
    not_enzymes: frozenset[str] = frozenset()
    compartments: frozenset[str] = frozenset()
    movement_cues: frozenset[str] = frozenset()
    group_heads: frozenset[str] = frozenset()
    min_enzyme_word: int = 0
    product_heads: frozenset[str] = frozenset()
    chemical_suffixes: tuple[str, ...] = ()
    min_chemical_word: int = 0
    not_chemicals: frozenset[str] = frozenset()
    shared_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_phrases(rules_dir: Path = RULES_DIR) -> PhraseRules:
    """Read rules/entities/phrases.yaml (no phrases when the file is absent)."""
    path = rules_dir / "phrases.yaml"
    if not path.exists():
        return PhraseRules(frozenset(), frozenset(), 0)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: broken YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("heads"), list):
        raise RuleError(f"{path}: expected a mapping with a 'heads' list")
    return PhraseRules(
        frozenset(str(h).lower() for h in data["heads"]),
        frozenset(str(w).lower() for w in data.get("stop_words", []) or []),
        int(data.get("max_modifiers", 3)),
        tuple(str(x).lower() for x in data.get("enzyme_suffixes", []) or []),
        frozenset(str(w).lower() for w in data.get("not_enzymes", []) or []),
        frozenset(str(w).lower() for w in data.get("compartments", []) or []),
        frozenset(str(w).lower() for w in data.get("movement_cues", []) or []),
        frozenset(str(w).lower() for w in data.get("group_heads", []) or []),
        int(data.get("min_enzyme_word", 0) or 0),
        frozenset(str(w).lower() for w in data.get("product_heads", []) or []),
        tuple(str(x).lower() for x in data.get("chemical_suffixes", []) or []),
        int(data.get("min_chemical_word", 0) or 0),
        frozenset(str(w).lower() for w in data.get("not_chemicals", []) or []),
        frozenset(str(w).lower() for w in data.get("shared_heads", []) or []),
    )


#: lexicon caches kept side by side: several checkouts or versions (git worktrees, a release
#: beside a development tree) share the cache folder, each with its own key
KEEP_CACHES = 6


def _drop_old_caches(base: Path) -> None:
    """Delete the lexicon caches beyond the KEEP_CACHES most recently written (`base` is kept).

    Deleting every other key instead made two checkouts rebuild each other's cache (seconds)
    on every run.
    """
    stamps: dict[str, float] = {}
    for path in base.parent.glob("lexicon-*"):
        key = path.name.split(".", 1)[0]
        try:
            stamps[key] = max(stamps.get(key, 0.0), path.stat().st_mtime)
        except OSError:
            continue  # (removed by another process meanwhile)
    keep = {base.name} | set(sorted(stamps, key=lambda k: (stamps[k], k), reverse=True)[:KEEP_CACHES])
    for path in base.parent.glob("lexicon-*"):
        if path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)


@lru_cache(maxsize=4)
def get_lexicon(data_file: Path = DATA_FILE, rules_dir: Path = RULES_DIR) -> Lexicon:
    """The lexicon for `data_file` + `rules_dir`, from the cache folder when it is current."""
    if not data_file.exists():
        raise RuleError(f"{data_file}: lexicon data missing; run 'pathwaygen lexicon build'")
    base = _cache_path(data_file, rules_dir)
    auto_file, cs_file = base.with_suffix(".automaton"), base.with_suffix(".cs-automaton")
    table_file = base.with_suffix(".pickle")
    try:
        with table_file.open("rb") as handle:
            blobs, rows, stop, not_symbols = pickle.load(handle)
        automaton = ahocorasick.load(str(auto_file), pickle.loads)
        automaton_cs = ahocorasick.load(str(cs_file), pickle.loads)
        return Lexicon(automaton, blobs, rows, stop, automaton_cs, not_symbols)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        pass
    lexicon = _build(data_file, rules_dir)
    try:
        from .atomic import write_atomic

        base.parent.mkdir(parents=True, exist_ok=True)
        for target, automaton in ((auto_file, lexicon.automaton), (cs_file, lexicon.automaton_cs)):
            tmp = target.with_suffix(f"{target.suffix}.{os.getpid()}.tmp")
            automaton.save(str(tmp))
            os.replace(tmp, target)
        # the table is written last: its presence means the automata are complete
        write_atomic(table_file, pickle.dumps((lexicon.blobs, lexicon.rows, lexicon.stop, lexicon.not_symbols), protocol=pickle.HIGHEST_PROTOCOL))
        _drop_old_caches(base)
    except OSError:
        pass  # a read-only home still works, just slower
    return lexicon
