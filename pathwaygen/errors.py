"""The project's own error types: every expected failure is one of these, with a one-line message."""

from __future__ import annotations


class PathwaygenError(Exception):
    """Base class for every error pathwaygen reports to a user (one line, no traceback)."""


class RecordError(PathwaygenError):
    """A figure record cannot be read: names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class RuleError(PathwaygenError):
    """A rule file is malformed (bad pattern, unknown relation, missing field)."""


class GraphFormatError(PathwaygenError):
    """A graph file (JSON, YAML, GPML) cannot be read into the graph model."""


class LayoutError(PathwaygenError):
    """Layout failed, e.g. the Graphviz `dot` program is missing."""
