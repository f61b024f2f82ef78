"""Caption normalisation: Greek letters, dashes, NFKC; exact offset map; sentence splitting."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from pathwaygen.text import _last_word, prepare


def test_greek_dashes_and_nfkc() -> None:
    text = prepare("NF-κB and TGF–β bind Ca²⁺ in the −80 mV state")
    assert text.norm == "NF-kappaB and TGF-beta bind Ca2+ in the -80 mV state"


def test_offsets_map_back_to_the_original() -> None:
    caption = "p–STAT3 and NF-κB enter the nucleus."
    text = prepare(caption)
    start = text.norm.index("NF-kappaB")
    end = start + len("NF-kappaB")
    assert caption[text.to_original(start) : text.to_original(end)] == "NF-κB"
    assert text.to_original(len(text.norm)) == len(caption)


def test_sentences_survive_abbreviations() -> None:
    caption = ("Ligands (e.g. IL-6, i.e. a cytokine) act vs. receptors as shown in Fig. 2. "
               "The F. oxysporum STAT3 moves. Finally, genes are expressed!")
    text = prepare(caption)
    sentences = [caption[s:e] for s, e in text.sentences]
    assert sentences == [
        "Ligands (e.g. IL-6, i.e. a cytokine) act vs. receptors as shown in Fig. 2.",
        "The F. oxysporum STAT3 moves.",
        "Finally, genes are expressed!",
    ]


def test_acronym_spelled_like_an_abbreviation_ends_a_sentence() -> None:
    # "NO" (nitric oxide), "MS", "MAX" in capitals are acronyms, not "No." / "Ms." / "max."
    caption = "eNOS makes NO. NO activates sGC in MS. Dr. Smith saw FIG. 2 and No. 5. MAX binds MYC."
    text = prepare(caption)
    assert [caption[s:e] for s, e in text.sentences] == [
        "eNOS makes NO.",
        "NO activates sGC in MS.",
        "Dr. Smith saw FIG. 2 and No. 5.",
        "MAX binds MYC.",
    ]


def test_reference_numbers_after_a_full_stop_end_the_sentence() -> None:
    # flattened superscript citations ("potentiation.167, 168 TrkB"): the stop still ends the
    # sentence and the numbers stay with it; a decimal ("1.5 M") is no stop
    caption = ("CaMK raises BDNF (CaMK).163 TrkB binds BDNF. TrkB promotes LTP.167, 168, 169-171 "
               "Shc binds TrkB in 1.5 M NaCl. PLC acts.12 p53 rises.")
    text = prepare(caption)
    assert [caption[s:e] for s, e in text.sentences] == [
        "CaMK raises BDNF (CaMK).163", "TrkB binds BDNF.", "TrkB promotes LTP.167, 168, 169-171",
        "Shc binds TrkB in 1.5 M NaCl.", "PLC acts.12", "p53 rises.",
    ]


def test_lowercase_panel_label_opens_a_sentence() -> None:
    # "(i)", "(ii)", "(a)" before a capital: the label opens the next sentence, whose opening
    # subject the later verbs share; a label inside a sentence ("binds e.g. (a) foo") stays
    caption = "Gs activates AC in COS-7 cells. (i) Activation of PKA inhibits RAF. (ii) Gi binds AC. (a) In the liver, X acts. It binds e.g. (a) foo."
    text = prepare(caption)
    assert [caption[s:e] for s, e in text.sentences] == [
        "Gs activates AC in COS-7 cells.",
        "(i) Activation of PKA inhibits RAF.",
        "(ii) Gi binds AC.",
        "(a) In the liver, X acts.",
        "It binds e.g. (a) foo.",
    ]


def test_sentence_may_open_on_a_lowercase_symbol_or_greek_letter() -> None:
    # "p53", "mTOR", "c-Myc", "β-catenin", "βA" open sentences; an ordinary lowercase word does not
    caption = ("AKT is active. p53 is degraded. mTOR binds. c-Myc rises (βA). βA binds. "
               "It ends in Wnt. β-catenin moves, e.g. mTOR. mutations persist.")
    text = prepare(caption)
    assert [caption[s:e] for s, e in text.sentences] == [
        "AKT is active.", "p53 is degraded.", "mTOR binds.", "c-Myc rises (βA).", "βA binds.",
        "It ends in Wnt.", "β-catenin moves, e.g. mTOR. mutations persist.",
    ]


def test_sentences_use_original_offsets_with_greek() -> None:
    caption = "TNF-α activates NF-κB. IκBα is degraded."
    text = prepare(caption)
    assert [caption[s:e] for s, e in text.sentences] == ["TNF-α activates NF-κB.", "IκBα is degraded."]


@given(st.text(alphabet=st.sampled_from(list("abcAB12 -.,()/κβα–−²⁺\u00adﬁé")), max_size=60))
def test_offset_map_is_monotone_and_complete(caption: str) -> None:
    text = prepare(caption)
    offsets = [text.to_original(i) for i in range(len(text.norm) + 1)]
    assert offsets == sorted(offsets)
    assert offsets[-1] == len(caption)
    for s, e in text.sentences:
        assert 0 <= s < e <= len(caption)


def test_offset_map_of_long_and_plain_ascii_captions() -> None:
    # plain printable ASCII skips the character scan; offsets are slices of a table grown on demand
    for caption in ("TP53 activates MDM2. MDM2 degrades TP53.", "x" * 9000 + ". A\u03b2 " + "y" * 5000):
        text = prepare(caption)
        assert [text.to_original(i) for i in range(len(text.norm) + 1)] == (
            list(range(len(caption) + 1)) if caption.isascii() else
            list(range(9003)) + [9003] * 4 + list(range(9004, len(caption) + 1)))
    assert prepare("TP53 activates MDM2. MDM2 degrades TP53.").sentences == ((0, 20), (21, 40))


#: what _last_word computes without a regex (the word before a full stop, "et al" as one)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*(?: al)?)$")


@given(st.text(alphabet="aAzZ. l-1", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_last_word_is_the_regex_word(text: str, low: int, end: int) -> None:
    end = min(end, len(text))
    low = min(low, end)
    match = _LAST_WORD.search(text[low:end])
    assert _last_word(text, low, end) == (match.group(1) if match else "")


def test_a_symbol_ending_on_one_letter_ends_a_sentence() -> None:
    # the "K" of "PI3K." is no initial ("F. oxysporum"): the next sentence starts after it
    caption = "EGFR activates PI3K. AKT phosphorylates GSK3. Fungi such as F. oxysporum invade."
    text = prepare(caption)
    assert [caption[a:b] for a, b in text.sentences] == [
        "EGFR activates PI3K.", "AKT phosphorylates GSK3.", "Fungi such as F. oxysporum invade."]


def test_a_letter_after_a_hyphen_ends_a_symbol_and_a_sentence() -> None:
    """'RIG-I.' ends a sentence (the I is no initial, as in 'F. oxysporum')."""
    text = prepare("RNA is detected by RIG-I. DHX9 senses CpG. F. oxysporum grows.")
    assert [text.original[s:e] for s, e in text.sentences] == [
        "RNA is detected by RIG-I.", "DHX9 senses CpG.", "F. oxysporum grows."]
