"""Entity recognition: the hard cases of issue 2 item 6, mostly on sentences from real captions."""

from __future__ import annotations

import pytest

from pathwaygen.recognize import recognize
from pathwaygen.text import prepare


def found(caption: str) -> list[tuple[str, tuple[str, ...], frozenset[str]]]:
    """(mention text, entity ids, modifiers) for every mention of `caption`."""
    return [(m.text, tuple(e.id for e in m.entities), m.modifiers) for m in recognize(prepare(caption))]


def ids_of(caption: str, surface: str) -> tuple[str, ...]:
    """Entity ids of the first mention whose text is `surface` (() when none)."""
    for text, ids, _ in found(caption):
        if text == surface:
            return ids
    return ()


def all_ids(caption: str) -> set[str]:
    return {i for _, ids, _ in found(caption) for i in ids}


# --- offsets, order, overlap ----------------------------------------------------------


def test_mentions_are_exact_sorted_and_disjoint() -> None:
    caption = ("Activation of the cAMP pathway by the β-AR leads to inhibition of the Gq-mediated "
               "activation of the PLCβ-PKC pathway; NF-κB and p–STAT3 enter the nucleus.")
    mentions = recognize(prepare(caption))
    assert mentions
    last_end = 0
    for m in mentions:
        assert caption[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end


# --- slash and range forms -------------------------------------------------------------


def test_family_slash_form_is_the_family() -> None:
    caption = "MAPK pathway (A, JNK pathway; B, p38 pathway; C, ERK1/2 pathway; D, ERK5 pathway)"
    assert ids_of(caption, "ERK1/2") == ("ERK",)
    erk = next(e for m in recognize(prepare(caption)) for e in m.entities if e.id == "ERK")
    assert {m.id for m in erk.members} == {"MAPK1", "MAPK3"}
    assert erk.type == "family" and erk.xref("fplx") == "ERK"


def test_numbered_slash_forms_expand_in_one_mention() -> None:
    caption = "the Smad2/3–Smad4 complex migrates to the nucleus; JAK1/2 and LATS1/2 follow."
    assert ids_of(caption, "Smad2/3") == ("SMAD2", "SMAD3")
    assert ids_of(caption, "JAK1/2") == ("JAK1", "JAK2")
    assert ids_of(caption, "LATS1/2") == ("LATS1", "LATS2")
    assert ids_of(caption, "Smad4") == ("SMAD4",)


def test_range_and_list_forms() -> None:
    assert ids_of("Type I interferons (IFNA1-21) bind IFNAR.", "IFNA1-21")[:3] == ("IFNA1", "IFNA2", "IFNA4")
    assert "IFNA21" in ids_of("Type I interferons (IFNA1-21) bind IFNAR.", "IFNA1-21")
    assert ids_of("cytokines activate JAK1, 2 and 3.", "JAK1, 2 and 3") == ("JAK1", "JAK2", "JAK3")
    # a form the grounding maps or curated names list ("ERK 1/2", "ERK 1 and 2") is the family;
    # another list is its genes
    assert ids_of("activation of ERK 1/2 follows", "ERK 1/2") == ("ERK",)
    assert ids_of("activation of ERK 1 and 2 follows", "ERK 1 and 2") == ("ERK",)
    assert ids_of("activation of MEKK 1 and 2 follows", "MEKK 1 and 2") == ("MAP3K1", "MAP3K2")
    # a conjugate is not a range of genes
    assert "ATG7" not in all_ids("LC3 is lipidated by the ATG5-12 conjugate.")


def test_slash_synonyms_are_one_entity() -> None:
    caption = "TrkA binds the signaling adapter FRS2/SNT, and TrkA also directly binds ZIP/p62."
    assert ids_of(caption, "FRS2/SNT") == ("FRS2",)
    assert ids_of(caption, "ZIP/p62") == ("SQSTM1",)
    assert ids_of(caption, "TrkA") == ("NTRK1",)


def test_long_form_of_a_numbered_slash_names_its_genes() -> None:
    caption = "Complex I includes TRADD, cellular inhibitor of apoptosis proteins 1 and 2 (cIAP1/2), and LUBAC."
    assert ids_of(caption, "cellular inhibitor of apoptosis proteins 1 and 2") == ("BIRC2", "BIRC3")
    assert "apoptosis" not in all_ids(caption)
    # (no definition before it: a process word stays a mention of its own)
    assert "apoptosis" in all_ids("cIAP1/2 inhibit apoptosis.")


def test_one_word_process_in_parentheses_names_the_described_one() -> None:
    caption = "Caspase-1 cleaves Gasdermin-D, resulting in inflammatory cell death (pyroptosis)."
    assert ids_of(caption, "cell death") == ("pyroptosis",)
    # the other way round the parenthesis only describes: the name stays
    assert ids_of("Apoptosis (programmed cell death) follows.", "Apoptosis") == ("apoptosis",)


# --- case, species, hyphen, phospho, plural ---------------------------------------------


def test_mouse_and_rat_case_forms_ground_to_human_symbols() -> None:
    caption = "Stat3 is phosphorylated by Jak2 downstream of gp130 in mouse cells."
    assert ids_of(caption, "Stat3") == ("STAT3",)
    assert ids_of(caption, "Jak2") == ("JAK2",)
    assert ids_of(caption, "gp130") == ("IL6ST",)
    # an inflammasome named by its sensor is the sensor, also at the end of a list of sensors
    got = found("NLRP3, AIM2, Pyrin and NLRP1 inflammasomes activate caspase-1; the Pyrin domain binds ASC.")
    assert [(t, ids) for t, ids, _ in got] == [("NLRP3", ("NLRP3",)), ("AIM2", ("AIM2",)), ("Pyrin", ("MEFV",)),
                                              ("NLRP1 inflammasomes", ("NLRP1",)), ("caspase-1", ("CASP1",)),
                                              ("ASC", ("PYCARD",))]
    # the mouse spelling of RORγt (a short name with capitals matches only as written)
    assert ids_of("Rorγt and Rorα activate Il17a.", "Rorγt") == ("RORC",)


def test_a_name_two_groundings_share_goes_to_the_one_spelled_as_written() -> None:
    # the grounding map lists "RSK2" (RPS6KA3, a kinase) and "rSK2" (KCNN2, a channel)
    caption = "ERK phosphorylates RSK2, which in turn phosphorylates CREB; rSK2 channels open."
    assert ids_of(caption, "RSK2") == ("RPS6KA3",)
    assert ids_of(caption, "rSK2") == ("KCNN2",)


def test_phospho_forms() -> None:
    for caption, surface, gene in [
        ("IL-6 raises p-STAT3 levels.", "p-STAT3", "STAT3"),
        ("IL-6 raises pSTAT3 levels.", "pSTAT3", "STAT3"),
        ("insulin raises phospho-AKT levels.", "phospho-AKT", "AKT"),
    ]:
        hits = [(t, i, mods) for t, i, mods in found(caption) if t == surface]
        assert hits, caption
        assert hits[0][1] == (gene,) and "phospho" in hits[0][2]


def test_plural_forms() -> None:
    caption = "JAKs phosphorylate STATs, and MAPKs act on Smads."
    assert ids_of(caption, "STATs") == ("STAT",)
    assert ids_of(caption, "MAPKs") == ("MAPK",)
    assert ids_of(caption, "JAKs") == ("JAK",)
    assert all("plural" in mods for text, _, mods in found(caption) if text in ("STATs", "MAPKs"))


def test_hyphen_variants() -> None:
    assert ids_of("IL-6 binds IL-6R.", "IL-6") == ("IL6",)
    assert ids_of("IL6 binds IL6R.", "IL6") == ("IL6",)
    assert ids_of("IL-6 binds IL-6R.", "IL-6R") == ("IL6R",)
    assert ids_of("kindlin-2 regulates TGF-β signalling and Sox 9 expression", "Sox 9") == ("SOX9",)


@pytest.mark.parametrize(
    ("surface", "family"),
    [("ERK", "ERK"), ("AKT", "AKT"), ("Akt", "AKT"), ("MAPK", "MAPK"), ("PI3K", "PI3K"),
     ("NF-κB", "NFkappaB"), ("NF-kappaB", "NFkappaB"), ("NFκB", "NFkappaB"), ("IKK", "IKK_complex"),
     ("mTORC1", "mTORC1"), ("TGF-β", "TGFB"), ("Gq", "G_q")],
)
def test_family_names_ground_to_famplex(surface: str, family: str) -> None:
    assert ids_of(f"Then {surface} is activated.", surface) == (family,)


def test_greek_suffixes_of_symbols() -> None:
    caption = "GSK3β, GSK-3β, IKKβ, PKCα, TNF-α and HIF-1α are kinases or targets; p110α is PI3K."
    assert ids_of(caption, "GSK3β") == ("GSK3B",)
    assert ids_of(caption, "GSK-3β") == ("GSK3B",)
    assert ids_of(caption, "IKKβ") == ("IKBKB",)
    assert ids_of(caption, "PKCα") == ("PRKCA",)
    assert ids_of(caption, "TNF-α") == ("TNF",)
    assert ids_of(caption, "HIF-1α") == ("HIF1A",)
    assert ids_of(caption, "p110α") == ("PIK3CA",)


def test_long_names() -> None:
    caption = "leading to activation of Janus kinase 2 and tyrosine kinase 2, and of glycogen synthase kinase 3 beta."
    assert ids_of(caption, "Janus kinase 2") == ("JAK2",)
    assert ids_of(caption, "tyrosine kinase 2") == ("TYK2",)
    assert ids_of(caption, "glycogen synthase kinase 3 beta") == ("GSK3B",)


# --- English words, metabolites, priorities ---------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "The cat and the CAT sat on a mat.",
        "A SET of genes was studied; a set of cells too.",
        "The MAX value had an IMPACT at REST.",
        "Each CELL is a FACT, and cells rest.",
        "This leads to more ATP, FAD and CoA in a cell, as a rule, or 2 at a time.",
        "It is the proteins that act as mediators; as a result, in a complex way.",
    ],
)
def test_english_words_are_not_genes(caption: str) -> None:
    genes = [(t, i) for t, i, _ in found(caption)
             if any(x.isupper() or x[:1].isupper() for x in i) and t.lower() not in ("atp", "fad", "coa")]
    assert genes == []


