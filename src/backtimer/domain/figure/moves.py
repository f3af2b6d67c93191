"""What each move looks like: its poses, the one it starts from, the ones a rep goes through.

The data lives in ``poses.toml`` beside this module; the storage layer reads it
(as it reads the catalogue) and `parse_figures` checks it, so a mistake in it
fails loudly. A move's figure is independent of how a routine doses it: the same
poses serve a hold, a tempo, phases or timed work (see `backtimer.domain.figure.motion`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from backtimer.domain.figure.body import POINTS, Pose
from backtimer.domain.parsing.ids import ID_PATTERN, id_rule_problem
from backtimer.domain.parsing.problems import Problem, ProblemsError, from_validation_error
from backtimer.domain.routines.exercise import Exercise

Prop = Literal["chair", "bench", "box", "band", "kettlebell", "dumbbells", "barbell", "tool"]
"""What a move needs besides the floor, each drawn where the body needs it."""
Part = Literal["trunk", "head", "near_arm", "far_arm", "near_leg", "far_leg"]
Surface = Literal["floor", "seat", "box", "tool"]
BodyPoint = Annotated[str, Field(pattern="^(" + "|".join(POINTS) + ")$")]


class Spot(BaseModel):
    """Where the massage tool presses: a point part of the way between two body points."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    between: list[BodyPoint] = Field(min_length=2, max_length=2)
    at: float = Field(0.5, ge=0, le=1)
    """How far from the first point to the second."""


class _MoveTable(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    props: list[Prop] = Field(default_factory=list)
    anchor: BodyPoint
    """The point that stays where it is while the body moves (a foot, the hips on a chair)."""
    grounded: bool = False
    """Each frame stands on the floor (walking), rather than hanging from the anchor."""
    start: str
    """The pose before the first rep, shown in the rest before the move."""
    rep: list[str] = Field(min_length=1)
    """The poses one rep moves through, in order, the last one where the next rep starts."""
    hold: str | None = None
    """The pose a hold keeps (the first of ``rep`` when not given)."""
    key: list[str] | None = Field(None, min_length=1, max_length=2)
    """The poses that show the move at a glance (starting pose and hold when not given)."""
    pace: float = Field(4.0, gt=0, le=60)
    """Seconds a rep takes in timed work (a walking step: about one second)."""
    right: Literal["mirror", "swap"] = "mirror"
    """How the right side is shown: the figure turned round (the right side nearest), or
    the same view with the far limbs doing what the near ones do on the left."""
    work: list[Part] = Field(default_factory=list)
    """The parts drawn in the working colour."""
    spot: Spot | None = None
    poses: dict[str, dict[str, Any]] = Field(min_length=1)


@dataclass(frozen=True)
class KeyPose:
    """A named pose of a move and what it rests on."""

    pose: Pose
    rests: dict[Surface, tuple[str, ...]] = field(default_factory=dict)
    """The body points that rest on each surface in this pose (for the checks); ``spot``
    is where the massage tool presses."""


@dataclass(frozen=True, eq=False)
class MoveFigure:
    """How a move is drawn. Pose names in ``start``, ``rep`` and ``hold`` are keys of ``poses``.

    Compared (and hashed) by identity: one per move in a `FigureBook`."""

    id: str
    props: tuple[Prop, ...]
    anchor: str
    grounded: bool
    start: str
    rep: tuple[str, ...]
    hold: str
    key: tuple[str, ...]
    """The poses that show the move at a glance: a self-paced rep shows them side by side."""
    pace: float
    right: Literal["mirror", "swap"]
    work: tuple[Part, ...]
    spot: Spot | None
    poses: dict[str, KeyPose]

    def pose(self, name: str) -> Pose:
        return self.poses[name].pose

    @property
    def moves(self) -> bool:
        """The move has more than one pose (a massage keeps still)."""
        return any(name != self.start for name in self.rep)


@dataclass(frozen=True)
class FigureBook:
    """The figure of every built-in move, by move id."""

    moves: dict[str, MoveFigure]

    def figure_for(self, exercise: Exercise) -> MoveFigure | None:
        """The figure of a move: its own, or the built-in one a person's move borrows."""
        return self.moves.get(exercise.figure or exercise.id)


_SURFACES: tuple[Surface, ...] = ("floor", "seat", "box", "tool")


def _key_pose(name: str, table: dict[str, Any], tables: dict[str, dict[str, Any]]) -> KeyPose:
    """A pose from its table, filling in what it does not say from the pose it is ``like``."""
    seen = {name}
    merged = dict(table)
    while "like" in merged:
        base = merged.pop("like")
        if base not in tables or base in seen:
            raise ValueError(f"like: no pose '{base}' to start from")
        seen.add(base)
        merged = {**tables[base], **merged}
    rests = merged.pop("rests", {})
    if not isinstance(rests, dict) or any(
        surface not in _SURFACES
        or not isinstance(points, list)
        or not set(points) <= {*POINTS, "spot"}
        for surface, points in rests.items()
    ):
        raise ValueError("rests: a table of surface = [body points]")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in merged.values()):
        raise ValueError("every angle must be a number of degrees")
    try:
        pose = Pose.of(merged)
    except KeyError as exc:
        raise ValueError(f"{exc.args[0]}: not a joint") from None
    return KeyPose(pose, {surface: tuple(points) for surface, points in rests.items()})


def _move(move_id: str, table: _MoveTable) -> MoveFigure:
    poses = {name: _key_pose(name, pose, table.poses) for name, pose in table.poses.items()}
    named = [table.start, *table.rep, *(table.key or [])] + ([table.hold] if table.hold else [])
    missing = [name for name in named if name not in poses]
    if missing:
        raise ValueError(f"no pose named {', '.join(sorted(set(missing)))}")
    if "tool" in table.props and table.spot is None:
        raise ValueError("a move with the tool needs a spot")
    return MoveFigure(
        id=move_id,
        props=tuple(table.props),
        anchor=table.anchor,
        grounded=table.grounded,
        start=table.start,
        rep=tuple(table.rep),
        hold=table.hold or table.rep[0],
        key=tuple(table.key or dict.fromkeys([table.start, table.hold or table.rep[0]])),
        pace=table.pace,
        right=table.right,
        work=tuple(table.work),
        spot=table.spot,
        poses=poses,
    )


def parse_figures(text: str, source: str = "poses.toml") -> FigureBook:
    """Check the poses' data and index it by move id.

    Raises:
        ProblemsError: when the data is malformed (an unknown joint, a missing pose).
    """
    problems: list[Problem] = []
    moves: dict[str, MoveFigure] = {}
    for move_id, raw in tomllib.loads(text).items():
        if not re.fullmatch(ID_PATTERN, move_id):
            problems.append(Problem(move_id, id_rule_problem(repr(move_id))))
            continue
        try:
            moves[move_id] = _move(move_id, _MoveTable.model_validate(raw))
        except ValidationError as exc:
            problems += [
                Problem(f"{move_id}.{p.where}".rstrip("."), p.message)
                for p in from_validation_error(exc)
            ]
        except ValueError as exc:
            problems.append(Problem(move_id, str(exc)))
    if problems:
        raise ProblemsError(source, problems)
    return FigureBook(moves)
