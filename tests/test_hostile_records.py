"""Broken and hostile figure records: the exact one-line error of each, and a build that goes on.

tests/corpus_bad/ holds one record per kind of breakage (no front matter, broken YAML, a YAML
alias bomb, deep nesting, wrong types, binary, empty, unsafe figids, a duplicate figid...).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, strategies as st

from pathwaygen.errors import RecordError
from pathwaygen.limits import MAX_CAPTION_CHARS, MAX_RECORD_BYTES
from pathwaygen.record import load_record, parse_record

REPO = Path(__file__).resolve().parents[1]
BAD = REPO / "tests" / "corpus_bad"
SEEDS = REPO / "seeds"
UNSAFE = "is not a safe file name (letters, digits, '.', '-', '_')"

#: record file -> the exact problem load_record reports (after "<path>: ")
EXPECTED: dict[str, str] = {
    "binary.md": "not UTF-8 text (byte 0x89 at offset 0)",
    "blank_caption.md": "no caption",
    "broken_yaml.md": "broken YAML front matter at line 5: found unexpected end of stream",
    "caption_mapping.md": "caption is a mapping, not text",
    "caption_number.md": "caption is a number, not text",
    "deep_nesting.md": "YAML nested more than 32 levels deep (line 4)",
    "device_figid.md": f"figid 'NUL.txt' {UNSAFE}",
    "empty.md": "empty file",
    "figid_list.md": "figid is a list, not text",
    "latin1.md": "not UTF-8 text (byte 0xe9 at offset 35)",
    "missing_caption.md": "no caption",
    "missing_figid.md": "no figid",
    "no_front_matter.md": "no YAML front matter (the file must start with a '---' line)",
    "not_a_mapping.md": "front matter is not a YAML mapping",
    "nul_byte.md": "broken YAML front matter at line 3: character U+0000 is not allowed in YAML",
    "python_tag.md": "broken YAML front matter at line 3: could not determine a constructor for the tag "
                     "'tag:yaml.org,2002:python/object/apply:os.system'",
    "script_figid.md": f"figid '<script>alert(1)</script>' {UNSAFE}",
    "unclosed_front_matter.md": "front matter is not closed by a '---' line",
    "unsafe_figid.md": f"figid '../../etc/passwd' {UNSAFE}",
    "whitespace_only.md": "empty file",
    "yaml_bomb.md": "YAML aliases (*a) are not allowed in a record (line 4)",
}
#: records that load on their own but fail in a build: the second one repeats the first's figid
DUPLICATES = ("dup_first.md", "dup_second.md")


def test_every_bad_record_is_listed() -> None:
    assert sorted(p.name for p in BAD.glob("*.md")) == sorted([*EXPECTED, *DUPLICATES])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_record_gives_its_exact_one_line_error(name: str) -> None:
    path = BAD / name
    with pytest.raises(RecordError) as info:
        load_record(path)
    assert str(info.value) == f"{path}: {EXPECTED[name]}"


def test_build_over_bad_and_good_records_reports_one_line_per_bad_record(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    seeds = sorted(SEEDS.glob("*.md"))[:3]
    for seed in seeds:
        shutil.copy(seed, good / seed.name)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "pathwaygen", "build", str(BAD), str(good), "-o", str(out),
                             "--jobs", "2", "--formats", "svg,gpml,json"],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 1, result.stderr
    first = BAD / DUPLICATES[0]
    expected = [f"{BAD / name}: {problem}" for name, problem in sorted(EXPECTED.items())]
    expected.append(f"{BAD / DUPLICATES[1]}: duplicate figid 'PMC1__twin' (already built from {first})")
    assert sorted(result.stderr.splitlines()) == sorted(expected)
    built = [load_record(p).figid for p in seeds] + ["PMC1__twin"]
    assert f"built {len(built)}, skipped 0, failed {len(expected)}" in result.stdout
    for figid in built:
        for suffix in (".svg", ".gpml", ".json"):
            assert (out / f"{figid}{suffix}").stat().st_size > 0
    # the twin's files are the first record's, and nothing else was written
    assert "first of two records" in (out / "PMC1__twin.json").read_text(encoding="utf-8")
    names = {p.name for p in out.iterdir()}
    assert names == {f"{f}{s}" for f in built for s in (".svg", ".gpml", ".json")} | {
        "index.html", "index.md", ".pathwaygen-manifest.json"}


# --------------------------------------------------------------------------- limits


def record(caption: str, figid: str = "PMC1__limit", extra: str = "") -> str:
    return f"---\nfigid: {figid}\ncaption: {caption}\n{extra}---\n"


def test_caption_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    caption = "TP53 activates MDM2 " * (MAX_CAPTION_CHARS // 20 + 1)
    path.write_text(record(caption), encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_record(path)
    size = len(caption.strip())
    assert str(info.value) == f"{path}: caption has {size:,} characters, over the limit of {MAX_CAPTION_CHARS:,}"


def test_a_one_megabyte_caption_gets_the_caption_message_at_once(tmp_path: Path) -> None:
    path = tmp_path / "megabyte.md"
    path.write_text(record("TP53 activates MDM2. " * 50_000), encoding="utf-8")  # 1,050,000 characters
    start = time.monotonic()
    with pytest.raises(RecordError) as info:
        load_record(path)
    assert str(info.value) == f"{path}: caption has 1,049,999 characters, over the limit of {MAX_CAPTION_CHARS:,}"
    assert time.monotonic() - start < 30  # refused before any stage runs: a bound against a hang


def test_caption_at_the_limit_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "edge.md"
    path.write_text(record("A" * MAX_CAPTION_CHARS), encoding="utf-8")
    assert len(load_record(path).caption) == MAX_CAPTION_CHARS


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:  # sparse: the size is there, the bytes are not
        handle.truncate(MAX_RECORD_BYTES + 1)
    with pytest.raises(RecordError) as info:
        load_record(path)
    assert str(info.value) == f"{path}: file has {MAX_RECORD_BYTES + 1:,} bytes, over the record limit of {MAX_RECORD_BYTES:,}"


@pytest.mark.parametrize("depth", [250_000, 1_000_000])
def test_very_deep_nesting_is_refused_without_recursing(depth: int) -> None:
    # libyaml's composer recurses in C: from about 50,000 levels a plain yaml.load dies of SIGSEGV
    start = time.monotonic()
    with pytest.raises(RecordError, match="nested more than 32 levels deep"):
        parse_record(record("x", extra="genes: " + "[" * depth + "]" * depth + "\n"))
    assert time.monotonic() - start < 30  # a bound against a hang, not a speed measurement


def test_an_alias_bomb_is_refused_before_it_is_built() -> None:
    bomb = "a: &a [lol, lol, lol]\n" + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
                                               for p, c in zip("abcdefghi", "bcdefghij"))
    with pytest.raises(RecordError, match=r"YAML aliases \(\*a\) are not allowed"):
        parse_record(record("x", extra=bomb))


def test_control_characters_in_escapes_become_xml_safe() -> None:
    # YAML's double-quoted escapes can smuggle NUL and other controls into a caption
    figure = parse_record('---\nfigid: PMC1__ctl\nfigtitle: "t\\0i\\x0bt\\x1ble"\n'
                          'caption: "TP53\\0 activates\\x01 MDM2\\uFFFE."\n---\n')
    assert figure.caption == "TP53\ufffd activates\ufffd MDM2\ufffd."
    assert figure.title == "t\ufffdi t\ufffdle"


def test_unsafe_yaml_tags_run_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"---\nfigid: x\ncaption: !!python/object/apply:os.system ['touch {marker}']\n---\n"
    with pytest.raises(RecordError, match="could not determine a constructor"):
        parse_record(text)
    assert not marker.exists()


# --------------------------------------------------------------------------- fuzz


@given(st.text(st.characters(exclude_categories=()), max_size=300))
def test_any_text_is_a_figure_or_one_record_error(text: str) -> None:
    try:
        figure = parse_record(text, "fuzz.md")
    except RecordError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.md: ")
        return
    assert figure.caption and figure.figid


yaml_scalars = st.one_of(st.text(st.characters(exclude_categories=()), max_size=30), st.integers(), st.floats(),
                         st.booleans(), st.none())
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                                 st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                           max_leaves=12)
FIELDS = ["figid", "caption", "figtitle", "organisms", "pmcid", "doi", "pmid", "year", "papertitle", "genes",
          "schema-jsonld", "keywords"]


@given(st.dictionaries(st.sampled_from(FIELDS), yaml_values, max_size=8))
def test_any_yaml_front_matter_is_a_figure_or_one_record_error(data: dict) -> None:
    text = "---\n" + yaml.safe_dump(data, allow_unicode=False) + "---\n"
    try:
        figure = parse_record(text, "fuzz.md")
    except RecordError as exc:
        assert "\n" not in str(exc)
        return
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", figure.figid)
    for value in (figure.caption, figure.title, *figure.organisms, *figure.ocr_genes):
        value.encode("utf-8")  # no lone surrogate survives
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_a_fifo_among_the_records_is_refused_not_read(tmp_path: Path) -> None:
    # opening a FIFO blocks until something writes to it: a build given one must not hang
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    good = tmp_path / "good.md"
    shutil.copy(sorted(SEEDS.glob("*.md"))[0], good)
    result = subprocess.run([sys.executable, "-m", "pathwaygen", "build", str(fifo), str(good), "-o",
                             str(tmp_path / "out"), "--formats", "json"], capture_output=True, text=True, cwd=REPO,
                            timeout=120)
    assert result.returncode == 1
    assert result.stderr == f"{fifo}: not a regular file (a pipe, socket or device)\n"
    assert "built 1, skipped 0, failed 1" in result.stdout
    with pytest.raises(RecordError, match="not a regular file"):
        load_record("/dev/zero")


def test_control_characters_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    evil = folder / "x\x1b]0;owned\x07\nfake line.md"  # retitles the terminal, then forges a second line
    evil.write_text("not a record", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pathwaygen", "build", str(folder), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 1
    assert result.stderr == (f"{folder}/x\\x1b]0;owned\\x07\\x0afake line.md: "
                             "no YAML front matter (the file must start with a '---' line)\n")
