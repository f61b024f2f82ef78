"""The literal pre-checks that spare extract.py a regex search hold for the patterns they guard.

A pre-check ("complex" in the text before _THE_COMPLEX is searched) is only correct while
every text the pattern matches holds the literal; these tests read the patterns (with the
standard library's regex parser) so that a later edit of a pattern that breaks the
assumption fails here instead of silently losing matches.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover (3.10)
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

from pathwaygen import extract


def _must_contain(tree, word: str) -> bool:
    """Whether every text a parsed pattern matches holds `word` (conservative: False when unsure)."""
    run = ""
    for op, av in tree:
        if op is C.LITERAL:
            run += chr(av)
            if word in run:
                return True
            continue
        run = ""  # (anything else ends the literal run)
        if op is C.SUBPATTERN and _must_contain(av[3], word):
            return True
        if op is C.BRANCH and all(_must_contain(branch, word) for branch in av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1 and _must_contain(av[2], word):
            return True
    return False


def test_every_complex_phrase_says_complex():
    assert _must_contain(P.parse(extract._THE_COMPLEX.pattern), "complex")


def test_must_contain_is_not_trivially_true():
    # the checker itself tells the two cases apart
    assert _must_contain(P.parse(r"(?:a|the) complex\b"), "complex")
    assert not _must_contain(P.parse(r"(?:a complex|the dimer)"), "complex")
    assert not _must_contain(P.parse(r"(?:complex)?x"), "complex")
    assert _must_contain(P.parse(r"(?:complex)+x"), "complex")


def test_complex_pre_check_keeps_the_reading():
    # with and without the word: the tagged sentence is rewritten only when it is there
    text = "@0@ binds @1@ and the resultant complex activates @2@"
    assert extract._THE_COMPLEX.search(text) is not None
    assert extract._THE_COMPLEX.search(re.sub("complex", "dimer", text)) is None
