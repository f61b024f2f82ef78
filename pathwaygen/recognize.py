"""Recognise and ground the entities a caption names.

``recognize(text)`` scans the normalised caption with the lexicon automaton (longest match,
word boundaries, case rules), then:
- phospho prefixes (p-STAT3, pSTAT3, phospho-AKT) and plurals (STATs) become modifiers;
- slash and range forms expand (SMAD2/3 -> SMAD2 + SMAD3 in one mention; IFNA1-21;
  "JAK1, 2 and 3"), unless the whole form is a family in the lexicon (ERK1/2 -> ERK);
- synonyms written with a slash ("FRS2/SNT", "ZIP/p62") become one mention;
- abbreviation definitions (inline or legends) make the short and long forms one entity,
  grounded by the lexicon when either form is known, otherwise a new entity whose type is
  guessed from the long form's head word;
- words shaped like gene symbols of other species (Cdc24, COI1, PqsR) become genes keyed as
  written; "<modifiers> <head>" phrases from rules/entities/phrases.yaml become processes
  ("male sterility") or enzymes ("citrate lyase"); "NF-kB target genes" is a group;
  "JAK2 inhibitor" is a chemical whose member is JAK2;
- compartments are kept only when something moves there ("translocates into the nucleus").

Mentions come back sorted, non-overlapping, in ORIGINAL caption offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice
from operator import attrgetter

import ahocorasick_rs

from . import abbrev
from .abbrev import Definition, find_definitions
from .lexicon import (
    Candidate,
    Lexicon,
    PhraseRules,
    get_lexicon,
    load_phrases,
    lower_keep_length,
    normalise,
    space_junctions,
    squeeze,
)
from .model import Entity, Mention
from .text import GREEK, Text, occurrences

_GENE_TYPES = frozenset({"gene", "family", "complex", "rna"})
# modifier sets are immutable and shared: a caption makes ~30 hits, most with none
_NO_MODIFIERS: frozenset[str] = frozenset()
_PLURAL = frozenset({"plural"})
_PHOSPHO = frozenset({"phospho"})
_PHOSPHO_PLURAL = frozenset({"phospho", "plural"})
_DIGITS_END = re.compile(r"^(.*?)(\d+)$")


@dataclass(slots=True)
class _Hit:
    """A candidate span of the normalised text with its grounding(s)."""

    start: int
    end: int
    entities: tuple[Entity, ...]
    rank: int
    modifiers: frozenset[str] = _NO_MODIFIERS
    source: str = "lexicon"
    alternatives: tuple[int, ...] = ()  # lexicon rows of every other fitting candidate
    listed: bool = False  # a plural written as a listed name of its own ("AMPs"), not name + "s"


_WORD_SPACE_NUMBER = re.compile(r"[a-z]+ +\d+$")


#: a range of Roman numerals ("complex I-V", "types I-III"): dropping the hyphen would read "IV"
_ROMAN_RANGE = re.compile(r"(?<![A-Za-z])[IVX]+-[IVX]+(?![A-Za-z])")


def _roman_ranges(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop a name that ends at the first numeral of a Roman range ("complex I" of "complex I-V",
    which names complexes I to V, none of them alone)."""
    ends = {m.start() + m.group().index("-") for m in _ROMAN_RANGE.finditer(norm)}
    if not ends:
        return hits
    return [h for h in hits if h.end not in ends]


def _valid(cands: tuple[Candidate, ...], raw: str) -> list[Candidate]:
    """Candidates that fit the written `raw` surface (normalised): case rules, word breaks."""
    surface = squeeze(raw)
    spaces = space_junctions(raw)
    # a word break the name has may be written as a hyphen ("gasdermin D" = "Gasdermin-D")
    breaks = spaces if "-" not in raw else space_junctions(raw.replace("-", " "))
    if breaks is not spaces and _ROMAN_RANGE.search(raw):
        return []  # "complex I-V" is complexes I to V, not "complex IV" with a hyphen (see _roman_ranges)
    out = []
    for cand in cands:
        if cand.exact and surface != cand.surface and not (cand.surface.islower() and surface == cand.surface.capitalize()):
            continue  # as written; a lowercase word may start a sentence ("Insulin")
        if cand.capital and surface.islower():
            continue
        if cand.spaces != spaces and not (cand.spaces and _within(spaces, cand.spaces) and _within(cand.spaces, breaks)):
            continue
        if " " in raw and not cand.spaces and raw.islower() and len(cand.surface) <= 6 and _WORD_SPACE_NUMBER.search(raw):
            continue  # "or 2", "at 2": lowercase words before a number are not a symbol (but "interleukin 6" is)
        # a short all-capital alias written in mixed case is another word ("miR" is not MIR)
        if cand.rank >= 50 and len(surface) <= 3 and cand.surface.isupper() and not surface.isupper():
            continue
        out.append(cand)
    return out


def _within(part: str, whole: str) -> bool:
    """True when every offset of the junction list `part` ("3,7") is in `whole`."""
    return not part or set(part.split(",")) <= set(whole.split(","))


def _as_written(valid: list[Candidate], raw: str) -> Candidate | None:
    """Among the candidates that tie for first place for different entities, the single one
    whose name is spelled as `raw` is written ("gp130" is IL6ST's, "GP130" LRPPRC's; the
    grounding map's "RSK2" is RPS6KA3, its "rSK2" KCNN2); None when there is no tie or no
    single such candidate."""
    first = valid[0]
    if len(valid) < 2 or valid[1].rank != first.rank or valid[1].entity == first.entity:
        return None
    written = squeeze(raw)
    same = [c for c in valid if c.rank == first.rank and c.surface == written]
    return same[0] if len({c.entity for c in same}) == 1 else None


