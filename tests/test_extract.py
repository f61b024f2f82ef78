"""Extraction on hand-made mentions: constructions, negation, hedging, evidence, derived nodes."""

from __future__ import annotations

import re

import pytest

from pathwaygen.extract import extract, tag_sentence
from pathwaygen.model import Entity, Mention
from pathwaygen.recognize import recognize
from pathwaygen.text import prepare

GENES = {"STING": "STING1", "TBK1": "TBK1", "IRF3": "IRF3", "JAK2": "JAK2", "JAK1": "JAK1",
         "TYK2": "TYK2", "MDM2": "MDM2", "TP53": "TP53", "AKT": "AKT1", "MTOR": "MTOR",
         "RAS": "KRAS", "RAF": "RAF1", "MEK": "MAP2K1", "ERK": "MAPK1", "EGF": "EGF",
         "SOCS3": "SOCS3", "STAT3": "STAT3", "IL6": "IL6", "nucleus": "nucleus"}


def mentions_of(caption: str) -> list[Mention]:
    """Mentions for every word listed in GENES (a stand-in for the recogniser)."""
    out = []
    for match in re.finditer(r"[A-Za-z0-9]+", caption):
        word = match.group(0)
        if word in GENES:
            etype = "group" if word == "nucleus" else "gene"
            out.append(Mention(match.start(), match.end(), word,
                               (Entity(GENES[word], word, etype),)))
    for match in re.finditer(r"mitogen-activated protein kinase kinase", caption):
        out.append(Mention(match.start(), match.end(), match.group(), (Entity("MAP2K1", "MEK", "gene"),)))
    out.sort(key=lambda m: m.start)
    return out


def triples(caption: str) -> set[tuple[str, str, str]]:
    text = prepare(caption)
    return {(s.subject.id, s.relation, s.object.id) for s in extract(text, mentions_of(caption))}


def recognised_triples(caption: str) -> set[tuple[str, str, str]]:
    """(subject id, relation, object id) of a caption, through the real recogniser."""
    text = prepare(caption)
    return {(s.subject.id, s.relation, s.object.id) for s in extract(text, recognize(text))}


def check_present_absent(found: set[tuple[str, str, str]], present: tuple | None, absent: tuple | None) -> None:
    """Assert that the edge `present` was found and `absent` was not (None: no check)."""
    if present:
        assert present in found, found
    if absent:
        assert absent not in found, found


