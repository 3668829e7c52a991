"""one_of: a trie of words matches exactly what the plain alternation matches."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pidato.core.patterns import one_of

WORDS = st.lists(st.text(alphabet="abkn .", min_size=1, max_size=6), min_size=1, max_size=12)
TEXT = st.text(alphabet="abkn .,x", max_size=60)


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT)
@example(["pelayanan", "pelayanan publik"], "pelayanan publik, pelayanan.")  # the longer phrase wins
@example(["ka", "kan", "k"], "kan ka k kank")
def test_trie_finds_the_same_matches_as_longest_first_alternation(words, text):
    plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) + r")(?!\w)")
    trie = re.compile(r"(?<!\w)" + one_of(words) + r"(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_special_characters_are_escaped():
    assert re.fullmatch(one_of(["a.b", "a+"]), "a.b") and not re.fullmatch(one_of(["a.b"]), "axb")
