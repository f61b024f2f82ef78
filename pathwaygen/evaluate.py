"""Score generated graphs against curated ones: THE one matching and scoring implementation.

`evaluate` (the corpus command), `compare` (one pair, with a diff diagram) and every helper
that measures itself use these functions, so a number means the same thing everywhere.
The rules are those of ``shared/corpus/README.md``:

Nodes
    A generated node matches a curated node when its ``hgnc.symbol`` xref, its ``fplx`` xref
    or its node id equals the curated key, or when its label or the text of one of its
    mentions equals the key or one of the curated ``text`` forms. Names are compared by
    `normalize_name`: case-insensitive, punctuation and spaces ignored, Greek letters spelled
    out (κ -> kappa), accents dropped. Matching is one-to-one: a maximum matching that prefers
    id matches over label matches over text-form matches.
Edges
    Generated edges are mapped onto curated nodes through the node matching.
    *Lenient*: same two endpoints and direction (when either side says ``binds``, direction
    does not count). *Strict*: lenient plus the same relation. Also one-to-one.
Scores
    Precision, recall and F1 from counts summed over the corpus (micro average).

Any graph source works: curated graphs from YAML (`pathwaygen.readers.curated`), GPML or
graph JSON; generated graphs from the pipeline, graph JSON or a baseline. A graph without
edges still gets a node score (its edge counts are then only misses).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .graphjson import new_graph
from .model import UNDIRECTED, Mention

#: Greek letters spelled out, as curators write them in keys ("NFkappaB", "TGFB" is HGNC's own).
GREEK: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau",
    "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}

#: Relation given to every co-occurrence baseline edge: the most frequent curated relation.
BASELINE_RELATION = "activates"
BASELINE_RULE = "baseline.cooccurrence"

Edge = tuple[str, str, str]  # (source, relation, target)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Return the comparison form of a name: lowercase letters and digits only, Greek spelled out.

    >>> normalize_name("NF-κB") == normalize_name("NFkappaB") == "nfkappab"
    True
    """
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = "".join(GREEK.get(ch, ch) for ch in text)
    # Drop accents ("Spätzle" ~ "Spatzle") after decomposing, then keep letters and digits.
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum())


@dataclass(frozen=True)
class NodeNames:
    """The normalised names of one node: identifiers (id, HGNC symbol, FamPlex id) and texts."""

    ids: frozenset[str]
    texts: frozenset[str]


def node_names(graph: nx.MultiDiGraph, node: str) -> NodeNames:
    """Return the names `node` of `graph` is matched by.

    ids: the node id and its ``hgnc.symbol`` and ``fplx`` xrefs. texts: its label, the text
    of each mention and its ``aliases`` (the ``text`` forms of a curated node).
    """
    data = graph.nodes[node]
    xrefs = data.get("xrefs") or {}
    ids = {str(node), str(xrefs.get("hgnc.symbol", "")), str(xrefs.get("fplx", ""))}
    texts = {str(data.get("label") or "")}
    texts.update(str(m.get("text", "")) for m in data.get("mentions") or [] if isinstance(m, dict))
    texts.update(str(a) for a in data.get("aliases") or [])
    norm_ids = frozenset(n for n in map(normalize_name, ids) if n)
    norm_texts = frozenset(n for n in map(normalize_name, texts) if n)
    return NodeNames(norm_ids, norm_texts)


def match_strength(curated: NodeNames, generated: NodeNames) -> int:
    """Return how strongly a generated node matches a curated one: 3 id, 2 key text, 1 text form, 0 none.

    Curated ids are the key (plus HGNC/FamPlex xrefs when the curated graph has them);
    curated texts are the ``text`` forms (and label, mentions).
    """
    if generated.ids & curated.ids:
        return 3
    if generated.texts & curated.ids:
        return 2
    if generated.texts & curated.texts:
        return 1
    return 0