def test_metabolites_are_chemicals_not_genes() -> None:
    caption = "Reactions in the cycle produce NADH, ATP and FADH from acetyl-CoA; FAD and CoA are cofactors."
    mentions = recognize(prepare(caption))
    types = {m.text: m.entities[0].type for m in mentions}
    for surface in ("ATP", "NADH", "FAD", "CoA", "acetyl-CoA"):
        assert types.get(surface) == "chemical", surface
    ids = {m.text: m.entities[0].id for m in mentions}
    assert ids["ATP"] == "atp" and ids["CoA"] == "coenzyme a"


def test_priority_symbol_over_alias_and_previous_symbol() -> None:
    # "AKT" is FamPlex's family and an alias of AKT1: FamPlex wins over an alias;
    # "TRAF6" is an approved symbol and wins over everything else
    assert ids_of("TRAF6 activates AKT.", "TRAF6") == ("TRAF6",)
    assert ids_of("TRAF6 activates AKT.", "AKT") == ("AKT",)
    # an alias still grounds when nothing better exists (TrkA -> NTRK1)
    assert ids_of("NGF binds TrkA.", "TrkA") == ("NTRK1",)


def test_residues_are_not_amino_acids() -> None:
    caption = "FGFR4 promotes GSK3β phosphorylation at the Ser 9 site and of Akt at Thr308."
    assert not any(t.startswith(("Ser", "Thr")) for t, _, _ in found(caption))
    assert ids_of("amino acids such as Leu and Arg activate mTORC1", "Leu") == ("leucine",)


# --- abbreviations ------------------------------------------------------------------------


def test_inline_definition_makes_one_entity() -> None:
    caption = ("platelet-derived growth factor receptor (PDGFR) is a tyrosine kinase. "
               "Binding of PDGF activates PDGFR.")
    mentions = [(t, i) for t, i, _ in found(caption) if "PDGFR" in i]
    assert [t for t, _ in mentions] == ["platelet-derived growth factor receptor", "PDGFR", "PDGFR"]


def test_legend_definitions_make_one_entity() -> None:
    caption = ("PI3K activates AKT and STAT3 enters the nucleus. "
               "PI3K = phosphoinositide 3-kinase; STAT = signal transducer and activator of transcription")
    assert ids_of(caption, "phosphoinositide 3-kinase") == ("PI3K",)
    assert ids_of(caption, "signal transducer and activator of transcription") == ("STAT",)


def test_a_sentence_opening_on_a_short_capitalised_word_is_no_legend_item() -> None:
    # "Then, <words>" has the shape of "ACC, acetyl-CoA carboxylase", and the letters of "Then"
    # occur in order in the words; a sentence opener defines nothing
    texts = [t for t, _, _ in found("Then, the activated insulin receptor phosphorylates IRS proteins.")]
    assert "Then" not in texts and "insulin receptor" in texts
    # a title-case short form of a real legend item still defines its long form
    assert ("B-cell lymphoma protein", ("Bcl",)) in [(t, i) for t, i, _ in found("Bcl, B-cell lymphoma protein; Sos, son of sevenless.")]


def test_a_subject_with_an_apposition_is_no_legend_item() -> None:
    # "AKT, a kinase, phosphorylates GSK3B" has the shape of "AKT, <long form>" and the letters of
    # AKT occur in order; the finite verb after the comma makes it a sentence, and GSK3B stays
    texts = [t for t, _, _ in found("AKT, a kinase, phosphorylates GSK3B.")]
    assert texts == ["AKT", "GSK3B"]
    texts = [t for t, _, _ in found("AKT, a kinase, then activates MTOR.")]
    assert texts == ["AKT", "MTOR"]


def test_amino_acids_naming_a_residue_or_an_enzyme_class_are_no_chemicals() -> None:
    caption = ("AKT, a serine/threonine kinase, and the Ser/Thr phosphatase PP2A act on Ser473 and serine 9; "
               "the serine protease HTRA2 binds. Serine and glycine feed one-carbon metabolism.")
    got = found(caption)
    assert ("serine",) not in [ids for t, ids, _ in got if t != "Serine"]
    assert ("threonine",) not in [ids for _, ids, _ in got]
    assert ("Serine", ("serine",), frozenset()) in got


def test_a_legend_in_parentheses_after_a_chain_defines_each_member() -> None:
    caption = ("miR-122 targets the PI3K/Akt/mTOR (PI3K, phosphatidylinositol-3-kinase; "
               "mTOR, mammalian target of rapamycin) signaling pathway.")
    texts = [t for t, _, _ in found(caption)]
    # the chain is three mentions (not the long form of "PI3K") and the last long form
    # ends at the closing parenthesis
    assert texts[1:4] == ["PI3K", "Akt", "mTOR"]
    assert "mammalian target of rapamycin" in texts
    assert ids_of(caption, "mammalian target of rapamycin") == ("MTOR",)


def test_a_long_form_headed_before_with_is_a_name() -> None:
    # the head of "Fas-associated protein with death domain" is "protein", not the domain
    caption = "Complex II contains Fas-associated protein with death domain (FADD) and caspase-8."
    assert ids_of(caption, "Fas-associated protein with death domain") == ("FADD",)


def test_the_notch_intracellular_domain_is_notch() -> None:
    caption = "gamma-secretase releases the Notch intracellular domain (NICD), which enters the nucleus."
    assert ids_of(caption, "NICD") == ("Notch",)


def test_unknown_abbreviation_becomes_its_own_entity() -> None:
    caption = ("Electrons enter the electron transport chain (ETC) and the Wood-Ljungdahl pathway (WLP). "
               "The WLP feeds the ETC. AOR, aldehyde: ferredoxin oxidoreductase; BUK, butyrate kinase.")
    wlp = [i for t, i, _ in found(caption) if t in ("Wood-Ljungdahl pathway", "WLP")]
    assert len(wlp) == 3 and len(set(wlp)) == 1
    etype = {m.text: m.entities[0].type for m in recognize(prepare(caption))}
    assert etype["Wood-Ljungdahl pathway"] == "process"
    assert etype["butyrate kinase"] == "gene"
    assert ids_of(caption, "BUK") == ids_of(caption, "butyrate kinase")


def test_parenthesised_short_form_with_number() -> None:
    caption = "activation of Janus kinase (JAK)1, JAK2, and tyrosine kinase 2 (TYK2)"
    assert "JAK1" in all_ids(caption)
    assert ids_of(caption, "TYK2") == ("TYK2",)


