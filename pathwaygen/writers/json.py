"""Graph JSON writer: the interchange format documented in `pathwaygen.graphjson`."""

from __future__ import annotations

import networkx as nx

from .. import graphjson
from ..model import Layout


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the graph JSON text of `graph` (the layout is not part of this format)."""
    return graphjson.dumps(graph)
