"""Output writers, one module per format (as networkx's readwrite does).

Each module `pathwaygen.writers.<name>` exposes
``dumps(graph: nx.MultiDiGraph, layout: Layout | None) -> str`` returning the whole file
text (deterministic bytes for the same input). Writers that need coordinates compute the
layout themselves when `layout` is None.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

import networkx as nx

from ..model import Layout


@dataclass(frozen=True)
class Format:
    """One output format: its name, file extension, writer module and one-line description."""

    name: str
    extension: str
    module: str
    needs_layout: bool
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("svg", ".svg", "svg", True, "SVG diagram (Jinja2 template), accessible, scalable"),
        Format("gpml", ".gpml", "gpml", True, "GPML 2013a for WikiPathways / PathVisio"),
        Format("json", ".json", "json", False, "pathwaygen graph JSON (the interchange format)"),
        Format("cx2", ".cx2", "cx2", True, "CX2 for NDEx and Cytoscape, with layout, groundings and evidence"),
        Format("sbgn", ".sbgn", "sbgn", True, "SBGN-ML Activity Flow for Newt, MINERVA and other SBGN editors"),
        Format("cyjs", ".cyjs", "cyjs", True, "Cytoscape.js JSON (Cytoscape import; complexes as compound nodes)"),
        Format("sif", ".sif", "sif", False, "Simple Interaction Format with Pathway Commons relation names"),
        Format("indra", ".indra.json", "indra", False, "INDRA statements JSON with db_refs and evidence"),
        Format("graphml", ".graphml", "graphml", True, "GraphML for Gephi, yEd, igraph (attributes as strings)"),
    )
}


def get_writer(name: str) -> Callable[[nx.MultiDiGraph, Layout | None], str]:
    """Return the `dumps` function of format `name` (KeyError when unknown)."""
    fmt = FORMATS[name]
    module = importlib.import_module(f"pathwaygen.writers.{fmt.module}")
    return module.dumps


def format_for_path(path: str) -> Format | None:
    """Return the format whose extension ends `path` (longest extension first), or None."""
    for fmt in sorted(FORMATS.values(), key=lambda f: -len(f.extension)):
        if path.lower().endswith(fmt.extension):
            return fmt
    return None
