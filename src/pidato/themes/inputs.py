"""Checks of the texts handed to taggers, and the one rule turning probabilities into tags."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..core.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def texts_list(texts: Iterable[str], where: str) -> list[str]:
    """``texts`` as a list of strings; a bare string or a non-string item is refused."""
    if isinstance(texts, str):
        raise InputError(f"{where} takes a list of passage texts, not a single string; wrap it in a list")
    out = list(texts)
    bad = [i for i, t in enumerate(out) if not isinstance(t, str)]
    if bad:
        raise InputError(f"{where}: items {bad[:10]} are not strings")
    return out


def at_threshold(proba: np.ndarray, threshold: float) -> np.ndarray:
    """0/1 tags: a probability at or above ``threshold`` (up to rounding) is a tag."""
    return (proba >= float(threshold) - 1e-12).astype(int)
