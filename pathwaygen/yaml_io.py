"""The one YAML loader every reader uses: libyaml's safe loader when PyYAML was built with it
(the same documents, about 10x faster: every process reads all the rule files, and batch
builds parse thousands of records), else PyYAML's own SafeLoader. Only safe loading, ever."""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse one YAML document safely (yaml.YAMLError on bad input, as yaml.safe_load)."""
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - LOADER is a safe loader
