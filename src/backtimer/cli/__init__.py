"""The command line: ``backtimer`` and its subcommands.

`COMMANDS` says which function runs each subcommand; its module is imported
when it runs, so the data commands answer quickly and never load the user interface.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from types import FrameType
from typing import NoReturn

from backtimer import __version__
from backtimer.cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError

Handler = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, str] = {
    "tui": "screens:run",
    "routines": "listing:list_routines",  # from the cache while no routine file changed
    "routines export": "routines:export",
    "routines import": "routines:import_routine",
    "exercises": "listing:list_exercises",
    "show": "routines:show",
    "validate": "routines:validate",
    "history": "history:list_history",
    "history import": "history:import_history",
    "stats": "stats:show_stats",
    "progress": "progress:progress",
    "report": "report:report",
    "programs": "programmes:list_programmes",
    "programs start": "programmes:start",
    "programs leave": "programmes:leave",
    "programs ics": "calendar:ics",
    "today": "today:today",
    "today --exit-code": "due_check:remind",  # quick: no pydantic, for a prompt or a timer
    "serve": "serve:serve",
    "morning": "coaching:morning",
    "red-flags": "coaching:red_flags_command",
}
"""Each command and the function that runs it, as "module:function" in backtimer.cli: the
module is imported only when its command runs, so the data commands answer quickly and
never load the user interface."""


def _handler(args: argparse.Namespace) -> Handler:
    """The function of the command ``args`` asks for (imported now)."""
    command: str = args.command
    if command == "today" and (args.exit_code or args.notify) and not args.json:
        command = "today --exit-code"
    module, function = COMMANDS[command].split(":")
    handler: Handler = getattr(importlib.import_module(f"backtimer.cli.{module}"), function)
    return handler


def _port(text: str) -> int:
    from backtimer.cli.serve import port_number

    return port_number(text)


def _rating(text: str) -> int:
    """A pain rating on the command line: 0 to 10."""
    if text.isdigit() and int(text) <= 10:
        return int(text)
    raise argparse.ArgumentTypeError(f"'{text}' is not a rating from 0 to 10")


def _epilog() -> str:
    """Where to go next, and the red flags: on every ``backtimer --help``."""
    from backtimer.domain.coaching.red_flags import as_text

    return (
        "Run a command with --help for more. Stop any exercise that causes sharp or\n"
        "radiating pain.\n\n" + as_text(width=76) + "\n\nOne of them applies to you?"
        " backtimer red-flags applies"
    )


def _date(text: str) -> object:
    from backtimer.cli.history import parse_date

    return parse_date(text)


def _weeks(text: str) -> object:
    from backtimer.cli.report import weeks

    return weeks(text)


class _Parser(argparse.ArgumentParser):
    """argparse, with its complaints starting ``backtimer:`` like every other error."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        command = self.prog.removeprefix("backtimer").strip()
        where = f"{command}: " if command else ""
        self.exit(EXIT_USAGE, f"backtimer: {where}{message} (see {self.prog} --help)\n")


