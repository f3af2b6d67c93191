"""What keeps a move safe, in words: its safety line, and who should skip it.

One home for these sentences. The workout screen shows them on a line of their
own in both views (`safety_lines`); the picker's preview, ``backtimer show`` and
the pain guide list who should skip a move (`skip_notes`); the voice says the
safety line as each side and set begins (`backtimer.domain.timer.spoken`).
"""

from __future__ import annotations

from collections.abc import Iterable

from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.timeline import Segment, Timeline


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
    """Who should skip which moves, once for each reason, in order: "Iliacus massage and
    Psoas massage: skip them if …"."""
    names: dict[str, list[str]] = {}
    for move in moves:
        if move.skip_if and move.name not in names.get(move.skip_if, []):
            names.setdefault(move.skip_if, []).append(move.name)
    return [
        f"{' and '.join(which)}: skip {'it' if len(which) == 1 else 'them'} if {reason}."
        for reason, which in names.items()
    ]
