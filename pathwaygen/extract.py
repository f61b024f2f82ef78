"""Read statements (subject, relation, object, evidence) out of a caption with the YAML rules.

For each sentence, every mention is replaced by a token ``@<n>@`` in a lowercased copy of
the sentence (the *tagged sentence*); the compiled rules (:mod:`pathwaygen.rules`) are
matched against it with RE2, so matching stays linear in the sentence length. A match
names entity slots; the slot text is read back into entities ("X, Y and Z" -> three
subjects; "PI3K/AKT pathway" as an object -> PI3K, as a subject -> AKT).

Judged in code on every match, because they cut across all rules:
- negation ("not", "fails to", "unable to", "independent of") inside the match -> no edge;
- open questions ("whether", "unclear") earlier in the sentence -> no edge;
- hedging ("may", "is thought to", "putative") before the match end -> ``hedged=True``;
- a ``{GAP}``/``{SGAP}``/``{PGAP}`` group holding a stop word (``GAPSTOP`` / ``PGAPSTOP`` in
  ``_macros.yaml``) -> the match is refused;
- a rule that ``supersedes`` another drops that rule's overlapping candidates.

Across sentences, "it/they" stand for the sentence's (or the previous sentence's) opening
subject, and an opening "This (pathway) activates / leads to" for the previous sentence's
subject, else the last entity it named.

Speed: one RE2 FilteredRE2 pass per sentence runs, in C++, the screening form of each pattern
whose literal atoms occur (rules.screening_source: its entity lists loosened to character runs,
so the automata are small) and returns those that match; only their rules are matched from
Python, with the full patterns, for groups.

Two entity-forming constructions also live here, since they create nodes rather than
match relations: "<X> inhibitor(s)" becomes a chemical node "<X> inhibitor" that inhibits
X (rule id ``inh.named_inhibitor``), and compartment words ("nucleus") in a ``{LOC}`` slot
become group nodes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from operator import attrgetter
from typing import Any, Callable, Iterable, NamedTuple

import re2

from .model import UNDIRECTED, Entity, Evidence, Mention, Statement
from .text import GREEK
from .rules import _OPTIONS, CHECKED_GROUPS, PRIMARY_RELATION, Rule, default_rules, expand, load_macros, RULES_DIR
from .rules import Products, load_products, screening_source


def _private_re2() -> bool:
    """Whether google-re2's private names that the fast paths call are there and behave as in
    the 1.1.x releases this was written against (pyproject pins google-re2 below 1.2).

    They are: ``re2._Regexp`` (the compiled class, whose ``_regexp`` is the C++ RE2 object with
    ``Match(anchor, bytes, pos, endpos)`` -> group spans), ``re2._Anchor`` and ``re2._Match``.
    Without them extraction uses the public ``search`` / ``match`` API instead: the same
    matches, only slower.
    """
    try:
        probe = re2.compile("b(a)?")
        spans = [tuple(span) for span in probe._regexp.Match(re2._Anchor.UNANCHORED, b"xba", 0, 3)]
        match = re2._Match(probe, b"xba", 0, 3, spans)
        return (isinstance(probe, re2._Regexp) and spans == [(1, 3), (2, 3)] and match.span(1) == (2, 3)
                and probe._regexp.Match(re2._Anchor.ANCHOR_START, b"xba", 0, 3)[0][0] == -1
                and re2._Anchor.ANCHOR_BOTH is not None)
    except Exception:  # (any change of those private names or signatures)
        return False


#: google-re2's private fast paths are usable (else the public API is used; see _private_re2)
FAST_RE2 = _private_re2()

NAMED_INHIBITOR_RULE = "inh.named_inhibitor"
#: a list of more members than this is not read as one complex whose members all bind
MAX_COMPLEX_MEMBERS = 4
#: at most this many verbs share a sentence's opening subject, each read over at most this many characters
MAX_SHARED_VERBS = 6
MAX_SHARED_CLAUSE = 240
#: a pronoun opening a sentence looks back at most this many sentences for a subject
MAX_SUBJECT_LOOKBACK = 8

_TOKEN = re.compile(r"@(\d+)@")
_NAME_THEN_CHAIN = re.compile(r"(@\d+@) \((@\d+@(?:[/-]@\d+@)+)\)")
#: a list of names in a tagged text ("@1@", "@1@ and @2@", "@1@, @2@, or @3@"), for patterns to embed
_NAME_LIST = r"@\d+@(?:(?:, |,? and |,? or )@\d+@)*"
#: a complex named by its members ("the @1@-@2@-@3@ complex")
_NAMED_COMPLEX = re.compile(r"(@\d+@(?:[-/]@\d+@)+) complex")
#: "the resultant complex", "this complex": the partners a clause just bound together
_THE_COMPLEX = re.compile(r"(?:^|(?<=[ ,;(]))(?:the (?:resultant|resulting|newly formed|formed|active|ternary|receptor|ligand-receptor) |this (?:\w+ )?|that |the |these )complex(?:es)?\b(?! of| with| formation)|(?<=form |orms |rmed )a (?:\w+ )?complex(?= that | which |, which )")
#: a clause that binds things together (its entities form the complex)
_BINDING_WORDS = re.compile(r"\b(?:binds?|binding|bound|dimeri[sz]\w*|heterodimer\w*|interacts?|interaction|associat\w*|recruits?|recruited|forms?|formed|assembl\w*|complex\w*)\b")
_CLAUSE_BREAK = re.compile(r"[;:]")
_COMPLEX_PARTS = frozenset({"gene", "family", "complex", "chemical", "rna"})
_CHAIN_BEFORE = re.compile(r"@\d+@(?:[/-]@\d+@)+ ?$")
_CHAIN_ENDINGS = ("@", "@ ", "@\n", "@ \n")  # (the ends of a text _CHAIN_BEFORE matches in: "$" passes a final newline)
#: slots read as token sequences (chains and all-bind lists) rather than entity lists
_SEQUENCES = ("CHAIN", "CHAIN2", "ALL")
#: what two opposite readings of a pair may share and still both stand: the names between them
#: ("induces A, B and C, which inhibit X": the list is the first's object, the second's subject)
_SHARED_ITEMS = re.compile(r"@\d+@(?:(?:[-/]|,? (?:and|or) |, )@\d+@)*")
# an item: tokens joined by "/" or "-" ("PI3K/AKT", "RAS-RAF-MEK")
_ITEM = re.compile(r"@\d+@(?: ?[/-] ?@\d+@)*")
_MODIFIER_AFTER = re.compile(r"-(?:bound|associated|containing|dependent|mediated|induced|activated|"
                             r"stimulated|treated|coupled|triggered|driven|responsive|regulated|derived|"
                             r"producing|expressing|interacting|binding|related|like|type|specific)\b")
_PART_OF = re.compile(r" (?:subunits?|domains?|components?|portion|moiety|chains?|regions?) of\b")
#: a sentence opening on "These <category entity>" ("These recognition receptors recruit ...")
_THESE_NAMED = re.compile(r"(?:these|those|both|the two) @(\d+)@ ")
_CATEGORY_LIST = re.compile(r"@(\d+)@,? (@\d+@(?:(?:, |,? and |,? or |,? and/or |/)@\d+@)*)")
#: a class named before its member ("the PI3K isoform p110a"): the member is the entity
_CLASS_OF_NEXT = re.compile(r" isoforms? (?=@)")
#: an example list still open before a mention ("such as A, B, and C"): its items name no referent
_EXAMPLE_BEFORE = re.compile(r"\b(?:such as|including|e\.g\.,?|for example,?) [^;:.]*$")
#: "the latter" as the object of a preposition, naming no class of its own ("inhibitors of the
#: latter"; not "the latter kinase", which resolve_class_reference reads)
_LATTER = re.compile(r"\b(?:of|on|by|to|with|for) (the latter)(?=[ ,.;)]|$)(?! (?:[a-z-]+ )?(?:proteins?|factors?|"
                     r"kinases?|receptors?|enzymes?|genes?|pathways?|complex(?:es)?|molecules?)\b)")
#: how a match of _PART_OF or _CLASS_OF_NEXT starts (one C call before either regex)
_PART_WORDS = (" subunit", " domain", " component", " portion", " moiety", " chain", " region", " isoform")
_ITS_PATHWAY = re.compile(r"(?: signaling| signalling)? (?:pathways?|cascades?|signaling|signalling)\b")
_LIST_JOIN = re.compile(r", (?:and|or|but|while|whereas) ")
_RECEPTORS = re.compile(r"(?: protein)? receptors?\b")
_RELATIVE_AFTER = re.compile(r",? (?:which|that|who) ")
#: a modal right after the opening subject, which a later base verb shares ("X may remove A and
#: stimulate B", "X cannot bind A and activate B")
_MODAL_AFTER = re.compile(r",? ((?:also |then |thus |therefore )?(?:cannot|can|may|might|could|would|will|should|must)"
                          r"(?: not| no longer)?(?: also)? )")
#: the forms of "be" a passive participle follows ("is stabilized")
_BE_ENDINGS = (" is", " are", " was", " were", " be", " been", " being", " gets", " get")
#: what may follow a finite verb after a comma that shares the opening subject ("YAP enters the
#: nucleus, interacts with TEAD and ...", ", binds to X"): a preposition or adverb, not more verbs
_VERB_PARTICLE = re.compile(r" (?:directly |specifically |physically )?(?:with|to|on|onto|into)\b")
_APPOSED_NAME = re.compile(r"(^|[;:] )(?:the|a|an) [a-z0-9@ /-]{1,80}?, (@\d+@), (?=[a-z]+s )")
#: how a match of _APPOSED_NAME opening the text starts (one elsewhere follows "; " or ": ")
_APPOSED_START = ("the ", "a ", "an ")
#: a plural class word group after a verb, then its examples ("phosphorylates adaptor proteins,
#: including @1@", "interacts with other transcription factors, such as @1@", "is phosphorylated
#: by kinases such as @1@", "phosphorylation by kinases, including @1@"): the verb or nominal (and
#: its particle) and a lowercase class of one to three words
#: (also after a nominal of action, with a quantity and two coordinated classes: "supports the
#: activation of a wide range of enzymes and signaling proteins, such as @1@")
_CLASS_WITH_EXAMPLES = re.compile(r"((?:^|[a-z]{3}s |[a-z]ed |[a-z]ing |[a-z]tion of (?=a )|[a-z]ion (?=by )|@ and |@, (?:and )?)(?:with |to |by )?)"
                                  r"(?:the |several |many |various |other |its |their |a (?:wide |broad |large |diverse )?(?:range|variety|number|array|set) of )?"
                                  r"(?:[a-z][a-z-]*[a-rt-z]s (?:and|or) )?"
                                  r"(?:(?!(?:of|to|in|on|at|for|with|by|from|and|or) )[a-z][a-z-]* ){0,2}[a-z][a-z-]*[a-rt-z]s,?"
                                  r" (?:including|such as) (?=(?:the )?(?:[a-z][a-z-]* ){0,2}@)")
#: the same with an unnamed set that is a mention of its own ("phosphorylate various @1@, such
#: as @2@" where @1@ is "target proteins"): the set's examples are the objects
_SET_WITH_EXAMPLES = re.compile(r"((?:^|[a-z]{3}s |[a-z]ed |[a-z]ing |[a-z]{3}ate )(?:with |to )?)(?:the |several |many |various |other |its |their )?"
                                r"(?:[a-z][a-z-]* )?@(\d+)@,? (?:including|such as) (?=(?:the )?@)")
#: an unnamed set with its examples in parentheses: "@1@ (e.g., @2@, @3@ and the @4@)" (the
#: first example a mention)
_SET_EXAMPLES_IN_PARENTHESES = re.compile(r"@(\d+)@ \(e\.g\.,? ((?:the )?@\d+@[^()]*)\)")
#: a class counted before its members: "two @1@, @2@ and @3@," (the class's own token and the comma go)
_COUNTED_CLASS = re.compile(r"\b((?:two|three) )(@\d+@), (?=@\d+@(?:, @\d+@)*,? and @\d+@,)")
#: genes named by a DNA element that drives them, then their examples, after a verb ("activates
#: ARE-driven genes such as HO-1 and NQO1"): the examples are the objects (group 2: the element)
_ELEMENT_GENES_WITH_EXAMPLES = re.compile(r"((?:^|[a-z]{3}s |[a-z]ed |[a-z]ing |[a-z]{3}ate )(?:the |several |many |various |other )?)"
                                          r"@(\d+)@-(?:driven|dependent|responsive|regulated|containing|bearing) "
                                          r"(?:target )?genes,? (?:including|such as) (?=(?:the )?@)")
#: a contrasted name set off by commas ("TLR4, but not TLR2, activates", "activates ERK, not p38,
#: in"): an aside about what does not take part, read as if it were not there (its closing comma
#: too, unless a new clause follows it: "activates ERK, but not p38, leading to")
_CONTRASTED_ASIDE = re.compile(r", (?:but )?not (?:@\d+@(?:/@\d+@)*(?:,? (?:or|and|nor) |, )?)+,(?= ([a-z]+))")
#: a passive verb after a pronoun ("it is activated by", "they are then phosphorylated by")
_PASSIVE_AFTER = re.compile(r" (?:is|are|was|were|can be|may be)(?: [a-z]+ly| then| also| in turn)? [a-z]+(?:ed|en) by\b")
#: interactions that are no physical binding (group 1: the adjective)
_NOT_BINDING_INTERACTION = re.compile(r"\b(regulatory|functional|genetic|epistatic) interaction(?=s?\b)")
#: a description apposed after a name, set off by commas and naming nothing ("MDM2, an E3
#: ubiquitin ligase, ..."; group 2: the word after it)
_APPOSED_DESCRIPTION = re.compile(r"(@\d+@), an? (?:[a-z0-9/-]+ ){0,5}[a-z0-9/-]+,(?= ([a-z]+))")
#: the list of names that opens a sentence, and the comma after it (group 2: the next word)
_OPENING_LIST_COMMA = re.compile(r"^(" + _NAME_LIST + r"),(?= ([a-z]+))")
#: an opening list with an added part set off by commas ("p16, as well as p21, inhibit CDK4"), and
#: the comma that closes it (group 2: the next word); the part is a subject too
_OPENING_AS_WELL_AS = re.compile(r"^(" + _NAME_LIST + r", as well as (?:the )?" + _NAME_LIST + r"(?: [a-z]+s)?),(?= ([a-z]+))")
#: the words after such a comma that open a new clause (the comma then stays)
_CLAUSE_AFTER_ASIDE = frozenset({"leading", "resulting", "thereby", "thus", "which", "that", "and", "but", "whereas",
                                 "while", "respectively"})
_CATEGORY_BEFORE_MEMBERS = re.compile(r"@\d+@ (?:family )?(?:proteins|kinases|transcription factors|factors|"
                                      r"family members|members|isoforms|paralogs|homologs|subunits) (?=@\d+@)"
                                      # (one: "activates the MAPK kinase kinase RAF")
                                      # ("@(?<=the @)": "(?<=the )@" read after the "@" that both
                                      # alternatives start on, so that re skips to the "@"s)
                                      r"|@(?<=the @)\d+@ (?:kinase kinase kinase|kinase kinase|family member) (?=@\d+@)")
_NOMINAL_MODIFIER = re.compile(r"(?:the |an? |its |their )?@\d+@-(?:mediated|induced|dependent|triggered|driven|stimulated|evoked|elicited|initiated|promoted)\b")
#: "Activation of PKC by DAG", "Activation of the nuclear receptors PXR and PPARa by xenobiotics
#: and fatty acids", "Formation of cAMP by adenylyl cyclase": group 1 holds what was activated or
#: made (one token or a list)
_ACTIVATED_BY = re.compile(r"\b(?:activation|stimulation|induction|phosphorylation|recruitment|engagement|ligation|formation|production|generation|synthesis) of (?:the )?(?:[a-z-]+ ){0,2}?(@\d+@(?:(?:,|,? and|,? or) @\d+@)*)"
                           # ("activation of the cAMP pathway by the b-AR leads to inhibition of PLC": the pathway acts)
                           r"(?: (?:pathways?|signaling|signalling|cascades?|axis|system))? (?:by|via|through) (?:the )?$")
#: the same before its nominal: "TLR4 activation by LPS recruits MyD88", "Tie2 activation by ANGPT1"
#: (group 1), searched in a short window before the agent; _ACTIVATED_ENDINGS: what the text before
#: the agent then ends on
_ACTIVATED_NOUNS = ("activation", "stimulation", "phosphorylation", "engagement", "ligation")
_ACTIVATED_BY_BEFORE = re.compile(r"(?<![\w@-])(@\d+@(?:(?:,|,? and|,? or) @\d+@)*) (?:" + "|".join(_ACTIVATED_NOUNS)
                                  + r") (?:by|via|through) (?:the )?$")
_ACTIVATED_ENDINGS = tuple(f"{noun} {by}{the}" for noun in _ACTIVATED_NOUNS
                           for by in ("by ", "via ", "through ") for the in ("", "the "))
_RELATIVE_HEAD = re.compile(r"(@\d+@)(?: [a-z-]+){0,2},? (?:which|that) ")
_CLAUSE_END = re.compile(r"[;:.]|, (?!and )")
_FRONTED = re.compile(r"\W*(?:in response to|downstream of|upstream of|in addition to|upon|after|following|during|under|in|when|while|although|if|"
                      r"because|since|once|before|with|without|through|by|for|as|at|on|from|within)\b[^,]*$")
#: a subject slot of exactly two conjuncts with a comma before "and" ("by AKT, and FOXO"):
#: clause coordination, as a list of two takes no serial comma
_TWO_WITH_SERIAL_COMMA = re.compile(r"[^,]*, and [^,]*")
#: an event named after a list of binding partners ("... with Shc and activation of MAPK")
_EVENT_AFTER_PARTNERS = re.compile(r",? (?:and|as well as) (?:the |an? )?(?:activation|phosphorylation|stimulation|induction|"
                                   r"expression|recruitment|translocation|degradation|inhibition) of ")
#: prefixes that make a mention name something else ("anti-IL-6R antibody", "non-TLR")
_NOT_ITSELF = ("anti-", "non-", "pseudo-", "dominant-negative-")
_PATHWAY_AFTER = re.compile(r"(?: (?:signaling|signalling|signal transduction|transduction))?"
                            r" (?:pathways?|axis|axes|cascades?|signaling|signalling|module|system)\b")
_NEGATION = re.compile(
    r"\b(?:not|no|no longer|never|fails? to|failed to|unable|cannot|can't|doesn't|don't|didn't|isn't|"
    r"aren't|without|neither|nor|lack of|lacks?|lacking|instead of|rather than|absence of|"
    r"independent(?:ly)? of|independent)\b|-independent\b|\bin(?:ability|capable) ")
_NEGATION_BEFORE = re.compile(r"\b(?:not|no|never|fails? to|failed to|unable to|cannot|n't|neither|nor)\b")
#: a word every match of _NEGATION and of _NEGATION_BEFORE holds ("no" in "not", "nor", "cannot"):
#: without one before a match's end, neither is searched (an RE2 scan once per sentence)
_NEGATION_WORD = r"no|never|fail|unable|n't|without|neither|lack|instead|rather|absence|independent|inability|incapable"


def _endings(words: Iterable[str]) -> tuple[str, ...]:
    """Each word followed by " " or " the ": the text a "<word> (?:the )?$" pattern ends on, for
    str.endswith (one C call) before or instead of a regex search."""
    return tuple(word + after for word in words for after in (" ", " the "))


#: the subject is named as lost or blocked: "inhibition of X promotes Y" means X inhibits Y
#: (the text before the match ends on one of these)
_LOSS_OF = _endings(f"{word} of" for word in (
    "inhibition", "inactivation", "loss", "deletion", "knockdown", "knock-down", "depletion", "blockade",
    "blocking", "absence", "lack", "suppression", "downregulation", "down-regulation", "silencing", "ablation",
    "disruption", "deficiency", "reduction", "decrease", "degradation")) + _endings(
    # (and a low amount: "low glucose activates AMPK" means glucose inhibits AMPK)
    ("low", "lower", "insufficient"))
#: a sentence that opens on a gerund of loss: "Inhibiting mTOR activates autophagy" reads as
#: "inhibition of mTOR activates autophagy" (the text before the match is exactly one of these)
_OPENING_LOSS = frozenset(_endings((
    "inhibiting", "blocking", "silencing", "depleting", "deleting", "knocking down", "ablating", "disrupting",
    "inactivating", "antagonizing", "antagonising")))
#: a slot that is the object of a participle after a noun: "drugs targeting BRAF inhibit ERK",
#: "mutations perturbing the IIS pathway reduce FOXO": the noun acts, not the slot (a noun is a
#: plural word or one of the agents named; not "thus", "this", "does", "whereas", "always")
_TARGETED_BEFORE = re.compile(
    r"(?:\b[a-z]{2,}(?<!thu)(?<!thi)(?<!doe)(?<!wherea)(?<!alway)(?<!perhap)s|\b(?:drug|antibody|inhibitor|mutation|"
    r"treatment|therapy|agent|compound|sirna|shrna|variant|molecule|peptide)) (?:[a-z]+ly )?(?:targeting|perturbing|"
    r"affecting|disrupting|inactivating|inhibiting|blocking|silencing|depleting|antagonizing|antagonising|"
    r"neutralizing|neutralising|against) (?:the )?$")
#: what every match of _TARGETED_BEFORE ends on
_TARGETED_ENDINGS = _endings(("targeting", "perturbing", "affecting", "disrupting", "inactivating", "inhibiting",
                              "blocking", "silencing", "depleting", "antagonizing", "antagonising", "neutralizing",
                              "neutralising", "against"))
#: a loss of the loss: "loss of inhibition of MAPK, which results in tau phosphorylation" (MAPK acts),
#: also as a verb ("inhibits TSC2, relieving the inhibition of RHEB, which activates mTORC1")
_LOSS_OF_LOSS = re.compile(r"\b(?:(?:loss|lack|absence|relief|removal|release) of|reliev(?:es|ed|ing|e)|"
                           r"remov(?:es|ed|ing|e)) (?:the )?(?:inhibition|inactivation|"
                           r"suppression|repression|blockade) of (?:the )?$")
#: a slot that ends on its loss ("PTEN loss", "cholesterol depletion", "KEAP1 knockdown")
_LOST = tuple(f"@ {word}" for word in (
    "depletion", "deficiency", "loss", "knockdown", "knock-down", "knockout", "deletion", "silencing", "ablation",
    "inhibition", "blockade", "inactivation", "downregulation", "down-regulation"))
_PREPOSITIONS = ("in", "within", "inside", "at", "from", "on", "into", "upon", "after", "during", "under", "for",
                 "among", "onto", "across", "toward", "towards", "through", "via", "with",
                 # ("Unlike TLR4, TLR3 activates TRIF": the contrasted one does not act)
                 "unlike")
_PREPOSITION_BEFORE = re.compile(r"\b(?:" + "|".join(_PREPOSITIONS) + r") (?:the )?$")
_PREPOSITION_ENDINGS = _endings(_PREPOSITIONS)  # (what _PREPOSITION_BEFORE needs)
#: the route of a flux before a slot: "Ca2+ influx through L-type VDCCs and (synaptically activated)
#: NMDARs binds CaM": the channels are no subject, the ion is (group 1: its token; group 2: the
#: first channel, when the slot is a later one)
_ROUTE_BEFORE = re.compile(r"(@\d+@) (?:influx|efflux|entry|release|uptake|flux|mobili[sz]ation) (?:through|via) (?:the )?"
                           r"(@\d+@ (?:and|or) (?:[a-z]+ )?)?$")
#: a participle right after a slot: "through a Gq coupled to PLC" (the object of "through" is its subject)
_PARTICIPLE_AFTER = re.compile(r"(?: [a-z]+)? [a-z]+ed (?:to|by|with)\b")
# (examples after "such as", "like", "including" do act: "kinases like RSK2, which phosphorylate CREB")
_MEMBER_WORDS = ("containing", "contains", "consisting of", "consists of", "composed of", "comprising", "comprises")
_MEMBERS_BEFORE = re.compile(r"\b(?:" + "|".join(_MEMBER_WORDS) + r") (?:the )?$")
_MEMBERS_ENDINGS = _endings(_MEMBER_WORDS)  # (what _MEMBERS_BEFORE needs)
#: the whole named before its parts ("the IKK complex composed of ", "complex I, which includes ")
_MEMBERS_HEAD = re.compile(r"@(\d+)@(?: [a-z-]+){0,2},? (?:which |that )?(?:is |are )?(?:containing|contains|consisting of|"
                           r"consists of|composed of|comprising|comprises|comprised of|made up of|includes|including) "
                           r"(?:the )?$")
_AGENT_BEFORE = re.compile(r"@ (?:[a-z]+ed|made|formed|released|derived)"
                           # (a place between: "LPS released into the cytoplasm by bacteria binds")
                           r"(?: (?:into|in|from|to|at|on|onto|across) (?:the )?(?:[a-z-]+|@\d+@)(?: [a-z-]+)?)?"
                           r" (?:by|via|through) (?:the )?$")
#: what the text before an agent (_AGENT_BEFORE) or an activator (_ACTIVATED_BY) ends on
_BY_ENDINGS = _endings((" by", " via", " through"))
_LICENSES_TO = re.compile(r"\b(?:allow\w*|enabl\w*|caus\w*|permit\w*|for|induc\w*|forc\w*|requir\w*|"
                          r"stimulat\w*|trigger\w*|prompt\w*|lead\w*|led|recruit\w*|(?:ability|capacity|capability) of) (?:the )?$")
_TO_VERB = re.compile(r" to (?!the |a |an |its |their |@)[a-z]")
_TO_PRODUCE = re.compile(r" to (?:form|produce|generate|yield)\b")
#: "activates GLI2, which translocates to the nucleus, where it induces CCND1": a pronoun after
#: "where" is the antecedent of the relative clause that named the place (the mover), not the
#: sentence's opening subject
_WHERE_ANTECEDENT = re.compile(r"(" + _NAME_LIST + r"),? (?:which|that) [^;]*?,? where $")
#: "releases NF-kB, allowing it to translocate": the pronoun is the entity just named; so is the
#: partner of an association a participle names ("is sensed by FLS2, inducing its oligomerization
#: with BAK1": FLS2 binds BAK1)
_LICENSED_PRONOUN = re.compile(r"(@\d+@)[^@;,]{0,60}, (?:thereby |thus )?(?:(?:enabling|allowing|permitting|causing|forcing|"
                               r"freeing) (it|them) to |(?:inducing|promoting|triggering|causing|enhancing|facilitating) "
                               r"(its) (?:homo|hetero)?(?:dimeri[sz]ation|oligomeri[sz]ation|association|interaction) with )")
#: "to <base verb>" (not "binds to another protein", "to cells")
_INFINITIVE = re.compile(r" to (?!(?:the|a|an|its|their|another|other|each|both|all|some|this|these|that|those|"
                         r"one|two|several|many|cells?|membranes?)\b)[a-z]+(?<!s)(?<!ion)(?<!ing)(?<!ed)\b")
#: the mentions that end a text ("stimulates @2@" -> "@2@"): the subject of an infinitive after them
_TRAILING_LIST = re.compile(r"@\d+@(?:(?:, |,? and |,? or |/)@\d+@)*$")
#: the subject's own verb before an infinitive ("X is required to", "X serves to")
_SUBJECT_INFINITIVE = re.compile(r" (?:(?:is|are) (?:also )?(?:required|able|necessary|sufficient|needed)"
                                 r"|(?:also )?(?:serves?|acts?|helps?|functions?))")
#: a base verb that suppresses its object (the continued infinitive is then the subject's)
_SUPPRESSING_BASE = re.compile(r"(?:inhibit|suppress|block|prevent|reduce|decrease|repress|attenuate|limit|abolish|impair|"
                               r"diminish|inactivate|antagoni[sz]e|down-?regulate|dampen|restrain|counteract|silence|"
                               r"degrade|destabili[sz]e)\b")
#: a verb that keeps its object from doing what the infinitive says ("preventing them to bind")
_KEPT_FROM = re.compile(r"\b(?:prevent|block|stop|prohibit|inhibit|hinder|imped|restrain|keep|fail)\w* (?:the )?$")
#: a caption's own verb of description after a list ("... in activating A and B is shown"): no new clause
_DESCRIBED = re.compile(r" (?:is|are) (?:also )?(?:shown|depicted|illustrated|highlighted|indicated|presented|"
                        r"summari[sz]ed|outlined|represented|denoted|drawn|boxed|colou?red|labell?ed)\b")
#: adverbs between a joint and its verb ("and then / thus / in turn activates")
_ADVERBS = frozenset(("then", "also", "thus", "therefore", "hence", "further", "in", "turn", "thereby", "subsequently"))
_PLURAL_PATHWAYS = re.compile(r"@ (?:signaling |signalling )?(?:pathways|cascades|axes)\b")
_NOMINAL_AFTER = re.compile(r" (?:nuclear |proteasomal |cytoplasmic )?(?:export|import|translocation|degradation|"
                            r"phosphorylation|dephosphorylation|ubiquitination|cleavage|expression|transcription|"
                            # "disrupts the normal sugar balance", "maintains glucose homeostasis":
                            # the state of the entity's level is acted on, not the entity
                            r"balance|homeostasis)\b")
#: a complex named after its dash-joined members ("the TLR4-MD-2-LPS complex")
_COMPLEX_AFTER = re.compile(r" (?:[a-z-]+ )?(?:complex|complexes|heterodimers?|heterotrimers?|dimers?|trimers?|oligomers?)\b")
#: a partner acting together with the name before it ("X, in complex with Y, activates Z")
_WITH_PARTNER = re.compile(r"(?<=@),? (?:in (?:a )?(?:[a-z-]+ )?complex with|complexed with|together with|along with|"
                           r"in association with|in concert with|in cooperation with|in combination with) "
                           r"(?P<list>(?:the )?@\d+@(?:(?:, |,? and )(?:the )?@\d+@)*)(?P<end>,? (?=\S)|(?=[.;:]|$))")
#: a mention right after an object ("HDAC5 nuclear export": a place read from its movement)
_PLACE_TOKEN = re.compile(r" @(\d+)@")
#: acting on a set of genes is acting on their expression
_GENES = re.compile(r"\bgenes?$")
_GENE_ENDINGS = ("gene", "genes", "gene\n", "genes\n")  # (what a match of _GENES ends on: "$" passes a final newline)
_ON_GENES = {"activates": "expresses", "inhibits": "represses"}
#: the joints a verb sharing the opening subject follows (Extractor._shared: " and <verb>",
#: " as well as ", " while ", " whilst "): a text without any has no such verb
_SHARED_JOINTS = (" and ", " as well as ", " whil")
#: the relation by object type of a rule that has none (never changed)
_NO_TYPES: dict[str, str] = {}
#: text right after a list that continues it rather than opening a clause with its last member as
#: subject: "to <verb>", and relative clauses (", which disrupts" has the whole list as antecedent)
_NOT_A_NEW_CLAUSE = (" to ", ", which", ", that", ", who", " which", " that", " who")
#: the agent list of a participle set off by commas ("X, triggered by A and B, activates Y";
#: "X, which is activated by A and B, induces Y"): the comma after the list closes the phrase,
#: so the verb after it is the head's, not a new clause with the list's last member as subject
_PARENTHETICAL_AGENT = re.compile(r"@,? (?:(?:which|that) (?:is|are|was|were) )?(?:[a-z]+ly )?(?:[a-z]+ed (?:and|or) )?"
                                  r"[a-z]+ed by (?:the )?$")
#: verbs of consequence ("..., which shares a kinase with Imd, contributes to AMP production")
_LEAD_WORDS = frozenset(("leads", "led", "results", "resulted", "contributes", "contributed", "causes", "caused"))
#: a finite or past verb after a comma in a series of verbs (", affected", ", promoted")
#: (an adverb may open the verb: "STAT, which is phosphorylated by JAK, then separates from Dome")
_VERB_SERIES = re.compile(r", (?:and )?(?:(?:then|also|subsequently|in turn|eventually|finally|further|directly) )?"
                          r"([a-z]+(?:ed|es|s))\b(?! by\b)")
_RELATIVE_VERB = re.compile(r", (?:which|that) (?:(?:then|also|in turn|thus|thereby|directly|\w+ly) )*([a-z-]+)")
#: a list whose members share one head noun ("toll-like receptor or TNF receptor activation, that
#: activates NF-kB"): a singular relative verb then agrees with that head, which all members make
_SHARED_HEAD = re.compile(r"@ (?:and|or|and/or) [^,]*@ (?:activation|stimulation|signaling|signalling|engagement)$")
#: a finite verb form that agrees with a plural antecedent only
_PLURAL_VERB = re.compile(r"are|were|have|(?!is$|was$|has$|can$|may$|might$|could$|would$|will$|should$|must$|did$|[a-z-]*ed$)"
                          r"[a-z-]*[^s]|[a-z-]*ss")
#: unnamed sets of molecules: what follows acting on them is the subject's doing
_GENERIC_OBJECT = re.compile(r"(?:(?:downstream |substrate |target |effector )?(?:target|substrate|effector)s?"
                             r"(?: proteins?| molecules?| genes?)?)")


#: an unnamed set that a quantifier counts ("phosphorylate several downstream target proteins"):
#: it names no node of its own (what the action leads to is still read, as the subject's)
_COUNTED_SET = re.compile(r"\b(?:several|many|various|multiple|numerous|a number of|a variety of|a range of)"
                          r"(?: [a-z-]+)? @(\d+)@")
#: a word every match of _COUNTED_SET holds (most sentences hold none: no regex scan then)
_COUNTED_WORDS = ("several", "many", "various", "multiple", "numerous", "number of", "variety of", "range of")


def _unnamed_set(entities: Iterable[Entity]) -> bool:
    """Whether every entity is an unnamed set of molecules ("several downstream target proteins")."""
    for entity in entities:
        if entity.type != "group" or not _GENERIC_OBJECT.fullmatch(entity.id):
            return False
    return True


#: a microRNA by id or label ("MIR21", "MIRLET7", "miR-155", "microRNA-34a")
_MICRORNA = re.compile(r"(?i)mir(?:let)?-?\d|microrna|let-?7")


def _is_microrna(entity: Entity) -> bool:
    """Whether `entity` is a microRNA (an RNA or RNA family named miR-/let-7): its "targets" is repression."""
    return entity.type in ("rna", "family") and bool(_MICRORNA.match(entity.id) or _MICRORNA.match(entity.label))


#: a later coordinated gerund that ", respectively" pairs with a second subject ("X and Y act by
#: activating A and inhibiting B, respectively": this match, ending on A, is X's)
_RESPECTIVE_LATER = re.compile(r",? and (?:by )?[a-z]+ing\b[^;.]{0,80}?,? respectively\b")


def _respective_member(text: str, end: int) -> int | None:
    """Which of two subjects a match ending at `end` belongs to when ", respectively" pairs the
    subjects with coordinated gerunds: 0 (the first) before a later gerund, 1 (the second) right
    before ", respectively"; None when nothing pairs them."""
    if "respectively" not in text:
        return None
    if _RESPECTIVELY.match(text, end):
        return 1
    return 0 if _RESPECTIVE_LATER.match(text, end) else None


_EVENT_RELATIVE = re.compile(r"(?: [a-z]+)?,? which (?:then |in turn |thus |eventually |ultimately )?(?:leads|results|contributes)\b")
#: a suppressing verb (and the nominal it takes) right before its object: "inhibits the activation of "
_SUPPRESSED_BEFORE = re.compile(r"\b(?:inhibit|block|suppress|inactivate|prevent)(?:s|es|ed|d|ing)? (?:the )?"
                                r"(?:(?:activation|activity|function) of )?(?:the )?$")
_SUPPRESSING = frozenset({"inhibits", "represses", "degrades"})
#: a list of mentions ("Dorsal and Dif", "A, B, and C", "A/B")
_LAST_LIST = re.compile(r"@\d+@(?:(?:, |,? and |,? or |,? and/or |/)@\d+@)*")
_RESPECTIVELY = re.compile(r",? respectively\b")
#: a purpose of the last member's own after a list that ends on "as well as C" (see _slot_entities)
_OWN_PURPOSE = re.compile(r",? (?:for (?:the )?(?:activation|stimulation|induction) of|(?:in order )?to (?:[a-z]+ly )?"
                          r"(?:activate|stimulate|induce|trigger|initiate|promote|drive)\b)")
_RELATIVE = re.compile(r"\b(?:which|that|who|where|whereas)\b|\bwhile\b(?! [a-z]+ing\b)")  # ("while upregulating": no clause)
_FLIPPED = {"activates": "inhibits", "inhibits": "activates", "expresses": "represses", "represses": "expresses"}
_QUESTION = re.compile(r"\b(?:whether|unclear|unknown|not known|remains? to be|open question|"
                       r"controversial|is debated)\b")
#: how an opening "This (pathway)" (Extractor._demonstrative) starts
_DEMONSTRATIVE_START = ("th", "stimulation of th", "activation of th", "engagement of th", "inhibition of th")


#: a fronted subordinate clause whose subject is no mention ("when a ligand binds to its receptor, ")
_UNNAMED_SUBORDINATE = re.compile(r"(?:when|after|once|if|because|since|although|while|whereas|before) "
                                  r"(?:(?:the|a|an) )?(?!@)[^,;@]*(?:@[^,;]*)?, ")


def _may_hold_pronoun(text: str) -> bool:
    """Literal pre-check of Extractor._pronoun: its pronoun ("it", "they", "this complex", "the
    complex", "this protein") follows a space or opens the text, and is followed by " " or ","."""
    # (the tight forms of "they" and "complex" asked only when the word is there: most texts
    # hold neither, and each scan of the text costs)
    return (" it " in text or " it," in text or "this protein" in text or text.startswith(("it ", "it,"))
            or ("they" in text and (" they " in text or " they," in text or text.startswith(("they ", "they,"))))
            or ("complex" in text and ("this complex" in text or "the complex" in text)))


def _may_open_on_class(text: str) -> bool:
    """Literal pre-check of Extractor._class_reference: its phrase opens within the first 42
    characters on one of these words."""
    head = text[:60]
    return ("these " in head or "this " in head or "those " in head or "both " in head or "the two " in head
            or "the latter " in head)


#: what every match of Extractor._object_pronoun / _contrast_pronoun (their group P after a
#: space) and of _LICENSED_PRONOUN holds: a literal-led scan, where those are two RE2 searches
_OBJECT_PRONOUN_CUE = re.compile(r" (?:it|them)\b| (?:their|its) (?:expression|transcription|activity|activation|function)\b"
                                 r"| its (?:homo|hetero)?(?:dimeri|oligomeri|association|interaction)")
_QUESTION_END = re.compile(r"; |, (?:but|however|whereas|although|yet) ")
_HEDGE = re.compile(
    r"\b(?:may|might|could|possibly|possible|likely|putative(?:ly)?|presumabl[ey]|perhaps|"
    r"potential(?:ly)?|thought to|believed to|proposed|propose[sd]?|suggest\w*|hypothe\w*|"
    r"appears? to|seems? to|speculative|probably|predicted|postulated|would)\b")
# (the same cues as RE2 patterns over the ASCII tagged bytes, where \b means the same: one DFA
# scan instead of trying every alternative at every offset)
_QUESTION_RE2 = re2.compile(_QUESTION.pattern)._regexp if FAST_RE2 else re2.compile(_QUESTION.pattern)
_HEDGE_RE2 = re2.compile(_HEDGE.pattern)._regexp if FAST_RE2 else re2.compile(_HEDGE.pattern)
_NEGATION_WORD_RE2 = re2.compile(_NEGATION_WORD)._regexp if FAST_RE2 else re2.compile(_NEGATION_WORD)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043"), "-")
_DASHES[ord("\u2192")] = " -> "
_DASHES[ord("\u00ad")] = None
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # whitespace that _SPACES would change


def _odd_space(text: str) -> bool:
    """Whether `text` holds whitespace that _SPACES would change (_ODD_SPACE matches in it).

    Every whitespace character but " " is unprintable, so a printable text without a double
    space has none; str methods say so in C at once, where the regex tries both branches at
    every offset (it was most of tag_sentence's own time)."""
    return ("  " in text or not text.isprintable()) and _ODD_SPACE.search(text) is not None


_PAREN = re.compile(r" ?[(\[]([^()\[\]]*)[)\]]")
_BRACKETED = re.compile(_PAREN.pattern[2:])  # (_PAREN without its optional space: see _sub_parentheses)
_LONE_TOKEN = re.compile(r"\s*@\d+@(?:(?:,|,? and|,? or) @\d+@)*\s*")
_FUNCTION = (r"(?:the|a|an|of|by|to|in|into|and|or|with|from|for|on|at|via|through|its|their|is|are|was|"
             r"were|be|that|which|as|both|this|these)")
_VERBISH = (r"(?:activat|inhibit|stimulat|induc|promot|bind|bound|recruit|phosphorylat|suppress|block|enhanc|"
            r"increas|decreas|reduc|produc|generat|convert|degrad|regulat|mediat|trigger|caus|lead|led|"
            r"result|form|interact|associat|requir|involv|includ|contain|compris|express|act|signal)[a-z]*")
_LONG_WORD = r" (?!" + _FUNCTION + r"\b|" + _VERBISH + r"\b)[a-z][a-z0-9'/-]*"
# (one to five words: the first written out, so that the pattern starts on a literal " " and
# re skips to the spaces instead of trying the word's lookahead at every offset)
_LONG_FORM = re.compile(_LONG_WORD + r"(?:" + _LONG_WORD + r"){0,4} \x00")
_HEAD_BEFORE_LIST = re.compile(r"@\d+@ ?\x01")
_INHIBITOR_AFTER = re.compile(r"[\s-]*(?:(?:specific|selective|small[- ]molecule|pharmacological|potent)\s+)?"
                              r"(inhibitors?|antagonists?|blockers?)\b", re.IGNORECASE)
_INHIBITOR_WORD = re.compile(r"inhibitor|antagonist|blocker", re.IGNORECASE)  # what _INHIBITOR_AFTER needs
#: the characters _INHIBITOR_WORD matches (re.IGNORECASE) whose str.lower() is not the letter
#: they match: "İ" (lowercased to two characters), "ı" (an i) and "ſ" (an s)
_ODD_CASES = ("\u0130", "\u0131", "\u017f")

#: a modified residue after its protein ("on Tyr705", "at Ser473 and Thr308", "at the Ser 9 site");
#: a ", respectively" after a list of residues pairs the subjects with the residues ("PDK1 and
#: mTORC2 phosphorylate AKT at Thr308 and Ser473, respectively"), so it goes with them: both act on AKT
_RESIDUE = re.compile(r" (?:on|at) (?:the )?(?:(?:tyr|ser|thr|lys|tyrosine|serine|threonine|lysine|[ystk])[- ]?\d+"
                      r"(?:(?:(?:/|,? and |, )(?:tyr|ser|thr|lys|[ystk])?[- ]?\d+)+(?: residues?| sites?)?,? respectively"
                      r"(?=[,;.)]|$)|(?:(?:/|,? and |, )(?:tyr|ser|thr|lys|[ystk])?[- ]?\d+)*(?: residues?| sites?)?(?=[ ,;.)]|$)))")

#: canonical ids of compartment words (group nodes)
COMPARTMENTS: dict[str, str] = {
    "nuclei": "nucleus", "mitochondrion": "mitochondria", "endosomes": "endosome",
    "lysosomes": "lysosome", "peroxisomes": "peroxisome", "chloroplasts": "chloroplast",
    "golgi apparatus": "golgi", "cell surface": "plasma membrane", "membrane": "plasma membrane",
}


#: group ids that name places (things move there; they never act)
PLACES = frozenset(COMPARTMENTS.values()) | {
    "nucleus", "cytoplasm", "cytosol", "plasma membrane", "cell membrane", "mitochondria", "endosome",
    "lysosome", "endoplasmic reticulum", "golgi", "peroxisome", "vacuole", "chloroplast", "extracellular space"}


class _Tagged:
    """One sentence ready for matching: tagged text and what each token stands for.

    The text is ASCII, so `raw` (its bytes, which RE2 matches without re-encoding the text on
    every call) and `text` share offsets. `question`/`hedge` are the first offsets of an
    open-question or hedging cue (len(text) + 1 when there is none), found once per sentence.
    `items` holds the slot readings of Extractor._items by slot text: rules that match the same
    sentence often share slots, and a sentence's virtual texts (Extractor.extract) share its own.
    (A class with slots, not a dataclass: one is made per sentence and per virtual text.)
    """

    __slots__ = ("text", "tokens", "derived", "raw", "subject", "subject_for", "items",
                 "_question", "_hedge", "_negation")

    def __init__(self, text: str, tokens: list[tuple[Entity, ...]],
                 derived: list[tuple[Entity, Entity]] | None = None,
                 items: dict[tuple[str, int], list[tuple[list[int], bool]]] | None = None) -> None:
        """`derived`: (inhibitor, target) pairs; `items`: the readings to share (default: new)."""
        self.tokens = tokens
        self.derived = [] if derived is None else derived
        self.subject: tuple[int, int] | None = None  # span of the opening subject (cached)
        self.subject_for: str | None = None  # the text `subject` was found in
        self.items = {} if items is None else items
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Replace the text and refresh what is derived from it."""
        self.text = text
        self.raw = text.encode("ascii")
        # the cues are found when a match is first judged (most sentences match no rule)
        self._question: int | None = None
        self._hedge: int | None = None
        self._negation: int | None = None

    def new_token(self, entities: tuple[Entity, ...]) -> str:
        """Add a token that stands for `entities` and return its text (``@<n>@``)."""
        self.tokens.append(entities)
        return f"@{len(self.tokens) - 1}@"

    def replace(self, start: int, end: int, entities: tuple[Entity, ...]) -> None:
        """Put a new token for `entities` in place of ``text[start:end]`` (a resolved reference)."""
        self.set_text(self.text[:start] + self.new_token(entities) + self.text[end:])

    @property
    def question(self) -> int:
        """Offset of the first open-question cue (len(text) + 1 when there is none)."""
        if self._question is None:
            self._question = _first_cue(_QUESTION_RE2, self.raw)
        return self._question

    @property
    def negation(self) -> int:
        """Offset of the first word a negation needs (_NEGATION_WORD; len(text) + 1 when there is none)."""
        if self._negation is None:
            self._negation = _first_cue(_NEGATION_WORD_RE2, self.raw)
        return self._negation

    @property
    def hedge(self) -> int:
        """Offset of the first hedging cue (len(text) + 1 when there is none)."""
        if self._hedge is None:
            self._hedge = _first_cue(_HEDGE_RE2, self.raw)
        return self._hedge


def _first_cue(regexp, raw: bytes) -> int:
    """Start of the first match of an RE2 pattern in `raw`, or len(raw) + 1."""
    if not FAST_RE2:
        match = regexp.search(raw)
        return match.start() if match is not None else len(raw) + 1
    start = regexp.Match(_UNANCHORED, raw, 0, len(raw))[0][0]
    return start if start >= 0 else len(raw) + 1


class _Candidate(NamedTuple):
    """A statement before conflicts between rules are resolved (a named tuple: thousands are
    made per caption, and a frozen dataclass is slow to build)."""

    subject: Entity
    relation: str
    object: Entity
    rule: str
    priority: int
    span: tuple[int, int]
    hedged: bool


#: how Extractor.resolve orders candidates (after priority, highest first)
_CANDIDATE_ORDER = attrgetter("span", "rule", "subject.id", "object.id")
_PRIORITY = attrgetter("priority")
#: how Extractor.extract orders mentions
_MENTION_ORDER = attrgetter("start", "end")


def _fold(text: str) -> str:
    """Lowercase, fold dashes and arrows, collapse whitespace, make ASCII (between mentions only)."""
    if text.isascii():  # the common case: no dash, arrow or Greek letter to fold
        text = text.lower()
        return _SPACES.sub(" ", text) if _odd_space(text) else text
    text = _SPACES.sub(" ", text.translate(_DASHES).lower())
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        ch = GREEK.get(ch, ch)
        folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        out.append(folded if folded else "_")
    return "".join(out)


def _inhibitor_entity(target: Entity, surface: str) -> Entity:
    """The chemical node of an inhibitor named for its target ("JAK2 inhibitor")."""
    return Entity(id=f"{target.id} inhibitor", label=f"{surface} inhibitor", type="chemical")


#: what an inhibitor class can be named for, and a protein that can be named as that inhibitor
_PROTEIN_TYPES = ("gene", "family", "complex")


def _named_after(mentions: list[Mention], k: int, original: str, pos: int, end: int) -> Mention | None:
    """The protein mention that directly follows original[pos] (spaces between only), from
    mentions[k] on: what an "X inhibitor" just before it names ("the NF-kB inhibitor IkBa",
    not "the JAK2 inhibitor ruxolitinib", a chemical, nor "JAK2 inhibitors and STAT3")."""
    for mention in mentions[k:]:
        if mention.start < pos or not mention.entities:
            continue
        if (mention.end <= end and original[pos:mention.start].isspace()
                and all(e.type in _PROTEIN_TYPES for e in mention.entities)):
            return mention
        return None
    return None


def tag_sentence(original: str, span: tuple[int, int], mentions: list[Mention]) -> _Tagged:
    """Build the tagged sentence of original[span] given the mentions inside it (sorted)."""
    start, end = span
    parts: list[str] = []
    tokens: list[tuple[Entity, ...]] = []
    derived: list[tuple[Entity, Entity]] = []
    pos = start
    # an ASCII sentence (the common case) is lowercased once as a whole below: per gap, _fold
    # would only lowercase it and collapse whitespace runs, which never cross a token
    sentence = original[start:end]
    plain = sentence.isascii()
    fold = str if plain else _fold
    # "<X> inhibitor" needs one of these words: most sentences have none (ignoring case is
    # lowercasing, but for the few letters that re's IGNORECASE also matches otherwise)
    low = sentence.lower()
    inhibitors = "inhibitor" in low or "antagonist" in low or "blocker" in low
    if not inhibitors and not plain and any([ch in sentence for ch in _ODD_CASES]):
        inhibitors = _INHIBITOR_WORD.search(original, start, end) is not None
    for k, mention in enumerate(mentions):
        if mention.start < pos or mention.end > end or not mention.entities:
            continue
        parts.append(fold(original[pos:mention.start]))
        pos = mention.end
        entities = mention.entities
        inhibitor = _INHIBITOR_AFTER.match(original, mention.end, end) if inhibitors else None
        if inhibitor and any(e.type == "chemical" for e in entities):
            inhibitor = None  # ("the JAK2 inhibitor" of a drug mention: the recogniser made it)
        if inhibitors:
            # "the NF-kB inhibitor IkBa", "the CDK inhibitor p21": the protein named next is the
            # inhibitor (of what the class names), and the phrase reads as that protein alone
            if inhibitor:
                targets, after = entities, inhibitor.end()
            else:
                targets = tuple(t for e in entities if e.type == "chemical" for t in e.members
                                if t.type in _PROTEIN_TYPES)
                after = mention.end
            named = _named_after(mentions, k + 1, original, after, end) if targets else None
            if named is not None:
                derived.extend((inh, target) for inh in named.entities for target in targets)
                pos = named.start
                continue
        if inhibitor:
            made = tuple(_inhibitor_entity(e, mention.text) for e in entities)
            derived.extend(zip(made, entities))
            entities = made
            pos = inhibitor.end()
        for entity in entities:
            if entity.type == "chemical" and entity.members and entity.members[0].type in _PROTEIN_TYPES:
                # the recogniser already made "JAK2 inhibitors" (and "the JAK2 inhibitor
                # ruxolitinib", "PD-1/PD-L1 blockade") a chemical whose member is JAK2
                derived.extend((entity, target) for target in entity.members)
        parts.append(f"@{len(tokens)}@")
        tokens.append(entities)
    parts.append(fold(original[pos:end]))
    text = "".join(parts)
    settled = None  # a text known to hold no whitespace that _SPACES would change
    if plain:
        text = text.lower()
        if _odd_space(text):
            text = _SPACES.sub(" ", text)
        settled = text
    if " at " in text or " on " in text:
        # "phosphorylates STAT3 on Tyr705, which dimerizes": a residue names where, not what
        text = _RESIDUE.sub("", text)
    text = _drop_parentheses(text, tokens)
    if text != settled and _odd_space(text):  # (else collapsing whitespace changes nothing)
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if "@:@" in text:
        # "BMAL1:CLOCK", "the PER:CRY complex": two names joined by a colon (no space) are the
        # notation of a complex, never a cascade: read as the dash pair ("TRAM-TRIF") is
        text = text.replace("@:@", "@-@")
    if ", @" in text and "@, " in text and (text.startswith(_APPOSED_START) or "; " in text or ": " in text):
        # "The NF-kB protein for the Imd pathway, Relish, activates ...": a descriptive noun
        # phrase (no entity) with the name apposed to it is that name
        # (an "anti-X antibody, name," keeps its words: they say what the name inhibits)
        text = _APPOSED_NAME.sub(lambda m: m.group(0) if "anti-" in m.group(0) else f"{m.group(1)}{m.group(2)} ", text)
    if "s @" in text or "kinase @" in text or "member @" in text:
        # "NF-kB proteins Dorsal and Dif", "the MAPKs kinases ERK and p38": a category named
        # before its members stands for them (each form ends on one of those words before a token)
        text = _CATEGORY_BEFORE_MEMBERS.sub("", text)
    if "two @" in text or "three @" in text:
        # "expresses two ADP receptors, P2Y1 and P2Y12, which couple to Gq and Gi, respectively":
        # a counted class named before its members stands for them
        text = _COUNTED_CLASS.sub(lambda m: m.group(1) if tokens[int(m.group(2)[1:-1])][0].type in ("family", "complex", "group")
                                  else m.group(0), text)
    if ", not @" in text or ", but not @" in text:
        text = _CONTRASTED_ASIDE.sub(lambda m: "," if m.group(1) in _CLAUSE_AFTER_ASIDE else "", text)
    if "ory interaction" in text or "al interaction" in text:
        # "the mutual and self-regulatory interactions between NANOG, OCT4 and FGF4": a network's
        # regulatory (functional, genetic) interactions are no binding of its members
        text = _NOT_BINDING_INTERACTION.sub(r"\1 relation", text)
    if "@, a " in text or "@, an " in text:
        # "Parkin, an E3 ubiquitin ligase, is activated by PINK1": a description apposed after a
        # name (no name in it) reads as if it were not there, its closing comma too unless a
        # clause follows ("Parkin, an E3 ligase, which is activated by PINK1")
        text = _APPOSED_DESCRIPTION.sub(lambda m: m.group(1) + ("," if m.group(2) in _CLAUSE_AFTER_ASIDE else ""), text)
    before_examples = text
    if " including " in text or " such as " in text:
        # "ZAP-70 phosphorylates adaptor proteins, including LAT and SLP-76": a plural class
        # after a verb, with its named examples, stands for them (as "kinases such as JNK" does)
        text = _CLASS_WITH_EXAMPLES.sub(r"\1", text)
    if "@-" in text and (" genes such as @" in text or " genes, such as @" in text or " genes including @" in text
                         or " genes, including @" in text):
        text = _ELEMENT_GENES_WITH_EXAMPLES.sub(
            lambda m: m.group(1) if all(e.type == "group" for e in tokens[int(m.group(2))]) else m.group(0), text)
    if "@ such as @" in text or "@, such as @" in text or "@ including @" in text or "@, including @" in text:
        text = _SET_WITH_EXAMPLES.sub(lambda m: m.group(1) if _unnamed_set(tokens[int(m.group(2))]) else m.group(0), text)
    if "(e.g." in text:
        # "phosphorylation of various target proteins (e.g., RyR, PLB and TnI)": the examples in
        # parentheses after an unnamed set are what is named
        text = _SET_EXAMPLES_IN_PARENTHESES.sub(lambda m: m.group(2) if _unnamed_set(tokens[int(m.group(1))]) else m.group(0), text)
    if text.startswith("@") and "@, " in text and text != before_examples:
        # "Cytokines, such as IL-6 and IL-11, activate STAT3": once the opening class stands for its
        # examples, the comma that closed them parts the subject from its verb; it goes (unless a
        # clause follows it: "..., which")
        text = _OPENING_LIST_COMMA.sub(lambda m: m.group(0) if m.group(2) in _CLAUSE_AFTER_ASIDE else m.group(1), text)
    if text.startswith("@") and ", as well as " in text:
        # "p16, as well as the p53 and p21 proteins, inhibit CDK4": the closing comma parted the
        # subject from its verb (unless a clause follows it: "..., which")
        text = _OPENING_AS_WELL_AS.sub(lambda m: m.group(0) if m.group(2) in _CLAUSE_AFTER_ASIDE else m.group(1), text)
    return _Tagged(text, tokens, derived)


def _drop_parentheses(text: str, tokens: list[tuple[Entity, ...]]) -> str:
    """Remove parentheses that add no entity: citations, panel labels, abbreviation echoes."""
    def keep_or_drop(start: int, end: int, inside: str) -> str:
        """What replaces the parenthesis text[start:end] (a space before it included) holding `inside`."""
        if "@" not in inside:
            return ""  # (no token: a citation, a panel label)
        inner = [int(t) for t in _TOKEN.findall(inside)]
        if not inner:
            return ""
        if _LONE_TOKEN.fullmatch(inside):
            if not text.endswith("@", 0, start):
                return " \x00" + inside.strip()  # an abbreviation after an unknown long form
            if len(inner) > 1:
                return " \x01" + inside.strip()  # "P450 enzymes (CYP11B1, CYP17)": the members
        before = _TOKEN.findall(text, 0, start)
        if before:
            # the mention just before, or all of a chain just before ("PI3K/AKT/mTOR (PI3K,
            # phosphoinositide 3-kinase; AKT, ...)": a legend of the chain's own members)
            run = _CHAIN_BEFORE.search(text, 0, start) if text.endswith(_CHAIN_ENDINGS, 0, start) else None
            names = _TOKEN.findall(run.group()) if run is not None else before[-1:]
            prev = {e.id for t in names for e in tokens[int(t)]}
            if all({e.id for e in tokens[i]} <= prev for i in inner):
                return ""
        return text[start:end]

    if "(" not in text and "[" not in text:
        return text

    def chain_for_long_form(match: re.Match[str]) -> str:
        first = _TOKEN.match(match.group(2))
        same = {e.id for e in tokens[int(match.group(1)[1:-1])]} == {e.id for e in tokens[int(first.group(1))]}
        return match.group(2) if same else match.group(0)

    # "the phosphatidylinositol-3-kinase (PI3K/AKT) pathway": the chain stands for the name
    if "@ (@" in text:
        text = _NAME_THEN_CHAIN.sub(chain_for_long_form, text)
    for _ in range(3):  # nested parentheses, innermost first
        new = _sub_parentheses(text, keep_or_drop)
        if new == text:
            break
        text = new
        if "(" not in text and "[" not in text:
            break  # (another pass would find nothing)
    if "\x00" in text:
        # the unknown long form before a known abbreviation goes: "a stimulatory g protein @1@" -> "a @1@"
        # after a mention the dropped words were a head noun ("AMP genes (bomanin, ...)"): keep a list
        text = _LONG_FORM.sub(lambda m: " \x01" if m.string[m.start() - 1:m.start()] == "@" else " ",
                              text).replace("\x00", "")
    if "\x01" in text:
        # a list apposed to a category mention stands for it: "AMP genes (bomanin, ...)" -> the members
        text = _HEAD_BEFORE_LIST.sub("", text).replace("\x01", "")
    return text


def _sub_parentheses(text: str, replace: Callable[[int, int, str], str]) -> str:
    """``_PAREN.sub`` with `replace(start, end, inside)` for each match (its span and group 1).

    A match of _PAREN is a match of _BRACKETED with the space before it when there is one that
    no earlier match took: the bracket opens every match, so re skips to the brackets instead of
    trying the optional space at every offset.
    """
    parts: list[str] = []
    last = 0
    for match in _BRACKETED.finditer(text):
        start, end = match.span()
        if start > last and text[start - 1] == " ":
            start -= 1
        parts.append(text[last:start])
        parts.append(replace(start, end, match.group(1)))
        last = end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


class Extractor:
    """Compiled rules plus the helpers that read matches; build once, call many times."""

    def __init__(self, rules: tuple[Rule, ...] | None = None) -> None:
        """Use `rules` (default: the packaged rules, compiled once per process)."""
        self.rules = rules if rules is not None else default_rules()
        self.primary = [r for r in self.rules if not r.anchor]
        self.extensions = [r for r in self.rules if r.anchor == "after"]
        self._supersedes = {r.id: frozenset(r.supersedes) for r in self.rules if r.supersedes}
        # an RE2 filter per kind (FilteredRE2): the literal atoms every pattern needs are looked
        # up once per sentence, the patterns that can match run in C++, and only those that do
        # match come back to Python (most sentences hold words of many rules but match few);
        # matching then reuses the filter's own compiled patterns and their warm DFAs
        # The primary filter holds each pattern's screening form (rules.screening_source): its
        # entity lists loosened to character runs, so the automata that reject most sentences
        # are small; what it passes is matched by the pattern itself in _run (no match: nothing)
        screens = [screening_source(src) for r in self.primary for src in r.sources]
        self._primary_set, _ = _regex_filter(screens)
        # the same screening forms without capture groups, asked before each further search of a
        # pattern in a sentence (after its first match): most find nothing more, and the small
        # automaton says so for a third of the cost of the full pattern's (no groups: no NFA)
        self._screens = [_Pattern(re2.compile(_group_free(src), _OPTIONS)) for src in screens]
        self._ext_set, ext_rx = _regex_filter([src for r in self.extensions for src in r.sources])
        ext_pairs = [(r, rx) for r in self.extensions for rx in r.regexes]
        self._primary_alts = [(r, _Pattern(rx, r.groups(rx)), r.groups(rx)) for r in self.primary for rx in r.regexes]
        self._ext_alts = [(r, _Pattern(fast, r.groups(rx)), r.groups(rx)) for (r, rx), fast in zip(ext_pairs, ext_rx)]
        self._extension_ids = frozenset(r.id for r in self.extensions)
        self._products = load_products()
        # extensions whose activates stands beside the binds of the match they extend (rule key)
        self._adds_to_binding = frozenset(r.id for r in self.extensions if r.adds_to_binding)
        self._adds_effect = frozenset(r.id for r in self.extensions if r.adds_effect)
        macros = load_macros(RULES_DIR)
        # only a ligand acts through the receptor it binds (see _receptor_acts)
        self._ligand_ids = re.compile(r"(?:" + macros["LIGAND_ID"] + r")", re.IGNORECASE)
        # a receptor's signaling, like a ligand's, is upstream of what mediates it (ligand_object_acts)
        self._receptor_ids = re.compile(r"(?:" + macros["RECEPTOR_ID"] + r")", re.IGNORECASE)
        # a {GAP} may not hold these words (see _macros.yaml)
        self._place_word = re.compile(r"\b(?:nuclear|" + macros["COMPARTMENT"] + r")\b")
        # (a checked group NAME uses the macro NAMESTOP when there is one, else GAPSTOP)
        self._gap_stop = {name: re.compile(r"(?:^| )(?:" + macros.get(f"{name}STOP", macros.get("GAPSTOP", "(?!)"))
                                           + r")(?= |$)") for name in CHECKED_GROUPS}
        verbs = "|".join(f"{{{name}}}" for name in sorted(macros) if name.startswith("V_"))
        clause, _ = expand(r"(?:,)? (?:{ADV})?(?:{BE}|have|has|" + verbs + r")\b", macros)
        # after a list ends: does a new clause start ("X activates Y and Z inhibits W")?
        self._clause = re2.compile(clause, _OPTIONS)
        # the subject that opens a sentence, for pronouns and for verbs that share it
        subject, _ = expand(r"^(?:(?:in addition|moreover|furthermore|then|next|finally|however|thus|"
                            r"here|subsequently|eventually|similarly|alternatively|additionally|"
                            r"conversely|in turn|in contrast|upon \w+|once \w+)(?:,)? )?"
                            # a fronted phrase holds a word ("In @0@ cells, "), unlike the first
                            # member of the subject list ("@0@, @1@ and @2@ activate"); a second
                            # one opens on a preposition ("In anthers, during HT stress, ROS ...")
                            # (a fronted phrase may end on a list of examples: "In response to stimuli
                            # such as TNF, IL-1 or LPS, the IKKb subunit is activated")
                            r"(?:(?:[^,]{0,60}[a-z][a-z] (?:such as|including) {TOK}(?:, {TOK})*,? (?:and|or) {TOK}"
                            r"|[^,]{0,60}[a-z][a-z][^,]{0,60}), (?:(?:in|during|under|upon|after|following|when|while|"
                            r"once|with|without|at|on|through|by|for|within|from|as|because|since|although|if|before)"
                            r" [^,]{1,60}, )?)?(?P<S>{LIST})"
                            # (an agent after a nominal subject: "Activation of the cAMP pathway by the
                            # b-AR leads to inhibition of PLC and thereby prevents ...": the pathway acts;
                            # a plural subject's base verb of assembly, "The STATs dimerize and translocate")
                            r"(?:,)? (?:(?:by|via|through) (?:the )?{TOK} )?(?:(?:from|in|of|at|on|within|inside) (?:{PGAP})??)?(?:{ADV})?(?:{BE} )?(?:{ADV})?(?:" + verbs + r"|{N_ACT}|{LEAD}|[a-z]+(?:s|ed|i[sz]e)"
                            # (a base verb after a modal: "X may remove this signal and stimulate Y")
                            r"|(?:can|may|might|could|would|will|should|must) (?:{ADV})?[a-z]+)\b", macros)
        self._subject = re2.compile(subject, _OPTIONS)
        # a shared-subject verb: "X binds Y and (then) activates Z"
        # (also a passive: "glucose is imported and can either be converted to glycogen")
        # ("as well as / while" too: "HO-1 inhibits X ... as well as catalyzing the breakdown of heme")
        shared, _ = expand(r" (?:and|as well as|while|whilst) (?P<V>(?:{ADV})?(?:(?:{BE}|gets|get) (?:{ADV})?)?(?:"
                           + verbs + r"|converted|metaboli[sz]ed|oxidi[sz]ed|hydroly[sz]ed|processed|transformed|cleaved|"
                           r"catalyz(?:es|ing)|catalys(?:es|ing)|"
                           # (a role: "are also activated, and serve as an internal control to diminish Z")
                           r"(?:acts?|serves?|functions?) as))\b", macros)
        self._shared = re2.compile(shared, _OPTIONS)
        # a verb after a comma that shares the opening subject: "ROS reduces A, disrupts B and
        # promotes C", "Nrf2 is bound to Keap1, gets ubiquitinated through Keap1" (a finite -s
        # verb or a passive; a bare participle ", activated by" belongs to the noun before it)
        shared_comma, _ = expand(r", (?:or |and )?(?:{ADV})?(?P<V>(?:{BE}|gets|get) (?:{ADV})?(?:" + verbs + r")|(?:"
                                 + verbs + r"))\b", macros)
        self._shared_comma = re2.compile(shared_comma, _OPTIONS)
        # (the two without their group, for asking whether either occurs: no submatch to extract)
        self._shared_any = re2.compile(_group_free(shared), _OPTIONS)
        self._shared_comma_any = re2.compile(_group_free(shared_comma), _OPTIONS)
        verb_word, _ = expand(r"(?:" + verbs + r")", macros)
        self._verb_word = re2.compile(verb_word, _OPTIONS)
        # the subject of a later clause whose verbs it shares: "..., whereas SOCS3 binds to gp130
        # and inhibits STAT3" (the opening subject's verbs are read by shared_subject_texts)
        later, _ = expand(r"(?:; |, (?:whereas|while|whilst|but|and|although) )(?:(?:then|in turn|also),? )?"
                          r"(?P<S>{LIST})(?:,)? (?:{ADV})?(?:" + verbs + r")\b", macros)
        self._later_subject = re2.compile(later, _OPTIONS)
        # (also after "or / as / because / since / once / until": "..., or it can be translocated
        # into the mitochondria", "as it promotes the dephosphorylation of PIP3")
        pronoun, _ = expand(r"(?:^|, |; |: | and |where |when |which |whereupon |then |, where |, when |"
                            r" (?:or|as|because|since|once|until) )"
                            r"(?P<P>it|they|this complex|the complex|this protein)(?:,)? (?:{ADV})?(?:"
                            r"{BE} |have |has )?(?:{ADV})?(?:" + verbs + r"|(?:acts?|functions?|serves?) as)\b", macros)
        self._pronoun = re2.compile(pronoun, _OPTIONS)
        # a sentence that opens on "This (pathway) leads to / activates ..." continues the last one
        # ("this process / event / response" names what happened, not an entity)
        demonstrative, _ = expand(r"^(?:(?:stimulation|activation|engagement|inhibition) of )?(?P<P>this|these|"
                                  r"this (?:pathway|signaling|signalling|cascade|interaction|binding|activation|"
                                  r"complex)|these (?:events|signals|interactions))(?:,)? (?:in turn )?(?:{ADV})?(?:{BE} "
                                  r"|have |has )?(?:{ADV})?(?:" + verbs + r"|{LEAD})\b", macros)
        self._demonstrative = re2.compile(demonstrative, _OPTIONS)
        # "These transcription factors bind ...", "This kinase phosphorylates ...": a class noun
        # after this/these names what the sentence before ended on (its last list, its last entity)
        kinds = (r"(?:proteins?|factors?|kinases?|receptors?|enzymes?|molecules?|adaptors?|adapters?|ligands?|"
                 r"cytokines?|hormones?|regulators?|effectors?|mediators?|messengers?|phosphatases?|gtpases?|"
                 r"subunits?|isoforms?|genes?|activators?|repressors?|sensors?|signals?)")
        reference, _ = expand(r"^(?:[^,@]{0,40}, )?(?P<P>(?:these|those|both|the two|this|the latter) (?:[a-z-]+ ){0,2}"
                              + kinds + r")(?:,)? (?:in turn )?(?:{ADV})?(?:{BE} |have |has )?(?:{ADV})?(?:"
                              + verbs + r"|{LEAD})\b", macros)
        self._class_reference = re2.compile(reference, _OPTIONS)
        # "AKT phosphorylates GSK3b and inactivates it": an object pronoun of a coordinated verb is
        # the object of the verb before (not after "sequesters / targets it", which rules read);
        # so is a possessive before the object's activity ("BIN2 phosphorylates BZR1 and inhibits
        # its activity")
        acting = "|".join(f"{{{name}}}" for name in ("V_ACT", "V_INH", "V_PHOS", "V_DEPHOS", "V_DEG", "V_REPR"))
        # ("binds to the SOCS3 gene and activates its transcription": the gene's transcription)
        object_pronoun, _ = expand(r"(?P<O>" + _NAME_LIST + r")(?: [a-z0-9-]+){0,3} and (?:{ADV})?(?:" + acting + r") "
                                   r"(?P<P>it|them|(?:their|its) (?:expression|transcription|activity|activation|function))\b",
                                   macros)
        self._object_pronoun = re2.compile(object_pronoun, _OPTIONS)
        # "Ed promotes Hippo activity while Jub and Zyx inhibit it": "it" after a contrasting
        # clause is the object of the clause before
        # ("... represses the expression of A and B while cytokinin promotes their expression")
        contrast_pronoun, _ = expand(r"(?P<O>" + _NAME_LIST + r")(?: [a-z-]+){0,2},? (?:while|whereas|but|"
                                     r"and conversely) [^,;.]{1,80}? (?:{ADV})?(?:" + acting + r") "
                                     r"(?P<P>it|them|(?:their|its) (?:expression|transcription|activity|activation|function))\b",
                                     macros)
        self._contrast_pronoun = re2.compile(contrast_pronoun, _OPTIONS)
        # every helper pattern above: group numbers read once, matched without the wrapper's generator
        for name, value in list(vars(self).items()):
            if FAST_RE2 and type(value) is re2._Regexp:
                setattr(self, name, _Helper.of(value))

    # -- reading slots ------------------------------------------------------------------
    @staticmethod
    def _items(slot_text: str, tokens: list[tuple[Entity, ...]], end: int | None = None) -> list[tuple[list[int], bool]]:
        """The items of a slot: (token indexes, is-a-named-pathway) per coordinated member.

        `slot_text` may carry a little of the text after the slot (up to `end` is the slot),
        so that a modifier right after it ("X-bound") is seen.
        """
        out = []
        # "both Ras-MAPK and CaMKIV pathways": a plural pathway word after the list names each
        # member (asked at the first item of several tokens: a single token reads the same)
        plural = None
        limit = len(slot_text) if end is None else end
        # (most slots are one token, the one item _ITEM would find: no scanner needed)
        whole = _TOKEN.fullmatch(slot_text, 0, limit)
        for match in (whole,) if whole is not None else _ITEM.finditer(slot_text, 0, limit):
            item_start, item_end = match.span()
            # (what may follow an item and change its reading starts with "-" or " ": the
            # modifiers with "-", the part and class words with " ")
            after = slot_text[item_end:item_end + 1]
            modifier = _MODIFIER_AFTER.match(slot_text, item_end) if after == "-" else None
            if modifier is not None and (
                    (modifier.group() in ("-dependent", "-mediated") and _ITS_PATHWAY.match(slot_text, modifier.end()))
                    or (modifier.group() == "-coupled" and _RECEPTORS.match(slot_text, modifier.end()))):
                # "the MyD88-dependent pathway" is MyD88's pathway, "Gi-coupled receptors"
                # act through Gi: the entity acts
                modifier = None
            if modifier is not None or slot_text.endswith(_NOT_ITSELF, 0, item_start):
                continue  # "Ca2+/CaM-bound CaMKIV", "Gq-mediated activation of", "anti-IL-6R": not the entity
            if after == " " and slot_text.startswith(_PART_WORDS, item_end):
                if _PART_OF.match(slot_text, item_end):
                    continue  # "the Raptor subunit of mTORC1": the whole is named next
                if _CLASS_OF_NEXT.match(slot_text, item_end):
                    continue  # "the PI3K isoform p110a": the isoform is named next
            item = match.group(0)
            if item.count("@") == 2:  # one token (most items): no chain to read
                out.append(([int(item[1:-1])], False))
                continue
            idx = [int(t) for t in _TOKEN.findall(item)]
            if plural is None:
                plural = _PLURAL_PATHWAYS.search(slot_text) is not None
            if "-" not in item and not plural and _COMPLEX_AFTER.match(slot_text, item_end):
                # "the CARD9/Malt1/Bcl10 complex activates": a complex named after its members is
                # one node, the member that names it first (the members' binding is bind.named_complex)
                out.append((idx[:1], False))
                continue
            # "X/Y/Z pathway" and a bare "FGF/FGFR" read as a chain; "TIRAP-MyD88" as a pair acting together
            # (three or more joined by dashes are a cascade unless a complex is named: "PKC-Raf-MEK-MAPK")
            chain = (plural or bool(_PATHWAY_AFTER.match(slot_text, item_end)) or "-" not in item
                     or (len(idx) > 2 and not _COMPLEX_AFTER.match(slot_text, item_end)))
            if chain and "/" in item and not any(_chain_link(tokens[x][0], tokens[y][0]) for x, y in zip(idx, idx[1:])):
                # "the TORC1/TORC2 pathway stimulates translation": paralogs (or processes) side
                # by side are no cascade, each of them acts (as _chain_link makes no edge between them)
                chain = False
            out.append((idx, chain and len(idx) > 1))
        return out

    @staticmethod
    def _view(items: list[tuple[list[int], bool]], role: str) -> list[int]:
        """Token indexes a slot contributes as a source or a target.

        A named pathway "X/Y/Z pathway" acts through its last member and is acted on
        through its first; a plain "X-Y" (a complex or pair) acts as all its members.
        """
        out: list[int] = []
        for idx, pathway in items:
            if pathway:
                out.append(idx[-1] if role == "source" else idx[0])
            else:
                out.extend(idx)
        return out

    @staticmethod
    def _entity_views(items: list[tuple[list[int], bool]], tokens: list[tuple[Entity, ...]]) -> dict[str, list[Entity]]:
        """The entities a slot's items contribute as a source and as a target (see _view)."""
        if len(items) == 1 and not items[0][1]:  # (most slots: one item that is no named pathway)
            entities = [ent for i in items[0][0] for ent in tokens[i]]
            return {"source": entities, "target": list(entities)}
        if not any([pathway for _, pathway in items]):  # (the common case: both views are every token)
            entities = [ent for idx, _ in items for i in idx for ent in tokens[i]]
            return {"source": entities, "target": list(entities)}
        return {role: [ent for i in Extractor._view(items, role) for ent in tokens[i]] for role in ("source", "target")}

    def _slot_entities(self, rule: Rule, regex, match, tagged: _Tagged,
                       groups: list[tuple[str, int]]) -> dict[str, object]:
        """Read every slot of a match into entities (lists) or token sequences (CHAIN/ALL)."""
        values: dict[str, object] = {}
        text = tagged.text
        spans = match.spans
        match_end = spans[0][1]
        for name, g in groups:
            s, e = spans[g]
            if s < 0:
                continue
            slot_text = text[s:e]
            if name == "LOC":
                token = _TOKEN.search(slot_text)
                if token and not any(e.type == "group" and e.id in PLACES for e in tagged.tokens[int(token.group(1))]):
                    return {}  # only a place (a group node) is somewhere to move to
                if token:
                    values[name] = {"source": list(tagged.tokens[int(token.group(1))]),
                                    "target": list(tagged.tokens[int(token.group(1))])}
                else:
                    word = re.sub(r"^(?:the )?(?:cell )?", "", slot_text).strip()
                    if slot_text.strip().startswith(("cell membrane", "the cell membrane")):
                        word = "cell membrane"
                    word = COMPARTMENTS.get(word, word)
                    entity = Entity(id=word, label=word, type="group")
                    values[name] = {"source": [entity], "target": [entity]}
                continue
            if name == "ALL" and " or " in slot_text:
                values[name] = []  # "binding of IGF-1 or insulin": alternatives, not partners
                continue
            if name in _SEQUENCES:
                # (a part named "of" its whole is no member of the list: "the p85 subunit of PI3K")
                values[name] = [int(t.group(1)) for t in _TOKEN.finditer(slot_text)
                                if not _PART_OF.match(slot_text, t.end())]
                continue
            if name == "A" and ", " in slot_text and _FRONTED.match(text, 0, s):
                # "In response to AMP, AMPK inhibits": the list's head belongs to the fronted phrase
                slot_text = slot_text[slot_text.index(", ") + 2:]
            elif (name != "A" and e == match_end and ", " in slot_text and _FRONTED.match(text, 0, s)
                  and _search(self._clause, tagged.raw, e, anchored=True) is not None):
                # "Upon TNF binding to TNFR1, the IKK complex (IKK1, IKK2 and NEMO) becomes
                # activated": a list that runs from a fronted phrase into a new clause ends at the
                # phrase's comma; what follows is the main clause's subject
                cut = slot_text.index(", ")
                e -= len(slot_text) - cut
                slot_text = slot_text[:cut]
            elif (name == "B" and rule.relation == "binds" and " of " in slot_text
                  and (event := _EVENT_AFTER_PARTNERS.search(slot_text)) is not None):
                # "GRB2 interaction with Shc proteins and activation of MAPK": an event after the
                # partners is no partner (the list reads "activation of X" as X for other relations)
                cut = event.start()
                e -= len(slot_text) - cut
                slot_text = slot_text[:cut]
            elif name == "A" and e < match_end and _TWO_WITH_SERIAL_COMMA.fullmatch(slot_text):
                # "triggers FOXO activation by AKT, and FOXO translocates": a serial comma
                # before "and" with only two conjuncts joins clauses, not list members
                slot_text = slot_text[slot_text.index(", and ") + 6:]
            if e == match_end and " as well as " in slot_text and _OWN_PURPOSE.match(text, e):
                # "recruits A for activation of B as well as C for activation of D": C has a
                # purpose of its own (bind.as_well_as_purpose reads it), so this list ends before it
                cut = slot_text.rindex(" as well as ")
                e -= len(slot_text) - cut
                slot_text = slot_text[:cut]
            tail = text[e:e + 32] if e == match_end else ""
            read = (slot_text + tail, len(slot_text))
            items = tagged.items.get(read)
            if items is None:  # (lists that are never changed in place: they are shared)
                items = tagged.items[read] = self._items(read[0], tagged.tokens, read[1])
            if name == "A" and len(items) > 1 and text.startswith((", which", ", that"), e):
                # "SHP and FGF19, which acts through FGFR4": the nearest noun; a plural verb
                # ("X and Y, which mediate Z") has the whole list as antecedent
                verb = _RELATIVE_VERB.match(text, e)
                if verb and verb.group(1) in ("leads", "results", "contributes"):
                    return {}  # "activates A and B, which leads to Z": the event leads there (via.leading_to)
                if not (verb and _PLURAL_VERB.fullmatch(verb.group(1))) and not _SHARED_HEAD.search(slot_text):
                    items = items[-1:]
            if name == "B" and e == match_end and items and (
                    _NOMINAL_AFTER.match(text, e) or (text.startswith(" @", e) and self._place_after(tagged, e))):
                items = items[:-1]  # "induces HDAC5 nuclear export": another rule reads that
            # a list that ends the match may have swallowed the subject of a new clause
            if (e == match_end and len(items) > 1 and not text.startswith(_NOT_A_NEW_CLAUSE, e)
                    and not (text.startswith(", ", e) and _PARENTHETICAL_AGENT.search(text, 0, s))
                    # ("the role of X in activating A and B is shown": the figure shows the role)
                    and not (text.startswith((" is ", " are "), e) and _DESCRIBED.match(text, e)
                             and ", and " not in slot_text)
                    and _search(self._clause, tagged.raw, e, anchored=True) is not None
                    and not (text.endswith(_MEMBERS_ENDINGS, 0, s) and _MEMBERS_BEFORE.search(text, 0, s))):
                # (but the parts of a whole run to its verb: "complex II containing FADD and
                # RIPK1 can trigger apoptosis" is no new clause of RIPK1's)
                items = items[:-1]
            values[name] = self._entity_views(items, tagged.tokens)
        return values

    @staticmethod
    def _place_after(tagged: _Tagged, end: int) -> bool:
        """Whether a place mention follows `end` right away: "induces HDAC5 nuclear export"
        (the movement recognised as its place) acts on the movement, which
        trans.prenominal_place reads, not on HDAC5."""
        token = _PLACE_TOKEN.match(tagged.text, end)
        return token is not None and all(ent.type == "group" and ent.id in PLACES
                                         for ent in tagged.tokens[int(token.group(1))])

    @staticmethod
    def _constant(name: str) -> dict[str, list[Entity]] | None:
        """A fixed group node named in a yield ("group:nucleus"), as slot values."""
        if not name.startswith("group:"):
            return None
        entity = Entity(id=name[6:], label=name[6:], type="group")
        return {"source": [entity], "target": [entity]}

    def _yield(self, rule: Rule, values: dict[str, object], tagged: _Tagged, primary_rel: str,
               span: tuple[int, int], hedged: bool, priority: int,
               respectively: bool = False) -> list[_Candidate]:
        """Turn a match's slot values into candidate statements following the rule's yields."""
        out: list[_Candidate] = []
        by_type = dict(rule.by_object_type) if rule.by_object_type else _NO_TYPES
        # "The insulin pathway is activated by the binding of insulin to its receptor": the pathway
        # named after the ligand is the ligand, which then acts on the receptor it binds (not the
        # receptor on it): the slots a yield binds to another slot, as ligand -> its receptors
        bound_by = {dst: src for src, rel, dst in rule.yields if rel == "binds"}
        for src_name, rel, dst_name in rule.yields:
            rel = primary_rel if rel == PRIMARY_RELATION else rel
            pairs: list[tuple[Entity, Entity]] = []
            src, dst = values.get(src_name), values.get(dst_name)
            if (respectively and isinstance(src, dict) and isinstance(dst, dict)
                    and len(src["source"]) > 1 and len(dst["target"]) > 1
                    and len(src["source"]) != len(dst["target"])):
                continue  # ("respectively" pairs lists it cannot line up here: every pair would be a guess)
            if (respectively and isinstance(src, dict) and isinstance(dst, dict)
                    and len(src["source"]) == len(dst["target"]) > 1):
                # "X and Y activate A and B, respectively": pair them in order
                pairs = list(zip(src["source"], dst["target"]))
                for subj, obj in pairs:
                    if subj.id != obj.id:
                        out.append(_Candidate(subj, by_type.get(obj.type, rel), obj, rule.id, priority, span, hedged))
                continue
            if src_name in _SEQUENCES and src_name == dst_name:
                seq = values.get(src_name) or []
                if src_name != "ALL":
                    idx_pairs = list(zip(seq, seq[1:]))
                elif len(seq) <= MAX_COMPLEX_MEMBERS:
                    idx_pairs = [(a, b) for i, a in enumerate(seq) for b in seq[i + 1:]]
                else:
                    idx_pairs = []  # a long list is an inventory of parts, not a complex drawn as such
                for a, b in idx_pairs:
                    pairs.extend((x, y) for x in tagged.tokens[a] for y in tagged.tokens[b]
                                 if src_name == "ALL" or _chain_link(x, y))
            else:
                # (a fixed group node when the name is one: see _constant)
                if src_name.startswith("group:"):
                    src = self._constant(src_name)
                if dst_name.startswith("group:"):
                    dst = self._constant(dst_name)
                if not isinstance(src, dict) or not isinstance(dst, dict):
                    continue
                pairs = [(x, y) for x in src["source"] for y in dst["target"]]
                if len(src["source"]) > 1 and len(pairs) > 1:
                    # "recruits TIRAP and MyD88 to activate the MyD88-dependent pathway": a list
                    # acting on one of its own members says nothing of the others acting on it
                    members = {x.id for x in src["source"]}
                    pairs = [(x, y) for x, y in pairs if y.id not in members]
                if src_name == "A" and len(src["source"]) == 2 and len(dst["target"]) == 1:
                    pick = _respective_member(tagged.text, span[1])
                    if pick is not None:
                        pairs = [pairs[pick]]  # "X and Y ... by activating A and inhibiting B, respectively"
                elif src_name == "C" and dst_name == "B" and len(src["source"]) == 1 and len(dst["target"]) == 2:
                    pick = _respective_member(tagged.text, span[1])
                    if pick is not None:
                        # "X stimulates A and B by activating C and inhibiting D, respectively": C acts on A
                        pairs = [pairs[pick]]
            if rel == "produces" and src_name == "A" and dst_name == "B" and isinstance(values.get("C"), dict) and {
                    e.id for e in values["C"]["source"]} == {e.id for e in dst["target"]}:
                # "caspase-1 processes pro-IL-1b into mature IL-1b", "cleaves BID to tBID": what is
                # converted into its own active form is activated (the curated "cleavage that activates")
                rel = "activates"
            ligand = values.get(bound_by[src_name]) if src_name in bound_by and rel != "binds" else None
            if isinstance(ligand, dict):
                ligands = {ent.id for ent in ligand["source"]}
                pairs = [(obj, subj) if obj.id in ligands else (subj, obj) for subj, obj in pairs]
            if rule.ligand_object_acts:
                # "Smads mediate TGF-b signaling", "MyD88 mediates TLR4 signaling": the ligand or
                # receptor whose signal the subject carries acts on it (rule key ligand_object_acts);
                # "IKK mediates NF-kB signaling" stays
                pairs = [(obj, subj) if _ligand_like(obj, tagged, self._ligand_ids)
                         or self._receptor_ids.fullmatch(obj.id) else (subj, obj) for subj, obj in pairs]
            for subj, obj in pairs:
                if subj.id == obj.id or (subj.type == "group" and subj.id in PLACES):
                    continue  # no self-loops; a place does nothing
                if rule.subject_kind and src_name == "A" and not _is_microrna(subj):
                    continue  # (the only kind: "microrna") a protein that "targets" Y binds it (bind.active_verb)
                relation = by_type.get(obj.type, rel)
                if obj.type == "group" and obj.id in PLACES and relation != "translocates":
                    continue  # a place is only somewhere to move to ("degradation of Cactus and nuclear localization")
                if relation in _ON_GENES and obj.id.endswith(_GENE_ENDINGS) and _GENES.search(obj.id):
                    relation = _ON_GENES[relation]  # "induces defense genes": expression
                if relation == "binds" and (subj.type == "process" or obj.type == "process"):
                    continue  # a process binds nothing ("damage and necroptosis, or MLKL binds PGAM5")
                out.append(_Candidate(subj, relation, obj, rule.id, priority, span, hedged))
        return out

    # -- matching -------------------------------------------------------------------------
    def _judge(self, tagged: _Tagged, start: int, end: int) -> tuple[bool, bool]:
        """(keep, hedged) for a match at tagged.text[start:end]."""
        text = tagged.text
        negation = tagged.negation
        if negation < end and _NEGATION.search(text, start, end):
            return False, False
        if tagged.question < start and not _QUESTION_END.search(text, tagged.question, start):
            return False, False  # (an open question ends at "; " or ", but": what follows is stated)
        if negation < start:
            # a negated governing verb just before a nominal match ("does not trigger activation of")
            window = text[max(0, start - 30):start]
            window = window[max(window.rfind(","), window.rfind(";"), window.rfind(":")) + 1:]
            if _NEGATION_BEFORE.search(window):
                return False, False
        return True, tagged.hedge < end

    def candidates(self, tagged: _Tagged) -> list[_Candidate]:
        """All candidate statements of one tagged sentence, before conflict resolution."""
        out: list[_Candidate] = []
        hits = sorted(self._primary_set.Match(tagged.raw) or ())
        if not hits:
            return out
        # several rules often end their matches at the same place: each extension is tried
        # there once per sentence; which extensions may match is asked when a first match is
        # kept (most screened rules match nothing)
        extensions = [None, {}]
        for i in hits:
            rule, regex, groups = self._primary_alts[i]
            out.extend(self._run(rule, regex, groups, tagged, extensions, self._screens[i]))
        return out

    def _subject_span(self, tagged: _Tagged) -> tuple[int, int] | None:
        """Span of the opening subject list, matched once per text of the sentence."""
        if tagged.subject_for != tagged.text:
            match = _search(self._subject, tagged.raw, 0, anchored=True)
            tagged.subject = None if match is None else match.span(self._subject.groupindex["S"])
            tagged.subject_for = tagged.text
        return tagged.subject

    def subject_of(self, tagged: _Tagged, role: str = "source") -> tuple[Entity, ...]:
        """The entities of the subject that opens the sentence (empty when there is none), as a
        source (a named pathway acts through its last member) or as a `role` "target" (one that
        is acted on, through its first member: "The JAK-STAT system ... It is activated by")."""
        span = self._subject_span(tagged)
        if span is None:
            return ()
        s, e = span
        items = self._items(tagged.text[s:e], tagged.tokens)
        return tuple(ent for i in self._view(items, role) for ent in tagged.tokens[i])

    def resolve_pronouns(self, tagged: _Tagged, previous: Callable[[str], tuple[Entity, ...]]) -> None:
        """Replace subject pronouns ("it recruits TRIF") by the subject they stand for.

        A pronoun in a later clause stands for this sentence's opening subject; one that opens
        the sentence stands for the previous sentences' subject (`previous()`, asked only when
        a pronoun is there: finding subjects is the costly part).
        """
        if not _may_hold_pronoun(tagged.text):
            return  # (most sentences)
        group = self._pronoun.groupindex["P"]
        pos = 0
        while True:
            match = _search(self._pronoun, tagged.raw, pos)  # (spans only: no match object)
            if match is None:
                return
            s, e = match.span(group)
            # a pronoun that is a passive's subject is acted on ("It is activated by IFN")
            role = "target" if _PASSIVE_AFTER.match(tagged.text, e) else "source"
            own = self.subject_of(tagged, role) if s > 0 else ()
            if not own and s > 0 and tagged.text.startswith("@"):
                # "HHQ, the precursor to PQS synthesis is shown because it can act as": no
                # subject list is read (an open apposition), but the sentence opens on what it is about
                own = tagged.tokens[int(_TOKEN.match(tagged.text).group()[1:-1])]
            if not own and s > 0 and _UNNAMED_SUBORDINATE.fullmatch(tagged.text, 0, s):
                # "When a ligand binds to its receptor, it triggers ...": the pronoun is the
                # fronted clause's subject, which names no entity (not the previous sentence's)
                pos = e
                continue
            referent = own or previous(role)
            if s > 6 and tagged.text.endswith("where ", 0, s):
                mover = _WHERE_ANTECEDENT.search(tagged.text, 0, s)
                if mover is not None:
                    referent = tuple(ent for i in _TOKEN.findall(mover.group(1)) for ent in tagged.tokens[int(i)])
            if not referent:
                pos = e
                continue
            token = tagged.new_token(referent)
            head = tagged.text[:s]
            if head.endswith(", or "):
                # "oxidized to lactate, or it can be translocated": a new clause, not a list
                # "lactate, or pyruvate"
                head = head[:-5] + "; or "
            elif head.endswith(" and ") and head[:-6 if head.endswith(", and ") else -5].endswith("@"):
                # "inhibits apoptosis, and it stimulates mTOR": a new clause, not the list
                # "apoptosis and PI3K" acting
                head = head[:-6 if head.endswith(", and ") else -5] + "; and "
            elif head.endswith(", ") and head[-3:-2] == "@":
                head = head[:-2] + "; "  # "inhibits apoptosis, it facilitates": the same
            tagged.set_text(head + token + tagged.text[e:])
            pos = len(head) + len(token)

    def resolve_demonstrative(self, tagged: _Tagged, before: _Tagged | None) -> None:
        """Replace an opening "This (pathway)" by what the sentence `before` was about.

        That is its own subject when it opens on an entity ("Nrf2 ... . This promotes"), else
        the last entity it named ("... a rise of calcium levels. This activates Ras").
        """
        if before is None or not tagged.text.startswith(_DEMONSTRATIVE_START):
            return
        match = _search(self._demonstrative, tagged.raw, 0, anchored=True)
        if match is None:
            return
        referent = self.subject_of(before)
        if not referent:
            last = list(_TOKEN.finditer(before.text))
            if last and _EXAMPLE_BEFORE.search(before.text, max(0, last[-1].start() - 80), last[-1].start()):
                # "numerous genes are activated, such as transport molecules, antioxidants, and
                # detoxifying enzymes. This leads to ...": the event, not one example of its set
                return
            referent = self.last_entities(before)
        if not referent:
            return
        s, e = match.span(self._demonstrative.groupindex["P"])
        tagged.replace(s, e, referent)

    def resolve_object_pronoun(self, tagged: _Tagged) -> None:
        """Replace "it/them" after a coordinated verb by the object of the verb before it."""
        text = tagged.text
        if (" it" not in text and " them" not in text and " their " not in text) or not _OBJECT_PRONOUN_CUE.search(text):
            return  # (most sentences: neither pronoun pattern nor _LICENSED_PRONOUN can match)
        pattern = self._object_pronoun
        match = _search(pattern, tagged.raw, 0)
        if match is None:
            pattern = self._contrast_pronoun
            match = _search(pattern, tagged.raw, 0)
        if match is not None:
            s, e = match.span(pattern.groupindex["P"])
            o_s, o_e = match.span(pattern.groupindex["O"])
            referent = tagged.text[o_s:o_e]
            if tagged.text.startswith(("their ", "its "), s):
                # "promotes their expression": the list's expression
                referent += tagged.text[tagged.text.index(" ", s, e):e]
            elif tagged.text.startswith("it", s):
                referent = _TOKEN.findall(referent)[-1].join("@@")  # "it": the last one named
            tagged.set_text(tagged.text[:s] + referent + tagged.text[e:])
        # "reduce phosphorylation of FOXO, enabling it to enter the nucleus": the last entity named
        licensed = _LICENSED_PRONOUN.search(tagged.text)
        if licensed is not None and not any(ent.type == "group" and ent.id in PLACES
                                            for ent in tagged.tokens[int(licensed.group(1)[1:-1])]):
            s, e = licensed.span(2) if licensed.group(2) else licensed.span(3)
            tagged.set_text(tagged.text[:s] + licensed.group(1) + tagged.text[e:])

    def resolve_class_reference(self, tagged: _Tagged, before: _Tagged | None) -> None:
        """Replace an opening "These transcription factors" / "This kinase" by what the sentence
        `before` ended on: its last list of entities (plural) or its last entity (singular)."""
        if "the latter" in tagged.text:
            self._resolve_latter(tagged, before)
        if before is None or " " not in tagged.text:
            return
        named = _THESE_NAMED.match(tagged.text) if tagged.text.startswith(("these ", "those ", "both ", "the two ")) else None
        if named is not None:
            # "... pathogen recognition receptors PGRP-LC and PGRP-LE recognize PGN. These recognition
            # receptors recruit IMD": a category entity the sentence before put in front of a list
            category = tagged.tokens[int(named.group(1))][0]
            listed = re.search(r"(?:^|[ ,;(])" + re.escape(category.label.lower()) + r",? (" + _LAST_LIST.pattern + ")",
                               before.text)
            if listed is None:  # (the category may be a mention there too)
                listed = next((m for m in _CATEGORY_LIST.finditer(before.text)
                               if before.tokens[int(m.group(1))][0].id == category.id), None)
            if listed is not None:
                referent = tuple(dict.fromkeys(ent for t in _TOKEN.findall(listed.group(listed.lastindex))
                                               for ent in before.tokens[int(t)]))
                tagged.replace(named.start(1) - 1, named.end(1) + 1, referent)
                return
        if not _may_open_on_class(tagged.text):
            return  # (most sentences)
        match = _search(self._class_reference, tagged.raw, 0, anchored=True)
        if match is None:
            return
        s, e = match.span(self._class_reference.groupindex["P"])
        phrase = tagged.text[s:e]
        lists = list(_LAST_LIST.finditer(before.text))
        if not lists:
            return
        indexes = [int(t) for t in _TOKEN.findall(lists[-1].group())]
        if not phrase.endswith("s") or phrase.startswith(("this ", "the latter ")):
            indexes = indexes[-1:]  # "this kinase": one entity
        referent = tuple(dict.fromkeys(ent for i in indexes for ent in before.tokens[i]
                                       if not (ent.type == "group" and ent.id in PLACES)))
        if not referent:
            return
        tagged.replace(s, e, referent)

    def _resolve_latter(self, tagged: _Tagged, before: _Tagged | None) -> None:
        """Replace a prepositional "(inhibitors) of the latter" that no mention precedes in its
        sentence by the last entity of the sentence `before` ("The IL-6/JAK/STAT pathway. The
        endogenous inhibitors of the latter ...": STAT)."""
        match = _LATTER.search(tagged.text)
        if match is None:
            return
        s, e = match.span(1)
        if before is None or "@" in tagged.text[:s]:
            # (within a sentence "the latter" may be either of a pair the lists run together:
            # "binds STAT3 and JAK2, and SOCS3 ... of the latter" is left unread)
            return
        referent = self.last_entities(before)
        if referent:
            tagged.replace(s, e, referent)

    def resolve_complex(self, tagged: _Tagged, before: _Tagged | None) -> None:
        """Replace "the resultant complex" / "this complex" by the partners just bound together.

        They are the entities of the clause before the phrase when that clause binds
        ("IL-6 binds to IL-6R and the resultant complex induces gp130"); a sentence that opens
        on "This complex" looks at the last clause of the sentence `before`.
        """
        match = _THE_COMPLEX.search(tagged.text) if "complex" in tagged.text else None  # (every form says it)
        if match is None:
            return
        start = match.start()
        if start > 0:
            clause = tagged.text[:start]
            tokens = tagged.tokens
        elif before is not None:
            clause = before.text
            tokens = before.tokens
        else:
            return
        cut = max((m.end() for m in _CLAUSE_BREAK.finditer(clause)), default=0)
        clause = clause[cut:]
        if not _BINDING_WORDS.search(clause):
            return
        if " complex" in clause:
            named = _NAMED_COMPLEX.findall(clause)
            if named:
                # "... to form the SCAP-SREBP2-INSIG complex, and the complex holds": the complex
                # the clause names, not every molecule of the clause ("the cholesterol level")
                clause = named[-1]
        # molecules form complexes; a process or place named in the clause is context
        partners = tuple(dict.fromkeys(e for t in _TOKEN.findall(clause) for e in tokens[int(t)]
                                       if e.type in _COMPLEX_PARTS))
        if len(partners) < 2:
            return
        token = tagged.new_token(partners)
        if match.group().startswith("a "):
            # "X and Y form a complex that phosphorylates Z": the complex is named after the phrase,
            # which still says the partners bind
            tagged.set_text(tagged.text[:match.end()] + ", " + token + tagged.text[match.end():].lstrip(","))
            return
        rest = tagged.text[match.end():]
        if rest.startswith(", then "):
            # "IL-6 binds IL-6R and the complex, then, induces gp130" written with one comma: the
            # adverb opens the complex's verb, not a series of the opening subject's verbs
            rest = rest[1:]
        tagged.set_text(tagged.text[:start] + token + rest)

    def last_entities(self, tagged: _Tagged) -> tuple[Entity, ...]:
        """The entities of the last mention of a tagged sentence (a named pathway: its last member)."""
        tokens = _TOKEN.findall(tagged.text)
        return tagged.tokens[int(tokens[-1])] if tokens else ()

    def shared_subject_texts(self, tagged: _Tagged) -> list[str]:
        """Virtual sentences for verbs that share the opening subject ("X binds Y and activates Z")."""
        text = tagged.text
        # (every "and <verb>" match holds one of _SHARED_JOINTS; every ", <verb>" one ", ")
        if ((not any([joint in text for joint in _SHARED_JOINTS]) or _search(self._shared_any, tagged.raw, 0) is None)
                and (", " not in text or _search(self._shared_comma_any, tagged.raw, 0) is None)):
            return []  # no "and <verb>" nor ", <verb>": no need to find the subject
        span = self._subject_span(tagged)
        if span is None:
            return []
        s, e = span
        subject = tagged.text[s:e]
        out = []
        pos = e
        later = _search(self._later_subject, tagged.raw, e) if ", " in tagged.text or "; " in tagged.text else None
        while True:
            found = self._next_shared(tagged, pos)
            if found is None:
                return out
            start, verb, end = found
            between = tagged.text[e:start]
            if _RELATIVE.search(between):
                return out  # the verb may belong to the relative clause's subject
            if later is not None and later.start() < start:
                return out  # "X inhibits Y, and Z binds W and activates V": V is Z's (clause_shared_texts)
            head, _, before = tagged.text[:start].rpartition(" ")
            if before.endswith("ed") and head.endswith(_BE_ENDINGS):
                before = ""  # ("X is stabilized and dimerizes with Y": a passive shares no object)
            word = tagged.text[verb:verb + 24].split(" ", 1)[0]
            if word.endswith("ed") and f" {word} @" in between and tagged.text.startswith("@", verb + len(word) + 1):
                # "dephosphorylates phosphorylated A as well as phosphorylated B": the participle
                # before a mention repeats the one before the first object (an adjective, no verb)
                pos = end
                continue
            if not self._one_phrase(before) and not self._infinitive(between, tagged.text, verb):
                # (not "phosphorylates and activates": one VP; not "to increase A and produce B")
                rest = tagged.text[verb:]
                modal = _MODAL_AFTER.match(tagged.text, e)
                if modal is not None and not rest.split(" ", 1)[0].endswith(("s", "ed")):
                    # "X may not remove this signal and stimulate Y": the modal (and its
                    # negation) governs the base verb that shares it
                    rest = modal.group(1) + rest
                # bounded, so that a sentence of many verbs stays linear to read
                out.append(subject + " " + rest[:MAX_SHARED_CLAUSE])
                if len(out) == MAX_SHARED_VERBS:
                    return out
            elif not self._one_phrase(before):
                # "stimulates AC to increase cAMP and produce bronchodilation": the base verb
                # continues the infinitive, whose subject is the object named right before "to"
                agent = self._infinitive_agent(tagged, subject, e, start)
                if agent and _SUPPRESSING_BASE.match(tagged.text, verb):
                    # (an inhibitory purpose is the subject's doing, its object only the means, as
                    # via.purpose_inhibiting reads it: "phosphorylates FOXO to exclude it from the
                    # nucleus and prevent expression of BIM")
                    agent = subject
                if agent:
                    out.append(agent + " " + tagged.text[verb:verb + MAX_SHARED_CLAUSE])
                    if len(out) == MAX_SHARED_VERBS:
                        return out
            pos = end

    def _next_shared(self, tagged: _Tagged, pos: int) -> tuple[int, int, int] | None:
        """The next verb after `pos` that may share a subject: (start of its joint, start of the
        verb phrase, end of the match), from " and <verb>" or ", <finite verb or passive>"."""
        found = _search(self._shared, tagged.raw, pos)
        best = None if found is None else (found.start(), found.start(self._shared.groupindex["V"]), found.end())
        search_from = pos
        while ", " in tagged.text[search_from:best[0] if best else len(tagged.text)]:
            comma = _search(self._shared_comma, tagged.raw, search_from)
            if comma is None or (best is not None and comma.start() >= best[0]):
                break
            s, e = comma.span(self._shared_comma.groupindex["V"])
            first = tagged.text[s:e].split(" ", 1)[0]
            passive = " " in tagged.text[s:e] and tagged.text[s:e].endswith("ed")
            finite = first.endswith("s") and first not in ("is", "was", "has", "gets")
            relative = tagged.text.startswith((", which", ", that", ", who"), comma.start())
            if not relative and (passive or (finite and (" " not in tagged.text[s:e] or _VERB_PARTICLE.match(tagged.text, s + len(first))))):
                verb = comma.start() + 2
                for joint in ("or ", "and "):
                    if tagged.text.startswith(joint, verb):
                        verb += len(joint)
                return comma.start(), verb, comma.end()
            search_from = comma.end()
        return best

    def _one_phrase(self, before: str) -> bool:
        """Whether the word before "and <verb>" is a verb the next one shares its object with
        ("phosphorylates and activates X"); a gerund there is a noun ("by direct binding and
        activates Y")."""
        return not before.endswith("ing") and self._verb_word.fullmatch(before.encode("ascii")) is not None

    @staticmethod
    def _infinitive(between: str, text: str, verb: int) -> bool:
        """Whether a shared verb in its base form continues an infinitive ("activates Gs to
        increase cAMP and produce bronchodilation": "produce" is no verb of the subject)."""
        words = text[verb:].split(" ", 4)
        # (past the adverbs: "and consequently inhibits")
        word = next((w for w in words if not w.endswith("ly") and w not in _ADVERBS), words[0])
        return not word.endswith(("s", "ed")) and _INFINITIVE.search(between) is not None

    @staticmethod
    def _infinitive_agent(tagged: _Tagged, subject: str, start: int, end: int) -> str:
        """Who does the last "to <verb>" in the text from `start` (the end of the clause's
        `subject`) to `end`: the mentions right before it ("activates @2@ to increase ...": "@2@"),
        the subject when its own verb takes the infinitive ("X is required to inhibit ...") or
        when only a place comes between ("X enters the nucleus to activate ..."); else "" (not
        known, or kept from doing it: "preventing them to dephosphorylate")."""
        text = tagged.text
        last = None
        for last in _INFINITIVE.finditer(text, start, end):
            pass
        if last is None:
            return ""
        agent = _TRAILING_LIST.search(text, start, last.start())
        if agent is None:
            return subject if _SUBJECT_INFINITIVE.fullmatch(text, start, last.start()) else ""
        if _KEPT_FROM.search(text, start, agent.start()):
            return ""
        if all(ent.type == "group" and ent.id in PLACES for ent in tagged.tokens[int(agent.group(0)[1:-1])]):
            return "" if "@" in text[start:agent.start()] else subject
        return agent.group(0)

    def clause_shared_texts(self, tagged: _Tagged) -> list[str]:
        """Virtual sentences for verbs that share a later clause's subject ("X inhibits Y,
        whereas Z binds W and inhibits V" -> "Z inhibits V")."""
        text = tagged.text
        if " and " not in text or (", " not in text and "; " not in text):
            return []
        out: list[str] = []
        pos = 0
        group = self._later_subject.groupindex["S"]
        while len(out) < MAX_SHARED_VERBS:
            clause = _search(self._later_subject, tagged.raw, pos)
            if clause is None:
                break
            s, e = clause.span(group)
            pos = clause.end()
            end = _CLAUSE_END.search(text, e)
            stop = end.start() if end else len(text)
            found = _search(self._shared, tagged.raw, pos)
            if found is None or found.start() >= stop or _RELATIVE.search(text, e, found.start()):
                continue
            before = text[:found.start()].rsplit(" ", 1)[-1]
            if self._one_phrase(before):
                continue  # "binds and inhibits X": one verb phrase, read already
            out.append(text[s:e] + " " + text[found.start(self._shared.groupindex["V"]):][:MAX_SHARED_CLAUSE])
        return out

    @staticmethod
    def partner_texts(tagged: _Tagged) -> list[str]:
        """A virtual sentence where a partner acting with a name is coordinated with it ("STAT1,
        in complex with STAT2, activates ISG15", "IRF9 together with STAT2 activates ISG15":
        both act); the sentence itself still says that they bind (bind.in_complex_with)."""
        if " with @" not in tagged.text and " with the @" not in tagged.text:
            return []
        virtual = _WITH_PARTNER.sub(lambda m: " and " + m.group("list") + (" " if m.group("end") else ""), tagged.text)
        return [virtual] if virtual != tagged.text else []

    def relative_shared_texts(self, tagged: _Tagged) -> list[str]:
        """Virtual sentences for a relative clause's second verb ("AMPK, which phosphorylates
        ACC and inhibits lipogenesis" -> "AMPK inhibits lipogenesis")."""
        if (" and " not in tagged.text and ", " not in tagged.text) or "which " not in tagged.text and "that " not in tagged.text:
            return []
        out: list[str] = []
        for rel in _RELATIVE_HEAD.finditer(tagged.text):
            antecedent = rel.group(1)
            verb = _RELATIVE_VERB.match(tagged.text, rel.end(1) if tagged.text.startswith(",", rel.end(1)) else rel.end(1))
            if verb and _PLURAL_VERB.fullmatch(verb.group(1)):
                # "SMAD2 and SMAD3, which then form a complex with SMAD4 and translocate": the list
                whole = [m for m in _LAST_LIST.finditer(tagged.text, 0, rel.end(1)) if m.end() == rel.end(1)]
                if whole:
                    antecedent = whole[-1].group()
            pos = rel.end()
            # a series continues in the relative verb's tense
            tense = ("ed" if verb.group(1).endswith("ed") else "s") if verb else None
            while len(out) < MAX_SHARED_VERBS:
                clause_end = _CLAUSE_END.search(tagged.text, pos)
                stop = clause_end.start() if clause_end else len(tagged.text)
                found = self._shared.search(tagged.raw, pos, stop)
                if found is not None:
                    before = tagged.text[:found.start()].rsplit(" ", 1)[-1]
                    if not self._one_phrase(before):  # ("which phosphorylates and activates X": one phrase)
                        rest = tagged.text[found.start(self._shared.groupindex["V"]):]
                        out.append(antecedent + " " + rest[:MAX_SHARED_CLAUSE])
                    break
                # a verb after a comma continues the relative clause: "ROS, which increased PCD,
                # affected the spikes, promoted pollen abortion and caused male sterility"
                series = _VERB_SERIES.match(tagged.text, stop) if clause_end and tagged.text[stop] == "," else None
                if series is None or (tense is not None and not series.group(1).endswith(tense)):
                    break  # ("which affects X, suppressed Y": the sentence's subject did that)
                pos = series.end()
                if (self._verb_word.fullmatch(series.group(1).encode("ascii")) is not None
                        or series.group(1) in _LEAD_WORDS):
                    out.append(antecedent + " " + tagged.text[series.start(1):][:MAX_SHARED_CLAUSE])
        return out

    def _run(self, rule: Rule, regex, groups: list[tuple[str, int]], tagged: _Tagged,
             extensions: list, screen=None) -> list[_Candidate]:
        """Every match of one regex of `rule` (restarting after each match's first slot).

        `screen` (the regex's screening form, without groups) matched the sentence; after a first
        match it is asked again from the restart position before the regex itself is.
        """
        text = tagged.text
        raw = tagged.raw
        out: list[_Candidate] = []
        pos = 0
        # (group numbers read once per pattern: see _Pattern; loss_groups: the slots a loss
        # word may end, "PTEN loss activates AKT")
        subject_group, loss_groups, slot_groups = regex.subject_group, regex.loss_groups, regex.slot_groups
        while pos <= len(text):
            if pos and screen is not None and not _found(screen, raw, pos):
                break  # (a looser pattern finds nothing from here: neither would the regex)
            match = _search(regex, raw, pos)
            if match is None:
                break
            start, end = match.span()
            # the slots that took part, read once: the first one's end and the leading slot
            spans = match.spans
            slots = [spans[g] for g in slot_groups if spans[g][0] >= 0]
            first_slot_end = min([e for _, e in slots]) if slots else end
            pos = max(first_slot_end, start + 1)
            if rule.checked and not self._gaps_ok(regex, match, text):
                continue
            lead = min(slots) if slots else None
            # (the literal endings first: one C call that most matches fail)
            if lead is not None and lead[0] == start and start > 0:
                if (text.endswith(_BY_ENDINGS, 0, start) and _AGENT_BEFORE.search(text, max(0, start - 70), start)
                        and not _RELATIVE_AFTER.match(text, lead[1])):
                    # "pyruvate produced by glycolysis can be oxidized to lactate": the agent of a
                    # participle is no subject of the clause that follows it
                    continue
                comma = text.find(", ", start, lead[1])
                if comma >= 0 and _FRONTED.match(text, 0, start):
                    # "In the absence of Wnt, beta-catenin is phosphorylated by GSK3b": the
                    # fronted phrase's object opens the list; the clause starts after its comma
                    pos = comma + 2
                    continue
            keep, hedged = self._judge(tagged, start, end)
            if not keep:
                continue
            head = None
            acting = None  # (a subject named before the slot's own text)
            if subject_group is not None and spans[subject_group][0] >= 0:
                a_start, a_end = spans[subject_group]
                before = text[max(0, a_start - 24):a_start]
                leading = a_start == start
                relative_after = leading and _RELATIVE_AFTER.match(text, a_end) is not None
                if (relative_after and _EVENT_RELATIVE.match(text, a_end)
                        and _SUPPRESSED_BEFORE.search(text, max(0, a_start - 48), a_start)):
                    # "Gi inhibits the activation of adenylyl cyclase, which leads to reduced
                    # cAMP": what leads on is the inhibition (the subject's doing, read by the
                    # consequence after the clause before), not the inhibited object
                    continue
                if (leading and not relative_after and text.find(", ", a_start, a_end) >= 0
                        and _LIST_JOIN.search(text, a_start, a_end)
                        and self._verb_word.fullmatch(before.rstrip().rsplit(" ", 1)[-1].encode("ascii"))):
                    # "Gi inhibits AC, and the bg subunits activate ERK": the list's head is the
                    # object of the verb before it; the subject starts at a later item
                    first = _TOKEN.search(text, a_start, a_end)
                    if first is not None:
                        pos = first.end()
                    continue
                if (leading and not relative_after and _unnamed_set(
                        entity for token in _TOKEN.finditer(text, a_start, a_end)
                        for entity in tagged.tokens[int(token.group(1))])
                        and self._verb_word.fullmatch(before.rstrip().rsplit(" ", 1)[-1].encode("ascii"))):
                    continue  # "activate several target proteins leading to Z": the set acted on is no subject
                route = (_ROUTE_BEFORE.search(text, max(0, a_start - 60), a_start)
                         if leading and not relative_after and text.find("@ ", max(0, a_start - 60), a_start) >= 0
                         and (text.find(" through ", max(0, a_start - 60), a_start) >= 0
                              or text.find(" via ", max(0, a_start - 60), a_start) >= 0) else None)
                if route is not None:
                    # "Ca2+ influx through VDCCs and NMDARs binds CaM": the ion binds
                    ion = list(tagged.tokens[int(route.group(1)[1:-1])])
                    acting = {"source": ion, "target": ion}
                elif (leading and not relative_after and not _PARTICIPLE_AFTER.match(text, a_end)
                      # (a hyphen modifier is the agent of its own nominal after any preposition:
                      # "is required for TNF-induced NF-kB activation")
                      and not text.startswith("-", a_end)
                      and ((before.endswith(_PREPOSITION_ENDINGS) and _PREPOSITION_BEFORE.search(before))
                           # an agent list running on into a new clause: "triggers FOXO activation by
                           # insulin-like signaling, and FOXO translocates" (FOXO moves, not the agent)
                           or (before.endswith((" by ", " by the ")) and text.find(", and ", a_start, a_end) >= 0))):
                    # "within the nucleus, X activates": a prepositional object is no subject,
                    # but the subject may follow it ("under oxidative stress, NRF2 translocates"):
                    # search again from the slot's second item
                    first = _TOKEN.search(text, a_start, a_end)
                    if first is not None and first.end() < a_end:
                        # (only past a comma: "influx through X and Y binds Z" names both X and
                        # Y as the preposition's objects, none of them acts)
                        comma = text.find(", ", first.end(), a_end)
                        pos = comma + 2 if comma >= 0 else a_end
                    continue
                if leading and before.endswith(_TARGETED_ENDINGS) and _TARGETED_BEFORE.search(text, max(0, a_start - 60), a_start):
                    continue  # "drugs targeting BRAF inhibit ERK": the drugs act, not BRAF
                if before.endswith(_MEMBERS_ENDINGS) and _MEMBERS_BEFORE.search(before):
                    # "a complex containing X, Y and Z, which activates": the members do not act,
                    # but a named whole they make up does ("the IKK complex composed of IKKa, IKKb
                    # and NEMO, which catalyze phosphorylation of IkB")
                    head = _MEMBERS_HEAD.search(text, 0, a_start)
                    if head is None:
                        continue
                if (a_end < end and text.startswith(" to ", a_end) and _TO_VERB.match(text, a_end)
                        and not _LICENSES_TO.search(before) and not (before.endswith(" by ") and _TO_PRODUCE.match(text, a_end))):
                    # (only when the infinitive is the match's verb: a passive's agent "by Y" keeps
                    # its edge whatever follows; an enzyme "by" which a substrate is converted forms
                    # the product: "is carboxylated by ACC to form malonyl-CoA")
                    continue  # "recruits Y at the membrane to activate Z": Y is no subject of "to activate"
            values = self._slot_entities(rule, regex, match, tagged, groups)
            if not values:
                continue
            if acting is not None:
                values["A"] = acting
            if head is not None:
                whole = list(tagged.tokens[int(head.group(1))])
                values["A"] = {"source": whole, "target": whole}
            if (subject_group is not None and spans[subject_group][0] == start and "A" in values
                    and text.endswith(_BY_ENDINGS, 0, start)):
                agent = _ACTIVATED_BY.search(text, 0, start)
                if agent is None and text.endswith(_ACTIVATED_ENDINGS, 0, start):
                    agent = _ACTIVATED_BY_BEFORE.search(text, max(0, start - 80), start)
                if agent is not None:
                    # "Activation of PKC by DAG leads to phosphorylation of MARCKS": what was
                    # activated acts next, not its activator
                    acted = [entity for token in _TOKEN.findall(agent.group(1))
                             for entity in tagged.tokens[int(token)]]
                    values["A"] = {"source": acted, "target": acted}
            respectively = text.startswith((" respectively", ", respectively"), end) and bool(
                _RESPECTIVELY.match(text, end))
            found = self._yield(rule, values, tagged, rule.relation, (start, end), hedged, rule.priority, respectively)
            if ((text.endswith(_LOSS_OF, 0, start) or (start <= 20 and text[:start] in _OPENING_LOSS))
                    and not _NOMINAL_MODIFIER.match(text, start)
                    and not _LOSS_OF_LOSS.search(text, max(0, start - 48), start)
                    and not _links_only(rule.yields)):
                # "inhibition of GSK3 promotes X": GSK3 inhibits X; but "inhibition of the
                # Gq-mediated activation of PLC" inhibits the activation, which still holds, and
                # so do the links inside a pathway named as inhibited ("inhibition of the PI3K/AKT
                # pathway": PI3K still activates AKT)
                found = _flip(found)
            lost = False
            for g in loss_groups:
                if spans[g][0] >= 0 and text.endswith(_LOST, 0, spans[g][1]):
                    lost = not lost
            if lost:
                # "PTEN loss activates AKT", "leads to GSK3 inhibition": a slot named as lost
                found = _flip(found)
            out.extend(found)
            if rule.nominal_object and start and self._verb_word.fullmatch(
                    text[:start].rstrip().rsplit(" ", 1)[-1].encode("ascii")):
                # "inhibited IFN-mediated expression of A and B via SOCS1": the nominal is the
                # verb's object, and what follows it ("via", "leading to") is the verb's
                continue
            ext_alts, tried = extensions
            if ext_alts is None:
                ext_alts = extensions[0] = [self._ext_alts[i] for i in sorted(
                    self._ext_set.Match(tagged.raw, potential=True) or ())] if self._ext_alts else []
            follows = tried.get(end)
            if follows is None:  # (every extension that may match, tried once at this end)
                follows = tried[end] = [_search(ext_regex, raw, end, anchored=True) for _, ext_regex, _ in ext_alts]
            for (ext, ext_regex, ext_groups), follow in zip(ext_alts, follows):
                if follow is None or (ext.checked and not self._gaps_ok(ext_regex, follow, text)):
                    continue
                keep2, hedged2 = self._judge(tagged, match.start(), follow.end())
                if not keep2:
                    continue
                ext_values = dict(values)
                ext_values.update(self._slot_entities(ext, ext_regex, follow, tagged, ext_groups))
                # a consequence ("..., leading to Z") comes from the object, unless the verb removed
                # the object ("X inhibits Y, leading to Z": the subject's action leads to Z), as a
                # competitor for binding does (rule key removes_object)
                if (rule.relation == "translocates" and "B" not in values and "A" in values
                        and not any("A" in (y[0], y[2]) for y in ext.yields)):
                    # "X translocates to the nucleus, leading to the expression of Y": the mover
                    # acts next (the place is no agent); what names the subject itself is left as is
                    ext_values["B"] = values["A"]
                elif ext.consequence and "A" in values and (
                        rule.relation in _SUPPRESSING or rule.removes_object
                        or (_EVENT_RELATIVE.match(text, match.end()) and "B" in values
                            and len(values["B"]["target"]) > 1)
                        or ("B" in values and values["B"]["target"] and _unnamed_set(values["B"]["target"]))):
                    # "X inhibits Y, leading to Z": what Y's loss leads to is X's doing; so is
                    # the event after a list ("activates A and B, which leads to Z") and after
                    # an unnamed set ("activate several downstream target proteins, leading to Z")
                    ext_values["B"] = values["A"]
                elif (ext.consequence and "A" in values and subject_group is not None
                      and match.end(subject_group) == match.end() and match.start(subject_group) > match.start()
                      and text.startswith((" that ", " which "), match.end())):
                    # "The pathway is activated through cellular stresses that lead to cytochrome c
                    # release": a restrictive relative clause right after the agent is the agent's
                    # (after a comma, "..., which leads to" may be the whole event's)
                    ext_values["B"] = values["A"]
                elif (not ext.consequence and "A" in ext_values and "B" in values
                      and text.startswith((", which ", " which "), match.end())):
                    # "Degradation of IkB frees NF-kB, which activates the transcription of IL6":
                    # the relative pronoun after the object is the object, not the subject
                    ext_values["A"] = values["B"]
                # a mediator that the subject suppresses acts on B with the opposite sign ("TSC2
                # suppresses mTORC1 by inhibiting RHEB": RHEB activates mTORC1)
                # (the statement's relation as its object's type made it: "mTOR represses
                # autophagy by inhibiting ULK1" inhibits autophagy, so ULK1 activates it)
                primary = rule.relation
                if rule.by_object_type and isinstance(values.get("B"), dict):
                    kinds = {ent.type for ent in values["B"]["target"]}
                    if len(kinds) == 1:
                        primary = dict(rule.by_object_type).get(kinds.pop(), primary)
                mediated = _FLIPPED.get(primary, primary) if ext.relation in _SUPPRESSING else primary
                respective = False
                unpaired: set[str] = set()
                if (text.startswith((" respectively", ", respectively"), follow.end()) and "A" in ext_values
                        and "C" in ext_values and subject_group is not None and spans[subject_group][0] >= 0):
                    # "X and Y inhibit Z via A and B, respectively": X acts through A, Y through B
                    respective = True
                    unpaired = self._unpaired(ext_values["A"], ext_values["C"], text, spans[subject_group])
                found = self._yield(ext, ext_values, tagged, mediated,
                                    (match.start(), follow.end()), hedged2, ext.priority, respective)
                if unpaired:
                    subjects = {ent.id for ent in ext_values["A"]["source"]}
                    found = [c for c in found if not (c.subject.id in subjects and c.object.id in unpaired)]
                out.extend(found)
                if "C" in ext_values and "B" in values and ("C", PRIMARY_RELATION, "B") in ext.yields:
                    # "stimulates mTORC1 by activating RTK signaling via PI3K/AKT": the mediator's
                    # own route (C acting on B through D), read once more after the first extension
                    out.extend(self._chained(mediated, ext_alts, tagged, match.start(), follow.end(),
                                             {"A": ext_values["C"], "B": values["B"]}, values.get("A")))
        return out

    @staticmethod
    def _unpaired(subject: dict, mediators: dict, text: str, subject_span: tuple[int, int]) -> set[str]:
        """The ids of the mediators that pair with no member of a subject list shorter than theirs
        (", respectively" after a conjunct named by no entity: "Insufficient energy resources and
        hypoxia inhibit Z via A and B, respectively"): the first ones when the list closes a
        coordination, the last ones when it opens one; none when that is not known."""
        n, sources, targets = len(subject["source"]), mediators["source"], mediators["target"]
        if n >= len(targets) or len(sources) != len(targets):
            return set()
        if text.endswith(" and ", 0, subject_span[0]):
            return {ent.id for ent in targets[:-n]}
        if text.startswith(" and ", subject_span[1]):
            return {ent.id for ent in targets[n:]}
        return set()

    def _chained(self, relation: str, ext_alts: list, tagged: _Tagged, start: int, pos: int,
                 values: dict[str, object], subject: object = None) -> list[_Candidate]:
        """Extensions matched right after an extension, about its mediator C and the object B
        (`relation`: how C acts on B); an effect after the manner phrase ("X impedes Y by
        stimulating Z, leading to W") is the doing of the statement's `subject` X."""
        out: list[_Candidate] = []
        for ext, ext_regex, ext_groups in ext_alts:
            follow = _search(ext_regex, tagged.raw, pos, anchored=True)
            if follow is None or (ext.checked and not self._gaps_ok(ext_regex, follow, tagged.text)):
                continue
            keep, hedged = self._judge(tagged, start, follow.end())
            if not keep:
                continue
            ext_values = dict(values)
            ext_values.update(self._slot_entities(ext, ext_regex, follow, tagged, ext_groups))
            if ext.consequence and subject is not None:
                ext_values["B"] = subject
            out.extend(self._yield(ext, ext_values, tagged, relation, (start, follow.end()),
                                   hedged, ext.priority))
        return out

    def _gaps_ok(self, regex, match, text: str) -> bool:
        """Whether every {GAP}/{SGAP} of a match holds only modifier words (no GAPSTOP word)."""
        for name, group in regex.checked_groups:
            start, end = match.span(group)
            if start >= 0 and self._gap_stop[name].search(text[start:end]):
                return False
        return True

    def resolve(self, cands: list[_Candidate], text: str = "") -> list[_Candidate]:
        """Drop a candidate when a higher-priority one covers the same pair in an overlapping span,
        or when a rule that supersedes its rule matched overlapping text.

        `text` (the tagged text the spans index) lets a loop stand: two readings of a pair in
        opposite directions that share only the one item between them ("X induces the expression
        of Y, which inhibits X") are two statements, not rival readings of the same words.
        """
        if len(cands) < 2 and not (cands and cands[0].rule in self._supersedes.get(cands[0].rule, ())):
            return list(cands)  # (nothing to conflict with; unless a rule would supersede itself)
        if self._supersedes:
            # a rule that reads more of the same words than another replaces its reading ("the
            # phosphorylation of PIP2 to PIP3" is a conversion, not a phosphorylation), before
            # priorities: a replaced reading wins no pair ("the RIPK1-RIPK3-MLKL signaling complex"
            # is no chain "RIPK3-MLKL signaling", so no pair of it is lost to that chain)
            winners = [(c.span, self._supersedes[c.rule]) for c in cands if c.rule in self._supersedes]
            if winners:
                cands = [c for c in cands if not any(c.rule in beaten and span[0] < c.span[1] and c.span[0] < span[1]
                                                     for span, beaten in winners)]
        kept: list[_Candidate] = []
        # pair -> priority -> (start, end, relation, subject id) kept at that priority
        by_pair: dict[frozenset[str], dict[int, list[tuple[int, int, str, str]]]] = {}
        # (by priority, highest first, then span, rule and pair: two stable sorts with C keys)
        for cand in sorted(sorted(cands, key=_CANDIDATE_ORDER), key=_PRIORITY, reverse=True):
            pair = by_pair.setdefault(frozenset((cand.subject.id, cand.object.id)), {})
            s, e = cand.span
            # a degradation the extended match leads to adds to it ("phosphorylates IkBa,
            # leading to its degradation": both hold), so that match (same start) does not overrule it
            # as does a purpose the recruited partner serves ("recruits TRIF to activate the
            # TRIF-dependent pathway": the subject binds TRIF and activates it)
            # and so does an effect on the object's activity (rule key adds_effect: "AKT phosphorylates
            # GSK3b, inhibiting its activity": phosphorylates and inhibits), beside another relation
            adds_effect = cand.rule in self._adds_effect
            extension = cand.rule in self._extension_ids and (
                cand.relation == "degrades" or adds_effect
                or (cand.relation == "activates" and cand.rule in self._adds_to_binding))
            if pair and any(other[0] < e and s < other[1]
                            and not (extension and other[0] == s and (
                                cand.relation == "degrades" or other[2] == "binds"
                                or (adds_effect and other[2] != cand.relation)))
                            and not (text and other[3] != cand.subject.id and "binds" not in (other[2], cand.relation)
                                     and _SHARED_ITEMS.fullmatch(text, max(s, other[0]), min(e, other[1])) is not None)
                            for priority, spans in pair.items() if priority > cand.priority for other in spans):
                continue
            spans = pair.setdefault(cand.priority, [])
            if not spans or spans[-1] != (s, e, cand.relation, cand.subject.id):
                spans.append((s, e, cand.relation, cand.subject.id))
            kept.append(cand)
        return kept

    def extract(self, text, mentions: list[Mention]) -> list[Statement]:
        """Statements of a prepared caption `text` (pathwaygen.text.Text) given its mentions."""
        original = text.original
        mentions = sorted(mentions, key=_MENTION_ORDER)
        statements: dict[tuple, Statement] = {}
        sentences = text.sentences or ((0, len(original)),)
        # the sentences since the last one without mentions, newest last: their subjects are
        # found only when a pronoun needs one
        history: list[_Tagged] = []

        def previous(role: str = "source") -> tuple[Entity, ...]:
            for before in reversed(history[-MAX_SUBJECT_LOOKBACK:]):
                subject = self.subject_of(before, role)
                if subject:
                    return subject
            # no sentence opened on an entity: "The pY1175 motif is the binding site for PLC-g.
            # It stimulates PKC": the last entity the sentence before named, unless that is a
            # process ("... arresting the cell cycle. They release SASP factors": no actor named)
            last = self.last_entities(history[-1]) if history else ()
            return () if any(e.type == "process" for e in last) else last

        # the mentions that start in a sentence, found by bisection on their (sorted) starts;
        # a sentence takes those that also end in it, none before the last sentence's first
        starts = [m.start for m in mentions]
        mi = 0
        for span in sentences:
            mi = max(mi, bisect_left(starts, span[0]))
            stop = span[1]
            inside = [m for m in mentions[mi:max(mi, bisect_left(starts, stop))] if m.end <= stop]
            if not inside:
                history.clear()
                continue
            tagged = tag_sentence(original, span, inside)
            last = history[-1] if history else None
            self.resolve_complex(tagged, last)
            self.resolve_demonstrative(tagged, last)
            self.resolve_class_reference(tagged, last)
            self.resolve_pronouns(tagged, previous)
            self.resolve_object_pronoun(tagged)
            history.append(tagged)
            sentence = original[span[0]:span[1]]
            found = [
                _Candidate(inh, "inhibits", target, NAMED_INHIBITOR_RULE, 0, (0, 0), False)
                for inh, target in tagged.derived
            ]
            if len(tagged.tokens) > 1 or self._place_word.search(tagged.text):
                # one entity alone can only move somewhere ("X enters the nucleus")
                found.extend(self.resolve(self.candidates(tagged), tagged.text))
            for k, virtual in enumerate(self.shared_subject_texts(tagged) + self.relative_shared_texts(tagged)
                                        + self.clause_shared_texts(tagged) + self.partner_texts(tagged)
                                        + coordinated_nominal_texts(tagged) + shared_object_texts(tagged),
                                        start=1):
                shifted = _Tagged(virtual, tagged.tokens, items=tagged.items)
                found.extend(self.resolve(self.candidates(shifted), virtual))
            found = _receptor_acts(found, tagged, self._ligand_ids, self._receptor_ids)
            found = _ligand_duplicates(found)
            found = _ligand_phosphorylation(found, self._ligand_ids)
            found = _enzyme_products(found, self._products)
            if any(word in tagged.text for word in _COUNTED_WORDS):
                counted = {e.id for m in _COUNTED_SET.finditer(tagged.text)
                           if _unnamed_set(tagged.tokens[int(m.group(1))]) for e in tagged.tokens[int(m.group(1))]}
                if counted:
                    found = [c for c in found if c.subject.id not in counted and c.object.id not in counted]
            evidence: dict[str, Evidence] = {}  # (one per rule: the statements of a rule share it)
            for cand in found:
                subj, obj = cand.subject, cand.object
                key = (subj.id, cand.relation, obj.id, cand.rule, span)
                if cand.relation in UNDIRECTED and subj.id > obj.id:
                    key = (obj.id, cand.relation, subj.id, cand.rule, span)
                if key in statements:
                    if not cand.hedged and statements[key].hedged:
                        statements[key] = Statement(subj, cand.relation, obj, statements[key].evidence, False)
                    continue
                said = evidence.get(cand.rule)
                if said is None:
                    said = evidence[cand.rule] = Evidence(sentence, span[0], span[1], cand.rule)
                statements[key] = Statement(subj, cand.relation, obj, said, cand.hedged)
        return list(statements.values())


class _Spans:
    """The group spans of one RE2 match (what the code needs of a match object, made cheaply)."""

    __slots__ = ("spans",)

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def start(self, group: int = 0) -> int:
        return self.spans[group][0]

    def end(self, group: int = 0) -> int:
        return self.spans[group][1]

    def span(self, group: int = 0) -> tuple[int, int]:
        return self.spans[group]


#: a named group's opening, not escaped (screening forms lose their groups: see Extractor._screens)
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<[A-Za-z_][A-Za-z0-9_]*>")


def _group_free(source: str) -> str:
    """`source` with its named groups made plain groups: the same language, and RE2 can answer
    whether it matches without the NFA that extracting submatches needs."""
    return _NAMED_GROUP.sub("(?:", source)


_UNANCHORED, _ANCHOR_START = (re2._Anchor.UNANCHORED, re2._Anchor.ANCHOR_START) if FAST_RE2 else (None, None)


def _search(regex, raw: bytes, pos: int, anchored: bool = False) -> _Spans | None:
    """Search (or match at `pos`) bytes with a compiled re2 pattern; None when nothing matches.

    Calls the RE2 object directly: the wrapper's generator and match objects cost more than
    the matching itself on short sentences.
    """
    spans = regex._regexp.Match(_ANCHOR_START if anchored else _UNANCHORED, raw, pos, len(raw))
    return None if spans[0][0] < 0 else _Spans(spans)


def _found(regex, raw: bytes, pos: int) -> bool:
    """Whether a compiled re2 pattern (best without groups) matches bytes from `pos` on: the
    yes / no of _search without its span object."""
    return regex._regexp.Match(_UNANCHORED, raw, pos, len(raw))[0][0] >= 0


class _Pattern:
    """A compiled RE2 pattern with its named groups read once (the wrapper rebuilds that dict
    on every access), and the group numbers Extractor._run asks of every match: the subject
    slot's, the slots a loss word may end (A, B), the {GAP}-like groups judged by
    Extractor._gaps_ok and, once the rule's slots are known (`slots`), every slot's."""

    __slots__ = ("_regexp", "groupindex", "subject_group", "loss_groups", "checked_groups", "slot_groups")

    def __init__(self, regex, slots: Iterable[tuple[str, int]] = ()) -> None:
        # (without the private API, the public compiled pattern: see _search_public)
        self._regexp = regex._regexp if FAST_RE2 else regex
        self.groupindex = dict(regex.groupindex)
        self.subject_group = self.groupindex.get("A")
        self.loss_groups = [self.groupindex[name] for name in ("A", "B") if name in self.groupindex]
        self.checked_groups = [(name, self.groupindex[name]) for name in CHECKED_GROUPS if name in self.groupindex]
        self.slot_groups = [g for _, g in slots]


def _search_public(regex, raw: bytes, pos: int, anchored: bool = False) -> _Spans | None:
    """_search through google-re2's public API (when its private names are missing): the
    spans of the wrapper's match object, or None."""
    if type(regex) is _Pattern:
        regex = regex._regexp
    match = regex.match(raw, pos) if anchored else regex.search(raw, pos)
    return None if match is None else _Spans([match.span(g) for g in range(match.re.groups + 1)])


if not FAST_RE2:
    _search = _search_public  # noqa: F811 (the same results, through the public API)

    def _found(regex, raw: bytes, pos: int) -> bool:  # noqa: F811
        """_found through google-re2's public API."""
        return _search_public(regex, raw, pos) is not None


class _Helper(re2._Regexp if FAST_RE2 else object):
    """A compiled RE2 pattern whose `groupindex` is read once and whose search / match /
    fullmatch of bytes call the matcher directly: the wrapper rebuilds the group dict on every
    access and finds a first match through a generator. Results are the wrapper's match objects."""

    __slots__ = ("_groups", "_count")

    @classmethod
    def of(cls, regex: re2._Regexp) -> "_Helper":
        helper = object.__new__(cls)
        helper._pattern, helper._regexp, helper._groups = regex._pattern, regex._regexp, regex.groupindex
        helper._count = regex.groups
        return helper

    @property
    def groupindex(self) -> dict[str, int]:
        return self._groups

    @property
    def groups(self) -> int:
        return self._count  # (asked by every match object's start(group) / span(group))

    def _first(self, anchor, text, pos, endpos):
        if type(text) is not bytes:
            return next(self._match(anchor, text, pos, endpos), None)
        size = len(text)
        pos = 0 if pos is None else max(0, min(pos, size))
        endpos = size if endpos is None else max(0, min(endpos, size))
        if pos > endpos:
            return None
        spans = self._regexp.Match(anchor, text, pos, endpos)
        return None if spans[0][0] < 0 else re2._Match(self, text, pos, endpos, spans)

    def search(self, text, pos=None, endpos=None):
        return self._first(_UNANCHORED, text, pos, endpos)

    def match(self, text, pos=None, endpos=None):
        return self._first(_ANCHOR_START, text, pos, endpos)

    def fullmatch(self, text, pos=None, endpos=None):
        return self._first(re2._Anchor.ANCHOR_BOTH, text, pos, endpos)


def _regex_filter(sources: list[str]) -> tuple[Any, list[Any]]:
    """An RE2 FilteredRE2 of `sources` and its compiled pattern of each source (same order).

    ``Match(text)`` gives the indexes of the patterns that match; ``Match(text, potential=True)``
    those whose literal atoms occur (which may match).
    """
    regex_filter = re2.Filter()
    for source in sources:
        regex_filter.Add(source, _OPTIONS)
    regex_filter.Compile()
    return regex_filter, [regex_filter.re(i) for i in range(len(sources))]


def _chain_link(x: Entity, y: Entity) -> bool:
    """Whether "X/Y pathway" reads as X -> Y: not for paralogs (TSC1/TSC2, TORC1/TORC2) or two processes."""
    if x.type == "process" and y.type == "process":
        return False
    stem = re.compile(r"[0-9]+[a-z]?$")
    return stem.sub("", x.label.lower()) != stem.sub("", y.label.lower()) or len(x.label) < 3


#: "its receptor X", "the X receptor", "a ligand for X": X is named as a receptor
_RECEPTOR_AROUND = re.compile(r"(?:receptors?,?|ligands? (?:for|of)) (?:[a-z0-9-]+ )?@(\d+)@|@(\d+)@ (?:receptors?|co-?receptors?)\b")
#: a mention owned by what binds it ("binds to its @1@", where @1@ was "receptors")
_ITS_TOKEN = re.compile(r"\b(?:its|their) @(\d+)@")
#: the nominals that coordinate with one of their own kind, by kind (expression or activation)
_NOMINAL_KIND = {"expression": "expr", "transcription": "expr", "secretion": "expr", "production": "expr",
                 "synthesis": "expr", "release": "expr", "activation": "act", "stimulation": "act"}
_NOMINALS = "|".join(_NOMINAL_KIND)
#: a second nominal coordinated after an object ("expression of A and B and secretion of C")
_SECOND_NOMINAL = re.compile(r"(@ (?:and|or) )(?:the )?(" + _NOMINALS + r") of (?=(?:the )?@)")
#: the nominals before it (the last one in its clause counts: "activation of X induces expression of
#: A and secretion of B" coordinates the two expression nominals)
_FIRST_NOMINAL = re.compile(r"\b(" + _NOMINALS + r") of ")
#: a ligand acting through a receptor ("FGF19, which acts through FGFR4", "leptin signals via LEPR");
#: group 2: the receptor and those coordinated with it ("TNF acts through TNFR1 and TNFR2": both)
_ACTS_THROUGH = re.compile(r"@(\d+)@,? (?:(?:which|that) )?(?:[a-z]+ )?(?:acts?|acting|signals)"
                           r" (?:[a-z]+ly )?(?:through|via|on|upon) (?:the |its )?(?:[a-z-]+ )?"
                           r"(@\d+@(?:(?:, |,? and |,? or )(?:the )?@\d+@)*)")
#: the verbs and the prepositions every match of _ACTS_THROUGH holds (its verb between spaces)
_ACTS_WORDS = (" act ", " acts ", " acting ", " signals ")
_THROUGH_WORDS = (" through ", " via ", " on ", " upon ")
#: what a receptor does once its ligand binds it
_RECEPTOR_EFFECTS = frozenset({"activates", "inhibits", "expresses", "represses", "phosphorylates"})
#: the sentence calls a mention a ligand ("R837 mimics ssRNA as a ligand for TLR-7", "the ligand X")
_CALLED_LIGAND = re.compile(r"@(\d+)@[^@;]{0,40}?\b(?:as an? |is an? |, an? )(?:[a-z-]+ )?(?:ligand|agonist|hormone)s?\b"
                            r"|\b(?:ligands?|agonists?|hormones?) @(\d+)@")


def _ligand_like(entity: Entity, tagged: _Tagged, ligand_ids: re.Pattern) -> bool:
    """Whether `entity` can be a ligand acting through its receptor: a chemical, a secreted ligand
    family (`ligand_ids`: the LIGAND_ID macro), or a mention the sentence calls a ligand (not
    "NIK1 is bound to the receptor FLS2")."""
    if entity.type in ("chemical", "group") or ligand_ids.fullmatch(entity.id):
        return True
    text = tagged.text
    if "ligand" not in text and "agonist" not in text and "hormone" not in text:
        return False  # (what every match of _CALLED_LIGAND holds: most sentences call nothing a ligand)
    return any(entity in tagged.tokens[int(m.group(1) or m.group(2))] for m in _CALLED_LIGAND.finditer(text))


def coordinated_nominal_texts(tagged: _Tagged) -> list[str]:
    """A virtual sentence without a second nominal of the same kind coordinated with the first
    ("inhibited the expression of A and B and secretion of C via D" -> "... of A and B and C via
    D"), so that the verb and what follows the objects reach the later ones too."""
    text = tagged.text
    if ("@ and " not in text and "@ or " not in text) or " of " not in text:
        return []
    out: list[str] = []
    for k, m in enumerate(_SECOND_NOMINAL.finditer(text)):
        if k == 3:
            break  # (bounded: a sentence of many nominals stays linear to read)
        # the clause before it, within a bounded window
        start = max(0, m.start() - 400, *(text.rfind(mark, 0, m.start()) + 1 for mark in ",;:."))
        firsts = _FIRST_NOMINAL.findall(text, start, m.start())
        if firsts and _NOMINAL_KIND[firsts[-1]] == _NOMINAL_KIND[m.group(2)]:
            out.append(text[:m.end(1)] + text[m.end():])
            break  # (one per sentence: rare, and the rest of the sentence is read from it)
    return out


#: a nominal that names what happens to an object ("phosphorylation", "nuclear translocation" is
#: a place mention, "cleavage", "release")
_EVENT_NOUN = r"(?:[a-z]+(?:tion|sion|ment|sis)|cleavage|release|binding|turnover)"
#: a word that may stand before a coordinated nominal ("and subsequent degradation")
_EVENT_MODIFIER = r"(?:(?:then |thereby )?(?:subsequent|consequent|eventual|proteasomal|proteosomal|rapid|its|their|the) )?"
#: nominals coordinated before one "of" object: "the phosphorylation and subsequent degradation
#: of IkBa", "activation and @n@ of NF-kB" (a place mention: "nuclear translocation"); not after a
#: mention, whose nominal it is ("EGFR phosphorylation and activation of PI3K" names two objects)
_SHARED_OBJECT_NOMINALS = re.compile(
    r"(?<![@\w-])(?<!@ )(" + _EVENT_NOUN + r")((?:(?:, |,? (?:and|or) )" + _EVENT_MODIFIER + _EVENT_NOUN + r")*"
    r",? (?:and|or) " + _EVENT_MODIFIER + r"(?:" + _EVENT_NOUN + r"|@\d+@)) of (?=(?:the |its |their )?@)")
#: what every match of _SHARED_OBJECT_NOMINALS holds: a nominal's ending right before its "and" / "or"
_SHARED_OBJECT_GATE = re.compile(r"(?:tion|sion|ment|sis|age|ase|ing|ver),? (?:and|or) ")
#: one nominal after the first of such a list (a modifier word before it is left out)
_LISTED_NOMINAL = re.compile(r"(?:, |,? (?:and|or) )(?:(?:then |thereby )?[a-z]+ )?(" + _EVENT_NOUN + r"|@\d+@)(?=,| |$)")


def shared_object_texts(tagged: _Tagged) -> list[str]:
    """Virtual sentences with one nominal of a list that shares its object: "IKK triggers the
    phosphorylation and subsequent degradation of IkBa" -> "IKK triggers the phosphorylation of
    IkBa" and "IKK triggers the degradation of IkBa", so that each nominal's own rule reads it
    (the corpus convention: phosphorylation that leads to degradation phosphorylates and degrades)."""
    text = tagged.text
    if " of " not in text or _SHARED_OBJECT_GATE.search(text) is None:
        return []
    out: list[str] = []
    for k, m in enumerate(_SHARED_OBJECT_NOMINALS.finditer(text)):
        if k == 2:
            break  # (bounded: each virtual sentence is read in full)
        nominals = [m.group(1)]
        nominals.extend(item.group(1) for item in _LISTED_NOMINAL.finditer(m.group(2)))
        for nominal in nominals:
            if nominal.startswith("ubiquit"):
                continue  # (what the ubiquitination does is the other nominal: "ubiquitination and activation of TAK1")
            token = _TOKEN.fullmatch(nominal)
            if token is not None and not all(e.type == "group" for e in tagged.tokens[int(token.group(1))]):
                continue  # (a mention in the list that is no process or place names no event)
            out.append(text[:m.start()] + nominal + " of " + text[m.end():])
    return out


def _acting_through(tagged: _Tagged, ligand_ids: re.Pattern) -> dict[str, list[Entity]]:
    """The receptors that a ligand "acts / signals through (on)" in the sentence, by ligand id
    ("SHP and FGF19, which acts through FGFR4": FGFR4); only a ligand-like subject counts."""
    text = tagged.text
    if not any(word in text for word in _ACTS_WORDS) or not any(word in text for word in _THROUGH_WORDS):
        return {}  # (most sentences: neither an "acts" verb nor its preposition)
    out: dict[str, list[Entity]] = {}
    for m in _ACTS_THROUGH.finditer(text):
        receptors = [r for token in _TOKEN.findall(m.group(2)) for r in tagged.tokens[int(token)]]
        for lig in tagged.tokens[int(m.group(1))]:
            if _ligand_like(lig, tagged, ligand_ids):
                out.setdefault(lig.id, []).extend(r for r in receptors if r.id != lig.id)
    return out


def _receptor_acts(found: list[_Candidate], tagged: _Tagged, ligand_ids: re.Pattern,
                   receptor_ids: re.Pattern) -> list[_Candidate]:
    """A ligand that binds its receptor acts through it: the receptor is the source of the effects
    the sentence gives the ligand ("R837 mimics ssRNA as a ligand for TLR-7, and initiates
    signaling through the MyD88 pathway": TLR7 activates MyD88; the curated convention); so does a
    ligand that "acts through" a receptor ("represses CYP7A1 by induction of FGF19, which acts
    through FGFR4": FGFR4 represses CYP7A1)."""
    through = _acting_through(tagged, ligand_ids)
    binds = [c for c in found if c.relation == "binds"]
    if not through and not binds:
        return found  # (only a ligand bound to its receptor acts through it)
    # a bound partner named as a receptor by its id ("EGF binds EGFR and activates RAS")
    bound_receptors = {e.id for c in binds for e in (c.subject, c.object) if receptor_ids.fullmatch(e.id)}
    if ("receptor" not in tagged.text and "ligand" not in tagged.text and not through and not bound_receptors
            and "its @" not in tagged.text and "their @" not in tagged.text):
        return found
    receptors = {ent.id for m in _RECEPTOR_AROUND.finditer(tagged.text)
                 for ent in tagged.tokens[int(m.group(1) or m.group(2))]}
    if "its @" in tagged.text or "their @" in tagged.text:
        # "binds to its receptors leading to": the receptor words are the mention itself
        receptors.update(ent.id for m in _ITS_TOKEN.finditer(tagged.text)
                         for ent in tagged.tokens[int(m.group(1))] if receptor_ids.fullmatch(ent.id))
    receptors.update(r.id for recs in through.values() for r in recs)
    # (named a receptor only by its id: a ligand and it that both have an effect were named together,
    # "IL-6 binds IL-6R, and the resultant complex induces gp130": both keep it)
    by_id_only = bound_receptors - receptors
    receptors.update(bound_receptors)
    if not receptors:
        return found
    ligand_of: dict[str, list[Entity]] = {lig: list(recs) for lig, recs in through.items()}
    for c in binds:
        for lig, rec in ((c.subject, c.object), (c.object, c.subject)):
            if rec.id in receptors and lig.id not in receptors and _ligand_like(lig, tagged, ligand_ids):
                ligand_of.setdefault(lig.id, []).append(rec)
    if not ligand_of:
        return found
    # (and a drug that binds a receptor and inhibits something is an antagonist: "trastuzumab binds
    # HER2 and inhibits AKT" keeps the drug as the inhibitor)
    effects = {(c.subject.id, c.relation, c.object.id) for c in found} if by_id_only else set()
    out: list[_Candidate] = []
    for c in found:
        recs = ligand_of.get(c.subject.id)
        if recs and by_id_only:
            recs = [r for r in recs if r.id not in by_id_only or not (
                c.relation in _SUPPRESSING or (r.id, c.relation, c.object.id) in effects)]
        if recs and c.relation in _RECEPTOR_EFFECTS and c.object.id not in receptors:
            out.extend(c._replace(subject=r) for r in dict.fromkeys(recs) if r.id != c.object.id)
        else:
            out.append(c)
    return out


def _ligand_duplicates(found: list[_Candidate]) -> list[_Candidate]:
    """A small molecule bound to a protein that has the same effect in the sentence does not have
    it too ("Toll9 binds LPS to initiate the Toll pathway": Toll9, not LPS, activates Toll; the
    curated convention makes the receptor the source of a bound ligand's effects)."""
    partners: dict[str, set[str]] = {}
    for c in found:
        if c.relation == "binds" and (c.subject.type == "chemical") != (c.object.type == "chemical"):
            ligand, receptor = (c.subject, c.object) if c.subject.type == "chemical" else (c.object, c.subject)
            partners.setdefault(ligand.id, set()).add(receptor.id)
    if not partners:
        return found
    effects: dict[str, set[tuple[str, str]]] = {}
    for c in found:
        if c.relation in _RECEPTOR_EFFECTS:
            effects.setdefault(c.subject.id, set()).add((c.relation, c.object.id))
    # (what the partners of each ligand do, gathered once: a long list of both stays linear)
    partner_effects = {lig: set().union(*(effects.get(r, ()) for r in recs)) for lig, recs in partners.items()}
    return [c for c in found
            if not (c.subject.id in partner_effects and (c.relation, c.object.id) in partner_effects[c.subject.id])]


def _ligand_phosphorylation(found: list[_Candidate], ligand_ids: re.Pattern) -> list[_Candidate]:
    """A ligand (`ligand_ids`: cytokine, growth factor, hormone) or a small molecule is no kinase:
    its "phosphorylation of X" ("IL-2-mediated STAT5 phosphorylation") goes through the receptor and
    kinases it engages, so the curated graphs read it as activation of X."""
    return [c._replace(relation="activates")
            if c.relation == "phosphorylates" and (c.subject.type == "chemical" or ligand_ids.fullmatch(c.subject.id))
            else c for c in found]


def _enzyme_products(found: list[_Candidate], products: Products) -> list[_Candidate]:
    """An enzyme that "activates" its own product makes it (rules/products.yaml): "adenylyl
    cyclase increases cAMP" is produces, as the curated graphs draw it; a receptor that raises
    cAMP still activates it."""
    return [c._replace(relation="produces") if c.relation == "activates" and products.makes(c.subject, c.object)
            else c for c in found]


def _links_only(yields: tuple[tuple[str, str, str], ...]) -> bool:
    """Whether a rule yields only the links inside a chain or complex it names ("the PI3K/AKT
    pathway"), no statement of the chain acting on something else."""
    return all(src == dst and src in _SEQUENCES for src, _, dst in yields)


def _flip(cands: list[_Candidate]) -> list[_Candidate]:
    """Invert the sign of candidates whose subject is named as lost; drop unsigned ones."""
    return [_Candidate(c.subject, _FLIPPED[c.relation], c.object, c.rule, c.priority, c.span, c.hedged)
            for c in cands if c.relation in _FLIPPED]


_DEFAULT: Extractor | None = None


def extract(text, mentions: list[Mention]) -> list[Statement]:
    """Extract the statements of a prepared caption (``pathwaygen.text.Text``) given its mentions."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, mentions)
