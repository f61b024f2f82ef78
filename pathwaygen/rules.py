"""Load, validate and compile the relation rules (``rules/relations/*.yaml``).

A rule is data: ``id``, ``relation`` (one of RELATIONS), ``priority``, ``pattern`` and
``examples``. Patterns are regular expressions over the *tagged sentence* built by
:mod:`pathwaygen.extract`: the sentence lowercased, every entity mention replaced by a token
``@<index>@``. In a pattern,

- ``{A}``, ``{B}``, ``{C}`` are entity slots: a coordination list ("X, Y and Z") of noun
  phrases around mention tokens; ``{LOC}`` is an entity or a cellular compartment word;
  ``{CHAIN}`` (and ``{CHAIN2}``) is a sequence "X/Y/Z", "X-Y-Z" or "X -> Y -> Z"; ``{ALL}`` is a list whose
  members all bind each other;
- any other ``{NAME}`` is a macro from ``rules/relations/_macros.yaml`` (verb groups,
  adverbs, determiners...), expanded recursively.

Patterns compile with RE2 (google-re2), so matching is linear in the sentence length
whatever the pattern: no catastrophic backtracking is possible. See ``rules/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import re2
import yaml

from .errors import RuleError
from .paths import rules_dir, rules_root
from .yaml_io import load_yaml
from .model import RELATIONS, NODE_TYPES

RULES_DIR = rules_dir("relations")

#: slot name -> the macro its group wraps
SLOT_MACROS: dict[str, str] = {"A": "LIST", "B": "LIST", "C": "LIST", "LOC": "LOCLIST",
                               "CHAIN": "CHAINLIST", "CHAIN2": "CHAINLIST", "ALL": "LIST"}
#: placeholder in an extension rule's yield for the relation of the statement it extends
PRIMARY_RELATION = "REL"
#: groups that name no entity but whose text is judged in code: a {GAP} of modifier words
#: between a verb and its object ("inhibits the activity of X") must hold no word of the
#: GAPSTOP macro (prepositions, clause words, sign-changing nominals)
CHECKED_GROUPS: dict[str, str] = {"GAP": "GAP", "SGAP": "SGAP", "PGAP": "PGAP"}

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)(?::([A-Z][A-Z0-9_]*))?\}")
#: RE2 options: more DFA memory than the default so that big alternations never fall back
#: to the slower NFA
_OPTIONS = re2.Options()
_OPTIONS.max_mem = 64 << 20
#: the true/false keys of a rule, each for primary rules (True) or extensions (False) only
_FLAG_KEYS = {"consequence": False, "removes_object": True, "adds_to_binding": False, "nominal_object": True,
              "adds_effect": False, "ligand_object_acts": True}
_RULE_KEYS = {"id", "relation", "priority", "pattern", "examples", "yield", "anchor",
              "by_object_type", "description", "supersedes", "subject_kind", *_FLAG_KEYS}
#: what `subject_kind` may ask of a rule's subject: "microrna" (a microRNA, whose "targets" is repression)
SUBJECT_KINDS = frozenset({"microrna"})


@dataclass(frozen=True)
class Example:
    """One example sentence: triples it must yield (`expect`) and must not yield (`reject`).

    An empty `expect` list means the text must yield no statement at all.
    """

    text: str
    expect: tuple[tuple[str, str, str], ...]
    reject: tuple[tuple[str, str, str], ...]

    @property
    def negative(self) -> bool:
        """True for an example that shows what the rule must NOT yield."""
        return not self.expect or bool(self.reject)


@dataclass(frozen=True)
class Rule:
    """A compiled rule. `yields` are (slot, relation, slot) triples; `anchor` is "" or "after"."""

    id: str
    relation: str
    priority: int
    pattern: tuple[str, ...]
    regexes: tuple[Any, ...]  # compiled re2 patterns, one per alternative
    sources: tuple[str, ...]  # their expanded regex sources
    slots: tuple[str, ...]
    yields: tuple[tuple[str, str, str], ...]
    anchor: str
    by_object_type: tuple[tuple[str, str], ...]
    examples: tuple[Example, ...]
    source: str
    checked: tuple[str, ...] = ()  # CHECKED_GROUPS its patterns use ({GAP})
    supersedes: tuple[str, ...] = ()  # rule ids whose overlapping matches this rule's match replaces
    subject_kind: str = ""  # "" or one of SUBJECT_KINDS: the rule yields only for such a subject
    consequence: bool = False  # (extension) names what the statement leads to: see rules/README.md
    removes_object: bool = False  # the subject takes the object away: what follows is the subject's doing
    adds_to_binding: bool = False  # (extension) its activates stands beside the binds it extends
    nominal_object: bool = False  # (primary) a nominal that a verb before it may take as object
    adds_effect: bool = False  # (extension) its relation stands beside the other relation it extends
    ligand_object_acts: bool = False  # (primary) a ligand object is upstream: it acts on the subject

    def groups(self, regex: Any) -> list[tuple[str, int]]:
        """(slot, group index) pairs of one of the rule's regexes (re2 matches want numbers)."""
        return [(name, regex.groupindex[name]) for name in self.slots if name in regex.groupindex]


