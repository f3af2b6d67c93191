"""The history commands: ``history`` (table, JSON or CSV) and ``history import``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date, datetime

from backtimer.cli import EXIT_OK
from backtimer.domain.describe import duration
from backtimer.domain.history import Session, session_json
from backtimer.storage.history import HistoryStore

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
    "steps_done",
    "steps_skipped",
]


def parse_date(text: str) -> date:
    """A --since date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-24") from None


def load(store: HistoryStore) -> list[Session]:
    """Every session, after saving any left by a killed process; problems go to stderr."""
    _, problems = store.recover()
    result = store.load()
    for problem in problems + result.problems:
        print(f"backtimer: {problem}", file=sys.stderr)
    return result.sessions


def _local(moment: datetime) -> datetime:
    return moment.astimezone()


def list_history(args: argparse.Namespace) -> int:
    sessions = load(HistoryStore())
    if args.since is not None:
        sessions = [s for s in sessions if _local(s.started_at).date() >= args.since]
    if args.json:
        json.dump([session_json(s) for s in sessions], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for session in sessions:
            row = session_json(session)
            row["steps_done"] = session.steps_done
            row["steps_skipped"] = session.skipped_steps
            writer.writerow(row)
    else:
        _table(sessions)
    return EXIT_OK


def _pain(session: Session) -> str:
    def show(value: int | None) -> str:
        return "-" if value is None else str(value)

    return f"{show(session.pain_before)} → {show(session.pain_after)}"


def _table(sessions: list[Session]) -> None:
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
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