_WORD_SPLIT = re.compile(r"([^\W_]+)")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _all_matches(automaton: ahocorasick_rs.AhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """Every (pattern index, start, end) match of `automaton` in `text`, overlapping ones too,
    by end, longest first."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        # lone surrogates (hostile input) have no UTF-8 form, so the Rust automaton cannot take
        # them; no pattern has a surrogate or a NUL, so NUL in their place changes no match
        return automaton.find_matches_as_indexes(_SURROGATE.sub("\x00", text), overlapping=True)


def _scan(lex: Lexicon, norm: str, low: str) -> list[_Hit]:
    """All lexicon matches that sit on word boundaries, each with its best grounding
    (`low` is lower_keep_length(norm))."""
    # the pieces between separators: joined they are the squeezed text, their lengths place
    # the separators (`low` has its separators where `norm` has them)
    pieces = norm.replace("-", " ").split(" ")
    written = "".join(pieces)  # case kept, same offsets as `squeezed`
    # (ASCII lowercases character by character, so squeezing and lowercasing commute)
    squeezed = written.lower() if norm.isascii() else "".join(low.replace("-", " ").split(" "))
    # squeezed offset -> normalised offset: cut_at[k] is the squeezed offset where the k-th
    # separator character was removed, so squeezed j is normalised j + bisect_right(cut_at, j)
    # (str.split, not a regex split: this runs once per caption over all of it)
    cut_at = list(accumulate(map(len, pieces)))
    cut_at.pop()  # (the last piece ends the text, no separator after it)
    # a removed separator is a word break too
    breaks = set(cut_at)
    # written surface -> grounding, one memo per automaton, kept on the lexicon: names recur
    # (a surface has one match key per automaton, so the surface alone keys the grounding)
    memo, memo_cs = lex.memo.setdefault("ground", {}), lex.memo.setdefault("ground_cs", {})
    hits: list[_Hit] = []
    (scanner, values), (scanner_cs, values_cs) = lex.scanners()
    # (index into values, start, end): all overlapping matches, by end, longest first
    for table, matches, table_memo in ((values, _all_matches(scanner, squeezed), memo),
                                       (values_cs, _all_matches(scanner_cs, written), memo_cs)):
        _scan_matches(lex, norm, low, squeezed, table, matches, breaks, cut_at, table_memo, hits.append)
    return hits


def _scan_matches(lex: Lexicon, norm: str, low: str, squeezed: str, table: list[int], matches: list[tuple[int, int, int]],
                  breaks: set[int], cut_at: list[int], memo: dict, append) -> None:
    """_scan's work on one automaton's `matches`: (index into `table`, start, end) in `squeezed`
    offsets; each hit on word boundaries that grounds is passed to `append`. `memo` maps a
    written surface to its grounding by this automaton."""
    has_residue_word = "resid" in low
    n = len(low)
    m = len(squeezed)
    for index, j, nxt in matches:
        # cheap rejection of matches inside words (most of them) before any other work
        # (a key that starts or ends with punctuation, "Ca2+" or "[Ca2+]i", has its own edge)
        inner_start = inner_end = False
        if j and j not in breaks and squeezed[j].isalnum():
            before = squeezed[j - 1]
            if before.isalnum():
                if before != "p" or not (j == 1 or j - 1 in breaks or not squeezed[j - 2].isalnum()):
                    continue
                inner_start = True
        if nxt < m and nxt not in breaks:
            after = squeezed[nxt]
            if after.isalnum() and squeezed[nxt - 1].isalnum():
                if after != "s" or not (nxt + 1 == m or nxt + 1 in breaks or not squeezed[nxt + 1].isalnum()):
                    continue
                inner_end = True
        cuts = bisect_right(cut_at, j)
        ps = j + cuts
        pe = ps + nxt - j
        raw = norm[ps:pe]
        if "-" in raw or " " in raw:
            # (a separator inside the match: count the ones removed up to its last character;
            # without one, the match is as long in `norm` as in `squeezed`, no second search)
            pe = nxt + bisect_right(cut_at, nxt - 1, cuts)  # (the end's cuts are at least the start's)
            raw = norm[ps:pe]
        phospho = plural = False
        if inner_start:
            # pSTAT3: a lowercase "p" glued to a capitalised symbol
            if (ps == 1 or not low[ps - 2].isalnum()) and norm[ps].isupper() and norm[ps - 1] == "p":
                phospho = True
                ps -= 1
            else:
                continue
        if inner_end:
            # STATs, MAPKs, integrins: a plural "s" after the name
            if (pe + 1 == n or not low[pe + 1].isalnum()) and low[pe - 1] != "s":
                plural = True
                pe += 1
            else:
                continue
        core_start = ps + 1 if phospho else ps
        core_end = pe - 1 if plural else pe
        if plural and (core_end - core_start < 3 or norm[core_end - 2] == " "):
            continue  # "COS" is not the plural of CO, nor "IFN-g is" of "G i" or "β1 is" of "beta1i"
        if phospho or plural:
            raw = norm[core_start:core_end]
        if len(raw) == 3 and raw in _RESIDUES and _NUMBER_AHEAD.match(norm, pe):
            continue  # "Ser 9", "Thr308": a residue position, not an amino acid or a gene
        if has_residue_word and "resid" in low[pe : pe + 22] and _RESIDUE_AFTER.match(norm, pe):
            continue  # "lysine residues", "cysteine residue": a position in a protein
        grounded = memo.get(raw, _MISSING)
        if grounded is _MISSING:
            grounded = _ground_raw(lex, table[index], raw)
            if len(memo) > 100_000:
                memo.clear()
            memo[raw] = grounded
        if grounded is None:
            continue
        entities, rank, alternatives, gene_like, listed_plural = grounded
        if phospho and not gene_like and not plural:
            continue
        if not plural and listed_plural:
            plural = True  # "MAPKs" is listed as a name of its own
        # p-STAT3 / phospho-AKT: a written phospho prefix
        if ps > 1 and gene_like and not phospho and low[ps - 1] == "-":
            for prefix in _PHOSPHO_PREFIXES:
                start = ps - len(prefix)
                if start >= 0 and low.startswith(prefix, start) and (start == 0 or not low[start - 1].isalnum()):
                    phospho = True
                    ps = start
                    break
        if phospho:
            modifiers = _PHOSPHO_PLURAL if plural else _PHOSPHO
        else:
            modifiers = _PLURAL if plural else _NO_MODIFIERS
        append(_Hit(ps, pe, entities, rank, modifiers, "lexicon", alternatives, listed_plural and not inner_end))


def _ground_raw(lex: Lexicon, value: int, raw: str) -> tuple[tuple[Entity], int, tuple[int, ...], bool, bool] | None:
    """Grounding of a match written `raw` plus facts about `raw` alone (memoised by _scan):
    ((entity,), rank, other rows, gene-like type, listed as a plural), or None. (The
    one-entity tuple is shared by every hit of the name: hits replace it, never change it.)"""
    if raw.upper() == raw.lower():
        return None  # "9-11": numbers alone name nothing
    if len(raw) <= 9 and raw.rstrip("0123456789") in _GREEK_NAMES and raw != "Rho":
        # a lone Greek letter ("ζ", "β2") is a subunit label, not a gene; "Rho" spelled in
        # Latin letters is the GTPase ("the Rho pathway", "Rho activates ROCK")
        return None
    grounded = _ground(lex, value, raw)
    if grounded is None:
        return None
    entity, rank, alternatives = grounded
    listed_plural = len(raw) > 2 and raw[-1] == "s" and raw[-2].isupper()
    return (entity,), rank, alternatives, entity.type in _GENE_TYPES, listed_plural


def _ground(lex: Lexicon, value: int, raw: str) -> tuple[Entity, int, tuple[int, ...]] | None:
    """(entity, rank, other fitting rows) for an automaton match written `raw`, or None."""
    valid = _valid(lex.decode(value >> 8), raw)
    if not valid:
        return None
    cand = valid[0]
    entity = lex.entity(cand.entity)
    if len(valid) > 1 and valid[1].rank == cand.rank and valid[1].entity != cand.entity:
        # a name several entries list equally first: the one spelled as written wins;
        # otherwise an alias names their group ("SOCS")
        written = _as_written(valid, raw)
        if written is not None:
            cand = written
            entity = lex.entity(cand.entity)
        elif cand.rank >= 50:
            entity = _ambiguous_alias(lex, raw, valid)
    return entity, cand.rank, (tuple([c.entity for c in valid[1:]]) if len(valid) > 1 else ())


_GREEK_NAMES = frozenset(GREEK.values())
_MISSING = object()
#: written phospho prefixes, lowercase ("p-STAT3", "phospho-AKT")
_PHOSPHO_PREFIXES = ("p-", "phospho-", "phosphorylated-")
#: amino-acid three-letter codes: followed by a number they name a residue ("Ser473")
_RESIDUE = re.compile(r"Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val")
_RESIDUES = frozenset(_RESIDUE.pattern.split("|"))
_NUMBER_AHEAD = re.compile(r"[ -]?\d")
#: (also the first of a slashed set: "Ser/Thr residues", "serine/threonine residues")
_RESIDUE_AFTER = re.compile(r"(?:/(?:Ser|Thr|Tyr|Lys|Arg|Cys|His|Asp|Glu|[a-z]{3,7}ine|aspartate|glutamate))*s?[ -]+residues?\b")


def _ambiguous_alias(lex: Lexicon, raw: str, valid: list[Candidate]) -> Entity:
    """A family-like entity for an alias that several genes share, keyed as written."""
    members = tuple(dict.fromkeys(lex.entity(c.entity) for c in valid if c.rank >= 50))
    return Entity(id=raw, label=raw, type="family", members=members)


_SYMBOL_STEM = re.compile(r"\d+[A-Z]?$")


def _ambiguous_aliases_by_kin(norm: str, hits: list[_Hit]) -> None:
    """An alias several genes share (keyed as written by _ambiguous_alias) names the one of
    them whose symbol stem another gene of the caption shares: "TRAM-TRIF" with TRIF = TICAM1
    makes TRAM TICAM2, not TRAM1."""
    ambiguous = [h for h in hits if len(h.entities) == 1 and h.entities[0].type == "family"
                 and not h.entities[0].xrefs and 1 < len(h.entities[0].members) <= 3
                 and h.entities[0].id == norm[h.start : h.end]]
    if not ambiguous:
        return
    named = {e.id for h in hits for e in h.entities if e.xrefs and e.type == "gene"}
    stems = {_SYMBOL_STEM.sub("", i) for i in named}
    for hit in ambiguous:
        kin = [m for m in hit.entities[0].members if m.id not in named and _SYMBOL_STEM.sub("", m.id) in stems]
        if len(kin) == 1:
            hit.entities = (kin[0],)


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Longest non-overlapping hits, better rank first among equals; sorted by start.

    Hits are cut into runs of mutually overlapping ones (most hits overlap nothing);
    choices in one run never affect another, so the longest-first choice is made per run.
    """
    if len(hits) < 2:
        return list(hits)
    ordered = sorted(hits, key=_by_start)
    out: list[_Hit] = []
    # the current run is `first` alone until a hit overlaps it (no list per lone hit)
    first = ordered[0]
    run: list[_Hit] | None = None
    run_end = first.end
    for hit in islice(ordered, 1, None):
        if hit.start < run_end:
            if run is None:
                run = [first, hit]
            else:
                run.append(hit)
            if hit.end > run_end:
                run_end = hit.end
            continue
        if run is None:
            out.append(first)
        else:
            out.extend(_select_run(run))
            run = None
        first = hit
        run_end = hit.end
    if run is None:
        out.append(first)
    else:
        out.extend(_select_run(run))
    return out


def _select_run(run: list[_Hit]) -> list[_Hit]:
    """Longest-first choice among overlapping hits, returned sorted by start."""
    if len(run) == 2:
        # (the usual run: two hits that overlap each other, the better one stays)
        a, b = run
        if a.start < b.end and b.start < a.end:
            return [a if _longest_first(a) <= _longest_first(b) else b]
    chosen: list[_Hit] = []
    if len(run) <= 16:
        for hit in sorted(run, key=_longest_first):
            start, end = hit.start, hit.end
            if all(end <= c.start or c.end <= start for c in chosen):
                chosen.append(hit)
    else:
        # a long chain of overlaps (machine-made text): mark taken characters, linear time
        base = run[0].start
        taken = bytearray(max(h.end for h in run) - base)
        for hit in sorted(run, key=_longest_first):
            start, end = hit.start - base, hit.end - base
            if taken.find(1, start, end) == -1:
                chosen.append(hit)
                taken[start:end] = b"\x01" * (end - start)
    chosen.sort(key=_by_start)
    return chosen


def _longest_first(hit: _Hit) -> tuple[int, bool, int, int]:
    # among equally long hits a name as written beats the plural of a shorter one
    # ("Gαs" is G_s_alpha, not the plural of "Gα"), also when the name is itself a plural
    # ("AMPs" is listed for antimicrobial peptides: not the plural of the nucleotide AMP)
    return (hit.start - hit.end, "plural" in hit.modifiers and not hit.listed, hit.rank, hit.start)


_by_start = attrgetter("start")


def _as_written_first(lex: Lexicon, norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Two scan hits of one span that tie in rank for different entities (one from each
    automaton: "TRIF" is TICAM1's alias as written and TRIM69's "Trif"): the entity whose name
    is spelled as written goes first, so _select keeps it (the tie rule of _ground)."""
    seen: dict[tuple[int, int], _Hit] = {}
    ties = []
    for hit in hits:
        key = (hit.start, hit.end)
        other = seen.setdefault(key, hit)
        if other is not hit and other.rank == hit.rank and other.entities != hit.entities and not hit.modifiers:
            ties.append((other, hit))
    if not ties:
        return hits
    for first, second in ties:
        raw = norm[first.start : first.end]
        written = _as_written(_valid(lex.lookup(raw), normalise(raw)), raw)
        if written is not None and lex.entity(written.entity) == second.entities[0] != first.entities[0]:
            hits.remove(first)  # (the other one stays; _select keeps the first of equals)
    return hits




def _lookup(lex: Lexicon, surface: str) -> Entity | None:
    """Ground a whole surface form through the lexicon (exact key, case rules applied)."""
    memo = lex.memo.setdefault("lookup", {})
    if surface in memo:
        return memo[surface]
    cands = lex.lookup(surface)
    cand = None
    if cands:  # (most surfaces tried name nothing: no candidate to check against the written form)
        raw = normalise(surface)
        valid = _valid(cands, raw)
        # ("RSK2" of "RSK1/2" is RPS6KA3, "rSK2" KCNN2)
        cand = (_as_written(valid, raw) or valid[0]) if valid else None
    entity = None if cand is None else lex.entity(cand.entity)
    if len(memo) > 50_000:
        memo.clear()
    memo[surface] = entity
    return entity


_NOT_MORE = r"(?![\w/-]|\.\d)"
_REPEATED_NUMBER = re.compile(r"(\d{1,2})(?![\w/-]|\.\d)")
_LIST_TAIL = re.compile(
    rf"(?:\s*,\s*-?(\d{{1,2}}))*(?:\s*,?\s*(?:and|or|&)\s*-?(\d{{1,2}})){_NOT_MORE}"
    # (a slash list may be joined to a next name: "CDK4/6-cyclin D", "SMAD2/3-SMAD4")
    rf"|/(\d{{1,2}}(?:/\d{{1,2}})*)(?![\w/]|-\d|\.\d)|-(\d{{1,2}}){_NOT_MORE}"
)


#: what a _LIST_TAIL (or the "-" of a range that repeats the name) opens with, and what its
#: first part after spaces opens with
_LIST_OPENERS = frozenset("/-,&ao")
_LIST_OPENERS_AFTER_SPACE = frozenset(",&ao")


def _may_list_numbers(norm: str, end: int) -> bool:
    """False when no list or range of numbers can follow a name ending at `end`: _LIST_TAIL
    opens with "/" or "-", or with "," "&" "and" "or" after spaces (\\s, which str.isspace and
    str.lstrip agree with); True when it may (the regex then decides)."""
    first = norm[end : end + 1]
    if first in _LIST_OPENERS:
        return True
    if not first.isspace():
        return False  # (also at the end of the text)
    rest = norm[end : end + 64].lstrip()
    return not rest or rest[0] in _LIST_OPENERS_AFTER_SPACE


def _expand_numbers(lex: Lexicon, norm: str, hits: list[_Hit]) -> bool:
    """SMAD2/3, IFNA1-21, "JAK1, 2 and 3": add the numbered siblings to the same mention.

    Returns True when a mention grew (it may now overlap the next one).
    """
    grew = False
    for hit in hits:
        if len(hit.entities) != 1 or hit.entities[0].type not in ("gene", "rna") or not norm[hit.end - 1].isdecimal():
            continue  # (a name that does not end in a number has no numbered siblings)
        if "plural" in hit.modifiers or not _may_list_numbers(norm, hit.end):
            continue  # (the usual numbered name: nothing after it opens a list or a range)
        surface = norm[hit.start : hit.end]
        head = _DIGITS_END.match(surface)
        if not head:
            continue
        base, first = head.group(1), int(head.group(2))
        tail = _LIST_TAIL.match(norm, hit.end)
        if not tail:
            # "Wsc1-Wsc3": a range that repeats the name
            if not norm.startswith(f"-{base}", hit.end):
                continue
            again = _REPEATED_NUMBER.match(norm, hit.end + 1 + len(base))
            if not again:
                continue
            tail = _LIST_TAIL.match(f"-{again.group(1)}")  # read as the range "-3"
            if not tail:
                continue
            tail_end = again.end()
        else:
            tail_end = tail.end()
        numbers: list[int] = []
        if tail.group(3):  # slash form
            numbers = [int(x) for x in tail.group(3).split("/")]
        elif tail.group(4):  # range form: only upward and short
            last = int(tail.group(4))
            if not first < last <= first + 40:
                continue
            numbers = list(range(first + 1, last + 1))
            # a range names a gene series (IFNA1-21) only when most numbers are genes;
            # "ATG5-12" is a conjugate of two proteins
            found = sum(1 for num in numbers if (e := _lookup(lex, f"{base}{num}")) is not None
                        and e.id.upper() == f"{base}{num}".upper().replace("-", ""))
            if found * 2 < len(numbers) and not (hit.source == "symbol-shape" and last - first <= 5):
                continue
        else:
            numbers = [int(x) for x in re.findall(r"\d+", tail.group(0))]
        derived = hit.source == "symbol-shape"
        siblings = []
        for num in numbers:
            # a symbol of another species ("Wsc1-3") has siblings named the same way
            ent = Entity(id=f"{base}{num}", label=f"{base}{num}", type="gene") if derived else _lookup(lex, f"{base}{num}")
            if ent is not None and ent.type in ("gene", "rna"):
                siblings.append(ent)
            elif not tail.group(4) or num == numbers[-1]:
                # lists and slashes must all resolve; a range may skip absent numbers (IFNA3)
                siblings = []
                break
        if siblings:
            hit.entities = tuple(dict.fromkeys(hit.entities + tuple(siblings)))
            hit.end = tail_end
            grew = True
            # TSC1/2: numbered subunits that together are a FamPlex complex name the complex
            # (a family, LATS1/2, stays its genes)
            whole = _lookup(lex, base.rstrip(" -"))
            if whole is not None and whole.type == "complex" and {m.id for m in whole.members} == {e.id for e in hit.entities}:
                hit.entities = (whole,)
    return grew


_GREEK_RUN = "alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu"
#: "/b", "/beta", "/5a", "/2alpha", "/alpha2", "/11" after a symbol: its siblings' suffixes
_SUFFIX_TAIL = re.compile(rf"(?:/(?:\d{{1,2}}(?:{_GREEK_RUN}|[A-Za-z])?|(?:{_GREEK_RUN})\d?|[A-Za-z]))+(?![\w/-])")
#: the suffix a sibling replaces at the end of the written symbol, by the sibling's shape:
#: "5a/b" a letter, "3alpha/beta" a Greek letter, "1alpha/2alpha" a number (and what follows)
_LAST_SUFFIX = {
    "letter": re.compile(r"(?<=[0-9-])[A-Za-z]$|(?<=\d)[A-Za-z]$"),
    "greek": re.compile(rf"(?:{_GREEK_RUN})\d?$"),
    "number": re.compile(rf"\d{{1,2}}(?:{_GREEK_RUN}|[A-Za-z])?$"),
}
_ANY_SUFFIX = re.compile(rf"(?:{_GREEK_RUN}|[A-Za-z])$")  # "Galphaq/11": G alpha 11
_GREEK_START = re.compile(rf"(?:{_GREEK_RUN})")
_PHOSPHO_START = re.compile(r"phospho(?:rylated)?-|p-|p(?=[A-Z])")


def _expand_slash_suffixes(lex: Lexicon, norm: str, hits: list[_Hit]) -> bool:
    """"IKKα/β", "STAT5a/b", "HIF-1α/2α", "Wnt3a/5a", "Gαq/11", "IL-17A/F": the siblings a slash
    names by their suffix join the mention (every one must be a gene or family). Returns True
    when a mention grew."""
    if "/" not in norm:
        return False
    starts: set[int] | None = None  # (made for the first suffix tail; no start moves below)
    grew = False
    for hit in hits:
        if len(hit.entities) != 1 or hit.entities[0].type not in ("gene", "family") or "plural" in hit.modifiers \
                or not norm.startswith("/", hit.end):
            continue  # (a suffix tail opens with its slash: no regex for the usual name)
        tail = _SUFFIX_TAIL.match(norm, hit.end)
        if tail is None:
            continue
        if starts is None:
            starts = {h.start for h in hits}
        if hit.end + 1 in starts:
            continue
        surface = norm[hit.start : hit.end]
        if "phospho" in hit.modifiers:
            prefix = _PHOSPHO_START.match(surface)
            surface = surface[prefix.end() :] if prefix else surface
        siblings = []
        for suffix in tail.group().split("/")[1:]:
            shape = "number" if suffix[0].isdigit() else "greek" if _GREEK_START.match(suffix) else "letter"
            sibling = None
            for pattern in (_LAST_SUFFIX[shape], _ANY_SUFFIX):
                last = pattern.search(surface)
                if last is not None and last.start() > 0:
                    sibling = _lookup(lex, surface[: last.start()] + suffix)
                    if sibling is not None:
                        break
            if sibling is None or sibling.type not in ("gene", "family") or sibling in hit.entities:
                siblings = []
                break
            siblings.append(sibling)
        if siblings:
            hit.entities = tuple(dict.fromkeys(hit.entities + tuple(siblings)))
            hit.end = tail.end()
            grew = True
    return grew


#: "caspase (-3, -6, -7)", "caspase-3, -6, and -7" written after a family name
_PAREN_LIST = re.compile(r"[ ]?\(\s*-(\d{1,2})((?:\s*,\s*-\d{1,2})*(?:\s*,?\s*(?:and|or)\s*-\d{1,2})?)\s*\)")


def _expand_paren_lists(lex: Lexicon, norm: str, hits: list[_Hit]) -> bool:
    """"executioner caspase (-3, -6, -7)": a family name with a list of member numbers names
    those members (each "<name>-<number>" must be a gene). Returns True when a mention grew."""
    grew = False
    for hit in hits:
        if len(hit.entities) != 1 or hit.entities[0].type not in ("family", "gene"):
            continue
        match = _PAREN_LIST.match(norm, hit.end)
        if not match:
            continue
        base = norm[hit.start : hit.end]
        if hit.modifiers:
            base = base.rstrip("s") if "plural" in hit.modifiers else base
        numbers = [match.group(1)] + re.findall(r"\d+", match.group(2))
        members = [_lookup(lex, f"{base}-{num}") for num in numbers]
        if all(m is not None and m.type == "gene" for m in members):
            hit.entities = tuple(dict.fromkeys(members))
            hit.end = match.end()
            grew = True
    return grew


_SLASH_FAMILY = re.compile(r"[A-Za-z]+\d+(?:_\d+)+")


def _expand_slash_families(norm: str, hits: list[_Hit]) -> None:
    """SMAD2/3 -> SMAD2 + SMAD3: FamPlex ids made only to group a slash form are expanded.

    Real family names (ERK1/2 -> ERK, TSC1/2 -> TSC) stay families.
    """
    if "/" not in norm:
        return
    for hit in hits:
        if len(hit.entities) == 1 and "/" in norm[hit.start : hit.end]:
            ent = hit.entities[0]
            if ent.members and _SLASH_FAMILY.fullmatch(ent.id):
                hit.entities = ent.members


_SLASH_PARTNER = re.compile(r"/([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9])(?![\w/])")


def _absorb_unknown_partners(norm: str, hits: list[_Hit]) -> None:
    """"FRS2/SNT": an unrecognised symbol written after a gene with a slash is its other name."""
    if "/" not in norm:
        return
    for i, hit in enumerate(hits):
        if not norm.startswith("/", hit.end) or len(hit.entities) != 1 \
                or hit.entities[0].type not in ("gene", "family", "complex"):
            continue
        match = _SLASH_PARTNER.match(norm, hit.end)
        # (the partner must not reach into the next mention: "STAT3/STAT3p-STAT3")
        if match and (i + 1 == len(hits) or hits[i + 1].start >= match.end()) \
                and sum(c.isupper() for c in match.group(1)) >= 2:
            hit.end = match.end()


_SLASH_PARTNER_AFTER = re.compile(r"/\w")  # "A/B/C" is a chain or list, not a name and its ortholog


def _merge_slash_synonyms(lex: Lexicon, norm: str, hits: list[_Hit]) -> list[_Hit]:
    """"FRS2/SNT", "ZIP/p62": two names of the same entity joined by a slash are one mention.

    An ambiguous name takes the reading its partner confirms (ZIP alone is DAPK3; ZIP/p62
    is SQSTM1, which p62 names too).
    """
    if "/" not in norm:
        return hits
    out: list[_Hit] = []
    orthologs: dict[str, tuple[Entity, ...]] = {}
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and norm[prev.end : hit.start] == "/" and len(prev.entities) == len(hit.entities) == 1:
            same = prev.entities == hit.entities
            if not same:
                first, second = lex.index_of(prev.entities[0].id), lex.index_of(hit.entities[0].id)
                if first is not None and first in hit.alternatives:
                    same = True
                elif second is not None and second in prev.alternatives:
                    prev.entities = hit.entities
                    same = True
                elif min(prev.rank, hit.rank) <= 30 and 50 <= max(prev.rank, hit.rank) < 90 and not (
                    prev.modifiers or hit.modifiers
                ) and (prev if prev.rank >= 50 else hit).alternatives:
                    # "ZIP/p62": a mere alias that names several genes, written with a firm name,
                    # is its synonym (an alias of one gene names that gene: "ADAM10/TACE")
                    if prev.rank >= 50:
                        prev.entities = hit.entities
                    same = True
                elif _other_species_gene(prev.entities[0]) and _human_side(hit.entities[0]) and not (
                        hit.modifiers or _SLASH_PARTNER_AFTER.match(norm, hit.end)
                        or (prev.start and norm[prev.start - 1] == "/")):
                    # (the ortholog is a human gene or family: "Dorsal/Dif/Relish" is a list)
                    # "LIN-12/Notch", "DAF-16/FOXO": a gene of another species written with its
                    # human ortholog is one node, keyed as written; the caption's later "Notch"
                    # ("the Notch intracellular domain (NICD)") is that gene too
                    same = True
                    orthologs.setdefault(hit.entities[0].id, prev.entities)
                elif _other_species_gene(hit.entities[0]) and _human_side(prev.entities[0]) and not (
                        prev.modifiers or hit.modifiers or _SLASH_PARTNER_AFTER.match(norm, hit.end)
                        or (prev.start and norm[prev.start - 1] == "/")):
                    # "GLI/Ci": the human gene first, its ortholog of another species after it:
                    # one node keyed by the human name, and the other species' name anywhere else
                    # in the caption ("Cubitus interruptus") is that node too
                    same = True
                    orthologs.setdefault(hit.entities[0].id, prev.entities)
            if same:
                prev.end = hit.end
                prev.modifiers |= hit.modifiers
                continue
        out.append(hit)
    _name_orthologs(out, orthologs)
    return out


def _other_species_gene(entity: Entity) -> bool:
    """A gene without HGNC grounding: one of another species, named as written ("LIN-12", "Ci")."""
    return entity.type == "gene" and not entity.xrefs


def _human_side(entity: Entity) -> bool:
    """A grounded human gene or a curated family ("Notch", "Presenilin"): what an ortholog of
    another species written beside it ("LIN-12/Notch", "Patched (PTCH1)") stands for."""
    return entity.type in ("gene", "family") and bool(entity.xrefs or entity.members)


def _name_orthologs(hits: list[_Hit], orthologs: dict[str, tuple[Entity, ...]]) -> None:
    """Give every single-entity hit whose entity id is a key of `orthologs` the entities it maps to
    (the ortholog's node, wherever the caption names it again)."""
    if orthologs:
        for hit in hits:
            if len(hit.entities) == 1 and hit.entities[0].id in orthologs:
                hit.entities = orthologs[hit.entities[0].id]


#: head words of a long form -> entity type for abbreviations the lexicon does not know
_TYPE_BY_HEAD = (
    # (first: "cellular inhibitor of apoptosis" is a protein, whatever it inhibits)
    (re.compile(r"\binhibitors? of [a-z ]+(?:[\s-]*\d+)?$", re.I), "gene"),
    (re.compile(r"(?:pathway|cycle|signall?ing|response|death|stress|immunity|resistance|"
                r"apoptosis|transition|repair|recombination|joining|methylation|acetylation|"
                r"[a-z]+(?:sis|tion|ing|ism|ence|ance|ity))$", re.I), "process"),
    (re.compile(r"(?:(?:ase|ases|protein|proteins|factor|factors|receptor|receptors|kinase|"
                r"ligand|carrier|transporter|channel|enzyme|subunit|domain|regulator|chemokine|"
                r"oncogenes?|homologu?e?s?|transducer|"  # ("glioma-associated oncogene (GLI)")
                r"chemoattractant)(?:[\s-]*\d+[a-z]?(?:alpha|beta|gamma|delta|kappa)?)?"
                r"|[0-9]+[a-z]?)$", re.I), "gene"),
    (re.compile(r"(?:membrane|reticulum|nucleus|cytoplasm|mitochondria|zone|compartment|"
                r"cells?|complex|machinery|genes)$", re.I), "group"),
)
#: a long form written in capitals is a gene name (plant genes are named so: "TOPLESS (TPL)",
#: "SCARECROW (SCR)"), unless its head is a chemical word ("ABSCISIC ACID")
_CHEMICAL_END = re.compile(r"(?:acid|ine|ide|ate|ol|one|ose|in)$", re.I)


def _firm_alone(lex: Lexicon, short: str) -> Entity | None:
    """The entity a short form names by a firm name (curated, symbol, FamPlex), or None."""
    memo = lex.memo.setdefault("firm", {})
    if short not in memo:
        firm = [c for c in _valid(lex.lookup(short), normalise(short)) if 0 < c.rank < 40]
        if len(memo) > 50_000:
            memo.clear()
        memo[short] = lex.entity(firm[0].entity) if firm else None
    return memo[short]


@lru_cache(maxsize=8192)
def _guess_type(long: str) -> str:
    """Entity type for an unknown abbreviation from the head (last) word of its long form."""
    tail = long.strip()[-40:]
    for pattern, etype in _TYPE_BY_HEAD:
        if pattern.search(tail):
            return etype
    if long.isupper() and sum(c.isalpha() for c in long) > 3 and not _CHEMICAL_END.search(tail):
        return "gene"
    return "chemical"


def _is_blocked(norm: str, hit: _Hit, blocked: set[str]) -> bool:
    """True when `hit` is exactly a blocked short form as written (or its plural)."""
    written = norm[hit.start : hit.end]
    return written in blocked or (written.endswith("s") and written[:-1] in blocked)


def _named_after(long_hit: _Hit, short_hit: _Hit, short: str, long: str) -> bool:
    """True when a gene symbol is defined by one process word that it opens ("GLI/Ci
    (glioblastoma/Cubitus interruptus)"): that word is what the gene was named after, while an
    abbreviation of a disease takes letters from across its words ("GBM, glioblastoma",
    "AD, Alzheimer's disease")."""
    word = long.strip()
    return (len(short) >= 3 and " " not in word and word.lower().startswith(short.lower()) and short_hit.entities[0].type in _GENE_TYPES
            and all(e.type == "process" for e in long_hit.entities))


def _event_of_named(long: str, long_start: int, hits: list[_Hit], entities: tuple[Entity, ...]) -> bool:
    """True when a long form describes an event on a named entity ("phosphorylation of CREB"
    for pCREB): the named entity keeps its own mention, so the event noun stays free for the
    relation rules ("X leads to the phosphorylation of CREB" is X phosphorylates CREB)."""
    first, _, rest = long.partition(" ")
    if not (first.endswith("ion") and rest.startswith("of ")):
        return False
    inner = long_start + len(first) + 4
    end = long_start + len(long)
    ids = [e.id for e in entities]
    return any(inner <= h.start and h.end <= end and [e.id for e in h.entities] == ids for h in hits)


#: the source of a hit that only spells out a prefix in a legend; recognize() drops such hits last
_PREFIX_LEGEND = "prefix-legend"


def _prefix_legend_items(norm: str, hits: list[_Hit], definitions: list[Definition]) -> list[Definition]:
    """Legend items ("IL, interleukin"; "MHC, major histocompatibility complex"; "LDH = lactate
    dehydrogenase") whose short form the caption writes only inside longer names ("IL-6",
    "MHC II", "LDH-A"): the legend spells out a prefix, it names no node of its own. A short form
    the caption never writes elsewhere still defines a node (the figure shows it)."""
    out = []
    longest_from: dict[int, int] = {}  # start -> end of the longest hit there
    for d in definitions:
        if d.short[1] > d.long[0] or not d.entity:
            continue  # (an inline "long form (SHORT)" is written where it is used)
        if not longest_from:
            for h in hits:
                if h.end > longest_from.get(h.start, -1):
                    longest_from[h.start] = h.end
        short = norm[d.short[0] : d.short[1]]
        inside = alone = False
        at = norm.find(short)
        while at >= 0 and not alone:
            end = at + len(short)
            if at != d.short[0] and (at == 0 or not norm[at - 1].isalnum()):
                # (a longer name that opens with it and goes on past a hyphen or space holds it:
                # "IL-6", "MHC II"; a name that ends with it, "acetyl-CoA" for "CoA, coenzyme A",
                # and a member glued to it, "ARF10" for "ARF, auxin response factor", use it)
                if longest_from.get(at, -1) > end and norm[end] in "- ":
                    inside = True
                else:
                    alone = True
            at = norm.find(short, end)
        if inside and not alone:
            out.append(d)
    return out


def _abbreviations(lex: Lexicon, norm: str, hits: list[_Hit], definitions: list[Definition]) -> list[_Hit]:
    """Make each defined short form and its long form name one entity everywhere in the text."""
    if not definitions:
        return hits
    by_span = {(h.start, h.end): h for h in hits}
    extra: list[_Hit] = []
    short_map: dict[str, tuple[Entity, ...]] = {}
    # short forms of cell types, zones, domains ("distal stem cells (DSC)"): no entity, even
    # where the lexicon knows the letters as a gene symbol (DSC3)
    blocked = {norm[d.short[0] : d.short[1]] for d in definitions if not d.entity}
    if blocked:
        hits = [h for h in hits if not _is_blocked(norm, h, blocked)]
    prefixes = _prefix_legend_items(norm, hits, definitions)
    for d in prefixes:
        # (held by a hit until the end so that no phrase rule reads the span again: "lactate
        # dehydrogenase" is an enzyme phrase too)
        for span in (d.short, d.long):
            if span in by_span:
                by_span[span].source = _PREFIX_LEGEND
            else:
                label = norm[span[0] : span[1]]
                extra.append(_Hit(span[0], span[1], (Entity(id=label, label=label, type="group"),), -1,
                                  source=_PREFIX_LEGEND))
    for d in definitions:
        short = norm[d.short[0] : d.short[1]]
        long = norm[d.long[0] : d.long[1]]
        if not d.entity or short in blocked or d in prefixes:
            continue
        long_hit = by_span.get(d.long)
        short_hit = by_span.get(d.short)
        if long_hit is not None and short_hit is not None and _named_after(long_hit, short_hit, short, long):
            # "GLI (glioblastoma)": a gene symbol spelled from one disease word is the gene
            # named after the disease, not an acronym of it; both forms name the gene
            entities = short_hit.entities
            long_hit.entities = entities
        elif long_hit is not None:
            entities = long_hit.entities
        elif short_hit is not None and (short_hit.rank < 40 or (
                short_hit.entities[0].type in _GENE_TYPES and _guess_type(long) == "gene")):
            # a curated name, an approved symbol or FamPlex; an alias only when the long
            # form names a gene too ("SDF-1" of CXCL12 = "stromal cell-derived factor-1")
            entities = short_hit.entities
        else:
            known = _lookup(lex, long)
            if known is None and short_hit is None:
                # the short form may sit inside a longer hit ("(STAT)3"): ground it alone
                known = _firm_alone(lex, short)
            if known is not None:
                entities = (known,)
            else:
                etype = _guess_type(long)
                label = " ".join(long.split())
                eid = short if etype == "gene" else label.lower()
                entities = (Entity(id=eid, label=label, type=etype),)
        short_map.setdefault(short, entities)
        if long_hit is None and not _event_of_named(long, d.long[0], hits, entities):
            extra.append(_Hit(d.long[0], d.long[1], entities, -1, source="abbreviation"))
    # every written short form (whole word, same case) names the defined entity: one pass
    # over the text with all short forms, longest first
    # (str.find per short form: compiling a regex of this caption's forms costs more)
    n = len(norm)
    for short in sorted(short_map, key=lambda x: (-len(x), x)):
        at = norm.find(short)
        while at >= 0:
            end = at + len(short)
            plural = end < n and norm[end] == "s"
            stop = end + 1 if plural else end
            if (at == 0 or not (norm[at - 1].isalnum() or norm[at - 1] in "_-")) and (
                    stop == n or not (norm[stop].isalnum() or norm[stop] == "_")):
                extra.append(_Hit(at, stop, short_map[short], -1, _PLURAL if plural else _NO_MODIFIERS, source="abbreviation"))
            at = norm.find(short, at + 1)
    # an abbreviation hit replaces lexicon hits of the same span; longer lexicon hits stay
    covered = bytearray(len(norm) + 1)
    for e in extra:
        covered[e.start : e.end] = b"\x01" * (e.end - e.start)
    merged = [h for h in hits if not (covered[h.start] and covered[h.end - 1] and all(covered[h.start : h.end]))]
    return merged + extra


_PAREN_NUMBER = re.compile(r"\(([A-Za-z][A-Za-z0-9-]{0,10})\)-?(\d{1,2})(?![\w/-])")


def _parenthesised_numbers(lex: Lexicon, norm: str) -> list[_Hit]:
    """"Janus kinase (JAK)1", "(STAT)3": a defined short form with a number glued after it."""
    hits = []
    for match in _PAREN_NUMBER.finditer(norm):
        entity = _lookup(lex, match.group(1) + match.group(2))
        if entity is not None and entity.type in ("gene", "rna"):
            hits.append(_Hit(match.start(1), match.end(), (entity,), 10, source="paren-number"))
    return hits


_PAREN_INSIDE = re.compile(r"\(([^()\s]{1,12})\)[ -]([A-Za-z][a-z]+)\b")
#: the rest of a numbered name after its first word, up to its number ("interferon (IFN)
#: regulatory factor 3", "tumor necrosis factor (TNF) receptor-associated factor 6")
_NAME_GOES_ON = re.compile(r"(?:[ -][a-z][a-z-]+){0,2}[ -]\d+[A-Za-z]?\b")
#: first words after the parenthesis that end a definition rather than go on with a name
_NO_NAME_WORDS = frozenset(("and", "or", "is", "are", "was", "were", "in", "of", "to", "the", "which", "that",
                            "with", "by", "as", "on", "at", "for", "from", "via", "through", "into", "can",
                            "may", "also", "then", "has", "have", "its", "their", "both", "but", "not"))
_NO_NAME_ENDINGS = ("ed", "es", "ing", "ly")


def _names_around_parentheses(lex: Lexicon, norm: str) -> list[_Hit]:
    """"mitogen-activated protein (MAP) kinase", "nicotinic (N) receptor": a short form put
    inside a name; the words before it and the word after it name one entity together."""
    hits = []
    n = len(norm)
    rev = ""  # (the reversed caption, made for the first match)
    for match in _PAREN_INSIDE.finditer(norm):
        at = match.start()
        # the starts of the last four words of the 60 characters before: read last first in the
        # reversed caption, where the search stops after them (a word is a run of one character
        # class, the same run backwards)
        rev = rev or norm[::-1]
        starts = [n - word.end() for word in islice(_WORD_SPLIT_SPACE.finditer(rev, n - at, n - max(0, at - 60)), 4)]
        starts.reverse()
        # (a function word or a verb after the parenthesis ends a definition: no name goes on)
        word = match.group(2)
        more = None if word in _NO_NAME_WORDS or word.endswith(_NO_NAME_ENDINGS) else _NAME_GOES_ON.match(norm, match.end())
        for i, first in enumerate(starts):
            if i == 0 and first > 0 and at - 60 > 0 and first == at - 60:
                continue  # a word cut by the look-back window
            name = f"{norm[first:at].strip()} {match.group(2)}"
            # the name may go on for a few words after the first when the short form spells the
            # words before it (an abbreviation put inside a longer name); the longest name wins
            ends = [match.end()]
            if more is not None and _initials_fit(norm[first:at].split(), match.group(1)):
                ends.append(more.end())
            for end in reversed(ends):
                entity = _lookup(lex, name + norm[match.end():end])
                if entity is not None:
                    hits.append(_Hit(first, end, (entity,), 5, source="paren-inside"))
                    break
            if entity is not None:
                break
        else:
            # "messenger RNA (mRNA) stability": the short form and the word after it are the
            # name ("mRNA stability"); the mention starts where the short form's long form does
            # ("TNF receptor-associated factor 6" for "tumor necrosis factor (TNF) receptor-
            # associated factor 6": the words after it too, the longest name first)
            if more is None:
                entity = _lookup(lex, f"{match.group(1)} {match.group(2)}")
                if entity is None:
                    continue
            first = next((first for first in starts if _initials_fit(norm[first:at].split(), match.group(1))), None)
            if first is not None:
                ends = [match.end()] if more is None else [match.end(), more.end()]
                for end in reversed(ends):
                    entity = _lookup(lex, f"{match.group(1)} {match.group(2)}{norm[match.end():end]}")
                    if entity is not None:
                        hits.append(_Hit(first, end, (entity,), 5, source="paren-inside"))
                        break
    return hits


def _initials_fit(words: list[str], short: str) -> bool:
    """Whether `short` spells the long form `words`: it opens with the first word's initial and
    holds every word's initial in order ("mRNA" for "messenger RNA", not for "mediates
    messenger RNA")."""
    letters = short.lower()
    if not words or not letters or words[0][0].lower() != letters[0]:
        return False
    at = 1
    for word in words[1:]:
        at = letters.find(word[0].lower(), at)
        if at < 0:
            return False
        at += 1
    return True


_WORD_SPLIT_SPACE = re.compile(r"[^\s()]+")
#: "ligand- and voltage-gated ion channels", "pro- and anti-inflammatory cytokines"
_SUSPENDED_HYPHEN = re.compile(r"(?<![\w-])([A-Za-z0-9]+)-\s+(?:and|or)\s+([A-Za-z0-9]+)-([A-Za-z]+(?:[ -][A-Za-z]+){0,3})")


def _suspended_hyphens(lex: Lexicon, norm: str) -> list[_Hit]:
    """"ligand- and voltage-gated ion channels": both "ligand-gated ion channels" and
    "voltage-gated ion channels" are named (one mention, one entity per complete name)."""
    hits = []
    for match in _SUSPENDED_HYPHEN.finditer(norm):
        words = _WORD_SPLIT_SPACE.findall(match.group(3).replace("-", " - "))
        # the longest tail that completes the second word to a known name
        for n in range(len(words), 0, -1):
            tail = " ".join(words[:n]).replace(" - ", "-")
            second = _lookup(lex, f"{match.group(2)}-{tail}")
            first = _lookup(lex, f"{match.group(1)}-{tail}")
            if first is not None:
                entities = (first,) if second is None or second == first else (first, second)
                end = match.start(3) + len(tail)
                hits.append(_Hit(match.start(), end, entities, 5, source="suspended-hyphen"))
                break
    return hits


_GENE_SET_WORDS = ("target", "responsive", "response", "dependent", "regulated", "inducible")
#: (a following "expression" / "transcription" is the set's too: "Wnt target gene expression" is
#: the expression of the Wnt target genes, as the group "target gene expression" is in groups.yaml)
#: ("Hh pathway target genes", "Notch signaling target genes": the pathway's set, not the ligand)
_GENES_AFTER = re.compile(r"[ -]?(?:(?:signaling|signalling)\s+)?(?:pathway\s+)?"
                          r"(target|responsive|response|dependent|regulated|inducible)\s+genes?\b"
                          r"(\s+(?:expression|transcription)\b)?", re.I)
#: every character that _GENES_AFTER's words may open with (re.I also folds "ı" and "İ" to "i")
_GENE_SET_INITIALS = frozenset("tTrRdDiIsSpP\u0131\u0130")
#: examples named right after a gene set ("NF-kB target genes such as IL6"): the set is no node,
#: the relation rules read each example as a gene its regulator expresses
_EXAMPLES_AFTER = re.compile(r",?\s+(?:such\s+as|including|like|e\.g\.,?)\s+(?:the\s+)?(?=\S)", re.I)


def _gene_sets(text: Text, hits: list[_Hit], low_words: frozenset[str]) -> list[_Hit]:
    """"NF-kB target genes", "STAT-responsive genes", "auxin response genes": a gene set named after
    its regulator
    (`low_words`: the _GATE_WORDS_LOW in text.norm.lower())."""
    norm = text.norm
    if low_words.isdisjoint(_GENE_SET_WORDS):
        return []  # (the usual case: no "target/responsive/... gene" anywhere)
    out = []
    starts = {hit.start for hit in hits}
    for hit in hits:
        # (the word after the name, past one space or hyphen, must open as one of
        # _GENE_SET_WORDS does, in any case: no regex for the usual name)
        first = norm[hit.end : hit.end + 1]
        if first == " " or first == "-":
            first = norm[hit.end + 1 : hit.end + 2]
        if first not in _GENE_SET_INITIALS:
            continue
        match = _GENES_AFTER.match(norm, hit.end)
        if match and len(hit.entities) == 1:
            examples = _EXAMPLES_AFTER.match(norm, match.end())
            if examples is not None and examples.end() in starts:
                continue
            label = text.original[text.to_original(hit.start) : text.to_original(match.end())]
            label = " ".join(label.split())
            key = label.lower()
            if match.group(2):  # (the set the expression is of: "wnt target genes")
                key = " ".join(text.original[text.to_original(hit.start) : text.to_original(match.start(2))].split()).lower()
                key = key if key.endswith("s") else key + "s"
            entity = Entity(id=key, label=label, type="group")
            out.append(_Hit(hit.start, match.end(), (entity,), 0, source="gene-set"))
    return out


#: shapes of gene symbols of other species that no human lexicon lists, each a whole word
#: (no word character or hyphen before it; "Wsc1-3", "Wsc1-Wsc3" are ranges): yeast/fly "Cdc24",
#: "Toll9"; plant "COI1", "ARF10"; bacterial "PqsR", "AmpC"; worm "LIN-12" (these open with a
#: capital), and bacterial "flhDC" (three lowercase letters before its capitals).
#: Every shape has a capital among its first four letters, and capitals are few: the pattern
#: starts at that capital (the regex engine skips to the next one in C) and checks what comes
#: before it with a look-behind, a third of the work of trying the shapes at every character.
#: A "flhDC" match therefore starts at its capital, three letters after the word (see
#: _symbol_shapes). (The "flhDC" branch first checks the one letter before the capital, which
#: its three-letter look-behind implies: most capitals fail there, a tenth less work.)
_SYMBOL_SHAPE = re.compile(
    r"[A-Z](?:(?<![\w-].)(?:[a-z]{1,3}\d{1,3}[a-z]?|[A-Z]{1,4}\d{1,3}[A-Z]?|[a-z]{2}[A-Z]{1,2}|[A-Z]{2,3}-\d{1,2})"
    r"|(?<=[a-z].)(?<=(?<![\w-])[a-z]{3}.)[A-Z]?)(?![\w]|-[a-z])"
)


def _symbol_shapes(norm: str) -> list[tuple[int, int]]:
    """(start, end) of every word of `norm` shaped like a gene symbol (_SYMBOL_SHAPE), in order."""
    out = []
    for match in _SYMBOL_SHAPE.finditer(norm):
        start, end = match.span()
        if start and "a" <= norm[start - 1] <= "z":
            start -= 3  # ("flhDC": the match starts at the capital after the three letters)
        out.append((start, end))
    return out


def _unknown_symbols(lex: Lexicon, norm: str, hits: list[_Hit], taken: bytearray) -> list[_Hit]:
    """Symbol-shaped words the lexicon does not know become genes named as written
    (`taken` marks the characters of `hits`)."""
    by_start = {h.start: h for h in hits}
    starts = [h.start for h in hits]
    out = []
    for start, end in _symbol_shapes(norm):
        word = norm[start:end]
        if word in lex.not_symbols or word[:3] in _RESIDUES:
            continue  # (Ser473, Thr308 are residues: _RESIDUE matches the first three letters)
        if taken[start]:
            first = by_start.get(start)
            if first is not None and (first.end >= end or first.rank < 50):
                continue  # the usual case: the lexicon already has this word
            # a longer symbol may replace a mere alias inside it ("APX-1" is not APX)
            # hits are sorted and disjoint: the ones overlapping the word sit together
            k = bisect_right(starts, end - 1)
            inside = []
            while k > 0 and hits[k - 1].end > start:
                inside.append(hits[k - 1])
                k -= 1
            if not inside or any(h.rank < 50 or h.start < start or h.end > end for h in inside) \
                    or all(h.end == end for h in inside):
                continue
        out.append(_Hit(start, end, (Entity(id=word, label=word, type="gene"),), 90, source="symbol-shape"))
    return out


def _parenthesised_synonyms(norm: str, hits: list[_Hit]) -> None:
    """"Ascl1 (Mash1)": a symbol the lexicon does not know, in parentheses right after a gene,
    is another name of that gene, here and wherever the caption writes it again; "ATG8 (LC3)":
    a name grounded only by a mere alias, with a firm name in parentheses after it, is that one;
    a chemical spelled out before its symbol ("nicotinamide adenine dinucleotide (NADH)") is the
    chemical of the symbol."""
    synonyms: dict[str, tuple[Entity, ...]] = {}
    orthologs: dict[str, tuple[Entity, ...]] = {}
    for prev, hit in zip(hits, hits[1:]):
        if len(prev.entities) != 1 or norm[prev.end : hit.start] != " (" or not norm.startswith(")", hit.end):
            continue
        if hit.source == "symbol-shape" and prev.entities[0].type == "gene" and prev.entities[0].xrefs:
            synonyms.setdefault(norm[hit.start : hit.end], prev.entities)
        elif prev.source == "lexicon" and prev.rank >= 50 and hit.rank < 40 and not prev.modifiers \
                and len(hit.entities) == 1 and hit.entities[0].type in ("gene", "family") \
                and prev.entities[0].type == "gene":
            prev.entities = hit.entities
        elif (prev.entities[0].type == "process" and len(hit.entities) == 1 and hit.entities[0].type == "process"
              and " " in norm[prev.start : prev.end] and " " not in norm[hit.start : hit.end]):
            # "inflammatory cell death (pyroptosis)": a one-word process in parentheses after a
            # described one is its name (not "apoptosis (programmed cell death)", the other way)
            prev.entities = hit.entities
        elif (prev.entities[0].type == "chemical" and len(hit.entities) == 1 and hit.entities[0].type == "chemical"
              and " " in norm[prev.start : prev.end] and " " not in norm[hit.start : hit.end]
              and not hit.modifiers and not prev.modifiers):
            # "nicotinamide adenine dinucleotide (NADH)": the symbol the caption goes on to use
            # names the chemical it spells out (the reduced form, not NAD+)
            prev.entities = hit.entities
        elif _other_species_gene(prev.entities[0]) and not prev.modifiers \
                and len(hit.entities) == 1 and _human_side(hit.entities[0]) and not hit.modifiers:
            # "Patched (PTCH1)": a gene of another species with its human ortholog in parentheses
            # is that gene, here and wherever the caption names it again (as "LIN-12/Notch")
            orthologs.setdefault(prev.entities[0].id, hit.entities)
    if synonyms:
        for hit in hits:
            if hit.source == "symbol-shape" and norm[hit.start : hit.end] in synonyms:
                hit.entities = synonyms[norm[hit.start : hit.end]]
    _name_orthologs(hits, orthologs)


_CASED_WORD = re.compile(r"[A-Za-z]?[a-z]+")
#: per phrase rules: one automaton of their chemical stems and head words, and each pattern's
#: roles (a chemical stem?, head type "process" / "group" or "")
_PHRASE_AUTOMATA: dict[int, tuple[PhraseRules, ahocorasick_rs.AhoCorasick | None, list[tuple[bool, str]]]] = {}


def _phrase_words(rules: PhraseRules, low: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """One automaton pass over `low` (the lowercased caption) for the words phrases.yaml lists:
    (the end of every chemical stem match, by end; (start, end, type) of every process or group
    head match). _stem_chemicals and _phrase_heads read them."""
    cached = _PHRASE_AUTOMATA.get(id(rules))
    if cached is None or cached[0] is not rules:
        kinds = {head: "process" for head in rules.heads if head}
        kinds.update((head, "group") for head in rules.group_heads if head)  # (a group head wins)
        roles = {word: (False, kind) for word, kind in kinds.items()}
        roles.update((stem, (True, kinds.get(stem, ""))) for stem in rules.chemical_suffixes if stem)
        # (ahocorasick_rs: every overlapping match with its start, by end, in one call)
        automaton = ahocorasick_rs.AhoCorasick(list(roles)) if roles else None
        cached = _PHRASE_AUTOMATA[id(rules)] = (rules, automaton, list(roles.values()))
    automaton, roles = cached[1], cached[2]
    stem_ends: list[int] = []
    heads: list[tuple[int, int, str]] = []
    if automaton is not None:
        for index, start, end in _all_matches(automaton, low):
            stem, kind = roles[index]
            if stem:
                stem_ends.append(end)
            if kind:
                heads.append((start, end, kind))
    return stem_ends, heads


def _stem_chemicals(rules: PhraseRules, norm: str, low: str, stem_ends: list[int], hits: list[_Hit],
                    taken: bytearray) -> list[_Hit]:
    """Unknown words with a drug or natural-product stem ("palbociclib", "pikromycin") are
    chemicals named as written (rules/entities/phrases.yaml: chemical_suffixes).

    `taken` marks the characters of `hits`; `stem_ends` are the ends of the stems in `low`
    (_phrase_words). A word is read back from the stem's end."""
    n = len(norm)
    starts = None
    out = []
    done: set[int] = set()
    for end in stem_ends:
        if end < n and (norm[end].isalnum() or norm[end] in "_-"):
            continue  # the stem does not end the word
        start = end
        while start > 0 and "a" <= low[start - 1] <= "z":
            start -= 1
        if start in done or end - start < rules.min_chemical_word or not _CASED_WORD.fullmatch(norm, start, end):
            continue
        if start > 0 and (norm[start - 1].isalnum() or norm[start - 1] in "_-"):
            continue
        done.add(start)
        word = low[start:end]
        if starts is None:
            starts = {h.start for h in hits}
        if word not in rules.not_chemicals and not taken[start] and start not in starts:
            out.append(_Hit(start, end, (Entity(id=word, label=norm[start:end], type="chemical"),), 90, source="stem"))
    out.sort(key=_by_start)
    return out


_MIRNA = re.compile(r"(?<![\w-])(?:[a-z]{3}-)?(?:mi[Rr]|miRNA|microRNA)-?(\d{1,4})([a-z]?)(?:-(\d))?(?:-[35]p)?(?![\w-])")


def _mirnas(lex: Lexicon, norm: str, taken: bytearray) -> list[_Hit]:
    """"miR-153-5p": a mature microRNA whose gene has several loci (MIR153-1, MIR153-2) and
    no plain HGNC symbol names the first locus; the arm ("-5p") belongs to the mention."""
    hits = []
    for match in _MIRNA.finditer(norm):
        if taken[match.start()] and taken[match.end() - 1]:
            continue
        number, letter, locus = match.group(1), match.group(2).upper(), match.group(3)
        entity = None
        # loci are numbered MIR153-1 or, after a letter, MIR199A1
        firsts = (f"MIR{number}{letter}", f"MIR{number}{letter}1" if letter else f"MIR{number}-1")
        for symbol in ((f"MIR{number}{letter}{locus}" if letter else f"MIR{number}-{locus}",) if locus else firsts):
            entity = lex.by_id(symbol)
            if entity is not None:
                break
        if entity is not None and entity.type == "rna":
            hits.append(_Hit(match.start(), match.end(), (entity,), 8, source="mirna"))
        elif entity is None and not taken[match.start()]:
            # a microRNA HGNC does not list (a plant's miR156, miRNA160) is named as written,
            # as curators key a gene without an HGNC symbol
            word = match.group(0)
            hits.append(_Hit(match.start(), match.end(), (Entity(id=word, label=word, type="rna"),), 90,
                             source="mirna"))
    return hits


def _taken_map(norm: str, hits: list[_Hit]) -> bytearray:
    """1 at every character of `norm` that one of `hits` covers."""
    taken = bytearray(len(norm) + 1)
    for h in hits:
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    return taken


_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'-"
_WORD_FIRST = re.compile(r"[A-Za-z0-9]")


def _word_before_end(norm: str, low: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the word ([A-Za-z0-9][A-Za-z0-9'-]*) that spaces separate from `end`,
    not starting before `low`; None when there is none.

    The same span as searching r"([A-Za-z0-9][A-Za-z0-9'-]*)\\s+$" in norm[low:end] (the
    leftmost start that fits), in three C-level string operations instead of a regex search
    that tries every start of the window (it runs for every modifier of every phrase head).
    """
    stop = low + len(norm[low:end].rstrip())
    if stop == end:
        return None  # no space before `end`
    run = low + len(norm[low:stop].rstrip(_WORD_CHARS))
    first = _WORD_FIRST.search(norm, run, stop)
    return None if first is None else (first.start(), stop)
_GENE_OR_CHEMICAL = frozenset({"gene", "family", "complex", "rna", "chemical"})


def _absorbs(etype: str, inner: _Hit) -> bool:
    """May a phrase of type `etype` take the whole mention `inner` as a modifier?

    An enzyme is named for its substrate ("isocitrate dehydrogenase", "malonyl-CoA
    reductase"); a group for a class or process ("cytokine genes", "transcription factors",
    "stress stimuli"). A gene never becomes a modifier: "STAT3 target genes" are handled
    by _gene_sets and "PD-L1 blockade" is not a process node.
    """
    kind = inner.entities[0].type if len(inner.entities) == 1 else ""
    if etype == "gene":
        return kind == "chemical" and not inner.modifiers
    if etype == "process":
        return kind in ("chemical", "process") and not inner.modifiers
    if etype == "group":
        return kind in ("group", "process") or (kind == "family" and inner.source == "lexicon" and inner.rank >= 20
                                                and not norm_has_digit(inner))
    return False


def norm_has_digit(hit: _Hit) -> bool:
    """True when the mention's entity id has a digit (a numbered gene family, "IL-1")."""
    return any(c.isdigit() for c in hit.entities[0].id)


def _process_phrases(rules: PhraseRules, norm: str, low: str, heads: list[tuple[int, int, str]], hits: list[_Hit],
                     taken: bytearray | None = None) -> list[_Hit]:
    """Noun phrases of a head word and its modifiers (rules/entities/phrases.yaml):
    processes ("male sterility", "Treg cell survival"), groups ("inflammatory cytokine
    genes", "stress stimuli") and enzymes ("isocitrate dehydrogenase", "aconitase").
    `low` is lower_keep_length(norm), `heads` the head words _phrase_words found in it."""
    if not rules.heads and not rules.group_heads and not rules.enzyme_suffixes:
        return []
    found = _phrase_heads(rules, low, heads)
    if not found:
        return []  # (a caption in four holds no head word: no maps of its mentions)
    if taken is None:
        taken = _taken_map(norm, hits)
    process_at: dict[int, _Hit] = {}
    hit_at_end = {h.end: h for h in hits}
    hit_at_start = {h.start: h for h in hits}
    for h in hits:
        if h.entities[0].type == "process":
            process_at[h.end] = h
    out = []
    for head_start, end, etype in found:
        if etype == "process" and _FACTOR_AFTER.match(norm, end):
            continue
        inside = process_at.get(end) if etype == "process" else None
        if taken[head_start] and inside is None:
            continue  # the head word is part of a gene or chemical name
        start = head_start
        words = 0
        while words < rules.max_modifiers:
            before = _word_before_end(norm, max(0, start - 40), start)
            if before is None:
                break
            word = norm[before[0] : before[1]]
            low = word.lower()
            if taken[before[0]] and (inside is None or before[0] < inside.start):
                prior = hit_at_end.get(before[1])
                if prior is not None and _absorbs(etype, prior) and not (
                        etype == "process" and norm[head_start:end].lower() in rules.product_heads):
                    start = prior.start
                    words += 1
                    if etype == "process":
                        break  # "auxin redistribution": the substrate is the whole phrase
                    other = hit_at_end.get(start - 1) if etype == "gene" and norm[start - 1 : start] == "/" else None
                    if other is not None and _absorbs(etype, other):
                        # "succinyl-CoA/malate CoA transferase": an enzyme named for its two
                        # substrates is one enzyme
                        start = other.start
                    continue
                break
            if (low in rules.stop_words or not any(c.isalpha() for c in word)
                    or (not word[0].isalpha() and etype != "gene")
                    or (low.endswith(("ed", "ing", "ly", "-driven")) and not (
                        etype == "group" and "-" in low and not word.islower()))):
                # ("mutation-driven β-lactamase": a participle describes, it names nothing)
                break
            start = before[0]
            words += 1
        if inside is not None and start >= inside.start:
            continue
        if words == 0 and not (etype == "gene" and rules.min_enzyme_word and end - head_start >= rules.min_enzyme_word):
            continue
        if etype == "gene":
            after = end + 1 if norm.startswith(" ", end) else end
            nxt = hit_at_start.get(after)
            if nxt is not None and nxt.entities[0].type in _GENE_TYPES:
                continue  # "hepatic BA synthase CYP7A1": the enzyme phrase only describes the gene
        label = " ".join(norm[start:end].split())
        eid = label.lower()
        if etype == "gene" and eid.endswith("ases"):
            eid = eid[:-1]  # "β-lactamases" and "β-lactamase" are one enzyme node
        out.append(_Hit(start, end, (Entity(id=eid, label=label, type=etype),), 95, source="phrase"))
    return out


#: a second head after a process phrase: ", and activity" / " and differentiation" (lowercase word)
_SHARED_HEAD_AFTER = re.compile(r",? and ([a-z]+)\b(?! of\b)(?!-)")


def _shared_heads(rules: PhraseRules, norm: str, hits: list[_Hit]) -> list[_Hit]:
    """"osteoclast formation and activity": a process head right after a process phrase shares
    its modifiers and names "osteoclast activity" (phrases.yaml shared_heads). Only a word no
    other mention holds."""
    out = []
    starts: set[int] | None = None  # (made for the first shared head: in few captions)
    for hit in hits:
        if hit.entities[0].type != "process" or len(hit.entities) != 1:
            continue
        surface = norm[hit.start : hit.end]
        if " " not in surface or " and " not in norm[hit.end : hit.end + 6]:
            continue
        match = _SHARED_HEAD_AFTER.match(norm, hit.end)
        if match is None or match.group(1) not in rules.shared_heads:
            continue
        if starts is None:
            starts = {h.start for h in hits}
        if match.start(1) in starts:
            continue
        modifiers = surface.rsplit(None, 1)[0]
        label = " ".join(f"{modifiers} {match.group(1)}".split())
        out.append(_Hit(match.start(1), match.end(1), (Entity(id=label.lower(), label=label, type="process"),), 95,
                        source="phrase"))
    return out


def _phrase_heads(rules: PhraseRules, low: str, heads: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, type) of every head word: process and group heads (`heads`, the matches of
    _phrase_words in `low`) that are whole words, and "-ase" enzyme words."""
    n = len(low)
    out = []

    def whole_word(start: int, end: int) -> bool:
        return (start == 0 or not (low[start - 1].isalnum() or low[start - 1] == "-")) and (
            end == n or not (low[end].isalnum() or low[end] == "-"))

    for start, end, kind in heads:
        if whole_word(start, end):
            out.append((start, end, kind))
    for suffix in rules.enzyme_suffixes:
        at = low.find(suffix)
        while at >= 0:
            end = at + len(suffix)
            if end < n and (low[end].isalnum() or low[end] == "-"):
                # (not the end of a word: "increases", "phases"; no walk back over its letters)
                at = low.find(suffix, end)
                continue
            start = at
            floor = max(0, at - 60)  # (no enzyme word is longer: keeps machine-made text linear)
            while start > floor and (low[start - 1].isalpha() or (
                    low[start - 1] == "-" and start > 1 and low[start - 2].isalpha())):
                start -= 1  # (a hyphen between letters joins: "beta-lactamase")
            if whole_word(start, end) and low[start:end] not in rules.not_enzymes \
                    and low[start:end].rsplit("-", 1)[-1] not in rules.not_enzymes:
                out.append((start, end, "gene"))
            at = low.find(suffix, end)
    return sorted(set(out))


# ("growth factor", "the ER stress sensors IRE1 and PERK": the head word describes the noun after it)
_FACTOR_AFTER = re.compile(r"\s+(?:factors?|sensors?|sensing)\b")


# ("EGFR-TKI", "ALK TKIs", "EGFR tyrosine kinase inhibitors": oncology's name for a kinase's drugs)
_INHIBITOR_AFTER = re.compile(
    r"(?:\s*\(([^()]{1,15})\))?[ -]((?:tyrosine[ -]kinase[ -])?inhibitor|antagonist|blocker|blockade|TKI)(s?)\b", re.I)


def _inhibitors(text: Text, hits: list[_Hit], low_words: frozenset[str]) -> list[_Hit]:
    """"JAK2 inhibitor(s)", "Janus kinase 2 (JAK2) inhibitors": a drug named for its target is a
    chemical (keyed in the singular, by the short form when one is given) whose member is the target
    (`low_words`: the _GATE_WORDS_LOW in text.norm.lower())."""
    norm = text.norm
    if "inhibitor" not in low_words and "antagonist" not in low_words and "block" not in low_words \
            and "tki" not in low_words:
        return []
    out = []
    for i, hit in enumerate(hits):
        if len(hit.entities) != 1 or hit.entities[0].type not in _GENE_TYPES:
            continue
        match = _INHIBITOR_AFTER.match(norm, hit.end)
        if match:
            start, members = hit.start, hit.entities
            prev = hits[i - 1] if i else None
            if not match.group(1) and prev is not None and norm[prev.end : hit.start] == "/" \
                    and len(prev.entities) == 1 and prev.entities[0].type in _GENE_TYPES:
                start, members = prev.start, prev.entities + hit.entities  # "PD-1/PD-L1 blockade"
            if match.group(1):
                target = text.original[text.to_original(match.start(1)) : text.to_original(match.end(1))]
            else:
                target = text.original[text.to_original(start) : text.to_original(hit.end)]
            word = text.original[text.to_original(match.start(2)) : text.to_original(match.end(2))]
            label = " ".join(f"{target} {word if word.isupper() else word.lower()}".split())
            entity = Entity(id=label, label=label, type="chemical", members=members)
            out.append(_Hit(start, match.end(), (entity,), 0, source="inhibitor"))
    return out


#: text between a class-named inhibitor and the drug that it names, in either order: "an IL-6
#: inhibitor, the humanized anti-IL-6 receptor antibody tocilizumab"; "ruxolitinib, a JAK1/2
#: inhibitor"; "tofacitinib (a JAK inhibitor)"; "the JAK2 inhibitor ruxolitinib" (no clause
#: break, at most a few words)
_INHIBITOR_THEN_DRUG = re.compile(r"(?:,\s+(?:the|an?)\s+[^,;:.()\[\]]{0,80}?|\s+)$", re.I)
_DRUG_THEN_INHIBITOR = re.compile(r"(?:,\s+|\s+\(\s*|\s+(?:is|are)\s+)(?:the|an?)\s+(?:[\w-]+\s+){0,3}$", re.I)
_MAX_APPOSED_WORDS = 8


def _drugs_named_with_their_class(norm: str, hits: list[_Hit]) -> None:
    """A drug apposed to its class ("an IL-6 inhibitor, ... tocilizumab", "trametinib, a MEK
    inhibitor,", "tofacitinib is a JAK inhibitor that") is one node: the
    inhibitor's (keyed and targeted as the class, so "X inhibits JAK2" still follows) labelled
    and cross-referenced as the drug; every mention of the drug in the caption joins it."""
    merged: dict[str, Entity] = {}
    for i, hit in enumerate(hits):
        if len(hit.entities) != 1 or (hit.source != "inhibitor" and not (
                hit.entities[0].type == "chemical" and hit.entities[0].id.endswith((" inhibitor", " inhibitors")))):
            continue  # (a class the lexicon names itself, "MEK inhibitor", is one too)
        for step in (1, -1):
            # the nearest chemical on that side (genes may sit between: "anti-IL-6 receptor antibody")
            j = i + step
            while 0 <= j < len(hits) and hits[j].entities[0].type != "chemical" and abs(hits[j].start - hit.start) < 120:
                j += step
            if not 0 <= j < len(hits):
                continue
            drug, before = hits[j], step < 0
            if len(drug.entities) != 1 or drug.entities[0].type != "chemical" or drug.source == "inhibitor" \
                    or drug.entities[0].id in merged:
                continue
            if before:
                gap, pattern = norm[drug.end : hit.start], _DRUG_THEN_INHIBITOR
            else:
                gap, pattern = norm[hit.end : drug.start], _INHIBITOR_THEN_DRUG
            if len(gap.split()) > _MAX_APPOSED_WORDS or not pattern.fullmatch(gap):
                continue
            inhibitor, named = hit.entities[0], drug.entities[0]
            merged[named.id] = Entity(id=named.id, label=named.label, type="chemical",
                                      xrefs=named.xrefs, members=inhibitor.members)
            hit.entities = (merged[named.id],)
            break
    if merged:
        for hit in hits:
            if len(hit.entities) == 1 and hit.entities[0].id in merged:
                hit.entities = (merged[hit.entities[0].id],)


#: the word before a compartment, past articles ("moves into the nucleus"), searched in the
#: slice of text before it: the look-behind spares the search every start inside a word (the
#: leftmost match opens a word of the slice anyway), which the slice's own start opens
_CUE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\s+(?:(?:the|a|its|their|cell|cellular)\s+)*$", re.I)


#: a movement the caption denies: "NPR1 is unable to move into the nucleus", "does not
#: translocate to", "cannot enter"
_NEGATED_BEFORE = re.compile(r"\b(?:not|cannot|unable\s+to|fails?\s+to|failed\s+to|no\s+longer)\s+(?:[\w-]+\s+){0,2}$", re.I)


#: movement cues that are prepositions: they point at a compartment after them ("moves to the
#: nucleus"), not at one before them ("recruits MyD88 at the plasma membrane to activate ...")
_PREPOSITION_CUES = frozenset({"to", "into", "toward", "towards"})


def _moved_compartments(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop compartments that nothing moves to (see `compartments` in phrases.yaml)."""
    rules = load_phrases()
    if not rules.compartments:
        return hits
    moved: set[str] = set()
    motifs: set[int] = set()
    seen = False
    for hit in hits:
        ent = hit.entities[0]
        if ent.id not in rules.compartments:
            continue
        seen = True
        written = norm[hit.start : hit.end].lower()
        after = norm[hit.end : hit.end + 16].lower().split()
        if after and after[0].startswith(("signal", "sequence")):
            motifs.add(hit.start)  # "nuclear localization signal", "nuclear export sequence": a motif
            continue
        if ent.id in moved:
            continue
        # (the cue before, a regex search over 40 characters, is read last)
        if any(w in written for w in ("transloc", "locali", "accumul", "export", "recruit")) \
                or (after and after[0].strip(".,;") in rules.movement_cues
                    and after[0].strip(".,;") not in _PREPOSITION_CUES):
            moved.add(ent.id)
            continue
        lo = max(0, hit.start - 40)
        cue = _CUE_BEFORE.search(norm[lo : hit.start])
        if cue and cue.group(1).lower() in rules.movement_cues \
                and not _NEGATED_BEFORE.search(norm, max(0, lo + cue.start() - 30), lo + cue.start()):
            moved.add(ent.id)
    if not seen:
        return hits
    return [h for h in hits if h.entities[0].id not in rules.compartments
            or (h.entities[0].id in moved and h.start not in motifs)]


#: what follows a name that is only part of a protein's anatomy: "Src homology 2 (SH2)-containing",
#: "pleckstrin homology (PH) domains", "tyrosine kinase (TK) domains", "SH2 domain"
_PART_AFTER = re.compile(r"\)?(?:\s*\([^()]{1,10}\))?[\s-]*(?:homology(?:\s*\d+)?(?:\s*\([^()]{1,10}\))?[\s-]*)?"
                         r"(?:(?<=[\s-])(?:domains?|motifs?|repeats?)|(?<=-)containing)\b", re.I)
_PART_WORDS = ("domain", "motif", "repeat", "-containing", "-like", "-type")
#: one of these closes every _PART_AFTER match
_PART_AFTER_WORDS = ("domain", "motif", "repeat", "-containing")
#: "insulin-like signaling", "DAP-type PGN": a gene name that only qualifies a kind of thing
_KIND_AFTER = re.compile(r"-(?:like|type)\b(?!-)", re.I)
_ANTI_BEFORE = re.compile(r"(?<![\w-])anti-$", re.I)


_TYPE_BEFORE = re.compile(r"(?<![\w-])[A-Za-z0-9]{1,8}-type\s+$")
_LOCANT_BEFORE = re.compile(r"(?<![\w-])\d{1,2}(?:alpha|beta|[a-z]|')?(?:,\d{1,2}'?)*-$")


_DECIMAL = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """Whether any character of `text` is a digit (str.isdigit), without a Python-level loop."""
    if _DECIMAL.search(text):  # (a decimal digit is a digit)
        return True
    # only non-ASCII digits that are not decimal ("²", "①") remain possible
    return not text.isascii() and any(c.isdigit() for c in text)


def _subtypes_and_locants(norm: str, hits: list[_Hit], words: frozenset[str]) -> list[_Hit]:
    """"DAP-type PGN", "L-type calcium channel": a typed subclass is an entity of its own
    (named as written, the class as its member; a mention of the type word goes into it);
    "2-oxoglutarate dehydrogenase": a chemical locant belongs to the name it precedes.
    (`words`: the _GATE_WORDS in norm.)"""
    # (norm's only space character is " ": a type word before a name needs "-type ")
    typed_before = "-type " in words
    if not typed_before and not _has_digit(norm):
        return hits
    glue = " -" if typed_before else "-"  # what may join a type word or a locant to the name
    out: list[_Hit] = []
    for hit in hits:
        s0 = hit.start
        if s0 < 2 or norm[s0 - 1] not in glue:
            out.append(hit)  # (the usual case: nothing glued before the name)
            continue
        kind = hit.entities[0].type
        lo = max(0, s0 - 20)
        typed = _TYPE_BEFORE.search(norm, lo, s0) if kind in ("chemical", "family", "group", "complex") \
            and norm[s0 - 1] == " " and "-type" in norm[lo:s0] else None
        if typed is not None and len(hit.entities) == 1:
            while out and out[-1].end > typed.start():
                out.pop()  # "Lys" of "Lys-type PGN"
            label = " ".join(norm[typed.start() : hit.end].split())
            hit.entities = (Entity(id=label.lower(), label=label, type=kind, members=hit.entities),)
            hit.start = typed.start()
        elif norm[hit.start].islower() and hit.start >= 2 and norm[hit.start - 1] == "-" and kind in ("gene", "chemical"):
            locant = _LOCANT_BEFORE.search(norm, max(lo, out[-1].end if out else 0), hit.start)
            if locant is not None:
                hit.start = locant.start()
        out.append(hit)
    return out


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_GREEK_SUBTYPE = {"alpha": "A", "beta": "B", "gamma": "G"}
#: a subtype written after a receptor family ("TGF-beta receptor II", "BMP receptor type IB")
_SUBTYPE_AFTER = re.compile(r"[ -]?(?:type[ -]?)?(IV|I{1,3}|[1-4]|alpha|beta|gamma)([AB])?(?![\w-])")
#: a receptor (and its subtype) written after its ligand ("IFN-gamma receptor 1", "IL-6 receptor alpha")
_RECEPTOR_AFTER = re.compile(r"[ -]receptors?(?:[ -]?(?:type[ -]?)?(IV|I{1,3}|[1-4]|alpha|beta|gamma)([AB])?)?(?![\w-])")
_TYPE_RECEPTOR_AFTER = re.compile(r"[ -]type[ -](IV|I{1,3}|[1-4])([AB])?[ -]receptors?(?![\w-])")
#: "type I TGF-beta receptor": the subtype before the receptor
_SUBTYPE_BEFORE = re.compile(r"(?<![\w-])type[ -](IV|I{1,3}|[1-4])([AB])?[ -]$")


def _subtype_key(number: str, letter: str | None) -> tuple[int, str]:
    """(number, letter) of a written subtype: "II" -> (2, ""), "1B" -> (1, "B"), "alpha" -> (1, "A")."""
    if number in _GREEK_SUBTYPE:
        return 0, _GREEK_SUBTYPE[number]
    return (_ROMAN[number] if number in _ROMAN else int(number)), (letter or "")


def _member_of_subtype(family: Entity, number: int, letter: str) -> Entity | None:
    """The one member of a receptor family that a subtype names (TGFBR + 2 -> TGFBR2;
    BMP_receptor + 2 -> BMP_receptor_type_II), or None."""
    if number == 0:  # a Greek letter: IL2R + beta -> IL2RB
        found = [m for m in family.members if m.id.endswith(f"R{letter}")]
        return found[0] if len(found) == 1 else None
    roman = {v: k for k, v in _ROMAN.items()}.get(number, "")
    found = [m for m in family.members
             if m.id.endswith(f"{number}{letter}") and not m.id[: -len(f'{number}{letter}')][-1:].isdigit()
             or (roman and m.id.endswith(f"type_{roman}{letter}"))]
    return found[0] if len(found) == 1 else None


def _receptor_subtypes(lex: Lexicon, norm: str, hits: list[_Hit], words: frozenset[str]) -> None:
    """Receptor subtypes written with a number, a roman numeral or a Greek letter:
    "TGF-beta receptor II" and "type II TGF-beta receptor" (TGFBR2), "IFN-gamma receptor 1"
    (IFNGR1), "IL-6 receptor alpha" (IL6R). A ligand's receptor is found by the HGNC and FamPlex
    naming convention (symbol + "R" + subtype); the mention grows over the written subtype.
    (`words`: the _GATE_WORDS in norm.)"""
    if "recept" not in words:
        return
    for i, hit in enumerate(hits):
        if len(hit.entities) != 1 or hit.entities[0].type not in _GENE_TYPES:
            continue
        ent = hit.entities[0]
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(norm)
        prev_end = hits[i - 1].end if i else 0
        written = norm[hit.start : hit.end].lower()
        if "recept" in written and ent.members:
            match = _SUBTYPE_AFTER.match(norm, hit.end)
            before = _SUBTYPE_BEFORE.search(norm, max(prev_end, hit.start - 12), hit.start)
            for found, start, end in ((match, hit.start, match and match.end()), (before, before and before.start(), hit.end)):
                if found is None or end > next_start or start < prev_end:
                    continue
                member = _member_of_subtype(ent, *_subtype_key(found.group(1), found.group(2)))
                if member is not None:
                    hit.entities, hit.start, hit.end = (member,), start, end
                    break
            continue
        if "recept" in written or not norm.startswith(("receptor", "type"), hit.end + 1):
            continue  # (both patterns below open with "[ -]receptor" or "[ -]type")
        match = _RECEPTOR_AFTER.match(norm, hit.end) or _TYPE_RECEPTOR_AFTER.match(norm, hit.end)
        if match is None or match.end() > next_start:
            continue
        number, letter = _subtype_key(match.group(1), match.group(2)) if match.group(1) else (0, "")
        receptor = _receptor_of(lex, ent, number, letter, " ".join(norm[hit.start : match.end()].split()))
        if receptor is not None:
            hit.entities, hit.end = (receptor,), match.end()


def _receptor_of(lex: Lexicon, ent: Entity, number: int, letter: str, label: str) -> Entity | None:
    """The receptor (subtype `number`/`letter`, 0/"" for none) of ligand `ent` by the HGNC and
    FamPlex naming convention, a node of its own labelled `label` for a ligand the convention
    does not cover, or None when `ent` is no ligand."""
    family = lex.by_id(f"{ent.id}R") if ent.members else None
    if family is not None and family.members:  # a ligand family: its receptor family, then the subtype
        return _member_of_subtype(family, number, letter) if number else (None if letter else family)
    tries = [f"{ent.id}R{number or ''}{letter}"]
    if (number, letter) in ((0, ""), (1, ""), (0, "A")):
        tries.append(f"{ent.id}R")  # IL6R is "IL-6 receptor alpha"
    if (number, letter) in ((0, ""), (1, "")):
        # the first, signalling chain: IL-1 receptor IL1R1, IL-10 receptor IL10RA,
        # IL-13 receptor IL13RA1, IL-17 receptor IL17RA (IL17A's "A" is the ligand's)
        base = ent.id[:-1] if re.search(r"\d[A-F]$", ent.id) else ent.id
        tries += [f"{ent.id}R1", f"{base}RA", f"{base}RA1"]
    for symbol in tries:
        receptor = lex.by_id(symbol)
        if receptor is not None and receptor.type == "gene":
            return receptor
    if _LIGAND_ID.fullmatch(ent.id):
        # a ligand's receptor the naming convention does not find is a node of its own,
        # never the ligand ("IL-33 receptor")
        return Entity(id=label.lower(), label=label, type="complex")
    return None


#: a ligand's receptor named by a possessive: "binding of growth factors to their cognate
#: receptors", "IL-13 binding to its receptor" (group 1: the receptor words)
_ITS_RECEPTOR = re.compile(r"\b(?:its|their)\s+((?:(?:cognate|own|specific)\s+)?receptors?)(?![\w-])")
#: between the receptor words and a name apposed to them ("its receptor, RANK,")
_NAMING_GAPS = ((", ", ","), (" (", ")"))
#: between the ligand and the possessive ("binds to its receptor", "binds its receptor", "to their")
_LIGAND_TO = re.compile(r"\s+(?:(?:binds?|binding|bound|engages?|engaging)\s+(?:(?:to|with)\s+)?|(?:to|with)\s+)$")


def _possessive_receptors(norm: str) -> list[re.Match]:
    """The matches _ITS_RECEPTOR.finditer(norm) finds, in order, tried only where "its" or "their"
    is written (every match opens with one; its leading \\b tests the character before, which
    .match at an offset sees too): the regex alone would try every character of the caption."""
    starts = occurrences(norm, ("its", "their"))
    out = []
    done = 0  # (finditer resumes after a match: no match overlaps the one before)
    for at in starts:
        if at >= done:
            match = _ITS_RECEPTOR.match(norm, at)
            if match is not None:
                out.append(match)
                done = match.end()
    return out


def _apposed_receptor(norm: str, start: int, after: int, named_at: dict[int, _Hit]) -> _Hit | None:
    """The receptor the caption names in apposition after the receptor words norm[start:after]:
    "to its receptor, RANK,", "to its receptor (IL-6R)". One mention of that receptor over the
    receptor words, its name and the closing comma or parenthesis, so the ligand binds it. None
    when no name is apposed (a name after a comma must end in a comma too: "to its receptor,
    STAT3 is then" names no receptor)."""
    for gap, close in _NAMING_GAPS:
        hit = named_at.get(after + len(gap))
        if hit is None or len(hit.entities) != 1 or not norm.startswith(gap, after):
            continue
        if close and not norm.startswith(close, hit.end):
            return None
        # (the closing comma too: the apposition is over, "its receptor, RANK, leads to" reads on)
        return _Hit(start, hit.end + len(close), hit.entities, hit.rank, hit.modifiers, "its-receptor")
    return None


def _receptors_named_by_their_ligand(lex: Lexicon, norm: str, hits: list[_Hit]) -> list[_Hit]:
    """"binding of growth factors to their cognate receptors" names the growth factor receptor,
    "IL-13 binding to its receptor" IL-13's receptor (IL13RA1): the receptor words become a
    mention of the ligand's receptor when the lexicon or the naming convention knows one."""
    out = []
    ends = [h.end for h in hits]
    named_at = {h.start: h for h in hits}
    named: dict[str, Entity] | None = None
    for match in _possessive_receptors(norm):
        k = bisect_right(ends, match.start()) - 1
        if k < 0 or len(hits[k].entities) != 1 or not _LIGAND_TO.fullmatch(norm, hits[k].end, match.start()):
            continue
        after = match.end(1)
        if after + 1 in named_at and norm[after] == " ":
            continue  # "binds to its receptor IL-6R": the caption names the receptor itself
        apposed = _apposed_receptor(norm, match.start(1), after, named_at)
        if apposed is not None:
            out.append(apposed)
            continue
        ligand = hits[k]
        written = " ".join(norm[ligand.start : ligand.end].split())
        if named is None:
            # the receptor as the caption names it elsewhere ("IL-13 receptor (IL-13R)") first
            named = {}
            for hit in hits:
                if len(hit.entities) == 1:
                    named.setdefault(" ".join(norm[hit.start : hit.end].split()).lower(), hit.entities[0])
        receptor = named.get(f"{written} receptor".lower()) or _lookup(lex, f"{written} receptor")
        if receptor is None and written.endswith("s"):
            receptor = _lookup(lex, f"{written[:-1]} receptor")
        if receptor is None and ligand.entities[0].type in _GENE_TYPES:
            receptor = _receptor_of(lex, ligand.entities[0], 0, "", f"{written} receptor")
        if receptor is not None and receptor.id != ligand.entities[0].id:
            out.append(_Hit(match.start(1), match.end(1), (receptor,), 4, source="its-receptor"))
    return out


#: gene and family ids of secreted ligands (their receptors are named after them)
_LIGAND_ID = re.compile(r"IL\d+[A-F]?|IFN[A-Z]?\d*|Interferon|CCL\d+|CXCL\d+|CX3CL1|XCL\d|TNF(?:SF\d+[A-Z]?)?|"
                        r"FGF\d*|BMP\d*|GDF\d+|VEGF[A-D]?|PDGF[A-D]?|EGF|HGF|NGF|CSF\d|LIF|OSM|TSLP|EPO|TGFB\d?|"
                        r"WNT\d*[AB]?|EDN\d|AGT|KITLG|ANGPT\d")
_BARE_SUBTYPE = re.compile(r"(?<![\w-])type[ -](IV|I{1,3}|[1-4])([AB])?[ -]receptors?(?![\w-])")


def _bare_receptor_subtypes(lex: Lexicon, norm: str, hits: list[_Hit], words: frozenset[str]) -> list[_Hit]:
    """"TGFbeta binding to a type II receptor ... phosphorylate a type I receptor": a bare
    receptor subtype names a member of the one receptor family the caption's ligands have.
    (`words`: the _GATE_WORDS in norm.)"""
    if "type" not in words or "recept" not in words:
        return []
    families = {}
    for hit in hits:
        ent = hit.entities[0]
        if not ent.members:
            continue
        family = ent if "recept" in norm[hit.start : hit.end].lower() else lex.by_id(f"{ent.id}R")
        if family is not None and family.members:
            families[family.id] = family
    if len(families) != 1:
        return []
    family = next(iter(families.values()))
    taken = _taken_map(norm, hits)
    out = []
    for match in _BARE_SUBTYPE.finditer(norm):
        if taken.find(1, match.start(), match.end()) != -1:
            continue
        member = _member_of_subtype(family, *_subtype_key(match.group(1), match.group(2)))
        if member is not None:
            out.append(_Hit(match.start(), match.end(), (member,), 12, source="receptor-subtype"))
    return out


#: the parts of a complex listed after it: "the IKK complex composed of IKKα, IKKβ and NEMO",
#: "LUBAC) composed of", "mTORC1, which consists of"
_COMPOSED_AFTER = re.compile(r"\)?(?:\s+complex(?:es)?)?,?\s*(?:\(\s*)?(?:(?:which|that)\s+(?:is|are)\s+|which\s+|that\s+)?"
                             r"(?:composed of|consisting of|consists of|comprising|comprised of|made up of)\s+(?:the\s+)?")
#: between two listed parts: ", ", " and ", ", and ", or a parenthesised synonym's brackets
_PART_GAP = re.compile(r"\s*(?:[)\]]\s*)?(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|\s*[(\[]\s*)?(?:the\s+)?$")
#: what ends a listed part: a separator, a bracket or the end of the sentence
_PART_END = re.compile(r"\s*(?:[,;)\]\[(.]|and\b|or\b|$)")
#: a part named before its whole: "the Raptor subunit of mTORC1", "PRAS40 and Raptor are
#: specific components of mTORC1"
_PART_OF_WHOLE = re.compile(r"\s+(?:(?:is|are)\s+(?:\w+\s+)?(?:a\s+|the\s+)?)?(?:subunits?|components?|"
                            r"constituents?)\s+of\s+(?:the\s+)?$")
#: the same stated as a predicate ("PRAS40 and Raptor are specific components of mTORC1"): the
#: caption itself files the parts under the whole, so a part FamPlex does not list counts too
_PART_OF_WHOLE_STATED = re.compile(r"\s+(?:is|are)\s")
#: parts a caption says two or more complexes share: "mTOR, Deptor, and gβL (yellow) are found in
#: both mTORC1 and mTORC2", "mLST8 is shared by mTORC1 and mTORC2"
_PART_OF_WHOLES = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+(?:is|are)\s+(?:also\s+)?(?:found\s+in|present\s+in|"
                             r"shared\s+by|common\s+to|part\s+of)\s+(?:both\s+)?(?:the\s+)?$")
#: between two complexes sharing the parts: " and ", ", ", ", and "
_WHOLES_GAP = re.compile(r",?\s+and\s+(?:the\s+)?|,\s+")


def _parts_as_their_whole(norm: str, hits: list[_Hit], words: frozenset[str]) -> None:
    """Parts named with their complex ground to the complex, as curators draw them: every mention
    of a protein the caption lists as a part ("the IKK complex composed of IKKα, IKKβ and
    NEMO", "the Raptor subunit of mTORC1") becomes a mention of the complex. In place.
    (`words`: the _GATE_WORDS in norm.)"""
    # (the cue words are lowercase inside a sentence: no lowercased copy of the caption)
    shared = not words.isdisjoint((" found in ", " present in ", " shared by ", " common to ", " part of "))
    if not shared and (" of " not in norm or words.isdisjoint(("ompos", "onsist", "ompris", "made up", "subunit",
                                                                "omponent", "onstituent"))):
        return
    whole_of: dict[str, tuple[Entity, ...]] = {}
    for i, hit in enumerate(hits):
        whole = hit.entities[0]
        if len(hit.entities) != 1 or whole.type != "complex" or not whole.members:
            continue
        # only its listed members: curators draw the parts of an assembly the caption builds
        # ("the apoptosome, composed of APAF1 and caspase-9") and a part of a family-level
        # whole ("the p85 subunit of PI3K") as nodes of their own
        members = {m.id for m in whole.members}
        # the parts after the whole
        cue = _COMPOSED_AFTER.match(norm, hit.end)
        if cue is not None:
            pos = cue.end()
            for part in hits[i + 1 :]:
                if part.start != pos and not _PART_GAP.match(norm[pos : part.start]):
                    break
                if not _PART_END.match(norm, part.end):
                    break  # "NF-κB essential modulator": a word of a longer name, not a part
                if len(part.entities) == 1 and part.entities[0].id in members:
                    whole_of.setdefault(part.entities[0].id, (whole,))
                pos = part.end
        # the parts before the whole: walk back over "X and Y are components of"
        j = i - 1
        cue = _PART_OF_WHOLE.match(norm, hits[j].end, hit.start) if j >= 0 else None
        if cue is not None:
            # (a stated predicate files any named gene under the whole, not only FamPlex's members)
            stated = _PART_OF_WHOLE_STATED.match(norm, hits[j].end, hit.start) is not None
            while j >= 0:
                part = hits[j]
                if len(part.entities) == 1 and (part.entities[0].id in members or (
                        stated and part.entities[0].type == "gene")):
                    whole_of.setdefault(part.entities[0].id, (whole,))
                gap = norm[hits[j - 1].end : part.start] if j else ""
                if not gap.strip() or not _PART_GAP.match(gap):
                    break  # the list of parts starts here
                j -= 1
        elif shared and i and hits[i - 1].entities[0].type != "complex":
            _parts_of_wholes(norm, hits, i, whole_of)
    if not whole_of:
        return
    for hit in hits:
        if len(hit.entities) == 1 and hit.entities[0].id in whole_of:
            hit.entities = whole_of[hit.entities[0].id]


def _parts_of_wholes(norm: str, hits: list[_Hit], i: int, whole_of: dict[str, tuple[Entity, ...]]) -> None:
    """Genes a caption says two or more complexes share ("mTOR, Deptor, and gβL are found in both
    mTORC1 and mTORC2"): each names every one of those complexes, as curators draw the wholes.
    `hits[i]` is the first complex; fills `whole_of`."""
    cue = _PART_OF_WHOLES.match(norm, hits[i - 1].end, hits[i].start)
    if cue is None:
        return
    wholes = [hits[i].entities[0]]
    k = i + 1
    while k < len(hits) and len(hits[k].entities) == 1 and hits[k].entities[0].type == "complex" \
            and _WHOLES_GAP.fullmatch(norm, hits[k - 1].end, hits[k].start):
        wholes.append(hits[k].entities[0])
        k += 1
    if len(wholes) < 2:
        return  # one whole: "found in the Raptor complex" is a place as often as a part
    j = i - 1
    while j >= 0:
        part = hits[j]
        if len(part.entities) == 1 and part.entities[0].type == "gene":
            whole_of.setdefault(part.entities[0].id, tuple(wholes))
        gap = norm[hits[j - 1].end : part.start] if j else ""
        if not gap.strip() or not _PART_GAP.match(gap):
            break
        j -= 1


#: a class noun used as a description, not as a participant: "acts as a pattern recognition
#: receptor", "is a transcription factor"
_AS_A_BEFORE = re.compile(r"(?:\b(?:acts?|acting|serves?|serving|functions?|functioning|known|identified|recognized|"
                          r"classified)\s+as\s+|\b(?:is|are)\s+|(?<!well )(?<!such )\bas\s+(?:an?\s+)?)"
                          r"(?:an?\s+|the\s+)?(?:\w+\s+)?$", re.I)


#: an apposition that files the entity before it under a family: "Lck, a member of the Src
#: family of tyrosine kinases", "BAX, one of the pro-apoptotic members of the Bcl-2 family"
_MEMBER_OF_BEFORE = re.compile(r",\s+(?:an?|one|another)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,2}?members?\s+of\s+"
                               r"(?:the\s+)?$", re.I)
#: what every family word of _drop_descriptive_groups holds (folded as its re.I patterns fold)
_FAMILY_WORD = re.compile(r"famil", re.I)
#: the family word after such a name ("Src family", "TNF receptor superfamily")
_FAMILY_AFTER = re.compile(r"[\s-]*(?:sub|super)?famil(?:y|ies)\b", re.I)


#: a family word, one noun and "of" before the members it is made of ("JAK family heterodimers of
#: JAK2 with JAK1")
_FAMILY_OF_MEMBERS = re.compile(r"[\s-]*(?:sub|super)?family\s+[\w-]+\s+(?:of|between)\s+(?:the\s+)?", re.I)
#: what a class noun written right before it only describes ("the bacterial PAMP flg22")
_APPOSED_TYPES = _GENE_TYPES | {"chemical"}


def _drop_descriptive_groups(norm: str, hits: list[_Hit], low_words: frozenset[str]) -> list[_Hit]:
    """Drop class nouns (groups) that only describe named members or an entity: apposition
    ("pathogen recognition receptors PGRP-LC and PGRP-LE"), predicates ("Toll9 acts as a
    pattern recognition receptor") and a family an entity is filed under ("Lck, a member of the
    Src family"); curators draw the members, not the class. (`low_words`: the _GATE_WORDS_LOW in
    norm.lower().)"""
    dropped = set()
    apposed: list[tuple[int, str, tuple[Entity, ...]]] = []  # (index, " class", its members)
    last = len(hits) - 1
    # (the family branches below all need "famil" in the caption, in any case as re.I folds it,
    # which also covers str.lower's: most captions have none; on ASCII, re.I folds as str.lower)
    families = "famil" in low_words if norm.isascii() else _FAMILY_WORD.search(norm) is not None
    for i, hit in enumerate(hits):
        if not families and hit.entities[0].type != "group":
            continue
        if i and " member" in norm[max(0, hit.start - 60) : hit.start] and hit.entities[0].type in _GENE_TYPES \
                and _MEMBER_OF_BEFORE.search(norm, max(hits[i - 1].end, hit.start - 60), hit.start) \
                and (" famil" in norm[hit.start : hit.end].lower() or _FAMILY_AFTER.match(norm, hit.end)):
            # (only a family: "Ste20, an upstream member of the MAPK pathway" draws MAPK)
            dropped.add(i)
            continue
        of_members = _FAMILY_OF_MEMBERS.match(norm, hit.end) if i < last and hit.entities[0].type == "family" \
            and len(hit.entities) == 1 and "famil" in norm[hit.end : hit.end + 12].lower() else None
        if of_members is not None and hits[i + 1].start == of_members.end() \
                and any(e.id in _member_ids(hit.entities[0]) for e in hits[i + 1].entities):
            # "JAK family heterodimers of JAK2 with JAK1": the family only classes the members named
            dropped.add(i)
            continue
        if i < last and hit.entities[0].type == "family" and len(hit.entities) == 1 \
                and "famil" in norm[hit.start : hit.end].lower() and hits[i + 1].start == hit.end + 1 \
                and norm[hit.end] == " " and hits[i + 1].entities[0].type in _GENE_TYPES:
            dropped.add(i)  # "BCL-2 family members BAX and BAK", "the Src family kinase Lck"
            continue
        if hit.entities[0].type != "group" or len(hit.entities) != 1:
            continue
        after = i + 1
        if after < last and hits[after].entities == hit.entities and norm.startswith(" (", hit.end) \
                and hits[after].start == hit.end + 2 and norm.startswith(") ", hits[after].end):
            after += 1  # "the bacterial PAMP (pathogen-associated molecular pattern) flg22"
        if after <= last and hits[after].start == hits[after - 1].end + (1 if after == i + 1 else 2) \
                and hits[after].entities[0].type in _APPOSED_TYPES and norm[hit.end] == " ":
            dropped.update(range(i, after))
            apposed.append((i, " " + norm[hit.start : hit.end].lower(), _listed_entities(norm, hits, after)))
        else:
            window = norm[max(0, hit.start - 25) : hit.start]
            if ("as " in window or "is " in window or "are " in window) and _AS_A_BEFORE.search(window):
                dropped.add(i)
    if apposed:
        _class_anaphors(norm, hits, apposed, dropped)
    return [h for i, h in enumerate(hits) if i not in dropped] if dropped else hits


#: a determiner that points a class noun back at members named before ("These recognition receptors")
_ANAPHOR_BEFORE = re.compile(r"(?:^|[^\w-])(?:[Tt]hese|[Tt]hose|[Ss]uch|[Bb]oth)\s+$")


def _listed_entities(norm: str, hits: list[_Hit], first: int) -> tuple[Entity, ...]:
    """The entities of the list of mentions that opens at `hits[first]` ("PGRP-LC and PGRP-LE")."""
    out = list(hits[first].entities)
    k = first + 1
    while k < len(hits) and hits[k].entities[0].type in _APPOSED_TYPES \
            and _LIST_GAP.fullmatch(norm, hits[k - 1].end, hits[k].start):
        out.extend(hits[k].entities)
        k += 1
    return tuple(out)


def _class_anaphors(norm: str, hits: list[_Hit], apposed: list[tuple[int, str, tuple[Entity, ...]]],
                    dropped: set[int]) -> None:
    """"pathogen recognition receptors PGRP-LC and PGRP-LE recognize PGN ... These recognition
    receptors recruit IMD": a class noun after "these/those/such/both" that ends the class once
    apposed to named members means those members. In place."""
    for i, hit in enumerate(hits):
        if i in dropped or i <= apposed[0][0] or len(hit.entities) != 1 or hit.entities[0].type != "group":
            continue
        if not _ANAPHOR_BEFORE.search(norm, max(0, hit.start - 7), hit.start):
            continue
        written = " " + norm[hit.start : hit.end].lower()
        for at, surface, members in reversed(apposed):
            if at < i and surface.endswith(written) and members:
                hit.entities = members
                break


#: a class written before its members' parenthesised symbols ends in a generic plural head: "3
#: cytochrome P450 enzymes (CYP11B1, CYP21, and CYP17)" ("MAP kinases (ERK, JNK)" names a
#: pathway node curators draw)
_GENERIC_HEADS = ("enzymes", "transporters", "proteins", "isoforms", "isozymes", "isoenzymes", "members",
                  "molecules", "paralogs", "paralogues", "homologs", "homologues")
#: member suffixes after such a class and before the parenthesis ("transporters A1 and G1 (")
_SUFFIXES_THEN_PAREN = re.compile(r"(?:\s+[A-Z]?\d{1,2}[A-Za-z]?(?:(?:,\s*|,?\s+and\s+)[A-Z]?\d{1,2}[A-Za-z]?)*)?\s*\(")
#: what may close the parenthesised members: "(ABCA1 and ABCG1, respectively)"
_MEMBERS_CLOSE = re.compile(r"\s*(?:,\s*respectively\s*)?\)")
#: the article before a class set in apposition to one gene: "the E3 ubiquitin ligase, MDM2"
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:the|an?)\s+$", re.I)
#: the determiner of a family class written right before one gene, with at most two words between
#: ("the class F G-protein-coupled receptor Smo", "its receptor tyrosine kinase MET")
_DETERMINED_CLASS_BEFORE = re.compile(r"(?:^|[\s(])(?:the|an?|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: between a gene and a class set after it in apposition ("TRAF6, an E3 ubiquitin ligase,") or as
#: its predicate ("SOS is a guanine nucleotide exchange factor that"), and what closes the
#: apposition (a comma or a relative clause: "MDM2, an E3 ligase that")
_APPOSED_AFTER = re.compile(r"(?:,|\s+(?:is|are))\s+(?:an?|the|one of the)\s+(?:[\w-]+\s+){0,2}", re.I)
_APPOSITION_ENDS = re.compile(r",|\s+(?:that|which)\b")
#: after that gene (and its parenthesised alias): no list goes on ("the kinases, PKA and PKC")
_LIST_GOES_ON = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:,?\s+(?:and|or)\b|,\s*$)")


def _classes_apposed_to_members(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop a class noun set beside the genes it only describes: "the E3 ubiquitin ligase, MDM2
    (HDM2), which ...", "3 cytochrome P450 enzymes (CYP11B1, CYP21, and CYP17)", "ATP-binding
    cassette transporters A1 and G1 (ABCA1 and ABCG1, respectively)"; curators draw the genes."""
    dropped = []
    last = len(hits) - 1
    for i, hit in enumerate(hits):
        if i == last or len(hit.entities) != 1:
            continue
        kind = hit.entities[0].type
        if kind not in ("chemical", "family", "group"):
            continue  # (most mentions: genes)
        surface = norm[hit.start : hit.end]
        if kind == "chemical":
            # "the antibiotic rapamycin", "the amino acid leucine": a chemical class (its id a
            # plural) written in the singular right before a named chemical or gene
            nxt = hits[i + 1]
            if hit.entities[0].id.endswith("s") and not surface.endswith("s") and nxt.start == hit.end + 1 \
                    and norm[hit.end] == " " and nxt.entities[0].type in _APPOSED_TYPES \
                    and _ARTICLE_BEFORE.search(norm, max(0, hit.start - 6), hit.start):
                dropped.append(i)
            continue
        head = surface.rsplit(None, 1)[-1]
        if not head.islower() or " " not in surface:
            continue  # a symbol ("MAPK, ERK") or a one-word name is no description
        if i and len(hits[i - 1].entities) == 1 and hits[i - 1].entities[0].type in ("gene", "family") \
                and _APPOSED_AFTER.fullmatch(norm, hits[i - 1].end, hit.start) and _APPOSITION_ENDS.match(norm, hit.end):
            dropped.append(i)  # "TRAF6, an E3 ubiquitin ligase, activates TAK1": a description of TRAF6
            # (so is "SOS is a guanine nucleotide exchange factor that activates RAS")
            continue
        nxt = hits[i + 1]
        if norm.startswith(", ", hit.end) and nxt.start == hit.end + 2 and len(nxt.entities) == 1 \
                and nxt.entities[0].type == "gene" and _ARTICLE_BEFORE.search(norm, max(0, hit.start - 6), hit.start) \
                and not _LIST_GOES_ON.match(norm[nxt.end : nxt.end + 40]):
            dropped.append(i)  # "the E3 ubiquitin ligase, MDM2, ..."
            continue
        if kind == "family" and norm[hit.end] == " " and nxt.start == hit.end + 1 and len(nxt.entities) == 1 \
                and nxt.entities[0].type in ("gene", "family") \
                and _DETERMINED_CLASS_BEFORE.search(norm, max(0, hit.start - 30), hit.start):
            dropped.append(i)  # "the E3 ubiquitin ligase MDM2", "the class F G-protein-coupled receptor Smo", "the MAP kinase ERK"
            continue
        if not head.endswith(_GENERIC_HEADS) or "(" not in norm[hit.end : hit.end + 24]:
            continue
        opened = _SUFFIXES_THEN_PAREN.match(norm, hit.end)
        if opened is None or nxt.start != opened.end() + (norm[opened.end()] == " " if opened.end() < len(norm) else 0):
            continue
        k, count = i + 1, 0
        while k <= last and hits[k].entities[0].type == "gene":
            count += 1
            close = _MEMBERS_CLOSE.match(norm, hits[k].end)
            if close is not None:
                if count >= 2:
                    dropped.append(i)
                break
            if k == last or not _LIST_GAP.fullmatch(norm, hits[k].end, hits[k + 1].start):
                break
            k += 1
    if not dropped:
        return hits
    return [h for j, h in enumerate(hits) if j not in dropped]


#: what a disease written right before it only qualifies: "hepatocellular carcinoma cells", "HCC
#: patients", "glioblastoma tissues" (where something happens, not a participant)
_SAMPLE_AFTER = re.compile(r"[ -](?:cells?|cell\s+lines?|patients?|tissues?|mice|rats|models?|xenografts?|"
                           r"organoids?|specimens?|biopsies|cohorts?)\b", re.I)


def _diseases_as_qualifiers(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop a process mention that only qualifies cells, patients or tissues ("functional
    phenotype of STX5 in hepatocellular carcinoma cells", "survival rates of HCC patients"):
    curators draw a disease that takes part ("STX5 promotes HCC"), not the sample it names."""
    kept = [h for h in hits if not (h.entities[0].type == "process" and len(h.entities) == 1
                                     and _SAMPLE_AFTER.match(norm, h.end))]
    return kept if len(kept) != len(hits) else hits


#: the amino acids a one-letter residue legend spells out ("Y, tyrosine; X, any amino acid")
_AMINO_ACIDS = frozenset({"alanine", "arginine", "asparagine", "aspartate", "cysteine", "glutamine", "glutamate",
                          "glycine", "histidine", "isoleucine", "leucine", "lysine", "methionine", "phenylalanine",
                          "proline", "serine", "threonine", "tryptophan", "tyrosine", "valine", "amino acids"})
#: a one-letter code before a legend item: "(Y, tyrosine; V, valine; ... X, any amino acid)"
_RESIDUE_LETTER_BEFORE = re.compile(r"(?:^|[(;,]\s*)[A-Z]\s*[,=:]\s*(?:any\s+)?$")


def _residue_letter_legends(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop the amino acids of a one-letter residue legend ("binds YXXQ (Y, tyrosine; Q,
    glutamine; X, any amino acid)"): it spells out a sequence motif, not participants. Two items
    or more, so that one "P, proline" alone is left to the abbreviation legend."""
    legend = [i for i, h in enumerate(hits) if len(h.entities) == 1 and h.entities[0].id in _AMINO_ACIDS
              and _RESIDUE_LETTER_BEFORE.search(norm, max(0, h.start - 12), h.start)]
    if len(legend) < 2:
        return hits
    drop = set(legend)
    return [h for i, h in enumerate(hits) if i not in drop]


#: an amino acid naming a residue or an enzyme class, not a participant: "serine/threonine
#: kinase", "Ser/Thr phosphatase", "serine protease", "serine 473", "Thr-308", "tyrosine residues"
_RESIDUE_OR_CLASS = re.compile(r"\b(?:serine|threonine|tyrosine|ser|thr|tyr)(?:\s*/\s*(?:serine|threonine|tyrosine|ser|thr|tyr))*"
                               r"(?:[\s-]+(?:protein|specific))?(?:[\s-]+(?:kinases?|phosphatases?|proteases?|"
                               r"proteinases?|residues?|sites?)\b|[\s-]?\d)", re.I)


def _residues_and_enzyme_classes(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop the amino acids that only name a residue or an enzyme class ("AKT, a
    serine/threonine kinase, phosphorylates BAD", "phosphorylation at Ser473"): read as chemicals
    they became the kinase's substrate ("threonine phosphorylates BAD")."""
    # (matched at each amino-acid mention only: searching the whole caption with the
    # case-blind pattern costs more than the rest of this pass)
    kept = [h for h in hits if not (len(h.entities) == 1 and h.entities[0].id in _AMINO_ACIDS
                                     and _RESIDUE_OR_CLASS.match(norm, h.start) is not None)]
    return kept if len(kept) != len(hits) else hits


#: between the two members of a pair named as a dimer: "p65/p50", "c-Jun–c-Fos", "p50 and RelA"
_PAIR_GAP = re.compile(r"\s*(?:/|-|–|:)\s*|\s+and\s+")
#: what a _PAIR_GAP is once stripped of its spaces (str.strip and \s agree on what a space is)
_PAIR_WORDS = frozenset({"/", "-", "–", ":", "and"})
#: a list goes on before or after the pair: ", " or " and " / " or "
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _pairs_as_their_complex(lex: Lexicon, norm: str, hits: list[_Hit]) -> None:
    """Two genes named together that are exactly the two parts of a known complex name it, as
    curators draw it ("translocation of p50 and RelA" is NF-κB, "c-Fos/c-Jun" AP-1). In place."""
    index = None
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        if len(a.entities) != 1 or len(b.entities) != 1 or a.entities[0].type != "gene" \
                or b.entities[0].type != "gene" or norm[a.end : b.start].strip() not in _PAIR_WORDS \
                or not _PAIR_GAP.fullmatch(norm, a.end, b.start):
            continue
        if (i and _LIST_GAP.fullmatch(norm, hits[i - 1].end, a.start)) or (
                i + 2 < len(hits) and _LIST_GAP.fullmatch(norm, b.end, hits[i + 2].start)):
            continue  # one pair of a longer list
        if index is None:
            index = lex.two_member_complexes()
        slots_a = {(c.id, slot): c for c, slot in index.get(a.entities[0].id, ())}
        found = {slots_a[(c.id, 1 - slot)] for c, slot in index.get(b.entities[0].id, ()) if (c.id, 1 - slot) in slots_a}
        if len(found) == 1:
            whole = found.pop()
            a.entities = b.entities = (whole,)


#: the rest of a protein's name after a process or chemical word: "-inducible factor",
#: "-associated speck-like protein" (a name the lexicon knows is a longer hit already)
_NAMED_PROTEIN_AFTER = re.compile(r"-(?:inducible|associated|related|activated|regulated|responsive|binding|"
                                  r"interacting|sensing)\s+(?:[\w-]+\s+){0,3}?(?:proteins?|factors?|kinases?|"
                                  r"oncogenes?|receptors?|phosphatases?|ligases?|regulators?)\b")


def _drop_parts_and_negations(norm: str, hits: list[_Hit], low: str, low_words: frozenset[str]) -> list[_Hit]:
    """Drop genes named only as a protein part ("SH2 domain", "pleckstrin homology (PH) domain")
    and processes written with "anti-" ("anti-inflammation" names no inflammation node)
    (`low` is norm.lower(), whose offsets may differ from norm's when a character lowercases
    to two; `low_words` the _GATE_WORDS_LOW in it)."""
    if "anti-" not in low_words and low_words.isdisjoint(_PART_WORDS) and not _NAMED_PROTEIN_AFTER.search(low):
        return hits
    # (most captions pass the gate on "-like" or "-type" alone: _PART_AFTER runs only where a
    # word it needs is written; re.I folds ASCII as str.lower does)
    parts = not norm.isascii() or not low_words.isdisjoint(_PART_AFTER_WORDS)
    out = []
    for hit in hits:
        kind = hit.entities[0].type
        if kind in _GENE_TYPES and ((parts and _PART_AFTER.match(norm, hit.end)) or (
                norm.startswith("-", hit.end) and _KIND_AFTER.match(norm, hit.end))):
            continue
        if kind in ("process", "chemical") and _NAMED_PROTEIN_AFTER.match(low, hit.end):
            continue  # "glioma-associated oncogene", "hypoxia-inducible factor 3": a protein's name
        if kind == "process" and hit.start >= 5 and _ANTI_BEFORE.search(norm, hit.start - 5, hit.start):
            continue
        out.append(hit)
    return out


_NUMBERED_SLASH = re.compile(r"[A-Za-z-]+\d+(?:/\d+)+")


def _numbered_slash_long_forms(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """"cellular inhibitor of apoptosis proteins 1 and 2 (cIAP1/2)": the long form before a
    numbered slash form (which abbrev leaves to the slash expansion) names the expanded genes,
    and no word inside it is a mention of its own (not "apoptosis")."""
    longs: list[_Hit] = []
    rev = ""
    for hit in hits:
        if (len(hit.entities) < 2 or hit.start < 2 or norm[hit.start - 2 : hit.start] != " ("
                or not norm.startswith(")", hit.end)):
            continue
        short = norm[hit.start : hit.end]
        if not _NUMBERED_SLASH.fullmatch(short):
            continue
        rev = rev or norm[::-1]
        span = abbrev._long_before(norm, hit.start - 2, short, rev)
        if span is not None:
            longs.append(_Hit(span[0], span[1], hit.entities, -1, source="abbreviation"))
    if not longs:
        return hits
    inside = [(h.start, h.end) for h in longs]
    kept = [h for h in hits if not any(s <= h.start and h.end <= e for s, e in inside)]
    return sorted(kept + longs, key=attrgetter("start"))


def _join_numbered_long_forms(hits: list[_Hit], definitions: list[Definition]) -> list[_Hit]:
    """"suppressor of cytokine signaling (SOCS)1", "interferon regulatory factor (IRF)-3": the long
    form before a numbered short form belongs to the numbered gene, not to a node of its own."""
    long_of = {d.short[0]: d.long for d in definitions if d.long[1] <= d.short[0] and d.entity}
    joined = {}
    for hit in hits:
        if hit.source == "paren-number" and hit.start in long_of:
            joined[hit.start] = long_of[hit.start][0]
    if not joined:
        return hits
    out: list[_Hit] = []
    for hit in hits:
        long_start = joined.get(hit.start)
        if long_start is not None:
            kept = len(out)
            while kept and out[kept - 1].start >= long_start:
                kept -= 1  # the long form (or a word of it) on its own
            if not kept or out[kept - 1].end <= long_start:
                del out[kept:]
                hit.start = long_start
        out.append(hit)
    return out


def _singulars_of_listed_plurals(norm: str, hits: list[_Hit]) -> None:
    """A bare singular takes the entity of a listed plural name the same caption writes:
    a caption that says "AMPs" for antimicrobial peptides means one of them by "AMP genes",
    not the nucleotide (the plural alone is never the nucleotide; the singular is, elsewhere)."""
    singular: dict[str, tuple[Entity, ...]] = {}
    for hit in hits:
        if hit.listed:
            singular.setdefault(norm[hit.start : hit.end - 1], hit.entities)
    for hit in hits:
        if not hit.listed and "plural" not in hit.modifiers:
            entities = singular.get(norm[hit.start : hit.end])
            if entities is not None:
                hit.entities = entities


def _member_ids(entity: Entity, depth: int = 3) -> set[str]:
    """Ids of every member of a family, through member families ("SMAD" holds SMAD2_3)."""
    ids: set[str] = set()
    for member in entity.members:
        ids.add(member.id)
        if member.members and depth:
            ids |= _member_ids(member, depth - 1)
    return ids


def _written_plural(lex: Lexicon, norm: str, hit: _Hit) -> bool:
    """Whether a mention is a plural: matched as name + "s", or a listed name ("caspases")
    whose singular names the same entity (not "Ras")."""
    if "plural" in hit.modifiers:
        return True
    surface = norm[hit.start : hit.end]
    if not surface.endswith("s") or len(surface) < 4:
        return False
    singular = _lookup(lex, surface[:-1])
    return singular is not None and singular.id == hit.entities[0].id


def _plural_families_as_named_members(lex: Lexicon, norm: str, hits: list[_Hit]) -> None:
    """"the Smads" after "Smad2 or Smad3": a definite plural family name that follows two or
    more named members points back at them (curators draw the members, not the family); so does
    a bare one after a list written with the family's name ("executioner caspase (-3, -6, -7)
    ... executioner caspases"). In place."""
    for i, hit in enumerate(hits):
        if not i or len(hit.entities) != 1 or hit.entities[0].type != "family" or not hit.entities[0].members \
                or not _written_plural(lex, norm, hit):
            continue
        definite = norm[max(0, hit.start - 6) : hit.start].lower().endswith(("the ", "these ", "those "))
        members = _member_ids(hit.entities[0])
        named: dict[str, Entity] = {}
        listed: tuple[Entity, ...] = ()
        for before in hits[:i]:
            inside = [ent for ent in before.entities if ent.id in members]
            if len(inside) >= 2 and len(inside) == len(before.entities):
                listed = before.entities  # the latest list of members written with the family's name
            for ent in inside:
                named.setdefault(ent.id, ent)
        if listed:
            # (the list, not every member named: "caspase-8 ... executioner caspase (-3, -6,
            # -7) ... caspase-9 activates executioner caspases" are caspases 3, 6 and 7)
            hit.entities = listed
        elif definite and len(named) >= 2:
            hit.entities = tuple(named.values())


#: what may join a lowercase echo to a neighbouring mention in a list ("including bdnf and c-fos")
_LIST_JOINT = re.compile(r",? (?:and|or) |, ")


def _lowercase_echoes(norm: str, hits: list[_Hit]) -> list[_Hit]:
    """A gene symbol the caption writes with capitals elsewhere, written in lowercase in a list
    with another mention ("target genes, including bdnf and c-fos"; italic gene names): the same
    gene. Only in a list, so that an everyday word that is also a symbol stays a word."""
    out: list[_Hit] = []
    done: set[str] = set()
    starts: set[int] | None = None  # (the mentions' starts and ends: made once a lowercase form is found)
    ends: set[int] = set()
    for hit in hits:
        if len(hit.entities) != 1 or hit.entities[0].type not in ("gene", "family") or hit.end - hit.start < 3:
            continue
        surface = norm[hit.start : hit.end]
        if surface.islower() or not surface.isascii() or surface in done:
            continue
        done.add(surface)
        low = surface.lower()
        at = norm.find(low)
        if at >= 0 and starts is None:
            starts = {h.start for h in hits}
            ends = {h.end for h in hits}
        while at >= 0:
            end = at + len(low)
            if ((at == 0 or not (norm[at - 1].isalnum() or norm[at - 1] == "-"))
                    and (end == len(norm) or not (norm[end].isalnum() or norm[end] == "-"))
                    and at not in starts):
                after = _LIST_JOINT.match(norm, end)
                joined = (after is not None and after.end() in starts) or any(
                    k in ends and _LIST_JOINT.fullmatch(norm, k, at) for k in range(max(0, at - 6), at - 1))
                if joined:
                    out.append(_Hit(at, end, hit.entities, hit.rank, hit.modifiers, source="echo"))
            at = norm.find(low, end)
    return out


#: literal words whose presence in the caption gates a pass; most captions hold few of them, so
#: one automaton pass over the caption reads them all (one str search per word and pass read
#: most captions to their end; a word most captions hold early, " of ", stays a str search).
#: Every word a pass tests in `words` must be listed here.
_GATE_WORDS = (") ", "- ", "I-", "V-", "X-", "miR", "mir", "microRNA", "(-", "its ", "their ", "receptor", "recept",
               "type", "-type ", "; ", " found in ", " present in ", " shared by ", " common to ", " part of ",
               "ompos", "onsist", "ompris", "made up", "subunit", "omponent", "onstituent")
#: the same for the words the passes test in the lowercased caption (`low_words`)
_GATE_WORDS_LOW = ("famil", "anti-", *_PART_WORDS, *_GENE_SET_WORDS, "inhibitor", "antagonist", "block", "tki",
                   "serine", "threonine", "ser", "thr")
_GATES = ahocorasick_rs.AhoCorasick(list(_GATE_WORDS))
_GATES_LOW = ahocorasick_rs.AhoCorasick(list(_GATE_WORDS_LOW))


def _gate_words(norm: str, lowered: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the _GATE_WORDS in `norm`, the _GATE_WORDS_LOW in `lowered`, its lowercase)."""
    return (frozenset([_GATE_WORDS[i] for i, _, _ in _all_matches(_GATES, norm)]),
            frozenset([_GATE_WORDS_LOW[i] for i, _, _ in _all_matches(_GATES_LOW, lowered)]))


def prepare_lexicon() -> None:
    """Load the lexicon and build now what the recogniser derives from it alone (the caption
    scanners, the index of two-member complexes), so no caption pays for it later."""
    lex = get_lexicon()
    lex.scanners()
    lex.two_member_complexes()


def clear_memos() -> None:
    """Forget every memo the recogniser keeps of caption pieces (groundings of written names,
    abbreviation checks of words, guessed types of long forms), not the loaded lexicon and rules:
    a benchmark calls it to time captions it has not seen."""
    for memo in (abbrev._is_short_form, abbrev._plausible_shape, abbrev._head, abbrev._letters_match,
                 abbrev._whole_word, _guess_type):
        memo.cache_clear()
    get_lexicon().memo.clear()


def recognize(text: Text) -> list[Mention]:
    """Entity mentions of a prepared caption: sorted, non-overlapping, original offsets."""
    lex = get_lexicon()
    rules = load_phrases()
    norm = text.norm
    # (lowercased once: lower_keep_length only differs from str.lower when a character
    # lowercases to two, "İ")
    lowered = norm.lower()
    low = lowered if len(lowered) == len(norm) else lower_keep_length(norm)
    words, low_words = _gate_words(norm, lowered)
    hits = _as_written_first(lex, norm, _scan(lex, norm, low)) + _parenthesised_numbers(lex, norm)
    if ") " in words:
        hits += _names_around_parentheses(lex, norm)
    if "- " in words:
        hits += _suspended_hyphens(lex, norm)
    hits = _select(hits)
    if "I-" in words or "V-" in words or "X-" in words:
        hits = _roman_ranges(norm, hits)
    definitions = find_definitions(norm)
    if definitions:
        hits = _select(_abbreviations(lex, norm, hits, definitions))
        hits = _join_numbered_long_forms(hits, definitions)
    taken = _taken_map(norm, hits)
    stem_ends, heads = _phrase_words(rules, low)
    unknown = _unknown_symbols(lex, norm, hits, taken) + _stem_chemicals(rules, norm, low, stem_ends, hits, taken)
    if "miR" in words or "mir" in words or "microRNA" in words:
        unknown += _mirnas(lex, norm, taken)
    if unknown:
        hits = _select(hits + unknown)
        taken = None
    if " (" in norm:
        _parenthesised_synonyms(norm, hits)
    phrases = _process_phrases(rules, norm, low, heads, hits, taken)
    if phrases:
        hits = _select(hits + phrases)
    if rules.shared_heads and " and " in norm:
        shared = _shared_heads(rules, norm, hits)
        if shared:
            hits = _select(hits + shared)
    _receptor_subtypes(lex, norm, hits, words)
    bare = _bare_receptor_subtypes(lex, norm, hits, words)
    if ("its " in words or "their " in words) and "receptor" in words:
        # (_ITS_RECEPTOR needs all three words: most captions with a possessive have no receptor)
        bare += _receptors_named_by_their_ligand(lex, norm, hits)
    if bare:
        hits = _select(hits + bare)
    expanded = _expand_numbers(lex, norm, hits)
    expanded = _expand_slash_suffixes(lex, norm, hits) or expanded
    if "(-" in words:
        expanded = _expand_paren_lists(lex, norm, hits) or expanded
    _expand_slash_families(norm, hits)
    if expanded and "/" in norm:
        hits = _numbered_slash_long_forms(norm, hits)
    derived = _gene_sets(text, hits, low_words) + _inhibitors(text, hits, low_words)
    if derived or expanded:
        hits = _select(hits + derived)
    if derived or "nhibitor" in norm:
        # (a class the lexicon itself names, "MEK inhibitor", may be apposed to its drug too)
        _drugs_named_with_their_class(norm, hits)
    echoes = _lowercase_echoes(norm, hits)
    if echoes:
        hits = _select(hits + echoes)
    hits = _moved_compartments(norm, hits)
    hits = _drop_parts_and_negations(norm, hits, lowered, low_words)
    _parts_as_their_whole(norm, hits, words)
    _pairs_as_their_complex(lex, norm, hits)
    hits = _drop_descriptive_groups(norm, hits, low_words)
    hits = _classes_apposed_to_members(norm, hits)
    hits = _diseases_as_qualifiers(norm, hits)
    if "; " in words or ", " in norm:
        hits = _residue_letter_legends(norm, hits)
    if "serine" in low_words or "threonine" in low_words or "ser" in low_words or "thr" in low_words:
        hits = _residues_and_enzyme_classes(norm, hits)
    hits = _subtypes_and_locants(norm, hits, words)
    hits = _merge_slash_synonyms(lex, norm, hits)
    _ambiguous_aliases_by_kin(norm, hits)
    if any(hit.listed for hit in hits):
        _singulars_of_listed_plurals(norm, hits)
    _absorb_unknown_partners(norm, hits)
    _plural_families_as_named_members(lex, norm, hits)
    if definitions:
        hits = [hit for hit in hits if hit.source != _PREFIX_LEGEND]
    mentions = []
    offsets, original = text.offsets, text.original  # (hit offsets lie within norm by construction)
    for hit in hits:
        start, end = offsets[hit.start], offsets[hit.end]
        mentions.append(Mention(start, end, original[start:end], hit.entities, hit.modifiers))
    return mentions