@pytest.mark.parametrize("caption,expected", [
    ("STING then activates TBK1, which phosphorylates IRF3.",
     {("STING1", "activates", "TBK1"), ("TBK1", "phosphorylates", "IRF3")}),
    ("IRF3 is phosphorylated by TBK1.", {("TBK1", "phosphorylates", "IRF3")}),
    ("TBK1-mediated IRF3 phosphorylation is required.", {("TBK1", "phosphorylates", "IRF3")}),
    ("EGF-induced ERK activation is transient.", {("EGF", "activates", "MAPK1")}),
    ("STING activates TBK1 and IRF3.", {("STING1", "activates", "TBK1"), ("STING1", "activates", "IRF3")}),
    ("formation of heterodimers of JAK2 with JAK1 or TYK2",
     {("JAK2", "binds", "JAK1"), ("JAK2", "binds", "TYK2")}),
    ("the RAS-RAF-MEK-ERK cascade", {("KRAS", "activates", "RAF1"), ("RAF1", "activates", "MAP2K1"),
                                    ("MAP2K1", "activates", "MAPK1")}),
    ("MDM2 ubiquitinates TP53.", {("MDM2", "degrades", "TP53")}),
    ("IRF3 translocates to the nucleus.", {("IRF3", "translocates", "nucleus")}),
    ("STAT3 induces the expression of SOCS3.", {("STAT3", "expresses", "SOCS3")}),
    ("STING binds TBK1 and then activates IRF3.",
     {("STING1", "binds", "TBK1"), ("STING1", "activates", "IRF3")}),
    ("Inhibition of AKT promotes TP53.", {("AKT1", "inhibits", "TP53")}),
    # a legend of a chain's own members in parentheses is dropped, the chain is read
    ("the RAS/RAF/MEK (RAS, a GTPase; MEK, a kinase) signaling pathway",
     {("KRAS", "activates", "RAF1"), ("RAF1", "activates", "MAP2K1")}),
    # a long name followed by a chain that opens with its abbreviation: the chain stands for it
    ("EGF activates the mitogen-activated protein kinase kinase (MEK/ERK) pathway, which activates STAT3.",
     {("EGF", "activates", "MAP2K1"), ("MAP2K1", "activates", "MAPK1"), ("MAPK1", "activates", "STAT3")}),
    # "the resultant complex" / "This complex" stands for the partners just bound together
    ("IL6 binds to JAK1 and the resultant complex activates STAT3.",
     {("IL6", "binds", "JAK1"), ("IL6", "activates", "STAT3"), ("JAK1", "activates", "STAT3")}),
    ("MDM2 binds TP53. This complex activates AKT.",
     {("MDM2", "binds", "TP53"), ("MDM2", "activates", "AKT1"), ("TP53", "activates", "AKT1")}),
    # ... only after binding; otherwise "This ..." is the previous subject as before
    ("MDM2 activates TP53. This complex activates AKT.",
     {("MDM2", "activates", "TP53"), ("MDM2", "activates", "AKT1")}),
    # examples after "like" / "such as" act in the relative clause that follows them
    ("MTOR phosphorylates kinases like AKT, which in turn activates IRF3.",
     {("MTOR", "phosphorylates", "AKT1"), ("AKT1", "activates", "IRF3")}),
    # a list opening on the object of the verb before it: the subject is its later item
    ("EGF inhibits MDM2, and the JAK2 kinases activate STAT3.",
     {("EGF", "inhibits", "MDM2"), ("JAK2", "activates", "STAT3")}),
    # "X-coupled receptors" act through X
    ("JAK1-coupled receptors inhibit TP53.", {("JAK1", "inhibits", "TP53")}),
    # a descriptive noun phrase with the name apposed to it ("The X protein ..., Relish, activates")
    ("The kinase downstream of EGF, MTOR, activates STAT3.", {("MTOR", "activates", "STAT3")}),
    # "RAS-GTP", "X-coupled" forms are the entity acting
    ("RAS-GTP activates ERK.", {("KRAS", "activates", "MAPK1")}),
    # an opening subject followed by a place phrase still shares its later verbs
    ("STAT3 from the cytosol acts as a factor and directly binds MDM2.", {("STAT3", "binds", "MDM2")}),
    # inhibiting an X-mediated activation does not make X an inhibitor (the activated one is inhibited)
    ("EGF leads to inhibition of the JAK2-mediated activation of STAT3.",
     {("JAK2", "activates", "STAT3"), ("EGF", "inhibits", "STAT3")}),
    # a fronted phrase's object never opens the list of a passive either
    ("In the absence of EGF, STAT3 is phosphorylated by JAK2.", {("JAK2", "phosphorylates", "STAT3")}),
    # a prepositional object can be the antecedent of a relative clause
    ("JAK2 converts TP53 into AKT, which recruits MDM2.",
     {("AKT1", "binds", "MDM2"), ("JAK2", "produces", "AKT1"), ("TP53", "produces", "AKT1")}),
    # a relative clause's second verb shares its antecedent
    ("EGF activates AKT, which phosphorylates MDM2 and inhibits TP53.",
     {("EGF", "activates", "AKT1"), ("AKT1", "phosphorylates", "MDM2"), ("AKT1", "inhibits", "TP53")}),
    # what an activation "by" someone activated acts next
    ("Activation of JAK2 by IL6 leads to phosphorylation of STAT3.",
     {("IL6", "activates", "JAK2"), ("JAK2", "phosphorylates", "STAT3")}),
    # a parenthetical partner between commas does not end the subject; it acts with it
    ("MDM2, in complex with TP53, inhibits AKT.",
     {("MDM2", "inhibits", "AKT1"), ("TP53", "inhibits", "AKT1"), ("MDM2", "binds", "TP53")}),
    # a class word after the names ("STAT3 transcription factors", "IL6 receptors") is part of them
    ("Loss of MDM2 allows STAT3 transcription factors to translocate into the nucleus.",
     {("STAT3", "translocates", "nucleus")}),
    # a compartment is only somewhere to move to, never the object of another relation
    ("MDM2 ubiquitinates TP53 and the nucleus.", {("MDM2", "degrades", "TP53")}),
    # a fronted prepositional phrase naming an entity is no subject, the entity after it is
    ("Under EGF, STAT3 translocates to the nucleus.", {("STAT3", "translocates", "nucleus")}),
    ("In the nucleus, STAT3 induces the expression of SOCS3.", {("STAT3", "expresses", "SOCS3")}),
    # a later clause's subject shares its verbs, and the opening subject does not take them
    ("MDM2 inhibits TP53, whereas SOCS3 binds JAK2 and inhibits STAT3.",
     {("MDM2", "inhibits", "TP53"), ("SOCS3", "binds", "JAK2"), ("SOCS3", "inhibits", "STAT3")}),
    ("MDM2 inhibits TP53, and SOCS3 binds JAK2 and then inhibits STAT3.",
     {("MDM2", "inhibits", "TP53"), ("SOCS3", "binds", "JAK2"), ("SOCS3", "inhibits", "STAT3")}),
    ("MDM2 inhibits TP53, whereas SOCS3 binds JAK2, which then inhibits STAT3.",
     {("MDM2", "inhibits", "TP53"), ("SOCS3", "binds", "JAK2"), ("JAK2", "inhibits", "STAT3")}),
    # a category named before its members stands for them
    ("MDM2 activates the STAT3 proteins JAK1 and TYK2.",
     {("MDM2", "activates", "JAK1"), ("MDM2", "activates", "TYK2")}),
    # verbs after a comma share the opening subject: a finite verb or a passive ...
    ("MDM2 inhibits TP53, activates STAT3 and binds JAK2.",
     {("MDM2", "inhibits", "TP53"), ("MDM2", "activates", "STAT3"), ("MDM2", "binds", "JAK2")}),
    ("TP53 is bound to MDM2, gets ubiquitinated by MDM2, and is degraded.",
     {("TP53", "binds", "MDM2"), ("MDM2", "degrades", "TP53")}),
    # ... but not a relative clause (its antecedent is the noun before it)
    ("MDM2 inhibits TP53, which activates STAT3.",
     {("MDM2", "inhibits", "TP53"), ("TP53", "activates", "STAT3")}),
    # a base-form verb after "to <verb> ... and" continues the infinitive, not the subject's verbs:
    # its subject is the infinitive's (the object named right before "to")
    ("EGF activates RAS to increase ERK levels and induce STAT3.",
     {("EGF", "activates", "KRAS"), ("KRAS", "activates", "STAT3")}),
    # "these <class noun>" names the previous sentence's last list, "this <class noun>" its last entity
    ("MDM2 activates JAK1 and TYK2. These kinases phosphorylate STAT3.",
     {("MDM2", "activates", "JAK1"), ("MDM2", "activates", "TYK2"),
      ("JAK1", "phosphorylates", "STAT3"), ("TYK2", "phosphorylates", "STAT3")}),
    ("RAS activates RAF. This kinase phosphorylates MEK.",
     {("KRAS", "activates", "RAF1"), ("RAF1", "phosphorylates", "MAP2K1")}),
    # the agent of a participle after a mention is no subject of the clause that follows
    ("TP53 phosphorylated by MDM2 activates STAT3.", {("MDM2", "phosphorylates", "TP53")}),
    # a gerund before "and <verb>" is a noun: the verb after it is the subject's own
    ("MDM2 inhibits TP53 by direct binding and activates STAT3.",
     {("MDM2", "inhibits", "TP53"), ("MDM2", "binds", "TP53"), ("MDM2", "activates", "STAT3")}),
    # "as well as / while" join verbs of the subject too
    ("MDM2 inhibits TP53 as well as binds JAK2.", {("MDM2", "inhibits", "TP53"), ("MDM2", "binds", "JAK2")}),
    # "binds to another protein and translocates": "to" there is a preposition, not an infinitive
    ("STAT3 binds to another STAT3 protein and translocate into the nucleus.",
     {("STAT3", "translocates", "nucleus")}),
    # a residue after the object names where; an object pronoun of a coordinated verb is that object
    ("MDM2 phosphorylates TP53 at Ser15 and inactivates it.",
     {("MDM2", "phosphorylates", "TP53"), ("MDM2", "inhibits", "TP53")}),
    # ... and so is a possessive before the object's activity
    ("MDM2 phosphorylates TP53 and inhibits its activity.",
     {("MDM2", "phosphorylates", "TP53"), ("MDM2", "inhibits", "TP53")}),
    ("JAK2 phosphorylates STAT3 on Tyr705, which then translocates to the nucleus.",
     {("JAK2", "phosphorylates", "STAT3"), ("STAT3", "translocates", "nucleus")}),
    # after a move to a place, the mover acts next (the place is no agent)
    ("STAT3 translocates to the nucleus, leading to the expression of SOCS3.",
     {("STAT3", "translocates", "nucleus"), ("STAT3", "expresses", "SOCS3")}),
    # a hyphen modifier after a preposition is the agent of its nominal
    ("MDM2 is required for JAK2-induced STAT3 activation.",
     {("MDM2", "activates", "STAT3"), ("JAK2", "activates", "STAT3")}),
    # the object of a fronted "unlike" is no subject
    ("Unlike JAK1, TYK2 phosphorylates STAT3.", {("TYK2", "phosphorylates", "STAT3")}),
    # ", respectively" after a list of residues pairs the subjects with the residues: both act
    ("JAK1 and TYK2 phosphorylate STAT3 at Tyr705 and Ser727, respectively.",
     {("JAK1", "phosphorylates", "STAT3"), ("TYK2", "phosphorylates", "STAT3")}),
    # a plural relative verb after a list has the whole list as antecedent in its later verbs too
    ("MDM2 phosphorylates JAK1 and TYK2, which then bind STAT3 and translocate to the nucleus.",
     {("MDM2", "phosphorylates", "JAK1"), ("MDM2", "phosphorylates", "TYK2"), ("JAK1", "binds", "STAT3"),
      ("TYK2", "binds", "STAT3"), ("JAK1", "translocates", "nucleus"), ("TYK2", "translocates", "nucleus")}),
    # an open question ends at its clause: what follows "; " or ", but" is stated
    ("It is unclear whether MDM2 binds JAK2, but STAT3 activates SOCS3.", {("STAT3", "activates", "SOCS3")}),
    # a slot named as lost flips the sign ("PTEN loss activates AKT": PTEN inhibits AKT)
    ("MDM2 knockdown increases TP53 levels.", {("MDM2", "inhibits", "TP53")}),
    ("EGF leads to STAT3 inhibition.", {("EGF", "inhibits", "STAT3")}),
    # ... but not after a verb that lifts the loss ("relieving the inhibition of RHEB, which activates")
    ("MDM2 inhibits TP53, relieving the inhibition of STAT3, which activates JAK2.",
     {("MDM2", "inhibits", "TP53"), ("TP53", "inhibits", "STAT3"), ("STAT3", "activates", "JAK2")}),
    # a part named "of" its whole is the whole
    ("STAT3 binds the SOCS3 domain of JAK2.", {("STAT3", "binds", "JAK2")}),
])
def test_constructions(caption, expected):
    assert triples(caption) == expected


