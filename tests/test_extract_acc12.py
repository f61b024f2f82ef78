"""Constructions read by the acc-12 relations round: "the complex, then <verb>" (one comma)."""

from __future__ import annotations

from tests.test_extract import triples


def test_the_complex_then_with_one_comma_is_the_complex_acting() -> None:
    # "and the complex, then activates": the adverb opens the complex's verb; the partners act
    found = triples("IL6 binds to JAK1 and the complex, then activates STAT3.")
    assert ("JAK1", "activates", "STAT3") in found
    assert ("IL6", "activates", "STAT3") in found
    # without the binding clause "the complex" names no partners
    found = triples("IL6 activates JAK1 and the complex, then activates STAT3.")
    assert ("JAK1", "activates", "STAT3") not in found
