"""The literal pre-checks added to extract.py's Python side let through every text that the
pattern they guard can match (each spares a search only when that search cannot match)."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings, strategies as st

from pathwaygen import extract as X

ASCII = st.characters(codec="ascii")


def _matching(pattern: str) -> st.SearchStrategy[str]:
    """ASCII texts without a newline that hold a match of `pattern`."""
    return st.from_regex(pattern, alphabet=ASCII).filter(lambda t: "\n" not in t)


@settings(max_examples=40, deadline=None)
@given(_matching(X._PART_OF.pattern))
def test_part_of_starts_on_a_part_word(text):
    for match in X._PART_OF.finditer(text):
        assert text.startswith(X._PART_WORDS, match.start())


@settings(max_examples=40, deadline=None)
@given(_matching(X._CLASS_OF_NEXT.pattern))
def test_class_of_next_starts_on_a_part_word(text):
    for match in X._CLASS_OF_NEXT.finditer(text):
        assert text.startswith(X._PART_WORDS, match.start())


def test_every_shared_joint_is_checked():
    source = X.Extractor()._shared.pattern
    head = re.match(r" \(\?:([a-z |]+)\) ", source)
    assert head is not None, source[:60]
    for joint in head.group(1).split("|"):
        assert any(word in f" {joint} " for word in X._SHARED_JOINTS), joint


def test_inhibitor_words_lowercase_but_for_the_odd_cases():
    # a character re.IGNORECASE matches to a letter of the words is lowercased to that letter,
    # unless it is one of _ODD_CASES: so a sentence without those whose lowercase form holds
    # none of the words holds no match of _INHIBITOR_WORD
    letters = sorted(set("inhibitorantagonistblocker"))
    any_letter = re.compile("[" + "".join(letters) + "]", re.IGNORECASE)
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if not any_letter.fullmatch(char) or char in X._ODD_CASES:
            continue
        for letter in letters:
            if re.fullmatch(letter, char, re.IGNORECASE):
                assert char.lower() == letter, hex(point)


def test_inhibitor_guard_on_odd_cases():
    # "\u0130nhibitor" lowercases to "i\u0307nhibitor", "\u0131" and "\u017f" stay: the regex still decides
    entity = X.Entity(id="JAK2", label="JAK2", type="gene")
    for word in ("\u0130nhibitor", "antagoni\u017ft", "inh\u0131bitor"):
        text = f"JAK2 {word} blocks STAT3."
        tagged = X.tag_sentence(text, (0, len(text)), [X.Mention(0, 4, "JAK2", (entity,))])
        assert [inh.id for inh, _ in tagged.derived] == ["JAK2 inhibitor"], word


@settings(max_examples=40, deadline=None)
@given(st.from_regex(X._GENES.pattern, alphabet=ASCII))
def test_genes_match_ends_on_a_gene_ending(text):
    if X._GENES.search(text):
        assert text.endswith(X._GENE_ENDINGS)


def test_item_shortcut_is_the_item_scan():
    # a slot that is one token is the one item _ITEM finds
    for slot in ("@0@", "@12@", "@1@-@2@", "@1@ and @2@", "the @3@", "@4@ pathway", "@5@/@6@", "@@", "@x@"):
        whole = X._TOKEN.fullmatch(slot)
        if whole is not None:
            assert [m.span() for m in X._ITEM.finditer(slot)] == [whole.span()]
