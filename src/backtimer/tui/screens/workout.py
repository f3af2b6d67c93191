"""The live workout: a big countdown, what to do now, and one key for every action.

The screen owns the `Workout` and asks its engine for the time; it never
counts ticks. A one-shot timer wakes the screen when the shown second is due
to change (a second apart at most: a self-paced rep shows nothing that changes
with time), and widgets are refreshed only when what they show changes. The
session is saved as it goes, off the UI thread.
"""

from __future__ import annotations

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.notifications import Notification
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Label

from backtimer.domain.history.session import Session
from backtimer.domain.routines.cautions import safety_lines
from backtimer.domain.routines.describe import clock_text, mat_words, segment_counts, stopping_keeps
from backtimer.domain.routines.timeline import Segment
from backtimer.domain.timer.engine import COUNTDOWN_FROM, COUNTDOWN_MIN_SECONDS, NextMove
from backtimer.domain.timer.events import Event, Finished, Paused, SegmentStarted, SetDone
from backtimer.domain.timer.spoken import phrases
from backtimer.domain.timer.workout import Workout
from backtimer.storage import library
from backtimer.storage.history import HistoryStore
from backtimer.tui.cues import CuePlayer, cue_for
from backtimer.tui.recorder import SessionRecorder
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.speaker import Speaker
from backtimer.tui.widgets.big_text import BigText
from backtimer.tui.widgets.figure import FigureView
from backtimer.tui.widgets.moment import Moment
from backtimer.tui.widgets.routine_progress import RoutineProgress
from backtimer.tui.widgets.safety_line import SafetyLine
from backtimer.tui.widgets.status_line import StatusLine
from backtimer.tui.widgets.step_notes import StepNotes
from backtimer.tui.widgets.too_small import too_small

LARGE_MOMENT = (160, 45)
"""From this size on, the moment's words are drawn twice as large."""
MAX_WAIT = 1.0
"""Longest time between two looks at the clock: what is shown changes on the whole
second at most, and a gap of 2 s (`workout.GAP_LIMIT`) is always noticed."""


NEXT_WORDS: dict[NextMove, str] = {
    "end-break": "Skip rest",
    "other-side": "Other side",
    "next-step": "Next step",
    "finish": "Finish",
}
"""What n does where the workout is (`Engine.next_move`), in the footer's words."""
NEXT_IN_FULL = "End a rest early; in a move, on to its other side, then to the next step"
"""What n does, in full: the keys screen and the palette say it, whichever it is now."""


