"""Readers of graph formats into the graph model (GPML, curated YAML, graph JSON)."""
