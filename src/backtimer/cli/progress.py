"""``backtimer progress``: each step's dose, what the progression rules say and why.

Without a routine it covers every routine done in the last 3 weeks (a built-in
routine with a copy of the person's own is reported as the copy), most recent
first. ``--apply`` accepts every change suggested, as Enter does on the
summary after a workout.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backtimer.cli.digests import load_digests
from backtimer.cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from backtimer.cli.output import error, print_json
from backtimer.domain.coaching.pain_reading import PROFESSIONAL
from backtimer.domain.coaching.pain_trend import RestTrend, rest_ratings, rest_trend
from backtimer.domain.coaching.progression import (
    RULE_OF_THUMB,
    StepAdvice,
    own_sessions_of,
)
from backtimer.domain.coaching.step_history import WINDOW
from backtimer.domain.coaching.suggestion import (
    VERDICT_WORDS,
    advice_json,
    change_text,
    dose_text,
    ladder_text,
    move_name,
)
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.parsing.words import plural
from backtimer.domain.programmes.standing import local_zone
from backtimer.storage import coaching, library, progression
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore
from backtimer.storage.routine_files import SaveRefused, shown


def _recent_routines(
    sessions: list[SessionDigest], entries: list[library.RoutineEntry], now: datetime
) -> list[library.RoutineEntry]:
    """The routines done in the last 3 weeks, the latest first, each built-in as its copy."""
    by_id = {entry.id: entry for entry in entries if entry.ok}
    found: list[library.RoutineEntry] = []
    for session in reversed(sessions):
        if session.started_at < now - WINDOW:
            break
        entry = by_id.get(session.routine)
        if entry is None:
            continue
        entry = progression.followed(entry, entries)
        if entry not in found:
            found.append(entry)
    return found


def _chosen(
    ref: str | None, sessions: list[SessionDigest], now: datetime
) -> list[library.RoutineEntry]:
    """The routines to report; raises RoutineNotFound for an unknown one."""
    if ref is None:
        return _recent_routines(sessions, library.all_routines(), now)
    return [library.find_routine(ref)]


@dataclass
class Report:
    """One routine's advice, as printed and as JSON."""

    entry: library.RoutineEntry
    advice: list[StepAdvice]
    data: dict[str, Any]
    saved: str = ""
    """Where accepted changes were written, as messages show it."""


def progress(args: argparse.Namespace) -> int:
    now = args.now()
    zone = local_zone(now)
    sessions = load_digests(HistoryStore())
    try:
        entries = _chosen(args.routine, sessions, now)
    except library.RoutineNotFound as exc:
        error(str(exc))
        return EXIT_USAGE
    broken = [entry for entry in entries if not entry.ok]
    for entry in broken:
        for line in entry.problem_lines():
            error(line)
    if broken:
        return EXIT_INVALID
    copied = progression.copies()
    flagged = coaching.red_flag_open()
    reports = []
    status = EXIT_OK
    today = now.astimezone(zone).date()
    at_rest = rest_trend(rest_ratings(sessions, zone, today), today)
    for entry in entries:
        advice = progression.advise_on(entry, sessions, now, zone, copied, red_flag_open=flagged)
        report = Report(entry, advice, _data(entry, advice, sessions, copied, at_rest))
        if args.apply and report.data["changes"]:
            try:
                accepted = progression.accept(entry, advice)
            except (SaveRefused, StorageError) as exc:
                error(f"{entry.id}: not changed: {exc}")
                status = EXIT_INVALID
            else:
                report.data["applied"] = {
                    "routine": accepted.routine_id,
                    "file": str(accepted.path),
                    "copy_of": accepted.copy_of,
                }
                report.saved = shown(accepted.path)
        reports.append(report)
    if args.json:
        print_json([report.data for report in reports])
    else:
        _print(reports)
    return status


def _data(
    entry: library.RoutineEntry,
    advice: list[StepAdvice],
    sessions: list[SessionDigest],
    copied: dict[str, str],
    at_rest: RestTrend,
) -> dict[str, Any]:
    """One routine's advice as ``progress --json`` prints it (docs/reference/commands.md)."""
    own = own_sessions_of(entry.id, copied)
    mine = [session for session in sessions if session.routine in own]
    moves = library.exercises()
    ladders = library.catalogue().ladders
    professional = any(item.see_professional for item in advice)
    paused_until = next((item.paused_until for item in advice if item.paused_until), None)
    return {
        "routine": entry.id,
        "name": entry.name,
        "source": entry.source,
        "copy": copied.get(entry.id),
        "sessions": len(mine),
        "last_session": mine[-1].started_at.isoformat() if mine else None,
        "changes": sum(1 for item in advice if item.notch is not None),
        "grows": next((item.number for item in advice if item.verdict == "progress"), None),
        "paused_until": paused_until.isoformat() if paused_until else None,
        "pain_at_rest": at_rest.as_json(),
        "see_professional": professional,
        "advice": PROFESSIONAL if professional else None,
        "steps": [advice_json(item, moves, ladders) for item in advice],
        "applied": None,
    }


def _print(reports: list[Report]) -> None:
    if not reports:
        print(
            "No routine done in the last 3 weeks. Do one, rate your pain before and after,"
            " and the suggestions follow (backtimer progress ROUTINE shows any routine)."
        )
        return
    moves = library.exercises()
    ladders = library.catalogue().ladders
    for report in reports:
        entry, data = report.entry, report.data
        print(f"{entry.name} ({entry.id}): {plural(data['sessions'], 'session')}")
        for item in report.advice:
            name = move_name(item.step.exercise, moves)
            where = ladder_text(item.step, item.position, ladders, moves)
            print(f"  {item.number}. {name}: {dose_text(item.step, moves)} ({where})")
            verdict = VERDICT_WORDS[item.verdict]
            if item.notch is not None:
                verdict += f", {change_text(item.notch, moves)}"
            print(f"     {verdict}: {'; '.join(item.reasons)}")
        if data["copy"]:
            copy = data["copy"]
            print(f"  Your copy {copy} is the one that grows: backtimer progress {copy}")
        if data["advice"]:
            print(f"  {data['advice']}")
        if report.saved:
            copy_of = data["applied"]["copy_of"]
            also = f", your copy of {copy_of}: programmes run it now" if copy_of else ""
            print(f"  Saved {report.saved}{also}.")
        elif data["changes"]:
            them = "it" if data["changes"] == 1 else "them all"
            print(f"  Accept {them}: backtimer progress {entry.id} --apply")
        print()
    print(RULE_OF_THUMB)