@pytest.mark.parametrize("caption", [
    "STING does not activate TBK1.",
    "STING fails to activate TBK1.",
    "It is unclear whether STING activates TBK1.",
    "TBK1 activation is independent of STING.",
    "STING and TBK1 are shown.",
])
def test_negation_and_open_questions_give_no_edge(caption):
    assert triples(caption) == set()


def test_hedged_statements_keep_their_edge_marked():
    text = prepare("STING may activate TBK1. TBK1 phosphorylates IRF3.")
    found = {(s.subject.id, s.object.id): s.hedged for s in extract(text, mentions_of(text.original))}
    assert found == {("STING1", "TBK1"): True, ("TBK1", "IRF3"): False}


def test_evidence_is_the_sentence_with_exact_original_offsets_and_the_rule():
    caption = "Model. STING then activates TBK1 (see text). Done."
    text = prepare(caption)
    [st] = extract(text, mentions_of(caption))
    ev = st.evidence
    assert caption[ev.start:ev.end] == ev.text == "STING then activates TBK1 (see text)."
    assert ev.rule == "act.active_verb"


def test_named_inhibitor_becomes_a_chemical_node_inhibiting_its_target():
    caption = "JAK2 inhibitors block STAT3."
    text = prepare(caption)
    found = {(s.subject.id, s.relation, s.object.id): s for s in extract(text, mentions_of(caption))}
    assert ("JAK2 inhibitor", "inhibits", "JAK2") in found
    assert ("JAK2 inhibitor", "inhibits", "STAT3") in found
    assert found[("JAK2 inhibitor", "inhibits", "JAK2")].subject.type == "chemical"


