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
    svg_marker: str  # marker in the SVG template: arrow, tbar, tbar2, transcription, conversion, degrade, none
    svg_dash: str  # SVG stroke-dasharray ("" = solid; "5,4" is kept for hedged edges)
    badge: str  # a letter drawn on the edge ("P" for phosphorylation), "" for none
    gpml_arrowhead: str  # GPML 2013a ArrowHead on the target Point
    sbgn_arc: str  # SBGN Activity Flow arc class
    sif: str  # Pathway Commons SIF relation name
    indra: str  # INDRA statement type
    legend: str  # legend text
    cy_arrow: str  # Cytoscape / Cytoscape.js / CX2 target arrow shape ("triangle", "tee", "none")
    svg_color: str = "#333333"  # SVG stroke colour of the line and its marker (shape tells relations apart too)


RELATION_STYLES: dict[str, RelationStyle] = {
    s.name: s
    for s in (
        RelationStyle("activates", "arrow", "", "", "mim-stimulation", "positive influence",
                      "controls-state-change-of", "Activation", "activates", "triangle", "#2b6a2f"),
        RelationStyle("inhibits", "tbar", "", "", "mim-inhibition", "negative influence",
                      "controls-state-change-of", "Inhibition", "inhibits", "tee", "#c0392b"),
        RelationStyle("binds", "none", "", "", "mim-binding", "unknown influence",
                      "in-complex-with", "Complex", "binds", "none", "#5f6b73"),
        RelationStyle("phosphorylates", "arrow", "", "P", "mim-modification", "positive influence",
                      "controls-phosphorylation-of", "Phosphorylation", "phosphorylates", "triangle", "#1f5fa8"),
        RelationStyle("dephosphorylates", "tbar", "", "-P", "mim-modification", "negative influence",
                      "controls-phosphorylation-of", "Dephosphorylation", "dephosphorylates", "tee", "#8a4b9a"),
        RelationStyle("expresses", "transcription", "", "", "mim-transcription-translation",
                      "positive influence", "controls-expression-of", "IncreaseAmount", "expresses", "triangle", "#6a3d9a"),
        RelationStyle("represses", "tbar2", "", "", "mim-inhibition", "negative influence",
                      "controls-expression-of", "DecreaseAmount", "represses expression", "tee", "#9c2a5a"),
        RelationStyle("produces", "conversion", "", "", "mim-conversion", "positive influence",
                      "controls-production-of", "Conversion", "produces", "triangle", "#00796b"),
        RelationStyle("degrades", "degrade", "", "", "mim-cleavage", "negative influence",
                      "controls-state-change-of", "DecreaseAmount", "degrades", "tee", "#6d4c41"),
        RelationStyle("translocates", "arrow", "1,3", "", "mim-translocation", "unknown influence",
                      "controls-transport-of", "Translocation", "translocates to", "triangle", "#37474f"),
    )
}

assert tuple(RELATION_STYLES) == RELATIONS, "the relation table must cover the closed set, in order"


def style(relation: str) -> RelationStyle:
    """Return the style of `relation`; raises KeyError for a relation outside the closed set."""
    return RELATION_STYLES[relation]
