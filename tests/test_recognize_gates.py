"""The literal pre-checks and regex-free rewrites of recognize.py and abbrev.py read what the
patterns they stand for read.

A pre-check spares a regex match only when that match cannot succeed: hypothesis writes texts
that each guarded pattern matches, and every one must pass its pre-check. A rewrite must give
exactly the regex's answers, on drawn text and on texts built to hit its edge cases.
"""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from pathwaygen import abbrev as A
from pathwaygen import recognize as R

#: characters that reach the edge cases: separators, brackets, Unicode spaces and case folds
_EDGY = st.text(alphabet=st.sampled_from(list(".;:,=-()[] \t\n\u2003\x1caAbBkKnNtTdDiI\u0131\u0130\u212a19")),
                max_size=40)


def _matching(pattern: re.Pattern) -> st.SearchStrategy[str]:
    """Texts that `pattern` matches at their start (it is anchored there by .match)."""
    return st.from_regex(re.compile(pattern.pattern, pattern.flags & ~re.ASCII), fullmatch=False).filter(
        lambda t: pattern.match(t) is not None)


@settings(max_examples=60, deadline=None)
@given(_matching(R._GENES_AFTER))
def test_gene_set_words_open_with_their_initials(text):
    first = text[:1]
    if first in (" ", "-"):
        first = text[1:2]
    assert first in R._GENE_SET_INITIALS


@settings(max_examples=40, deadline=None)
@given(_matching(R._SUFFIX_TAIL))
def test_suffix_tail_opens_with_a_slash(text):
    assert text.startswith("/")


@settings(max_examples=40, deadline=None)
@given(_matching(R._KIND_AFTER))
def test_kind_word_opens_with_a_hyphen(text):
    assert text.startswith("-")


@settings(max_examples=60, deadline=None)
@given(st.from_regex(R._PAIR_GAP, fullmatch=True))
def test_pair_gap_strips_to_a_pair_word(gap):
    assert gap.strip() in R._PAIR_WORDS


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AlaSerThrGlyx19")), max_size=8))
def test_residue_prefix_is_its_first_three_letters(word):
    assert (R._RESIDUE.match(word) is not None) == (word[:3] in R._RESIDUES)


@settings(max_examples=60, deadline=None)
@given(_matching(A._HEADING))
def test_heading_opens_with_its_initials(text):
    assert text.lstrip()[:1] in A._HEADING_INITIALS


_OLD_LEGEND_HEAD = re.compile(r"\s*(?:and\s+)?([^\s,:;=]{1,20}(?:\s[^\s,:;=]{1,8})?)\s*(?:,|:|=|\s-\s)\s*")


def _same_match(a: re.Match | None, b: re.Match | None) -> bool:
    return (a is None) == (b is None) and (a is None or (a.span(), a.groups()) == (b.span(), b.groups()))


@settings(max_examples=200, deadline=None)
@given(st.one_of(_EDGY, st.text(alphabet=st.sampled_from(list("ab ,:=-\t")), max_size=40)))
def test_possessive_legend_head_reads_as_the_backtracking_one(text):
    assert _same_match(A._LEGEND_HEAD.match(text), _OLD_LEGEND_HEAD.match(text))


@settings(max_examples=200, deadline=None)
@given(_EDGY)
def test_legend_separators_are_the_regex_matches(text):
    assert A._legend_separators(text) == [(m.start(), m.end()) for m in A._LEGEND_SPLIT.finditer(text)]


def _unbalanced_close_by_characters(text: str) -> int:
    depth = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i
            depth -= 1
    return -1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("()ab ")), max_size=30))
def test_unbalanced_close_walks_the_parentheses(text):
    assert A._unbalanced_close(text) == _unbalanced_close_by_characters(text)