def test_a_protein_named_after_an_inhibitor_class_is_that_inhibitor():
    # "the NF-kB inhibitor IkBa": IkBa is the inhibitor and the object of the verb, not a drug node
    assert recognised_triples("IKK phosphorylates the NF-κB inhibitor IκBα.") == {
        ("IKK_complex", "phosphorylates", "NFKBIA"), ("NFKBIA", "inhibits", "NFkappaB")}
    assert recognised_triples("The CDK inhibitor p21 blocks CDK2.") == {
        ("CDKN1A", "inhibits", "CDK"), ("CDKN1A", "inhibits", "CDK2")}
    # a drug keeps its class node; a chemical or a following clause names no inhibitor
    assert ("ruxolitinib", "inhibits", "JAK2") in recognised_triples("The JAK2 inhibitor ruxolitinib blocks STAT3.")
    assert recognised_triples("JAK2 inhibitors, STAT3 and growth.") >= {("JAK2 inhibitor", "inhibits", "JAK2")}
    assert ("STAT3", "inhibits", "JAK2") not in recognised_triples("A JAK2 inhibitor and STAT3 block growth.")


def test_tagged_sentence_replaces_mentions_and_drops_echo_parentheses():
    caption = "STING (STING) activates TBK1 (1)."
    tagged = tag_sentence(caption, (0, len(caption)), mentions_of(caption))
    assert tagged.text == "@0@ activates @2@."
    assert tagged.text.isascii()


