"""The one relation table: how each relation is drawn and named in every output vocabulary.

Every writer (SVG, GPML, SBGN, SIF, INDRA, CX2...) looks a relation up here, so a relation
has exactly one drawing and one name per format.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import RELATIONS


@dataclass(frozen=True)
class RelationStyle:
    """How one relation appears in each output format."""

    name: str
    svg_marker: str  # marker id in the SVG template: arrow, tbar, none, ...
    svg_dash: str  # SVG stroke-dasharray ("" = solid)
    badge: str  # a letter drawn on the edge ("P" for phosphorylation), "" for none
    gpml_arrowhead: str  # GPML 2013a ArrowHead on the target Point
    sbgn_arc: str  # SBGN Activity Flow arc class
    sif: str  # Pathway Commons SIF relation name
    indra: str  # INDRA statement type
    legend: str  # legend text
    cy_arrow: str  # Cytoscape / Cytoscape.js / CX2 target arrow shape ("triangle", "tee", "none")


RELATION_STYLES: dict[str, RelationStyle] = {
    s.name: s
    for s in (
        RelationStyle("activates", "arrow", "", "", "mim-stimulation", "positive influence",
                      "controls-state-change-of", "Activation", "activates", "triangle"),
        RelationStyle("inhibits", "tbar", "", "", "mim-inhibition", "negative influence",
                      "controls-state-change-of", "Inhibition", "inhibits", "tee"),
        RelationStyle("binds", "none", "", "", "mim-binding", "unknown influence",
                      "in-complex-with", "Complex", "binds", "none"),
        RelationStyle("phosphorylates", "arrow", "", "P", "mim-modification", "positive influence",
                      "controls-phosphorylation-of", "Phosphorylation", "phosphorylates", "triangle"),
        RelationStyle("dephosphorylates", "tbar", "", "-P", "mim-modification", "negative influence",
                      "controls-phosphorylation-of", "Dephosphorylation", "dephosphorylates", "tee"),
        RelationStyle("expresses", "transcription", "", "", "mim-transcription-translation",
                      "positive influence", "controls-expression-of", "IncreaseAmount", "expresses", "triangle"),
        RelationStyle("represses", "tbar", "6,3", "", "mim-inhibition", "negative influence",
                      "controls-expression-of", "DecreaseAmount", "represses expression", "tee"),
        RelationStyle("produces", "conversion", "", "", "mim-conversion", "positive influence",
                      "controls-production-of", "Conversion", "produces", "triangle"),
        RelationStyle("degrades", "tbar", "", "", "mim-cleavage", "negative influence",
                      "controls-state-change-of", "DecreaseAmount", "degrades", "tee"),
        RelationStyle("translocates", "arrow", "2,3", "", "mim-translocation", "unknown influence",
                      "controls-transport-of", "Translocation", "translocates to", "triangle"),
    )
}

assert tuple(RELATION_STYLES) == RELATIONS, "the relation table must cover the closed set, in order"


def style(relation: str) -> RelationStyle:
    """Return the style of `relation`; raises KeyError for a relation outside the closed set."""
    return RELATION_STYLES[relation]
