"""The relation rules: every example of every rule passes; malformed rule files are refused."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
import re2

from pathwaygen.errors import RuleError
from pathwaygen.extract import Extractor
from pathwaygen.model import RELATIONS
from pathwaygen.rules import RULES_DIR, check_example, default_rules, load_rules

RULES = default_rules()
EXTRACTOR = Extractor(RULES)
CASES = [(rule, i) for rule in RULES for i in range(len(rule.examples))]


@pytest.mark.parametrize("rule,index", CASES, ids=[f"{r.id}[{i}]" for r, i in CASES])
def test_every_rule_example_passes(rule, index):
    problems = check_example(rule, rule.examples[index], EXTRACTOR)
    assert not problems, "; ".join(problems)


def test_every_rule_has_a_positive_and_a_negative_example():
    for rule in RULES:
        assert any(e.expect and not e.reject for e in rule.examples), rule.id
        assert any(e.negative for e in rule.examples), rule.id


def test_rules_cover_every_relation_and_compile_to_re2():
    assert {r.relation for r in RULES} == set(RELATIONS)
    for rule in RULES:
        assert rule.regexes and all(isinstance(rx, re2._Regexp) for rx in rule.regexes)


def test_rules_are_sorted_by_priority_then_id():
    keys = [(-r.priority, r.id) for r in RULES]
    assert keys == sorted(keys)


def _rule_dir(tmp_path: Path, body: str) -> Path:
    """A rule folder with the packaged macros and one rule file holding `body`."""
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(RULES_DIR / "_macros.yaml", folder / "_macros.yaml")
    (folder / "x.yaml").write_text(body, encoding="utf-8")
    return folder


GOOD = """
- id: t.good
  relation: activates
  priority: 1
  pattern: '{A} {ADV}{V_ACT} {B}'
  examples:
    - text: "TP53 activates MDM2."
      expect: [[TP53, activates, MDM2]]
    - text: "TP53 does not activate MDM2."
      expect: []
"""


def test_a_good_rule_file_loads(tmp_path):
    rules = load_rules(_rule_dir(tmp_path, GOOD))
    assert [r.id for r in rules] == ["t.good"]
    assert rules[0].slots == ("A", "B")


@pytest.mark.parametrize("change,message", [
    (("relation: activates", "relation: excites"), "relation"),
    (("pattern: '{A} {ADV}{V_ACT} {B}'", "pattern: '{A} (?:unclosed {B}'"), "compile"),
    (("pattern: '{A} {ADV}{V_ACT} {B}'", "pattern: '{A} {NOSUCHMACRO} {B}'"), "NOSUCHMACRO"),
    (("pattern: '{A} {ADV}{V_ACT} {B}'", "pattern: '{A} {V_ACT} {A}'"), "twice"),
    (("priority: 1", "priority: high"), "priority"),
    (("id: t.good", "id: Bad Id"), "id"),
    (("      expect: []\n", "      expect: [[TP53, activates, MDM2]]\n"), "negative"),
    (("  priority: 1\n", "  priority: 1\n  colour: red\n"), "unknown keys"),
    (("pattern: '{A} {ADV}{V_ACT} {B}'", "pattern: 'activates'"), "slots"),
    (("  priority: 1\n", "  priority: 1\n  removes_object: yes please\n"), "true or false"),
    (("  priority: 1\n", "  priority: 1\n  consequence: true\n"), "extension rules"),
    (("  priority: 1\n", "  priority: 1\n  adds_to_binding: true\n"), "extension rules"),
    (("  priority: 1\n", "  priority: 1\n  adds_effect: true\n"), "extension rules"),
    (("  priority: 1\n", "  priority: 1\n  anchor: after\n  adds_effect: 1\n"), "true or false"),
    (("  priority: 1\n", "  priority: 1\n  anchor: after\n  nominal_object: true\n"), "primary rules"),
    (("  priority: 1\n", "  priority: 1\n  nominal_object: maybe\n"), "true or false"),
    (("  priority: 1\n", "  priority: 1\n  anchor: after\n  ligand_object_acts: true\n"), "primary rules"),
    (("  priority: 1\n", "  priority: 1\n  ligand_object_acts: yes please\n"), "true or false"),
])
def test_malformed_rules_raise_rule_error_naming_the_file(tmp_path, change, message):
    folder = _rule_dir(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError) as err:
        load_rules(folder)
    assert "x.yaml" in str(err.value)
    assert message in str(err.value)


def test_duplicate_ids_and_bad_yaml_are_refused(tmp_path):
    folder = _rule_dir(tmp_path, GOOD)
    (folder / "y.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="already defined"):
        load_rules(folder)
    (folder / "y.yaml").write_text("- id: [unclosed", encoding="utf-8")
    with pytest.raises(RuleError, match="y.yaml"):
        load_rules(folder)


def test_missing_folder_is_a_rule_error(tmp_path):
    with pytest.raises(RuleError, match="not found"):
        load_rules(tmp_path / "absent")


def _time_tagged(text: str, tokens: int) -> float:
    from pathwaygen.extract import _Tagged
    from pathwaygen.model import Entity

    ents = [(Entity(id=f"E{i}", label=f"E{i}", type="gene"),) for i in range(tokens)]
    tagged = _Tagged(text, ents)
    start = time.perf_counter()
    EXTRACTOR.candidates(tagged)
    return time.perf_counter() - start


def test_matching_stays_near_linear_on_adversarial_sentences():
    """Long lists, repeated verbs and unclosed constructions must not blow up (RE2, bounded loops).

    This compares growth (4x longer input), not absolute speed: backtracking or a quadratic
    loop would grow 16x or more; linear reading grows about 4x.
    """
    def sentence(n: int) -> tuple[str, int]:
        parts = ", ".join(f"@{i}@" for i in range(n))
        verbs = " ".join(["activates and binds the"] * n)
        return f"{parts} and @{n}@ {verbs} @{n + 1}@ " + "which " * n, n + 2

    _time_tagged(*sentence(10))  # warm up
    small = min(_time_tagged(*sentence(300)) for _ in range(3))
    large = min(_time_tagged(*sentence(1200)) for _ in range(3))
    assert large < 12 * small + 0.05


def _group_end_by_characters(source: str, start: int) -> int:
    """The character-by-character reading rules._group_end replaced (the reference)."""
    depth, i, in_class = 0, start, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 + (source[i + 1:i + 2] == "^")
            i += source[i:i + 1] == "]"
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="()[]^\\ab", max_size=16))
def test_group_end_reads_groups_as_the_character_loop_does(source):
    from pathwaygen.rules import _group_end
    for start, char in enumerate(source):
        if char == "(":
            try:
                found = _group_end(source, start)
            except ValueError:
                found = -1
            assert found == _group_end_by_characters(source, start), (source, start)
