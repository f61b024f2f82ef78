"""Fuzz the caption pipeline and every writer with hostile text (hypothesis; see tests/conftest.py).

Captions mix gene symbols, relation words and punctuation with the characters that break
parsers and encoders: NUL and other controls, lone surrogates, combining marks, right-to-left
text and overrides, emoji, markup (``<script>``, ``]]>``, ``&``, quotes), deep parentheses.
Properties checked at each stage:

- only :class:`PathwaygenError` (or nothing) is raised;
- offsets are exact: ``caption[start:end]`` is the mention text (and the evidence text);
- every output parses (SVG/GPML/SBGN/GraphML with lxml, the JSON formats with json, SIF as
  tab-separated lines), encodes as UTF-8, and the same graph gives the same bytes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings, strategies as st
from lxml import etree

from pathwaygen.assemble import assemble
from pathwaygen.errors import PathwaygenError
from pathwaygen.extract import extract
from pathwaygen.layout import layout_graph
from pathwaygen.model import Figure
from pathwaygen.pipeline import text_to_graph
from pathwaygen.recognize import recognize
from pathwaygen.text import prepare
from pathwaygen.writers import FORMATS, get_writer

SYMBOLS = ["TP53", "MDM2", "AKT1", "GSK3B", "NF-κB", "TGF-β", "IL-6", "p-STAT3", "SMAD2/3", "ERK1/2", "JAK1, 2 and 3",
           "PI3K", "mTORC1", "Ca2+", "cAMP", "tumour necrosis factor (TNF)", "IFN-γ", "β-catenin", "miR-21"]
WORDS = ["activates", "inhibits", "binds", "phosphorylates", "induces", "suppresses", "leads to", "via", "and", "or",
         "which", "(", ")", "[", "]", ",", ".", ";", ":", "/", "-", "–", "→", "⊣", "may", "not", "the", "of", "e.g.",
         "Fig.", "i.e.", "et al."]
HOSTILE = ["\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffe",
           "\uffff", "\ud800", "\udfff", "\u0301", "\u0308\u0301\u0327", "שלום", "مرحبا", "😀", "👩‍🔬", "🇩🇪",
           "<script>alert(1)</script>", "]]>", "<![CDATA[", "&", "&amp;", "&#0;", '"', "'", "<", ">", "\\", "{{ x }}",
           "%s", "\t", "\r\n", "\n\n", "ﬁ", "Ⅻ", "①", "ｍＴＯＲ", "İ", "ß", "Σ", "µ"]

token = st.one_of(st.sampled_from(SYMBOLS), st.sampled_from(WORDS), st.sampled_from(HOSTILE),
                  st.text(st.characters(exclude_categories=()), min_size=1, max_size=6))
#: captions that look like legends, salted with hostile characters
captions = st.one_of(
    st.lists(token, max_size=40).map(" ".join),
    st.lists(token, max_size=40).map("".join),
    st.text(st.characters(exclude_categories=()), max_size=200),
)


def check_offsets(caption: str, graph_caption: str, mentions, statements) -> None:
    """Mentions and evidence slice the caption to their text; mentions sorted, non-overlapping."""
    last = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(caption), mention
        assert caption[mention.start:mention.end] == mention.text, mention
        assert mention.start >= last, "mentions overlap or are not sorted"
        last = mention.end
    for statement in statements:
        ev = statement.evidence
        assert 0 <= ev.start <= ev.end <= len(caption)
        assert caption[ev.start:ev.end] == ev.text


@given(captions)
def test_prepare_maps_every_offset_back_into_the_caption(caption: str) -> None:
    text = prepare(caption)
    assert text.original == caption
    positions = [text.to_original(i) for i in range(len(text.norm) + 1)]
    assert positions == sorted(positions), "the offset map goes backwards"
    assert all(0 <= p <= len(caption) for p in positions)
    assert positions[-1] == len(caption)
    previous_end = 0
    for start, end in text.sentences:
        assert previous_end <= start < end <= len(caption)
        previous_end = end


@given(captions)
def test_stages_raise_only_project_errors_and_keep_offsets_exact(caption: str) -> None:
    try:
        text = prepare(caption)
        mentions = recognize(text)
        statements = extract(text, mentions)
        graph = assemble(Figure(figid="fuzz", title="", caption=caption), mentions, statements)
    except PathwaygenError:
        return
    check_offsets(caption, graph.graph["caption"], mentions, statements)
    for node, data in graph.nodes(data=True):
        for record in data["mentions"]:
            assert caption[record["start"]:record["end"]] == record["text"], (node, record)
    for *_ends, data in graph.edges(data=True):
        for ev in data["evidence"]:
            assert caption[ev["start"]:ev["end"]] == ev["text"]


def parse_output(name: str, text: str) -> None:
    """Parse one writer's output the way its readers would; raise when it is malformed."""
    text.encode("utf-8")  # strict: a lone surrogate cannot be written to a file
    if FORMATS[name].extension in (".svg", ".gpml", ".sbgn", ".graphml"):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        etree.fromstring(text.encode("utf-8"), parser)
    elif name == "sif":
        for line in text.splitlines():
            assert len(line.split("\t")) in (1, 3), repr(line)
    else:
        json.loads(text)