def _command(
    commands: argparse._SubParsersAction[_Parser],
    name: str,
    help: str,
    description: str | None = None,
    *,
    command: str,
    json: bool = False,
) -> _Parser:
    """A subcommand, run by ``COMMANDS[command]``; with ``json``, its --json option.
    Its --help opens with ``description``, or its line in the list of commands."""
    described = description or f"{help[0].upper()}{help[1:]}."
    parser = commands.add_parser(name, help=help, description=described)
    if json:
        parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(command=command)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="backtimer",
        description="A full-screen workout timer for lower-back exercises, stretches and massage.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the epilog's lines as written
    )
    parser.add_argument("--version", action="version", version=f"backtimer {__version__}")
    parser.set_defaults(command="tui", routine=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    start = _command(
        commands, "start", help="open the timer straight into a routine", command="tui"
    )
    start.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")

    routines = _command(
        commands,
        "routines",
        help="list the built-in and your own routines",
        command="routines",
        json=True,
    )
    routine_files = routines.add_subparsers(title="commands", metavar="COMMAND")
    export = _command(
        routine_files,
        "export",
        help="print a routine's file, built-in ones too (to share or to edit)",
        command="routines export",
    )
    export.add_argument("routine", metavar="ID", help="a routine id (see backtimer routines)")
    import_ = _command(
        routine_files,
        "import",
        help="check a routine file and copy it into your routines",
        description="Check a routine file and copy it into your routines; its id is the file"
        " name without .toml. Exit 1 when it is invalid or the id is taken, 2 when it is missing.",
        command="routines import",
    )
    import_.add_argument("file", metavar="FILE", help="the routine file")
    import_.add_argument(
        "--force", action="store_true", help="replace your routine with the same id"
    )

    _command(
        commands, "exercises", help="list the catalogue of moves", command="exercises", json=True
    )

    show = _command(
        commands, "show", help="show a routine's steps and how long it takes", command="show"
    )
    show.add_argument("routine", metavar="ROUTINE", help="a routine id or a routine file")
    show.add_argument(
        "--figures",
        action="store_true",
        help="draw each step's move, phase by phase, as still pictures",
    )

    validate = _command(
        commands,
        "validate",
        help="check routine files",
        description="Check routine files. Exit 0 when all are valid, 1 when any is not,"
        " 2 when a file is missing.",
        command="validate",
    )
    validate.add_argument("files", metavar="FILE", nargs="+", help="routine files to check")

    history = _command(commands, "history", help="list past sessions", command="history")
    formats = history.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help="print JSON")
    formats.add_argument("--csv", action="store_true", help="print CSV")
    formats.add_argument(
        "--damaged",
        action="store_true",
        help="show what of the history was kept aside because it could not be read",
    )
    history.add_argument(
        "--since", metavar="DATE", type=_date, help="only sessions on or after DATE (YYYY-MM-DD)"
    )
    _add_programme_commands(commands)
    history_commands = history.add_subparsers(title="commands", metavar="COMMAND")
    restore = _command(
        history_commands,
        "import",
        help="restore sessions from a `history --json` export",
        description="Add the sessions of a `backtimer history --json` export that are not in"
        " the history yet. Exit 1 when the file is not such an export, 2 when it is missing.",
        command="history import",
    )
    restore.add_argument("file", metavar="FILE", help="a file written by `history --json`")

    _command(
        commands,
        "stats",
        help="the streak, this week against the goal, and the totals",
        command="stats",
        json=True,
    )

    progress = _command(
        commands,
        "progress",
        help="each step's dose, what the progression rules suggest and why",
        description="Each step's dose, the verdict of the progression rules (up a notch,"
        " keep, back off) and why, from your pain ratings; without ROUTINE, every routine"
        " done in the last 3 weeks. A timer's rule of thumb, not medical advice.",
        command="progress",
        json=True,
    )
    progress.add_argument(
        "routine", metavar="ROUTINE", nargs="?", help="a routine id (default: the recent ones)"
    )
    progress.add_argument(
        "--apply",
        action="store_true",
        help="accept every change suggested (a built-in routine gets your own copy, my-ID)",
    )
    _add_coaching_commands(commands)
    _add_report_command(commands)
    serve = _command(
        commands,
        "serve",
        help="the app in a web browser (a phone or tablet by the mat)",
        description="Serve the app to web browsers, at an address with a random token made"
        " anew each time. 127.0.0.1 by default: only this computer. For a phone or tablet"
        " on the same network, --host 0.0.0.0; anyone with the printed address can then"
        " use backtimer as you do.",
        command="serve",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)"
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=8000,
        help="the port (default 8000; 0 for any free one, then printed)",
    )
    return parser


def _add_coaching_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    morning = _command(
        commands,
        "morning",
        help="how your back is the morning after a workout: which is due, or give it",
        description="The morning after a workout, how your back feels says whether the"
        " load was right. Without RATING: which session's morning is due. With it: keep"
        " RATING (0 to 10) as the next morning of yesterday's last workout.",
        command="morning",
        json=True,
    )
    morning.add_argument(
        "rating", metavar="RATING", nargs="?", type=_rating, help="your back this morning, 0 to 10"
    )
    flags = _command(
        commands,
        "red-flags",
        help="the signs that need a doctor, not a timer; say one applies, or it was checked",
        description="Print the signs that need a doctor, not a timer. 'applies': one of them"
        " applies to you, and backtimer suggests no growth until you say it has been"
        " checked ('checked').",
        command="red-flags",
    )
    flags.add_argument(
        "action",
        metavar="ACTION",
        nargs="?",
        choices=["applies", "checked"],
        help="applies or checked",
    )


