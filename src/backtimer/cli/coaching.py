"""``backtimer morning`` and ``backtimer red-flags``: what the coaching asks, from the shell.

``morning`` says which session's next morning is due (`domain.mornings`) and,
given a rating, keeps it as that session's ``next_morning``. ``red-flags``
prints the signs that need a doctor, not a timer, says whether the person has
said one applies, and records that one does or that it has been checked:
while one is open, the progression rules suggest no growth.
"""

from __future__ import annotations

import argparse
from datetime import datetime, tzinfo

from backtimer.cli.digests import load_digests
from backtimer.cli.exits import EXIT_INVALID, EXIT_OK
from backtimer.cli.output import error, print_json
from backtimer.cli.today import morning_json, morning_lines
from backtimer.domain.coaching import mornings, red_flags
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.programmes.standing import local_zone
from backtimer.storage import coaching
from backtimer.storage.history import HistoryStore


def morning(args: argparse.Namespace) -> int:
    now = args.now()
    zone = local_zone(now)
    store = HistoryStore(args.now)
    sessions = load_digests(store)
    if args.rating is None:
        if args.json:
            print_json(morning_json(sessions, now, zone))
            return EXIT_OK
        _say_where_it_stands(sessions, now, zone)
        return EXIT_OK
    target = mornings.morning_after(sessions, now, zone)
    if target is None:
        error(
            "no workout yesterday to rate the morning after (a session's next morning is"
            " given the day after it)"
        )
        return EXIT_INVALID
    before = coaching.record_morning(store, target.id, args.rating)
    if before is None:
        error(f"the session {target.id} is no longer in the history; nothing was changed")
        return EXIT_INVALID
    words = mornings.session_words(target, now, zone)
    was = f" (was {before.next_morning})" if before.next_morning is not None else ""
    print(f"Kept: your back this morning, {args.rating} of 10{was}, after {words}.")
    return EXIT_OK


def _say_where_it_stands(sessions: list[SessionDigest], now: datetime, zone: tzinfo) -> None:
    lines = morning_lines(sessions, now, zone)
    rated = mornings.morning_after(sessions, now, zone)
    if rated is not None and rated.next_morning is not None:
        words = mornings.session_words(rated, now, zone)
        lines.insert(0, f"This morning, after {words}: {rated.next_morning} of 10.")
    if not lines:
        lines = [
            "No morning rating is due: it is asked the morning after a workout, and"
            " there was none yesterday."
        ]
    for line in lines:
        print(line)


def red_flags_command(args: argparse.Namespace) -> int:
    now = args.now()
    if args.action == "applies":
        for problem in coaching.open_red_flag(now):
            error(problem)
        print(red_flags.WHEN_ONE_APPLIES)
        print("When it has been checked: backtimer red-flags checked")
        return EXIT_OK
    if args.action == "checked":
        was_open = coaching.red_flag_open()
        for problem in coaching.close_red_flag(now):
            error(problem)
        print(red_flags.CHECKED if was_open else "No warning sign was open; noted all the same.")
        return EXIT_OK
    print(red_flags.as_text(width=79))
    print()
    state, problems = coaching.load_coaching()
    for problem in problems:
        error(problem)
    if state.red_flag_since is not None or problems:
        print(red_flags.OPEN_NOW)
        print("When it has been checked: backtimer red-flags checked")
    else:
        print("If one applies to you: backtimer red-flags applies")
    return EXIT_OK
