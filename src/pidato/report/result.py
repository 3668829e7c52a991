"""A table with a caption: what the analysis functions return.

Each result holds one DataFrame (``to_frame()``), prints as text and renders as an
HTML table in a notebook; every cell is escaped by pandas.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True, repr=False)
class Result:
    """An analysis result: ``table`` plus a one-line ``caption`` and free-form ``notes``."""

    table: pd.DataFrame
    caption: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_frame(self) -> pd.DataFrame:
        """A copy of the result table."""
        return self.table.copy()

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        lines = [self.caption] if self.caption else []
        lines.append(self.table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = [f"<p><b>{html.escape(self.caption)}</b></p>"] if self.caption else []
        parts.append(self.table.to_html(index=False, escape=True, float_format=lambda v: f"{v:.3f}",
                                        na_rep="–", border=0))
        parts += [f"<p><i>{html.escape(n)}</i></p>" for n in self.notes]
        return "\n".join(parts)


class TwoResults:
    """Mixin for a result made of two tables (``_parts``, in display order), shown one
    after the other; ``to_frame()`` is the one at index ``_MAIN``."""

    _MAIN = 0

    def _parts(self) -> tuple[Result, Result]:  # pragma: no cover - overridden
        raise NotImplementedError

    def to_frame(self) -> pd.DataFrame:
        """A copy of the main table."""
        return self._parts()[self._MAIN].to_frame()

    def __repr__(self) -> str:
        return "\n\n".join(repr(r) for r in self._parts())

    def _repr_html_(self) -> str:
        return "\n".join(r._repr_html_() for r in self._parts())
