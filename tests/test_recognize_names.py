"""Entity names added for edge endpoints: short junction-protein names, enzyme names written
without their O-/N- locant, single-stranded DNA (sentences modelled on real captions)."""

from __future__ import annotations

import pytest

from pathwaygen.recognize import recognize
from pathwaygen.text import prepare


def found(caption: str) -> list[tuple[str, tuple[str, ...]]]:
    """(mention text, entity ids) for every mention of `caption`."""
    return [(m.text, tuple(e.id for e in m.entities)) for m in recognize(prepare(caption))]


def ids_of(caption: str, surface: str) -> tuple[str, ...]:
    """Entity ids of the first mention whose text is `surface` (() when none)."""
    return next((ids for text, ids in found(caption) if text == surface), ())


@pytest.mark.parametrize(("surface", "entity"), [
    ("α-cat", "CTNNA"), ("β-cat", "CTNNB1"), ("E-cad", "CDH1"), ("VE-cadherin", "CDH5"),
    ("plakoglobin", "JUP"), ("p120-catenin", "CTNND1"),
])
def test_junction_proteins_by_their_short_names(surface: str, entity: str) -> None:
    assert ids_of(f"Also, {surface} and PTPN14 inhibit YAP by direct binding.", surface) == (entity,)


def test_an_enzyme_named_without_its_locant_is_the_enzyme_not_its_abbreviation() -> None:
    # HGNC: "choline O-acetyltransferase" (CHAT); CAT alone is catalase
    caption = "βA could decrease choline acetyltransferase (CAT, the acetylcholine synthesis enzyme) activity."
    assert ids_of(caption, "choline acetyltransferase") == ("CHAT",)
    assert ids_of(caption, "CAT") == ("CHAT",)
    assert ids_of("Loss of ChAT lowers ACh.", "ChAT") == ("CHAT",)
    assert ids_of("Histamine methyltransferase inactivates histamine.", "Histamine methyltransferase") == ("HNMT",)
    assert ids_of("Catalase (CAT) removes H2O2.", "CAT") == ("CAT",)


def test_single_stranded_dna_is_a_chemical() -> None:
    caption = "The CP-viral ssDNA complex enters the nucleus, where single-stranded DNA is converted into dsDNA."
    assert ids_of(caption, "ssDNA") == ("ssdna",)
    assert ids_of(caption, "single-stranded DNA") == ("ssdna",)
    assert ids_of(caption, "dsDNA") == ("dsdna",)
