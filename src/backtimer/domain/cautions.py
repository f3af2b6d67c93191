"""What keeps a move safe, in words: its safety line, and who should skip it.

One home for these sentences. The workout screen shows them on a line of their
own in both views (`safety_lines`); the picker's preview, ``backtimer show`` and
the pain guide list who should skip a move (`skip_notes`); the voice says the
safety line as each side and set begins (`backtimer.domain.spoken`).
"""

from __future__ import annotations

from collections.abc import Iterable

from backtimer.domain.exercise import Exercise
from backtimer.domain.timeline import Segment, Timeline


def skip_sentence(exercise: Exercise) -> str:
    """ "Skip it if you are pregnant, …."; "" for a move anyone may do."""
    return f"Skip it if {exercise.skip_if}." if exercise.skip_if else ""


def safety_lines(segment: Segment, timeline: Timeline) -> list[str]:
    """What the screen keeps in view during ``segment``: in the rest or get-ready before a
    step, who should skip its move; all through the step, the move's safety line."""
    exercise = segment.exercise
    lines = []
    if segment.index < timeline.steps[segment.step].first_work and exercise.skip_if:
        lines.append(skip_sentence(exercise))
    if exercise.safety:
        lines.append(exercise.safety)
    return lines


def skip_notes(moves: Iterable[Exercise]) -> list[str]:
    """ "Psoas massage: skip it if …", once for each move someone should skip, in order."""
    notes = {move.id: f"{move.name}: skip it if {move.skip_if}." for move in moves if move.skip_if}
    return list(notes.values())