@settings(max_examples=max(10, settings().max_examples // 2))
@given(captions, st.sampled_from(HOSTILE + ["Title", ""]))
def test_every_writer_gives_parseable_deterministic_output(caption: str, title: str) -> None:
    try:
        graph = text_to_graph(caption, figid="fuzz", title=title + " <b>&</b>")
    except PathwaygenError:
        return
    again = text_to_graph(caption, figid="fuzz", title=title + " <b>&</b>")
    assert get_writer("json")(again, None) == get_writer("json")(graph, None), "same caption, different graph"
    layout = layout_graph(graph)
    for name in FORMATS:
        first = get_writer(name)(graph, layout)
        parse_output(name, first)
        assert get_writer(name)(graph, layout) == first, f"{name}: same graph, different bytes"


# --------------------------------------------------------------------------- the big inputs


def big_captions() -> dict[str, str]:
    """Large, pathological captions (each under the caption limit), built on demand."""
    symbols = ["TP53", "MDM2", "AKT1", "GSK3B", "MAPK1", "EGFR", "KRAS", "BRAF", "MTOR", "PTEN"]
    return {
        "thousands of entities in one sentence": "TP53 activates "
        + ", ".join(f"{symbols[i % 10]}" for i in range(3000)) + " and MDM2",
        "deeply nested parentheses": "(" * 5000 + "TP53 activates MDM2" + ")" * 5000 + ".",
        "unbalanced parentheses": "(TP53 " * 3000 + "activates MDM2.",
        "a very long token": "A" * 90_000 + " TP53 activates MDM2.",
        "a long token of symbols": "TP53/MDM2-AKT1" * 3000 + " activates EGFR.",
        "thousands of sentences": "TP53 activates MDM2. " * 3000,
        "controls and surrogates everywhere": "TP53\x00 activates\ud800 MDM2\x1f; " * 2000,
        "combining marks": "T\u0301\u0302P53 a\u0308ctivates MDM2 " * 3000,
    }


@pytest.mark.parametrize("name", list(big_captions()))
def test_big_pathological_captions_go_through_every_stage(name: str) -> None:
    caption = big_captions()[name]
    graph = text_to_graph(caption, figid="big")
    text = prepare(caption)
    mentions = recognize(text)
    check_offsets(caption, caption, mentions, extract(text, mentions))
    layout = layout_graph(graph)
    for fmt in ("svg", "gpml", "json"):
        parse_output(fmt, get_writer(fmt)(graph, layout))


def test_a_caption_over_the_limit_is_one_clear_error() -> None:
    from pathwaygen.limits import MAX_CAPTION_CHARS

    with pytest.raises(PathwaygenError) as info:
        text_to_graph("TP53 activates MDM2. " * (MAX_CAPTION_CHARS // 21 + 1), figid="huge")
    message = str(info.value)
    assert "\n" not in message and f"over the limit of {MAX_CAPTION_CHARS:,}" in message


@given(st.text(st.characters(exclude_categories=()), max_size=50))
def test_figid_and_title_never_break_a_writer(text: str) -> None:
    assume(text.strip())
    graph = text_to_graph("TP53 activates MDM2.", figid=text, title=text)
    layout = layout_graph(graph)
    for name in FORMATS:
        parse_output(name, get_writer(name)(graph, layout))
