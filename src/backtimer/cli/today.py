"""``backtimer today``: what the programme under way asks today, and the mornings due.

With 10,000 sessions it answered in 0.4 s of CPU, most of it reading every
session and importing the programme and routine models. It reads now only the
sessions that can change the answer (`HistoryStore.load_digests_since`, from
`history_needed_from`), and the programme and the names of its routines without
pydantic while their files are plainly valid (`storage.plain_programme.quick_plan`,
as ``today --exit-code`` does). Whenever they are not, the full path
(`backtimer.cli.programmes.full_today`) reads everything and names each problem;
both print the same from the same files (``tests/unit/test_recent_history.py``).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from backtimer.cli.exits import EXIT_INVALID, EXIT_OK
from backtimer.cli.output import error, print_json
from backtimer.domain.coaching import mornings
from backtimer.domain.coaching.easier_week import EasierWeek, easier_week
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.history.plain_tables import NotPlain
from backtimer.domain.programmes.due import due_now
from backtimer.domain.programmes.schedule import Progress, progress
from backtimer.domain.programmes.standing import history_needed_from, local_zone
from backtimer.storage.history import HistoryStore
from backtimer.storage.plain_programme import quick_plan

GIVE_IT = "backtimer morning RATING (0 to 10)"


@dataclass(frozen=True)
class Today:
    """What ``today`` tells, however it was read."""

    plan: Progress | None
    """Where the programme under way stands (None: none is, or it cannot be followed)."""
    names: dict[str, str]
    """Routine names by id."""
    program_id: str
    program_name: str
    easier: EasierWeek | None
    """The easier week under way after a flare-up, if any."""
    sessions: list[SessionDigest]
    """The recent sessions (`history_needed_from`), oldest first."""


def quick_today(now: datetime) -> Today:
    """What ``today`` says, read without the models.

    Raises:
        NotPlain: a file is not plainly valid (nothing was said yet).
    """
    zone = local_zone(now)
    plan = quick_plan()
    history = HistoryStore().load_digests_since(
        history_needed_from(plan.start if plan else None, now, zone)
    )
    for problem in history.problems:
        error(problem)
    if plan is None:
        return Today(None, {}, "", "", None, history.sessions)
    where = progress(plan.program, plan.start, history.sessions, now, zone, plan.aliases)
    easier = None if where.finished else easier_week(history.sessions, now, zone)
    return Today(where, plan.names, plan.program_id, plan.program.name, easier, history.sessions)


def today(args: argparse.Namespace) -> int:
    now = args.now()
    try:
        found = quick_today(now)
    except NotPlain:
        from backtimer.cli.programmes import full_today  # the models, which say what is wrong

        found = full_today(now)
    plan, names, easier = found.plan, found.names, found.easier
    zone = local_zone(now)
    due = due_now(plan, now.astimezone(zone)) if plan else None
    if args.json:
        data: dict[str, Any] = {"active": plan is not None}
        if plan is not None:
            data |= {"program": found.program_id, "name": found.program_name}
            data |= progress_json(plan, names)
            data["due_now"] = {"time": due.time, "routine": due.routine} if due else None
            data["easier_week"] = easier_json(easier)
        data["morning"] = morning_json(found.sessions, now, zone)
        print_json(data)
        if args.exit_code:
            return EXIT_OK if due is not None else EXIT_INVALID
        return EXIT_OK
    morning = morning_lines(found.sessions, now, zone)
    if plan is None:
        print("No programme is under way. See them with `backtimer programs`;")
        print("start one with `backtimer programs start ID` or from the app (F5 in the picker).")
        for line in morning:
            print(line)
        return EXIT_OK
    print(plan.headline(names))
    for state in plan.today_slots:
        when = state.slot.time if state.slot.time != "any" else "today"
        status = (
            "done" if state.done else "late, but there is still time" if state.late else "to do"
        )
        print(f"  {when:<8} {names.get(state.slot.routine, state.slot.routine)} — {status}")
    if easier is not None:
        print(easier.headline())
        print(easier.advice())
    if plan.lead is not None:
        print(f"Start it: backtimer start {plan.lead.routine}")
    for line in morning:
        print(line)
    return EXIT_OK


def easier_json(week: EasierWeek | None) -> dict[str, Any] | None:
    """The easier week under way, as ``today --json`` prints it."""
    if week is None:
        return None
    return {
        "flare_day": week.flare_day.isoformat(),
        "until": week.until.isoformat(),
        "reasons": list(week.reasons),
        "see_professional": week.see_professional,
        "advice": week.advice(),
    }


def progress_json(plan: Progress, names: dict[str, str]) -> dict[str, Any]:
    """Where a programme stands, as ``today --json`` and ``programs --json`` print it."""
    today = plan.today_day
    return {
        "start": plan.start.isoformat(),
        "today": plan.today.isoformat(),
        "week": plan.week,
        "finished": plan.finished,
        "rest_day": today is None and not plan.finished,
        "day": today.number if today else None,
        "total_days": plan.total,
        "done_days": plan.count("done"),
        "missed_days": plan.count("missed"),
        "slot": plan.lead.time if plan.lead else None,
        "routine": plan.lead.routine if plan.lead else None,
        "headline": plan.headline(names),
        "today_slots": [
            {
                "time": state.slot.time,
                "routine": state.slot.routine,
                "done": state.done,
                "late": state.late,
            }
            for state in plan.today_slots
        ],
        "weeks": plan.weeks_grid(),
    }


def morning_lines(sessions: list[SessionDigest], now: datetime, zone: tzinfo) -> list[str]:
    """What ``today`` says of the morning ratings: the one due now, the one due tomorrow."""
    found = mornings.standing(sessions, now, zone)
    lines = []
    if found.due_now is not None:
        words = mornings.session_words(found.due_now, now, zone)
        lines.append(f"Due now: how your back is this morning, after {words}: {GIVE_IT}.")
    if found.due_tomorrow is not None:
        words = mornings.session_words(found.due_tomorrow, now, zone)
        lines.append(f"Due tomorrow morning: how your back is then, after {words}.")
    return lines


def morning_json(sessions: list[SessionDigest], now: datetime, zone: tzinfo) -> dict[str, Any]:
    """The morning ratings due, as ``today --json`` and ``morning --json`` print them."""
    found = mornings.standing(sessions, now, zone)

    def session(found: SessionDigest | None) -> dict[str, Any] | None:
        if found is None:
            return None
        return {
            "id": found.id,
            "routine_name": found.routine_name,
            "started_at": found.started_at.astimezone(UTC).isoformat(),
        }

    return {"due_now": session(found.due_now), "due_tomorrow": session(found.due_tomorrow)}
