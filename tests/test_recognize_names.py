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


def all_ids(caption: str) -> set[str]:
    """Every entity id recognised in `caption`."""
    return {i for _, ids in found(caption) for i in ids}


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


@pytest.mark.parametrize("caption", [
    "Shown are IL-6 signaling and an IL-6 inhibitor, the humanized anti-IL-6 receptor antibody tocilizumab.",
    "Tocilizumab, an IL-6 inhibitor, blocks IL-6 binding to IL-6R.",
    "Tocilizumab (an IL-6 inhibitor) blocks IL-6 binding to IL-6R.",
    "The IL-6 inhibitor tocilizumab blocks IL-6 binding to IL-6R.",
    "Tocilizumab is an IL-6 inhibitor that blocks IL-6 binding to IL-6R.",
])
def test_a_drug_apposed_to_its_class_is_one_node(caption: str) -> None:
    mentions = recognize(prepare(caption))
    drug = next(m for m in mentions if m.text.lower() == "tocilizumab")
    named = next(m for m in mentions if m.text == "IL-6 inhibitor")
    assert drug.entities == named.entities
    entity = drug.entities[0]
    assert entity.label == "tocilizumab" and entity.type == "chemical"
    assert [m.id for m in entity.members] == ["IL6"]  # still an inhibitor of IL-6


def test_a_drug_apposed_to_a_class_the_lexicon_names_is_one_node() -> None:
    # ("MEK inhibitor" is a chemical of the grounding map, not a derived inhibitor of MEK)
    assert all_ids("Trametinib, a MEK inhibitor, suppresses ERK phosphorylation.") == {"trametinib", "ERK"}
    assert "mek inhibitor" in all_ids("MEK inhibitors block ERK.")


def test_a_drug_after_a_clause_break_or_far_away_stays_its_own_node() -> None:
    caption = "A JAK2 inhibitor blocks STAT3; rapamycin blocks mTOR."
    assert ids_of(caption, "rapamycin") == ("rapamycin",)
    caption = "A JAK2 inhibitor, which blocks STAT3 in most tumour cells of the lung, and rapamycin act together."
    assert ids_of(caption, "rapamycin") == ("rapamycin",)
    assert ids_of(caption, "JAK2 inhibitor") == ("JAK2 inhibitor",)


def test_a_tie_between_the_two_automata_goes_to_the_name_as_written() -> None:
    # HGNC: TICAM1 lists the alias "TRIF", TRIM69 the alias "Trif"
    caption = "TLR4 signals through MyD88 and TRIF; TRAM bridges TLR4 to TRIF."
    assert ids_of(caption, "TRIF") == ("TICAM1",)
    assert ids_of("gp130 binds IL-6R.", "gp130") == ("IL6ST",)


@pytest.mark.parametrize("caption", [
    "STAT1, in complex with STAT2, activates ISG15.",
    "MDM2, which binds p53, ubiquitinates it.",
    "STAT1, together with STAT2 and IRF9, forms ISGF3.",
])
def test_an_apposed_clause_is_no_abbreviation_legend(caption: str) -> None:
    mentions = found(caption)
    assert all(len(text) < 8 for text, _ in mentions)  # no "in complex with STAT2, ..." mention
    first = caption.split(",")[0]
    assert mentions[0] == (first, (first,))
    assert len({ids for _, ids in mentions[:2]}) == 2  # the next name is its own entity


def test_legend_items_still_define_their_short_forms() -> None:
    caption = "ACC, acetyl-CoA carboxylase; OM, outer membrane; PI3K = phosphoinositide 3-kinase."
    assert ids_of(caption, "OM") == ids_of(caption, "outer membrane") != ()
    assert ids_of(caption, "ACC") == ids_of(caption, "acetyl-CoA carboxylase") != ()