def _max_matching(weights: dict[tuple[Any, Any], int]) -> list[tuple[Any, Any]]:
    """Return a maximum-cardinality, then maximum-weight, one-to-one matching of (left, right) pairs.

    Deterministic: each connected component of the candidate pairs is solved on its own, built
    in sorted order. Most components are a single pair and need no search at all.
    """
    parent: dict[tuple[str, Any], tuple[str, Any]] = {}

    def find(item: tuple[str, Any]) -> tuple[str, Any]:
        root = parent.setdefault(item, item)
        while root != parent[root]:
            root = parent[root]
        while item != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    for left, right in weights:
        a, b = find(("L", left)), find(("R", right))
        if a != b:
            parent[a] = b
    components: dict[tuple[str, Any], list[tuple[Any, Any]]] = {}
    for pair in weights:
        components.setdefault(find(("L", pair[0])), []).append(pair)
    pairs: list[tuple[Any, Any]] = []
    for members in components.values():
        if len(members) == 1:
            pairs.append(members[0])
            continue
        bip = nx.Graph()
        for left, right in sorted(members, key=repr):
            bip.add_edge(("L", left), ("R", right), weight=weights[(left, right)])
        for a, b in nx.max_weight_matching(bip, maxcardinality=True):
            left, right = (a, b) if a[0] == "L" else (b, a)
            pairs.append((left[1], right[1]))
    return sorted(pairs, key=repr)


def match_nodes(curated: nx.MultiDiGraph, generated: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """Return the one-to-one node matching as sorted (curated node, generated node) pairs."""
    cur_names = {n: node_names(curated, n) for n in curated.nodes}
    gen_names = {n: node_names(generated, n) for n in generated.nodes}
    # Index curated nodes by every name so that candidate pairs are found without n*m tests.
    index: dict[str, set[str]] = {}
    for node, names in cur_names.items():
        for name in names.ids | names.texts:
            index.setdefault(name, set()).add(node)
    weights: dict[tuple[str, str], int] = {}
    for gnode, gnames in gen_names.items():
        candidates = set().union(*(index.get(name, set()) for name in gnames.ids | gnames.texts))
        for cnode in candidates:
            strength = match_strength(cur_names[cnode], gnames)
            if strength:
                weights[(cnode, gnode)] = strength
    return _max_matching(weights)


def graph_edges(graph: nx.MultiDiGraph) -> list[Edge]:
    """Return the distinct (source, relation, target) edges of `graph`, sorted.

    A ``binds`` edge has no direction, so A-binds-B and B-binds-A are one edge (endpoints sorted).
    """
    edges: set[Edge] = set()
    for source, target, key, data in graph.edges(keys=True, data=True):
        relation = str(data.get("relation", key))
        if relation in UNDIRECTED and str(target) < str(source):
            source, target = target, source
        edges.add((str(source), relation, str(target)))
    return sorted(edges)


def _lenient(cur: Edge, gen: Edge) -> bool:
    """True when a (mapped) generated edge has the curated edge's endpoints and direction."""
    if cur[0] == gen[0] and cur[2] == gen[2]:
        return True
    undirected = cur[1] in UNDIRECTED or gen[1] in UNDIRECTED
    return undirected and cur[0] == gen[2] and cur[2] == gen[0]


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1.

    With nothing to find and nothing claimed every score is 1.0; otherwise an empty
    denominator gives 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, Any]:
        """Counts and scores (rounded to 4 places) as a JSON-ready dict."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class FigureScore:
    """The comparison of one curated graph with one generated graph.

    Edges are (source, relation, target) in each graph's own node ids. `edge_pairs` is the
    lenient edge matching; pairs whose relations differ are strict misses (`wrong_relation`).
    """

    figid: str
    nodes: Counts
    lenient: Counts
    strict: Counts
    node_pairs: tuple[tuple[str, str], ...] = ()
    missing_nodes: tuple[str, ...] = ()
    extra_nodes: tuple[str, ...] = ()
    edge_pairs: tuple[tuple[Edge, Edge], ...] = ()
    missing_edges: tuple[Edge, ...] = ()
    extra_edges: tuple[Edge, ...] = ()

    @property
    def wrong_relation(self) -> tuple[tuple[Edge, Edge], ...]:
        """Lenient edge matches whose relation differs (curated edge, generated edge)."""
        return tuple((c, g) for c, g in self.edge_pairs if c[1] != g[1])

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the scores and the matched, missing and extra elements."""
        return {
            "figid": self.figid,
            "nodes": self.nodes.as_dict(),
            "edges_lenient": self.lenient.as_dict(),
            "edges_strict": self.strict.as_dict(),
            "matched_nodes": [list(p) for p in self.node_pairs],
            "missing_nodes": list(self.missing_nodes),
            "extra_nodes": list(self.extra_nodes),
            "matched_edges": [{"curated": list(c), "generated": list(g)} for c, g in self.edge_pairs],
            "wrong_relation": [{"curated": list(c), "generated": list(g)} for c, g in self.wrong_relation],
            "missing_edges": [list(e) for e in self.missing_edges],
            "extra_edges": [list(e) for e in self.extra_edges],
        }


