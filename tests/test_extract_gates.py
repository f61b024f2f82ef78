"""The literal pre-checks of extract.py let through every text the pattern they guard matches.

A pre-check (a str.endswith / startswith / ``in`` test, or the offset of the first negation
word) spares a regex search only when that search cannot match. Hypothesis writes texts that
each guarded pattern matches, and every one must pass its pre-check; the loss endings, which
replaced two end-anchored regexes, must read exactly what those read.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings, strategies as st

from pathwaygen import extract as X
from pathwaygen import text as text_module
from pathwaygen.text import prepare

ASCII = st.characters(codec="ascii")


def _matching(pattern: str) -> st.SearchStrategy[str]:
    """ASCII texts without a newline that hold a match of `pattern` (tagged sentences are such)."""
    return st.from_regex(pattern, alphabet=ASCII).filter(lambda t: "\n" not in t)


@settings(max_examples=40, deadline=None)
@given(_matching(X._AGENT_BEFORE.pattern))
def test_agent_needs_its_by_ending(text):
    if X._AGENT_BEFORE.search(text):
        assert text.endswith(X._BY_ENDINGS)


@settings(max_examples=40, deadline=None)
@given(_matching(X._ACTIVATED_BY.pattern))
def test_activator_needs_its_by_ending(text):
    if X._ACTIVATED_BY.search(text):
        assert text.endswith(X._BY_ENDINGS)


@settings(max_examples=40, deadline=None)
@given(_matching(X._PREPOSITION_BEFORE.pattern))
def test_preposition_needs_its_ending(text):
    if X._PREPOSITION_BEFORE.search(text):
        assert text.endswith(X._PREPOSITION_ENDINGS)


@settings(max_examples=40, deadline=None)
@given(_matching(X._MEMBERS_BEFORE.pattern))
def test_member_word_needs_its_ending(text):
    if X._MEMBERS_BEFORE.search(text):
        assert text.endswith(X._MEMBERS_ENDINGS)


@pytest.mark.parametrize("pattern", [X._NEGATION, X._NEGATION_BEFORE], ids=["negation", "negation_before"])
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_every_negation_holds_a_negation_word(pattern, data):
    text = data.draw(_matching(pattern.pattern))
    match = pattern.search(text)
    if match:
        assert re.search(X._NEGATION_WORD, match.group()), match.group()


@settings(max_examples=40, deadline=None)
@given(_matching(X._TO_VERB.pattern), _matching(X._RESPECTIVELY.pattern), _matching(X._LIST_JOIN.pattern))
def test_after_slot_checks_need_their_literals(to_verb, respectively, join):
    match = X._TO_VERB.search(to_verb)
    assert match is None or to_verb.startswith(" to ", match.start())
    match = X._RESPECTIVELY.search(respectively)
    assert match is None or respectively.startswith((" respectively", ", respectively"), match.start())
    match = X._LIST_JOIN.search(join)
    assert match is None or ", " in match.group()


# the end-anchored patterns the loss endings replaced (the specification of the endings)
FORMER_LOSS_OF = re.compile(
    r"(?:inhibition|inactivation|loss|deletion|knockdown|knock-down|depletion|blockade|"
    r"blocking|absence|lack|suppression|down-?regulation|silencing|ablation|"
    r"disruption|deficiency|reduction|decrease|degradation) of (?:the )?$"
    # (since added: a low amount, "low glucose activates AMPK")
    r"|(?:low|lower|insufficient) (?:the )?$")
FORMER_LOST = re.compile(r"@ (?:depletion|deficiency|loss|knockdown|knock-down|knockout|deletion|silencing|ablation|"
                         r"inhibition|blockade|inactivation|downregulation|down-regulation)$")


@settings(max_examples=100, deadline=None)
@given(st.one_of(_matching(FORMER_LOSS_OF.pattern), st.text(ASCII, max_size=60)))
def test_loss_endings_read_what_the_former_pattern_read(text):
    # (the former search looked at most 40 characters back)
    assert text.endswith(X._LOSS_OF) == bool(FORMER_LOSS_OF.search(text, max(0, len(text) - 40)))


@settings(max_examples=100, deadline=None)
@given(st.one_of(_matching(FORMER_LOST.pattern), st.text(ASCII, max_size=60)))
def test_lost_endings_read_what_the_former_pattern_read(text):
    assert text.endswith(X._LOST) == bool(FORMER_LOST.search(text))


def test_endings_examples():
    assert "@1@ is activated by the ".endswith(X._BY_ENDINGS)
    assert "loss of the ".endswith(X._LOSS_OF) and not "loss of a ".endswith(X._LOSS_OF)
    assert "@0@ knockdown".endswith(X._LOST) and not "@0@ knockdowns".endswith(X._LOST)


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(" \t\n\r\x0b\x0c\xa0\u2009\u3000ab@,\x00\x01"), max_size=12))
def test_odd_space_finds_what_the_substitution_changes(text):
    if not X._odd_space(text):
        assert X._SPACES.sub(" ", text) == text


@pytest.fixture(scope="module")
def extractor() -> X.Extractor:
    X.extract(prepare("TP53 activates MDM2."), [])  # (the process's extractor, shared with other tests)
    return X._DEFAULT


def _source(helper) -> str:
    source = helper._pattern
    return source.decode() if isinstance(source, bytes) else source


# The reference patterns are too large to generate texts from in a test's time: the parts of
# them that the pre-checks read are checked instead (edit the pre-check with the pattern).
def test_pronoun_pre_check_reads_the_pronoun_pattern(extractor):
    source = _source(extractor._pronoun)
    joints, pronoun = source.split("(?P<P>", 1)
    # every joint before the pronoun ends on a space (or is the sentence start)
    assert joints == (r"(?:^|, |; |: | and |where |when |which |whereupon |then |, where |, when |"
                      r" (?:or|as|because|since|once|until) )")
    assert pronoun.startswith("it|they|this complex|the complex|this protein)(?:,)? ")
    for text in ("it activates @1@", "@0@ binds @1@, and it activates @2@", "then they activate @1@",
                 "@0@ binds @1@ and the complex activates @2@", "this protein, activates @1@",
                 "they, in turn, activate @1@", "@0@ is cleaved; this complex activates @1@",
                 "@0@ has two roles: it activates @1@"):
        assert extractor._pronoun.search(text.encode()) is not None, text
        assert X._may_hold_pronoun(text), text
    assert not X._may_hold_pronoun("@0@ activates @1@ with its partner")
    assert not X._may_hold_pronoun("@0@ forms a complex with @1@ and @2@")


def test_demonstrative_pre_check_reads_its_pattern(extractor):
    source = _source(extractor._demonstrative)
    assert source.startswith(r"^(?:(?:stimulation|activation|engagement|inhibition) of )?(?P<P>this|these|this (?:")
    assert source.split("(?P<P>", 1)[1].split(")(?:,)?", 1)[0].startswith("this|these|this (?:")
    for text in ("this activates @0@", "activation of these events leads to @0@"):
        assert extractor._demonstrative.match(text.encode()) is not None, text
        assert text.startswith(X._DEMONSTRATIVE_START)


def test_class_reference_pre_check_reads_its_pattern(extractor):
    source = _source(extractor._class_reference)
    # the phrase opens within 42 characters and its first word is one of the pre-check's
    assert source.startswith(r"^(?:[^,@]{0,40}, )?(?P<P>(?:these|those|both|the two|this|the latter) ")
    # (the longest opening word, "the latter ", ends within 42 + 11 characters)
    for words in ("these", "those", "both", "the two", "this", "the latter"):
        text = f"in addition to its role in the nucleus, {words} kinases phosphorylate @0@"
        assert extractor._class_reference.match(text.encode()) is not None
        assert X._may_open_on_class(text), text
    assert not X._may_open_on_class("@0@ activates @1@")


# -- the pre-checks of the Python side (slot reading, shared verbs, inhibitor words) --

@settings(max_examples=40, deadline=None)
@given(_matching(X._PART_OF.pattern))
def test_part_of_starts_on_a_part_word(text):
    for match in X._PART_OF.finditer(text):
        assert text.startswith(X._PART_WORDS, match.start())


@settings(max_examples=40, deadline=None)
@given(_matching(X._CLASS_OF_NEXT.pattern))
def test_class_of_next_starts_on_a_part_word(text):
    for match in X._CLASS_OF_NEXT.finditer(text):
        assert text.startswith(X._PART_WORDS, match.start())


def test_every_shared_joint_is_checked():
    source = X.Extractor()._shared.pattern
    head = re.match(r" \(\?:([a-z |]+)\) ", source)
    assert head is not None, source[:60]
    for joint in head.group(1).split("|"):
        assert any(word in f" {joint} " for word in X._SHARED_JOINTS), joint


def test_inhibitor_words_lowercase_but_for_the_odd_cases():
    # a character re.IGNORECASE matches to a letter of the words is lowercased to that letter,
    # unless it is one of _ODD_CASES: so a sentence without those whose lowercase form holds
    # none of the words holds no match of _INHIBITOR_WORD
    letters = sorted(set("inhibitorantagonistblocker"))
    any_letter = re.compile("[" + "".join(letters) + "]", re.IGNORECASE)
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if not any_letter.fullmatch(char) or char in X._ODD_CASES:
            continue
        for letter in letters:
            if re.fullmatch(letter, char, re.IGNORECASE):
                assert char.lower() == letter, hex(point)


def test_inhibitor_guard_on_odd_cases():
    # "\u0130nhibitor" lowercases to "i\u0307nhibitor", "\u0131" and "\u017f" stay: the regex still decides
    entity = X.Entity(id="JAK2", label="JAK2", type="gene")
    for word in ("\u0130nhibitor", "antagoni\u017ft", "inh\u0131bitor"):
        text = f"JAK2 {word} blocks STAT3."
        tagged = X.tag_sentence(text, (0, len(text)), [X.Mention(0, 4, "JAK2", (entity,))])
        assert [inh.id for inh, _ in tagged.derived] == ["JAK2 inhibitor"], word


@settings(max_examples=40, deadline=None)
@given(st.from_regex(X._GENES.pattern, alphabet=ASCII))
def test_genes_match_ends_on_a_gene_ending(text):
    if X._GENES.search(text):
        assert text.endswith(X._GENE_ENDINGS)


def test_item_shortcut_is_the_item_scan():
    # a slot that is one token is the one item _ITEM finds
    for slot in ("@0@", "@12@", "@1@-@2@", "@1@ and @2@", "the @3@", "@4@ pathway", "@5@/@6@", "@@", "@x@"):
        whole = X._TOKEN.fullmatch(slot)
        if whole is not None:
            assert [m.span() for m in X._ITEM.finditer(slot)] == [whole.span()]


# -- rewritten scans that must read what the former pattern read --

@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(" ()[]a@1,"), max_size=40))
def test_sub_parentheses_is_the_paren_substitution(text):
    def mark(start: int, end: int, inside: str) -> str:
        return f"<{start}:{end}:{inside}>"
    assert X._sub_parentheses(text, mark) == X._PAREN.sub(lambda m: mark(m.start(), m.end(), m.group(1)), text)


FORMER_LONG_FORM = re.compile(r"(?: (?!" + X._FUNCTION + r"\b|" + X._VERBISH + r"\b)[a-z][a-z0-9'/-]*){1,5} \x00")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "g", "protein", "the", "of", "activated", "kinase-1", "x/y", "@1@", "\x00", ""]),
                max_size=14))
def test_long_form_reads_what_the_former_pattern_read(words):
    text = " ".join(words)
    def mark(match: re.Match[str]) -> str:
        return f"<{match.start()}:{match.group()}>"
    assert X._LONG_FORM.sub(mark, text) == FORMER_LONG_FORM.sub(mark, text)


def test_object_pronoun_cue_reads_the_pronoun_patterns(extractor):
    # the pronoun group follows a space and ends on a word boundary in both patterns
    for helper in (extractor._object_pronoun, extractor._contrast_pronoun):
        source = _source(helper)
        assert source.count("(?P<P>") == 1 and source.split("(?P<P>", 1)[0].endswith(") "), source[-200:]
    for helper in (extractor._object_pronoun, extractor._contrast_pronoun):
        assert _source(helper).endswith(
            "(?P<P>it|them|(?:their|its) (?:expression|transcription|activity|activation|function))\\b")
    for text in ("@0@ phosphorylates @1@ and inactivates it", "@0@ binds @1@ and degrades them.",
                 "@0@ phosphorylates @1@ and inhibits its activity.",
                 "@0@ represses @1@ while @2@ promotes their expression",
                 "@0@ phosphorylates @1@ and then inhibits it, and", "@0@ binds @1@ and @2@ and induces their transcription"):
        pattern = extractor._object_pronoun if "while" not in text else extractor._contrast_pronoun
        assert pattern.search(text.encode()) is not None, text
        assert X._OBJECT_PRONOUN_CUE.search(text), text
    assert not X._OBJECT_PRONOUN_CUE.search("@0@ binds its receptor @1@ and acts on items")
    partner = "@0@ is sensed by @1@, inducing its oligomerization with @2@"
    assert X._LICENSED_PRONOUN.search(partner) and X._OBJECT_PRONOUN_CUE.search(partner)


@settings(max_examples=60, deadline=None)
@given(_matching(X._LICENSED_PRONOUN.pattern))
def test_licensed_pronoun_needs_the_cue(text):
    if X._LICENSED_PRONOUN.search(text):
        assert X._OBJECT_PRONOUN_CUE.search(text)


FORMER_CATEGORY_BEFORE_MEMBERS = re.compile(X._CATEGORY_BEFORE_MEMBERS.pattern.replace("|@(?<=the @)", "|(?<=the )@"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["the", "@1@", "@2@", "kinase", "family", "member", "members", "proteins", "x"]),
                max_size=10))
def test_category_before_members_reads_what_the_former_pattern_read(words):
    text = " ".join(words)
    assert "(?<=the )" not in X._CATEGORY_BEFORE_MEMBERS.pattern
    assert X._CATEGORY_BEFORE_MEMBERS.sub("", text) == FORMER_CATEGORY_BEFORE_MEMBERS.sub("", text)


@settings(max_examples=100, deadline=None)
@given(_matching(X._APPOSED_NAME.pattern))
def test_apposed_name_opens_the_text_or_follows_a_clause_break(text):
    for match in X._APPOSED_NAME.finditer(text):
        assert ", @" in text and "@, " in text
        assert text.startswith(X._APPOSED_START) or "; " in text or ": " in text, text


@settings(max_examples=100, deadline=None)
@given(_matching(text_module._PANEL_LABEL.pattern))
def test_every_panel_label_holds_a_bar_or_a_parenthesis_after_a_stop(text):
    for match in text_module._PANEL_LABEL.finditer(text):
        assert "|" in match.group() or text.startswith(".(", match.start() - 1), (text, match.group())


@settings(max_examples=100, deadline=None)
@given(st.one_of(_matching(X._CHAIN_BEFORE.pattern), st.from_regex(X._CHAIN_BEFORE.pattern, alphabet=ASCII)))
def test_chain_before_needs_its_ending(text):
    if X._CHAIN_BEFORE.search(text):
        assert text.endswith(X._CHAIN_ENDINGS), repr(text)


@settings(max_examples=60, deadline=None)
@given(_matching(X._COUNTED_SET.pattern))
def test_counted_set_holds_a_counting_word(text):
    if X._COUNTED_SET.search(text):
        assert any(word in text for word in X._COUNTED_WORDS), text


@settings(max_examples=60, deadline=None)
@given(_matching(X._ACTS_THROUGH.pattern))
def test_acts_through_holds_its_verb_and_preposition(text):
    if X._ACTS_THROUGH.search(text):
        assert any(word in text for word in X._ACTS_WORDS), text
        assert any(word in text for word in X._THROUGH_WORDS), text


@settings(max_examples=60, deadline=None)
@given(_matching(X._SHARED_OBJECT_NOMINALS.pattern))
def test_shared_object_nominals_need_their_gate(text):
    if X._SHARED_OBJECT_NOMINALS.search(text):
        assert " of " in text and X._SHARED_OBJECT_GATE.search(text), text