@pytest.mark.parametrize(("caption", "surface", "entity"), [
    ("In the rodent liver, most CDCA is converted to MCA.", "MCA", "muricholic acid"),
    ("In the pig liver, CDCA is primarily converted to HCA.", "HCA", "hyocholic acid"),
    ("Gut bacteria turn cholic acid into DCA.", "DCA", "deoxycholic acid"),
    ("The three main AI signals bind to their cognate receptors.", "AI signals", "autoinducer signals"),
])
def test_bile_acid_and_autoinducer_short_names(caption: str, surface: str, entity: str) -> None:
    assert ids_of(caption, surface) == (entity,)


def test_cholic_acid_alone_keeps_no_two_letter_abbreviation() -> None:
    # "CA" is carbonic anhydrase, cornu ammonis, calcium ...: only the spelled-out name counts
    assert ids_of("CYP8B1 yields CA and cholic acid.", "CA") == ()
    assert ids_of("CYP8B1 yields CA and cholic acid.", "cholic acid") == ("cholic acid",)


def test_a_human_name_slashed_to_another_species_gene_stays_that_gene_in_the_caption() -> None:
    caption = ("The binding of APX-1/DSL to the receptor LIN-12/Notch triggers cleavage. SEL-12 releases "
               "the Notch intracellular domain (NICD), which enters the nucleus.")
    assert ids_of(caption, "LIN-12/Notch") == ("LIN-12",)
    assert ids_of(caption, "Notch intracellular domain") == ("LIN-12",)
    assert ids_of(caption, "NICD") == ("LIN-12",)
    assert ids_of("Notch is cleaved; NICD enters the nucleus.", "NICD") == ("Notch",)


def test_a_slash_list_of_fly_genes_is_no_ortholog_pair() -> None:
    caption = "The signaling events resulting in Dorsal/Dif/Relish activation; Relish activates diptericin."
    assert [text for text, _ in found(caption)][:3] == ["Dorsal", "Dif", "Relish"]
    assert {ids for text, ids in found(caption) if text == "Relish"} == {("Relish",)}


def test_an_unknown_symbol_in_parentheses_after_a_gene_is_its_synonym() -> None:
    caption = "Hes inhibits the expression of Ascl1 (Mash1). In other cells, Mash1 is expressed."
    assert [ids for text, ids in found(caption) if text == "Mash1"] == [("ASCL1",), ("ASCL1",)]
    # a gene of another species next to another one stays itself
    assert ids_of("Far1 (Cdc24) binds Ste5.", "Cdc24") == ("Cdc24",)


def test_a_mere_alias_with_a_firm_name_in_parentheses_is_that_name() -> None:
    # "ATG8" is only a previous symbol of GABARAPL2; "(LC3)" says which protein is meant
    caption = "Elongation requires the ATG5-12 system and the ATG8 (LC3) conjugation system."
    assert ids_of(caption, "ATG8") == ids_of(caption, "LC3") == ("MAP1LC3",)
    assert ids_of("ATG8 is lipidated.", "ATG8") == ("GABARAPL2",)
    # two firm names stay apart
    assert ids_of("MEK1 (MAP2K2) is shown.", "MEK1") == ("MAP2K1",)


def test_a_legend_short_form_opening_with_a_number() -> None:
    caption = ("Repair pathway choice. 53BP1: p53-binding protein 1; BRCA1: breast cancer type 1 "
               "susceptibility protein; HR: homologous recombination.")
    assert ids_of(caption, "p53-binding protein 1") == ("TP53BP1",)
    assert "TP53" not in {i for _, ids in found(caption) for i in ids}
    # a number that is not the short form's opening stays out
    assert ids_of("Repair. 53BP1: a p21-binding protein; HR: homologous recombination.", "53BP1") == ("TP53BP1",)
    assert ("CDKN1A",) in {ids for _, ids in found("Repair. 53BP1: a p21-binding protein; HR: homologous recombination.")}


