"""SIF writer: one `source<TAB>relation<TAB>target` line per edge, Pathway Commons relation names.

Nodes are named by their canonical key (HGNC symbol, FamPlex id, lowercase name), as
Pathway Commons' SIF names genes by HGNC symbol. The relation names come from the `sif`
field of the one relation table, so activation and inhibition both read
`controls-state-change-of` there, as in Pathway Commons. Symmetric `in-complex-with` pairs are
written once, source before target alphabetically. A node without edges is written alone
on its line, as SIF allows, so no entity is lost.
"""

from __future__ import annotations

import networkx as nx

from ..model import Layout
from ..relations import style
from ._common import sorted_edges, sorted_nodes, xml_safe_input

#: SIF relation names whose direction carries no meaning.
_SYMMETRIC = frozenset({"in-complex-with", "interacts-with", "reacts-with", "neighbor-of"})


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the SIF text of `graph` (SIF has no coordinates, so `layout` is ignored)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    lines: set[tuple[str, str, str]] = set()
    linked: set[str] = set()
    for source, target, relation, _data in sorted_edges(graph):
        name = style(relation).sif
        if name in _SYMMETRIC and target < source:
            source, target = target, source
        lines.add((source, name, target))
        linked.update((source, target))
    out = [f"{s}\t{r}\t{t}" for s, r, t in sorted(lines)]
    out += [node for node, _ in sorted_nodes(graph) if node not in linked]
    return "".join(line + "\n" for line in out)