_OLD_SYMBOL_SHAPE = re.compile(
    r"[A-Z](?:(?<![\w-].)(?:[a-z]{1,3}\d{1,3}[a-z]?|[A-Z]{1,4}\d{1,3}[A-Z]?|[a-z]{2}[A-Z]{1,2}|[A-Z]{2,3}-\d{1,2})"
    r"|(?<=(?<![\w-])[a-z]{3}.)[A-Z]?)(?![\w]|-[a-z])"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbBzZ019- _.(xQ\u00e9\u0661")), max_size=16))
def test_symbol_shape_with_its_letter_check_finds_the_same_words(text):
    assert [m.span() for m in R._SYMBOL_SHAPE.finditer(text)] == [m.span() for m in _OLD_SYMBOL_SHAPE.finditer(text)]


@settings(max_examples=100, deadline=None)
@given(_matching(R._LIST_TAIL))
def test_number_lists_pass_their_pre_check(text):
    assert R._may_list_numbers(text, 0)
    assert R._may_list_numbers("JAK1" + text, 4)


@settings(max_examples=60, deadline=None)
@given(st.from_regex(R._MIRNA, fullmatch=True))
def test_microrna_pre_check_sees_every_microrna(text):
    # recognize() looks for microRNAs only when one of these is in the caption
    assert "miR" in text or "mir" in text or "microRNA" in text


@settings(max_examples=60, deadline=None)
@given(st.one_of(_matching(R._FAMILY_AFTER), _matching(R._FAMILY_OF_MEMBERS),
                 st.text(alphabet=st.sampled_from(list("famFAMiIlL\u0131\u0130y ")), max_size=12)))
def test_family_branches_need_the_family_word(text):
    # _drop_descriptive_groups skips its family branches when _FAMILY_WORD finds nothing: each
    # of them needs a _FAMILY_AFTER / _FAMILY_OF_MEMBERS match or "famil" in a lowercased slice
    if R._FAMILY_AFTER.match(text) or R._FAMILY_OF_MEMBERS.match(text) or "famil" in text.lower():
        assert R._FAMILY_WORD.search(text) is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["its", "their", " ", "\t", "receptor", "s", "cognate ", "own ", "-", "x", "_",
                                 "\u0131", "it", "theirs"]), max_size=12).map("".join))
def test_possessive_receptors_are_the_regex_matches(text):
    # _receptors_named_by_their_ligand tries _ITS_RECEPTOR only where "its" or "their" is written
    expected = [(m.span(), m.groups()) for m in R._ITS_RECEPTOR.finditer(text)]
    assert [(m.span(), m.groups()) for m in R._possessive_receptors(text)] == expected


@settings(max_examples=60, deadline=None)
@given(_matching(R._PART_AFTER))
def test_part_after_needs_one_of_its_words(text):
    # _drop_parts_and_negations runs _PART_AFTER on an ASCII caption only when one of these is in it
    if text.isascii():
        assert any(word in text.lower() for word in R._PART_AFTER_WORDS)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("famFAMiIlLy \u212a")), max_size=12))
def test_family_word_on_ascii_is_a_lowercase_find(text):
    # _drop_descriptive_groups reads "famil" in the lowercased caption when the caption is ASCII
    if text.isascii():
        assert ("famil" in text.lower()) == (R._FAMILY_WORD.search(text) is not None)


_OLD_CUE_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:(?:the|a|its|their|cell|cellular)\s+)*$", re.I)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "K", "\u212a", "\u017f", "\u0131", "the", "cell", "cellular", "its",
                                 " ", "  ", "\n", "\t", "-", ".", "x1"]), max_size=14).map("".join),
       st.integers(0, 30), st.integers(0, 30))
def test_cue_before_in_a_slice_reads_as_the_windowed_search(text, lo, length):
    # _moved_compartments searches the slice before a compartment, not the window of the caption
    lo = min(lo, len(text))
    hi = min(len(text), lo + length)
    old = _OLD_CUE_BEFORE.search(text, lo, hi)
    new = R._CUE_BEFORE.search(text[lo:hi])
    assert (old is None) == (new is None)
    if old is not None:
        assert (old.start(), old.group(1)) == (lo + new.start(), new.group(1))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*R._GATE_WORDS, *R._GATE_WORDS_LOW, "x", " ", "\ud800", "\x00", "I", "-"]),
                max_size=10).map("".join))
def test_gate_words_are_the_words_written(text):
    # recognize() reads the gate words in one automaton pass: the same as a str search per word
    words, low_words = R._gate_words(text, text.lower())
    assert words == {w for w in R._GATE_WORDS if w in text}
    assert low_words == {w for w in R._GATE_WORDS_LOW if w in text.lower()}


def test_every_gate_word_tested_is_read():
    # a word a pass tests in `words` / `low_words` but missing from the lists would never be found
    import inspect
    import re as _re
    source = inspect.getsource(R)
    tested = set(_re.findall(r'"([^"]+)" (?:not )?in words\b', source))
    tested_low = set(_re.findall(r'"([^"]+)" (?:not )?in low_words\b', source))
    for group in _re.findall(r'(?<!low_)words\.isdisjoint\(\(([^)]*)\)\)', source):
        tested |= set(_re.findall(r'"([^"]+)"', group))
    assert tested and tested <= set(R._GATE_WORDS)
    assert tested_low and tested_low <= set(R._GATE_WORDS_LOW)
    assert set(R._PART_WORDS) | set(R._PART_AFTER_WORDS) | set(R._GENE_SET_WORDS) <= set(R._GATE_WORDS_LOW)
