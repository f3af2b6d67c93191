"""``backtimer`` and ``backtimer start ROUTINE``: the full-screen timer."""

from __future__ import annotations

import argparse

from backtimer.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from backtimer.cli.output import error


def run(args: argparse.Namespace) -> int:
    from backtimer.storage import library

    start = None
    if args.routine is not None:
        try:
            start = library.find_routine(args.routine)
        except library.RoutineNotFound as exc:
            error(str(exc))
            return EXIT_USAGE
        if not start.ok:
            for line in start.problem_lines():
                error(line)
            return EXIT_INVALID
    from backtimer.tui.app import BacktimerApp

    app = BacktimerApp(start=start)
    app.run()
    return app.return_code or EXIT_OK  # not 0 after a crash, a signal, or a session not saved
