"""Graph JSON writer: the interchange format documented in `pathwaygen.graphjson`."""

from __future__ import annotations

import networkx as nx

from .. import graphjson
from ..model import Layout
from ._common import xml_safe_input


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the graph JSON text of `graph` (the layout is not part of this format)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    return graphjson.dumps(graph)
