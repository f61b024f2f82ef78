"""Find abbreviation definitions in a normalised caption.

Two shapes are read:
- inline definitions, "platelet-derived growth factor receptor (PDGFR)" and the reverse
  "PDGFR (platelet-derived growth factor receptor)", with the Schwartz & Hearst (2003)
  rule that the short form's characters appear in order in the long form, its first
  character starting a word;
- legends, "ACC, acetyl-CoA carboxylase; CoA, coenzyme A", "OM: outer membrane",
  "PI3K = phosphoinositide 3-kinase", items separated by ";" (or "," between items).

Offsets are those of the normalised text (``Text.norm``); the recogniser maps them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .text import occurrences


@dataclass(frozen=True)
class Definition:
    """A short form and its long form, as (start, end) spans of the normalised text.

    `entity` is False when the long form names something curators do not draw (a cell type,
    a zone, a domain: "distal stem cells (DSC)"): the short form then names no entity either,
    even when it is also a gene symbol.
    """

    short: tuple[int, int]
    long: tuple[int, int]
    entity: bool = True


#: a short form: one token with a capital letter or digit, 2..15 characters
_SHORT = r"[A-Za-z0-9][A-Za-z0-9αβγδκ+'/.-]{0,13}[A-Za-z0-9+']|[A-Z]"
_SHORT_RE = re.compile(rf"(?:{_SHORT})")
_PAREN = re.compile(r"\(([^()]{1,120})\)")
_WORD = re.compile(r"[^\s()]+")


#: capitalised sentence openers that look like short forms in "X, long form" shapes ("Then, the
#: activated insulin receptor phosphorylates IRS proteins" is a sentence, not a legend item; a
#: title-case word of five letters or more is no short form anyway)
_OPENERS = frozenset({"In", "On", "At", "As", "It", "If", "An", "To", "By", "Of", "Or", "So", "We", "No", "Up",
                      "The", "And", "But", "For", "Via", "Yet", "Now", "All", "Its", "Our", "Two", "One",
                      "Then", "Thus", "Here", "Also", "Next", "Once", "When", "Upon", "Both", "Each", "This",
                      "That", "Such", "Most", "Some", "Many", "Only", "Even", "With", "From", "Into", "Like",
                      "Over", "Just", "Last"})


_NOT_SHORT = re.compile(r"[A-Z]|[IVX]+|[a-z]?[0-9]+[a-z]?")
_FIRST_ITEM = re.compile(r"[;,]\s")


@lru_cache(maxsize=16384)
def _is_short_form(token: str) -> bool:
    """A plausible abbreviation: has a capital letter (or digit + letter), not a plain word."""
    if not 1 < len(token) <= 15 or not _SHORT_RE.fullmatch(token) or token in _OPENERS:
        return False
    upper = sum(c.isupper() for c in token)
    if upper == 0 or (upper == 1 and token[0].isupper() and token[1:].isalpha() and len(token) > 4):
        return False
    # "(A)", "(B)" panel letters and roman numerals are not abbreviations
    return not _NOT_SHORT.fullmatch(token)


#: head words of long forms that name things curators do not draw: protein domains and
#: motifs, anatomical zones and regions, cell types, numbering schemes
_NOT_ENTITY_HEADS = frozenset({
    "domain", "domains", "motif", "motifs", "homology", "region", "regions", "zone", "zones",
    "number", "numbers", "band", "bands", "site", "sites", "repeat", "repeats", "cell", "cells",
    "macrophage", "macrophages", "neutrophil", "neutrophils", "lymphocyte", "lymphocytes",
    "leukocyte", "leukocytes", "monocyte", "monocytes", "granulocyte", "granulocytes", "eosinophil",
    "eosinophils", "basophil", "basophils", "fibroblast", "fibroblasts", "keratinocyte", "keratinocytes",
    "hepatocyte", "hepatocytes", "adipocyte", "adipocytes", "cardiomyocyte", "cardiomyocytes",
    "astrocyte", "astrocytes", "neuron", "neurons", "thymocyte", "thymocytes", "erythrocyte", "erythrocytes",
    "patient", "patients", "mice", "model", "score", "ratio", "index",
    # anatomy: brain nuclei and areas, tissues, plant organs
    "nucleus", "nuclei", "cortex", "area", "areas", "gyrus", "tissue", "tissues", "organ", "organs",
    "layer", "layers", "root", "roots", "primordia", "primordium", "meristem", "meristems",
    # modes of inheritance ("AR=autosomal recessive"); cell structures ("cytoskeleton (Csk)")
    "recessive", "dominant", "inheritance", "cytoskeleton",
})
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive")
#: a lone lowercase verb is no long form: "MDM2 ubiquitinates (Ub) TP53"
_VERB_WORD = re.compile(r"[a-z]+(?:ylates|inates|izes|ises)")
#: words of a clause, never of a name: a possessive, a finite verb of binding or acting
_CLAUSE_WORDS = frozenset({"its", "their", "binds", "activates", "inhibits", "induces", "recruits", "is", "are"})


_DOMAIN_AFTER = re.compile(r"[\s-]*(?:domains?|motifs?|regions?|repeats?|-?containing|binding sites?)\b", re.I)


#: a finite verb after a comma (an adverb may come first): "AKT, a kinase, phosphorylates GSK3B"
#: is a sentence whose subject has an apposition, not the legend item "AKT, <long form>"
_VERB_AFTER_COMMA = re.compile(r", (?:[a-z]+ )?(?:[a-z]+ates|binds|inhibits|induces|promotes|recruits|"
                               r"interacts|forms|cleaves|blocks|enters|prevents|triggers|controls|drives|"
                               r"targets|suppresses|represses|degrades|releases|acts|signals)\b")


@lru_cache(maxsize=16384)
def _plausible_shape(long: str) -> bool:
    """A long form is a name: no clause ("..., which", "..., phosphorylates X"), no legend glued
    on ("A=B"), not a lone adjective ("ribosomal") or verb ("ubiquitinates")."""
    if "=" in long or ", which" in long or ", and " in long or long.count(",") > 1:
        return False
    if ", " in long and _VERB_AFTER_COMMA.search(long):
        return False
    words = long.split()
    if not words:
        return False
    if len(words) == 1 and (words[0].endswith(_ADJECTIVE_ENDINGS) or _VERB_WORD.fullmatch(words[0])):
        return False
    if len(words) > 2 and not _CLAUSE_WORDS.isdisjoint(words):
        return False  # "IL-6 binds to its receptor (IL-6R)": a clause, whose last words are the name
    return True


#: heads of protein parts: "Notch intracellular domain (NICD)" is still read as Notch by the
#: lexicon, so such a definition neither defines nor blocks its short form
_PART_HEADS = frozenset({"domain", "domains", "motif", "motifs", "homology", "repeat", "repeats",
                         "signal", "signals", "sequence", "sequences"})  # "nuclear localization signal (NLS)"


@lru_cache(maxsize=16384)
def _head(long: str) -> str:
    """The head word of a long form, lowercase ("" when there is none)."""
    words = long.split()
    if not words:
        return ""
    # "Fas-associated protein with death domain": the head is the noun before "with";
    # "diagonal band of Broca": the noun before "of"
    head_at = len(words) - 1
    for word in ("with", "of"):
        if word in words[1:]:
            head_at = min(head_at, words.index(word, 1) - 1)
    return words[head_at].rstrip(" .)").lower().rsplit("-", 1)[-1]


def _non_entity_head(long: str) -> bool:
    """True when the head word of a long form is a zone, cell type or number (not a protein part)."""
    head = _head(long)
    return head in _NOT_ENTITY_HEADS and head not in _PART_HEADS


#: Greek letters as the normalised text spells them out; in a short form each is one letter
#: ("αLA", normalised "alphaLA", abbreviates "alpha-linolenic acid" with three letters)
_GREEK_WORD = re.compile(r"alpha|beta|gamma|delta|epsilon|kappa|lambda|sigma|omega", re.I)


def _one_letter_greek(short: str) -> str:
    """`short` with every spelled-out Greek letter cut to its first letter."""
    return _GREEK_WORD.sub(lambda m: m.group()[0], short) if len(short) > 4 else short


@lru_cache(maxsize=16384)
def _letters_match(short: str, long: str) -> int:
    """Schwartz-Hearst: start index in `long` of the best long form for `short`, or -1."""
    short_low, long_low = _one_letter_greek(short.lower()), long.lower()
    l_i = len(long_low)  # search below this index
    chars = [c for c in short_low if c.isalnum()]
    for s_i in range(len(chars) - 1, -1, -1):
        c = chars[s_i]
        l_i = long_low.rfind(c, 0, l_i)
        # the first character of the short form must start a word of the long form
        while s_i == 0 and l_i > 0 and long_low[l_i - 1].isalnum():
            l_i = long_low.rfind(c, 0, l_i)
        if l_i < 0:
            return -1
    if not chars:
        return -1
    return long.rfind(" ", 0, l_i) + 1

#: an upper-case symbol and a slash opening a long form ("JAK/signal transducer ...")
_SYMBOL_SLASH = re.compile(r"[A-Z][A-Z0-9]{1,9}/(?=[a-z])")


def _long_before(text: str, end: int, short: str, rev: str) -> tuple[int, int] | None:
    """The long form that ends at `end` (just before "(SHORT)"), or None (`rev` is `text`
    reversed)."""
    # Schwartz-Hearst window: at most min(|short| + 5, 2 |short|) words
    size = len(_one_letter_greek(short))
    limit = min(size + 5, 2 * size)
    # words of the 200 characters before: a short window first, the full one only when the
    # short window holds fewer than limit whole words (its first word may be cut).
    # Only the last words count, so they are read last first, in the reversed text, where the
    # search stops after them: a word is a run of one character class, the same run backwards
    n = len(text)
    words = list(islice(_WORD.finditer(rev, n - end, n - max(0, end - 16 * limit)), limit + 1))
    if len(words) <= limit and end - 16 * limit > 0 and 16 * limit < 200:
        words = list(islice(_WORD.finditer(rev, n - end, n - max(0, end - 200)), limit))
    if not words:
        return None
    # stop at clause punctuation: a long form does not run over ";" or ":" or "." (a word ending
    # in one starts the reversed match); first_word indexes `words`, last first
    first_word = min(len(words), limit) - 1
    for i in range(1, first_word + 1):
        if rev[words[i].start()] in ";:.":
            first_word = i - 1
            break
    span_start = n - words[first_word].end()
    candidate = text[span_start:end].rstrip()
    k = _letters_match(short, candidate)
    if k < 0:
        return None
    long_start = span_start + k
    # "JAK/signal transducer and activator of transcription (STAT)": an upper-case symbol
    # joined by a slash to the first word is a partner of the long form, not part of it
    slash = _SYMBOL_SLASH.match(text, long_start, end)
    if slash and _letters_match(short, text[slash.end():end]) == 0:
        long_start = slash.end()
    long_text = text[long_start:end].rstrip(" ,")
    if not long_text or long_text.lower() == short.lower() or len(long_text) < len(short):
        return None
    if long_text.lower().startswith(short.lower()) and not long_text[len(short):len(short) + 1].isalpha():
        return None  # "PI3K/Akt/mTOR (PI3K, ...)": a long form does not open on its own abbreviation
    if not _plausible_shape(long_text):
        return None
    return long_start, long_start + len(long_text)


#: a hormone's letter-and-number short form, whose number is no letter of the name: "estradiol
#: (E2)", "progesterone (P4)", "thyroxine (T4)" (Schwartz-Hearst wants every character in order)
_STEROID_SHORT = re.compile(r"[A-Z][0-9]")
#: one word naming such a hormone: an optional "17beta-" locant, a sterol/ketone/amine ending
_STEROID_WORD = re.compile(r"(?:[0-9]{1,2}(?:alpha|beta)?-)?([a-z][a-z]{4,}(?:ol|one|ine))", re.I)


def _steroid_before(text: str, end: int, short: str) -> tuple[int, int] | None:
    """The one-word hormone name just before "(E2)" whose first letter is the short form's
    letter, or None ("ubiquitin-conjugating enzyme (E2)" names no hormone)."""
    before = _word_before(text, end)
    if before is None:
        return None
    start, word = before
    named = _STEROID_WORD.fullmatch(word)
    if named is None or named.group(1)[0].lower() != short[0].lower():
        return None
    return start, start + len(word)


def _inline(text: str) -> list[Definition]:
    """Definitions of the form "long form (SHORT)" and "SHORT (long form)"."""
    found: list[Definition] = []
    rev = ""  # (the reversed text, made for the first short form)
    for match in _PAREN.finditer(text):
        inner = match.group(1).strip()
        inner_start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
        # "(PDGFR)" or "(PDGFR, ref)" / "(PDGFR; ...)": the short form is the first item
        first = _FIRST_ITEM.split(inner, maxsplit=1)[0].strip() if ";" in inner or "," in inner else inner
        if _DOMAIN_AFTER.match(text, match.end()):
            continue  # "tyrosine kinase (TK) domains", "Src homology 2 (SH2)-containing": a part
        if _is_short_form(first) and " " not in first:
            rev = rev or text[::-1]
            long = _long_before(text, match.start(), first, rev)
            if long is None and _STEROID_SHORT.fullmatch(first):
                long = _steroid_before(text, match.start(), first)
            if long is not None and _head(text[long[0] : long[1]]) not in _PART_HEADS:
                entity = not _non_entity_head(text[long[0] : long[1]])
                found.append(Definition((inner_start, inner_start + len(first)), long, entity))
                continue
        # reverse: "PI3K (phosphoinositide 3-kinase)"
        if " " not in inner:
            continue
        before = _word_before(text, match.start())
        if before is not None and _is_short_form(before[1].rstrip(",")):
            short = before[1].rstrip(",")
            k = _letters_match(short, inner)
            if k == 0 and _plausible_shape(inner) and _head(inner) not in _PART_HEADS:
                found.append(Definition((before[0], before[0] + len(short)), (inner_start, inner_start + len(inner)),
                                        not _non_entity_head(inner)))
    return found


def _unbalanced_close(text: str) -> int:
    """Index of the first ")" in `text` that closes no "(" of `text`, or -1."""
    first = text.find(")")
    if first < 0 or "(" not in text[:first]:
        return first  # (the usual cases: no ")", or one that no "(" precedes)
    depth = 0
    for match in _BRACKET.finditer(text):  # (the parentheses only, not every character)
        if match.group() == "(":
            depth += 1
        elif depth == 0:
            return match.start()
        else:
            depth -= 1
    return -1


_BRACKET = re.compile(r"[()]")


def _word_before(text: str, end: int, window: int = 40) -> tuple[int, str] | None:
    """(start, word) of the word (no spaces or parentheses) that ends `text[:end]` apart from
    trailing spaces, looking back at most `window` characters; None when there is none."""
    low = max(0, end - window)
    stop = end
    while stop > low and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > low and not text[start - 1].isspace() and text[start - 1] not in "()":
        start -= 1
    return (start, text[start:stop]) if start < stop else None
#: a second short form opening a legend item's long form ("PD-L1, SOCS1, suppressor ...")
_NEXT_SHORT = re.compile(r"([^\s,:;=()]{2,15}),\s+")
#: a participle opening a clause inside a legend item ("... species triggering ...")
_CLAUSE_WORD = re.compile(r"(?<=\w)\s+(?:[a-z]{3,}ing|which|that|by|to)\b")
_LEGEND_SPLIT = re.compile(r"(;|\.\s|\.(?=\([A-Za-z]\)|Abbreviation)|\n)")  # ".(D)": a panel letter ends an item
_HEADING = re.compile(r"\s*(?:abbreviations?|notes?|key)\s*[:.]\s*", re.I)
_HEADINGS = ("abbreviation", "note", "key")
#: every character that _HEADING's words may open with (re.I also folds the Kelvin sign to "k")
_HEADING_INITIALS = frozenset("aAnNkK\u212a")
#: the head of a legend item: "ACC," "OM:" "PI3K =" (the long form is the rest of the item)
#: (the words' quantifiers are possessive: a word cut short is followed by another word
#: character, never by a separator, so giving characters back never helps; half the work)
_LEGEND_HEAD = re.compile(r"\s*(?:and\s+)?([^\s,:;=]{1,20}+(?:\s[^\s,:;=]{1,8}+)?)\s*(?:,|:|=|\s-\s)\s*")


#: words that open a clause or a prepositional phrase, never a name: "STAT1, in complex with
#: STAT2, activates ISG15" and "MDM2, which binds p53, ..." are sentences, not legend items
_CLAUSE_OPENER = re.compile(r"(?:in|on|at|with|without|which|that|who|whose|is|are|was|were|has|have|and|or|but|"
                            r"then|thus|also|as|by|for|from|to|via|through|upon|while|whereas|when|where|"
                            r"respectively|together|along|leading|resulting|acting)\b")


#: "AR=autosomal recessive, AD=autosomal dominant": "=" items may be separated by commas
_EQ_ITEM = re.compile(r",\s+(?=[^\s,;=]{1,20}\s?=\s?[^\s=])")


def _legend_separators(text: str) -> list[tuple[int, int]]:
    """(start, end) of every _LEGEND_SPLIT match in `text`, in order.

    The same spans as the regex's finditer, found from the positions of ".", ";" and newlines
    (str.find): the regex tries every character of the caption, these are a few dozen.
    """
    found = occurrences(text, (".", ";", "\n"))
    out = []
    done = 0  # (a match resumes the search after its end, as finditer does)
    for at in found:
        if at < done:
            continue  # the newline of a ".\n" already taken
        if text[at] != ".":
            done = at + 1
        elif text[at + 1 : at + 2].isspace():  # (str.isspace and \s agree on one character)
            done = at + 2
        elif _PANEL_AHEAD.match(text, at + 1) or text.startswith("Abbreviation", at + 1):
            # (a legend glued to the last sentence, "... may be attractive.Abbreviations: IL,
            # interleukin; ...", where the paragraphs were joined without their space)
            done = at + 1
        else:
            continue
        out.append((at, done))
    return out


_PANEL_AHEAD = re.compile(r"\([A-Za-z]\)")


def _legend_pieces(text: str) -> list[tuple[int, str]]:
    """(start, text) of every candidate legend item: pieces between ";", ". " and newlines,
    and "X=..., Y=..." pieces cut at their commas."""
    out = []
    # (the separators themselves hold no item: walk the matches, not a split that keeps them)
    bounds = _legend_separators(text)
    bounds.append((len(text), len(text)))
    start = 0
    for stop, after in bounds:
        piece = text[start:stop]
        if "=" in piece and "," in piece:
            sub = 0
            for cut in _EQ_ITEM.finditer(piece):
                out.append((start + sub, piece[sub : cut.start()]))
                sub = cut.end()
            out.append((start + sub, piece[sub:]))
        else:
            out.append((start, piece))
        start = after
    return out


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern:
    """A pattern finding `word` as a whole word (compiled once per word, not per legend item)."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def _legend(text: str) -> list[Definition]:
    """Definitions in legends: "ACC, acetyl-CoA carboxylase; CoA, coenzyme A; ..."."""
    found: list[tuple[bool, Definition]] = []
    # a legend is a run of ";"-separated items; a lone "X, long form" sentence counts too
    for start, piece in _legend_pieces(text):
        match = _LEGEND_HEAD.match(piece)
        offset = 0
        if match is None or match.group(1).lower().startswith(_HEADINGS):
            # the first item of a legend may follow a heading ("Abbreviations:")
            # (a heading opens with one of _HEADINGS' letters: no regex for the usual sentence)
            heading = _HEADING.match(piece) if piece.lstrip()[:1] in _HEADING_INITIALS else None
            if heading is None:
                continue
            offset = heading.end()
            match = _LEGEND_HEAD.match(piece, offset)
            if match is None:
                continue
        item = piece
        if offset:
            item = piece[offset:]
            match = _LEGEND_HEAD.match(item)  # (offsets relative to the item)
        short = match.group(1)
        if not _is_short_form(short.replace(" ", "")) and not _NEXT_SHORT.match(item, match.end()):
            continue  # (the usual case, "In addition, ...": no short form, nor a second one below)
        long = item[match.end() :]
        # a legend inside parentheses ends at its closing one ("(... mTOR, mammalian target
        # of rapamycin) signaling"): the words after it are the sentence's again
        close = _unbalanced_close(long)
        if close >= 0:
            long = long[:close]
        long = long.rstrip().rstrip(".").rstrip()
        if not long or _CLAUSE_OPENER.match(long):
            continue
        s_rel, l_rel = match.start(1), match.end()
        nxt = _NEXT_SHORT.match(long)
        if nxt and _is_short_form(nxt.group(1)) and _letters_match(short, long[nxt.end() :]) < 0:
            # "PD-L1, SOCS1, suppressor of cytokine signaling 1": an item that lost its long
            # form before the next one; the long form belongs to the second short form
            short, long = nxt.group(1), long[nxt.end() :]
            s_rel, l_rel = l_rel, l_rel + nxt.end()
        if not _is_short_form(short.replace(" ", "")) or len(long) > 100 or len(long) <= len(short):
            continue
        if long.count(",") > 2 or len(long.split()) > 10 or _whole_word(short).search(long):
            continue
        if any(_is_short_form(inner.strip()) for inner in _PAREN.findall(long)):
            # "13-LOX, 13-lipoxygenase species triggering jasmonate synthesis by converting
            # α-linoleic acid (αLA)": a description that defines more; the name ends before it
            clause = _CLAUSE_WORD.search(long)
            if clause is None:
                continue
            long = long[: clause.start()].rstrip(" ,")
        # a long form is made of words, not of more symbols ("Smad2/3-Smad4, LATS1/2")
        if not _THREE_LOWER.search(long) and not (long.isalpha() and len(long) > len(short)):
            continue
        if not _plausible_shape(long) or _head(long) in _PART_HEADS:
            continue
        strict = _letters_match(short, long) >= 0
        if not strict and long[:1].lower() != short[:1].lower() and not (
                short[:2].isdigit() and short[:2] in long.split(None, 1)[0]):
            # (a short form opening with a number names it inside the long form's first
            # word: "53BP1: p53-binding protein 1", "4E-BP1: eIF4E-binding protein 1")
            continue
        s0 = start + offset + s_rel
        l0 = start + offset + l_rel
        found.append((strict, Definition((s0, s0 + len(short)), (l0, l0 + len(long)), not _non_entity_head(long))))
    # a loose item (only the first letter agrees) counts inside a legend of several items
    if sum(1 for _, d in found) < 2:
        return [d for strict, d in found if strict]
    return [d for _, d in found]


