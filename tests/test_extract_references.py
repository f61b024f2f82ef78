"""What a reference stands for and where a sentence ends: pronouns of an opening mention, "This"
and "the latter" after the sentence before, "the complex, then <verb>", lowercase panel labels;
paralogs named as one pathway each act."""

from __future__ import annotations

from pathwaygen.text import prepare
from tests.test_extract import recognised_triples, triples


def test_pronoun_after_an_open_apposition_is_the_opening_mention() -> None:
    # no subject list is read ("STAT3, the target of ... is shown"), yet "it" is STAT3, not the
    # subject of the sentence before
    caption = "JAK2 binds TYK2. STAT3, the target of IL6 signaling is shown because it can act as an activator of MDM2."
    found = triples(caption)
    assert ("STAT3", "activates", "MDM2") in found
    assert ("JAK2", "activates", "MDM2") not in found


def test_pronoun_after_a_fronted_clause_without_a_mention_stands_for_nothing_named() -> None:
    # "it" is the ligand of the "When ..." clause, not the subject of the sentence before
    found = triples("JAK2 binds STAT3. When a ligand binds to its receptor, it triggers the activation of TYK2.")
    assert not any(obj == "TYK2" for _, _, obj in found), found
    # a named subject opening the sentence still stands for a later "it"
    assert ("JAK2", "activates", "TYK2") in triples("JAK2 binds STAT3, and it triggers the activation of TYK2.")


def test_pronoun_before_acts_as_is_resolved() -> None:
    found = triples("SOCS3 is shown because it can also act as an inhibitor of JAK2.")
    assert ("SOCS3", "inhibits", "JAK2") in found


def test_lowercase_panel_label_after_a_full_stop_ends_the_sentence() -> None:
    text = prepare("STAT3 binds JAK2. (d) Downstream regulators act. (ii) MDM2 binds TP53.")
    assert [text.original[s:e] for s, e in text.sentences] == [
        "STAT3 binds JAK2.", "(d) Downstream regulators act.", "(ii) MDM2 binds TP53."]


def test_paralogs_named_as_one_pathway_each_act() -> None:
    # JAK1/JAK2: paralogs side by side, no cascade; both act on the object
    found = triples("The JAK1/JAK2 pathway activates STAT3.")
    assert ("JAK1", "activates", "STAT3") in found
    assert ("JAK2", "activates", "STAT3") in found
    assert ("JAK1", "activates", "JAK2") not in found


def test_a_slash_pathway_of_two_genes_still_acts_through_its_last_member() -> None:
    found = triples("The RAS/RAF pathway activates STAT3.")
    assert ("RAF1", "activates", "STAT3") in found
    assert ("KRAS", "activates", "STAT3") not in found


def test_this_after_an_example_list_names_no_example() -> None:
    found = triples("As a result, numerous genes are activated, such as MDM2, TBK1, and other enzymes. "
                    "This leads to the activation of STAT3.")
    assert not any(t[2] == "STAT3" for t in found), found


def test_this_after_a_sentence_without_subject_still_names_its_last_entity() -> None:
    found = triples("Shown is a rise of JAK2 levels. This activates STAT3.")
    assert ("JAK2", "activates", "STAT3") in found


def test_the_latter_after_a_preposition_is_the_last_entity_of_the_sentence_before() -> None:
    found = triples("IL6 activates JAK2. Inhibitors of the latter, such as SOCS3, are shown.")
    assert ("SOCS3", "inhibits", "JAK2") in found
    assert ("SOCS3", "inhibits", "IL6") not in found
    # within a sentence the pair is ambiguous: nothing is read, in particular not the clause's subject
    found = triples("IL6 binds STAT3 and JAK2, and SOCS3 is an inhibitor of the latter.")
    assert not any(t[1] == "inhibits" for t in found), found


def test_the_complex_then_with_one_comma_is_the_complex_acting() -> None:
    # "and the complex, then activates": the adverb opens the complex's verb; the partners act
    found = triples("IL6 binds to JAK1 and the complex, then activates STAT3.")
    assert ("JAK1", "activates", "STAT3") in found
    assert ("IL6", "activates", "STAT3") in found
    # without the binding clause "the complex" names no partners
    found = triples("IL6 activates JAK1 and the complex, then activates STAT3.")
    assert ("JAK1", "activates", "STAT3") not in found


