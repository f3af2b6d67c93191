"""``backtimer today --exit-code`` and ``--notify``: is a session due now, in one line.

Made for a shell prompt and a cron job or systemd timer: it reads the few
files the answer needs without loading pydantic (`storage.plain_programme`), so it
answers in well under 150 ms (``benchmarks/remind_speed.py``). When a file is
not plainly valid it reads everything the slow way, which names the problem.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime

from backtimer.cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from backtimer.cli.output import error
from backtimer.domain.history.plain_tables import NotPlain
from backtimer.domain.programmes.due import due_now, notification_text, reminder_line
from backtimer.domain.programmes.schedule import Progress, progress
from backtimer.storage.plain_programme import quick_look

BROKEN = "The programme under way cannot be followed: see the problems above."


def where_things_stand(now: datetime) -> tuple[Progress | None, dict[str, str], bool]:
    """The programme under way at ``now`` and its routines' names, read quickly if it can
    be; the last value says whether a programme is under way but cannot be followed."""
    zone = now.astimezone().tzinfo
    assert zone is not None
    try:
        look = quick_look(now, zone)
    except NotPlain:
        from backtimer.cli.programmes import standing_now  # the full path, which says why

        return standing_now(now)
    if look is None:
        return None, {}, False
    plan = progress(look.program, look.start, look.sessions, now, zone, look.aliases)
    return plan, look.names, False


def remind(args: argparse.Namespace, notifier: Callable[[str, str], None] | None = None) -> int:
    """Print what is due now in one line; notify with ``--notify``; exit by it with
    ``--exit-code`` (0 due now and not done, 1 not)."""
    now = args.now()
    plan, names, broken = where_things_stand(now)
    due = due_now(plan, now.astimezone()) if plan is not None else None
    print(BROKEN if broken else reminder_line(plan, due, names))
    if args.notify and plan is not None and due is not None:
        from backtimer.cli.notify import send  # subprocess and shutil: only when needed

        problem = send(*notification_text(plan, due, names), notifier=notifier)
        if problem is not None:
            error(problem)
            return EXIT_USAGE
    if args.exit_code:
        return EXIT_OK if due is not None else EXIT_INVALID
    return EXIT_OK
