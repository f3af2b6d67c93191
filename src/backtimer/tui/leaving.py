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
from typing import TYPE_CHECKING

from textual.screen import Screen

from backtimer.domain.history.session import Session
from backtimer.storage.files import StorageError
from backtimer.tui.unsaved import Unsaved, elsewhere

if TYPE_CHECKING:
    from backtimer.tui.app import BacktimerApp
    from backtimer.tui.screens.workout import WorkoutScreen


def quit_asked(app: BacktimerApp) -> None:
    """ctrl+q, from anywhere: a workout under way asks first (ctrl+q again: yes), and is
    saved as stopped, the shell told so.

    What the disk will not take is offered to save again, or elsewhere
    (`NotSavedScreen`); ctrl+q there quits without saving, and says so.
    """
    from backtimer.tui.screens.not_saved import NotSavedScreen
    from backtimer.tui.screens.quit_question import QuitQuestion

    screen = app.screen
    if isinstance(screen, NotSavedScreen) and screen.quitting:
        screen.action_quit_anyway()
    elif isinstance(screen, QuitQuestion):
        screen.dismiss(True)
    elif workouts := _under_way(app.screen_stack):
        _ask(app, workouts[-1])
    else:
        _leave(app)


def _under_way(stack: Sequence[Screen[object]]) -> list[WorkoutScreen]:
    from backtimer.tui.screens.workout import WorkoutScreen

    return [s for s in stack if isinstance(s, WorkoutScreen) and s.under_way]


def _ask(app: BacktimerApp, screen: WorkoutScreen) -> None:
    """Pause the workout and ask; no puts it back as it was."""
    from backtimer.tui.screens.quit_question import quit_question

    running = screen.workout.engine.status == "running"
    screen.action_pause()

    def answered(leave: bool | None) -> None:
        if leave:
            _leave(app)
        elif running:
            screen.action_resume()

    record = screen.workout.record()
    steps = len(screen.workout.timeline.steps)
    step = record.stopped_at_step or 1
    app.push_screen(quit_question(record.routine_name, step, steps), answered)


def _leave(app: BacktimerApp) -> None:
    """Save everything under way and end the app, with a line for each workout."""
    from backtimer.tui.screens.not_saved import NotSavedScreen

    workouts = _under_way(app.screen_stack)
    unsaved = save_before_quitting(app.screen_stack)
    if unsaved:
        app.push_screen(NotSavedScreen(unsaved, app.services.store, quitting=True))
        return
    told = [farewell(w.workout.record(), len(w.workout.timeline.steps)) for w in workouts]
    app.exit(message="\n".join(told) or None)


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
