"""Lay a figure graph out with Graphviz ``dot``: one call per graph, coordinates read back as JSON.

The picture flows top-down the way signaling figures do: ligands and receptors (nodes
nothing points at) on top, then kinases, transcription factors (sources of ``expresses`` /
``represses``) on one row, target genes and processes at the bottom. Roles come from node
type, degree and edge relations, never from names. A complex is a Graphviz cluster around
boxes of its members (``Layout.members``); edges to a complex end on the cluster border.
Nodes named in the caption but in no statement are not given to ``dot``: they are set in
tidy rows under the drawing. Box sizes come from the label widths measured with
:func:`text_width`; the same sizes are passed to ``dot`` (``fixedsize``) so what dot avoids
overlapping is exactly what the writers draw.
"""

from __future__ import annotations

import json
import math
from typing import Any

import graphviz
import networkx as nx

from .errors import LayoutError
from .model import Box, EdgeRoute, Layout, UNDIRECTED

#: Font every writer names first; the width table below is measured from it (DejaVu Sans,
#: whose metrics are close to Verdana's), and the commoner fallbacks (Arial, Helvetica) are
#: narrower, so a label measured here fits whichever of them a viewer has.
FONT_FAMILY = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
FONT_SIZE = 11.0
LINE_HEIGHT = 13.5
#: Advance widths of ASCII 32..126 in 1/100 em (DejaVu Sans Book / Bold).
_WIDTHS = bytes((
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 30, 30, 66, 56, 86, 75, 79,
    60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63,
    63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
))
_BOLD_WIDTHS = bytes((
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70,
    70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85,
    73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72,
    71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
))
_OTHER_WIDTH = 72  # non-ASCII (Greek letters, arrows, CJK is rare): wider than any Latin lowercase
_SAFETY = 1.04  # renderers hint and kern differently; keep a few percent of slack

PAD_X = 7.0  # space between a label and its box's side
PAD_Y = 5.0
MIN_WIDTH = 42.0
MIN_HEIGHT = 24.0
WRAP_WIDTH = 118.0  # a label wider than this is broken at spaces onto more lines
MARGIN = 12.0  # around the whole drawing, so markers at the edge are not clipped
GAP = 14.0  # between isolated nodes
ISOLATED_HEADING = 22.0  # space above the isolated nodes for their heading
COMPLEX_LABEL = 15.0  # space at the top of a complex for its name
POINTS_PER_INCH = 72.0
FAMILY_MEMBER_HEIGHT = 20.0  # a family member's box in GPML
RANKSEP = 36.0  # vertical gap between ranks

# Relations that make a node a transcription factor (its targets sit below it).
_TRANSCRIPTIONAL = frozenset({"expresses", "represses"})
# Relations whose target is an end product (a gene made, a chemical produced).
_PRODUCT = frozenset({"expresses", "represses", "produces"})
# Node types that stand for outcomes rather than molecules.
_OUTCOME_TYPES = frozenset({"process"})


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """Return the drawn width of `text` in points at font `size` (per-character width table)."""
    table = _BOLD_WIDTHS if bold else _WIDTHS
    units = 0
    for char in text:
        code = ord(char)
        units += table[code - 32] if 32 <= code < 127 else _OTHER_WIDTH
    return units * size / 100.0 * _SAFETY


def wrap_text(text: str, max_width: float = WRAP_WIDTH, size: float = FONT_SIZE, bold: bool = False) -> list[str]:
    """Break `text` at spaces into lines no wider than `max_width` (a single long word stays whole)."""
    words = text.split()
    if not words:
        return [""]
    lines: list[str] = []
    current = words[0]
    for word in words[1:]:
        candidate = f"{current} {word}"
        if text_width(candidate, size, bold) <= max_width:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


_SPELLED_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "kappa", "lambda", "theta", "zeta", "sigma")