# --- processes, groups, gene sets ------------------------------------------------------------


def test_processes_chemicals_and_groups() -> None:
    caption = ("Glucose is oxidized during glycolysis; ROS and Ca2+ trigger apoptosis and autophagy, "
               "and growth factors drive EMT. cGAMP and PIP3 are second messengers; NF-κB moves to the nucleus.")
    types = {m.text: (m.entities[0].id, m.entities[0].type) for m in recognize(prepare(caption))}
    assert types["glycolysis"] == ("glycolysis", "process")
    assert types["ROS"] == ("ros", "chemical")
    assert types["Ca2+"] == ("calcium", "chemical")
    assert types["apoptosis"] == ("apoptosis", "process")
    assert types["EMT"] == ("emt", "process")
    assert types["growth factors"] == ("growth factors", "group")
    assert types["nucleus"] == ("nucleus", "group")
    assert types["cGAMP"][1] == types["PIP3"][1] == "chemical"


def test_gene_sets_named_after_their_regulator() -> None:
    caption = "RelA induces NF-κB target genes, and STAT-responsive genes follow."
    groups = [(t, i) for t, i, _ in found(caption) if t.endswith("genes")]
    assert groups == [("NF-κB target genes", ("nf-κb target genes",)), ("STAT-responsive genes", ("stat-responsive genes",))]
    assert "target genes" not in all_ids("the complex activates transcription of specific target genes")
    # "Wnt target gene expression" is the expression of the set (one node, the set's key), not
    # Wnt beside a "target gene expression"
    assert [(t, i) for t, i, _ in found("β-catenin initiates Wnt-target gene expression.")][1:] == [
        ("Wnt-target gene expression", ("wnt-target genes",))]


def test_entities_carry_xrefs() -> None:
    stat3 = recognize(prepare("STAT3"))[0].entities[0]
    assert stat3.type == "gene"
    assert stat3.xref("hgnc") == "11364" and stat3.xref("hgnc.symbol") == "STAT3"
    assert stat3.xref("ncbigene") == "6774" and stat3.xref("uniprot") == "P40763"
    assert stat3.xref("ensembl").startswith("ENSG")
    camp = recognize(prepare("cAMP"))[0].entities[0]
    assert camp.xref("chebi") == "CHEBI:17489"


def test_deterministic() -> None:
    caption = "ERK1/2, SMAD2/3, IFNA1-21, p-STAT3, NF-κB target genes and PI3K = phosphoinositide 3-kinase"
    assert recognize(prepare(caption)) == recognize(prepare(caption))


def test_compartments_count_when_something_moves_there() -> None:
    assert "nucleus" in all_ids("NF-κB translocates into the nucleus.")
    assert "nucleus" in all_ids("nuclear translocation of STAT3")
    assert "nucleus" not in all_ids("Within the nucleus, pCREB activates transcription.")
    # a movement the caption denies moves nothing there
    assert "nucleus" not in all_ids("Dimeric NPR1 is unable to move into the nucleus.")
    assert "mitochondria" not in all_ids("STAT3 does not translocate to the mitochondria.")
    assert "nucleus" in all_ids("Dimeric NPR1 cannot enter the nucleus, but monomeric NPR1 moves into the nucleus.")


def test_inhibitor_named_for_its_target_is_a_chemical() -> None:
    mentions = recognize(prepare("Ruxolitinib, a JAK2 inhibitor, blocks STAT5."))
    drug = next(m for m in mentions if m.text == "JAK2 inhibitor").entities[0]
    assert drug.type == "chemical" and [e.id for e in drug.members] == ["JAK2"]
    # the drug apposed to its class is the same node, keyed and labelled as the drug
    named = next(m for m in mentions if m.text == "Ruxolitinib").entities[0]
    assert named == drug and drug.id == "ruxolitinib"
    alone = next(m for m in recognize(prepare("A JAK2 inhibitor blocks STAT5.")) if m.text == "JAK2 inhibitor")
    assert alone.entities[0].id == "JAK2 inhibitor"
    assert ids_of("Ruxolitinib blocks JAK2; a JAK2 inhibitor blocks STAT5.", "Ruxolitinib") == ("ruxolitinib",)


def test_symbols_of_other_species_are_kept_as_written() -> None:
    caption = "Far1 binds Cdc24 and Ste5; COI1 and PqsR are receptors; HEK293 cells were used."
    assert ids_of(caption, "Cdc24") == ("Cdc24",)
    assert ids_of(caption, "COI1") == ("COI1",)
    assert ids_of(caption, "PqsR") == ("PqsR",)
    assert "HEK293" not in all_ids(caption)


def test_process_phrases() -> None:
    caption = "HT stress promotes pollen abortion and male sterility, and leads to mitochondrial oxidative stress."
    ids = all_ids(caption)
    assert {"pollen abortion", "male sterility", "mitochondrial oxidative stress"} <= ids
    assert "oxidative stress" not in ids


def test_labels_that_are_not_entities() -> None:
    # a Greek subunit label, digits alone, a protein domain named in a definition
    caption = ("the β2 and γ subunits; the 9-11 region; tyrosine kinase (TK) domains and "
               "Src homology 2 (SH2)-containing proteins; PI3-Akt signalling")
    ids = all_ids(caption)
    assert not {"NEUROD1", "9_1_1"} & ids
    texts = {t for t, _, _ in found(caption)}
    assert "Src homology 2" not in texts  # a domain defined in passing is no entity
    assert "PI3" in texts


def _check_invariants(caption: str) -> None:
    last_end = 0
    for m in recognize(prepare(caption)):
        assert caption[m.start : m.end] == m.text
        assert m.start >= last_end and m.start < m.end
        assert m.entities and all(e.id and e.type for e in m.entities)
        last_end = m.end


def test_invariants_on_every_corpus_caption() -> None:
    from pathlib import Path

    from pathwaygen.record import load_record

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "figures"
    files = sorted(corpus.glob("*.md"))
    if not files:
        pytest.skip("../shared/corpus not present")
    for path in files:
        _check_invariants(load_record(path).caption)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["STAT3", "p-", "ERK1/2", "SMAD2/3", " ", "-", "/", "(", ")", ", ", "; ", "κB", "NF",
                                 "IL", "6", "s", "PI3K = phosphoinositide 3-kinase", "JAK1, 2 and 3", "α", "Ca2+", "the",
                                 "inhibitor", "into the nucleus", "Cdc24", "x"]), max_size=12).map("".join))
def test_invariants_on_generated_text(caption: str) -> None:
    _check_invariants(caption)


def test_inhibitors_of_a_defined_target() -> None:
    caption = "Mechanisms of resistance to Janus kinase 2 (JAK2) inhibitors."
    mention = next(m for m in recognize(prepare(caption)) if "inhibitors" in m.text)
    assert mention.entities[0].id == "JAK2 inhibitor" and mention.entities[0].members[0].id == "JAK2"


def test_other_species_ranges_and_worm_names() -> None:
    caption = "stress is sensed through a family of Wsc1–Wsc3 sensors; APX-1/DSL binds the receptor LIN-12/Notch."
    assert ids_of(caption, "Wsc1–Wsc3") == ("Wsc1", "Wsc2", "Wsc3")
    assert "APX-1" in all_ids(caption) and "APEX1" not in all_ids(caption)
    assert "LIN-12" in all_ids(caption)


def test_legend_aliases_defined_by_gene_names_keep_hgnc() -> None:
    caption = ("BLC, B lymphocyte chemoattractant; MCP-1, monocyte chemoattractant protein-1; "
               "SDF-1, stromal cell–derived factor-1α; PMN, polymorphonuclear neutrophil.")
    assert ids_of(caption, "SDF-1") == ("CXCL12",)
    assert ids_of(caption, "MCP-1") == ("CCL2",)
    assert ids_of(caption, "BLC") == ("CXCL13",)
    assert "CA9" not in all_ids(caption)  # PMN is an alias of CA9, but here a cell type


# --- curated vocabulary: metabolites, lipid mediators, drugs, processes, compartments -----------


def _typed(caption: str) -> dict[str, tuple[str, str]]:
    """mention text -> (first entity id, its type)."""
    return {m.text: (m.entities[0].id, m.entities[0].type) for m in recognize(prepare(caption))}


