"""The figure at a moment of the workout: a view of the engine's snapshot, with no clock.

The snapshot says which segment is under way and how far into it the timer is;
`scene_at` turns that into the figure to draw, and says whether it is moving (so
that a screen draws frames only then). The rules, segment by segment:

- a phase moves from where the previous phase ended to its own pose, over its
  seconds (the first phase of a run starts from the move's starting pose);
- a tempo rep goes through the rep's poses in equal parts of its seconds;
- a hold keeps the hold pose; a release goes down to the starting pose and back up;
- timed work loops the rep's poses at the move's own pace (a walk), or keeps still
  (a massage);
- a rest, a side switch and the get-ready show the next move's starting pose, and
  in their last `GET_INTO` seconds move into the hold when a hold comes next;
- a self-paced rep shows the move's two key poses side by side, still;
- paused, nothing moves: the engine's snapshot stands still.
"""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.domain.figure.body import Pose, blend, ease
from backtimer.domain.figure.moves import FigureBook, MoveFigure
from backtimer.domain.figure.stage import Staged
from backtimer.domain.routines.describe import step_sides
from backtimer.domain.routines.exercise import Exercise, Side
from backtimer.domain.routines.routine import Step
from backtimer.domain.routines.timeline import Segment
from backtimer.domain.timer.engine import Snapshot

GET_INTO = 1.5
"""Seconds at the end of a break spent getting into the hold that follows it."""


@dataclass(frozen=True)
class Scene:
    """What to draw now, and when it changes."""

    figures: tuple[Staged, ...]
    """One figure, or two side by side (a self-paced rep's key poses)."""
    moving: bool = False
    """The drawing changes from moment to moment now."""
    starts_moving_in: float | None = None
    """Seconds until it starts moving (None: not before the next segment)."""


def _path(figure: MoveFigure, first: bool) -> list[str]:
    """The poses of one rep, from where it starts."""
    return [figure.start if first else figure.rep[-1], *figure.rep]


def _along(figure: MoveFigure, path: list[str], fraction: float) -> Pose:
    """The pose ``fraction`` of the way along a path of poses, each leg eased."""
    legs = len(path) - 1
    if legs <= 0:
        return figure.pose(path[0])
    fraction = min(max(fraction, 0.0), 1.0)
    leg = min(int(fraction * legs), legs - 1)
    return blend(figure.pose(path[leg]), figure.pose(path[leg + 1]), ease(fraction * legs - leg))


def _phase_pose(figure: MoveFigure, number: int) -> str:
    """The pose a phase (numbered from 1) moves to: the rep's poses in turn."""
    return figure.rep[(number - 1) % len(figure.rep)]


def _work_pose(figure: MoveFigure, segment: Segment, elapsed: float) -> tuple[Pose, bool]:
    """The pose in a segment of work, and whether it is moving."""
    seconds = segment.seconds or 0
    fraction = elapsed / seconds if seconds else 1.0
    if segment.kind == "hold":
        return figure.pose(figure.hold), False
    if segment.kind == "release":
        path = [figure.hold, figure.start, figure.hold]
        return _along(figure, path, fraction), fraction < 1
    if segment.kind == "phase":
        number = segment.phase
        target = _phase_pose(figure, number)
        if number > 1:
            before = _phase_pose(figure, number - 1)
        else:
            before = figure.start if segment.rep <= 1 else _phase_pose(figure, segment.phases)
        pose = blend(figure.pose(before), figure.pose(target), ease(fraction))
        return pose, fraction < 1
    if segment.kind == "rep":
        return _along(figure, _path(figure, segment.rep <= 1), fraction), fraction < 1
    if not figure.moves:  # timed work that keeps still: a massage
        return figure.pose(figure.start), False
    cycles = elapsed / figure.pace
    whole = int(cycles)
    return _along(figure, _path(figure, whole == 0), cycles - whole), elapsed < seconds


def scene_at(snapshot: Snapshot, book: FigureBook) -> Scene | None:
    """The figure at the snapshot's moment, or None when the move has no figure."""
    segment = snapshot.segment
    running = snapshot.status == "running"
    if segment.is_break:
        upcoming = snapshot.upcoming
        if upcoming is None or (figure := book.figure_for(upcoming.exercise)) is None:
            return None
        pose = figure.pose(figure.start)
        left = snapshot.remaining
        if upcoming.kind != "hold" or left is None or figure.hold == figure.start:
            return Scene((Staged(figure, pose, upcoming.side),))
        into = 1 - left / GET_INTO
        if into > 0:
            pose = blend(pose, figure.pose(figure.hold), ease(into))
        return Scene(
            (Staged(figure, pose, upcoming.side),),
            moving=running and 0 < left < GET_INTO,
            starts_moving_in=max(0.0, left - GET_INTO) if running and into <= 0 else None,
        )
    figure = book.figure_for(segment.exercise)
    if figure is None:
        return None
    if segment.kind == "self-paced":
        names = list(dict.fromkeys(figure.key))
        return Scene(tuple(Staged(figure, figure.pose(name), segment.side) for name in names))
    pose, moving = _work_pose(figure, segment, snapshot.elapsed)
    return Scene((Staged(figure, pose, segment.side),), moving=moving and running)


def key_frames(step: Step, exercise: Exercise, book: FigureBook) -> list[tuple[str, Staged]]:
    """Still frames of a step, each with a caption: where it starts, then each phase's
    pose (a hold: the hold; a tempo: each pose of the rep). Empty for a move with no
    figure; a step done on each side is shown on its first, the left."""
    figure = book.figure_for(exercise)
    if figure is None:
        return []
    side: Side | None = "left" if step_sides(step, exercise) != "none" else None

    def frame(caption: str, name: str) -> tuple[str, Staged]:
        return caption, Staged(figure, figure.pose(name), side)

    kind = step.kind
    if kind == "phases":
        phases = step.phases or []
        return [frame("start", figure.start)] + [
            frame(f"{number}. {phase.cue}", _phase_pose(figure, number))
            for number, phase in enumerate(phases, start=1)
        ]
    if kind == "hold":
        return [frame("start", figure.start), frame(exercise.hold_cue or "hold", figure.hold)]
    if kind == "tempo":
        return [frame("start", figure.start)] + [
            frame(name.replace("-", " "), name) for name in figure.rep
        ]
    return [frame(name.replace("-", " "), name) for name in figure.key]
