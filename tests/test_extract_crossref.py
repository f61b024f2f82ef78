"""Cross-sentence references and slot readings judged in code (relations, issue 3), through the
whole pipeline (real recogniser): what a pronoun or a dash list stands for decides the edge."""

from __future__ import annotations

import pytest

from pathwaygen.pipeline import text_to_graph
from tests.test_extract import check_present_absent


def edges(caption: str) -> set[tuple[str, str, str]]:
    graph = text_to_graph(caption)
    return {(graph.nodes[s]["label"], d["relation"], graph.nodes[t]["label"]) for s, t, d in graph.edges(data=True)}


@pytest.mark.parametrize("caption,present,absent", [
    # an object followed right away by its movement: the verb acts on the movement
    ("ET-1 induces HDAC5 nuclear export.", ("HDAC5", "translocates", "cytoplasm"), ("ET-1", "activates", "HDAC5")),
    # an opening "It" after a sentence that opened on no entity: the last entity named there
    ("The pY1175-containing motif is the binding site for PLC-γ. It stimulates PKC.",
     ("PLCG", "activates", "PKC"), None),
    # ... unless that entity is a process, which does what the pronoun's verb says of nothing
    ("Loss of proliferation in senescent cells reflects arrest of the cell cycle. They release IL-6.", None,
     ("cell cycle", "activates", "IL6")),
    # ... but a sentence that opened on an entity still gives its subject
    ("TLR3 recognizes dsRNA in the endosome. It recruits TRAF3.", ("TLR3", "binds", "TRAF3"), ("dsRNA", "binds", "TRAF3")),
    # an opening "This (priming) signal" names the last entity the sentence before ended on
    ("Signal 1, such as TLR activation, activates NF-κB. This priming signal induces the transcription of NLRP3.",
     ("NFkappaB", "expresses", "NLRP3"), None),
    # a partner acting together with a name acts too; the pair still binds
    ("MDM2, in complex with TP53, inhibits AKT.", ("TP53", "inhibits", "AKT"), None),
    ("MDM2, in complex with TP53, inhibits AKT.", ("MDM2", "binds", "TP53"), None),
    ("IRF9 together with STAT2 activates ISG15.", ("STAT2", "activates", "ISG15"), None),
    ("MDM2, in complex with TP53, does not inhibit AKT.", None, ("TP53", "inhibits", "AKT")),
    # three or more dash-joined names are a cascade entered through its first member ...
    ("PLC-γ stimulates the PKC-Raf-MEK-MAPK and calcium mobilization pathways.",
     ("PLCG", "activates", "PKC"), ("PLCG", "activates", "MEK")),
    # ... unless a complex is named
    ("LBP transfers LPS to the TLR4-MD-2-CD14 complex, which recruits MyD88.", None, ("TLR4", "activates", "MD-2")),
])
def test_reference(caption, present, absent):
    check_present_absent(edges(caption), present, absent)
