"""``backtimer stats``: the streak, this week and all time, from the history's digests.

It loads no model while the files are as last read: the digests come from their
cache, the weekly goal from a plainly valid ``settings.toml``
(`backtimer.storage.settings.weekly_goal`).
"""

from __future__ import annotations

import argparse
import json
import sys

from backtimer.cli.digests import load_digests, say
from backtimer.cli.exits import EXIT_OK
from backtimer.domain.coaching.pain_trend import pain_trend
from backtimer.domain.history.stats import statistics
from backtimer.domain.parsing.words import plural
from backtimer.domain.routines.describe import duration
from backtimer.storage.history import HistoryStore
from backtimer.storage.settings import weekly_goal


def show_stats(args: argparse.Namespace) -> int:
    goal, problems = weekly_goal()
    say(problems)
    sessions = load_digests(HistoryStore())
    now = args.now()
    today = now.astimezone().date()
    stats = statistics(sessions, today, None, goal)
    if args.json:
        figures = stats.as_json() | {"pain_trend": pain_trend(sessions, now).as_json()}
        json.dump(figures, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    days, weeks = stats.streak_words()
    print(f"Streak:    {days}; {weeks}" if weeks else f"Streak:    {days}")
    print(
        f"This week: {stats.sessions_this_week} of {plural(stats.weekly_goal, 'session')},"
        f" {duration(round(stats.minutes_this_week) * 60)}"
    )
    total = duration(round(stats.minutes_total) * 60)
    print(f"In all:    {plural(stats.sessions_total, 'session')}, {total}")
    return EXIT_OK
