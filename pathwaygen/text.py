"""Normalise a caption for matching while keeping an exact map back to the original string.

``prepare(caption)`` returns a :class:`Text`: ``norm`` is the caption after Unicode NFKC,
Greek letters spelled out (NF-κB -> NF-kappaB, TGF-β -> TGF-beta), every dash and minus
sign turned into "-" and every space character into " ". Each normalised character
remembers the original character it came from, so ``to_original(i)`` maps any offset of
``norm`` (including ``len(norm)``) back to the caption; evidence spans stay exact.
``sentences`` are (start, end) spans of the ORIGINAL caption; panel labels ("a.| ", ".(B) ") end a
sentence and belong to none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

#: Greek letters -> spelled-out names (lower and upper case; NFKC already maps µ to μ)
GREEK: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
    "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma",
    "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Α": "Alpha", "Β": "Beta", "Γ": "Gamma", "Δ": "Delta", "Ε": "Epsilon", "Ζ": "Zeta",
    "Η": "Eta", "Θ": "Theta", "Ι": "Iota", "Κ": "Kappa", "Λ": "Lambda", "Μ": "Mu",
    "Ν": "Nu", "Ξ": "Xi", "Ο": "Omicron", "Π": "Pi", "Ρ": "Rho", "Σ": "Sigma", "Τ": "Tau",
    "Υ": "Upsilon", "Φ": "Phi", "Χ": "Chi", "Ψ": "Psi", "Ω": "Omega",
    # Latin look-alikes that NFKC keeps and captions use for Greek letters ("IKKɛ", "TNFɑ")
    "ɛ": "epsilon", "ɑ": "alpha", "ɣ": "gamma",
}

#: dash-like characters (hyphens, en/em dashes, minus signs) -> "-"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043\u00ad"
#: quote-like characters -> ASCII
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u2033": "''",
          "\u201c": '"', "\u201d": '"', "\u201e": '"'}

#: abbreviations after which a full stop does not end a sentence (lowercase, without the dot)
_NO_BREAK = frozenset({
    "e.g", "i.e", "fig", "figs", "vs", "cf", "et al", "al", "approx", "ca", "resp", "no",
    "nos", "ref", "refs", "eq", "etc", "viz", "sp", "spp", "var", "subsp", "st", "dr",
    "mr", "ms", "prof", "inc", "ltd", "co", "jr", "sr", "vol", "pp", "ed", "eds", "min", "max",
})
#: of _NO_BREAK, the ones that stay abbreviations when written in capitals ("FIG. 2"); any other
#: all-capital word is an acronym that can end a sentence ("production of NO. NO activates sGC",
#: "patients with MS. Trp ...", "binds MAX. MYC ...")
_CAPITALS_NO_BREAK = frozenset({"fig", "figs", "vs", "etc", "al", "et al", "ref", "refs", "eq", "vol", "nos"})

#: the characters of a word for _last_word: ASCII letters and the full stop
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."
_SPECIAL = re.compile(r"[^\x20-\x7e]")
_L_FOR_I = re.compile(r"(?<![A-Za-z])l(?=(?:kappa|k|K)(?:B|K))")
#: what may open a sentence: a capital or digit, or a symbol written with a lowercase start
#: ("p53", "cAMP", "mTOR", "c-Myc", "miR-21") or a Greek letter (spelled out in the norm text:
#: "βA could ...", "β-catenin then ...")
_OPENING = (r"(?:[A-Z0-9]|[a-z]{1,3}-?[A-Z0-9]|(?:alpha|beta|gamma|delta|epsilon|kappa|lambda|sigma|omega|"
            r"zeta|theta|tau|mu)(?:-?[A-Z0-9]|-[a-z]))")
#: (also after a lowercase panel label: "in COS-7 cells. (i) Activation of", "by recognition
#: modules. (a) In the Toll pathway": the label opens the next sentence)
_PANEL = r"(?:\((?:[a-z]|[ivx]+)\)\s+)?"
#: superscript reference numbers flattened after a full stop ("long-term potentiation.167, 168
#: TrkB consists of", "(CaMK).163 TrkB is"): they end the sentence with the stop. Only after a
#: letter or a closing bracket, so that a decimal ("1.5 M NaCl") stays one number
_CITES = r"(?:(?<=[A-Za-z)\]]\.)\d{1,3}(?:(?:, ?|-)\d{1,3})*)?"
_SENTENCE_END = re.compile(r"[.!?]" + _CITES + r"(?=[\"')\]]*\s+" + _PANEL + r"[\"'(\[]?" + _OPENING + ")")
#: _SENTENCE_END for a text with no "!" or "?": a literal first character lets re skip to each
#: full stop instead of testing every character against a set
_FULL_STOP_END = re.compile(r"\." + _CITES + r"(?=[\"')\]]*\s+" + _PANEL + r"[\"'(\[]?" + _OPENING + ")")

#: 0, 1, 2, ...: offset maps are slices of it (grown on demand by _identity), so that a caption's
#: map shares these int objects instead of making one per character
_IDENTITY: tuple[int, ...] = tuple(range(4096))


def _identity(n: int) -> tuple[int, ...]:
    """Return a tuple of at least `n` consecutive ints from 0 (slice it to get range(i, j))."""
    global _IDENTITY
    if n > len(_IDENTITY):
        _IDENTITY = tuple(range(max(n, 2 * len(_IDENTITY))))
    return _IDENTITY


@lru_cache(maxsize=8192)
def _normalise_char(ch: str) -> str:
    """Return the normalised form of one original character (possibly several characters)."""
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if c in GREEK:
            out.append(GREEK[c])
        elif c in DASHES:
            out.append("-" if c != "\u00ad" else "")
        elif c in QUOTES:
            out.append(QUOTES[c])
        elif c.isspace():
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


@dataclass(frozen=True)
class Text:
    """A caption, its normalised form, the offset map between them and its sentences."""

    original: str
    norm: str
    offsets: tuple[int, ...] = field(repr=False)
    sentences: tuple[tuple[int, int], ...] = ()

    def to_original(self, i: int) -> int:
        """Map offset `i` of `norm` (0 <= i <= len(norm)) to the matching offset of `original`."""
        if i < 0 or i > len(self.norm):
            raise IndexError(f"offset {i} outside 0..{len(self.norm)}")
        return self.offsets[i]

    def sentence_of(self, start: int) -> tuple[int, int]:
        """Return the sentence span (original offsets) that contains original offset `start`."""
        for span in self.sentences:
            if span[0] <= start < span[1]:
                return span
        return (0, len(self.original))


def _word_start(text: str, low: int, end: int) -> int:
    """Start of the run of ASCII letters and dots ending at `end` that begins with a letter
    (not before `low`); `end` when there is none."""
    j = low + len(text[low:end].rstrip(_WORD_CHARS))
    while j < end and text[j] == ".":
        j += 1
    return j


def _last_word(text: str, low: int, end: int) -> str:
    """The word (letters and dots, "et al" counts as one) that ends at `end`, as the regex
    ``([A-Za-z][A-Za-z.]*(?: al)?)$`` would find it searching text[low:end]; "" when there is none
    (tests/test_text.py holds the two to the same answers)."""
    j = _word_start(text, low, end)
    if j == end:
        return ""
    if text[j:end] == "al" and j - 1 > low and text[j - 1] == " ":
        k = _word_start(text, low, j - 1)
        if k < j - 1:
            return text[k:end]
    return text[j:end]


def occurrences(text: str, needles: tuple[str, ...]) -> list[int]:
    """Every offset in `text` where one of `needles` starts, in order (str.find per needle:
    C-speed scans where a regex would try every character)."""
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    found.sort()
    return found


def _split_sentences(original: str, norm: str, offsets: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Split at ., ! or ? followed by space and a capital or digit, except after abbreviations."""
    spans: list[tuple[int, int]] = []
    start = 0
    ends = _SENTENCE_END if "!" in norm or "?" in norm else _FULL_STOP_END
    for match in ends.finditer(norm):
        dot = match.start()
        if norm[dot] == ".":
            word = _last_word(norm, max(start, dot - 24), dot)
            token = word.lower()
            # "e.g." "Fig." "vs." "et al.", single initials ("F. oxysporum", "J. Smith")
            if ((token in _NO_BREAK or token.rstrip(".") in _NO_BREAK)
                    and not (len(word) > 1 and word.isupper() and "." not in word and token not in _CAPITALS_NO_BREAK)):
                continue
            if len(token) == 1 and "a" <= token <= "z" and not (dot > 1 and (norm[dot - 2].isalnum() or norm[dot - 2] == "-")):
                continue  # (an initial stands alone: the "K" of "PI3K." or "MAP3K." and the "I" of "RIG-I." end a symbol)
        end = match.end()  # past the stop and any reference numbers after it
        o_start, o_end = offsets[start], offsets[end]
        # trim spaces so that a sentence starts and ends on text
        while o_start < o_end and original[o_start].isspace():
            o_start += 1
        if o_start < o_end:
            spans.append((o_start, o_end))
        start = end
    o_start, o_end = offsets[start], len(original)
    while o_start < o_end and original[o_start].isspace():
        o_start += 1
    while o_end > o_start and original[o_end - 1].isspace():
        o_end -= 1
    if o_start < o_end:
        spans.append((o_start, o_end))
    return tuple(spans)