def _fail(source: str, message: str) -> RuleError:
    """A RuleError naming the file and the problem."""
    return RuleError(f"{source}: {message}")


def expand(pattern: str, macros: dict[str, str], source: str = "<pattern>",
           _depth: int = 0) -> tuple[str, list[str]]:
    """Expand macros and slots in `pattern`; return (regex source, slot names in order)."""
    if _depth > 12:
        raise _fail(source, f"macros nest too deeply (a macro refers to itself?) in {pattern!r}")
    slots: list[str] = []

    def sub(match: re.Match[str]) -> str:
        name, own_macro = match.group(1), match.group(2)
        if own_macro and (name not in SLOT_MACROS or own_macro not in macros):
            raise _fail(source, f"{{{name}:{own_macro}}}: needs a slot name and a known macro")
        if name in CHECKED_GROUPS and not own_macro and _depth == 0:
            if CHECKED_GROUPS[name] not in macros:
                raise _fail(source, f"{{{name}}} needs the macro {CHECKED_GROUPS[name]}")
            if name in slots:
                raise _fail(source, f"{{{name}}} used twice in {pattern!r}")
            slots.append(name)
            inner, _ = expand(macros[CHECKED_GROUPS[name]], macros, source, _depth + 1)
            return f"(?P<{name}>{inner})"
        if name in SLOT_MACROS and _depth == 0:
            if name in slots:
                raise _fail(source, f"slot {{{name}}} used twice in {pattern!r}")
            slots.append(name)
            inner, _ = expand(macros[own_macro or SLOT_MACROS[name]], macros, source, _depth + 1)
            return f"(?P<{name}>{inner})"
        if name in macros:
            inner, _ = expand(macros[name], macros, source, _depth + 1)
            return f"(?:{inner})"
        raise _fail(source, f"unknown macro or slot {{{name}}} in {pattern!r}")

    return _PLACEHOLDER.sub(sub, pattern), slots