def test_a_lowercase_l_for_the_capital_i_of_ikb_and_ikk() -> None:
    caption = "2, NFkB/lkB pathway; lκBα is phosphorylated by lKK; milk Bottles and lkb1 are not."
    assert ids_of(caption, "lkB") == ("IKB",)
    assert ids_of(caption, "lκBα") == ("NFKBIA",)
    assert ids_of(caption, "lKK") == ("IKK_complex",)
    text = prepare(caption)
    assert len(text.norm) == len(text.offsets) - 1  # offsets still map every character
    assert "milk" in text.norm and "lkb1" in text.norm


def test_an_enzyme_word_after_a_participle_and_its_plural_are_one_node() -> None:
    caption = ("β-lactamases are induced; induction and mutation-driven β-lactamase hyperproduction "
               "scenarios are shown.")
    assert ids_of(caption, "β-lactamase") == ("beta-lactamase",)
    assert ids_of(caption, "β-lactamases") == ("beta-lactamase",)
    assert ids_of("Isocitrate dehydrogenases act.", "Isocitrate dehydrogenases") == ("isocitrate dehydrogenase",)


def test_an_alias_several_genes_share_takes_the_one_its_neighbours_are_kin_to() -> None:
    # HGNC: "TRAM" is an alias of TICAM2 and of TRAM1; TRIF is TICAM1
    caption = "TLR4 is endocytosed, and TRAM–TRIF recruits TRAF3 for activation of TBK1."
    assert ids_of(caption, "TRAM") == ("TICAM2",)
    assert ids_of("TRAM binds the ribosome.", "TRAM") == ("TRAM",)


@pytest.mark.parametrize("caption", [
    "Unfolded proteins signal via the trans-membrane stress sensor proteins IRE1, ATF6, and PERK.",
    "Hypoxic stress sensing by the membrane proteins IRE1 and PERK.",
])
def test_a_process_head_that_describes_the_next_noun_is_no_process(caption: str) -> None:
    texts = [text for text, _ in found(caption)]
    assert not any(text.endswith(("stress", "Hypoxic stress")) for text in texts)
    assert ids_of(caption, "IRE1") == ("ERN1",)


def test_a_process_phrase_before_a_verb_is_still_a_process() -> None:
    assert ids_of("Chronic starvation stress induces autophagy.", "starvation stress") == ("starvation stress",)


def test_a_gene_set_is_a_node_unless_its_examples_follow() -> None:
    assert ids_of("p65 induces NF-κB target genes.", "NF-κB target genes") == ("nf-κb target genes",)
    listed = found("HIF-1 target genes such as VEGF and EPO are induced.")
    assert not any(text.endswith("target genes") for text, _ in listed)
    assert ids_of("HIF-1 target genes such as VEGF and EPO are induced.", "HIF-1") == ("HIF1",)


def test_an_event_long_form_leaves_its_gene_a_mention_of_its_own() -> None:
    # "phosphorylation of CREB (pCREB)": the long form describes an event on CREB, so CREB is
    # the mention and "phosphorylation of" stays free for the relation rules
    got = found("Ca2+ influx activates CaMKIV, leading to the phosphorylation of CREB (pCREB). pCREB induces BDNF.")
    assert ("CREB", ("CREB",)) in got
    assert not any(text.startswith("phosphorylation") for text, _ in got)
    assert [ids for text, ids in got if text == "pCREB"] == [("CREB",), ("CREB",)]
    # a long form that names the entity itself is still one mention
    assert ids_of("signal transducer and activator of transcription 3 (STAT3) binds DNA.",
                  "signal transducer and activator of transcription 3") == ("STAT3",)


def test_target_gene_transcription_names_the_target_genes() -> None:
    assert ids_of("The NICD enters the nucleus to activate target gene transcription.",
                  "target gene transcription") == ("target genes",)
    assert ids_of("STATs stimulate gene transcription.", "gene transcription") == ("gene transcription",)
    # bare "target genes" stays a context noun
    assert not any(ids == ("target genes",) for _, ids in found("It binds the promoters of target genes."))


