"""Leaving the app without losing a session: on ctrl+q, and on a signal.

ctrl+q during a workout asks first (`screens.quit_question`: ctrl+q again, or y,
quits); quitting saves every workout under way (as stopped) and every summary, and
the shell gets a line for each workout (`farewell`); what the disk will not take is
handed back for the not-saved dialog to offer again. A signal (SIGTERM, SIGHUP
when the terminal closes, SIGINT) has no one to ask: a workout's journal is
brought up to date (``interrupted``, with the time done so far) so the next start
records it and offers to resume it, and what the data folder will not take goes
to a file in the temporary folder.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.screen import Screen

from backtimer.domain.history.session import Session
from backtimer.storage.files import StorageError
from backtimer.tui.unsaved import Unsaved, elsewhere


def farewell(session: Session, steps: int) -> str:
    """The line the shell gets for a workout saved as ctrl+q left it."""
    return f"{session.routine_name} saved as stopped at step {session.stopped_at_step} of {steps}."


def save_before_quitting(stack: Sequence[Screen[object]]) -> list[Unsaved]:
    """Save every workout (as stopped) and summary on the way out; returns what failed."""
    from backtimer.tui.screens.summary import SummaryScreen  # not at launch: none is shown
    from backtimer.tui.screens.workout import WorkoutScreen

    unsaved: list[Unsaved] = []
    for screen in stack:
        try:
            if isinstance(screen, WorkoutScreen):
                screen.end_now()
            elif isinstance(screen, SummaryScreen):
                screen.save_now()
        except StorageError as exc:
            session = screen.workout.record() if isinstance(screen, WorkoutScreen) else None
            if isinstance(screen, SummaryScreen):
                session = screen.unsaved_session()
            if session is not None:
                unsaved.append(Unsaved(session, str(exc)))
    return unsaved


def keep_for_signal(stack: Sequence[Screen[object]]) -> list[str]:
    """A signal ends the app: keep every session where the next start, or the person, finds it.

    A workout's journal is brought up to date (``interrupted``, with the time
    done so far), so the next start records it and offers to resume it. A
    summary's rating and note are recorded. What the data folder will not
    take is written to `unsaved.fallback_path`.

    Returns:
        A line for each session not kept in the data folder, saying where it went.
    """
    from backtimer.tui.screens.summary import SummaryScreen  # not at launch: none is shown
    from backtimer.tui.screens.workout import WorkoutScreen

    told = []
    for screen in stack:
        session: Session | None = None
        problem = ""
        if isinstance(screen, WorkoutScreen):
            problem = screen.keep_now() or ""
            session = screen.workout.record() if problem else None
        elif isinstance(screen, SummaryScreen):
            try:
                screen.save_now()
            except StorageError as exc:
                session, problem = screen.unsaved_session(), str(exc)
        if session is not None:
            told.append(elsewhere(session, problem))
    return told
