"""INDRA statements JSON writer (`.indra.json`): one INDRA Statement per graph edge.

The statement type of each relation is the `indra` field of the one relation table
(Activation, Inhibition, Complex, Phosphorylation, Dephosphorylation, IncreaseAmount,
DecreaseAmount, Conversion, Translocation). Agents carry `db_refs` in INDRA's namespaces
(HGNC numeric id, FPLX, CHEBI, UP, EGID, MESH, GO and TEXT, the caption's wording); each
evidence has `source_api: "pathwaygen"`, the sentence as `text`, and the extraction rule and
caption span in `annotations`. The output is what `indra.statements.stmts_to_json` would
produce and loads with `indra.statements.stmts_from_json`; it is written here without INDRA
so that pathwaygen does not depend on it, and statement ids are UUID-5s of the content so
the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import networkx as nx

from ..model import Layout
from ..relations import style
from ._common import display_label, evidence_of, first_mention, iter_members, sorted_edges, xml_safe_input

#: pathwaygen xref prefix -> INDRA db_refs namespace.
DB_REFS: dict[str, str] = {
    "hgnc": "HGNC",
    "fplx": "FPLX",
    "chebi": "CHEBI",
    "uniprot": "UP",
    "ncbigene": "EGID",
    "mesh": "MESH",
    "go": "GO",
}

#: Node types whose key is the standard INDRA agent name (HGNC symbol, FamPlex id).
_STANDARD_NAMED = frozenset({"gene", "family", "complex", "rna", "mutation"})

#: Namespace for the content-derived statement UUIDs.
_UUID_NS = uuid.UUID("5b0a4a52-6f0e-4d2b-9d3c-70617468776a")


def _db_refs(xrefs: dict[str, str] | None, text: str) -> dict[str, str]:
    """Return INDRA db_refs (sorted namespaces) from pathwaygen xrefs and the text as written."""
    db_refs = {DB_REFS[p]: str(v) for p, v in sorted((xrefs or {}).items()) if p in DB_REFS and v}
    for namespace in ("CHEBI", "GO"):  # INDRA keeps the prefix in ChEBI and GO ids
        if namespace in db_refs and not db_refs[namespace].upper().startswith(namespace + ":"):
            db_refs[namespace] = f"{namespace}:{db_refs[namespace]}"
    if text:
        db_refs["TEXT"] = text
    return dict(sorted(db_refs.items()))


def agent(graph: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """Return the INDRA Agent JSON of graph node `node`.

    A complex without a FamPlex id is INDRA's bound agent: its first subunit, bound to the
    others (`bound_conditions`), as INDRA's readers represent "A:B".
    """
    data = graph.nodes[node]
    xrefs = data.get("xrefs") or {}
    text = first_mention(data) or display_label(graph, node)
    members = list(iter_members(data))
    if data.get("type") == "complex" and not xrefs.get("fplx") and len(members) >= 2:
        head, *rest = members
        return {
            "name": str(head["id"]),
            "db_refs": _db_refs(head.get("xrefs"), text),
            "bound_conditions": [
                {"agent": {"name": str(m["id"]), "db_refs": _db_refs(m.get("xrefs"), "")}, "is_bound": True}
                for m in rest
            ],
        }
    name = node if data.get("type", "gene") in _STANDARD_NAMED else display_label(graph, node)
    return {"name": name, "db_refs": _db_refs(xrefs, text)}


def _evidence(graph: nx.MultiDiGraph, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the INDRA Evidence JSON list of one edge."""
    meta = graph.graph
    out = []
    for ev in evidence_of(data) or [{}]:
        item: dict[str, Any] = {"source_api": "pathwaygen"}
        if meta.get("pmid"):
            item["pmid"] = str(meta["pmid"])
        if ev.get("text"):
            item["text"] = ev["text"]
        annotations: dict[str, Any] = {"figid": meta.get("figid", "")}
        if ev:
            annotations["rule"] = ev.get("rule", "")
            annotations["span"] = [ev.get("start", 0), ev.get("end", 0)]
        item["annotations"] = annotations
        refs = {key: str(meta[field]) for key, field in (("PMID", "pmid"), ("PMCID", "pmcid"), ("DOI", "doi")) if meta.get(field)}
        if refs:
            item["text_refs"] = refs
        # INDRA marks hedged ("may activate") statements as hypotheses.
        item["epistemics"] = {"hypothesis": bool(data.get("hedged", False))}
        out.append(item)
    return out


def statement(graph: nx.MultiDiGraph, source: str, target: str, relation: str, data: dict[str, Any]) -> dict[str, Any]:
    """Return the INDRA Statement JSON of one edge (type from the relation table)."""
    kind = style(relation).indra
    subj, obj = agent(graph, source), agent(graph, target)
    stmt: dict[str, Any] = {"type": kind}
    if kind in ("Activation", "Inhibition"):
        stmt.update(subj=subj, obj=obj, obj_activity="activity")
    elif kind in ("IncreaseAmount", "DecreaseAmount"):
        stmt.update(subj=subj, obj=obj)
    elif kind in ("Phosphorylation", "Dephosphorylation"):
        stmt.update(enz=subj, sub=obj)
    elif kind == "Complex":
        stmt["members"] = [subj, obj]
    elif kind == "Conversion":
        # "X produces Y": X converts (unspecified inputs) to Y.
        stmt.update(subj=subj, obj_from=[], obj_to=[obj])
    elif kind == "Translocation":
        # The target of a translocation edge is the compartment node (type group).
        stmt.update(agent=subj, to_location=str(graph.nodes[target].get("label") or target).lower())
    else:  # pragma: no cover - the relation table only names the types above
        raise ValueError(f"no INDRA mapping for statement type {kind!r}")
    stmt["evidence"] = _evidence(graph, data)
    content = json.dumps(stmt, sort_keys=True, ensure_ascii=False)
    stmt["id"] = str(uuid.uuid5(_UUID_NS, content))
    return stmt


def dumps(graph: nx.MultiDiGraph, layout: Layout | None = None) -> str:
    """Return the INDRA statements JSON of `graph` (a list; statements carry no layout)."""
    graph, layout = xml_safe_input(graph, layout)  # NUL, controls, lone surrogates: never in an output
    stmts = [statement(graph, s, t, r, d) for s, t, r, d in sorted_edges(graph)]
    return json.dumps(stmts, ensure_ascii=False, indent=1) + "\n"
