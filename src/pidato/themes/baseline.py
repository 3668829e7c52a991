"""The naive keyword baseline: a theme is present when its key string occurs.

A passage is tagged ``bersih`` when its lowercased text contains "bersih",
``melayani`` when it contains "layan" (pelayanan, layanan, melayani) and
``responsif`` when it contains "respon" (responsif, merespons). It is the reference
any real tagger must beat, not a tagger: on the real development passages in
``../shared/data/themes`` it reaches macro-F1 0.36 (``pidato evaluate --gold
../shared/data/themes``), finding almost none of the bersih passages, which speak
of korupsi, pungli and integritas rather than of "bersih".

>>> keyword_baseline(["Pelayanan harus cepat dan bersih.", "Terima kasih."]).to_dict("records")
[{'bersih': 1, 'melayani': 1, 'responsif': 0}, {'bersih': 0, 'melayani': 0, 'responsif': 0}]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..core.constants import THEMES
from ..core.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["keyword_baseline", "BASELINE_KEYS"]

#: the key string of each theme
BASELINE_KEYS = {"bersih": "bersih", "melayani": "layan", "responsif": "respon"}


def keyword_baseline(texts: Iterable[str]) -> pd.DataFrame:
    """0/1 theme columns for each text, in order (index 0..n-1).

    Examples
    --------
    >>> keyword_baseline(["Birokrasi bersih.", "Pelayanan prima."]).to_numpy().tolist()
    [[1, 0, 0], [0, 1, 0]]
    """
    import pandas as pd

    if isinstance(texts, str):
        raise InputError("keyword_baseline takes an iterable of texts, not a single string; wrap it in a list")
    lowered = [str(t).lower() for t in texts]
    return pd.DataFrame({t: [int(BASELINE_KEYS[t] in s) for s in lowered] for t in THEMES}, columns=list(THEMES))