def node_label(graph: nx.MultiDiGraph, node: str) -> str:
    """Return the text drawn for `node`: its label, or how the caption writes it.

    Chemicals, groups and processes are keyed by a lowercase common name ("cgamp",
    "type i interferon"); a curator would draw the caption's spelling ("cGAMP", "type I
    interferons"), so an all-lowercase label gives way to the mention text, preferring a
    form that does not merely start a sentence.
    """
    data = graph.nodes[node]
    label = str(data.get("label") or node)
    ntype = data.get("type")
    # families and complexes are keyed by FamPlex ids ("NFkappaB", "IKK_complex"): draw the
    # caption's name for them too; genes keep their HGNC symbol
    keyed = ntype in ("family", "complex") and label == node
    if label != label.lower() and not keyed:
        return label
    texts = [" ".join(str(m.get("text", "")).split()) for m in data.get("mentions") or [] if isinstance(m, dict)]
    texts = [t for t in texts if t and len(t) <= 48]
    if not texts:
        return label.replace("_", " ") if keyed else label
    # "Cytosolic DNA" at a sentence start and "cytosolic DNA" elsewhere: keep the inner form
    inner = [t for t in texts if not t[0].isupper() or t[1:2].isupper() or len(t) == 1]
    chosen = (inner or texts)[0]
    if keyed:
        # a FamPlex id reads well unless it is machine-made ("IKK_complex", "NFkappaB");
        # "MAPK" beats "mitogen-activated-protein-kinase"
        shortest = min(inner or texts, key=len)
        machine = "_" in label or any(g in label.lower() for g in _SPELLED_GREEK)
        chosen = shortest if machine or len(shortest) <= len(label) + 2 else label.replace("_", " ")
    return chosen


def label_lines(label: str, node_type: str) -> list[str]:
    """Return the lines a node label is drawn on (processes and groups wrap, symbols never do)."""
    if node_type in ("process", "group", "chemical", "mutation") or text_width(label) > WRAP_WIDTH * 1.4:
        return wrap_text(label)
    return [label]


def box_size(label: str, node_type: str) -> tuple[float, float]:
    """Return (width, height) in points of the box that holds `label` for a node of `node_type`.

    The text area is the label's measured size plus padding; shapes that are not rectangles
    grow so that their inner rectangle still holds it (an ellipse by sqrt(2), a hexagon by
    its two points, a family's stacked second outline by its offset).
    """
    lines = label_lines(label, node_type)
    width = max(text_width(line) for line in lines) + 2 * PAD_X
    height = len(lines) * LINE_HEIGHT + 2 * PAD_Y
    if node_type == "chemical":
        width, height = width * 1.3, height * 1.25
    elif node_type == "process":
        width += height * 0.6  # the hexagon's pointed ends
    elif node_type == "family":
        width, height = width + 4, height + 4  # the stacked outline drawn behind
    elif node_type == "rna":
        width += 10  # the slanted sides
    return max(MIN_WIDTH, round(width, 1)), max(MIN_HEIGHT, round(height, 1))