def _triples(value: Any, source: str, where: str) -> tuple[tuple[str, str, str], ...]:
    """Validate a list of [subject, relation, object] string triples."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(source, f"{where}: must be a list of [subject, relation, object] triples")
    out = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)):
            raise _fail(source, f"{where}: {item!r} is not a [subject, relation, object] triple")
        if item[1] not in RELATIONS:
            raise _fail(source, f"{where}: unknown relation {item[1]!r}")
        out.append((item[0], item[1], item[2]))
    return tuple(out)


def _compile_rule(raw: Any, macros: dict[str, str], source: str) -> Rule:
    """Validate one rule mapping and compile it."""
    if not isinstance(raw, dict):
        raise _fail(source, f"a rule must be a mapping, got {raw!r}")
    rid = raw.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", rid):
        raise _fail(source, f"rule id {rid!r} must look like 'family.name' (lowercase)")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(source, f"rule {rid}: unknown keys {sorted(unknown)}")
    relation = raw.get("relation")
    if relation not in RELATIONS:
        raise _fail(source, f"rule {rid}: relation {relation!r} is not one of {', '.join(RELATIONS)}")
    priority = raw.get("priority")
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise _fail(source, f"rule {rid}: priority must be an integer")
    pattern = raw.get("pattern")
    patterns = [pattern] if isinstance(pattern, str) else pattern
    if not isinstance(patterns, list) or not patterns or not all(
            isinstance(p, str) and p.strip() for p in patterns):
        raise _fail(source, f"rule {rid}: pattern must be a non-empty string or list of strings")
    anchor = raw.get("anchor", "")
    if anchor not in ("", "after"):
        raise _fail(source, f"rule {rid}: anchor must be 'after' or absent")
    regexes = []
    sources = []
    slots: list[str] = []
    for alternative in patterns:
        regex_src, alt_slots = expand(alternative.strip(), macros, f"{source}: rule {rid}")
        try:
            regexes.append(re2.compile(regex_src, _OPTIONS))
            sources.append(regex_src)
        except re2.error as exc:
            raise _fail(source, f"rule {rid}: pattern does not compile ({exc})") from None
        slots.extend(n for n in alt_slots if n not in slots)
    checked = tuple(n for n in slots if n in CHECKED_GROUPS)
    slots = [n for n in slots if n not in CHECKED_GROUPS]
    # which slots may appear in yields: the rule's own, plus A/B of the statement extended
    known = set(slots) | ({"A", "B"} if anchor else set())
    raw_yield = raw.get("yield")
    if raw_yield is None:
        if "CHAIN" in slots:
            # "X/Y and Z/W pathways": a second chain ({CHAIN2}) is read the same way
            yields: tuple[tuple[str, str, str], ...] = tuple(
                (name, relation, name) for name in ("CHAIN", "CHAIN2") if name in slots)
        elif "ALL" in slots:
            yields = (("ALL", relation, "ALL"),)
        elif "A" in slots and ("B" in slots or "LOC" in slots):
            yields = (("A", relation, "B" if "B" in slots else "LOC"),)
        else:
            raise _fail(source, f"rule {rid}: needs slots {{A}} and {{B}}/{{LOC}}, {{CHAIN}}, {{ALL}} or a yield list")
    else:
        if not isinstance(raw_yield, list) or not raw_yield:
            raise _fail(source, f"rule {rid}: yield must be a non-empty list of triples")
        out = []
        for item in raw_yield:
            if not (isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)):
                raise _fail(source, f"rule {rid}: yield item {item!r} is not a [slot, relation, slot] triple")
            if any(x not in known and not x.startswith("group:") for x in (item[0], item[2])):
                raise _fail(source, f"rule {rid}: yield item {item!r} names a slot the pattern lacks")
            if item[1] not in RELATIONS and not (anchor and item[1] == PRIMARY_RELATION):
                raise _fail(source, f"rule {rid}: yield item {item!r} has an unknown relation")
            out.append((item[0], item[1], item[2]))
        yields = tuple(out)
    by_type_raw = raw.get("by_object_type") or {}
    if not isinstance(by_type_raw, dict) or any(
            k not in NODE_TYPES or v not in RELATIONS for k, v in by_type_raw.items()):
        raise _fail(source, f"rule {rid}: by_object_type must map node types to relations")
    supersedes = raw.get("supersedes") or []
    if not isinstance(supersedes, list) or not all(isinstance(x, str) for x in supersedes):
        raise _fail(source, f"rule {rid}: supersedes must be a list of rule ids")
    subject_kind = raw.get("subject_kind", "")
    if subject_kind and subject_kind not in SUBJECT_KINDS:
        raise _fail(source, f"rule {rid}: subject_kind must be one of {', '.join(sorted(SUBJECT_KINDS))}")
    flags = {}
    for key, primary in _FLAG_KEYS.items():
        value = raw.get(key, False)
        if not isinstance(value, bool):
            raise _fail(source, f"rule {rid}: {key} must be true or false")
        if value and primary == bool(anchor):
            raise _fail(source, f"rule {rid}: {key} is for {'primary' if primary else 'extension'} rules"
                                f" ({'without' if primary else 'with'} anchor: after)")
        flags[key] = value
    examples_raw = raw.get("examples")
    if not isinstance(examples_raw, list) or not examples_raw:
        raise _fail(source, f"rule {rid}: needs a list of examples")
    examples = []
    for i, ex in enumerate(examples_raw):
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or "expect" not in ex:
            raise _fail(source, f"rule {rid}: example {i + 1} needs 'text' and 'expect'")
        examples.append(Example(ex["text"], _triples(ex["expect"], source, f"rule {rid} example {i + 1}"),
                                _triples(ex.get("reject"), source, f"rule {rid} example {i + 1}")))
    if not any(e.expect for e in examples) or not any(e.negative for e in examples):
        raise _fail(source, f"rule {rid}: needs at least one positive and one negative example")
    return Rule(rid, relation, priority, tuple(p.strip() for p in patterns), tuple(regexes),
                tuple(sources), tuple(slots), yields, anchor,
                tuple(sorted(by_type_raw.items())), tuple(examples), source, checked, tuple(supersedes),
                subject_kind, **flags)


def _read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax errors into RuleError."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(str(path), f"cannot read YAML ({str(exc).splitlines()[0]})") from None


def load_macros(directory: Path) -> dict[str, str]:
    """Read every ``_*.yaml`` macro file of `directory` into one name -> regex mapping."""
    macros: dict[str, str] = {}
    for path in sorted(directory.glob("_*.yaml")):
        data = _read_yaml(path)
        if not isinstance(data, dict):
            raise _fail(str(path), "a macro file must map NAMES to regex strings")
        for name, value in data.items():
            if not isinstance(name, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
                raise _fail(str(path), f"macro name {name!r} must be UPPERCASE")
            if isinstance(value, list):  # a list of alternatives reads better for word lists
                value = "|".join(str(v) for v in value)
            if not isinstance(value, str):
                raise _fail(str(path), f"macro {name} must be a string or a list of strings")
            if name in macros:
                raise _fail(str(path), f"macro {name} defined twice")
            macros[name] = value
    for name in set(SLOT_MACROS.values()):
        if name not in macros:
            raise _fail(str(directory), f"macro {name} (used by the entity slots) is not defined")
    return macros


def load_rules(directory: Path | str = RULES_DIR) -> tuple[Rule, ...]:
    """Load, validate and compile every rule file of `directory`; raises RuleError naming the file.

    Rules are returned by descending priority, then id (deterministic).
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise RuleError(f"{directory}: rule folder not found")
    macros = load_macros(directory)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data = _read_yaml(path)
        if data is None:
            continue
        if not isinstance(data, list):
            raise _fail(str(path), "a rule file must be a YAML list of rules")
        for raw in data:
            rule = _compile_rule(raw, macros, str(path))
            if rule.id in seen:
                raise _fail(str(path), f"rule id {rule.id} already defined in {seen[rule.id]}")
            seen[rule.id] = str(path)
            rules.append(rule)
    if not rules:
        raise RuleError(f"{directory}: no rules found")
    for rule in rules:
        unknown_ids = [x for x in rule.supersedes if x not in seen]
        if unknown_ids:
            raise _fail(rule.source, f"rule {rule.id}: supersedes unknown rules {unknown_ids}")
    rules.sort(key=lambda r: (-r.priority, r.id))
    return tuple(rules)