@dataclass(frozen=True)
class Score:
    """Micro-averaged scores over a corpus, with every figure's comparison."""

    figures: tuple[FigureScore, ...] = field(default_factory=tuple)

    @property
    def nodes(self) -> Counts:
        """Node counts summed over the corpus."""
        return sum((f.nodes for f in self.figures), Counts())

    @property
    def lenient(self) -> Counts:
        """Lenient edge counts summed over the corpus."""
        return sum((f.lenient for f in self.figures), Counts())

    @property
    def strict(self) -> Counts:
        """Strict edge counts summed over the corpus."""
        return sum((f.strict for f in self.figures), Counts())

    def as_dict(self, figures: bool = True) -> dict[str, Any]:
        """A JSON-ready dict of the totals (and the per-figure details when `figures`)."""
        out: dict[str, Any] = {"figures_scored": len(self.figures), "nodes": self.nodes.as_dict(),
                               "edges_lenient": self.lenient.as_dict(), "edges_strict": self.strict.as_dict()}
        if figures:
            out["figures"] = [f.as_dict() for f in self.figures]
        return out


def compare_graphs(curated: nx.MultiDiGraph, generated: nx.MultiDiGraph, figid: str | None = None) -> FigureScore:
    """Match `generated` against `curated` and count nodes, lenient and strict edges."""
    node_pairs = match_nodes(curated, generated)
    to_curated = {g: c for c, g in node_pairs}
    matched_cur = {c for c, _ in node_pairs}
    nodes = Counts(len(node_pairs), generated.number_of_nodes() - len(node_pairs),
                   curated.number_of_nodes() - len(node_pairs))

    cur_edges = graph_edges(curated)
    gen_edges = graph_edges(generated)
    mapped = {g: (to_curated[g[0]], g[1], to_curated[g[2]]) for g in gen_edges
              if g[0] in to_curated and g[2] in to_curated}
    weights: dict[tuple[Edge, Edge], int] = {}
    cur_by_pair: dict[frozenset[str], list[Edge]] = {}
    for cur in cur_edges:
        cur_by_pair.setdefault(frozenset((cur[0], cur[2])), []).append(cur)
    strict_tp = 0
    for gen, m in mapped.items():
        for cur in cur_by_pair.get(frozenset((m[0], m[2])), []):
            if _lenient(cur, m):
                same = cur[1] == m[1]
                strict_tp += same
                weights[(cur, gen)] = 2 if same else 1  # prefer pairing edges that agree on the relation
    edge_pairs = _max_matching(weights)
    paired_cur = {c for c, _ in edge_pairs}
    paired_gen = {g for _, g in edge_pairs}
    lenient = Counts(len(edge_pairs), len(gen_edges) - len(edge_pairs), len(cur_edges) - len(edge_pairs))
    strict = Counts(strict_tp, len(gen_edges) - strict_tp, len(cur_edges) - strict_tp)
    return FigureScore(
        figid=figid if figid is not None else str(curated.graph.get("figid") or generated.graph.get("figid") or ""),
        nodes=nodes, lenient=lenient, strict=strict,
        node_pairs=tuple(node_pairs),
        missing_nodes=tuple(sorted(n for n in curated.nodes if n not in matched_cur)),
        extra_nodes=tuple(sorted(n for n in generated.nodes if n not in to_curated)),
        edge_pairs=tuple(edge_pairs),
        missing_edges=tuple(e for e in cur_edges if e not in paired_cur),
        extra_edges=tuple(e for e in gen_edges if e not in paired_gen),
    )