def test_bile_acids_and_lipid_mediators_are_chemicals() -> None:
    caption = ("FXR is activated by obeticholic acid and secondary bile acids, while the accumulation of "
               "conjugated BAs inhibits FXR–FGF15 signaling. Aspirin-acetylated COX-2 converts arachidonic "
               "acid to 15-epi-LXA4, and PGD2 and LTC4 recruit eosinophils; 4-HNE and 25-hydroxycholesterol "
               "accumulate.")
    got = _typed(caption)
    assert got["obeticholic acid"] == ("obeticholic acid", "chemical")
    assert got["secondary bile acids"] == ("secondary bile acids", "chemical")
    assert got["conjugated BAs"] == ("conjugated bile acids", "chemical")
    assert got["15-epi-LXA4"][1] == "chemical"
    # symbol-shaped mediator names are chemicals, not genes taken as written
    for name in ("PGD2", "LTC4", "4-HNE", "25-hydroxycholesterol"):
        assert got[name][1] == "chemical", name


def test_second_messengers_ions_and_tool_compounds() -> None:
    caption = ("c-di-GMP binds STING, and PI3P recruits WIPI2. Cd2+ and LiCl inhibit GSK3. Cells were treated "
               "with Z-VAD-FMK or necrostatin-1 (Nec-1); ferroptosis triggered by erastin and RSL3 is "
               "prevented by ferrostatin-1, and bafilomycin A1 blocks lipophagy.")
    got = _typed(caption)
    assert got["c-di-GMP"] == ("c-di-gmp", "chemical")
    assert got["PI3P"] == ("pi3p", "chemical")
    assert got["Cd2+"] == ("cadmium", "chemical")  # not the CD2 gene
    assert got["LiCl"] == ("lithium", "chemical")
    assert got["Nec-1"] == got["necrostatin-1"] == ("necrostatin-1", "chemical")
    for name in ("Z-VAD-FMK", "erastin", "RSL3", "ferrostatin-1", "bafilomycin A1"):
        assert got[name][1] == "chemical", name
    assert got["ferroptosis"][1] == got["lipophagy"][1] == "process"


def test_hormones_and_proteins_by_common_names() -> None:
    caption = ("Vasopressin and oxytocin act on the hypothalamus; tau hyperphosphorylation and α-synuclein "
               "aggregation accompany neurodegeneration, and osteopontin and hepcidin rise.")
    assert ids_of(caption, "Vasopressin") == ("AVP",)
    assert ids_of(caption, "oxytocin") == ("OXT",)
    assert ids_of(caption, "α-synuclein") == ("SNCA",)
    assert ids_of(caption, "osteopontin") == ("SPP1",)
    assert ids_of(caption, "hepcidin") == ("HAMP",)


def test_processes_and_phenotypes() -> None:
    caption = ("RANKL stimulates osteoclast activity, whereas PTH enhances osteoblast differentiation. FGF/FGFR "
               "promotes Treg cell survival and cell viability. GLP-1 receptor agonists improve insulin "
               "sensitivity and glucose homeostasis; oncogene activation induces p53. LXR increases cholesterol "
               "efflux and lipid metabolism. Calcium mobilization drives endothelial cell activation.")
    got = _typed(caption)
    assert got["osteoclast activity"] == ("osteoclast activity", "process")
    assert got["Treg cell survival"][1] == "process"  # the cell type stays in the phrase
    assert got["cell viability"] == ("cell survival", "process")
    assert got["GLP-1 receptor agonists"][1] == "chemical"
    for name in ("insulin sensitivity", "glucose homeostasis", "oncogene activation", "cholesterol efflux",
                 "lipid metabolism", "endothelial cell activation"):
        assert got[name][1] == "process", name


def test_compartments_and_structures_need_movement() -> None:
    moved = "HDAC5 is exported to the cytoplasm, and YAP is recruited to tight junctions."
    assert {"cytoplasm", "tight junctions"} <= all_ids(moved)
    assert "cytoplasm" in all_ids("Phosphorylation causes cytoplasmic translocation of HDAC5.")
    still = "In the cytoplasm, Far1 inhibits Cdc28; the protein sits at tight junctions."
    assert not {"cytoplasm", "tight junctions"} & all_ids(still)
    # "to" after a compartment opens a purpose, not a movement; a movement word after it counts
    assert "plasma membrane" not in all_ids("TLR2 recruits TIRAP at the plasma membrane to activate MyD88.")
    assert "nucleus" in all_ids("STAT3 shows nucleus accumulation after IL-6 stimulation.")


def test_generic_words_stay_out() -> None:
    # class nouns that mostly set context in captions are not drawn as nodes
    caption = ("The transcription factors STAT3 and NF-κB bind target genes; antibodies against PD-1 were used, "
               "and transporters move HNE-modified proteins.")
    ids = all_ids(caption)
    assert not {"transcription factors", "target genes", "immunoglobulins", "transporters",
                "4-hydroxynonenal"} & ids


def test_enzyme_and_receptor_classes_by_common_names() -> None:
    caption = ("In adrenals, 3β-DH generates progesterone and 11β-HSD1 regenerates cortisol; TP53 is degraded by "
               "the proteosome. Bcl-2 family proteins and BH3-only proteins control MOMP, sirtuins deacetylate "
               "PGC-1α, and E3 ligases ubiquitinate FcγRs.")
    got = _typed(caption)
    assert got["3β-DH"] == ("3beta-hydroxysteroid dehydrogenase", "family")
    assert got["11β-HSD1"][0] == "HSD11B1"
    assert got["proteosome"][0] == "Proteasome"
    assert got["E3 ligases"][0] == "E3_Ub_ligase"
    for name in ("Bcl-2 family proteins", "BH3-only proteins", "sirtuins", "FcγRs"):
        assert got[name][1] == "family", name


def test_plant_defence_markers() -> None:
    caption = "JAZs inhibit PDF 1.2, and the Harpin elicitor induces salicylic acid and PDF1.2."
    assert ids_of(caption, "PDF 1.2") == ids_of(caption, "PDF1.2") == ("PDF1.2",)
    assert ids_of(caption, "Harpin elicitor") == ("harpin",)


def test_drug_stems_name_unknown_drugs() -> None:
    caption = ("Encorafenib and carfilzomib were combined with etoricoxib, montelukast, dulaglutide, sitagliptin "
               "and ramipril; in April the chase through the database increased.")
    got = _typed(caption)
    for name in ("Encorafenib", "carfilzomib", "etoricoxib", "montelukast", "dulaglutide", "sitagliptin",
                 "ramipril"):
        assert got[name] == (name.lower(), "chemical"), name
    assert not {"April", "chase", "database"} & set(got)


def test_more_processes_and_phenotypes() -> None:
    caption = ("p21 induces G1 arrest, whereas CHK1 loss causes mitotic catastrophe and replication stress. "
               "BAX triggers MOMP and metabolic reprogramming supports EndMT. IL-4 drives Th2 differentiation, "
               "airway hyperresponsiveness and mucus hypersecretion; the AHR ligand kynurenine promotes "
               "microglial activation, excitotoxicity and cognitive decline.")
    got = _typed(caption)
    for name in ("G1 arrest", "mitotic catastrophe", "replication stress", "MOMP", "metabolic reprogramming",
                 "EndMT", "Th2 differentiation", "airway hyperresponsiveness", "mucus hypersecretion",
                 "microglial activation", "excitotoxicity", "cognitive decline"):
        assert got[name][1] == "process", name
    assert got["AHR"] == ("AHR", "gene")  # the aryl hydrocarbon receptor, not hyperresponsiveness


def test_processed_and_greek_lettered_protein_names() -> None:
    caption = ("TGF-β increases α-SMA and type I collagen through TβRI; procaspase-9 and tBid accumulate, IRE1α "
               "splices XBP1, and LUBAC binds NEMO.")
    assert ids_of(caption, "α-SMA") == ("ACTA2",)  # not SMN1 ("SMA")
    assert ids_of(caption, "TβRI") == ("TGFBR1",)
    assert ids_of(caption, "procaspase-9") == ("CASP9",)
    assert ids_of(caption, "tBid") == ("BID",)
    assert ids_of(caption, "IRE1α") == ("ERN1",)
    assert ids_of(caption, "LUBAC") == ("lubac",)
    assert ids_of(caption, "type I collagen") == ("COL1",)


