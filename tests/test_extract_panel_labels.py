"""Nature-style panel labels ("a.| ", "b | ") end a sentence and hide no subject."""

from __future__ import annotations

from pathwaygen.text import prepare, split_panel_labels
from tests.test_extract import triples


def test_label_after_full_stop_opens_a_sentence_whose_subject_acts() -> None:
    caption = "Effects of STAT3 on the tumour. a.| STING promotes TBK1 and reduces IRF3 and JAK2 secretion."
    found = triples(caption)
    assert ("STING1", "inhibits", "IRF3") in found
    assert ("STING1", "inhibits", "JAK2") in found


def test_spans_leave_the_labels_out() -> None:
    caption = "Title of the figure. a | STING activates TBK1. b.| MDM2 binds TP53."
    spans = split_panel_labels(caption, ((0, len(caption)),))
    assert [caption[s:e] for s, e in spans] == ["Title of the figure.", "STING activates TBK1.", "MDM2 binds TP53."]


def test_a_bar_inside_a_sentence_is_no_label() -> None:
    caption = "Keywords: STING | TBK1 | IRF3."
    assert split_panel_labels(caption, ((0, len(caption)),)) == ((0, len(caption)),)


def test_label_glued_to_the_full_stop_opens_a_sentence() -> None:
    caption = "P0, organ primordia.(B) STING activates TBK1.(C) In the root, MDM2 binds TP53."
    spans = split_panel_labels(caption, ((0, len(caption)),))
    assert [caption[s:e] for s, e in spans] == ["P0, organ primordia.", "STING activates TBK1.",
                                                 "In the root, MDM2 binds TP53."]


def test_prepare_gives_the_sentences_without_their_labels() -> None:
    caption = "Title of the figure. a | STING activates TBK1. b.| MDM2 binds TP53."
    assert [caption[s:e] for s, e in prepare(caption).sentences] == [
        "Title of the figure.", "STING activates TBK1.", "MDM2 binds TP53."]
