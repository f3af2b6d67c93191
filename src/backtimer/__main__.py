"""``python -m backtimer``: the same as the ``backtimer`` command."""

import sys

from backtimer.cli import main

sys.exit(main())
