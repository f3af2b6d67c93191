"""For someone at the keyboard: what comes next, and how to do the move."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from backtimer.domain.routines.describe import describe_step, upcoming
from backtimer.domain.routines.timeline import Segment, Timeline
from backtimer.tui.markup import escape


def up_next(segment: Segment, timeline: Timeline) -> str:
    """The one line that says what comes next; before a step, what the step asks."""
    line = upcoming(timeline.segments, segment.index)
    plan = timeline.steps[segment.step]
    if segment.index < plan.first_work:
        rest = timeline.routine.rest_between_sets
        line += f" — {describe_step(plan.step, plan.exercise, rest)}"
    return line


def instructions(segment: Segment, timeline: Timeline) -> str:
    """How to do the move; before a step, what it needs."""
    plan = timeline.steps[segment.step]
    exercise = plan.exercise
    lines = []
    if segment.index < plan.first_work:
        lines.append(f"[b]You need:[/] {escape(exercise.equipment_text)}")
    lines += [f"• {escape(cue)}" for cue in exercise.cues]
    if plan.step.cue:
        lines.append(f"[b]•[/] {escape(plan.step.cue)}")
    return "\n".join(lines)


class StepNotes(Vertical):
    """Up next, then the move's instructions; redrawn only when the segment changes."""

    DEFAULT_CSS = """
    StepNotes { height: auto; }
    StepNotes #instructions { color: $text-muted; max-height: 4; }
    """

    segment: reactive[Segment | None] = reactive(None)

    def __init__(self, timeline: Timeline, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timeline = timeline

    def compose(self) -> ComposeResult:
        yield Static(id="up-next")
        yield Static(id="instructions")

    def watch_segment(self, segment: Segment | None) -> None:
        if segment is None or not self.is_mounted:
            return
        self.query_one("#up-next", Static).update(
            f"[b]Up next:[/] {escape(up_next(segment, self._timeline))}"
        )
        self.query_one("#instructions", Static).update(instructions(segment, self._timeline))
