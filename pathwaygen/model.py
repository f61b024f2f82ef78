"""The typed objects that flow between stages: Figure, Entity, Mention, Evidence, Statement, Layout.

These are the contracts between modules; each stage takes the previous stage's objects
and returns its own. All are frozen so that a stage can never change what it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The closed set of relations, used everywhere (rules, graph, writers).
RELATIONS: tuple[str, ...] = (
    "activates",
    "inhibits",
    "binds",
    "phosphorylates",
    "dephosphorylates",
    "expresses",
    "represses",
    "produces",
    "degrades",
    "translocates",
)

#: The closed set of node types.
NODE_TYPES: tuple[str, ...] = (
    "gene",
    "family",
    "complex",
    "chemical",
    "process",
    "group",
    "rna",
    "mutation",
)

#: Relations whose direction carries no meaning.
UNDIRECTED: frozenset[str] = frozenset({"binds"})


@dataclass(frozen=True)
class Figure:
    """One PFOCR figure record; `caption` is the text pathwaygen reads."""

    figid: str
    title: str
    caption: str
    organisms: tuple[str, ...] = ()
    pmcid: str = ""
    doi: str = ""
    pmid: str = ""
    year: str = ""
    paper_title: str = ""
    ocr_genes: tuple[str, ...] = ()
    source: str = ""  # the path it was read from ("" for text given directly)


@dataclass(frozen=True)
class Entity:
    """A grounded concept: one node of the graph.

    `id` is the canonical key used as the graph node id and matches the curated-graph
    convention: HGNC approved symbol for a gene, FamPlex id for a family or complex, a
    lowercase common name for a chemical, process or group.
    `xrefs` are (prefix, id) pairs with lowercase registry prefixes: hgnc (numeric),
    hgnc.symbol, ncbigene, uniprot, ensembl, fplx, chebi ("CHEBI:15422"), mesh, go.
    `members` are the member entities of a family or the subunits of a complex.
    """

    id: str
    label: str
    type: str
    xrefs: tuple[tuple[str, str], ...] = ()
    members: tuple["Entity", ...] = ()

    def xref(self, prefix: str) -> str:
        """Return the id under `prefix`, or "" when the entity has none."""
        for key, value in self.xrefs:
            if key == prefix:
                return value
        return ""


_NO_MODIFIERS: frozenset[str] = frozenset()


@dataclass(frozen=True, init=False)
class Mention:
    """A span of the original caption that names one or more entities.

    `start`/`end` index the ORIGINAL caption string: caption[start:end] == text.
    A slash or range form that is not a family ("SMAD2/3") names several entities.
    `modifiers` hold flags such as "phospho" (p-STAT3) or "plural" (STATs).
    """

    start: int
    end: int
    text: str
    entities: tuple[Entity, ...]
    modifiers: frozenset[str] = _NO_MODIFIERS

    def __init__(self, start: int, end: int, text: str, entities: tuple[Entity, ...],
                 modifiers: frozenset[str] = _NO_MODIFIERS) -> None:
        """Set the fields in one call: the recogniser makes thousands of mentions per 100
        captions, and a frozen dataclass's own __init__ makes one object.__setattr__ call per
        field (three times slower); the instance stays frozen (assignment still raises)."""
        self.__dict__.update(start=start, end=end, text=text, entities=entities, modifiers=modifiers)


@dataclass(frozen=True)
class Evidence:
    """Where a statement was read: the sentence, its span in the original caption, the rule."""

    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, init=False)
class Statement:
    """A typed, directed relation between two entities with its evidence."""

    subject: Entity
    relation: str
    object: Entity
    evidence: Evidence
    hedged: bool = False

    def __init__(self, subject: Entity, relation: str, object: Entity, evidence: Evidence,  # noqa: A002
                 hedged: bool = False) -> None:
        """Set the fields in one call, as Mention does (the extractor makes one per statement)."""
        self.__dict__.update(subject=subject, relation=relation, object=object, evidence=evidence, hedged=hedged)


@dataclass(frozen=True)
class Box:
    """A node's box in layout coordinates (points; origin top-left; y grows downward)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def cx(self) -> float:
        """Centre x."""
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        """Centre y."""
        return self.y + self.height / 2


@dataclass(frozen=True)
class EdgeRoute:
    """The drawn path of one graph edge (source, target, key = relation)."""

    source: str
    target: str
    key: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Layout:
    """Positions for every node, complex member box and edge, in one coordinate system.

    `nodes` maps graph node ids to their boxes; `members` maps (complex id, member id)
    to the member's box inside the complex's box.
    """

    width: float
    height: float
    nodes: dict[str, Box] = field(default_factory=dict)
    members: dict[tuple[str, str], Box] = field(default_factory=dict)
    edges: tuple[EdgeRoute, ...] = ()