def test_extraction_is_deterministic():
    caption = "STING activates TBK1 and IRF3, which bind TP53. MDM2 degrades TP53."
    text = prepare(caption)
    first = extract(text, mentions_of(caption))
    assert first == extract(text, mentions_of(caption))


def test_a_list_apposed_to_a_category_stands_for_it():
    caption = "STAT3 induces the expression of genes (SOCS3, MDM2)."
    text = prepare(caption)
    cat = Mention(caption.index("genes"), caption.index("genes") + 5, "genes",
                  (Entity("target genes", "genes", "group"),))
    mentions = sorted(mentions_of(caption) + [cat], key=lambda m: m.start)
    found = {(s.subject.id, s.relation, s.object.id) for s in extract(text, mentions)}
    assert found == {("STAT3", "expresses", "SOCS3"), ("STAT3", "expresses", "MDM2")}


def test_respectively_pairs_in_order():
    assert triples("STING and MDM2 activate TBK1 and TP53, respectively.") == {
        ("STING1", "activates", "TBK1"), ("MDM2", "activates", "TP53")}


def test_subject_pronoun_and_shared_subject():
    assert triples("TBK1 binds STING. It then phosphorylates IRF3 and activates TP53.") >= {
        ("TBK1", "binds", "STING1"), ("TBK1", "phosphorylates", "IRF3"), ("TBK1", "activates", "TP53")}


# ---- relations-A: coordination and verb series -------------------------------------------------

def test_every_member_of_an_opening_list_shares_the_later_verbs():
    assert triples("JAK1, JAK2 and TYK2 activate STAT3 and inhibit TP53.") >= {
        ("JAK1", "inhibits", "TP53"), ("JAK2", "inhibits", "TP53"), ("TYK2", "inhibits", "TP53")}


def test_two_fronted_phrases_before_the_subject():
    found = triples("In the liver, during fasting, STAT3 reduces SOCS3, inhibits TP53 and activates MDM2.")
    assert {("STAT3", "inhibits", "TP53"), ("STAT3", "activates", "MDM2")} <= found


def test_a_series_of_verbs_in_a_relative_clause_shares_its_antecedent():
    found = triples("EGF activates STAT3, which induced SOCS3, stimulated MDM2 and inhibited TP53.")
    assert {("STAT3", "activates", "MDM2"), ("STAT3", "inhibits", "TP53")} <= found
    # a verb in another tense belongs to the sentence's subject, not the relative clause
    found = triples("EGF activates STAT3, which induces SOCS3, inhibited TP53.")
    assert ("STAT3", "inhibits", "TP53") not in found


# ---- relations-B: pronouns after a clause connective ------------------------------------------

def test_it_after_or_is_the_subject_not_a_list_member():
    found = triples("STAT3 is phosphorylated by JAK2 and activates MDM2, or it can be translocated into the nucleus.")
    assert ("STAT3", "translocates", "nucleus") in found
    assert ("MDM2", "translocates", "nucleus") not in found


