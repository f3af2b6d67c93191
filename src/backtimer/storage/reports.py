"""The report for a physiotherapist on disk: what it is made from, and the file written.

`make_report` reads what the report needs (the history's digests, the routines and
their ladders, the programme under way, the weekly goal) and builds it
(`backtimer.domain.report.build`). `save_report` renders it as HTML or Markdown and
writes it atomically, readable by its owner alone (0600), by default into the data
folder's ``reports`` folder (`locations.reports_dir`), named after its period; a
report of the same period written again replaces the one before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Literal

from backtimer.domain.programmes.standing import standing
from backtimer.domain.report.build import build_report
from backtimer.domain.report.html import report_html
from backtimer.domain.report.markdown import report_markdown
from backtimer.domain.report.model import RedFlagAnswers, Report
from backtimer.domain.report.period import Period
from backtimer.domain.routines.exercise import Exercise
from backtimer.storage import library, locations
from backtimer.storage import programmes as programs
from backtimer.storage.coaching import load_coaching
from backtimer.storage.files import write_atomic
from backtimer.storage.history import HistoryStore

Format = Literal["html", "md"]
SUFFIXES: dict[Format, str] = {"html": ".html", "md": ".md"}


@dataclass(frozen=True)
class Made:
    """A report, and the problems met reading what it is made from."""

    report: Report
    problems: tuple[str, ...] = ()


def red_flag_answers(period: Period, zone: tzinfo) -> RedFlagAnswers | None:
    """The red-flag answers of the period, from ``coaching.toml`` (`storage.coaching`).

    The state keeps the last time a red flag was said to apply and the last time one
    was said to be checked; each is on the report when it falls in the period. None
    when the file cannot be read: the report then claims nothing about red flags.
    """
    state, problems = load_coaching()
    if problems:
        return None

    def days(*moments: datetime | None) -> tuple[date, ...]:
        found = {moment.astimezone(zone).date() for moment in moments if moment is not None}
        return tuple(sorted(day for day in found if period.holds(day)))

    return RedFlagAnswers(
        said=days(state.red_flag_said, state.red_flag_since),
        checked=days(state.red_flag_checked),
        open_now=state.red_flag_open,
    )


def make_report(
    store: HistoryStore, period: Period, *, now: datetime, zone: tzinfo, weekly_goal: int
) -> Made:
    """The report of ``period``, from the history, the routines and the programme under way."""
    history = store.load_digests()
    routines = {entry.id: entry.routine for entry in library.all_routines() if entry.routine}
    moves: dict[str, Exercise] = library.exercises()
    for routine in routines.values():
        moves |= routine.own_exercises()
    state, state_problems = programs.load_state()
    entries = programs.all_programmes(set(routines))
    found = standing(state, state_problems, history.sessions, now, zone, entries, set(routines))
    report = build_report(
        history.sessions,
        period,
        now=now,
        zone=zone,
        weekly_goal=weekly_goal,
        routines=routines,
        copies=dict(state.copies),
        moves=moves,
        ladders=library.catalogue().ladders,
        standing=found,
        red_flags=red_flag_answers(period, zone),
    )
    return Made(report, (*history.problems, *found.problems))


def rendered(report: Report, form: Format) -> str:
    """The report as a page (``html``) or as Markdown (``md``)."""
    return report_html(report) if form == "html" else report_markdown(report)


def report_path(period: Period, form: Format, out: Path | None = None) -> Path:
    """Where a report goes: ``out``, a file in ``out`` when it is a folder, else the reports
    folder; named after the period when no file is named."""
    name = period.file_stem() + SUFFIXES[form]
    if out is None:
        return locations.reports_dir() / name
    return out / name if out.is_dir() else out


def save_report(report: Report, form: Format, out: Path | None = None) -> Path:
    """Write the report where `report_path` says, readable by its owner alone; returns where.

    Raises:
        StorageError: it could not be written (the message names the file and why).
    """
    path = report_path(report.period, form, out)
    write_atomic(path, rendered(report, form))
    return path