def test_stimuli_and_exposures() -> None:
    caption = ("UV radiation and ionizing radiation damage DNA; cigarette smoke and PM2.5 induce ROS, and amino "
               "acid starvation or caloric restriction inhibit mTORC1, while viral infection activates RIG-I.")
    got = _typed(caption)
    assert got["UV radiation"][0] == "uv radiation"
    assert got["ionizing radiation"][0] == "ionizing radiation"
    assert got["cigarette smoke"] == ("cigarette smoke", "chemical")
    assert got["PM2.5"][0] == "particulate matter"
    assert got["amino acid starvation"][0] == "amino acid starvation"
    assert got["caloric restriction"][1] == got["viral infection"][1] == "process"


def test_process_names_do_not_take_gene_symbols() -> None:
    # "itch" (pruritus) is also the E3 ligase ITCH; the gene wins
    assert ids_of("The E3 ligase ITCH ubiquitinates JUNB.", "ITCH") == ("ITCH",)


def test_receptors_named_after_their_ligand() -> None:
    # the receptor, not its ligand: "glucocorticoid receptor" is NR3C1, not the chemical
    caption = ("Cortisol binds the glucocorticoid receptor and aldosterone the mineralocorticoid receptor, which "
               "induces ENaC; PGE2 acts on the EP4 receptor, LPA on LPA receptors, and ACh on muscarinic M1 "
               "receptors.")
    assert ids_of(caption, "glucocorticoid receptor") == ("NR3C1",)
    assert ids_of(caption, "mineralocorticoid receptor") == ("NR3C2",)
    assert ids_of(caption, "EP4 receptor") == ("PTGER4",)
    assert ids_of(caption, "LPA receptors") == ("LPAR",)
    assert ids_of(caption, "muscarinic M1 receptors") == ("CHRM1",)
    assert ids_of(caption, "ENaC") == ("ENaC",)
    assert ids_of(caption, "LPA") == ("lysophosphatidic acid",)


def test_names_ending_in_a_capital_letter_take_no_plural_word() -> None:
    # the automatic plural "s" must not turn "lipid A" into "lipid as" or "vitamin A" into "vitamin as"
    caption = "Cells use lipid as fuel and vitamin as a cofactor; Vitamin A and lipid A activate TLR4."
    texts = {m.text for m in recognize(prepare(caption))}
    assert "lipid as" not in texts and "vitamin as" not in texts
    assert {"Vitamin A", "lipid A", "TLR4"} <= texts


def test_diseases_as_outcomes() -> None:
    caption = ("Loss of VHL drives RCC, BCR-ABL drives CML, and KRAS mutations promote NSCLC and PDAC; "
               "COPD and ALS are also discussed.")
    got = _typed(caption)
    assert got["RCC"] == ("renal cell carcinoma", "process")  # not XRCC1
    assert got["CML"] == ("chronic myeloid leukemia", "process")
    assert got["COPD"] == ("copd", "process")  # not ARCN1
    assert got["ALS"] == ("amyotrophic lateral sclerosis", "process")
    assert got["NSCLC"][1] == got["PDAC"][1] == "process"


def test_named_movements_are_compartments() -> None:
    # "nuclear export" ends in the cytoplasm, "lysosomal localization" at the lysosome
    caption = ("ET-1 induces HDAC5 nuclear export via InsP3. Rag GTPases promote mTORC1 lysosomal "
               "localization, and BAX mitochondrial translocation follows.")
    got = _typed(caption)
    assert got["nuclear export"] == ("cytoplasm", "group")
    assert got["lysosomal localization"] == ("lysosome", "group")
    assert got["mitochondrial translocation"] == ("mitochondria", "group")
    # a compartment where something only happens is still no node
    assert "cytoplasm" not in all_ids("HDAC5 is phosphorylated in the cytoplasm by CaMKII.")


def test_hyphenated_pair_of_short_forms_spelled_out_by_slash_parts() -> None:
    # "JAK-STAT (Janus kinase/signal transducers ...)": two definitions, not one pathway entity
    caption = ("JAK-STAT (Janus kinase/signal transducers and activators of transcription) pathway. "
               "The JAK-STAT system consists of a receptor, JAK and STAT.")
    assert ids_of(caption, "Janus kinase") == ("JAK",)
    assert ids_of(caption, "signal transducers and activators of transcription") == ("STAT",)
    assert all_ids(caption) == {"JAK", "STAT"}


def test_a_symbol_slashed_before_a_long_form_is_its_own_entity() -> None:
    # "JAK/signal transduction and activator-of-transcription (STAT)": JAK stays JAK
    caption = "PolyI:C triggers JAK/signal transduction and activator-of-transcription (STAT) signaling."
    assert ids_of(caption, "JAK") == ("JAK",)
    assert ids_of(caption, "signal transduction and activator-of-transcription") == ("STAT",)
    # a chemical before the slash belongs to the name: "Ca2+/calmodulin-dependent protein kinase"
    caption = "Ca2+/calmodulin-dependent protein kinase (CaMK) phosphorylates CREB."
    assert ids_of(caption, "Ca2+/calmodulin-dependent protein kinase") == ("CAMK",)


@pytest.mark.parametrize(("surface", "gene"), [
    ("IkBa", "NFKBIA"), ("IκBα", "NFKBIA"), ("IkB", "IKB"), ("IKKb", "IKBKB"), ("TNFa", "TNF"),
    ("TNF-a", "TNF"), ("IFN-g", "IFNG"), ("TGFb", "TGFB"), ("PKCd", "PRKCD"), ("C/EBPβ", "CEBPB"),
    ("RORγt", "RORC"), ("PLCγ2", "PLCG2"), ("Gα13", "GNA13"), ("cyt c", "CYCS"), ("γH2AX", "H2AX"),
    ("IL-1RI", "IL1R1"), ("TNFRII", "TNFRSF1B"), ("integrin β1", "ITGB1"), ("β1-integrin", "ITGB1"),
    ("αv integrin", "ITGAV"), ("14-3-3ζ", "YWHAZ"),
])
def test_greek_letters_written_as_latin_letters_and_subunit_names(surface: str, gene: str) -> None:
    assert ids_of(f"In these cells {surface} is activated by stress.", surface) == (gene,)


def test_a_plural_never_ends_on_a_one_letter_word() -> None:
    # "IFN-g is": not the plural of the FamPlex name "G i"; "β1 is": not the alias "beta1i"
    assert all_ids("IFN-g is secreted and integrin β1 is clustered.") == {"IFNG", "ITGB1"}
    assert "PSMB9" not in all_ids("The β1 is a subunit label here.")


def test_a_name_as_written_beats_the_plural_of_a_shorter_name() -> None:
    # "Gαs" is the stimulatory G alpha subunit, not the plural of "Gα"
    assert ids_of("Gαs activates adenylyl cyclase.", "Gαs") == ("G_s_alpha",)
    assert ids_of("Gα and Gβγ dissociate.", "Gα") == ("G_alpha",)
    assert ids_of("STATs and MAPKs are phosphorylated.", "STATs") == ("STAT",)


def test_plant_development_families() -> None:
    caption = ("Auxin promotes the expression of PINs, WOX5 and PLT; cytokinin acts via KNOXI, "
               "and SAURs inhibit PP2C.D to activate the PM H+-ATPase. Pin1 isomerises p53.")
    assert ids_of(caption, "PINs") == ("PIN",)
    assert ids_of(caption, "PLT") == ("PLT",)
    assert ids_of(caption, "KNOXI") == ("KNOXI",)
    assert ids_of(caption, "PM H+-ATPase") == ("PM H+-ATPase",)
    assert ids_of(caption, "Pin1") == ("PIN1",)  # the human prolyl isomerase keeps its name


def test_short_forms_of_cells_zones_and_anatomy_name_no_gene() -> None:
    # "DSC" is a DSC3 alias and "PM" the plasma membrane elsewhere, but here they are defined
    # as a cell type and a zone; "DB" (a brain band) is no new entity either
    caption = ("WOX5 maintains the root DSC; PM, proximal meristem; DSC, distal stem cell.(D) The PM "
               "grows. Neurons of the diagonal band of Broca (DB) make ACh.")
    ids = all_ids(caption)
    assert "DSC3" not in ids and "plasma membrane" not in ids
    assert not any("broca" in i.lower() for i in ids)
    assert "WOX5" in ids and "acetylcholine" in ids
    # a protein part still names its protein: the Notch intracellular domain (NICD) is Notch
    assert ids_of("It releases the Notch intracellular domain (NICD). NICD binds CSL.", "NICD") == ("Notch",)