def test_it_after_as_is_the_subject():
    found = triples("SOCS3 acts as a brake on signaling as it inhibits JAK2.")
    assert ("SOCS3", "inhibits", "JAK2") in found


def test_it_after_allowing_is_the_entity_just_named():
    assert ("STAT3", "translocates", "nucleus") in triples(
        "Mutations reduce phosphorylation of STAT3, enabling it to enter the nucleus.")
    found = triples("JAK2 phosphorylates STAT3, allowing it to translocate into the nucleus.")
    assert ("STAT3", "translocates", "nucleus") in found
    assert ("JAK2", "translocates", "nucleus") not in found


def test_a_ligand_acts_through_the_receptor_it_binds(monkeypatch):
    monkeypatch.setitem(GENES, "IL6R", "IL6R")
    found = triples("IL6 binds to its receptor IL6R to activate STAT3.")
    assert ("IL6R", "activates", "STAT3") in found
    assert ("IL6", "activates", "STAT3") not in found
    # no receptor named: the binder keeps its own effects
    assert ("MDM2", "activates", "TP53") in triples("MDM2 binds JAK2 and activates TP53.")


def test_a_shared_verb_after_an_adverb_is_no_infinitive():
    # "leads to decreased levels": no infinitive, so "and consequently inhibits" is the subject's
    found = triples("EGF leads to decreased levels of SOCS3 in the liver and consequently inhibits TP53.")
    assert ("EGF", "inhibits", "TP53") in found
    # "to increase A and produce B" continues the infinitive
    found = triples("EGF activates STAT3 to increase SOCS3 and produce MDM2.")
    assert ("EGF", "activates", "MDM2") not in found


def test_it_after_a_contrasting_clause_is_the_object_before():
    found = triples("STAT3 induces MDM2 while SOCS3 inhibits it.")
    assert ("SOCS3", "inhibits", "MDM2") in found


def test_their_expression_after_a_contrasting_clause_is_the_list_before():
    found = triples("STAT3 represses the expression of MDM2 and TP53 while EGF promotes their expression.")
    assert {("EGF", "expresses", "MDM2"), ("EGF", "expresses", "TP53")} <= found
    # "it" is the last one named
    found = triples("STAT3 induces MDM2 and TP53 while SOCS3 inhibits it.")
    assert ("SOCS3", "inhibits", "TP53") in found and ("SOCS3", "inhibits", "MDM2") not in found


def test_these_category_names_the_list_the_category_opened_before():
    caption = ("In this pathway, the recognition kinases JAK1 and TYK2 bind IL6. "
               "These recognition kinases recruit STAT3.")
    mentions = mentions_of(caption)
    for match in re.finditer(r"recognition kinases", caption):
        mentions.append(Mention(match.start(), match.end(), match.group(),
                                (Entity("recognition kinases", "recognition kinases", "group"),)))
    mentions.sort(key=lambda m: m.start)
    found = {(s.subject.id, s.relation, s.object.id) for s in extract(prepare(caption), mentions)}
    assert {("JAK1", "binds", "STAT3"), ("TYK2", "binds", "STAT3")} <= found
    assert ("recognition kinases", "binds", "STAT3") not in found


def test_a_verb_of_consequence_after_a_relative_clause_is_its_antecedents():
    found = triples("Activation of ERK, which shares a kinase with the RAF pathway, contributes to MDM2 production.")
    assert ("MAPK1", "activates", "MDM2") in found or ("MAPK1", "expresses", "MDM2") in found


def test_an_object_of_through_or_with_is_no_subject_unless_a_participle_follows():
    found = triples("The cycling of RAS through SOS and through EGF promotes MTOR activation.")
    assert ("EGF", "activates", "MTOR") not in found
    found = triples("STAT3 forms a complex with SOCS3 that may initiate MDM2 transcription.")
    assert ("SOCS3", "activates", "MDM2") not in found


def test_a_kinase_kinase_named_before_its_name_stands_for_it():
    found = triples("EGF binds and activates the RAF kinase kinase MEK.")
    assert ("EGF", "activates", "MAP2K1") in found and ("EGF", "activates", "RAF1") not in found