try:  # Python 3.11+: the regex parser moved into the re package
    from re import _constants as _sre_constants, _parser as _sre_parser
except ImportError:  # Python 3.10 (the package supports it)
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

#: a named group at least this long is loosened by screening_source (the entity lists are
#: thousands of characters: their automata make most of the cost of a failing match)
SCREEN_GROUP_MIN = 400
_GROUP_OPEN = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")
#: RE2 syntax that Python's parser reads differently: a group using it is not analysed
_FOREIGN_SYNTAX = re.compile(r"\\[pPCQEz]|\[\[:")


#: what decides the depth of a group: an escape, a whole character class (a "]" right after
#: the "[" or "[^" is a literal; an unclosed one runs to the end) or a parenthesis; everything
#: else is skipped by the search
_GROUP_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|\\\Z|[^\]\\])*(?:\]|\Z)|[()]", re.S)


def _group_end(source: str, start: int) -> int:
    """Index just past the group that opens at source[start] ("(")."""
    depth = 0
    # (a regex search from token to token: the sources are hundreds of kilobytes, and a
    # character-by-character loop took seconds at every start)
    for token in _GROUP_TOKEN.finditer(source, start):
        char = token.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return token.end()
    raise ValueError(f"unbalanced group at {start}")


def _alphabet(tree: Any, chars: set[str]) -> bool:
    """Add to `chars` every character a parsed pattern can match; False when unknown (flags,
    negated classes, "." and the like)."""
    c = _sre_constants
    categories = {c.CATEGORY_DIGIT: "0123456789", c.CATEGORY_SPACE: "\t\n\x0b\x0c\r ",
                  c.CATEGORY_WORD: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"}
    for op, av in tree:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.IN:
            for item_op, item in av:
                if item_op is c.LITERAL:
                    chars.add(chr(item))
                elif item_op is c.RANGE:
                    chars.update(map(chr, range(item[0], item[1] + 1)))
                elif item_op is c.CATEGORY and item in categories:
                    chars.update(categories[item])
                else:
                    return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            if not _alphabet(av[2], chars):
                return False
        elif op is c.SUBPATTERN:
            if av[1] or av[2] or not _alphabet(av[3], chars):
                return False  # scoped flags ("(?i:...)")
        elif op is c.BRANCH:
            if not all(_alphabet(branch, chars) for branch in av[1]):
                return False
        elif op is not c.AT:  # anchors and \b match no character
            return False
    return True


def _always_has(tree: Any, char: str) -> bool:
    """Whether every text a parsed pattern matches holds `char`."""
    c = _sre_constants
    for op, av in tree:
        if op is c.LITERAL and av == ord(char):
            return True
        if op is c.IN and av and all(item_op is c.LITERAL and item == ord(char) for item_op, item in av):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and _always_has(av[2], char):
            return True
        if op is c.SUBPATTERN and _always_has(av[3], char):
            return True
        if op is c.BRANCH and all(_always_has(branch, char) for branch in av[1]):
            return True
    return False


@lru_cache(maxsize=64)
def _loose_group(inner: str) -> str:
    """A small pattern matching every text `inner` matches (and more): a run of the characters
    it can match, holding a token "@" when every text it matches holds one.

    Memoised: nearly every long group is the same entity-list macro, and parsing it with
    Python's regex parser takes ~10 ms (seconds over all the rules).
    """
    chars: set[str] = set()
    try:
        tree = None if _FOREIGN_SYNTAX.search(inner) else _sre_parser.parse(inner)
    except (re.error, RecursionError, OverflowError):
        tree = None
    if tree is None or not _alphabet(tree.data, chars) or not chars or not all(ch.isascii() for ch in chars):
        return "(?s:.*)"
    codes = sorted(map(ord, chars))
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    run = "[" + "".join(f"\\x{a:02x}" if a == b else f"\\x{a:02x}-\\x{b:02x}" for a, b in ranges) + "]*"
    return f"(?:{run}@{run})" if "@" in chars and _always_has(tree.data, "@") else f"(?:{run})"


def screening_source(source: str) -> str:
    """A looser and much smaller pattern than `source`, to screen texts cheaply.

    Every text that `source` matches (anywhere), the screening pattern matches too: each long
    named group (an entity list) becomes a run of the characters it can match, holding "@"
    when every text it matches holds one, so "X activates Y" keeps its words but loses the
    thousands of alternatives of its noun phrases. A text it does not match cannot match
    `source`; one it matches still has to be matched by `source` itself.
    """
    out = []
    pos = 0
    while True:
        found = _GROUP_OPEN.search(source, pos)
        while found is not None and source[found.start() - 1:found.start()] == "\\":
            found = _GROUP_OPEN.search(source, found.start() + 1)  # (an escaped "(" opens nothing)
        if found is None:
            out.append(source[pos:])
            return "".join(out)
        end = _group_end(source, found.start())
        inner = source[found.end():end - 1]
        if len(inner) < SCREEN_GROUP_MIN:
            out.append(source[pos:found.end()])
            pos = found.end()
            continue
        out.append(source[pos:found.start()])
        out.append(_loose_group(inner))
        pos = end


#: the table of enzymes and their products (see load_products)
PRODUCTS_FILE = rules_root() / "products.yaml"


@dataclass(frozen=True)
class Products:
    """Enzymes and the small molecules they make (rules/products.yaml)."""

    entries: tuple[tuple[Any, frozenset[str]], ...]  # (compiled id regex, product ids)

    def makes(self, enzyme: Any, product: Any) -> bool:
        """Whether entity `enzyme` (by its id or a member's) makes chemical `product`."""
        if product.type != "chemical":
            return False
        key = product.id.lower()
        ids = [enzyme.id, *(m.id for m in enzyme.members)]
        return any(key in products and any(pattern.fullmatch(i) for i in ids) for pattern, products in self.entries)


@lru_cache(maxsize=4)
def load_products(path: str = str(PRODUCTS_FILE)) -> Products:
    """Read the enzyme-product table (no entries when the file is absent); RuleError naming the
    file and the entry on a malformed one."""
    file = Path(path)
    if not file.exists():
        return Products(())
    data = _read_yaml(file)
    if not isinstance(data, list):
        raise _fail(path, "expected a list of {enzymes, products} entries")
    entries = []
    for n, item in enumerate(data, 1):
        if (not isinstance(item, dict) or set(item) != {"enzymes", "products"} or not isinstance(item["enzymes"], str)
                or not isinstance(item["products"], list) or not item["products"]
                or not all(isinstance(x, str) for x in item["products"])):
            raise _fail(path, f"entry {n}: needs exactly 'enzymes' (a regex) and 'products' (a list of ids)")
        try:
            pattern = re.compile(item["enzymes"])
        except re.error as exc:
            raise _fail(path, f"entry {n}: enzymes regex does not compile ({exc})") from None
        entries.append((pattern, frozenset(x.lower() for x in item["products"])))
    return Products(tuple(entries))


@lru_cache(maxsize=4)
def default_rules(directory: str = str(RULES_DIR)) -> tuple[Rule, ...]:
    """The rules of `directory`, compiled once per process."""
    return load_rules(directory)


def name_key(name: str) -> str:
    """Compare names as the scorer does (pathwaygen.evaluate.normalize_name)."""
    from .evaluate import normalize_name  # local: keep this module light to import

    return normalize_name(name)


def _names(entity: Any, statements_text: str, mentions: dict[str, set[str]]) -> set[str]:
    """Every key an entity answers to: id, label and the texts it was mentioned by."""
    return {name_key(entity.id), name_key(entity.label)} | mentions.get(entity.id, set())


def check_example(rule: Rule, example: Example, extractor: Any = None) -> list[str]:
    """Run one example of `rule`; return the problems (empty when it passes)."""
    from .recognize import recognize
    from .text import prepare

    text = prepare(example.text)
    mentions = recognize(text)
    if extractor is None:
        from .extract import extract
        statements = extract(text, mentions)
    else:
        statements = extractor.extract(text, mentions)
    said: dict[str, set[str]] = {}
    for m in mentions:
        for e in m.entities:
            said.setdefault(e.id, set()).add(name_key(m.text))

    def matches(st: Any, triple: tuple[str, str, str]) -> bool:
        if st.relation != triple[1]:
            return False
        s_names = _names(st.subject, example.text, said)
        o_names = _names(st.object, example.text, said)
        a, b = name_key(triple[0]), name_key(triple[2])
        if a in s_names and b in o_names:
            return True
        return triple[1] == "binds" and a in o_names and b in s_names

    def show(st: Any) -> str:
        return f"[{st.subject.id}, {st.relation}, {st.object.id}] ({st.evidence.rule})"

    problems = []
    for triple in example.expect:
        if not any(matches(st, triple) for st in statements):
            problems.append(f"missing {list(triple)}")
    if example.expect and not example.reject and not any(st.evidence.rule == rule.id and any(matches(st, t) for t in example.expect)
                                  for st in statements):
        problems.append(f"no expected statement comes from {rule.id}")
    for triple in example.reject:
        if any(matches(st, triple) for st in statements):
            problems.append(f"yields rejected {list(triple)}")
    if not example.expect and not example.reject and statements:
        problems.append("should yield nothing")
    if problems:
        got = ", ".join(show(st) for st in statements) or "nothing"
        mention_text = ", ".join(f"{m.text}={'/'.join(e.id for e in m.entities)}" for m in mentions)
        problems.append(f"got {got}; mentions {mention_text}")
    return problems


def check_rules(rules: tuple[Rule, ...] | None = None) -> list[tuple[Rule, Example, list[str]]]:
    """Run every example of every rule; return (rule, example, problems) for the failing ones."""
    from .extract import Extractor

    rules = rules if rules is not None else default_rules()
    extractor = Extractor(rules)
    failures = []
    for rule in rules:
        for example in rule.examples:
            problems = check_example(rule, example, extractor)
            if problems:
                failures.append((rule, example, problems))
    return failures
