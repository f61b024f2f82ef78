"""Extraction without google-re2's private names reads the same statements as with them.

pathwaygen.extract calls a few private names of google-re2 (``re2._Regexp``, ``re2._Anchor``,
``re2._Match``) on its hot paths; when a release drops them it falls back to the public API.
Here a child process imports pathwaygen with a ``re2`` module that exposes only the public
names (the real classes behind them, as a release that renamed its internals would), and
its graphs must be byte-identical to those of this process, which uses the fast paths.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import re2

from pathwaygen import extract as extract_module
from pathwaygen.graphjson import dumps
from pathwaygen.pipeline import text_to_graph
from pathwaygen.record import load_record
from pathwaygen.rules import default_rules

ROOT = Path(__file__).resolve().parent.parent

# the child: hide every private name of re2, then extract the captions given on stdin
CHILD = r"""
import json, sys, types
import re2
public = types.ModuleType("re2")
for name in dir(re2):
    if not name.startswith("_"):
        setattr(public, name, getattr(re2, name))
sys.modules["re2"] = public
from pathwaygen import extract
assert not extract.FAST_RE2, "the private names are hidden: the fallback must be chosen"
from pathwaygen.graphjson import dumps
from pathwaygen.pipeline import text_to_graph
captions = json.load(sys.stdin)
json.dump([dumps(text_to_graph(c)) for c in captions], sys.stdout)
"""


def _captions() -> list[str]:
    """Every rule example (each construction the rules read) and the bundled seed captions."""
    texts = [example.text for rule in default_rules() for example in rule.examples]
    texts += [load_record(p).caption for p in sorted((ROOT / "seeds").glob("*.md"))]
    return list(dict.fromkeys(texts))


def test_probe_accepts_a_release_that_has_the_private_names():
    # (the probe must not turn the fast paths off for a release that has what they call)
    if not all(hasattr(re2, name) for name in ("_Regexp", "_Anchor", "_Match")):
        pytest.skip(f"google-re2 {getattr(re2, '__version__', '?')} lacks the private names")
    assert extract_module._private_re2() is True
    assert extract_module.FAST_RE2 is True


def test_public_api_fallback_gives_identical_graphs():
    captions = _captions()
    assert len(captions) > 100
    expected = [dumps(text_to_graph(c)) for c in captions]
    assert sum(json.loads(g)["edges"] != [] for g in expected) > 100  # (the run reads statements)
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # (this checkout, as the parent imports it)
    result = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(captions), capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    got = json.loads(result.stdout)
    assert len(got) == len(expected)
    different = [c for c, a, b in zip(captions, expected, got) if a != b]
    assert not different, f"{len(different)} captions differ, first: {different[0][:200]!r}"


def test_private_probe_refuses_a_changed_module(monkeypatch):
    # a release whose Match object no longer takes (regexp, text, pos, endpos, spans)
    def changed(*args, **kwargs):
        raise TypeError("changed signature")

    monkeypatch.setattr(re2, "_Match", changed)
    assert extract_module._private_re2() is False


@pytest.mark.parametrize("anchored", [False, True])
def test_public_search_matches_private_search(anchored):
    # the two implementations of _search agree group by group
    pattern = re2.compile(r"(?P<A>@\d+@) (?:activates|binds) (?P<B>@\d+@)?")
    raw = b"@0@ activates @1@ and @2@ binds @3@"
    for pos in range(len(raw)):
        public = extract_module._search_public(pattern, raw, pos, anchored)
        fast = extract_module._search(extract_module._Pattern(pattern), raw, pos, anchored)
        assert (public is None) == (fast is None)
        if public is not None:
            assert [public.span(g) for g in range(3)] == [fast.span(g) for g in range(3)]