def node_roles(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Return the tier of every connected node: 0 top (signal sources), 2 TFs, 3 outcomes, 1 the rest.

    Tier 0: nothing points at the node, it binds nothing and it acts on something — a
    ligand, receptor or drug. Tier 2: it expresses or represses a gene (a transcription
    factor). Tier 3: it acts on and binds nothing and is a process or the product of
    expression or production. Binding partners are left to ``dot``, ranked by
    :func:`_orient`. Everything else is left where ``dot``'s edge ordering puts it (tier 1).
    """
    roles: dict[str, int] = {}
    for node in sorted(graph.nodes):
        if graph.degree(node) == 0:
            continue
        # self-loops (autophosphorylation) say nothing about a node's place in the flow
        out_rel = {k for _, v, k in graph.out_edges(node, keys=True) if v != node}
        in_rel = {k for u, _, k in graph.in_edges(node, keys=True) if u != node}
        directed_out = out_rel - UNDIRECTED
        binds = bool((out_rel | in_rel) & UNDIRECTED)  # a binding partner's place depends on the partner
        node_type = graph.nodes[node].get("type", "gene")
        if not out_rel and not binds and (node_type in _OUTCOME_TYPES or in_rel & _PRODUCT):
            roles[node] = 3
        elif directed_out & _TRANSCRIPTIONAL:
            roles[node] = 2
        elif directed_out and not in_rel and not binds:
            roles[node] = 0
        else:
            roles[node] = 1
    return roles


def _downstream(graph: nx.MultiDiGraph, node: str) -> int:
    """Count the directed (non-binding) edges leaving `node`."""
    return sum(1 for _, _, k in graph.out_edges(node, keys=True) if k not in UNDIRECTED)


def _orient(graph: nx.MultiDiGraph, source: str, target: str, relation: str, roles: dict[str, int]) -> tuple[str, str]:
    """Return the (tail, head) dot should rank an edge by; binding has no direction of its own.

    A ligand binding its receptor goes above it: the partner that acts on less downstream
    is drawn on top, and between equals a chemical (a ligand, a drug) goes above a protein.
    """
    if relation not in UNDIRECTED or source == target:
        return source, target

    def key(node: str) -> tuple[int, int, int]:
        return (roles.get(node, 1), _downstream(graph, node), 0 if graph.nodes[node].get("type") == "chemical" else 1)

    return (target, source) if key(target) < key(source) else (source, target)


def _dot_id(index: int) -> str:
    return f"n{index}"


def _quote_size(points: float) -> str:
    return f"{points / POINTS_PER_INCH:.4f}"


#: Member types drawn as boxes inside a complex; a complex of complexes or families (AMPK's
#: twelve isoforms) is drawn as one node, like a family, with its members on hover.
_SIMPLE_MEMBER_TYPES = frozenset({"gene", "rna", "chemical", "mutation"})
MAX_DRAWN_MEMBERS = 6


def node_members(graph: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    """Return a family's or complex's members that have an id, in order."""
    if graph.nodes[node].get("type") not in ("family", "complex"):
        return []
    return [m for m in (graph.nodes[node].get("members") or []) if isinstance(m, dict) and m.get("id")]


def expanded_members(graph: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    """Return the members drawn as boxes inside a complex (none for families and big or nested complexes)."""
    if graph.nodes[node].get("type") != "complex" or graph.degree(node) == 0:
        return []  # isolated nodes never go to dot, so they are drawn collapsed
    members = node_members(graph, node)
    if len(members) > MAX_DRAWN_MEMBERS or any(str(m.get("type") or "gene") not in _SIMPLE_MEMBER_TYPES for m in members):
        return []
    return members


def grid_members(graph: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    """Return the members GPML draws as a grid of boxes centred on a collapsed family or complex node.

    None for a node in no edge: named in the caption only, it stays one box in GPML too (its
    members kept as data), so the row of such nodes stays tight.
    """
    if graph.degree(node) == 0 or expanded_members(graph, node):
        return []
    return node_members(graph, node)


def family_grid(members: list[dict[str, Any]]) -> tuple[int, int, float, float]:
    """Return (columns, rows, cell width, cell height) of a family's members when drawn one box each.

    The SVG draws a family as one node, GPML as a group of its members' boxes in this grid
    centred on the node; the layout reserves the grid's room so neither drawing overlaps.
    """
    if not members:
        return 0, 0, 0.0, 0.0
    # wider than tall: height pushes whole ranks apart, width only spreads one
    cols = min(len(members), max(3, math.ceil(math.sqrt(2 * len(members)))))
    rows = math.ceil(len(members) / cols)
    widest = max(text_width(str(m.get("label") or m.get("id") or "")) for m in members)
    return cols, rows, float(math.ceil(max(widest + 2 * PAD_X, 40.0))), FAMILY_MEMBER_HEIGHT


def member_rows(count: int) -> list[range]:
    """Split `count` complex members into rows of at most three (as the boxes are drawn)."""
    per_row = 3 if count > 4 else max(count, 1)
    return [range(start, min(start + per_row, count)) for start in range(0, count, per_row)]


def build_dot(graph: nx.MultiDiGraph, connected: list[str]) -> tuple[
        graphviz.Digraph, dict[str, str], dict[str, tuple[str, str]], dict[str, tuple[float, float]],
        list[tuple[str, str, str, str, str]]]:
    """Return the dot graph for the `connected` nodes plus what is needed to read it back.

    Returns (digraph, dot name -> node id, dot name -> (complex, member) for member boxes,
    dot name -> box size given to dot, edges as (source, target, relation, dot tail, dot head)).
    """
    roles = node_roles(graph)
    dot = graphviz.Digraph("G", engine="dot")
    dot.attr("graph", rankdir="TB", newrank="true", compound="true", nodesep="0.32", ranksep=_quote_size(RANKSEP),
             splines="spline", margin="0", pad="0", outputorder="edgesfirst", fontname="DejaVu Sans",
             fontsize="9")
    dot.attr("node", shape="box", fixedsize="true", label="", margin="0")
    dot.attr("edge", dir="none", arrowhead="none", arrowtail="none")
    names: dict[str, str] = {}
    member_names: dict[str, tuple[str, str]] = {}
    sizes: dict[str, tuple[float, float]] = {}
    anchor: dict[str, tuple[str, str | None]] = {}  # node -> (dot name to attach to, cluster or None)
    ports: dict[str, tuple[list[str], list[str]]] = {}  # complex -> (members taking edges in, members sending out)
    turns: dict[tuple[str, int], int] = {}
    for index, node in enumerate(connected):
        name = _dot_id(index)
        members = expanded_members(graph, node)
        if members:
            cluster = f"cluster_{name}"
            with dot.subgraph(name=cluster) as sub:
                # the cluster's label only reserves room at the top for the complex's name
                sub.attr(label=" ", margin="7", fontsize=str(COMPLEX_LABEL - 4), labeljust="l")
                member_dot: list[str] = []
                for j, member in enumerate(members):
                    mname = f"{name}m{j}"
                    mlabel = str(member.get("label") or member["id"])
                    width, height = box_size(mlabel, str(member.get("type") or "gene"))
                    sub.node(mname, width=_quote_size(width), height=_quote_size(height))
                    sizes[mname] = (width, height)
                    member_names[mname] = (node, str(member["id"]))
                    member_dot.append(mname)
                rows = member_rows(len(members))
                for row in rows:
                    with sub.subgraph() as same:
                        same.attr(rank="same")
                        for j in row:
                            same.node(member_dot[j])
                for upper, lower in zip(rows, rows[1:]):
                    sub.edge(member_dot[upper[0]], member_dot[lower[0]], style="invis")
                # edges attach to members in turn (top row in, bottom row out) so their heads spread
                ports[node] = ([member_dot[j] for j in rows[0]], [member_dot[j] for j in rows[-1]])
                anchor[node] = (member_dot[rows[0][len(rows[0]) // 2]], cluster)
        else:
            ntype = str(graph.nodes[node].get("type") or "gene")
            width, height = box_size(node_label(graph, node), ntype)
            sizes[name] = (width, height)
            # reserve the room a collapsed family's or complex's member grid takes in GPML
            # (vertically the grid may reach into the gap between ranks, as long as two grids
            # facing each other across it cannot meet, so short grids cost no height)
            cols, rows, cell_w, cell_h = family_grid(grid_members(graph, node))
            width, height = max(width, cols * cell_w), max(height, rows * cell_h - RANKSEP + 2)
            dot.node(name, width=_quote_size(width), height=_quote_size(height))
            names[name] = node
            anchor[node] = (name, None)
    # Tiers: sources on the top rank, outcomes on the bottom one, TFs level with each other.
    for rank, tier in (("min", 0), ("max", 3), ("same", 2)):
        tier_nodes = [anchor[n][0] for n in connected if roles.get(n) == tier and anchor[n][1] is None]
        if rank == "same" and (len(tier_nodes) < 2 or _linked(graph, [n for n in connected if roles.get(n) == 2])):
            continue
        if tier_nodes:
            with dot.subgraph() as sub:
                sub.attr(rank=rank)
                for name in tier_nodes:
                    sub.node(name)
    edges: list[tuple[str, str, str, str, str]] = []
    for source, target, key in sorted(graph.edges(keys=True)):
        if source not in anchor or target not in anchor:
            continue
        tail, head = _orient(graph, source, target, key, roles)
        tail_name, tail_cluster = anchor[tail]
        head_name, head_cluster = anchor[head]
        if tail in ports and tail_cluster != head_cluster:
            turn = turns[(tail, 1)] = turns.get((tail, 1), -1) + 1
            tail_name = ports[tail][1][turn % len(ports[tail][1])]
        if head in ports and tail_cluster != head_cluster:
            turn = turns[(head, 0)] = turns.get((head, 0), -1) + 1
            head_name = ports[head][0][turn % len(ports[head][0])]
        attrs: dict[str, str] = {"id": f"e{len(edges)}"}
        if head_cluster and head_cluster != tail_cluster:
            attrs["lhead"] = head_cluster
        if tail_cluster and tail_cluster != head_cluster:
            attrs["ltail"] = tail_cluster
        if key in UNDIRECTED:
            attrs["weight"] = "2"  # keep binding partners close
        dot.edge(tail_name, head_name, **attrs)
        edges.append((source, target, key, tail, head))
    return dot, names, member_names, sizes, edges


def _linked(graph: nx.MultiDiGraph, nodes: list[str]) -> bool:
    """True when any edge joins two of `nodes` (then they cannot share a rank cleanly)."""
    chosen = set(nodes)
    return any(u in chosen and v in chosen and u != v for u, v in graph.edges())


def _run_dot(dot: graphviz.Digraph) -> dict[str, Any]:
    """Run ``dot -Tjson`` once and return the parsed JSON; LayoutError when dot is missing or fails."""
    try:
        raw = dot.pipe(format="json", encoding="utf-8", quiet=True)  # dot warnings are not the user's business
    except graphviz.ExecutableNotFound:
        raise LayoutError(
            "Graphviz 'dot' was not found on PATH; install Graphviz: "
            "Debian/Ubuntu 'sudo apt-get install graphviz', macOS 'brew install graphviz', "
            "conda 'conda install -c conda-forge graphviz'"
        ) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise LayoutError(f"dot failed: {detail[-1] if detail else exc}") from None
    return json.loads(raw)


def _floats(text: str) -> list[float]:
    return [float(v) for v in text.split(",")]


def _parse_spline(pos: str) -> list[tuple[float, float]]:
    """Return the bezier control points of a dot edge ``pos`` (endpoint markers ``s,``/``e,`` dropped)."""
    points: list[tuple[float, float]] = []
    for part in pos.split(";")[0].split():
        if part.startswith(("s,", "e,")):
            continue
        x, y = _floats(part)[:2]
        points.append((x, y))
    return points


def _round(value: float) -> float:
    return round(value, 1)


def layout_graph(graph: nx.MultiDiGraph) -> Layout:
    """Return the Layout of `graph`: boxes for nodes and complex members, bezier routes for edges.

    Coordinates are points with the origin top-left. One ``dot`` run at most (none when the
    graph has no edges). Raises LayoutError with install hints when ``dot`` is missing.
    """
    connected = [n for n in sorted(graph.nodes) if graph.degree(n) > 0]
    isolated = [n for n in sorted(graph.nodes) if graph.degree(n) == 0]
    nodes: dict[str, Box] = {}
    members: dict[tuple[str, str], Box] = {}
    routes: list[EdgeRoute] = []
    width = height = 0.0
    if connected:
        dot, names, member_names, sizes, edges = build_dot(graph, connected)
        data = _run_dot(dot)
        _, _, bb_w, bb_h = _floats(data["bb"])
        width, height = bb_w + 2 * MARGIN, bb_h + 2 * MARGIN

        def flip(x: float, y: float) -> tuple[float, float]:
            return _round(x + MARGIN), _round(bb_h - y + MARGIN)

        by_gvid: dict[int, str] = {}
        for obj in data.get("objects", []):
            name = obj.get("name", "")
            if name.startswith("cluster_"):
                node = names.get(name[len("cluster_"):]) or _cluster_owner(name, member_names)
                x0, y0, x1, y1 = _floats(obj["bb"])
                left, top = flip(x0, y1)
                nodes[node] = Box(left, top, _round(x1 - x0), _round(y1 - y0))
                continue
            if "pos" not in obj:
                continue
            by_gvid[obj["_gvid"]] = name
            cx, cy = flip(*_floats(obj["pos"]))
            # dot prints sizes rounded; the exact size it was given is the one labels were measured for
            w, h = sizes.get(name, (float(obj["width"]) * POINTS_PER_INCH, float(obj["height"]) * POINTS_PER_INCH))
            box = Box(_round(cx - w / 2), _round(cy - h / 2), _round(w), _round(h))
            if name in names:
                nodes[names[name]] = box
            elif name in member_names:
                members[member_names[name]] = box
        splines: dict[str, list[tuple[float, float]]] = {}
        for edge in data.get("edges", []):
            if "pos" in edge and edge.get("id"):
                splines[edge["id"]] = [flip(x, y) for x, y in _parse_spline(edge["pos"])]
        for index, (source, target, key, tail, head) in enumerate(edges):
            points = splines.get(f"e{index}", [])
            if points and (tail, head) != (source, target):
                points = points[::-1]  # dot ranked it the other way round; routes run source -> target
            if len(points) >= 2 and source != target:
                # a collapsed family/complex reserved more room than its box: reach the drawn box
                if source in nodes:
                    start = _to_box(points[0], nodes[source])
                    if start != points[0]:
                        points = [start, *_thirds(start, points[0])] + points
                if target in nodes:
                    end = _to_box(points[-1], nodes[target])
                    if end != points[-1]:
                        points = points + [*_thirds(points[-1], end), end]
            routes.append(EdgeRoute(source, target, key, tuple(points)))
    routes = _spread_heads(routes, nodes)
    # dot's bounding box can stop short of self-loops; the drawing must hold every route
    for route in routes:
        for x, y in route.points:
            width, height = max(width, x + MARGIN), max(height, y + MARGIN)
    if isolated:
        width, height = _place_isolated(graph, isolated, nodes, width, height)
    if not graph.nodes:
        width, height = 2 * MARGIN, 2 * MARGIN
    return Layout(width=_round(width), height=_round(height), nodes=nodes, members=members, edges=tuple(routes))


HEAD_SPACING = 9.0  # closer than this, two arrowheads or T-bars on one side of a box merge


def _spread_heads(routes: list[EdgeRoute], nodes: dict[str, Box]) -> list[EdgeRoute]:
    """Spread edge ends that crowd one side (top or bottom) of a box, so markers stay apart.

    dot aims every edge at the box centre, so several edges from above end close together
    and their arrowheads and T-bars overlap. Ends on the same side are re-spaced evenly over
    the middle of that side, in the order the edges arrive from; the last control point
    moves with its end, so each curve keeps its direction into the box.
    """
    points = {i: list(r.points) for i, r in enumerate(routes)}
    sides: dict[tuple[str, str], list[int]] = {}
    for i, route in enumerate(routes):
        box = nodes.get(route.target)
        if box is None or len(route.points) < 4 or route.source == route.target:
            continue
        x, y = route.points[-1]
        for side, edge_y in (("top", box.y), ("bottom", box.y + box.height)):
            if abs(y - edge_y) <= 1.5 and box.x - 1 <= x <= box.x + box.width + 1:
                sides.setdefault((route.target, side), []).append(i)
        for side, edge_x in (("left", box.x), ("right", box.x + box.width)):
            if abs(x - edge_x) <= 1.5 and box.y + 1 < y < box.y + box.height - 1:
                sides.setdefault((route.target, side), []).append(i)
    for (target, side), members in sorted(sides.items()):
        axis = 0 if side in ("top", "bottom") else 1  # the coordinate that runs along the side
        if len(members) < 2:
            continue
        along = sorted(points[i][-1][axis] for i in members)
        if min(b - a for a, b in zip(along, along[1:])) >= HEAD_SPACING:
            continue
        box = nodes[target]
        length, centre = (box.width, box.cx) if axis == 0 else (box.height, box.cy)
        # arrival order: where each curve comes from (its last control point, then its start)
        members.sort(key=lambda i: (points[i][-2][axis], points[i][0][axis]))
        span = min(length * 0.8, HEAD_SPACING * 2.2 * len(members))
        for k, i in enumerate(members):
            shift = centre - span / 2 + span * (k + 0.5) / len(members) - points[i][-1][axis]
            for j in (-1, -2):
                moved = list(points[i][j])
                moved[axis] = _round(moved[axis] + shift)
                points[i][j] = (moved[0], moved[1])
    return [EdgeRoute(r.source, r.target, r.key, tuple(points[i])) for i, r in enumerate(routes)]


def _thirds(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
    """Return the inner control points of a straight cubic from `a` to `b` (so end tangents point along it)."""
    return [(_round(a[0] + (b[0] - a[0]) / 3), _round(a[1] + (b[1] - a[1]) / 3)),
            (_round(a[0] + 2 * (b[0] - a[0]) / 3), _round(a[1] + 2 * (b[1] - a[1]) / 3))]


def _to_box(point: tuple[float, float], box: Box) -> tuple[float, float]:
    """Return where the segment from `point` to the centre of `box` enters the box (`point` if inside or on it)."""
    px, py = point
    dx, dy = box.cx - px, box.cy - py
    t = 0.0
    for p, d, low, high in ((px, dx, box.x, box.x + box.width), (py, dy, box.y, box.y + box.height)):
        if p < low - 0.5 and d:
            t = max(t, (low - p) / d)
        elif p > high + 0.5 and d:
            t = max(t, (high - p) / d)
    if t <= 0.0:
        return point
    return _round(px + t * dx), _round(py + t * dy)


def _cluster_owner(cluster: str, member_names: dict[str, tuple[str, str]]) -> str:
    """Return the complex node a cluster was drawn for (from its members' dot names)."""
    prefix = cluster[len("cluster_"):] + "m"
    for name, (node, _) in member_names.items():
        if name.startswith(prefix) and name[len(prefix):].isdigit():
            return node
    raise LayoutError(f"dot returned an unknown cluster {cluster!r}")


def _place_isolated(graph: nx.MultiDiGraph, isolated: list[str], nodes: dict[str, Box],
                    width: float, height: float) -> tuple[float, float]:
    """Set the isolated nodes in rows under the drawing (left to right, wrapping); return the new size."""
    sizes = [box_size(node_label(graph, n), str(graph.nodes[n].get("type") or "gene")) for n in isolated]
    rooms = [footprint(graph, n) for n in isolated]
    row_width = max(width - 2 * MARGIN, 360.0, max(w for w, _ in rooms))
    top = (height if height else MARGIN) + ISOLATED_HEADING
    rows: list[list[tuple[str, float, float, float, float]]] = [[]]
    x, used_w = 0.0, 0.0
    for node, (w, h), (room_w, room_h) in zip(isolated, sizes, rooms):
        if x > 0 and x + room_w > row_width:
            rows.append([])
            x = 0.0
        rows[-1].append((node, x, w, h, room_w))
        used_w = max(used_w, x + room_w)
        x += room_w + GAP
    y = top
    for row in rows:
        row_h = max(rooms[isolated.index(item[0])][1] for item in row)
        for node, x, w, h, room_w in row:
            # every box of a row on one centre line, in the middle of its room (a collapsed
            # family's GPML member grid)
            nodes[node] = Box(_round(MARGIN + x + (room_w - w) / 2), _round(y + (row_h - h) / 2), w, h)
        y += row_h + GAP
    return max(width, used_w + 2 * MARGIN), y - GAP + MARGIN


def footprint(graph: nx.MultiDiGraph, node: str) -> tuple[float, float]:
    """Return the room a node takes: its box, or the GPML grid of a collapsed family or complex if larger."""
    width, height = box_size(node_label(graph, node), str(graph.nodes[node].get("type") or "gene"))
    cols, rows, cell_w, cell_h = family_grid(grid_members(graph, node))
    return max(width, cols * cell_w), max(height, rows * cell_h)


def isolated_top(graph: nx.MultiDiGraph, layout: Layout) -> float | None:
    """Return the top of the isolated nodes' rows (where their heading goes above), or None when there are none."""
    tops = [layout.nodes[n].cy - footprint(graph, n)[1] / 2 for n in isolated_nodes(graph) if n in layout.nodes]
    return min(tops) if tops else None


def isolated_nodes(graph: nx.MultiDiGraph) -> list[str]:
    """Return the nodes in no edge (named in the caption but in no statement), sorted."""
    return [n for n in sorted(graph.nodes) if graph.degree(n) == 0]