def test_a_gene_symbol_that_opens_its_one_disease_word_is_the_gene() -> None:
    # GLI was named after glioblastoma; the legend does not make it the disease
    caption = "the GLI/Ci (glioblastoma/Cubitus interruptus) transcription factors are processed. GLI binds DNA."
    got = found(caption)
    # ("GLI/Ci" is one mention: the human gene written with its fly ortholog)
    assert [ids for text, ids in got if text in ("GLI", "GLI/Ci")] == [("GLI1",), ("GLI1",)]
    # a disease abbreviation spelled across the word or across several words stays the disease
    assert ids_of("glioblastoma (GBM) and Alzheimer's disease (AD) patients", "GBM") == ("glioblastoma",)
    assert ids_of("glioblastoma (GBM) and Alzheimer's disease (AD) patients", "AD") == ("alzheimer's disease",)



def test_an_enzyme_named_for_two_slashed_substrates_is_one_enzyme() -> None:
    caption = "Acetate is activated by the succinyl-CoA/malate CoA transferase to acetyl-CoA."
    assert ids_of(caption, "succinyl-CoA/malate CoA transferase") == ("succinyl-coa/malate coa transferase",)
    # a slashed pair before a named enzyme complex is not absorbed; nor is a pair with no enzyme
    assert ids_of("NADH/NADPH oxidase makes ROS.", "NADPH oxidase") == ("NADPH_oxidase",)
    assert ids_of("The ATP/ADP ratio rises.", "ADP") == ("adp",)


def test_presenilin_is_the_human_family_and_a_worm_ortholog_slashed_to_it_is_one_node() -> None:
    assert ids_of("Presenilins and nicastrin form γ-secretase.", "Presenilins") == ("presenilin",)
    # a curated family of human members counts as the human ortholog ("SEL-12/Presenilin",
    # like "LIN-12/Notch"); the caption's later "presenilin" is the worm gene too
    got = found("SEL-12/Presenilin releases the Notch intracellular domain. Presenilin cleaves LIN-12.")
    assert ("SEL-12/Presenilin", ("SEL-12",)) in got
    assert ("Presenilin", ("SEL-12",)) in got


def test_a_lowercase_echo_of_a_symbol_in_a_list_is_the_gene() -> None:
    """An italic gene name written in lowercase ("including bdnf and c-fos") is the gene the
    caption writes with capitals elsewhere; outside a list the lowercase word stays a word."""
    caption = "CREB activates target genes, including bdnf and c-fos. BDNF protein is released."
    assert ids_of(caption, "bdnf") == ("BDNF",)
    assert ids_of("MET binds HGF. The cells met the criteria.", "met") == ()


def test_socs_alone_is_the_family_and_numbered_socs_the_genes() -> None:
    # HGNC gives "SOCS" to CISH as an alias; captions mean the family by it
    caption = "SOCS family members are also activated, and SOCS1 inhibits JAK2; SOCS proteins and CIS block STAT5."
    assert ids_of(caption, "SOCS family members") == ("socs",)
    assert ids_of(caption, "SOCS proteins") == ("socs",)
    assert ids_of(caption, "SOCS1") == ("SOCS1",)
    assert ids_of(caption, "CIS") == ("CISH",)
    assert ids_of("Suppressor of cytokine signaling (SOCS)3 binds gp130.", "Suppressor of cytokine signaling (SOCS)3") \
        == ("SOCS3",)


