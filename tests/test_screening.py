"""The screening patterns that pick which rules to run (rules.screening_source) must never
reject a text their rule's pattern matches: a looser pattern only costs a wasted match."""

from __future__ import annotations

import re2
from hypothesis import given, settings, strategies as st

from pathwaygen import rules as rules_module
from pathwaygen.extract import tag_sentence
from pathwaygen.recognize import recognize
from pathwaygen.rules import default_rules, screening_source
from pathwaygen.text import prepare


def _matches(source: str, raw: bytes) -> bool:
    return re2.compile(source).search(raw) is not None


def test_screening_is_looser_on_every_rule_example() -> None:
    rules = default_rules()
    pairs = [(src, screening_source(src)) for rule in rules for src in rule.sources]
    assert any(len(loose) < len(src) for src, loose in pairs)  # the entity lists did shrink
    compiled = [(re2.compile(src), re2.compile(loose)) for src, loose in pairs]
    checked = 0
    for rule in rules:
        for example in rule.examples:
            text = prepare(example.text)
            mentions = sorted(recognize(text), key=lambda m: (m.start, m.end))
            for span in text.sentences or ((0, len(text.original)),):
                raw = tag_sentence(text.original, span, [m for m in mentions if span[0] <= m.start and m.end <= span[1]]).raw
                for full, loose in compiled:
                    if full.search(raw) is not None:
                        checked += 1
                        assert loose.search(raw) is not None, (rule.id, raw)
    assert checked > 100


def test_a_list_group_keeps_its_token() -> None:
    source = "(?P<A>(?:the |a )?@\\d+@(?:, @\\d+@)*) activates (?P<B>(?:the )?@\\d+@)"
    rules_module.SCREEN_GROUP_MIN, saved = 0, rules_module.SCREEN_GROUP_MIN
    try:
        loose = screening_source(source)
    finally:
        rules_module.SCREEN_GROUP_MIN = saved
    assert "(?P<" not in loose
    assert _matches(loose, b"the @1@, @2@ activates @3@")
    assert not _matches(loose, b"the kinase activates @3@")  # the subject list has no token
    assert not _matches(loose, b"@1@ activates the kinase")


def test_groups_it_cannot_read_match_anything() -> None:
    rules_module.SCREEN_GROUP_MIN, saved = 0, rules_module.SCREEN_GROUP_MIN
    try:
        assert screening_source("(?P<A>[^;]+) x") == "(?s:.*) x"  # a negated class
        assert screening_source("(?P<A>(?i:ab)) x") == "(?s:.*) x"  # scoped flags
        assert screening_source("(?P<A>[[:alpha:]]+) x") == "(?s:.*) x"  # RE2-only syntax
        assert screening_source("\\(?P<A>ab) x") == "\\(?P<A>ab) x"  # an escaped parenthesis
    finally:
        rules_module.SCREEN_GROUP_MIN = saved


_PATTERNS = [
    "(?P<A>(?:(?:the|a) )?@\\d+@(?:(?:, |,? and )@\\d+@)*)(?:,)? (?:then )?activates (?P<B>(?:the )?@\\d+@(?: pathway)?)",
    "(?:^|[,;] )(?P<A>[a-z]+(?:-[a-z]+)? of @\\d+@) (?:binds|binds to) (?P<B>@\\d+@|nucleus)",
    "(?P<A>@\\d+@(?:/@\\d+@)*)-(?:mediated|induced) (?P<GAP>(?:[a-z]+ ){0,2})(?P<B>@\\d+@)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["@1@", "@2@", "the ", "a ", "activates ", "binds ", "to ", ", ", " and ",
                                 "/", "-mediated ", "-induced ", "of ", "then ", "nucleus", "pathway", "x", ";"]),
                max_size=14))
def test_screening_never_rejects_a_match(pieces: list[str]) -> None:
    raw = "".join(pieces).encode("ascii")
    rules_module.SCREEN_GROUP_MIN, saved = 0, rules_module.SCREEN_GROUP_MIN
    try:
        for source in _PATTERNS:
            if _matches(source, raw):
                assert _matches(screening_source(source), raw), (source, raw)
    finally:
        rules_module.SCREEN_GROUP_MIN = saved

