"""A posed figure on the floor with its props, as lines and circles to draw.

A move's props are set where its starting pose needs them (the chair under the
hips, the box under the front foot, the tool under the spot) and stay there;
what the body holds (a band, a weight, a bar) moves with it. Every pose of a
move is placed so that its anchor (a planted foot, the hips on the chair) stays
where the starting pose put it, and the view around a move (`MoveSetting.box`)
holds all its poses, so the drawing keeps its scale while the body moves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from backtimer.domain.figure.body import HEAD, SIDES, Point, Pose, Vec, flat, place
from backtimer.domain.figure.moves import MoveFigure, Part
from backtimer.domain.routines.exercise import Side

Ink = Literal["prop", "far", "body", "work", "spot"]
"""What a shape is, for its colour: the props, the far limbs, the body, the working
parts, the massage tool's spot."""

Box = tuple[float, float, float, float]
"""Left, bottom, right, top, in centimetres."""

LIMB = 4.5
"""Thickness of a limb, in centimetres: what a drawing scales to its lines' width."""
TRUNK = 7.0
FAR = 3.5
PROP = 3.0
TOOL = 7.5
"""The massage tool's radius (about 15 cm across, drawn a little large to be seen)."""
LYING = 4.5
"""A lying body's line is this far above what it lies on (half the body's thickness)."""
SEAT_BELOW_HIP = 5.0
"""A sitting body's hip joints are this far above the seat."""
GAP = 30.0
"""Between two figures drawn side by side."""


@dataclass(frozen=True, slots=True)
class Line:
    a: Point
    b: Point
    ink: Ink
    width: float
    """Thickness in centimetres."""


@dataclass(frozen=True, slots=True)
class Circle:
    centre: Point
    radius: float
    ink: Ink
    width: float
    """Thickness of the outline in centimetres; 0 for a filled disc."""


Shape = Line | Circle


@dataclass(frozen=True)
class Drawing:
    """Shapes in the order they are painted (later ones on top), the floor at y = 0."""

    shapes: tuple[Shape, ...]
    box: Box
    """What the view must hold, floor included."""


@dataclass(frozen=True)
class Staged:
    """One figure in one pose: which move, which pose, which side works."""

    figure: MoveFigure
    pose: Pose
    side: Side | None = None


def _bones(part: Part) -> tuple[tuple[str, str], ...]:
    """The lines that draw a part of the body, between points of `place`."""
    if part == "trunk":
        return (("hip", "sacrum"), ("sacrum", "waist"), ("waist", "shoulders"))
    if part == "head":
        return (("shoulders", "head"),)
    side, limb = part.split("_")
    ends: tuple[tuple[str, str], ...]
    if limb == "leg":
        ends = ("hip", "knee"), ("knee", "ankle"), ("heel", "toe"), ("ankle", "toe")
    else:
        ends = ("shoulder", "elbow"), ("elbow", "wrist"), ("wrist", "hand")
    return tuple((f"{side}_{a}", f"{side}_{b}") for a, b in ends)


_SWAP: dict[Part, Part] = {
    "near_arm": "far_arm",
    "far_arm": "near_arm",
    "near_leg": "far_leg",
    "far_leg": "near_leg",
}


def _lowest(points: Mapping[str, Point]) -> float:
    return min(min(y for _, y in points.values()), points["head"][1] - HEAD)


def _flat(at: Mapping[str, Vec]) -> dict[str, Point]:
    return {name: flat(point) for name, point in at.items()}


def _between(points: Mapping[str, Point], a: str, b: str, at: float) -> Point:
    (ax, ay), (bx, by) = points[a], points[b]
    return (ax + (bx - ax) * at, ay + (by - ay) * at)


