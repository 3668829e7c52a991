"""Stage 3, validation: coding sheets for human coders, gold tables, agreement between
coders, the tagger's scores against them, and shares corrected for its errors."""

from .correction import corrected_share, prevalence, rogan_gladen
from .gold import read_coded_corpus, read_gold
from .reliability import agreement, cohen_kappa, krippendorff_alpha, reliability_flag
from .scores import misclassified, score
from .sheets import (
    CODING_COLUMNS,
    SHEET_COLUMNS,
    make_coding_sheet,
    parse_coding,
    read_coding_sheets,
    validate_coding,
    write_coding_sheet,
)

__all__ = ["make_coding_sheet", "write_coding_sheet", "read_coding_sheets", "parse_coding", "validate_coding",
           "SHEET_COLUMNS", "CODING_COLUMNS", "read_gold", "read_coded_corpus",
           "agreement", "krippendorff_alpha", "cohen_kappa", "reliability_flag",
           "score", "misclassified", "prevalence", "corrected_share", "rogan_gladen"]
