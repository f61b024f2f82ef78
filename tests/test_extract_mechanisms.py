"""Mechanisms judged in code (not by one rule): gaps, superseding readings, demonstratives,
relative-clause agreement, plural pathway words. Hand-made mentions stand in for the recogniser."""

from __future__ import annotations

import pytest

from pathwaygen.extract import extract
from pathwaygen.text import prepare
from tests.test_extract import check_present_absent, triples


@pytest.mark.parametrize("caption,present,absent", [
    # a gap of modifier words before the object is read ...
    ("AKT inhibits the kinase activity of the complex MTOR.", ("AKT1", "inhibits", "MTOR"), None),
    # ... but not across a preposition, a clause word or a '<nominal> of'
    ("AKT inhibits apoptosis in cells lacking MTOR.", None, ("AKT1", "inhibits", "MTOR")),
    ("AKT inhibits apoptosis that requires MTOR.", None, ("AKT1", "inhibits", "MTOR")),
    ("AKT inhibits the degradation of MTOR.", None, ("AKT1", "inhibits", "MTOR")),
    # a plural relative verb has the whole list as antecedent, a singular one the nearest noun
    ("TBK1 recruits JAK1 and JAK2, which activate STAT3.", ("JAK1", "activates", "STAT3"), None),
    ("TBK1 recruits JAK1 and JAK2, which activates STAT3.", ("JAK2", "activates", "STAT3"),
     ("JAK1", "activates", "STAT3")),
    # 'This (pathway)' opening a sentence continues the previous one
    ("EGF binds its receptor. This activates RAS.", ("EGF", "activates", "KRAS"), None),
    # a plural pathway word after a list: each member is a pathway (acted on through its first)
    ("EGF activates both RAS-ERK and AKT-MTOR pathways.", ("EGF", "activates", "KRAS"),
     ("EGF", "activates", "MAPK1")),
])
def test_mechanism(caption, present, absent):
    check_present_absent(triples(caption), present, absent)


def test_a_conversion_supersedes_the_phosphorylation_it_contains():
    from pathwaygen.model import Entity, Mention
    caption = "PI3K promotes the phosphorylation of PIP2 to PIP3."
    ents = {"PI3K": ("PI3K", "family"), "PIP2": ("pip2", "chemical"), "PIP3": ("pip3", "chemical")}
    mentions = []
    for word, (eid, etype) in ents.items():
        start = caption.index(word)
        mentions.append(Mention(start, start + len(word), word, (Entity(eid, word, etype),)))
    found = {(s.subject.id, s.relation, s.object.id) for s in extract(prepare(caption), mentions)}
    assert ("PI3K", "produces", "pip3") in found and ("pip2", "produces", "pip3") in found
    assert ("PI3K", "phosphorylates", "pip2") not in found