def test_a_defined_blood_or_tissue_cell_type_is_no_entity() -> None:
    # "polymorphonuclear leukocytes (PMNs)" was guessed a chemical, and "chemokines that recruit
    # PMNs" became a binding; a cell type named in a definition is no node
    ids = all_ids("IL-17A makes epithelial cells produce chemokines that recruit polymorphonuclear leukocytes (PMNs).")
    assert ids == {"IL17A", "chemokines"}


def test_unknown_long_forms_of_gene_sets_and_capitalised_gene_names() -> None:
    # "auxin response genes (AuxRE)" is a set of genes (it was guessed a chemical, and "ARFs
    # activate the transcription of auxin response genes" read as producing auxin); a long form
    # in capitals is a plant gene name ("TOPLESS (TPL)"), unless a chemical word ends it
    got = {t: ids for t, ids, _ in found("Aux/IAAs repress auxin response genes (AuxRE) and recruit TOPLESS (TPL). "
                                         "ABSCISIC ACID (ABA) binds PYR1.")}
    assert got["auxin response genes"] == ("auxin response genes",)
    assert got["TOPLESS"] == ("TPL",) and got["TPL"] == ("TPL",)
    assert got["ABA"] == ("abscisic acid",)
    types = {m.text: m.entities[0].type for m in recognize(prepare("TOPLESS (TPL) binds. Auxin response genes (AuxRE) rise."))}
    assert types["TPL"] == "gene" and types["AuxRE"] == "group"


def test_a_lone_verb_is_no_long_form() -> None:
    # "ubiquitinates (Ub)": the verb names no chemical (and "The E3 ligase" only describes MDM2)
    assert all_ids("The E3 ligase MDM2 ubiquitinates (Ub) TP53 and targets it for degradation.") == {
        "MDM2", "TP53"}


def test_two_members_written_as_one_name() -> None:
    # "TSC1/2" is the TSC complex (as "ERK1/2" is ERK); "ERK 1 and 2" is ERK too
    assert ids_of("TSC1/2 suppresses mTORC1 signaling.", "TSC1/2") == ("TSC",)
    assert ids_of("The TSC1-TSC2 complex inhibits Rheb.", "TSC1-TSC2 complex") == ("TSC",)
    assert ids_of("MEK phosphorylates and activates ERK 1 and 2.", "ERK 1 and 2") == ("ERK",)
    # numbered siblings ground as the written symbol would alone
    assert ids_of("RSK1/2 phosphorylate CREB.", "RSK1/2") == ("RPS6KA1", "RPS6KA3")
    assert ids_of("MST1/2 phosphorylate LATS1/2.", "MST1/2") == ("STK4", "STK3")


def test_members_listed_with_their_complex_are_the_complex() -> None:
    # curated graphs draw "the IKK complex composed of IKKα, IKKβ and NEMO" as one node
    caption = ("The TAK1 complex activates the IKK complex composed of IKKα, IKKβ and NEMO (IKKγ), which "
               "catalyze phosphorylation of IκB proteins. IKKβ phosphorylates IκBα.")
    assert {ids_of(caption, s) for s in ("IKKα", "IKKβ", "NEMO", "IKKγ")} == {("IKK_complex",)}
    caption = ("RIPK1 recruits the IκB kinase (IKK) complex (composed of the NF-κB essential modulator "
               "[NEMO], IKKα, and IKKβ) and the TAK1 complex.")
    assert all_ids(caption) == {"RIPK1", "IKK_complex", "MAP3K7"}
    assert ids_of("Rags bind the Raptor subunit of mTORC1 at the lysosome.", "Raptor") == ("mTORC1",)
    assert ids_of("PRAS40 and Raptor are specific components of mTORC1.", "Raptor") == ("mTORC1",)
    # parts that are no listed members stay themselves: an assembly the caption builds,
    # a family-level part of a family-level whole
    caption = "The apoptosome, composed of APAF1, cytochrome c and caspase-9, activates caspase-3."
    assert {"APAF1", "CYCS", "CASP9", "CASP3"} <= all_ids(caption)
    assert ids_of("The p85 subunit of PI3K binds IRS1.", "p85") == ("PI3K_p85",)
    # a member named on its own stays the gene
    assert ids_of("IKKβ and NEMO activate NF-κB.", "IKKβ") == ("IKBKB",)


def test_parts_the_caption_files_under_complexes_are_those_complexes() -> None:
    # a stated "are components of" files a part FamPlex does not list (PRAS40) too
    caption = "PRAS40 and Raptor are specific components of mTORC1. mTORC1 phosphorylates S6K."
    assert ids_of(caption, "PRAS40") == ("mTORC1",)
    # parts two complexes share name both
    caption = "mTOR, Deptor, and mLST8 (yellow) are found in both mTORC1 and mTORC2."
    assert ids_of(caption, "Deptor") == ("mTORC1", "mTORC2")
    assert ids_of(caption, "mTOR") == ("mTORC1", "mTORC2")
    # a place, or one whole only, is no part-of statement; "the X subunit of" keeps FamPlex's list
    assert ids_of("PRAS40 is found in the cytoplasm and in mTORC1.", "PRAS40") == ("AKT1S1",)
    assert ids_of("Deptor is found in mTORC1 at the lysosome.", "Deptor") == ("DEPTOR",)
    assert ids_of("The PRAS40 subunit of mTORC1 binds Raptor.", "PRAS40") == ("AKT1S1",)


def test_class_nouns_that_only_describe_are_no_nodes() -> None:
    # apposition before the named members, and predicates, describe; the members act
    caption = ("In the IMD pathway, pathogen recognition receptors PGRP-LC and PGRP-LE recognize PGN. "
               "Toll9 acts as a pattern recognition receptor and binds LPS.")
    ids = all_ids(caption)
    assert "pattern recognition receptors" not in ids and not any("recognition" in i for i in ids)
    assert {"PGRP-LC", "PGRP-LE", "Toll9"} <= ids
    # also over its own expansion in parentheses, and before a chemical member
    ids = all_ids("The bacterial PAMP (pathogen-associated molecular pattern) flg22 is sensed by FLS2.")
    assert ids == {"flg22", "FLS2"}
    # a class that takes part stays, after "such as" and "as well as" too
    assert "growth factors" in all_ids("Stimuli such as growth factors activate RAS.")
    assert "growth factors" in all_ids("IL-6 as well as growth factors activate STAT3.")
    assert "pattern recognition receptors" in all_ids("PRRs recognize PAMPs and activate NF-κB.")
    # "these <class>" after the class was apposed to named members means those members
    caption = ("Pathogen recognition receptors PGRP-LC and PGRP-LE recognize PGN. These recognition receptors "
               "recruit IMD. Other receptors bind LPS.")
    assert {m.text: tuple(e.id for e in m.entities) for m in recognize(prepare(caption))}[
        "recognition receptors"] == ("PGRP-LC", "PGRP-LE")
    # without members named before, the class stays a class
    assert "recognition receptors" in all_ids("These recognition receptors recruit IMD.")
    # a bare plural after "as" describes too: "recognized by TLRs as pathogen-associated molecular patterns"
    ids = all_ids("Viral RNAs are recognized by TLRs as pathogen-associated molecular patterns.")
    assert "TLR" in ids and not any("pattern" in i for i in ids)


def test_a_class_set_beside_the_genes_it_describes_is_no_node() -> None:
    # apposition with a comma, and a generic class over its members' symbols in parentheses
    assert all_ids("TP53 is kept low by the E3 ubiquitin ligase, MDM2 (HDM2), which ubiquitinates it.") \
        == {"TP53", "MDM2"}
    assert all_ids("Three cytochrome P450 enzymes (CYP11B1, CYP21, and CYP17) make cortisol.") \
        == {"CYP11B1", "CYP21A2", "CYP17A1", "cortisol"}
    assert all_ids("LXRs upregulate ATP-binding cassette transporters A1 and G1 (ABCA1 and ABCG1, "
                   "respectively).") == {"LXR", "ABCA1", "ABCG1"}
    # a list after the class goes on, a pathway-named class, one member: the class stays
    assert "E3_Ub_ligase" in all_ids("Ubiquitin is passed on by the E3 ubiquitin ligase, MDM2, and TP53.")
    assert "MAPK" in all_ids("MAP kinases (ERK, JNK and p38) are activated by stress.")
    assert "CYP" in all_ids("Cytochrome P450 enzymes (CYP3A4) oxidize it.")
    # a chemical class in the singular right before the named chemical ("the antibiotic rapamycin")
    assert all_ids("The antibiotic rapamycin inactivates mTORC1.") == {"rapamycin", "mTORC1"}
    assert "amino acids" in all_ids("Amino acids activate mTORC1.")
    assert "amino acids" in all_ids("Rag GTPases sense the amino acids leucine and arginine.")


