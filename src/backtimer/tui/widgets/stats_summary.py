"""The review's headline: the streak, this week against the goal, and the totals."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from backtimer.domain.history.stats import Statistics
from backtimer.domain.parsing.words import plural
from backtimer.domain.routines.describe import duration


def streak_line(stats: Statistics) -> str:
    """How the person is keeping it up, in days and in weeks (`Statistics.streak_words`)."""
    days, weeks = stats.streak_words()
    if stats.streak_days:
        days = f"[$success]{days}[/]"
    return "[b]Streak:[/] " + (f"{days} · {weeks}" if weeks else days)


def minutes(value: float) -> str:
    """Minutes to the nearest minute: "10 min", "4 h 12 min"."""
    return duration(round(value) * 60)


def week_line(stats: Statistics) -> str:
    """This week against the goal."""
    goal = f"{stats.sessions_this_week} of {plural(stats.weekly_goal, 'session')}"
    if stats.goal_met:
        goal = f"[$success]{goal} ✓[/]"
    return f"[b]This week:[/] {goal} · {minutes(stats.minutes_this_week)}"


def total_line(stats: Statistics) -> str:
    return (
        f"[b]In all:[/] {plural(stats.sessions_total, 'session')} · {minutes(stats.minutes_total)}"
    )


def summary_text(stats: Statistics | None) -> str:
    if stats is None:
        return "Reading the history…"
    if stats.sessions_total == 0:
        return (
            "[b]No sessions yet.[/] Your streak, this week against your goal of"
            f" {stats.weekly_goal} and how your back felt will show here."
        )
    return "\n".join([streak_line(stats), week_line(stats), total_line(stats)])


class StatsSummary(Static):
    """Three lines at the top of the history pane."""

    stats: reactive[Statistics | None] = reactive(None)

    def watch_stats(self, stats: Statistics | None) -> None:
        self.update(summary_text(stats))

    def on_mount(self) -> None:
        self.watch_stats(self.stats)
