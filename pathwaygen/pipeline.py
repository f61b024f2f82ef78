"""The one way to turn a caption into a graph: prepare -> recognize -> extract -> assemble.

Every other module (build, render, compare, evaluate, gallery) gets graphs only through
:func:`figure_to_graph` and :func:`text_to_graph`, so they all see the same parser.
The lexicon and the compiled rules load once per process (:func:`warm_up` loads them now).
"""

from __future__ import annotations

import networkx as nx

from .assemble import assemble
from .extract import extract
from .limits import check_caption
from .model import Figure
from .recognize import prepare_lexicon, recognize
from .text import prepare


def figure_to_graph(figure: Figure) -> nx.MultiDiGraph:
    """Return the graph of a figure record's caption (PathwaygenError when it is over the size limit)."""
    check_caption(figure.caption, figure.source or figure.figid)  # bounds the work of one caption
    text = prepare(figure.caption)
    mentions = recognize(text)
    statements = extract(text, mentions)
    return assemble(figure, mentions, statements)


def text_to_graph(caption: str, figid: str = "text", title: str = "") -> nx.MultiDiGraph:
    """Return the graph of a bare caption string (figid and title label the graph)."""
    return figure_to_graph(Figure(figid=figid, title=title, caption=caption))


def warm_up() -> None:
    """Load the lexicon and compile the rules now (a batch run calls this before forking)."""
    prepare_lexicon()
    text_to_graph("TP53 activates MDM2.", figid="warmup")