def test_a_legend_item_that_only_spells_out_a_prefix_names_no_node() -> None:
    # "LDH" is only written inside "LDH-A", "MHC" only inside "MHC II": the legend explains a prefix
    caption = ("Target genes include VEGF, EPO and LDH-A. FGFR inhibits MHC II expression. "
               "Abbreviations: EPO = erythropoietin; LDH = lactate dehydrogenase; MHC = major histocompatibility complex.")
    ids = all_ids(caption)
    assert {"VEGF", "EPO", "LDHA", "mhc class ii"} <= ids
    assert not ids & {"LDH", "MHC", "lactate dehydrogenase"}
    # written alone, never written elsewhere, a member glued to it, a name that ends with it: a node
    caption = ("LDH-A and LDH are induced; ARF10 and ARF17 are repressed; acetyl-CoA enters the cycle. "
               "LDH, lactate dehydrogenase; PDH, pyruvate dehydrogenase; ARF, auxin response factor; CoA, coenzyme A.")
    ids = all_ids(caption)
    assert {"LDH", "PDH", "coenzyme a"} <= ids
    assert any(m.text == "auxin response factor" for m in recognize(prepare(caption)))


def test_a_legend_glued_to_the_last_sentence_still_defines() -> None:
    # paragraphs joined without their space: ".Abbreviations:" still opens the legend
    caption = ("IL-6 activates JAK and STAT3; targeting IL-6 may be attractive.Abbreviations: IL, interleukin; "
               "JAK, Janus kinase; PIAS, protein inhibitor of activated STAT3.")
    ids = all_ids(caption)
    assert "interleukin" not in ids  # "IL" only heads "IL-6": a prefix, no node
    assert ids_of(caption, "Janus kinase") == ("JAK",)
    assert ids_of(caption, "protein inhibitor of activated STAT3") == ("PIAS3",)
    # a sentence glued after a period without the heading word is no legend item
    assert ids_of("IL-6 binds IL-6R.Activated JAK phosphorylates STAT3.", "JAK") == ("JAK",)


def test_a_chemical_spelled_out_before_its_symbol_is_the_symbols_chemical() -> None:
    caption = "Lactate regenerates the consumed nicotinamide adenine dinucleotide (NADH) for glycolysis."
    assert ids_of(caption, "nicotinamide adenine dinucleotide") == ("nadh",)
    # the same chemical either way, and a one-word name, keep their own grounding
    caption = "Sirtuins consume nicotinamide adenine dinucleotide (NAD+); arachidonic acid (AA) feeds COX-2."
    assert ids_of(caption, "nicotinamide adenine dinucleotide") == ("nad+",)
    assert ids_of(caption, "arachidonic acid") == ("arachidonic acid",)


def test_cancer_genes_that_share_a_stop_word() -> None:
    # "Met" (methionine), "max", "twist" are stop words or English: the receptor, MYC's partner
    # and the EMT factor as captions write them are still genes
    assert ids_of("Amplified MET causes phosphorylation of ERBB3.", "MET") == ("MET",)
    assert ids_of("Myc dimerizes with Max to bind E-boxes.", "Max") == ("MAX",)
    assert ids_of("Snail and Twist repress E-cadherin.", "Twist") == ("TWIST1",)
    assert ids_of("ATM is recruited by NBS1 to DNA breaks.", "NBS1") == ("NBN",)
    # the amino acid, the English word, and an abbreviation the caption defines keep their meaning
    assert ids_of("Met-tRNA starts translation.", "Met") == ("methionine",)
    assert "MAX" not in all_ids("The MAX value had an impact.")
    caption = "The mesenchymal-epithelial transition (MET) reverses EMT; cells undergo MET."
    assert "MET" not in all_ids(caption)


@pytest.mark.parametrize(("caption", "surface", "label"), [
    ("EGFR-TKI inhibits phosphorylation of EGFR.", "EGFR-TKI", "EGFR TKI"),
    ("Resistance to ALK TKIs emerges.", "ALK TKIs", "ALK TKI"),
    ("Resistance to EGFR tyrosine kinase inhibitors develops.", "EGFR tyrosine kinase inhibitors",
     "EGFR tyrosine kinase inhibitor"),
])
def test_a_tyrosine_kinase_inhibitor_named_for_its_kinase_is_a_named_inhibitor(
        caption: str, surface: str, label: str) -> None:
    mention = next(m for m in recognize(prepare(caption)) if m.text == surface)
    entity = mention.entities[0]
    assert (entity.type, entity.label) == ("chemical", label)
    assert [m.id for m in entity.members] == [surface.split()[0].split("-")[0]]