def test_a_pathway_named_as_inhibited_keeps_its_links():
    """'Inhibition of the PI3K/AKT pathway reduces X': the pathway's links still activate; what
    the pathway does is inverted (AKT acts for X)."""
    found = recognised_triples("Inhibition of the PI3K/AKT pathway reduces proliferation.")
    assert ("PI3K", "activates", "AKT") in found, found
    assert ("PI3K", "inhibits", "AKT") not in found, found
    assert ("AKT", "activates", "proliferation") in found, found


def test_the_complex_after_a_named_complex_is_that_complex():
    """'... to form the A-B-C complex, and the complex holds ...': 'the complex' is the named one,
    not every molecule of the clause (a chemical named in its 'when' phrase makes nothing)."""
    found = recognised_triples("When the cholesterol level is high, SCAP recruits INSIG1 to form the "
                               "SCAP-SREBP2-INSIG1 complex, and the complex retains SREBP2 in the ER.")
    assert not any(o == "cholesterol" for _, _, o in found), found
    assert ("INSIG1", "binds", "SCAP") in found or ("SCAP", "binds", "INSIG1") in found, found


def test_two_names_joined_by_a_colon_are_a_complex_acting_together():
    """'BMAL1:CLOCK', 'the PER:CRY complex': the colon notation of a complex reads as a dash pair
    (both members act, and bind each other), never as a cascade or as its last member alone."""
    found = recognised_triples("BMAL1:CLOCK binds to E-boxes and activates the expression of NR1D1.")
    assert ("BMAL1", "binds", "CLOCK") in found or ("CLOCK", "binds", "BMAL1") in found, found
    assert {("BMAL1", "expresses", "NR1D1"), ("CLOCK", "expresses", "NR1D1")} <= found, found
    found = recognised_triples("The IL-6:IL-6R complex activates JAK1.")
    assert ("IL6", "activates", "JAK1") in found and ("IL6R", "activates", "JAK1") in found, found


def test_a_feedback_loop_through_a_relative_clause_keeps_both_directions():
    """'X induces the expression of Y, which inhibits X': the two readings of the pair share only
    Y and are two statements, not rival readings of the same words."""
    found = recognised_triples("NF-κB induces the expression of IκBα, which in turn inhibits NF-κB.")
    assert ("NFkappaB", "expresses", "NFKBIA") in found and ("NFKBIA", "inhibits", "NFkappaB") in found, found
    found = recognised_triples("STAT3 induces the expression of SOCS1 and SOCS3, which inhibit STAT3.")
    assert ("SOCS3", "inhibits", "STAT3") in found and ("STAT3", "expresses", "SOCS3") in found, found


def test_a_description_apposed_after_a_name_is_no_node_and_no_barrier():
    """'Parkin, an E3 ubiquitin ligase, is activated by PINK1': the class describing the gene is
    no node of its own (no 'PINK1 activates E3 ligase') and the verb after it is the gene's."""
    found = recognised_triples("Parkin, an E3 ubiquitin ligase, which is then activated by PINK1, ubiquitinates MFN2.")
    assert ("PINK1", "activates", "PRKN") in found and ("PRKN", "degrades", "MFN2") in found, found
    assert not any("E3" in s or "E3" in o for s, _, o in found), found
    found = recognised_triples("MDM2, an E3 ubiquitin ligase, ubiquitinates p53.")
    assert found == {("MDM2", "degrades", "TP53")}, found
    found = recognised_triples("Parkin, a cytosolic protein, is activated by PINK1.")
    assert ("PINK1", "activates", "PRKN") in found, found


def test_a_class_after_by_with_its_examples_stands_for_them():
    """'is phosphorylated by kinases such as CK1e': the agent class with named examples is them."""
    found = recognised_triples("PER1 is phosphorylated by several kinases, including CSNK1E and CSNK1D.")
    assert {("CSNK1E", "phosphorylates", "PER1"), ("CSNK1D", "phosphorylates", "PER1")} <= found, found
    found = recognised_triples("STAT3 is activated by cytokines such as IL-6.")
    assert ("IL6", "activates", "STAT3") in found, found


def test_a_pronoun_subject_of_a_passive_is_the_pathway_acted_on_through_its_first_member():
    """'The JAK-STAT system consists of ... It is activated by interferon': the system (a named
    pathway) is acted on through JAK, not STAT."""
    found = recognised_triples("The JAK-STAT system consists of JAK and STAT. It is activated by signals, "
                               "including interferon.")
    assert ("Interferon", "activates", "JAK") in found and ("Interferon", "activates", "STAT") not in found, found
