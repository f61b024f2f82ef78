"""The str-method shortcuts in front of tag_sentence's regexes must answer as the regexes do."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pathwaygen.extract import _ODD_SPACE, _odd_space, tag_sentence
from pathwaygen.recognize import recognize
from pathwaygen.text import prepare

_SPACE_LIKE = [" ", "a", "@", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2003",
               "\u2028", "\u200b", "\ufeff", "\x00", "\x7f", "\u00e9"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SPACE_LIKE), max_size=8) | st.text(max_size=8))
def test_odd_space_answers_as_the_regex(text: str | list[str]) -> None:
    text = "".join(text)
    assert _odd_space(text) == (_ODD_SPACE.search(text) is not None)


def test_every_whitespace_character_but_space_is_odd() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert _odd_space(f"a{char}b") == (_ODD_SPACE.search(f"a{char}b") is not None), hex(code)


def test_category_and_apposition_still_read() -> None:
    # (the shortcuts skip these rewrites only when their words are absent)
    caption = "The NF-kB proteins Dorsal and Dif activate Drosomycin. The adaptor, MyD88, activates IRAK4."
    text = prepare(caption)
    mentions = sorted(recognize(text), key=lambda m: (m.start, m.end))
    tagged = [tag_sentence(text.original, span, [m for m in mentions if span[0] <= m.start and m.end <= span[1]])
              for span in text.sentences]
    assert "proteins" not in tagged[0].text  # the category named before its members went
    assert tagged[1].text.startswith("@")  # the descriptive phrase before the apposed name went
