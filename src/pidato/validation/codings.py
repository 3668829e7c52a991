"""Codings: the filled coding sheets that coders return, read strictly.

Codings come back in any number of sheets (one per coder) and are read into a long
table, one row per unit and coder, with the themes as 0/1 columns
(:data:`CODING_COLUMNS`). Coders mark a theme with ``1`` (or ``x``, ``ya``), or mark
``lainnya`` when no theme applies. Every problem in a sheet -- unknown label, uncoded
row, duplicate id, contradiction, unit missing -- is collected and raised at once as a
:class:`~pidato.core.errors.CodingError` that names the file and the rows.

>>> import pandas as pd
>>> sheet = pd.DataFrame({"unit_id": ["u1", "u2"], "text": ["...", "..."],
...                       "bersih": ["x", ""], "melayani": ["1", ""], "lainnya": ["", "1"]})
>>> parse_coding(sheet, coder="A")[["unit_id", "coder", *THEMES]].to_dict("records")
[{'unit_id': 'u1', 'coder': 'A', 'bersih': 1, 'melayani': 1, 'responsif': 0}, {'unit_id': 'u2', 'coder': 'A', 'bersih': 0, 'melayani': 0, 'responsif': 0}]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.constants import OTHER, THEMES
from ..core.errors import CodingError, InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: columns of a coding table (long format: one row per unit and coder)
CODING_COLUMNS = ("unit_id", "coder", *THEMES)

_YES = {"1", "x", "ya", "y", "yes", "true", "v", "✓", "✔"}
_NO = {"", "0", "tidak", "t", "no", "n", "false", "-", "nan"}
_ID_COLUMNS = ("unit_id", "passage_id", "id")


def parse_coding(sheet: pd.DataFrame, *, coder: str, source: str = "sheet") -> pd.DataFrame:
    """Turn one filled sheet into a coding table; raise :class:`CodingError` listing bad rows.

    Labels are read from the theme columns (plus ``lainnya``), or from a single
    ``labels`` column holding names such as ``"bersih; melayani"`` or ``"lainnya"``.
    Row numbers in messages are the line numbers of a CSV file (header = line 1).

    Examples
    --------
    >>> import pandas as pd
    >>> sheet = pd.DataFrame({"unit_id": ["u1"], "text": ["..."], "responsif": ["ya"]})
    >>> parse_coding(sheet, coder="B")[["unit_id", "responsif"]].values.tolist()
    [['u1', 1]]
    """
    import pandas as pd

    id_col = next((c for c in _ID_COLUMNS if c in sheet.columns), None)
    if id_col is None:
        raise CodingError(f"{source}: no id column; expected one of {list(_ID_COLUMNS)}, got {list(sheet.columns)}")
    problems: list[str] = []
    ids = sheet[id_col].astype(str).str.strip()
    rows: list[dict] = []
    if "labels" in sheet.columns:
        parse_row = _labels_cell
    elif any(t in sheet.columns for t in (*THEMES, OTHER)):
        parse_row = _theme_cells
    else:
        raise CodingError(f"{source}: no label columns; expected {list(THEMES)} (and {OTHER!r}) or 'labels'")
    for i, (uid, (_, rec)) in enumerate(zip(ids, sheet.iterrows(), strict=True)):
        line = i + 2
        if uid in ("", "nan"):
            problems.append(f"line {line}: empty {id_col}")
            continue
        labels, errs = parse_row(rec)
        problems.extend(f"line {line} ({uid}): {e}" for e in errs)
        if not errs:
            rows.append({"unit_id": uid, "coder": coder, **labels})
    dup = ids[ids.duplicated(keep=False) & (ids != "")]
    if len(dup):
        for uid, lines in dup.groupby(dup).groups.items():
            problems.append(f"duplicate id {uid!r} on lines {', '.join(str(i + 2) for i in lines)}")
    if problems:
        raise CodingError(f"{source}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    table = pd.DataFrame(rows, columns=list(CODING_COLUMNS))
    if "note" in sheet.columns:
        table["note"] = sheet["note"].fillna("").astype(str).to_numpy()
    return table


def _flag(value: object) -> bool | None:
    text = "" if value is None else str(value).strip().lower()
    if text.endswith(".0"):
        text = text[:-2]
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


def _theme_cells(rec: pd.Series) -> tuple[dict, list[str]]:
    errs: list[str] = []
    labels: dict[str, int] = {}
    for col in (*THEMES, OTHER):
        flag = _flag(rec.get(col, ""))
        if flag is None:
            errs.append(f"unknown value {rec.get(col)!r} in column {col!r}; use 1/x for yes, blank/0 for no")
        labels[col] = int(bool(flag))
    if errs:
        return {}, errs
    other = labels.pop(OTHER)
    if OTHER not in rec.index:  # a table of theme columns only: all zero means lainnya
        return labels, []
    if other and any(labels.values()):
        return {}, [f"marked {OTHER!r} and a theme ({', '.join(t for t in THEMES if labels[t])})"]
    if not other and not any(labels.values()):
        return {}, [f"not coded: mark at least one of {list(THEMES)} or {OTHER!r}"]
    return labels, []


def _labels_cell(rec: pd.Series) -> tuple[dict, list[str]]:
    raw = "" if rec.get("labels") is None else str(rec.get("labels"))
    names = [p.strip().lower() for p in raw.replace(",", ";").replace("|", ";").split(";")]
    names = [p for p in names if p and p != "nan"]
    unknown = [p for p in names if p not in THEMES and p != OTHER]
    if unknown:
        return {}, [f"unknown label(s) {unknown}; valid labels are {[*THEMES, OTHER]}"]
    if not names:
        return {}, [f"not coded: give at least one of {[*THEMES, OTHER]}"]
    if OTHER in names and len(set(names)) > 1:
        return {}, [f"{OTHER!r} together with a theme: {names}"]
    return {t: int(t in names) for t in THEMES}, []


def read_coding_sheets(
    paths: str | Path | Iterable[str | Path],
    *,
    expected: Iterable[str] | None = None,
    coders: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Read filled coding sheets (CSV) into one coding table, validating each.

    Parameters
    ----------
    paths
        One sheet per coder. A sheet may also hold several coders in a ``coder``
        column.
    expected
        The unit ids every coder must have coded (e.g. ``key["unit_id"]``); missing
        and unknown ids are errors.
    coders
        Names of the coders, one per path; default: the ``coder`` column, else the
        file name without suffix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "ani.csv").write_text("unit_id,text,bersih,melayani,responsif,lainnya\\nu1,...,1,,,\\nu2,...,,,,1\\n")
    >>> read_coding_sheets([d / "ani.csv"])[["unit_id", "coder", "bersih"]].values.tolist()
    [['u1', 'ani', 1], ['u2', 'ani', 0]]
    """
    import pandas as pd

    if isinstance(paths, str | Path):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if coders is not None and len(coders) != len(paths):
        raise InputError(f"got {len(coders)} coder names for {len(paths)} sheets")
    tables = []
    problems: list[str] = []
    for i, path in enumerate(paths):
        if not path.is_file():
            problems.append(f"{path}: no such file")
            continue
        try:
            sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            problems.append(f"{path}: not a readable UTF-8 CSV ({exc.__class__.__name__}: {exc})")
            continue
        try:
            if coders is None and "coder" in sheet.columns:
                for name, part in sheet.groupby("coder", sort=False):
                    tables.append(parse_coding(part.reset_index(drop=True), coder=str(name), source=f"{path} [{name}]"))
            else:
                name = coders[i] if coders is not None else path.stem
                tables.append(parse_coding(sheet, coder=name, source=str(path)))
        except CodingError as exc:
            problems.append(str(exc))
    if problems:
        raise CodingError("\n".join(problems))
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=list(CODING_COLUMNS))
    validate_coding(table, expected=expected)
    return table


