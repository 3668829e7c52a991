"""``python -m pidato``: the same command line as ``pidato``."""

import sys

from .cli import main

sys.exit(main())