def test_a_family_an_entity_is_filed_under_is_no_node() -> None:
    # "X, a member of the Y family" describes X; curators draw X only
    ids = all_ids("TCR ligation activates Fyn, a member of the Src family of tyrosine kinases, and ZAP-70.")
    assert ids == {"TCR", "FYN", "ZAP70"}
    ids = all_ids("BID activates BAX, one of the pro-apoptotic members of the BCL-2 family, at mitochondria.")
    assert "BID" in ids and "BAX" in ids and not any(i.startswith("BCL") for i in ids)
    # a family that takes part, and a pathway an entity is a member of, stay
    assert "TLE" in all_ids("TCF factors are bound by members of the Groucho family.")
    # a family word that classes a noun made of named members: "JAK family heterodimers of JAK2 with JAK1"
    assert all_ids("Resistance comes from JAK family heterodimers of JAK2 with JAK1 or TYK2.") == {"JAK2", "JAK1", "TYK2"}
    assert "SRC" in all_ids("Src family kinases activate STAT3.")
    # a family written with its word right before named members only classes them
    assert all_ids("BCL-2 family members BAX and BAK oligomerize.") == {"BAX", "BAK1"}
    assert "MAPK" in all_ids("Ste20, an upstream member of the MAPK pathway, depends on Cdc42.")


@pytest.mark.parametrize(("surface", "receptor"), [
    ("IL-1 receptor", "IL1R1"), ("IL-10 receptor", "IL10RA"), ("IL-13 receptor", "IL13RA1"),
    ("IL-17 receptor", "IL17RA"), ("IL-6 receptor", "IL6R"), ("TNF receptor", "TNFRSF1A"),
    ("type I IFN receptor", "IFNAR"), ("VEGF receptor 2", "KDR"), ("FGF receptor 1", "FGFR1"),
    ("LDL receptor", "LDLR"), ("IP3 receptor", "ITPR"), ("ryanodine receptor", "RYR"), ("HGF receptor", "MET"),
])
def test_receptors_named_after_their_ligand_are_receptors(surface: str, receptor: str) -> None:
    assert ids_of(f"The ligand binds the {surface} on T cells.", surface) == (receptor,)


def test_a_ligand_receptor_the_tables_lack_is_its_own_node_not_the_ligand() -> None:
    assert ids_of("IL-33 binds the IL-33 receptor.", "IL-33 receptor") == ("il-33 receptor",)
    assert ids_of("IL-33 binds the IL-33 receptor.", "IL-33") == ("IL33",)
    # a receptor named with "receptor" after it stays itself ("gp130 receptor chain", "Notch receptor")
    assert ids_of("IL-6R associates with the gp130 receptor chain.", "gp130") == ("IL6ST",)
    assert ids_of("DSL ligands activate the Notch receptor.", "Notch") == ("Notch",)