def test_a_pathways_target_genes_are_the_set_not_the_pathways_ligand() -> None:
    caption = "Activated GLI proteins promote the transcription of Hh pathway target genes."
    assert ids_of(caption, "Hh pathway target genes") == ("hh pathway target genes",)
    assert ids_of("NICD activates Notch signaling target genes.", "Notch signaling target genes") == (
        "notch signaling target genes",)
    # a pathway word not followed by a gene-set word leaves the name alone
    assert ids_of("Wnt pathway activation induces MYC target genes.", "Wnt") == ("Wnt",)


def test_a_slashed_set_of_residues_names_no_amino_acid() -> None:
    caption = "CK1 phosphorylates Ser/Thr residues of SMO; PKA targets serine/threonine residues."
    assert all_ids(caption) == {"CSNK1", "SMO", "PKA"}
    # a slashed pair of genes before "residues" is not read as residues
    assert "AKT" in all_ids("Amino acids activate PI3K/AKT. Lysine residues are acetylated.")


def test_a_family_class_written_right_before_one_named_protein_only_describes_it() -> None:
    assert all_ids("p53 induces the E3 ubiquitin ligase MDM2.") == {"TP53", "MDM2"}
    assert "GPCR" not in all_ids("PTCH1 binds to the class F G-protein-coupled receptor SMO.")
    assert "CHEK" not in all_ids("After DNA damage, the checkpoint kinase ATM phosphorylates CHK2.") - {"CHEK2"}
    assert all_ids("Ras activates the MAP kinase ERK.") == {"RAS", "ERK"}
    # without a determiner, or with a list after it, the class stays
    assert "MAPK" in all_ids("RAF activates MAP kinases ERK1 and ERK2.")


def test_a_class_set_after_a_gene_in_apposition_only_describes_it() -> None:
    assert all_ids("TRAF6, an E3 ubiquitin ligase, activates TAK1.") == {"TRAF6", "MAP3K7"}
    assert all_ids("MDM2, an E3 ubiquitin ligase that binds p53, is shown.") == {"MDM2", "TP53"}
    # ... or as its predicate before a relative clause
    assert all_ids("SOS is a guanine nucleotide exchange factor that activates RAS.") == {"SOS", "RAS"}
    assert all_ids("RASA1 is a GTPase-activating protein that inactivates RAS.") == {"RASA1", "RAS"}
    # an object of a verb is no apposition
    assert "E3_Ub_ligase" in all_ids("TRAF6 binds an E3 ubiquitin ligase, which activates TAK1.")


def test_a_slash_list_of_numbers_joined_to_a_next_name_keeps_its_siblings() -> None:
    assert all_ids("CDK4/6-cyclin D complexes phosphorylate RB.") == {"CDK4", "CDK6", "Cyclin_D", "RB1"}
    # (a range after the slash list is no joined name: nothing is guessed there)
    assert "SMAD4" not in all_ids("SMAD2/3-4 bind.")


def test_an_oncogenic_fusion_is_one_node() -> None:
    assert ids_of("Imatinib inhibits BCR-ABL.", "BCR-ABL") == ("BCR-ABL1",)
    assert ids_of("EML4-ALK activates STAT3.", "EML4-ALK") == ("EML4-ALK",)
    # the partners named apart stay themselves
    assert all_ids("BCR binds ABL1.") == {"BCR", "ABL1"}


def test_hmg_coa_reductase_is_hmgcr() -> None:
    assert ids_of("Statins inhibit HMG-CoA reductase.", "HMG-CoA reductase") == ("HMGCR",)


