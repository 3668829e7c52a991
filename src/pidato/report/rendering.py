"""Rendering a :class:`Report`: its tables as HTML, Markdown and CSV.

:meth:`Report.to_html` renders the tables and figures that
:func:`pidato.report.html.build_report` computed with a jinja2 template with autoescape
on (every text from a document or its metadata is escaped; tables are escaped cell by
cell) and images embedded as data URIs, so the file needs nothing else to open.
:meth:`Report.to_markdown` and :meth:`Report.write_csv` give the same tables as
Markdown and CSV.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import InputError
from .result import Result

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_INTERVAL = re.compile(r"[0-9.]+–[0-9.]+( W)?")


def html_table(table: pd.DataFrame, *, table_id: str = "", digits: int = 3) -> str:
    """``table`` as an HTML table; every cell escaped, numbers to ``digits`` decimals."""
    import numbers

    def cell(value: object) -> str:
        if isinstance(value, bool):
            return "yes" if value else ""
        if isinstance(value, numbers.Integral):
            return str(int(value))
        if isinstance(value, numbers.Real):
            return "–" if value != value else f"{value:.{digits}f}"
        return html.escape("" if value is None else str(value))

    import pandas as pd

    head = "".join(f'<th class="{"num" if pd.api.types.is_numeric_dtype(table[c]) else "text"}">'
                   f'{html.escape(str(c))}</th>' for c in table.columns)
    body = []
    for row in table.itertuples(index=False):
        body.append("<tr>" + "".join(
            f'<td class="{"text" if isinstance(v, str) and not _INTERVAL.fullmatch(v) else "num"}">{cell(v)}</td>'
            for v in row) + "</tr>")
    ident = f' id="{html.escape(table_id)}"' if table_id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


#: pairwise rows shown in the HTML: the significant ones, smallest adjusted p first
MAX_PAIRS = 30


def _view(name: str, table: pd.DataFrame, count: str = "speeches") -> pd.DataFrame:
    """What the HTML shows of a table: emphasis tables one row per group with each
    theme's share and interval side by side (bootstrap over speeches; Wilson, marked W,
    for a group of one speech), pairwise comparisons cut to the significant pairs."""
    import pandas as pd

    if "share_low" in table.columns and "boot_low" in table.columns:
        from .shares import groups_of

        group = groups_of(table)
        rows = []
        for key, part in (table.groupby(group, sort=False) if group else [((), table)]):
            key = key if isinstance(key, tuple) else (key,)
            row = {**dict(zip(group, key)), count: int(part["speeches"].iloc[0]),
                   "passages": int(part["passages"].iloc[0])}
            for r in part.itertuples(index=False):
                boot = r.boot_low == r.boot_low
                lo, hi = (r.boot_low, r.boot_high) if boot else (r.share_low, r.share_high)
                row[r.theme] = r.share
                row[f"{r.theme} 95% CI"] = f"{lo:.3f}–{hi:.3f}" + ("" if boot else " W")
                if "corrected" in part.columns:
                    row[f"{r.theme} corrected"] = r.corrected
            rows.append(row)
        return pd.DataFrame(rows)
    if name.endswith(".pairwise") and len(table) > MAX_PAIRS:
        ranked = table.sort_values("p_adj", kind="stable")
        significant = ranked[ranked["significant"]]
        return significant.head(MAX_PAIRS) if len(significant) else ranked.head(10)
    if "speeches" in table.columns and count != "speeches":
        return table.rename(columns={"speeches": count})
    return table


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "group"


@dataclass
class Report:
    """Every table of a report (``tables``: name -> :class:`Result`), its figures (PNG,
    base64) and what is needed to render it; :meth:`to_html`, :meth:`to_markdown`,
    :meth:`write_csv`.

    Examples
    --------
    >>> import pandas as pd
    >>> from pidato.report import build_report
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Pungli.", "Doa."], "bersih": [True, False],
    ...                   "melayani": False, "responsif": False, "speaker": ["X", "Y"]})
    >>> build_report(t, "speaker", n_boot=0, n_perm=0, plots=False).to_markdown().splitlines()[0]
    '# pidato report: theme emphasis'
    """

    tables: dict[str, Result]
    figures: dict[str, str] = field(default_factory=dict)
    context: dict = field(default_factory=dict)

    def to_html(self) -> str:
        """The self-contained HTML document."""
        from importlib import resources

        import jinja2
        from markupsafe import Markup

        ctx = dict(self.context)
        source = resources.files("pidato").joinpath("data", "report.html.j2").read_text(encoding="utf-8")
        env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
        count = "speeches" if ctx.get("kind", "speech") == "speech" else "documents"
        tables = {name: Markup(html_table(_view(name, r.to_frame(), count), table_id=name))
                  for name, r in self.tables.items()}
        ctx["sections"] = {
            "summary": {"table": tables["summary"], "notes": self.tables["summary"].notes},
            "speeches": {"table": tables["speeches"]},
        }
        ctx["groups"] = [{**g, "table": tables[g["name"]],
                          "omnibus": tables.get(f"{g['name']}.omnibus"), "pairwise": tables.get(f"{g['name']}.pairwise"),
                          "notes": self.tables[g["name"]].notes,
                          "compare_notes": self._pair_notes(f"{g['name']}.pairwise")}
                         for g in ctx["groups"]]
        if ctx.get("trend"):
            ctx["trend"] = {**ctx["trend"], "slopes": tables["trend.slopes"], "notes": self.tables["trend.slopes"].notes}
        ctx["keyness"] = [{**k, "table": tables[f"keyness.{k['theme']}"]} for k in ctx["keyness"]]
        card = dict(ctx["card"])
        if card.get("validated"):
            card["scores"] = tables["validation"]
            card["agreement"] = tables.get("agreement")
        ctx["card"] = card
        ctx["examples"] = [{**ex, "html": Markup(ex["html"])} for ex in ctx["examples"]]
        ctx["figures"] = {"summary": None, "xray": None, **self.figures}
        return env.from_string(source).render(**ctx)

    def _pair_notes(self, name: str) -> tuple[str, ...]:
        if name not in self.tables:
            return ()
        result = self.tables[name]
        shown = len(_view(name, result.to_frame()))
        none = not result.table["significant"].any()
        cut = (f"{shown} of {len(result)} pairs shown ({'no pair is significant: ' if none else 'significant, '}"
               "smallest adjusted p first); all pairs are in the CSV export",) if shown < len(result) else ()
        return result.notes + cut

    def _repr_html_(self) -> str:
        return "".join(f"<h4>{html.escape(name)}</h4>{r._repr_html_()}" for name, r in self.tables.items())

    def to_markdown(self) -> str:
        """The same tables as Markdown (pipes in cells escaped)."""
        parts = [f"# {self.context['t']['title']}", ""]
        for name, result in self.tables.items():
            table = result.to_frame()
            parts += [f"## {result.caption or name}", "", "| " + " | ".join(map(str, table.columns)) + " |",
                      "|" + "---|" * len(table.columns)]
            for row in table.itertuples(index=False):
                cells = [(f"{v:.3f}" if isinstance(v, float) else str(v)).replace("|", "\\|").replace("\n", " ")
                         for v in row]
                parts.append("| " + " | ".join(cells) + " |")
            parts += [f"_{n}_" for n in result.notes] + [""]
        return "\n".join(parts)

    def write_html(self, path: str | Path, *, force: bool = False) -> Path:
        """Write the self-contained HTML report to ``path`` (``.html``), replacing an
        existing file only with ``force``."""
        path = Path(path)
        check_html_path(path, force)
        text = self.to_html()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        return path

    def csv_paths(self, directory: str | Path) -> list[Path]:
        """The files :meth:`write_csv` writes into ``directory``, one per table (named after
        it; a name that two tables would share gets a number)."""
        slugs: list[str] = []
        for name in self.tables:
            slug, n = _slug(name), 2
            while slug in slugs:
                slug, n = f"{_slug(name)}-{n}", n + 1
            slugs.append(slug)
        return [Path(directory) / f"{slug}.csv" for slug in slugs]

    def write_csv(self, directory: str | Path) -> list[Path]:
        """One CSV per table, named after it, inside ``directory`` (created if needed)."""
        paths = self.csv_paths(directory)
        Path(directory).mkdir(parents=True, exist_ok=True)
        for path, result in zip(paths, self.tables.values(), strict=True):
            result.to_frame().to_csv(path, index=False)
        return paths



def check_html_path(path: Path, force: bool) -> None:
    """Refuse a report path that exists (unless ``force``) or is not ``.html``."""
    if path.exists() and not force:
        raise InputError(f"{path} exists; pass force=True (--force) to overwrite")
    if path.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"{path}: the report is HTML; name it .html")
