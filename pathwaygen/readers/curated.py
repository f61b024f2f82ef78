"""Read a curated graph (the YAML format of ``shared/corpus/README.md``) into the graph model.

A curated file looks like::

    figid: PMC10037406__12276_2023_965_Fig1_HTML
    nodes:
      STING1:  {type: gene, text: [STING]}
      NFkappaB: {type: family, text: ["NF-κB"]}
    edges:
      - [STING1, activates, NFkappaB]

Each node becomes a graph node whose id is the key, ``label`` the key, ``type`` the given
type, ``xrefs`` empty, ``mentions`` empty and ``aliases`` the ``text`` forms (the surface
forms the caption uses; `pathwaygen.evaluate` matches generated nodes against key + aliases).
Each edge becomes a MultiDiGraph edge keyed by its relation, like a generated graph.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from ..errors import GraphFormatError
from ..graphjson import new_graph
from ..limits import MAX_GRAPH_FILE_BYTES, special_file_problem, yaml_problem
from ..model import NODE_TYPES, RELATIONS


class _CuratedLoader(yaml.SafeLoader):
    """A SafeLoader that reads only ``true``/``false`` as booleans.

    YAML 1.1 turns ``NO`` (nitric oxide), ``ON`` or ``Y`` into booleans; a node key must stay
    the text the curator wrote. Still a safe loader: it builds plain Python data only.
    """


_CuratedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CuratedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _text_forms(value: Any, where: str) -> list[str]:
    """Return the `text` forms of a node as a list of strings (a single string is accepted)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise GraphFormatError(f"{where}: 'text' must be a list of strings")


def from_data(data: Any, source: str = "<yaml>") -> nx.MultiDiGraph:
    """Build the graph of parsed curated YAML `data`; raises GraphFormatError naming `source`."""
    if not isinstance(data, dict):
        raise GraphFormatError(f"{source}: not a curated graph (expected a mapping with 'nodes' and 'edges')")
    if "nodes" not in data:
        raise GraphFormatError(f"{source}: not a curated graph (no 'nodes' mapping)")
    # An empty section (`edges:` with nothing after it) reads as None: treat it as empty.
    nodes = data.get("nodes") or {}
    edges = data.get("edges") or []
    if not isinstance(nodes, dict):
        raise GraphFormatError(f"{source}: 'nodes' must be a mapping of key -> {{type, text}}")
    if not isinstance(edges, list):
        raise GraphFormatError(f"{source}: 'edges' must be a list of [source, relation, target]")
    figid = data.get("figid") or Path(source).stem
    graph = new_graph(figid=str(figid), title=str(data.get("title") or ""))
    for key, attrs in nodes.items():
        if not isinstance(key, (str, int, float)) or isinstance(key, bool) or str(key).strip() == "":
            raise GraphFormatError(f"{source}: node key {key!r} is not a name")
        name = str(key)
        where = f"{source}: node {name!r}"
        if attrs is None:
            attrs = {}
        if not isinstance(attrs, dict):
            raise GraphFormatError(f"{where}: expected a mapping like {{type: gene}}")
        unknown = set(attrs) - {"type", "text"}
        if unknown:
            raise GraphFormatError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
        ntype = attrs.get("type", "gene")
        if ntype not in NODE_TYPES:
            raise GraphFormatError(f"{where}: unknown type {ntype!r} (one of {', '.join(NODE_TYPES)})")
        graph.add_node(name, label=name, type=ntype, xrefs={}, members=[], mentions=[],
                       aliases=_text_forms(attrs.get("text"), where))
    for i, edge in enumerate(edges):
        where = f"{source}: edge {i + 1}"
        if not isinstance(edge, list) or len(edge) != 3:
            raise GraphFormatError(f"{where}: expected [source, relation, target], got {edge!r}")
        src, rel, dst = (str(x) if isinstance(x, (str, int, float)) else x for x in edge)
        if rel not in RELATIONS:
            raise GraphFormatError(f"{where}: unknown relation {rel!r} (one of {', '.join(RELATIONS)})")
        for end in (src, dst):
            if end not in graph:
                raise GraphFormatError(f"{where}: {end!r} is not a node listed under 'nodes'")
        graph.add_edge(src, dst, key=rel, relation=rel, hedged=False, evidence=[])
    return graph


def loads(text: str, source: str = "<yaml>") -> nx.MultiDiGraph:
    """Parse curated-graph YAML `text`; raises GraphFormatError naming `source` on any problem."""
    refused = yaml_problem(text)  # aliases and deep nesting, before anything is built
    if refused is not None:
        raise GraphFormatError(f"{source}: {refused}")
    try:
        data = yaml.load(text, Loader=_CuratedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise GraphFormatError(f"{source}: invalid YAML ({problem})") from None
    except RecursionError:
        raise GraphFormatError(f"{source}: YAML nested too deeply") from None
    return from_data(data, source)


def read_curated(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read the curated graph file at `path`; raises GraphFormatError naming the file when bad."""
    source = os.fspath(path)
    special = special_file_problem(path)
    if special is not None:
        raise GraphFormatError(f"{source}: {special}")
    try:
        size = Path(path).stat().st_size
        if size > MAX_GRAPH_FILE_BYTES:
            raise GraphFormatError(f"{source}: file has {size:,} bytes, over the limit of {MAX_GRAPH_FILE_BYTES:,}")
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphFormatError(f"{source}: cannot read ({exc.__class__.__name__}: {exc})") from None
    return loads(text, source)