def test_gas_elements_are_no_gene() -> None:
    assert all_ids("STAT1 dimers bind GAS elements.") == {"STAT1"}


def test_adc_is_an_antibody_drug_conjugate_not_a_gene() -> None:
    assert all_ids("Antibodies (Abs, ADC) that target Notch are shown.") == {"antibodies", "Notch"}


def test_notch_ic_is_the_released_notch_domain() -> None:
    assert ids_of("The free Notch-IC enters the nucleus and binds CSL.", "Notch-IC") == ("Notch",)


def test_an_oncogene_or_homolog_long_form_names_a_gene() -> None:
    caption = "SMO frees the glioma-associated oncogene (GLI) factors from SUFU."
    assert ids_of(caption, "glioma-associated oncogene") == ids_of(caption, "GLI") == ("GLI1",)
    mention = next(m for m in recognize(prepare("The suppressor of zeste homolog (SZH) binds SUFU.")) if m.text == "SZH")
    assert mention.entities[0].type == "gene"


def test_gr_is_the_glucocorticoid_receptor_unless_a_legend_says_glutathione_reductase() -> None:
    assert ids_of("The activated hGR translocates and GR binds GREs.", "hGR") == ("NR3C1",)
    assert ids_of("The activated hGR translocates and GR binds GREs.", "GR") == ("NR3C1",)
    assert ids_of("Glutathione reductase (GR) regenerates GSH; GR uses NADPH.", "GR") == ("GSR",)


def test_insig_names_the_insig_family() -> None:
    # "the SCAP-SREBP2-INSIG complex": without the family the complex lost a member and
    # "form the ... complex" was read as making SREBP2
    assert ids_of("Sterols promote binding of Insig to SCAP.", "Insig") == ("INSIG",)
    assert ids_of("The INSIGs retain SCAP in the ER.", "INSIGs") == ("INSIG",)
    assert ids_of("INSIG1 binds SCAP.", "INSIG1") == ("INSIG1",)


def test_rho_spelled_in_latin_letters_is_the_gtpase_not_a_greek_letter() -> None:
    assert ids_of("Galpha13 activates the Rho pathway, and Rho activates ROCK.", "Rho") == ("RHOA",)
    assert ids_of("Rho kinase phosphorylates MYPT1.", "Rho kinase") == ("ROCK",)
    assert "RHOA" not in all_ids("The ζ and β2 subunits bind CD3.")


@pytest.mark.parametrize(("surface", "entity"), [
    ("FVIIa", "F7"), ("FX", "F10"), ("FIXa", "F9"), ("FVa", "F5"), ("FIIa", "F2"),
    ("Coagulation Factor XIIa", "F12"), ("factor XIa", "F11"), ("FXIIIa", "F13A1"),
])
def test_coagulation_factors_by_roman_numeral(surface: str, entity: str) -> None:
    caption = f"In the cascade, {surface} is activated."
    assert ids_of(caption, surface) == (entity,)


def test_myosin_light_chain_phosphatase_is_not_its_substrate() -> None:
    caption = "ROCK inhibits MLCP. Myosin light chain phosphatase dephosphorylates MLC."
    assert ids_of(caption, "MLCP") == ids_of(caption, "Myosin light chain phosphatase") == ("MLCP",)
    assert ids_of(caption, "MLC") == ("MYL",)


def test_g13_is_galpha13() -> None:
    assert ids_of("TP couples to Gq and G12 or G13.", "G13") == ("GNA13",)


def test_beta_arrestins_are_not_the_visual_arrestin() -> None:
    assert ids_of("GRKs recruit β-arrestins to the receptor.", "β-arrestins") == ("ARRB",)
    assert ids_of("β-arrestin2 scaffolds ERK.", "β-arrestin2") == ("ARRB2",)


