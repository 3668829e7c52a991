"""The constants every stage shares: the codebook's theme labels and the package version."""

from __future__ import annotations

__all__ = ["THEMES", "OTHER", "__version__"]

#: the package version (``pidato.__version__``), written into every output's provenance
__version__ = "0.1.0"

#: the theme labels of the codebook, in this order everywhere
THEMES = ("bersih", "melayani", "responsif")
#: the label of a coding sheet for a passage with no theme
OTHER = "lainnya"
