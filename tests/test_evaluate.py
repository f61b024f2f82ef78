"""Matching and scoring of generated graphs against curated graphs (shared/corpus/README.md rules)."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathwaygen.evaluate import (
    BASELINE_RELATION,
    Counts,
    compare_graphs,
    cooccurrence_from_mentions,
    graph_edges,
    match_nodes,
    normalize_name,
    score,
)
from pathwaygen.graphjson import new_graph
from pathwaygen.model import RELATIONS, Entity, Mention
from pathwaygen.readers.curated import loads, read_curated

GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold"
GOLD_FILES = sorted(GOLD.glob("*.yaml"))
needs_gold = pytest.mark.skipif(not GOLD_FILES, reason="shared corpus not present")

CURATED = loads(
    "figid: F\n"
    "nodes:\n"
    "  STING1: {type: gene, text: [STING]}\n"
    "  TBK1: {type: gene}\n"
    "  IRF3: {type: gene}\n"
    "  NFkappaB: {type: family, text: ['NF-κB']}\n"
    "  type I interferon: {type: group, text: [type I IFNs]}\n"
    "edges:\n"
    "  - [STING1, activates, TBK1]\n"
    "  - [TBK1, phosphorylates, IRF3]\n"
    "  - [IRF3, expresses, type I interferon]\n"
    "  - [STING1, activates, NFkappaB]\n"
    "  - [TBK1, binds, STING1]\n"
)


def gen_graph(nodes: dict[str, dict], edges: list[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """A generated graph in the graph model from compact node and edge lists."""
    graph = new_graph(figid="F")
    for node, attrs in nodes.items():
        graph.add_node(node, label=attrs.get("label", node), type=attrs.get("type", "gene"),
                       xrefs=attrs.get("xrefs", {}), members=[],
                       mentions=[{"text": t, "start": 0, "end": len(t)} for t in attrs.get("mentions", [])])
    for source, relation, target in edges:
        graph.add_edge(source, target, key=relation, relation=relation, hedged=False, evidence=[])
    return graph


PERFECT = gen_graph(
    {"STING1": {"label": "STING", "xrefs": {"hgnc.symbol": "STING1"}},
     "TBK1": {}, "IRF3": {},
     "NFkappaB": {"label": "NF-kB", "type": "family", "xrefs": {"fplx": "NFkappaB"}},
     "type I IFN": {"type": "group", "mentions": ["type I IFNs"]}},
    [("STING1", "activates", "TBK1"), ("TBK1", "phosphorylates", "IRF3"), ("IRF3", "expresses", "type I IFN"),
     ("STING1", "activates", "NFkappaB"), ("STING1", "binds", "TBK1")],
)


@pytest.mark.parametrize(("a", "b"), [
    ("NF-κB", "NFkappaB"), ("Gβγ", "g beta gamma"), ("IL-1β", "IL1 beta"), ("TGF-β1", "tgf beta 1"),
    ("Spätzle", "spatzle"), ("p-STAT3", "pSTAT3"), ("µM", "mum"), ("PLCβ", "plc-beta"), ("type I IFNs", "Type-I IFNs"),
])
def test_normalize_name_equates_surface_variants(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(("a", "b"), [("STAT3", "STAT5"), ("IL-1β", "IL-1α"), ("PKC", "PKD"), ("ERK1", "ERK12")])
def test_normalize_name_keeps_different_names_apart(a: str, b: str) -> None:
    assert normalize_name(a) != normalize_name(b)


def test_perfect_generated_graph_scores_one_everywhere() -> None:
    fig = compare_graphs(CURATED, PERFECT)
    assert fig.nodes == Counts(5, 0, 0) and fig.lenient == Counts(5, 0, 0) and fig.strict == Counts(5, 0, 0)
    assert dict(fig.node_pairs) == {"STING1": "STING1", "TBK1": "TBK1", "IRF3": "IRF3",
                                    "NFkappaB": "NFkappaB", "type I interferon": "type I IFN"}
    assert not (fig.missing_nodes or fig.extra_nodes or fig.missing_edges or fig.extra_edges or fig.wrong_relation)


@pytest.mark.parametrize(("attrs", "matches"), [
    ({"xrefs": {"hgnc.symbol": "STING1"}}, True),     # HGNC symbol xref equals the key
    ({"xrefs": {"fplx": "STING1"}}, True),            # FamPlex xref equals the key
    ({"label": "sting-1"}, True),                     # label equals the key, ignoring case and punctuation
    ({"label": "STING"}, True),                       # label equals a text form
    ({"mentions": ["Sting"]}, True),                  # a mention's text equals a text form
    ({"label": "TMEM173"}, False),
    ({"xrefs": {"hgnc.symbol": "STING"}}, False),     # an id is compared with the key only
    ({"xrefs": {"ncbigene": "STING1"}}, False),       # other xrefs do not count
])
def test_node_match_rules(attrs: dict, matches: bool) -> None:
    curated = loads("nodes:\n  STING1: {type: gene, text: [STING]}\nedges: []\n")
    generated = gen_graph({"node1": attrs}, [])
    assert (match_nodes(curated, generated) == [("STING1", "node1")]) is matches


def test_node_id_equal_to_key_matches() -> None:
    curated = loads("nodes:\n  NFkappaB: {type: family}\nedges: []\n")
    assert match_nodes(curated, gen_graph({"NF-kappaB": {"label": "x"}}, [])) == [("NFkappaB", "NF-kappaB")]


def test_matching_is_one_to_one_and_maximal() -> None:
    curated = loads("nodes:\n  MAPK3: {text: [ERK1, ERK]}\n  MAPK1: {text: [ERK2, ERK]}\nedges: []\n")
    # "ERK" could go to either curated node, "ERK2" only to MAPK1: the maximum matching uses both.
    generated = gen_graph({"ERK": {}, "ERK2": {}, "ERK": {}}, [])
    assert match_nodes(curated, generated) == [("MAPK1", "ERK2"), ("MAPK3", "ERK")]
    # Two generated nodes naming one curated node: one matches, the other is extra.
    curated = loads("nodes:\n  STAT3: {}\nedges: []\n")
    fig = compare_graphs(curated, gen_graph({"STAT3": {}, "stat-3": {}}, []))
    assert fig.nodes == Counts(1, 1, 0) and len(fig.extra_nodes) == 1


def test_matching_prefers_id_matches_over_text_matches() -> None:
    curated = loads("nodes:\n  PKC: {text: [PRKCA]}\n  PRKCA: {}\nedges: []\n")
    generated = gen_graph({"PRKCA": {}}, [])
    assert match_nodes(curated, generated) == [("PRKCA", "PRKCA")]


def test_missing_edge_lowers_recall_by_exactly_one() -> None:
    generated = PERFECT.copy()
    generated.remove_edge("TBK1", "IRF3", "phosphorylates")
    fig = compare_graphs(CURATED, generated)
    assert fig.lenient == Counts(4, 0, 1) and fig.strict == Counts(4, 0, 1)
    assert fig.missing_edges == (("TBK1", "phosphorylates", "IRF3"),)
    assert fig.lenient.recall == pytest.approx(4 / 5) and fig.lenient.precision == 1.0


def test_wrong_relation_is_lenient_hit_and_strict_miss() -> None:
    generated = PERFECT.copy()
    generated.remove_edge("TBK1", "IRF3", "phosphorylates")
    generated.add_edge("TBK1", "IRF3", key="activates", relation="activates")
    fig = compare_graphs(CURATED, generated)
    assert fig.lenient == Counts(5, 0, 0) and fig.strict == Counts(4, 1, 1)
    assert fig.wrong_relation == ((("TBK1", "phosphorylates", "IRF3"), ("TBK1", "activates", "IRF3")),)


def test_reversed_direction_misses_unless_binds() -> None:
    generated = PERFECT.copy()
    generated.remove_edge("STING1", "TBK1", "activates")
    generated.add_edge("TBK1", "STING1", key="activates", relation="activates")
    generated.remove_edge("STING1", "TBK1", "binds")
    generated.add_edge("TBK1", "STING1", key="binds", relation="binds")
    fig = compare_graphs(CURATED, generated)
    # The reversed activation can only pair with the curated binds edge (binds has no direction),
    # which leaves the generated binds edge to pair with the curated activation: all lenient hits,
    # but only the binds edge is a strict hit.
    assert fig.lenient == Counts(5, 0, 0) and fig.strict == Counts(4, 1, 1)
    assert sorted(fig.wrong_relation) == [(("STING1", "activates", "TBK1"), ("STING1", "binds", "TBK1")),
                                          (("STING1", "binds", "TBK1"), ("TBK1", "activates", "STING1"))]
    # without the binds edges, the reversed activation is a plain miss
    generated.remove_edge("TBK1", "STING1", "binds")
    curated = CURATED.copy()
    curated.remove_edge("TBK1", "STING1", "binds")
    fig = compare_graphs(curated, generated)
    assert fig.lenient == Counts(3, 1, 1) and fig.missing_edges == (("STING1", "activates", "TBK1"),)


def test_binds_matches_either_direction() -> None:
    curated = loads("nodes:\n  A: {}\n  B: {}\nedges:\n  - [A, binds, B]\n")
    for edge in [("A", "binds", "B"), ("B", "binds", "A")]:
        fig = compare_graphs(curated, gen_graph({"A": {}, "B": {}}, [edge]))
        assert fig.strict == Counts(1, 0, 0)
    fig = compare_graphs(curated, gen_graph({"A": {}, "B": {}}, [("B", "activates", "A")]))
    assert fig.lenient == Counts(1, 0, 0) and fig.strict == Counts(0, 1, 1)
    directed = loads("nodes:\n  A: {}\n  B: {}\nedges:\n  - [A, activates, B]\n")
    assert compare_graphs(directed, gen_graph({"A": {}, "B": {}}, [("B", "activates", "A")])).lenient == Counts(0, 1, 1)
    assert compare_graphs(directed, gen_graph({"A": {}, "B": {}}, [("B", "binds", "A")])).lenient == Counts(1, 0, 0)


def test_edge_matching_is_one_to_one() -> None:
    curated = loads("nodes:\n  A: {}\n  B: {}\nedges:\n  - [A, phosphorylates, B]\n  - [A, degrades, B]\n")
    fig = compare_graphs(curated, gen_graph({"A": {}, "B": {}}, [("A", "activates", "B")]))
    assert fig.lenient == Counts(1, 0, 1) and fig.strict == Counts(0, 1, 2)
    fig = compare_graphs(curated, gen_graph({"A": {}, "B": {}}, [("A", "activates", "B"), ("A", "degrades", "B")]))
    assert fig.lenient == Counts(2, 0, 0) and fig.strict == Counts(1, 1, 1)
    assert fig.wrong_relation == ((("A", "phosphorylates", "B"), ("A", "activates", "B")),)


def test_edges_between_unmatched_nodes_are_extra() -> None:
    generated = PERFECT.copy()
    generated.add_node("MYD88", label="MYD88", type="gene", xrefs={}, members=[], mentions=[])
    generated.add_edge("MYD88", "TBK1", key="activates", relation="activates")
    fig = compare_graphs(CURATED, generated)
    assert fig.nodes == Counts(5, 1, 0) and fig.extra_nodes == ("MYD88",)
    assert fig.lenient == Counts(5, 1, 0) and fig.extra_edges == (("MYD88", "activates", "TBK1"),)


def test_node_only_graph_gets_node_scores_and_misses_every_edge() -> None:
    nodes_only = PERFECT.copy()
    nodes_only.remove_edges_from(list(nodes_only.edges(keys=True)))
    fig = compare_graphs(CURATED, nodes_only)
    assert fig.nodes == Counts(5, 0, 0)
    assert fig.lenient == Counts(0, 0, 5) and fig.strict == Counts(0, 0, 5)
    assert fig.lenient.precision == 0.0 and fig.lenient.recall == 0.0 and fig.lenient.f1 == 0.0


def test_counts_scores() -> None:
    c = Counts(3, 1, 2)
    assert c.precision == pytest.approx(0.75) and c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts(0, 0, 0).f1 == 1.0  # nothing to find, nothing claimed
    assert Counts(0, 2, 0).precision == 0.0 and Counts(0, 0, 2).recall == 0.0
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)


def test_score_is_micro_average_over_figures() -> None:
    small = loads("figid: G\nnodes:\n  A: {}\n  B: {}\nedges:\n  - [A, activates, B]\n")
    empty = gen_graph({}, [])
    total = score([CURATED, small], [PERFECT, empty])
    assert total.nodes == Counts(5, 0, 2) and total.lenient == Counts(5, 0, 1)
    assert total.lenient.recall == pytest.approx(5 / 6)  # not the macro mean (1 + 0) / 2
    by_id = score({"F": CURATED, "G": small}, {"F": PERFECT})  # a figure with no generated graph misses all
    assert by_id.lenient == total.lenient and [f.figid for f in by_id.figures] == ["F", "G"]
    with pytest.raises(ValueError):
        score([CURATED], [])


def test_as_dict_is_json_ready() -> None:
    import json
    fig = compare_graphs(CURATED, PERFECT)
    data = json.loads(json.dumps(score([CURATED], [PERFECT]).as_dict()))
    assert data["edges_strict"]["f1"] == 1.0 and data["figures"][0] == json.loads(json.dumps(fig.as_dict()))


@needs_gold
def test_gold_against_itself_scores_one() -> None:
    gold = [read_curated(p) for p in GOLD_FILES]
    total = score(gold, gold)
    n_nodes = sum(g.number_of_nodes() for g in gold)
    n_edges = sum(len(graph_edges(g)) for g in gold)
    assert total.nodes == Counts(n_nodes, 0, 0)
    assert total.lenient == Counts(n_edges, 0, 0) and total.strict == Counts(n_edges, 0, 0)


@needs_gold
def test_gold_with_edges_removed_gives_the_exact_recall() -> None:
    rng = random.Random(7)
    gold = [read_curated(p) for p in GOLD_FILES]
    n_edges = sum(len(graph_edges(g)) for g in gold)
    pruned, removed = [], 0
    for graph in gold:
        copy = graph.copy()
        edges = sorted(copy.edges(keys=True))
        if edges and rng.random() < 0.5:
            copy.remove_edge(*rng.choice(edges))
            removed += 1
        pruned.append(copy)
    total = score(gold, pruned)
    assert removed > 0
    assert total.lenient.recall == pytest.approx((n_edges - removed) / n_edges)
    assert total.strict.precision == 1.0 and total.nodes.f1 == 1.0


# --- property: any graph scores 1.0 against itself; scores do not depend on insertion order ---

names = st.sampled_from(["STAT3", "JAK2", "IL6", "IL6R", "NFkappaB", "TNF", "AKT1", "MTOR", "ROS", "atp"])


@st.composite
def graphs(draw: st.DrawFn) -> nx.MultiDiGraph:
    nodes = draw(st.lists(names, min_size=1, max_size=8, unique=True))
    edges = draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(RELATIONS), st.sampled_from(nodes)),
                          max_size=12))
    return gen_graph({n: {} for n in nodes}, edges)


@settings(max_examples=60, deadline=None)
@given(graphs(), graphs())
def test_properties_self_match_and_order_independence(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    self_score = compare_graphs(a, a)
    assert self_score.nodes.f1 == 1.0 and self_score.lenient.f1 == 1.0 and self_score.strict.f1 == 1.0
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(b.graph)
    shuffled.add_nodes_from(reversed(list(b.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(b.edges(keys=True, data=True))))
    assert compare_graphs(a, b) == compare_graphs(a, shuffled)
    fig = compare_graphs(a, b)
    assert fig.strict.tp <= fig.lenient.tp <= min(len(graph_edges(a)), len(graph_edges(b)))
    assert fig.lenient.tp + fig.lenient.fn == len(graph_edges(a))


# --- the co-occurrence baseline ---

def test_cooccurrence_links_every_pair_in_a_sentence_in_text_order() -> None:
    caption = "IL-6 activates JAK2 and STAT3. TNF is shown. STAT3 binds IL-6."
    def ent(symbol: str) -> Entity:
        return Entity(symbol, symbol, "gene", (("hgnc.symbol", symbol),))
    def mention(text: str, start: int, *entities: Entity) -> Mention:
        assert caption[start:start + len(text)] == text
        return Mention(start, start + len(text), text, entities)
    il6, jak2, stat3, tnf = ent("IL6"), ent("JAK2"), ent("STAT3"), ent("TNF")
    mentions = [mention("IL-6", 0, il6), mention("JAK2", 15, jak2), mention("STAT3", 24, stat3),
                mention("TNF", 31, tnf), mention("STAT3", 45, stat3), mention("IL-6", 57, il6)]
    sentences = ((0, 30), (31, 44), (45, 62))
    graph = cooccurrence_from_mentions(caption, sentences, mentions, figid="X")
    assert sorted(graph.nodes) == ["IL6", "JAK2", "STAT3", "TNF"]
    assert graph.nodes["IL6"]["mentions"] == [{"text": "IL-6", "start": 0, "end": 4},
                                              {"text": "IL-6", "start": 57, "end": 61}]
    assert graph_edges(graph) == sorted([("IL6", BASELINE_RELATION, "JAK2"), ("IL6", BASELINE_RELATION, "STAT3"),
                                         ("JAK2", BASELINE_RELATION, "STAT3"), ("STAT3", BASELINE_RELATION, "IL6")])
    evidence = graph.edges["STAT3", "IL6", BASELINE_RELATION]["evidence"]
    assert evidence[0]["text"] == caption[45:62] and evidence[0]["rule"] == "baseline.cooccurrence"