def validate_coding(table: pd.DataFrame, *, expected: Iterable[str] | None = None) -> pd.DataFrame:
    """Check a coding table; return it unchanged or raise :class:`CodingError`.

    Checks: the columns of :data:`CODING_COLUMNS`, 0/1 theme values, one row per unit
    and coder, and (with ``expected``) that every coder coded exactly those units.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"unit_id": ["u1"], "coder": ["A"], "bersih": [1], "melayani": [0], "responsif": [0]})
    >>> len(validate_coding(table, expected=["u1"]))
    1
    """
    missing_cols = [c for c in CODING_COLUMNS if c not in table.columns]
    if missing_cols:
        raise CodingError(f"coding table lacks columns {missing_cols}; it has {list(table.columns)}")
    problems: list[str] = []
    for t in THEMES:
        bad = table.index[~table[t].isin([0, 1])]
        if len(bad):
            problems.append(f"column {t!r} must be 0/1; bad rows {list(bad[:10])}")
    dup = table[table.duplicated(["unit_id", "coder"], keep=False)]
    for (uid, coder), _ in dup.groupby(["unit_id", "coder"]):
        problems.append(f"coder {coder!r} coded {uid!r} more than once")
    if expected is not None:
        want = set(map(str, expected))
        for coder, part in table.groupby("coder", sort=False):
            got = set(part["unit_id"].astype(str))
            if want - got:
                problems.append(f"coder {coder!r} is missing {len(want - got)} unit(s): {sorted(want - got)[:20]}")
            if got - want:
                problems.append(f"coder {coder!r} coded {len(got - want)} unknown unit(s): {sorted(got - want)[:20]}")
    if problems:
        raise CodingError(f"{len(problems)} problem(s) in the coding:\n  " + "\n  ".join(problems))
    return table
