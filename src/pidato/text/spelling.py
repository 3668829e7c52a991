"""Spelling variants: a non-standard spelling of a word and its standard (KBBI) form.

The table ``stem_variants.tsv`` (``pidato/data``) pairs variants with standard forms
(*merespon* → merespons, *transparant* → transparan); a variant may carry one common prefix
and suffix. :class:`pidato.text.stemming.Stemmer` reads every word through it before
stemming.
"""

from __future__ import annotations

import functools

from ..core.errors import InputError
from ..core.resources import read_table

__all__ = ["normalize_variant"]

_VARIANT_PREFIXES = ("", "me", "di", "ter", "ber", "pe", "ke", "se")
_VARIANT_SUFFIXES = ("", "nya", "kan", "i", "an", "lah")


@functools.cache
def _variant_forms() -> dict[str, str]:
    """Every variant spelling, bare or with one prefix and suffix -> its standard form.

    Expanded once from ``stem_variants.tsv`` (a few thousand keys), so a look-up is one
    dict access. A bare variant wins, then the first prefix, then the first suffix.
    """
    table = {v.lower(): s.lower() for v, s in read_table("stem_variants.tsv", 2)}
    forms = dict(table)
    for pre in _VARIANT_PREFIXES:
        for suf in _VARIANT_SUFFIXES:
            for variant, standard in table.items():
                forms.setdefault(pre + variant + suf, pre + standard + suf)
    return forms


def normalize_variant(word: str, /) -> str:
    """Replace a non-standard spelling of a word by its standard (KBBI) form.

    The variant may carry one common prefix and suffix; the rest of the word is kept.
    Words not in the table come back unchanged (case is kept only for those).

    Parameters
    ----------
    word : str
        One token.

    Returns
    -------
    str
        The standard spelling, lowercase when a variant was replaced.

    Examples
    --------
    >>> normalize_variant("merespon")
    'merespons'
    >>> normalize_variant("transparant")
    'transparan'
    >>> normalize_variant("responden")
    'responden'
    """
    if not isinstance(word, str):
        raise InputError(f"normalize_variant() expects one word as str, got {type(word).__name__}")
    return _variant_forms().get(word.lower(), word)