class WorkoutScreen(AppScreen[Session | None]):
    """Follow a routine. Dismissed with the saved session when it ends."""

    PALETTE_IN_FOOTER = False  # one workout at a time: the palette offers only its actions

    # Most used first: a narrow footer shows the first keys that fit, and "? Keys".
    BINDINGS = [
        # Two bindings on space and on m: the footer offers the one that applies now.
        Binding("space", "pause", "Pause", tooltip="Pause the workout"),
        Binding("space", "resume", "Resume", tooltip="Go on from where you paused"),
        Binding("enter", "rep_done", "Rep done", tooltip="Count a self-paced rep"),
        # Four bindings on n: the footer says what it does now (`Engine.next_move`).
        *[
            Binding("n,right", f"next('{move}')", words, key_display="n →", tooltip=NEXT_IN_FULL)
            for move, words in NEXT_WORDS.items()
        ],
        Binding(
            "q,escape", "stop", "Stop", key_display="q", tooltip="Stop the workout (asks first)"
        ),
        Binding(
            "p,left",
            "previous",
            "Back",
            key_display="p ←",
            tooltip="Back to this step's start; near its start, to the previous step",
        ),
        Binding("r", "restart_set", "Again", tooltip="Start this set again from its first rep"),
        Binding("v", "mat_view", "Mat view", tooltip="Only what you read from the mat, large"),
        Binding("v", "keyboard_view", "Keyboard view", tooltip="Everything, for the keyboard"),
        Binding("m", "mute", "Mute", tooltip="Turn the bell, flash, sounds and voice off"),
        Binding("m", "unmute", "Unmute", tooltip="Turn the bell, flash, sounds and voice on"),
    ]

    # State, not drawn by the screen itself: `var`, so a change repaints only the
    # widgets bound to it, never the whole screen.
    clock: var[str] = var("")
    segment: var[Segment | None] = var(None)
    paused: var[bool] = var(False)
    final: var[bool] = var(False)
    """In the last three seconds of a segment."""
    done: var[int] = var(0)
    mat: var[bool] = var(False)
    """Show only what is read from the mat, in large type."""

    def __init__(
        self,
        workout: Workout,
        store: HistoryStore,
        *,
        sound: bool,
        flash: bool,
        speaker: Speaker | None = None,
        mat: bool = False,
    ) -> None:
        super().__init__()
        self.set_reactive(WorkoutScreen.mat, mat)
        self.workout = workout
        self._store = store
        self.cues = CuePlayer(self, sound=sound, flash=flash, speaker=speaker)
        self._timer: Timer | None = None
        self._recorder: SessionRecorder | None = None
        self._ending = False
        self._unseen = False  # paused because the terminal became too small for the clock
        self._pause_notice: Notification | None = None  # the notice that says why it paused
        self._covered = False  # paused because another screen came over it

    def compose_body(self) -> ComposeResult:
        with Vertical(id="workout"):
            with Horizontal(id="heading"):
                yield Label(id="step-label")
                yield Label(id="exercise")
                yield Label(id="counts")
            yield Moment(self.workout.timeline, id="moment").data_bind(
                segment=WorkoutScreen.segment, paused=WorkoutScreen.paused
            )
            with Horizontal(id="stage"):
                yield BigText(id="clock").data_bind(text=WorkoutScreen.clock)
                yield FigureView(library.figures(), self.workout.engine.snapshot, id="figure")
            yield Label(id="cue")
            yield BigText(id="cue-large", wrap=True)
            yield SafetyLine(self.workout.timeline, id="safety").data_bind(
                segment=WorkoutScreen.segment
            )
            yield StatusLine(id="status")
            yield RoutineProgress(id="progress").data_bind(done=WorkoutScreen.done)
            yield StepNotes(self.workout.timeline, id="notes").data_bind(
                segment=WorkoutScreen.segment
            )

    # ------------------------------------------------------------ the clock

    def on_mount(self) -> None:
        self.title = self.workout.routine_name
        self.watch_mat(self.mat)
        progress = self.query_one(RoutineProgress)
        progress.total = self.workout.timeline.estimated_seconds
        events = self.workout.start()
        assert self.workout.session_id is not None
        self._recorder = SessionRecorder(self._store, self.workout.session_id, self._save_failed)
        self._recorder.save(self.workout.record())
        self._handle(events)
        self._wake()
        self._out_of_sight(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        self.query_one(Moment).scale = (
            2 if width >= LARGE_MOMENT[0] and height >= LARGE_MOMENT[1] else 1
        )
        self._out_of_sight(event.size)
        self.call_after_refresh(self._room_for_safety)

    def _room_for_safety(self) -> None:
        """Keep as many rows for the safety line, all through the workout, as its longest
        takes at this width: it is never cut, and the clock then keeps its size from one
        moment to the next (a rest that adds who should skip the move, a move with none)."""
        line = self.query_one(SafetyLine)
        width = self.query_one("#workout").content_size.width - line.styles.gutter.width
        if width <= 0:
            return
        timeline = self.workout.timeline
        rows = max(
            (
                sum(len(Content(text).wrap(width)) for text in safety_lines(segment, timeline))
                for segment in timeline.segments
            ),
            default=0,
        )
        line.styles.min_height = rows
        line.styles.display = "block" if rows else "none"

    def _save_failed(self, message: str) -> None:
        self.app.call_from_thread(self.notify, message, severity="error", timeout=8)

    def tick(self) -> None:
        """Look at the clock: handle what happened since, show where we are."""
        self._handle(self.workout.engine.tick())
        self._wake()

    def _wake(self) -> None:
        """Sleep until the shown second changes (a second at most)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        engine = self.workout.engine
        if engine.status != "running":
            return
        snapshot = engine.snapshot()
        wait = MAX_WAIT
        if snapshot.remaining is not None and snapshot.shown_seconds is not None:
            wait = min(MAX_WAIT, snapshot.remaining - (snapshot.shown_seconds - 1) + 0.002)
        self._timer = self.set_timer(max(wait, 0.005), self.tick)

    def _handle(self, events: list[Event]) -> None:
        cue = cue_for(events, self.workout.timeline)
        if cue is not None:
            self.cues.play(cue)
        words = phrases(events, self.workout.timeline)
        if words:
            self.cues.say(" ".join(words))
        for event in events:
            if isinstance(event, Paused) and event.gap:
                self._why_paused(
                    f"PAUSED: the clock jumped {event.gap:.0f} s (the terminal was suspended"
                    " or the computer slept). Press space to go on."
                )
        if any(isinstance(e, Paused | SetDone) for e in events) or self._step_changed(events):
            self._save()
        if any(isinstance(e, Finished) for e in events):
            self.end()
        self._show()

    def _step_changed(self, events: list[Event]) -> bool:
        current = self.segment
        return any(
            isinstance(e, SegmentStarted) and (current is None or e.segment.step != current.step)
            for e in events
        )

    def flush_saves(self) -> None:
        """Wait until every save asked for so far is on disk."""
        if self._recorder is not None:
            self._recorder.flush()

    def _save(self) -> None:
        if self._recorder is not None:
            self._recorder.save(self.workout.record())

    def _show(self) -> None:
        engine = self.workout.engine
        snapshot = engine.snapshot()
        segment = snapshot.segment
        shown = snapshot.shown_seconds
        self.clock = clock_text(shown) if shown is not None else str(segment.rep)
        counted = (segment.seconds or 0) >= COUNTDOWN_MIN_SECONDS
        self.final = shown is not None and shown <= COUNTDOWN_FROM and counted
        self.paused = engine.status == "paused"
        total = self.workout.timeline.estimated_seconds
        self.done = max(0, total - snapshot.left_seconds)
        self.segment = segment
        self.query_one(FigureView).show(snapshot)

    # ------------------------------------------------------------ out of sight

    def _out_of_sight(self, size: Size) -> None:
        """A workout nobody can see does not run: it pauses while the terminal is too
        small to show the clock, and says why once the clock can be seen again."""
        engine = self.workout.engine
        if too_small(size):
            if engine.status == "running":
                self._act(engine.pause())
                self._unseen = True
        elif self._unseen:
            self._unseen = False
            if engine.status == "paused":
                self._why_paused("PAUSED while the terminal was too small. Press space to go on.")

    def _why_paused(self, words: str | None) -> None:
        """Say why the workout paused (one notice at a time); None takes it back."""
        line = self.query_one(StatusLine)
        line.take_back(self._pause_notice)
        self._pause_notice = None
        if words is not None:
            self._pause_notice = Notification(words, severity="warning", timeout=10)
            line.show_notice(self._pause_notice)

    # ------------------------------------------------------------ display

    def watch_segment(self, segment: Segment | None) -> None:
        if segment is None:
            return
        steps = len(self.workout.timeline.steps)
        self.query_one("#step-label", Label).update(f"Step {segment.step + 1} of {steps}")
        self.query_one("#exercise", Label).update(segment.exercise.name)
        self.query_one("#counts", Label).update(segment_counts(segment))
        side = segment.side_words
        shown_side = side and side.lower() not in segment.cue.lower()
        self.query_one("#cue", Label).update(
            f"{segment.cue} · {side}" if shown_side else segment.cue
        )
        self.query_one("#cue-large", BigText).text = mat_words(segment, self.workout.timeline)
        shown = segment.seconds if segment.seconds is not None else segment.reps
        clock = self.query_one("#clock", BigText)
        clock.template = clock_text(shown)
        # On the clock, not the screen: a class of the screen restyles all it holds.
        clock.set_class(segment.is_break, "-break")
        self._status()
        self.refresh_bindings()  # "rep done" is offered only for self-paced reps

    def watch_mat(self, mat: bool) -> None:
        self.set_class(mat, "-mat")
        self.query_one(FigureView).bold = mat
        self.refresh_bindings()  # "Mat view" or "Keyboard view" in the footer

    def watch_paused(self) -> None:
        self.query_one("#clock").set_class(self.paused, "-paused")
        self._status()
        if not self.paused:
            self._why_paused(None)
        self.refresh_bindings()  # "Pause" or "Resume" in the footer

    def watch_final(self, final: bool) -> None:
        self.query_one("#clock").set_class(final, "-final")

    def _status(self) -> None:
        if not self.is_mounted or self.segment is None:
            return
        if self.paused:
            text = "PAUSED · press space to go on"
        elif self.segment.seconds is None:
            text = f"Press Enter after each rep · rep {self.segment.rep} of {self.segment.reps}"
        else:
            text = ""
        self.query_one(StatusLine).status = text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rep_done":
            return self.segment is not None and self.segment.seconds is None
        if action in ("pause", "resume"):  # covered, it is paused only until uncovered
            return (self.paused and not self._covered) == (action == "resume")
        if action == "next":
            return parameters == (self.workout.engine.next_move(),)
        if action in ("mute", "unmute"):
            return self.cues.muted == (action == "unmute")
        if action in ("mat_view", "keyboard_view"):
            return self.mat == (action == "keyboard_view")
        return True

    # ------------------------------------------------------------ keys

    def _act(self, events: list[Event]) -> None:
        self._handle(events)
        self._wake()

    def action_pause(self) -> None:
        self._covered = False  # paused by the person: it stays paused
        self._act(self.workout.engine.pause())

    def action_resume(self) -> None:
        self._covered = False
        self._act(self.workout.engine.resume())

    def on_screen_suspend(self) -> None:
        """The keys, the palette or a question came over the workout: the clock and the
        cues wait (a question that pauses it itself has done so already)."""
        if self.workout.engine.status == "running":
            self._covered = True
            self._act(self.workout.engine.pause())

    def on_screen_resume(self) -> None:
        if self._covered and self.workout.engine.status == "paused":
            self._act(self.workout.engine.resume())
        self._covered = False

    def action_next(self, _move: str = "") -> None:
        self._act(self.workout.engine.next())

    def action_previous(self) -> None:
        self._act(self.workout.engine.previous())

    def action_restart_set(self) -> None:
        self._act(self.workout.engine.restart_set())

    def action_rep_done(self) -> None:
        self._act(self.workout.engine.rep_done())

    def action_mat_view(self) -> None:
        self.mat = True

    def action_keyboard_view(self) -> None:
        self.mat = False

    def action_mute(self) -> None:
        self._mute(True)

    def action_unmute(self) -> None:
        self._mute(False)

    def _mute(self, muted: bool) -> None:
        self.cues.muted = muted
        self.notify("Cues off" if muted else "Cues on", timeout=2)
        self.refresh_bindings()  # "Mute" or "Unmute" in the footer

    def action_stop(self) -> None:
        engine = self.workout.engine
        was_running = engine.status == "running"
        self._act(engine.pause())

        def answered(stop: bool | None) -> None:
            if stop:
                self._act(engine.stop())
                self.end()
            elif was_running:
                self._act(engine.resume())

        kept = stopping_keeps(engine.active_seconds())
        self.app.push_screen(Confirm("Stop the workout?", kept), answered)

    # ------------------------------------------------------------ the end

    @work(exclusive=True, group="end")
    async def end(self) -> None:
        """Save the finished or stopped session, then hand it to whoever pushed us."""
        if self._ending or self._recorder is None:
            return
        self._ending = True
        if self._timer is not None:
            self._timer.stop()
        session = self.workout.record()
        try:
            for problem in await self._recorder.finish(session):
                self.notify(problem, severity="warning", timeout=10)
        except OSError as exc:
            self.notify(
                f"{exc}. Not saved yet: the summary offers to try again.",
                severity="error",
                timeout=15,
            )
        self.dismiss(session)

    def on_unmount(self) -> None:
        if self.cues.speaker is not None:
            self.cues.speaker.close(finish=self.workout.engine.status == "finished")

    @property
    def under_way(self) -> bool:
        """Started and not yet ending: quitting now stops it."""
        return not self._ending and self.workout.engine.status in ("running", "paused")

    def keep_now(self) -> str | None:
        """A signal ends the app: the journal brought up to date (interrupted, the time
        done so far), for the next start to record. Returns why it failed, or None."""
        if self._ending or self._recorder is None:
            return None
        return self._recorder.keep_now(self.workout.record())

    def end_now(self) -> None:
        """Stop and save at once, without waiting for the loop: the app is quitting.

        Raises:
            StorageError: the session could not be recorded (it is `workout.record()`).
        """
        if self._ending or self._recorder is None:
            return
        self._ending = True
        self.workout.engine.stop()
        self._recorder.finish_now(self.workout.record())
