"""Nominals coordinated before one object ("the phosphorylation and subsequent degradation of
IkBa"): each nominal is read on the object by its own rule (extract.shared_object_texts)."""

from __future__ import annotations

import pytest

from tests.test_extract import check_present_absent, recognised_triples


@pytest.mark.parametrize("caption,present,absent", [
    # phosphorylation that leads to degradation: phosphorylates and degrades (the curated convention)
    ("IKK mediates the phosphorylation and subsequent degradation of IkBa.",
     {("IKK_complex", "phosphorylates", "NFKBIA"), ("IKK_complex", "degrades", "NFKBIA")}, set()),
    # three nominals, two of them joined by "and"
    ("IKK mediates the phosphorylation and subsequent ubiquitination and proteasomal degradation of IkBa.",
     {("IKK_complex", "phosphorylates", "NFKBIA"), ("IKK_complex", "degrades", "NFKBIA")}, set()),
    # a movement recognised as a place ("nuclear translocation") is one of the nominals
    ("TNF induces the activation and nuclear translocation of NF-κB.",
     {("TNF", "activates", "NFkappaB"), ("NFkappaB", "translocates", "nucleus")}, set()),
    ("IKK and TBK1 trigger phosphorylation and nuclear translocation of RelA and IRF3.",
     {("TBK1", "phosphorylates", "IRF3"), ("IKK_complex", "phosphorylates", "RELA"),
      ("IRF3", "translocates", "nucleus")}, set()),
    # a ubiquitination coordinated with activation activates: the partner names its outcome
    ("TRAF6 promotes the ubiquitination and activation of TAK1.",
     {("TRAF6", "activates", "MAP3K7")}, {("TRAF6", "degrades", "MAP3K7")}),
    # negation covers every nominal
    ("TNF does not induce the activation and nuclear translocation of NF-κB.",
     set(), {("TNF", "activates", "NFkappaB"), ("NFkappaB", "translocates", "nucleus")}),
    # a nominal after a mention is that mention's: two objects, not one shared
    ("TNF induces EGFR phosphorylation and activation of PI3K.",
     {("TNF", "activates", "PI3K")}, {("EGFR", "phosphorylates", "PI3K"), ("TNF", "phosphorylates", "PI3K")}),
])
def test_each_nominal_reaches_the_shared_object(caption, present, absent):
    found = recognised_triples(caption)
    assert present <= found, (present - found, found)
    assert not (absent & found), (absent & found, found)


@pytest.mark.parametrize("caption,present,absent", [
    # a participle repeated before each object is an adjective, not a verb sharing the subject
    ("PP2A dephosphorylates phosphorylated AKT as well as phosphorylated S6K.",
     ("PPP2", "dephosphorylates", "P70S6K"), ("PPP2", "phosphorylates", "P70S6K")),
    ("PP2A dephosphorylates activated ERK and activated MEK.",
     ("PPP2", "dephosphorylates", "MEK"), ("PPP2", "activates", "MEK")),
    # a participle that is a verb of its own still shares the subject
    ("AKT binds PDK1 and phosphorylated GSK3.", ("AKT", "phosphorylates", "GSK3"), None),
])
def test_a_repeated_participle_before_objects_is_no_shared_verb(caption, present, absent):
    check_present_absent(recognised_triples(caption), present, absent)
