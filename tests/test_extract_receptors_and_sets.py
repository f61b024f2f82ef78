"""Constructions judged in code: a ligand acts through its receptor (a protein bound to a receptor
does not); what follows an unnamed set of targets is the subject's doing, and a counted set is no
node."""

from __future__ import annotations

import pytest

from tests.test_extract import check_present_absent, recognised_triples


@pytest.mark.parametrize("caption,present,absent", [
    # a chemical the sentence calls a ligand acts through its receptor (the curated convention)
    ("R837 mimics ssRNA as a ligand for TLR-7, and initiates signaling through the MyD88 pathway.",
     ("TLR7", "activates", "MYD88"), ("imiquimod", "activates", "MYD88")),
    # a secreted ligand family binding its receptor acts through it
    ("IL-6 binds to its receptor IL-6R and activates STAT3.", ("IL6R", "activates", "STAT3"), None),
    # a kinase bound to a receptor is no ligand: its own effects stay its own
    ("NIK1 is bound to the flagellin receptor FLS2 and activates RPL10.",
     ("NIK1", "activates", "RPL10"), ("FLS2", "activates", "RPL10")),
    # a receptor known by its id (RECEPTOR_ID) is the source of what its bound ligand does next
    ("IFN-beta binds to IFNAR1 and subsequently induces phosphorylation of STAT1.",
     ("IFNAR1", "phosphorylates", "STAT1"), ("IFNB1", "phosphorylates", "STAT1")),
    ("LPS binds to TLR4 and activates NF-kB.", ("TLR4", "activates", "NFkappaB"), ("lipopolysaccharide", "activates", "NFkappaB")),
    # ... not a drug's: what an antibody bound to a receptor blocks stays its own doing
    ("Cetuximab binds EGFR and inhibits RAS.", ("cetuximab", "inhibits", "RAS"), ("EGFR", "inhibits", "RAS")),
    # ... and a ligand whose complex with it acts keeps the effect too
    ("IL-6 binds to IL-6R and the resulting complex activates gp130.", ("IL6", "activates", "IL6ST"), None),
    # a ligand acting through two receptors acts on each: the first is no source of the second
    ("TNF acts through TNFR1 and TNFR2.", ("TNF", "activates", "TNFRSF1B"), ("TNFRSF1A", "activates", "TNFRSF1B")),
])
def test_receptor_acts_only_for_ligands(caption, present, absent):
    check_present_absent(recognised_triples(caption), present, absent)


def test_effect_after_unnamed_targets_is_the_subjects():
    """'activate several downstream target proteins, leading to Z': Z is the subject's doing, and
    the unnamed set the verb acts on is no subject of 'leading to'."""
    found = recognised_triples("ZAP-70 phosphorylates and activates several downstream target proteins "
                    "eventually leading to Ras activation.")
    assert ("ZAP70", "activates", "RAS") in found, found
    assert not any(s == "target protein" and o == "RAS" for s, _, o in found), found


def test_counted_unnamed_set_is_no_node():
    """'several downstream target proteins' names no node: no edge onto it, while 'the target
    protein' (one named thing) still is one."""
    found = recognised_triples("ZAP-70 phosphorylates and activates several downstream target proteins "
                    "eventually leading to Ras activation.")
    assert not any("target protein" in (s, o) for s, _, o in found), found
    assert ("ZAP70", "activates", "RAS") in found, found
    found = recognised_triples("The E3 ligase ubiquitinates the target protein.")
    assert any(o == "target protein" for _, _, o in found), found


def test_an_unnamed_set_with_named_examples_stands_for_them():
    """'phosphorylate various target proteins, such as CREB': the examples are the objects, the
    unnamed set no node; a named family before 'such as' keeps its own edge."""
    found = recognised_triples("PKC enters the nucleus and phosphorylates various target proteins, such as MARCKS.")
    assert ("PKC", "phosphorylates", "MARCKS") in found, found
    assert not any(o == "target protein" for _, _, o in found), found
    found = recognised_triples("MEK phosphorylates substrate proteins such as ERK2.")
    assert ("MEK", "phosphorylates", "MAPK1") in found, found


def test_a_class_after_a_verb_particle_stands_for_its_examples():
    """'interacts with other transcription factors, such as AP-1': the examples are the partners."""
    found = recognised_triples("In the nucleus, PPARγ interacts with other transcription factors, such as AP-1 and SP1.")
    assert ("AP1", "binds", "PPARG") in found or ("PPARG", "binds", "AP1") in found, found


def test_a_quantity_of_coordinated_classes_with_examples_stands_for_the_examples() -> None:
    found = recognised_triples("Src phosphorylates and supports the activation of a wide range of enzymes and "
                               "signaling proteins, such as FAK, Syk kinase, and PI3K.")
    for target in ("PTK2", "SYK", "PI3K"):
        assert ("SRC", "phosphorylates", target) in found, found
        assert ("SRC", "activates", target) in found, found
    found = recognised_triples("ERK phosphorylates a variety of substrates, including ELK1 and RSK.")
    assert ("ERK", "phosphorylates", "ELK1") in found, found


def test_a_counted_class_before_its_members_stands_for_them() -> None:
    # "two ADP receptors, P2Y1 and P2Y12, which couple to Gq and Gi, respectively": the class
    # token would make three antecedents for two partners
    found = recognised_triples("Platelets express two ADP receptors, P2Y1 and P2Y12, which couple to Gq and Gi, respectively.")
    assert ("G_q", "binds", "P2RY1") in found or ("P2RY1", "binds", "G_q") in found, found
    assert ("G_i", "binds", "P2RY12") in found or ("P2RY12", "binds", "G_i") in found, found


def test_examples_in_parentheses_after_an_unnamed_set_are_what_is_named() -> None:
    found = recognised_triples("PKA phosphorylates various target proteins (e.g., RyR, PLB, and TnI).")
    assert ("PKA", "phosphorylates", "RYR") in found, found
    assert ("PKA", "phosphorylates", "PLN") in found, found
