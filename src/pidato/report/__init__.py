"""Stage 4, report: how much groups of documents emphasise each theme, how they differ and
change, which words mark them, as tables, plots and one HTML report."""

from .comparison import Comparison, benjamini_hochberg, compare
from .html import Report, build_report, document_kind, write_report
from .keywords import keyness, kwic
from .plots import plot_keyness, plot_shares, plot_speeches, plot_trend, plot_xray
from .shares import emphasis
from .trends import Trend, trend

__all__ = ["emphasis", "compare", "Comparison", "benjamini_hochberg", "trend", "Trend", "keyness", "kwic",
           "plot_shares", "plot_speeches", "plot_trend", "plot_keyness", "plot_xray",
           "build_report", "write_report", "Report", "document_kind"]