def test_curated_entity_files_hold_words_not_yaml_booleans() -> None:
    # YAML 1.1 reads a bare NO, on, no, Y as booleans: quote them ("NO" is nitric oxide)
    from pathlib import Path

    import yaml

    def scalars(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from scalars(value)
        elif isinstance(node, list):
            for value in node:
                yield from scalars(value)
        else:
            yield node

    rules = Path(__file__).resolve().parent.parent / "rules" / "entities"
    for path in sorted(rules.glob("*.yaml")):
        bad = [v for v in scalars(yaml.safe_load(path.read_text(encoding="utf-8"))) if isinstance(v, bool)]
        assert not bad, f"{path.name}: unquoted YAML boolean(s) {bad}"
    assert ids_of("Endothelial NOS makes NO from arginine.", "NO") == ("nitric oxide",)


@pytest.mark.parametrize(("surface", "genes"), [
    ("IKKα/β", ("CHUK", "IKBKB")), ("STAT5a/b", ("STAT5A", "STAT5B")), ("GSK-3α/β", ("GSK3A", "GSK3B")),
    ("HIF-1α/2α", ("HIF1A", "EPAS1")), ("Wnt3a/5a", ("WNT3A", "WNT5A")), ("TGF-β1/2", ("TGFB1", "TGFB2")),
    ("AMPKα1/α2", ("PRKAA1", "PRKAA2")), ("IL-17A/F", ("IL17A", "IL17F")), ("p-STAT5a/b", ("STAT5A", "STAT5B")),
    ("Gαq/11", ("G_q_alpha", "GNA11")), ("PPARα/γ", ("PPARA", "PPARG")),
])
def test_siblings_named_by_their_suffix_after_a_slash(surface: str, genes: tuple[str, ...]) -> None:
    assert ids_of(f"Here {surface} is activated.", surface) == genes


def test_a_slash_between_two_names_is_still_two_mentions() -> None:
    assert [t for t, _, _ in found("PI3K/Akt and Bcl-2/Bax")] == ["PI3K", "Akt", "Bcl-2", "Bax"]
    assert ids_of("IFN-λ and IFN-I act on epithelia.", "IFN-λ") == ("type iii interferon",)
    assert ids_of("IFN-λ and IFN-I act on epithelia.", "IFN-I") == ("type i interferon",)


def test_two_genes_that_make_a_known_complex_name_it() -> None:
    # "p50 and RelA" are NF-κB (NFkappaB_1 + NFkappaB_2), "c-Fos/c-Jun" AP-1
    caption = "Degradation of IκB mediates translocation of p50 and RelA to the nucleus."
    assert ids_of(caption, "p50") == ids_of(caption, "RelA") == ("NFkappaB",)
    assert set(ids_of("The p65/p50 heterodimer binds DNA.", "p65/p50")) == {"NFkappaB"}
    # a longer list, or two genes of one slot, stay genes
    assert ids_of("p50, p52, RelA and RelB bind κB sites.", "RelA") == ("RELA",)
    assert ids_of("RelA and c-Rel bind κB sites.", "RelA") == ("RELA",)
    assert ids_of("Bcl-2 and Bax heterodimerize.", "Bcl-2") == ("BCL2",)


def test_mixed_case_protein_names() -> None:
    assert ids_of("RelB and Sin1 are phosphorylated.", "RelB") == ("RELB",)
    assert ids_of("RelB and Sin1 are phosphorylated.", "Sin1") == ("MAPKAP1",)


def test_a_gene_of_another_species_slashed_with_its_human_ortholog_is_one_node() -> None:
    # "LIN-12/Notch", "DAF-16/FOXO", "Hog1/p38": keyed as the written organism gene
    assert ids_of("The receptor LIN-12/Notch is cleaved.", "LIN-12/Notch") == ("LIN-12",)
    assert ids_of("DAF-16/FOXO enters the nucleus.", "DAF-16/FOXO") == ("DAF-16",)
    assert ids_of("Osmotic stress activates Hog1/p38.", "Hog1/p38") == ("Hog1",)
    # two human names stay two mentions, and a slash chain stays a chain
    assert [t for t, _, _ in found("PI3K/Akt and Ste5/MAPK/ERK")] == ["PI3K", "Akt", "Ste5", "MAPK", "ERK"]


def test_mouse_fgf15_is_human_fgf19() -> None:
    caption = "Bile acids activate FXR–FGF15 signaling; FGF15/19 acts on FGFR4."
    assert ids_of(caption, "FGF15") == ("FGF19",)
    assert ids_of(caption, "FGF15/19") == ("FGF19",)


def test_greek_letters_count_once_in_a_short_form_and_legend_descriptions_end_at_their_clause() -> None:
    caption = ("13-LOX, 13-lipoxygenase species triggering jasmonate synthesis by converting α-linoleic acid "
               "(αLA); JA, jasmonate-dependent signaling.")
    assert ids_of(caption, "αLA") == ids_of(caption, "α-linoleic acid") == ("alpha-linolenic acid",)
    assert ids_of(caption, "13-LOX") == ("13-lipoxygenase species",)
    assert ids_of("Tumor necrosis factor-α (TNF-α) binds TNFR1.", "TNF-α") == ("TNF",)


def test_a_legend_item_without_its_long_form_passes_the_next_one_on() -> None:
    # "PD-L1, SOCS1, suppressor of cytokine signaling 1": the long form is SOCS1's, not PD-L1's
    # (a misspelt short form, as captions have them, takes the long form's grounding)
    caption = ("FGFR inhibits CXCL10 via SCOS1. GZMB, granzyme B; PD-L1, SCOS1, suppressor of cytokine "
               "signaling 1; GSK3β, glycogen synthase kinase 3 beta.")
    assert ids_of(caption, "SCOS1") == ("SOCS1",)
    assert ids_of(caption, "PD-L1") == ("CD274",)
    assert ids_of(caption, "suppressor of cytokine signaling 1") == ("SOCS1",)
    assert ids_of(caption, "GZMB") == ("GZMB",)


def test_comma_separated_equals_legends_and_modes_of_inheritance() -> None:
    # "AR=autosomal recessive, AD=autosomal dominant": neither the androgen receptor nor a disease
    ids = all_ids("Defects cause porphyrias. AR=autosomal recessive, AD=autosomal dominant")
    assert "AR" not in ids and "alzheimer's disease" not in ids
    assert ids_of("AR binds DHT in the prostate.", "AR") == ("AR",)


@pytest.mark.parametrize(("surface", "gene"), [
    ("EP2R", "PTGER2"), ("AT2R", "AGTR2"), ("ETBR", "EDNRB"), ("H1R", "HRH1"), ("CB1R", "CNR1"),
    ("β1-AR", "ADRB1"), ("P2Y12R", "P2RY12"), ("BLT1", "LTB4R"), ("S1P1", "S1PR1"), ("Y1R", "NPY1R"),
])
def test_receptors_abbreviated_as_ligand_subtype_and_r(surface: str, gene: str) -> None:
    assert ids_of(f"The agonist binds {surface} on platelets.", surface) == (gene,)


@pytest.mark.parametrize(("surface", "gene"), [
    ("eIF2α", "EIF2S1"), ("p-eIF2α", "EIF2S1"), ("p38α", "MAPK14"), ("PI3Kα", "PIK3CA"), ("ACCα", "ACACA"),
    ("PKCζ", "PRKCZ"), ("CK1ε", "CSNK1E"), ("LTβR", "LTBR"), ("CaMKIIδ", "CAMK2D"), ("eIF4F", "EIF4"),
])
def test_isoforms_the_greek_suffix_rule_misreads(surface: str, gene: str) -> None:
    # "eIF2α" is EIF2S1, not the approved symbol EIF2A (another protein); "ACCα" is not GPR3
    assert ids_of(f"Stress leads to {surface} activation.", surface) == (gene,)


def test_localization_signals_are_motifs_not_compartments_or_entities() -> None:
    caption = "A nuclear localization signal (NLS) in STAT3 is exposed; STAT3 then translocates to the nucleus."
    assert all_ids(caption) == {"STAT3", "nucleus"}
    assert "cytoplasm" not in all_ids("The nuclear export signal of HDAC5 is masked by CaMKII.")
    assert "cytoplasm" in all_ids("CaMKII induces HDAC5 nuclear export.")


def test_vertebrate_hedgehogs_are_not_the_fly_gene() -> None:
    assert ids_of("Sonic hedgehog binds Patched.", "Sonic hedgehog") == ("SHH",)
    assert ids_of("Raf kinase inhibitor protein blocks RAF.", "Raf kinase inhibitor protein") == ("PEBP1",)


@pytest.mark.parametrize(("surface", "entity"), [
    ("interleukin 6", "IL6"), ("sirtuin 1", "SIRT1"), ("protein kinase B", "AKT"),
    ("hypoxia-inducible factor 1α", "HIF1A"), ("heat shock protein 90", "HSP90"), ("B-cell lymphoma 2", "BCL2"),
    ("cAMP response element-binding protein", "CREB"), ("stimulator of interferon genes", "STING1"),
    ("apoptosis-associated speck-like protein", "PYCARD"), ("focal adhesion kinase", "PTK2"),
])
def test_full_names_are_the_protein_not_a_word_inside_them(surface: str, entity: str) -> None:
    # not "hypoxia", "heat stress", "lymphoma", "cAMP", "interferon" or "apoptosis"
    assert [ids for text, ids, _ in found(f"We show that {surface} is activated.")] == [(entity,)]


def test_a_lowercase_word_and_a_number_are_still_no_symbol() -> None:
    assert all_ids("Cells were treated at 2 h or 2 days; see 4.") == set()


def test_protein_names_built_on_a_process_or_chemical_word() -> None:
    # "glioma-associated oncogene", "hypoxia-inducible factor 3": no glioma or hypoxia node
    assert all_ids("Glioma-associated oncogene homolog 3 and hypoxia-inducible factor 3 bind DNA.") == set()
    assert all_ids("ROS-induced apoptosis follows hypoxia.") == {"ros", "apoptosis", "hypoxia"}
    caption = "Insulin binds the insulin-like growth factor receptor 1 (IGF-1R) and IGFs bind it too."
    assert ids_of(caption, "insulin-like growth factor receptor 1") == ("IGF1R",)
    assert ids_of(caption, "IGFs") == ("IGF",)
    assert ids_of("SAPK/JNK phosphorylates c-Jun.", "SAPK/JNK") == ("JNK",)


def test_a_cell_structure_abbreviation_is_not_the_kinase_its_letters_spell() -> None:
    assert "CSK" not in all_ids("Salt stress remodels the cytoskeleton (Csk); Csk then signals.")
    assert ids_of("C-terminal Src kinase (Csk) phosphorylates Src.", "Csk") == ("CSK",)


def test_a_receptor_named_by_its_ligand_and_a_possessive() -> None:
    # "X binding to its receptor": X's receptor, by the lexicon or the naming convention
    assert ids_of("Binding of insulin to its receptor recruits IRS1.", "receptor") == ("INSR",)
    assert ids_of("Binding of growth factors to their cognate receptors activates PI3K.",
                  "cognate receptors") == ("growth factor receptor",)
    assert ids_of("IL-13 binding to its receptor activates STAT6.", "receptor") == ("IL13RA1",)
    # the receptor as the caption names it elsewhere wins
    caption = "IL-13 binding to its receptor. Upon IL-13 receptor (IL-13R) activation, STAT6 acts."
    assert ids_of(caption, "receptor") == ids_of(caption, "IL-13 receptor")
    # no known receptor of the ligand, or no ligand right before: nothing new
    assert "receptor" not in {m.text for m in recognize(prepare("PTEN returns to its receptor pool."))}
    assert ids_of("AI signals bind to their cognate receptors.", "cognate receptors") == ("cognate receptors",)


def test_a_hormone_short_form_with_a_number_names_the_hormone() -> None:
    # "E2" is no letter sequence of "estradiol", yet "17β-estradiol (E2)" defines it; the same
    # letters after an enzyme ("ubiquitin-conjugating enzyme (E2)") keep their lexicon reading
    caption = "Signaling by 17β-estradiol (E2) through GPER1. E2 also binds ERβ and progesterone (P4) binds PGR."
    assert ids_of(caption, "E2") == ("estradiol",)
    assert ids_of(caption, "P4") == ("progesterone",)
    assert ids_of("The ubiquitin-conjugating enzyme (E2) transfers ubiquitin.", "E2") != ("estradiol",)


def test_a_receptor_apposed_to_the_possessive_is_the_receptor() -> None:
    # "the binding of RANKL to its receptor, RANK,": RANK, not a made-up "RANKL receptor"
    caption = "The binding of RANKL to its receptor, RANK, leads to the recruitment of TRAF6."
    assert ids_of(caption, "receptor, RANK,") == ("TNFRSF11A",)
    assert "rankl receptor" not in all_ids(caption)
    assert ids_of("IL-6 binds to its receptor (IL-6R) and activates JAK1.", "receptor (IL-6R)") == ("IL6R",)
    # a clause after the comma is no apposition: the ligand's receptor stays
    assert ids_of("IL-6 binds to its receptor, STAT3 is then activated.", "receptor") == ("IL6R",)
    # and "IL-6 binds to its receptor" is no long form of the abbreviation after it
    assert "IL-6 binds to its receptor" not in {m.text for m in recognize(prepare("IL-6 binds to its receptor (IL-6R)."))}
