"""``backtimer`` and ``backtimer start``: the full-screen timer."""

from __future__ import annotations

import argparse
import sys

from backtimer.cli import EXIT_OK


def run(args: argparse.Namespace) -> int:
    print("The screens arrive with the next release; try `backtimer routines`.", file=sys.stderr)
    return EXIT_OK
