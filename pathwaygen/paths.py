"""Where pathwaygen finds its data folders, in a checkout and in an installed wheel."""
from __future__ import annotations

from pathlib import Path

from .errors import PathwaygenError

_PACKAGE = Path(__file__).resolve().parent


def rules_root() -> Path:
    """Return the ``rules/`` folder: the checkout's top-level one, else the copy in the wheel.

    The checkout's folder wins so that edits to ``rules/`` take effect without reinstalling;
    a wheel carries the same files as ``pathwaygen/_rules`` (see ``pyproject.toml``).
    """
    for candidate in (_PACKAGE.parent / "rules", _PACKAGE / "_rules"):
        if (candidate / "relations").is_dir() and (candidate / "entities").is_dir():
            return candidate
    raise PathwaygenError(f"{_PACKAGE.parent / 'rules'}: the rules folder is missing; reinstall pathwaygen")


def rules_dir(kind: str) -> Path:
    """Return ``rules/<kind>`` (``entities`` or ``relations``)."""
    return rules_root() / kind