class MoveSetting:
    """Where a move's figure stands, and the props that stay put, from its starting pose."""

    def __init__(self, figure: MoveFigure) -> None:
        self.figure = figure
        start = _flat(place(figure.pose(figure.start)))
        lowest = _lowest(start)
        spot: Point | None = None
        if figure.spot is not None:
            a, b = figure.spot.between
            spot = _between(start, a, b, figure.spot.at)
            lowest = min(lowest, spot[1] - 2 * TOOL - LYING)
        ax, ay = start[figure.anchor]
        self.anchor: Point = (0.0, ay - lowest)
        self._shift = (-ax, -lowest)
        self.start = self._moved(start)
        props = figure.props
        self.seat = (
            self.start["hip"][1] - SEAT_BELOW_HIP if {"chair", "bench"} & set(props) else None
        )
        """The height of the chair's or the bench's seat."""
        feet = (self.start["near_heel"], self.start["near_toe"])
        self.step = min(y for _, y in feet) - 1.5 if "box" in props else None
        """The height of the box under the front foot."""
        self.tool: Point | None = None
        """The middle of the massage tool."""
        if spot is not None and "tool" in props:
            x, y = self._moved({"spot": spot})["spot"]
            self.tool = (x, y - TOOL - LYING)

    def _moved(self, points: Mapping[str, Point]) -> dict[str, Point]:
        sx, sy = self._shift
        return {name: (x + sx, y + sy) for name, (x, y) in points.items()}

    def points(self, pose: Pose) -> dict[str, Point]:
        """Where each body point is in ``pose``: the anchor held, never through the floor."""
        points = self._moved(_flat(place(pose)))
        ax, ay = points[self.figure.anchor]
        dx = self.anchor[0] - ax
        dy = -_lowest(points) if self.figure.grounded else self.anchor[1] - ay
        dy = max(dy, -_lowest(points))
        return {name: (x + dx, y + dy) for name, (x, y) in points.items()}

    def fixed(self) -> list[Shape]:
        """The props that stay where the starting pose put them."""
        shapes: list[Shape] = []
        if self.seat is not None:
            hx = self.start["hip"][0]
            seat = self.seat
            back, front = hx - 22, hx + 16
            shapes += [
                Line((back - 2, seat), (front, seat), "prop", PROP),
                Line((back, seat), (back, 0), "prop", PROP),
                Line((front - 2, seat), (front - 2, 0), "prop", PROP),
            ]
            if "chair" in self.figure.props:
                shapes.append(Line((back - 2, seat), (back - 6, seat + 42), "prop", PROP))
        if self.step is not None:
            heel, toe = self.start["near_heel"], self.start["near_toe"]
            left, right = min(heel[0], toe[0]) - 8, max(heel[0], toe[0]) + 8
            shapes += [
                Line((left, 0), (left, self.step), "prop", PROP),
                Line((left, self.step), (right, self.step), "prop", PROP),
                Line((right, self.step), (right, 0), "prop", PROP),
            ]
        if self.tool is not None:
            shapes.append(Circle(self.tool, TOOL, "prop", 0))
        return shapes

    @cached_property
    def box(self) -> Box:
        """The view around every pose of the move and its props."""
        names = {self.figure.start, self.figure.hold, *self.figure.rep}
        boxes = [_box_of(self.points(self.figure.pose(name)).values()) for name in names]
        boxes += [_shape_box(shape) for shape in self.fixed()]
        left = min(b[0] for b in boxes)
        right = max(b[2] for b in boxes)
        top = max(b[3] for b in boxes)
        return (left - 6, 0.0, right + 6, top + 4)


def _box_of(points: Iterable[Point]) -> Box:
    xs, ys = zip(*points, strict=True)
    return (min(xs) - HEAD, min(ys), max(xs) + HEAD, max(ys) + HEAD)


def _shape_box(shape: Shape) -> Box:
    if isinstance(shape, Line):
        (ax, ay), (bx, by) = shape.a, shape.b
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
    (x, y), r = shape.centre, shape.radius
    return (x - r, y - r, x + r, y + r)


@cache
def setting(figure: MoveFigure) -> MoveSetting:
    """The move's setting, worked out once."""
    return MoveSetting(figure)


