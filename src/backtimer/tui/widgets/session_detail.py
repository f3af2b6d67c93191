"""One past session in full: when, how long, how the back felt, and every step."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, tzinfo
from functools import cache

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from backtimer.domain.history.digest import SessionDigest, StepOutcome
from backtimer.domain.history.outcome import Outcome
from backtimer.domain.parsing.words import plural
from backtimer.domain.routines.describe import duration
from backtimer.storage import library
from backtimer.tui.markup import escape

STATUS_WORDS = {
    "completed": "[$success]completed[/]",
    "stopped": "[$warning]stopped early[/]",
    "interrupted": "[$error]cut short[/] (the app did not get to finish it)",
}


OUTCOME_MARKS: dict[Outcome, tuple[str, str]] = {
    "done": ("[green]✓[/]", ""),
    "partly": ("[yellow]◐[/]", " [yellow](part done)[/]"),
    "skipped": ("[yellow]↷[/]", " [yellow](skipped)[/]"),
    "not-reached": ("[dim]·[/]", " [dim](not reached)[/]"),
}
"""A mark and a note for each way a step can end."""


def step_line(
    record: StepOutcome, index: int, names: dict[str, str], per_side: Collection[str] | None = None
) -> str:
    """One step: a mark, its name, and what was done against what was planned.

    Args:
        per_side: the moves done on each side in turn (the catalogue's, when not
            given): their reps are said a side ("1 of 1 rep each side"), as the
            routine asks for them, not both sides added up.
    """
    name = names.get(record.exercise, record.exercise)
    sides = per_side_moves() if per_side is None else per_side
    done = []
    if record.planned_reps:
        done.append(reps_done(record.reps_done, record.planned_reps, record.exercise in sides))
    elif record.planned_sets and record.planned_sets > 1:
        done.append(f"{record.sets_done} of {plural(record.planned_sets, 'set')}")
    done.append(duration(record.seconds_done))
    mark, note = OUTCOME_MARKS[record.outcome]
    return f"{mark} {index}. {name}: {', '.join(done)}{note}"


def reps_done(done: int, planned: int, per_side: bool) -> str:
    """ "3 of 8 reps"; for a move done a side at a time, a side's: "1 of 1 rep each side"."""
    if per_side and planned % 2 == 0 and done % 2 == 0:  # else one side has one more
        return f"{done // 2} of {plural(planned // 2, 'rep')} each side"
    return f"{done} of {plural(planned, 'rep')}"


@cache
def per_side_moves() -> frozenset[str]:
    """The catalogue's moves that are done on each side in turn."""
    return frozenset(move.id for move in library.exercises().values() if move.per_side)


def long_date(moment: datetime) -> str:
    """A date and time like "Tue 24 Nov 2026, 07:30" (no platform-specific format codes)."""
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def pain_text(before: int | None, after: int | None) -> str:
    def shown(value: int | None) -> str:
        return "–" if value is None else str(value)

    return f"{shown(before)} → {shown(after)}"


def detail_text(session: SessionDigest | None, names: dict[str, str], tz: tzinfo | None) -> str:
    """Rich markup describing a session, or a hint when there is none."""
    if session is None:
        return "[dim]Choose a session to see what was done.[/]"
    started = session.started_at.astimezone(tz)
    ended = session.ended_at.astimezone(tz)
    lines = [
        f"[b]{escape(session.routine_name)}[/]",
        f"{long_date(started)}–{ended:%H:%M}",
        STATUS_WORDS[session.status],
        f"{duration(session.active_seconds)} active · {duration(session.paused_seconds)} paused",
        session.outcomes.text(),
    ]
    if session.pain_before is None and session.pain_after is None:
        lines.append("Pain: not rated")
    else:
        lines.append(f"Pain: {pain_text(session.pain_before, session.pain_after)}")
    if session.note:
        lines.append(f"Note: [i]{escape(session.note)}[/]")
    lines.append(
        "[dim]Counts toward the streak and the goal.[/]"
        if session.counts
        else "[dim]Does not count toward the streak: no step was done in full.[/]"
    )
    lines.append("")
    lines += [step_line(step, n, names) for n, step in enumerate(session.steps, start=1)]
    return "\n".join(lines)


class SessionDetail(VerticalScroll, can_focus=False):
    """Scrolls when the session has many steps."""

    session: reactive[SessionDigest | None] = reactive(None)

    def __init__(self, names: dict[str, str], tz: tzinfo | None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._names = names
        self._tz = tz

    def compose(self) -> ComposeResult:
        yield Static(id="session-text")

    def watch_session(self, session: SessionDigest | None) -> None:
        if self.is_mounted:
            self.query_one("#session-text", Static).update(
                detail_text(session, self._names, self._tz)
            )
            self.scroll_home(animate=False)

    def on_mount(self) -> None:
        self.watch_session(self.session)