def score(curated: Iterable[nx.MultiDiGraph] | Mapping[str, nx.MultiDiGraph],
          generated: Iterable[nx.MultiDiGraph] | Mapping[str, nx.MultiDiGraph]) -> Score:
    """Score generated graphs against curated graphs, micro-averaged.

    Either two sequences paired by position, or two mappings figid -> graph (a curated figure
    with no generated graph is scored against an empty graph: everything missed).
    """
    if isinstance(curated, Mapping):
        gen_map = generated if isinstance(generated, Mapping) else {g.graph.get("figid", ""): g for g in generated}
        figures = [compare_graphs(graph, gen_map.get(figid, new_graph(figid=figid)), figid)
                   for figid, graph in sorted(curated.items())]
        return Score(tuple(figures))
    cur_list = list(curated)
    gen_list = list(generated.values()) if isinstance(generated, Mapping) else list(generated)
    if len(cur_list) != len(gen_list):
        raise ValueError(f"score: {len(cur_list)} curated graphs but {len(gen_list)} generated graphs")
    return Score(tuple(compare_graphs(c, g) for c, g in zip(cur_list, gen_list)))


# --- the sentence co-occurrence baseline -------------------------------------------------


def cooccurrence_from_mentions(caption: str, sentences: Sequence[tuple[int, int]],
                               mentions: Sequence[Mention], **graph_attrs: Any) -> nx.MultiDiGraph:
    """Build the co-occurrence baseline graph from recognised mentions.

    Every entity becomes a node; every pair of distinct entities named in one sentence
    becomes an edge from the one named first to the other, with relation
    `BASELINE_RELATION` and the sentence as evidence. Offsets are original-caption offsets.
    """
    graph = new_graph(caption=caption, **graph_attrs)
    for mention in mentions:
        for entity in mention.entities:
            if entity.id not in graph:
                graph.add_node(entity.id, label=entity.label, type=entity.type, xrefs=dict(entity.xrefs),
                               members=[{"id": m.id, "label": m.label, "type": m.type, "xrefs": dict(m.xrefs)}
                                        for m in entity.members],
                               mentions=[])
            graph.nodes[entity.id]["mentions"].append({"text": mention.text, "start": mention.start,
                                                       "end": mention.end})
    for start, end in sentences:
        ordered: list[str] = []
        for mention in mentions:
            if start <= mention.start < end:
                ordered.extend(e.id for e in mention.entities if e.id not in ordered)
        evidence = {"text": caption[start:end], "start": start, "end": end, "rule": BASELINE_RULE}
        for i, source in enumerate(ordered):
            for target in ordered[i + 1:]:
                if graph.has_edge(source, target, BASELINE_RELATION):
                    graph.edges[source, target, BASELINE_RELATION]["evidence"].append(dict(evidence))
                else:
                    graph.add_edge(source, target, key=BASELINE_RELATION, relation=BASELINE_RELATION,
                                   hedged=False, evidence=[dict(evidence)])
    return graph


def cooccurrence_graph(caption: str, **graph_attrs: Any) -> nx.MultiDiGraph:
    """The baseline graph of a caption: the pipeline's own sentences and entity recognition,
    then every pair of entities in one sentence (see `cooccurrence_from_mentions`)."""
    from .recognize import recognize  # the entity stage; imported here so scoring alone stays light
    from .text import prepare

    text = prepare(caption)
    return cooccurrence_from_mentions(text.original, text.sentences, recognize(text), **graph_attrs)