def _held(figure: MoveFigure, points: Mapping[str, Point]) -> Iterator[Shape]:
    """The props the body carries: they move with it."""
    props = figure.props
    if "band" in props:
        x, y = _between(points, "near_hip", "near_knee", 0.8)
        yield Circle((x, y), 4.5, "prop", PROP * 0.8)
    if "kettlebell" in props:
        x, y = points["near_hand"]
        yield Circle((x, y - 3), 4, "prop", PROP * 0.8)
        yield Circle((x, y - 14), 9, "prop", 0)
    if "dumbbells" in props:
        for side in SIDES:
            x, y = points[f"{side}_hand"]
            yield Line((x - 9, y), (x + 9, y), "prop", PROP)
            yield Line((x - 9, y - 6), (x - 9, y + 6), "prop", 5.0)
            yield Line((x + 9, y - 6), (x + 9, y + 6), "prop", 5.0)
    if "barbell" in props:
        # On the upper back, seen end on: a plate around the bar's end, behind the neck.
        (wx, wy), (sx, sy) = points["waist"], points["shoulders"]
        length = math.hypot(sx - wx, sy - wy) or 1.0
        ux, uy = (sx - wx) / length, (sy - wy) / length
        x, y = sx - uy * 7 + ux * 2, sy + ux * 7 + uy * 2
        yield Circle((x, y), 9, "prop", PROP)
        yield Circle((x, y), 3, "prop", 0)


def _body(figure: MoveFigure, points: Mapping[str, Point], swapped: bool) -> Iterator[Shape]:
    """The body's lines, far limbs first, the working parts last."""
    work = {(_SWAP.get(part, part) if swapped else part) for part in figure.work}
    order: list[Part] = ["far_leg", "far_arm", "trunk", "head", "near_leg", "near_arm"]
    order.sort(key=lambda part: part in work)
    for part in order:
        ink: Ink = "work" if part in work else "far" if part.startswith("far") else "body"
        width = FAR if ink == "far" else TRUNK if part == "trunk" else LIMB
        for a, b in _bones(part):
            yield Line(points[a], points[b], ink, width)
        if part == "head":
            yield Circle(points["head"], HEAD, ink, 0)


def draw(staged: Staged) -> Drawing:
    """The figure in its pose, with its props, turned round when the right side works."""
    figure = staged.figure
    place_of = setting(figure)
    pose = staged.pose
    swapped = staged.side == "right" and figure.right == "swap"
    if swapped:
        pose = pose.swapped()
    points = place_of.points(pose)
    shapes = [*place_of.fixed(), *_body(figure, points, swapped), *_held(figure, points)]
    if figure.spot is not None and "tool" in figure.props:
        a, b = figure.spot.between
        x, y = _between(points, a, b, figure.spot.at)
        (ax, ay), (bx, by) = points[a], points[b]
        length = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = (bx - ax) / length * 4, (by - ay) / length * 4
        shapes.append(Line((x - ux, y - uy), (x + ux, y + uy), "spot", TRUNK))
    box = place_of.box
    if staged.side == "right" and figure.right == "mirror":
        shapes = [_mirrored(shape) for shape in shapes]
        box = (-box[2], box[1], -box[0], box[3])
    return Drawing(tuple(shapes), box)


def side_by_side(drawings: Iterable[Drawing]) -> Drawing:
    """Several drawings in a row, left to right, on one floor."""
    shapes: list[Shape] = []
    box: Box | None = None
    for drawing in drawings:
        if box is None:
            shapes += drawing.shapes
            box = drawing.box
            continue
        dx = box[2] + GAP - drawing.box[0]
        shapes += [_shifted(shape, dx) for shape in drawing.shapes]
        box = (box[0], 0.0, drawing.box[2] + dx, max(box[3], drawing.box[3]))
    assert box is not None, "nothing to draw"
    return Drawing(tuple(shapes), box)


def _mirrored(shape: Shape) -> Shape:
    if isinstance(shape, Line):
        return Line((-shape.a[0], shape.a[1]), (-shape.b[0], shape.b[1]), shape.ink, shape.width)
    (x, y) = shape.centre
    return Circle((-x, y), shape.radius, shape.ink, shape.width)


def _shifted(shape: Shape, dx: float) -> Shape:
    if isinstance(shape, Line):
        return Line(
            (shape.a[0] + dx, shape.a[1]), (shape.b[0] + dx, shape.b[1]), shape.ink, shape.width
        )
    (x, y) = shape.centre
    return Circle((x + dx, y), shape.radius, shape.ink, shape.width)