_THREE_LOWER = re.compile(r"[a-z]{3}")
_NUMBERED_SLASH = re.compile(r"[A-Za-z-]+\d+(?:/\d+)+")


def _split_pairs(text: str, definitions: list[Definition]) -> list[Definition]:
    """"HK/GK, hexokinase/glucokinase" defines two pairs; "cIAP1/2" (numbered) is left to the
    recogniser's slash expansion."""
    out = []
    for d in definitions:
        short = text[d.short[0] : d.short[1]]
        long = text[d.long[0] : d.long[1]]
        if _NUMBERED_SLASH.fullmatch(short):
            continue
        parts_s, parts_l = short.split("/"), long.split("/")
        if len(parts_s) == 1 and len(parts_l) > 1:
            # "JAK-STAT (Janus kinase/signal transducers and activators of transcription)":
            # a hyphenated pair of short forms, each spelled out by one slash part
            hyphen_parts = short.split("-")
            if len(hyphen_parts) == len(parts_l) and all(
                    len(ps) > 1 and _letters_match(ps, pl.strip()) == 0 for ps, pl in zip(hyphen_parts, parts_l)):
                parts_s = hyphen_parts
        if len(parts_s) > 1 and len(parts_s) == len(parts_l) and all(parts_s) and all(p.strip() for p in parts_l):
            s0, l0 = d.short[0], d.long[0]
            for ps, pl in zip(parts_s, parts_l):
                out.append(Definition((s0, s0 + len(ps)), (l0, l0 + len(pl)), not _non_entity_head(pl)))
                s0 += len(ps) + 1
                l0 += len(pl) + 1
            continue
        out.append(d)
    return out


def find_definitions(text: str) -> list[Definition]:
    """All abbreviation definitions in `text` (normalised caption), in text order, no duplicates."""
    seen: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    out = []
    for d in sorted(_split_pairs(text, _inline(text) + _legend(text)), key=lambda d: (d.short, d.long)):
        if (d.short, d.long) not in seen:
            seen.add((d.short, d.long))
            out.append(d)
    return out