def test_a_relative_clause_after_the_object_extends_the_object() -> None:
    # ", which activates the transcription of Z" after "frees Y": Y expresses Z, not the subject
    # that freed it (via.purpose_expression yields its statement's subject otherwise)
    from tests.test_extract import recognised_triples
    found = recognised_triples("Degradation of IkB frees NF-kB, which activates the transcription of IL6.")
    assert ("NFkappaB", "expresses", "IL6") in found
    assert ("IKB", "expresses", "IL6") not in found
    found = recognised_triples("Degradation of Aux/IAAs frees ARF5, which activates the transcription of auxin response genes.")
    assert ("ARF5", "expresses", "auxin response genes") in found
    assert not any(o == "auxin" for _, _, o in found)


def test_pronoun_after_where_is_the_relative_clauses_mover() -> None:
    # "where it" follows the place the relative clause moved its antecedent to: that antecedent,
    # not the sentence's opening subject, acts there
    found = recognised_triples("SMO activates GLI2, which translocates into the nucleus, where it induces the expression of CCND1.")
    assert ("GLI2", "expresses", "CCND1") in found
    assert ("SMO", "expresses", "CCND1") not in found
    found = recognised_triples("TLR4 activates NF-kB and AP-1, which translocate to the nucleus, where they induce IL6.")
    assert {("NFkappaB", "activates", "IL6"), ("AP1", "activates", "IL6")} <= found
    assert ("TLR4", "activates", "IL6") not in found
    # without a relative clause "where it" is still the opening subject
    assert ("GLI2", "expresses", "CCND1") in recognised_triples("GLI2 enters the nucleus, where it induces CCND1 expression.")


def test_what_was_activated_by_an_agent_acts_next_also_written_before_activation() -> None:
    # "Activation of PKC by DAG leads to ..." and "Tie2 activation by ANGPT1 promotes ...": the
    # activated receptor/kinase acts on what follows, in every later verb of the clause
    found = recognised_triples("Tie2 activation by ANGPT1 promotes EC survival and inhibits vascular permeability.")
    assert ("TEK", "inhibits", "vascular permeability") in found, found
    assert ("ANGPT1", "activates", "TEK") in found
    assert not any(src == "ANGPT1" and obj != "TEK" for src, _, obj in found), found
    found = recognised_triples("Activation of PKC by DAG leads to phosphorylation of MARCKS.")
    assert ("PKC", "phosphorylates", "MARCKS") in found, found


def test_which_leads_to_after_an_inhibited_object_is_the_inhibitions_consequence() -> None:
    # the relative clause names what the inhibition leads to: the inhibited enzyme makes no
    # "reduced cAMP", nor does PTEN raise AKT
    found = recognised_triples("Gαi inhibits the activation of adenylyl cyclase, which leads to reduced production of cAMP.")
    assert ("ADCY", "inhibits", "camp") not in found, found
    assert ("G_i_alpha", "inhibits", "camp") in found, found
    found = recognised_triples("miR-21 inhibits PTEN, which results in increased AKT activity.")
    assert ("PTEN", "activates", "AKT") not in found, found
    # after an activating verb the object still leads on
    assert ("RAS", "activates", "ERK") in recognised_triples("EGF activates RAS, which leads to ERK activation.")


def test_it_after_a_colon_or_opening_a_later_clause_is_the_subject_not_a_list_member() -> None:
    found = recognised_triples("The PI3K pathway has several functions: it can inhibit apoptosis, it facilitates "
                               "NFAT activation, and it stimulates protein synthesis.")
    assert ("PI3K", "inhibits", "apoptosis") in found, found
    assert ("PI3K", "activates", "protein synthesis") in found, found
    assert not any(src == "apoptosis" for src, _, _ in found), found
    found = recognised_triples("PI3K has two roles: it inhibits apoptosis and it activates mTOR.")
    assert found == {("PI3K", "inhibits", "apoptosis"), ("PI3K", "activates", "MTOR")}, found