@pytest.mark.parametrize(("caption", "surface", "entity"), [
    ("REV-ERB and ROR proteins compete for the promoter of Bmal1.", "REV-ERB", "REV-ERB"),
    ("CLOCK activates transcription of Rev-erb genes.", "Rev-erb", "REV-ERB"),
    ("PER and CRY proteins form a complex.", "PER", "PER"),
    ("PER and CRY proteins form a complex.", "CRY proteins", "CRY"),
    ("It activates the Period (Per) and Cryptochrome (Cry) genes.", "Cryptochrome", "CRY"),
    ("CLOCK and BMAL heterodimers bind E-boxes.", "BMAL", "BMAL1"),
    ("ULK activation occurs via AMPK.", "ULK", "ULK"),
    ("Parkin ubiquitinates mitofusin (MFN).", "MFN", "mitofusin"),
    ("TOR and PKA pathways operate in parallel.", "TOR", "MTOR"),
])
def test_clock_and_autophagy_families_named_without_a_number(caption: str, surface: str, entity: str) -> None:
    # "REV-ERB" is no ESR2 ("ERB" inside it), "TOR" no RORC (its old alias "thymus orphan receptor")
    assert ids_of(caption, surface) == (entity,)


@pytest.mark.parametrize("caption,surface,entity", [
    # the bare class name is the IRF family, not TRIM63 (whose HGNC alias it is)
    ("TBK1 and IKKe phosphorylate IRF transcription factors.", "IRF transcription factors", "IRF"),
    ("Interferon regulatory factors (IRFs) induce type I IFN.", "Interferon regulatory factors", "IRF"),
    ("Activation of interferon regulatory factor (IRF)-3 follows.", "interferon regulatory factor (IRF)-3", "IRF3"),
    # mouse caspase-11 is its human ortholog CASP4, not SCAF11 (whose HGNC alias is CASP11)
    ("Activated caspase-11 cleaves GSDMD.", "caspase-11", "CASP4"),
    ("Casp11 senses cytosolic LPS.", "Casp11", "CASP4"),
    ("Neutrophil elastase processes GSDMD.", "Neutrophil elastase", "ELANE"),
    ("Killer cells secrete GzmA, which cleaves GSDMB.", "GzmA", "GZMA"),
    # a Latin open e written for epsilon ("IKKɛ") is the Greek letter
    ("MAVS recruits TBK1 and IκB kinase-ɛ (IKKɛ).", "IKKɛ", "IKBKE"),
    ("MAVS recruits TBK1 and IκB kinase-ɛ (IKKɛ).", "IκB kinase-ɛ", "IKBKE"),
])
def test_innate_immunity_and_pyroptosis_names(caption: str, surface: str, entity: str) -> None:
    assert ids_of(caption, surface) == (entity,)


@pytest.mark.parametrize("caption,surface,entity", [
    # a short form put inside a longer name: the name goes on for words after the first
    ("TBK1 promotes phosphorylation of interferon (IFN) regulatory factor 3 (IRF3).",
     "interferon (IFN) regulatory factor 3", "IRF3"),
    ("MAVS recruits tumor necrosis factor (TNF) receptor-associated factor 6 (TRAF6).",
     "tumor necrosis factor (TNF) receptor-associated factor 6", "TRAF6"),
    ("Tumor necrosis factor (TNF) receptor 1 binds TRADD.", "Tumor necrosis factor (TNF) receptor 1", "TNFRSF1A"),
    # one word after it still names it alone; a definition's next words are no part of it
    ("The mitogen-activated protein (MAP) kinase cascade follows.", "mitogen-activated protein (MAP) kinase", "MAPK"),
    ("TNF receptor-associated factor 6 (TRAF6) and TAK1 bind.", "TRAF6", "TRAF6"),
])
def test_a_short_form_inside_a_name_of_several_words(caption: str, surface: str, entity: str) -> None:
    assert ids_of(caption, surface) == (entity,)
