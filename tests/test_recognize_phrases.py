"""Entity recognition beyond the lexicon: enzyme, group and process noun phrases, member
enumerations, word-number names. Sentences from real captions."""

from __future__ import annotations

from pathwaygen.recognize import recognize
from pathwaygen.text import prepare


def found(caption: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """mention text -> ((entity id, type), ...) for every mention of `caption`."""
    return {m.text: tuple((e.id, e.type) for e in m.entities) for m in recognize(prepare(caption))}


def test_enzymes_named_for_their_substrate() -> None:
    caption = ("The oxidative TCA cycle uses the following enzymes: (1) citrate synthase, (2–3) aconitase, "
               "(4) isocitrate dehydrogenase, (5) 2-oxoacid ferredoxin oxidoreductase, (9) malate dehydrogenase "
               "and malonyl-CoA reductase.")
    got = found(caption)
    for name in ("aconitase", "isocitrate dehydrogenase", "2-oxoacid ferredoxin oxidoreductase",
                 "malate dehydrogenase", "malonyl-CoA reductase"):
        assert got.get(name) == ((name.lower(), "gene"),), name
    # the substrate alone is no longer a separate mention
    assert "isocitrate" not in got and "malate" not in got


def test_short_english_ase_words_are_not_enzymes() -> None:
    got = found("An increase in the release of the base. A chase and a pseudokinase.")
    assert not any(kind == "gene" for ents in got.values() for _, kind in ents)


def test_group_phrases_of_class_nouns() -> None:
    caption = ("Stress stimuli, such as oncogene expression, activate p53. The intrinsic pathway can be activated "
               "through various cellular stresses. Immune effectors and chemical messengers activate JAK2.")
    got = found(caption)
    assert got["Stress stimuli"] == (("stress stimuli", "group"),)
    assert got["cellular stresses"] == (("cellular stresses", "group"),)
    assert got["Immune effectors"] == (("immune effectors", "group"),)
    assert got["chemical messengers"] == (("chemical messengers", "group"),)
    assert got["JAK2"] == (("JAK2", "gene"),)


def test_group_phrase_modifiers_stop_at_quantifiers_and_genes() -> None:
    caption = "The three main AI signals bind their receptors; TLR4 receptors and two inhibitors."
    got = found(caption)
    assert not any(text.lower().startswith(("three", "two")) for text in got)
    assert "TLR4 receptors" not in got


def test_member_lists_after_a_family_name() -> None:
    caption = ("Caspase-8 initiates apoptosis directly by cleaving and thereby activating executioner caspase "
               "(-3, -6, -7); caspase-3, -6 and -7 then cleave their substrates.")
    got = found(caption)
    assert [e for e, _ in got["caspase (-3, -6, -7)"]] == ["CASP3", "CASP6", "CASP7"]
    assert [e for e, _ in got["caspase-3, -6 and -7"]] == ["CASP3", "CASP6", "CASP7"]


def test_numbered_name_before_a_word_is_found() -> None:
    # a name with a number before a space ("β2 agonist") is not the "or 2" case
    assert found("Under basal conditions, a β2 agonist activates Gs.")["β2 agonist"][0][1] == "chemical"
    assert "or 2" not in found("JAK1 or 2 and IL 6")


def test_curated_class_names() -> None:
    caption = ("mTORC1 is also activated by amino acids via small Rag GTPases. Growth factors and hormones "
               "stimulate mTORC1. TrkA-src-aPKC complexes. ITAMs of the CD3 and ζ chains. Signal 1, such as "
               "TNF receptor activation, activates NF-κB. G protein-coupled receptors and Tec kinases.")
    got = found(caption)
    assert got["small Rag GTPases"][0] == ("rag gtpases", "family")
    assert got["hormones"] == (("hormones", "group"),)
    assert got["aPKC"][0][0] == "atypical protein kinase C"
    assert got["ζ chains"] == (("CD247", "gene"),)
    assert got["TNF receptor"] == (("TNFRSF1A", "gene"),)
    assert got["G protein-coupled receptors"] == (("GPCR", "family"),)
    assert got["Tec kinases"][0][0] == "tec family kinases"


def test_short_form_inside_a_name() -> None:
    caption = ("through loss of inhibition of mitogen-activated protein (MAP) kinase, and the decrease in "
               "nicotinic (N) receptor densities")
    got = found(caption)
    assert got["mitogen-activated protein (MAP) kinase"] == (("MAPK", "family"),)
    assert got["nicotinic (N) receptor"] == (("CHRN", "family"),)
    assert "MAP" not in got


def test_word_then_number_names_and_gene_before_a_process() -> None:
    caption = ("activation of IRF3 and increased production of type 1 interferon, which results in increased "
               "tau protein phosphorylation. The extrinsic apoptosis pathway is activated by a ligand.")
    got = found(caption)
    assert got["type 1 interferon"] == (("type i interferon", "group"),)
    assert got["tau protein"] == (("MAPT", "gene"),)
    assert got["extrinsic apoptosis pathway"] == (("extrinsic apoptotic pathway", "process"),)


def test_process_phrases_take_one_substrate() -> None:
    caption = ("SHY2 stimulation leads to auxin redistribution and cell differentiation. TORC1 signals govern "
               "β-glucan synthesis. In brief, starvation stress triggers FOXO activation.")
    got = found(caption)
    assert got["auxin redistribution"] == (("auxin redistribution", "process"),)
    assert got["β-glucan"] == (("beta-glucan", "chemical"),)  # a product stays a chemical
    assert got["starvation stress"] == (("starvation stress", "process"),)
    assert got["SHY2"][0][1] == "gene"  # a gene never becomes a modifier


def test_drug_and_natural_product_stems_are_chemicals() -> None:
    caption = ("The late pikromycin/(neo)methymycin biosynthetic pathway; palbociclib and ciprofloxacin "
               "inhibit growth, whereas a statin lowers LDL.")
    got = found(caption)
    assert got["pikromycin"] == (("pikromycin", "chemical"),)
    assert got["methymycin"] == (("methymycin", "chemical"),)
    assert got["palbociclib"] == (("palbociclib", "chemical"),)
    assert got["ciprofloxacin"] == (("ciprofloxacin", "chemical"),)
    assert "biosynthetic" not in got and "pathway" not in got


def test_slash_partner_never_reaches_into_the_next_mention() -> None:
    mentions = recognize(prepare("STAT3/STAT3p-STAT3"))
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_numbered_short_form_takes_its_long_form() -> None:
    caption = ("In the cytoplasm, negative feedback molecules, suppressor of cytokine signaling (SOCS)1 binds to "
               "JAK. TRIF leads to activation of interferon regulatory factor (IRF)-3.")
    got = found(caption)
    assert got["suppressor of cytokine signaling (SOCS)1"] == (("SOCS1", "gene"),)
    assert got["interferon regulatory factor (IRF)-3"] == (("IRF3", "gene"),)
    assert "suppressor of cytokine signaling" not in got and "interferon regulatory factor" not in got


def test_protein_parts_and_anti_processes_are_not_nodes() -> None:
    caption = ("gp130 attracts Src homology 2 (SH2)-containing molecules; the pleckstrin homology (PH) domains of "
               "Akt and PDK1 bind PIP3. HO-1 plays a part in anti-inflammation and anti-apoptosis. STAT3 SH2 "
               "domain. Formation of complex II containing FADD.")
    got = found(caption)
    assert not {"Src", "SH2", "pleckstrin", "inflammation", "apoptosis"} & set(got)
    assert got["Akt"][0][0] == "AKT" and got["STAT3"] == (("STAT3", "gene"),)
    assert "complex II" in got  # "containing" after a space is no protein part


def test_suspended_hyphens_name_both_entities() -> None:
    caption = ("An influx of calcium occurs through ligand- and voltage-gated ion channels; pro- and "
               "anti-inflammatory cytokines are released. IL-4- and IL-13-induced genes.")
    got = found(caption)
    assert [e for e, _ in got["ligand- and voltage-gated ion channels"]] == [
        "Ligand_gated_ion_channels", "Voltage_gated_ion_channels"]
    assert len(got["pro- and anti-inflammatory cytokines"]) == 2
    assert got["IL-4"] == (("IL4", "gene"),) and got["IL-13"] == (("IL13", "gene"),)


def test_short_form_inside_a_process_name() -> None:
    got = found("Pyruvate is completely oxidized via the tricarboxylic acid (TCA) cycle.")
    assert got["tricarboxylic acid (TCA) cycle"] == (("tca cycle", "process"),)


def test_kinds_and_descriptors_are_not_genes() -> None:
    caption = ("Other pathways include insulin-like signaling; PGRPs bind DAP-type PGN. FGF15 led to up-regulation "
               "of hepatic BA synthase CYP7A1. NICD interacts with LAG-1/CSL. Insulin-like growth factor 1 acts.")
    got = found(caption)
    assert "insulin" not in got and "DAP" not in got
    assert "BA synthase" not in got and got["CYP7A1"] == (("CYP7A1", "gene"),)
    assert got["LAG-1/CSL"] == (("RBPJ", "gene"),)
    assert got["Insulin-like growth factor 1"] == (("IGF1", "gene"),)


def test_unambiguous_alias_after_a_slash_is_its_own_gene() -> None:
    got = found("A conformational change in Notch exposes an extracellular ADAM10/TACE cleavage site.")
    ids = {e for ents in got.values() for e, _ in ents}
    assert {"ADAM10", "ADAM17"} <= ids
    # an ambiguous alias written with a firm name is still its synonym
    assert found("TrkA also directly binds ZIP/p62, which recruits aPKC.")["ZIP/p62"] == (("SQSTM1", "gene"),)


def test_complex_i_and_viruses() -> None:
    got = found("TNFR1 encountering TNF nucleates complex I. The complex is stable. During influenza infection, "
                "Influenza is known to produce viral proteins.")
    assert got["complex I"][0][0] == "ETC_complex_I"
    assert "complex is" not in got
    assert got["influenza"] == (("influenza virus", "group"),)


def test_mature_micrornas_name_their_first_locus() -> None:
    got = found("Metastasis depends on dysregulated miR-122, miR-153-5p and miR-199a-3p.")
    assert got["miR-122"] == (("MIR122", "rna"),)
    assert got["miR-153-5p"] == (("MIR153-1", "rna"),)
    assert got["miR-199a-3p"] == (("MIR199A1", "rna"),)


def test_micrornas_spelled_out_or_without_an_hgnc_locus() -> None:
    # "microRNA-21" is miR-21; a plant's miR156 or miRNA160 has no HGNC symbol: keyed as written
    got = found("microRNA-21 inhibits PTEN. In rice, heat affects miRNA160, and miR156 targets SPL genes.")
    assert got["microRNA-21"] == (("MIR21", "rna"),)
    assert got["miRNA160"] == (("miRNA160", "rna"),)
    assert got["miR156"] == (("miR156", "rna"),)
    # the bare class word names nothing
    assert "miRNA" not in found("The miRNA pathway and microRNA biogenesis need DICER1.")


def test_curated_signals_and_elements() -> None:
    got = found("HHQ, the precursor to PQS synthesis, binds PqsR. TLR1-TLR2 recognizes bacterial triacylated "
                "lipopeptide. NRF2 binds the antioxidant response element (ARE). Calcium enters through a mechanosensitive "
                "channel.")
    assert got["HHQ"] == (("hhq", "chemical"),) and got["PQS"] == (("pqs", "chemical"),)
    assert got["triacylated lipopeptide"] == (("triacylated lipopeptide", "chemical"),)
    assert got["antioxidant response element"] == (("antioxidant response element", "group"),)
    assert got["mechanosensitive channel"][0][0] == "Mechanosensitive_ion_channels"


def test_typed_subclasses_locants_and_hyphenated_enzymes() -> None:
    caption = ("PGRP-SA and GNBP1 target Lys-type PGN; L-type calcium channels open. (5) 2-oxoglutarate "
               "dehydrogenase and 3β-hydroxysteroid dehydrogenase. Regulation of β-lactamases.")
    got = found(caption)
    assert got["Lys-type PGN"] == (("lys-type pgn", "chemical"),) and "Lys" not in got
    assert got["L-type calcium channels"][0][0] == "l-type calcium channels"
    assert "2-oxoglutarate dehydrogenase" in got
    assert "3β-hydroxysteroid dehydrogenase" in got
    assert got["β-lactamases"][0][1] == "gene"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["suppressor of cytokine signaling (SOCS)1", "(SOCS)", "1", "mitogen-activated protein (MAP) kinase", "(MAP)",
           " kinase", "ligand- and voltage-gated ion channels", "- and ", "Lys-type PGN", "-type ", "2-", "(-3", ", -6",
           "2-oxoglutarate dehydrogenase", "caspase (-3, -6, -7)", "caspase-3, -6 and -7", "SH2 domain", "-containing",
           "anti-inflammation", "insulin-like", "miR-153-5p", "palbociclib", "aconitase", "stress stimuli",
           "ADAM10/TACE", "BA synthase CYP7A1", "tricarboxylic acid (TCA) cycle", "β-lactamase", "ERK1/2", " ", ", ",
           "interferon regulatory factor (IRF)-3", "complex I", "type 1 interferon", "or 2", "NF", "κB", "the"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_new_constructions_keep_mentions_exact_and_disjoint(caption: str) -> None:
    last = 0
    for m in recognize(prepare(caption)):
        assert caption[m.start : m.end] == m.text
        assert last <= m.start < m.end
        assert m.entities and all(e.id and e.type for e in m.entities)
        last = m.end


def test_receptor_subtypes() -> None:
    caption = ("TGF-β receptor II phosphorylates TGF-β receptor I; the type I TGF-β receptor and the TGF-β type II "
               "receptor. IFN-γ receptor 1, IL-6 receptor α, IL-2 receptor β and IL-1 receptor type I; the leptin "
               "receptor and TGF-β receptors.")
    got = found(caption)
    assert got["TGF-β receptor II"] == (("TGFBR2", "gene"),)
    assert got["TGF-β receptor I"] == (("TGFBR1", "gene"),)
    assert got["type I TGF-β receptor"] == (("TGFBR1", "gene"),)
    assert got["TGF-β type II receptor"] == (("TGFBR2", "gene"),)
    assert got["IFN-γ receptor 1"] == (("IFNGR1", "gene"),)
    assert got["IL-6 receptor α"] == (("IL6R", "gene"),)
    assert got["IL-2 receptor β"] == (("IL2RB", "gene"),)
    assert got["IL-1 receptor type I"] == (("IL1R1", "gene"),)
    assert got["leptin receptor"] == (("LEPR", "gene"),)
    assert got["TGF-β receptors"][0][0] == "TGFBR"


def test_bare_receptor_subtype_of_the_one_ligand_family() -> None:
    caption = ("Step 1: TGFβ binding to a type II receptor causes the receptor to recruit and phosphorylate a "
               "type I receptor.")
    got = found(caption)
    assert got["type II receptor"] == (("TGFBR2", "gene"),)
    assert got["type I receptor"] == (("TGFBR1", "gene"),)
    # with no ligand family (or two) a bare subtype stays unnamed
    assert "type I receptor" not in found("Binding to a type I receptor.")


def test_blockade_of_a_pair_is_one_drug() -> None:
    got = found("PD-1/PD-L1 blockade may remove this inhibitory signal, like JAK2 inhibitors do.")
    mention = got["PD-1/PD-L1 blockade"]
    assert mention == (("PD-1/PD-L1 blockade", "chemical"),)
    members = next(m for m in recognize(prepare("PD-1/PD-L1 blockade works.")) if "blockade" in m.text).entities[0].members
    assert [m.id for m in members] == ["PDCD1", "CD274"]


def test_a_name_spelled_with_the_short_form_around_parentheses() -> None:
    # "messenger RNA (mRNA) stability" is "mRNA stability", from the long form on
    got = found("TORC1 stimulates ribosome biogenesis, messenger RNA (mRNA) stability, and growth.")
    assert got["messenger RNA (mRNA) stability"] == (("mrna stability", "process"),)
    assert "messenger RNA" not in got
    # the long form is only the words the short form spells ("mediates" is not one of them)
    got = found("TOR mediates messenger RNA (mRNA) stability.")
    assert got["messenger RNA (mRNA) stability"] == (("mrna stability", "process"),)
    # no name known for short form + word: nothing joined
    assert "messenger RNA (mRNA) export" not in found("TREX drives messenger RNA (mRNA) export.")


def test_a_second_head_shares_the_modifiers_of_the_process_before_it() -> None:
    got = found("RANKL binds RANK on precursors to promote increased osteoclast formation and activity.")
    assert got["osteoclast formation"] == (("osteoclast formation", "process"),)
    assert got["activity"] == (("osteoclast activity", "process"),)
    got = found("IL-4 promotes T cell proliferation and differentiation.")
    assert got["differentiation"] == (("t cell differentiation", "process"),)
    # a nominalisation with its own object, a word that is no process head, a mention: no sharing
    got = found("mTOR stimulates ribosome biogenesis and activation of the translation machinery.")
    assert "activation" not in got
    assert "ligand" not in found("It drives bone resorption and ligand release.")
    assert found("VEGF induces endothelial cell migration and proliferation.")["proliferation"][0][0] == "proliferation"


def test_a_disease_that_only_qualifies_cells_or_patients_is_no_node() -> None:
    got = found("Survival rates of HCC patients and the phenotype of STX5 in hepatocellular carcinoma cells.")
    assert "HCC" not in got and "hepatocellular carcinoma" not in got and "STX5" in got
    # a disease that takes part stays, as does one before a process head
    assert found("STX5 promotes hepatocellular carcinoma and metastasis.")["hepatocellular carcinoma"] \
        == (("hepatocellular carcinoma", "process"),)
    assert "HCC" in found("STX5 drives HCC, which kills patients.")


def test_a_one_letter_residue_legend_names_no_amino_acids() -> None:
    got = found("SHP2 binds YXXV and STAT3 binds YXXQ (Y, tyrosine; V, valine; Q, glutamine; X, any amino acid).")
    assert not {"valine", "glutamine", "amino acid"} & set(got) and "SHP2" in got
    # amino acids as participants, and a lone letter item, stay
    got = found("Glutamine, proline and valine feed the TCA cycle; P, proline.")
    assert {"Glutamine", "valine"} <= set(got)
    assert found("Leucine activates mTORC1 (L, leucine).")["Leucine"] == (("leucine", "chemical"),)


def test_a_roman_range_names_no_single_complex() -> None:
    got = found("Electrons enter the electron transport chain, which is made up of complex I-V.")
    assert not {"complex I-V", "complex I", "complex IV"} & set(got)
    # single complexes and hyphenated class names stay
    got = found("Complex IV and complex II pass electrons; MHC-I presents peptides.")
    assert got["Complex IV"] == (("COX", "complex"),) and got["complex II"] == (("ETC_complex_II", "complex"),)
    assert got["MHC-I"] == (("HLA1", "family"),)


def test_complex_formation_is_no_process_phrase() -> None:
    # "GID1-DELLA complex formation": the complex is its members binding, not a process node
    # named "complex formation" that the relations then read as an agent
    got = found("GA-dependent GID1-DELLA complex formation leads to DELLA degradation.")
    assert "complex formation" not in got
    assert "osteoclast formation" in found("RANKL drives osteoclast formation.")


def test_a_finite_verb_before_a_process_head_is_no_modifier() -> None:
    # "inhibitors block tumor growth": the phrase is "tumor growth", not the clause before it
    got = found("MEK inhibitors block tumor growth, and EGFR signaling supports cell survival.")
    assert got.get("tumor growth") == (("tumor growth", "process"),)
    assert got.get("cell survival") == (("cell survival", "process"),)
    assert not any("block" in text or "supports" in text for text in got)
    # an adjective or noun modifier still belongs to the phrase
    assert "mitochondrial oxidative stress" in found("This leads to mitochondrial oxidative stress.")


def test_an_inhibitor_of_a_process_defined_by_an_abbreviation_is_a_protein() -> None:
    # "cellular inhibitor of apoptosis (cIAPs)": a protein that inhibits apoptosis, not apoptosis
    got = found("TRADD binds cellular inhibitor of apoptosis (cIAPs).")
    assert got["cellular inhibitor of apoptosis"][0][1] == "gene"
    assert found("Cells undergo programmed cell death (PCD).")["programmed cell death"][0][1] == "process"


def test_a_verb_before_a_process_or_enzyme_head_is_no_modifier() -> None:
    got = found("Class IIa HDACs can repress cardiac hypertrophy through MEF2.")
    assert got.get("cardiac hypertrophy") == (("cardiac hypertrophy", "process"),), got
    got = found("FXa associates with FVa to form prothrombinase complexes.")
    assert "prothrombinase" in got and "form prothrombinase" not in got, got
