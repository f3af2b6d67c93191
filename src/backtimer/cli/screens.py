"""``backtimer`` and ``backtimer start ROUTINE``: the full-screen timer."""

from __future__ import annotations

import argparse
import sys

from backtimer.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from backtimer.storage import library

    start = None
    if args.routine is not None:
        try:
            start = library.find_routine(args.routine)
        except library.RoutineNotFound as exc:
            print(f"backtimer: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if not start.ok:
            for line in start.problem_lines():
                print(line, file=sys.stderr)
            return EXIT_INVALID
    from backtimer.tui.app import BacktimerApp

    BacktimerApp(start=start).run()
    return EXIT_OK
