"""The history commands: ``history`` (table, JSON or CSV) and ``history import``
(``stats`` is in `backtimer.cli.stats`)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from backtimer.cli.digests import load_digests, recovered, say
from backtimer.cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from backtimer.cli.output import error, table
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.history.session import Session, session_json
from backtimer.domain.parsing.words import plural
from backtimer.domain.routines.describe import duration
from backtimer.storage import history_aside
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import HISTORY_MAX_BYTES, UnreadableFile, read_export
from backtimer.storage.safe_read import read_bytes

S = TypeVar("S", Session, SessionDigest)

CSV_FIELDS = [
    "id",
    "routine",
    "routine_name",
    "started_at",
    "ended_at",
    "status",
    "active_seconds",
    "paused_seconds",
    "pain_before",
    "pain_after",
    "note",
    "leg_symptoms",
    "next_morning",
    "steps_done",
    "steps_partly",
    "steps_skipped",
    "steps_not_reached",
]


def parse_date(text: str) -> date:
    """A --since date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-24") from None


def load(store: HistoryStore) -> list[Session]:
    """Every session, after saving any left by a killed process; problems go to stderr."""
    result = recovered(store).load()
    say(result.problems)
    return result.sessions


def _local(moment: datetime) -> datetime:
    return moment.astimezone()


def _since(sessions: list[S], since: date | None) -> list[S]:
    if since is None:
        return sessions
    return [s for s in sessions if _local(s.started_at).date() >= since]


def list_history(args: argparse.Namespace) -> int:
    if args.damaged:
        return show_damaged()
    if not (args.json or args.csv):
        every = load_digests(HistoryStore())
        shown = _since(every, args.since)
        if every and not shown:
            print(f"No sessions since {args.since.isoformat()} ({len(every)} in all).")
        else:
            _table(shown)
        return EXIT_OK
    if args.json:
        lines = _exported(args.since, lambda s: json.dumps(session_json(s), ensure_ascii=False))
        _write_json_list(lines)
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        sys.stdout.write(buffer.getvalue())

        def row(session: Session) -> str:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(_csv_row(session))
            return buffer.getvalue()

        for line in _exported(args.since, row):
            sys.stdout.write(line)
    return EXIT_OK


def _exported(since: date | None, written: Callable[[Session], str]) -> Iterator[str]:
    """Every session (since a date) as ``written`` writes it, oldest first, read a file
    at a time: ten years are held as their lines, never as sessions or as one string.

    Problems go to stderr, as for `load`.
    """
    store = HistoryStore()
    _, problems = store.recover()
    for problem in problems:
        error(problem)
    kept: dict[str, tuple[datetime, str | None]] = {}
    for sessions, problems in store.each_file():
        for problem in problems:
            error(problem)
        for session in sessions:  # a later file wins, as in `HistoryStore.load`
            shown = since is None or _local(session.started_at).date() >= since
            kept[session.id] = (session.started_at, written(session) if shown else None)
    for problem in store.aside_notice():
        error(problem)
    for _, line in sorted(kept.values(), key=itemgetter(0)):
        if line is not None:
            yield line


def _write_json_list(items: Iterator[str]) -> None:
    """A JSON list, one item a line (json.dumps with an indent falls back to its slow
    Python encoder: seconds for ten years of sessions)."""
    first = next(items, None)
    if first is None:
        sys.stdout.write("[]\n")
        return
    sys.stdout.write("[\n" + first)
    for item in items:
        sys.stdout.write(",\n" + item)
    sys.stdout.write("\n]\n")


def _csv_row(session: Session) -> dict[str, Any]:
    row = session_json(session)
    if session.leg_symptoms is not None:
        row["leg_symptoms"] = "yes" if session.leg_symptoms else "no"
    outcomes = session.outcomes
    row["steps_done"] = outcomes.done
    row["steps_partly"] = outcomes.partly
    row["steps_skipped"] = outcomes.skipped
    row["steps_not_reached"] = outcomes.not_reached
    return row


def _pain(session: SessionDigest) -> str:
    def show(value: int | None) -> str:
        return "-" if value is None else str(value)

    return f"{show(session.pain_before)} → {show(session.pain_after)}"


def _table(sessions: list[SessionDigest]) -> None:
    if not sessions:
        print("No sessions yet. Start one with `backtimer`.")
        return
    rows = [["DATE", "ROUTINE", "TIME", "STATUS", "PAIN", "NOTE"]]
    for session in reversed(sessions):
        rows.append(
            [
                f"{_local(session.started_at):%Y-%m-%d %H:%M}",
                session.routine_name,
                duration(session.active_seconds),
                session.status,
                _pain(session),
                session.note[:40],
            ]
        )
    print(table(rows))


SHOWN_LINES, SHOWN_CHARS = 40, 4000
"""How much of each damaged part ``history --damaged`` shows; the file holds all of it."""


def show_damaged() -> int:
    """``history --damaged``: what of the history was kept aside as damaged, and where;
    from then on the other commands no longer mention it."""
    kept = history_aside.kept_aside()
    if not kept:
        print("Nothing of the history was set aside: every session in it can be read.")
        return EXIT_OK
    for path in kept:
        try:
            raw = read_bytes(path, HISTORY_MAX_BYTES)
        except OSError as exc:
            error(f"{path}: {exc.strerror or exc}")
            continue
        print(f"{path} ({len(raw)} bytes), as it was in the history:")
        text = printable(raw.decode("utf-8", "replace"))
        shown = "\n".join(text[:SHOWN_CHARS].splitlines()[:SHOWN_LINES])
        print("    " + shown.replace("\n", "\n    "))
        if len(shown) < len(text.rstrip("\n")):
            print("    … (the rest is in the file)")
        print()
    print(
        "These could not be read as sessions. Repair one and copy it back into the history"
        " file, or delete it once you no longer need it. `history` and `stats` no longer"
        " mention them."
    )
    history_aside.mark_seen(kept)
    return EXIT_OK


def printable(text: str) -> str:
    """``text`` with control characters (a terminal's escape sequences) shown as ``�``."""
    return "".join(c if c.isprintable() or c in "\n\t" else "\ufffd" for c in text)


def import_history(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        sessions = read_export(path)
    except UnreadableFile as exc:
        error(str(exc))
        return EXIT_INVALID
    except FileNotFoundError:
        error(f"{path}: no such file")
        return EXIT_USAGE
    except OSError as exc:
        error(f"{path}: {exc.strerror or exc}")
        return EXIT_INVALID
    try:
        added, problems = HistoryStore(args.now).add_new(sessions)
    except StorageError as exc:
        error(f"{exc}; nothing was imported, and the history is as it was")
        return EXIT_INVALID
    for problem in problems:
        error(problem)
    already = len({s.id for s in sessions}) - len(added)
    print(
        f"Imported {len(added)} of the {plural(len(sessions), 'session')} in {path}"
        + (f"; {already} were already in the history." if already else ".")
    )
    return EXIT_OK