#: a Nature-style panel label after a full stop or at the start ("... on the TME. a.| FGF/FGFR
#: promotes", "b | The kinase ..."), or a panel label glued to the full stop ("organ primordia.(B)
#: Auxin is transported"): _split_sentences does not cut there, and left in a sentence the label
#: hides the subject that opens the panel's text
_PANEL_LABEL = re.compile(r"(?:^|(?<=[.!?] ))[A-Za-z]\.? ?\| *|(?<=\.)\([A-Za-z]\) *")


def split_panel_labels(original: str, sentences: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Cut the sentence spans of `original` at panel labels ("a.| ", "b | ", ".(B) ") and leave
    the labels out."""
    if "|" not in original and ".(" not in original:
        return sentences
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        cut = start
        chunk = original[start:end]
        if "|" not in chunk and ".(" not in chunk:  # (every label holds one: most sentences have none)
            if start < end:
                out.append((start, end))
            continue
        for match in _PANEL_LABEL.finditer(chunk):
            left = original[cut:start + match.start()].rstrip()
            if left:
                out.append((cut, cut + len(left)))
            cut = start + match.end()
        if cut < end:
            out.append((cut, end))
    return tuple(out)


def prepare(caption: str) -> Text:
    """Normalise `caption` and split it into sentences; see the module docstring."""
    n = len(caption)
    identity = _identity(n + 1)
    if caption.isascii() and caption.isprintable():
        # nothing outside printable ASCII (about half the captions): norm is the caption itself
        norm = caption
        offsets = identity[: n + 1]
    else:
        parts: list[str] = []
        offset_list: list[int] = []
        done = 0
        # only characters outside printable ASCII need work; runs in between are copied as they are
        for match in _SPECIAL.finditer(caption):
            i = match.start()
            if i > done:
                parts.append(caption[done:i])
                offset_list.extend(identity[done:i])
            char_norm = _normalise_char(caption[i])
            parts.append(char_norm)
            offset_list.extend([i] * len(char_norm))
            done = i + 1
        if done < n:
            parts.append(caption[done:])
            offset_list.extend(identity[done:n])
        offset_list.append(n)
        norm = "".join(parts)
        offsets = tuple(offset_list)
    if "lk" in norm or "lK" in norm:
        # "lκB", "lkBα", "lKK": a lowercase l for the capital I of IκB and IKK (a common
        # PDF/OCR confusion); same length, so offsets are unchanged
        norm = _L_FOR_I.sub("I", norm)
    return Text(caption, norm, offsets, split_panel_labels(caption, _split_sentences(caption, norm, offsets)))