def _add_report_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    report = _command(
        commands,
        "report",
        help="a page of your weeks of work and pain, to print for a physiotherapist",
        description="Write a page of a period's sessions to take to a physiotherapist or"
        " doctor: how often you trained against the plan, pain before and after and the next"
        " mornings on one chart, leg symptoms and notes that warned, each move's dose and why"
        " it changed, the safety events, the notes. A self-contained web page that prints on"
        " one or two pages (or Markdown), readable by you alone, holding only that period;"
        " by default the last 12 weeks, into the reports folder of your data folder.",
        command="report",
    )
    period = report.add_mutually_exclusive_group()
    period.add_argument(
        "--since", metavar="DATE", type=_date, help="from DATE (YYYY-MM-DD) to today"
    )
    period.add_argument(
        "--weeks",
        metavar="N",
        type=_weeks,
        help="the last N weeks, Monday to Sunday, this one included (default 12)",
    )
    report.add_argument(
        "--out",
        metavar="FILE",
        help="write it there (a file, or a folder) instead; - prints it",
    )
    report.add_argument(
        "--format",
        choices=["html", "md"],
        help="html (the default: a page to print) or md (Markdown, to paste in a message)",
    )
    report.add_argument("--open", action="store_true", help="open it in your web browser")


def _add_programme_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    programs = _command(
        commands,
        "programs",
        help="list the programmes (multi-week plans), start or leave one",
        command="programs",
        json=True,
    )
    actions = programs.add_subparsers(title="actions", metavar="ACTION")
    start = _command(
        actions,
        "start",
        help="start a programme today (leaving the one under way)",
        command="programs start",
    )
    start.add_argument("program", metavar="PROGRAM", help="a programme id")
    _command(
        actions,
        "leave",
        help="leave the programme under way (history is kept)",
        command="programs leave",
    )
    ics = _command(
        actions,
        "ics",
        help="the programme's training slots as an iCalendar file, with alarms",
        description="Print the programme under way (or the one named) as an iCalendar"
        " (.ics) file: one event for each training slot, with an alarm 10 minutes before,"
        " for any calendar app. Save it with: backtimer programs ics > back.ics",
        command="programs ics",
    )
    ics.add_argument(
        "program", metavar="ID", nargs="?", help="a programme id (default: the one under way)"
    )
    ics.add_argument(
        "--start",
        metavar="DATE",
        type=_date,
        help="its first day, YYYY-MM-DD (default: when it was started, or today)",
    )

    today = _command(
        commands,
        "today",
        help="what the programme under way asks for today",
        description="What the programme under way asks for today. With --exit-code or"
        " --notify, one line about the session due now, quick enough for a shell prompt.",
        command="today",
        json=True,
    )
    today.add_argument(
        "--exit-code",
        action="store_true",
        help="exit 0 when a session is due now and not done, 1 when not",
    )
    today.add_argument(
        "--notify",
        action="store_true",
        help="show a desktop notification when a session is due now (notify-send or osascript)",
    )


STOPPING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """SIGTERM and SIGHUP (the terminal closed) end a command as Ctrl+C does: by an
    exception, so a write under way removes its temporary file and an import that was
    cut short leaves the history as it was. The full-screen timer sets its own."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {signum: signal.signal(signum, _stop) for signum in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def _real_now() -> datetime:
    return datetime.now(UTC)


def main(argv: Sequence[str] | None = None, now: Callable[[], datetime] = _real_now) -> int:
    """Run the command line; returns the exit code.

    The commands read the date and time only from ``now`` (aware, the real clock unless
    a test passes its own): each handler finds it as ``args.now``.

    No failure of the disk ends in a traceback: a file that cannot be written
    or read is said in one line, with exit code 1.
    """
    from backtimer.cli.output import error
    from backtimer.storage.files import StorageError
    from backtimer.storage.locations import settle_data_dir

    settle_data_dir()
    args = build_parser().parse_args(argv)
    args.now = now
    try:
        with _stopped_cleanly():
            return _handler(args)(args)
    except CommandError as exc:
        error("\n".join(exc.lines))
        return exc.code
    except BrokenPipeError:  # `backtimer history | head` closed the pipe: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except StorageError as exc:
        error(f"{exc}; nothing was changed")
        return EXIT_INVALID
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        error(f"{where}{exc.strerror or exc}")
        return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
