"""``backtimer report``: the weeks of work and pain on one page to take to a physiotherapist.

Writes a self-contained HTML page (or Markdown, ``--format md``) of a period: the last
`CHART_WEEKS` weeks by default, as the history pane's charts show them; ``--weeks N``
or ``--since DATE`` for another. The file goes into the data folder's reports folder
unless ``--out`` names another place (``--out -`` prints it), is readable by its owner
alone, and holds only that period. ``--open`` opens it in the web browser.
"""

from __future__ import annotations

import argparse
import sys
import webbrowser
from pathlib import Path

from backtimer.cli.exits import EXIT_OK, UsageError
from backtimer.cli.output import error
from backtimer.domain.history.stats import CHART_WEEKS
from backtimer.domain.parsing.words import plural
from backtimer.domain.programmes.standing import local_zone
from backtimer.domain.report.period import LONGEST_WEEKS, Period
from backtimer.storage.history import HistoryStore
from backtimer.storage.reports import Format, make_report, rendered, save_report
from backtimer.storage.settings import load_settings

DEFAULT_WEEKS = CHART_WEEKS


def weeks(text: str) -> int:
    """A --weeks count: 1 to `LONGEST_WEEKS`."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of weeks") from None
    if not 1 <= count <= LONGEST_WEEKS:
        raise argparse.ArgumentTypeError(f"must be 1 to {LONGEST_WEEKS} weeks (got {count})")
    return count


def _form(args: argparse.Namespace) -> Format:
    if args.format is not None:
        chosen: Format = args.format
        return chosen
    return "md" if args.out is not None and args.out.lower().endswith(".md") else "html"


def _out(args: argparse.Namespace) -> Path | None:
    """Where --out says, once it is known that the folder is there."""
    if args.out is None or args.out == "-":
        return None
    out = Path(args.out).expanduser()
    if not out.is_dir() and not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such folder")
    return out


def report(args: argparse.Namespace) -> int:
    settings, problems = load_settings()
    for problem in problems:
        error(problem)
    now = args.now()
    zone = local_zone(now)
    today = now.astimezone(zone).date()
    if args.since is not None:
        if args.since > today:
            raise UsageError(f"--since {args.since.isoformat()} is after today")
        period = Period(args.since, today)
        if period.week_count > LONGEST_WEEKS:
            raise UsageError(
                f"--since {args.since.isoformat()}: a report covers at most {LONGEST_WEEKS}"
                " weeks (ten years)"
            )
    else:
        period = Period.weeks(args.weeks or DEFAULT_WEEKS, today)
    if args.out == "-" and args.open:
        raise UsageError("--open needs a file: leave out --out -, or name a file")
    out, form = _out(args), _form(args)
    store = HistoryStore(args.now)
    _, recovered = store.recover()  # the sessions a killed process left, saved first
    made = make_report(store, period, now=now, zone=zone, weekly_goal=settings.weekly_goal)
    for problem in (*recovered, *made.problems):
        error(problem)
    if args.out == "-":
        sys.stdout.write(rendered(made.report, form))
        return EXIT_OK
    path = save_report(made.report, form, out)
    sessions = plural(made.report.adherence.sessions, "session")
    print(
        f"Wrote the report of {period.text()} ({sessions}) to {path.absolute()};"
        " it is readable by you alone."
    )
    if args.open:
        if webbrowser.open(path.resolve().as_uri()):
            print("Opened it in your web browser: print it from there.")
        else:
            error(f"no web browser could be opened: open {path} yourself")
    elif form == "html":
        print("Open it in a web browser to read or print it (or add --open).")
    return EXIT_OK
