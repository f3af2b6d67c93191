"""``backtimer`` and ``backtimer start ROUTINE``: the full-screen timer."""

from __future__ import annotations

import argparse

from backtimer.cli.exits import EXIT_OK


def run(args: argparse.Namespace) -> int:
    from backtimer.cli.lookup import loaded_routine

    start = None if args.routine is None else loaded_routine(args.routine)
    from backtimer.tui.app import BacktimerApp

    app = BacktimerApp(start=start)
    app.run()
    return app.return_code or EXIT_OK  # not 0 after a crash, a signal, or a session not saved
