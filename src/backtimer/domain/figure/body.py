"""The body: a jointed figure of fixed proportions, posed by joint angles.

Lengths are centimetres of a 175 cm adult, rounded from the usual anthropometric
tables; angles are degrees. The figure faces +x, y is up and z comes toward the
viewer, so the *near* arm and leg are the ones on the viewer's side. A `Pose`
gives the pelvis's angle to the floor and every joint's flexion; `place` works
out where each joint is (forward kinematics). It works in three dimensions so
that a leg crossed over the other knee is foreshortened as in a photograph; a
drawing flattens it with `flat`, a side view with the far side a little behind.

Each angle is the movement a physiotherapist would name: ``hip`` is hip flexion
(the thigh forward, negative for extension), ``knee`` and ``elbow`` are flexion,
``ankle`` is dorsiflexion (toes up; negative points the foot), ``lumbar``,
``thoracic`` and ``neck`` bend the spine forward (negative arches it), and the
``*_out`` angles take a segment out of the side plane, away from the body's
midline (negative: across it). ``pelvis`` and ``roll`` are absolute: ``pelvis``
is the direction from the hip joints up the spine, 90 standing, 180 lying on the
back with the head to the left, 0 on hands and knees; ``roll`` turns the whole
body about the axis across the picture, 90 to lie on the near side (seen from the
front, the near side down), 30 to turn a little onto it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Vec = tuple[float, float, float]
Point = tuple[float, float]

Side = Literal["near", "far"]
SIDES: tuple[Side, ...] = ("near", "far")

PELVIS = 10.0
"""Hip joints to the base of the spine."""
LUMBAR = 17.0
THORACIC = 22.0
NECK = 20.0
"""The top of the trunk to the middle of the head."""
HEAD = 11.0
"""The head's radius."""
UPPER_ARM = 30.0
FOREARM = 26.0
HAND = 8.0
THIGH = 43.0
SHIN = 43.0
HEEL: Point = (-6.0, -8.0)
"""Where the heel is from the ankle, in the foot's frame (the sole along +x)."""
TOE: Point = (19.0, -8.0)
HIP_WIDTH = 18.0
SHOULDER_WIDTH = 34.0
DEPTH = -0.2
"""How far a point one unit nearer the viewer moves along x when drawn (`flat`)."""

ARM_JOINTS = ("shoulder", "elbow", "wrist", "arm_out", "forearm_out")
LEG_JOINTS = ("hip", "knee", "ankle", "thigh_out", "shin_out")
LIMB_JOINTS = ARM_JOINTS + LEG_JOINTS
JOINTS: tuple[str, ...] = ("pelvis", "roll", "lumbar", "thoracic", "neck") + tuple(
    f"{side}_{joint}" for side in SIDES for joint in LIMB_JOINTS
)
_INDEX = {joint: index for index, joint in enumerate(JOINTS)}

RANGES: dict[str, tuple[float, float]] = {
    "lumbar": (-30, 45),
    "thoracic": (-25, 45),
    "neck": (-50, 60),
    "shoulder": (-60, 180),
    "elbow": (0, 150),
    "wrist": (-80, 80),
    "arm_out": (-45, 90),  # negative: across the chest
    "forearm_out": (-60, 90),
    # Past 125 only sitting with the knees apart, the trunk folding between the thighs.
    "hip": (-30, 145),
    "knee": (0, 160),
    "ankle": (-55, 45),
    "thigh_out": (-20, 50),
    "shin_out": (-80, 30),
}
"""What each joint can do, from extension to flexion (the usual active ranges, rounded)."""

POINTS: tuple[str, ...] = ("hip", "sacrum", "waist", "shoulders", "head") + tuple(
    f"{side}_{point}"
    for side in SIDES
    for point in (
        "hip",
        "knee",
        "ankle",
        "heel",
        "toe",
        "shoulder",
        "elbow",
        "wrist",
        "hand",
    )
)
"""Every point `place` gives, by name."""


@dataclass(frozen=True, slots=True)
class Pose:
    """Every joint's angle, in the order of `JOINTS`."""

    angles: tuple[float, ...]

    def __getitem__(self, joint: str) -> float:
        return self.angles[_INDEX[joint]]

    @classmethod
    def of(cls, angles: Mapping[str, float]) -> Pose:
        """A pose from named angles: ``knee`` sets both knees, ``near_knee`` one of them.

        Joints not named are at rest: standing straight, arms hanging, feet flat.

        Raises:
            KeyError: a name that is not a joint.
        """
        values = [0.0] * len(JOINTS)
        values[_INDEX["pelvis"]] = 90.0
        for name, value in angles.items():
            if name in LIMB_JOINTS:
                for side in SIDES:
                    if f"{side}_{name}" not in angles:
                        values[_INDEX[f"{side}_{name}"]] = float(value)
            elif name in _INDEX:
                values[_INDEX[name]] = float(value)
            else:
                raise KeyError(name)
        return cls(tuple(values))

    def swapped(self) -> Pose:
        """The same pose with the near and far limbs' angles exchanged."""
        values = list(self.angles)
        for joint in LIMB_JOINTS:
            near, far = _INDEX[f"near_{joint}"], _INDEX[f"far_{joint}"]
            values[near], values[far] = values[far], values[near]
        return Pose(tuple(values))


def blend(start: Pose, end: Pose, fraction: float) -> Pose:
    """The pose ``fraction`` of the way from ``start`` to ``end``, joint by joint."""
    if fraction <= 0:
        return start
    if fraction >= 1:
        return end
    return Pose(
        tuple(a + (b - a) * fraction for a, b in zip(start.angles, end.angles, strict=True))
    )


def ease(fraction: float) -> float:
    """Slow to start and to stop, as a body moves: 0 at 0, 1 at 1, half at half."""
    fraction = min(1.0, max(0.0, fraction))
    return 0.5 - 0.5 * math.cos(math.pi * fraction)


def _direction(angle: float, out: float = 0.0) -> Vec:
    a, o = math.radians(angle), math.radians(out)
    return (math.cos(o) * math.cos(a), math.cos(o) * math.sin(a), math.sin(o))


def _along(start: Vec, length: float, direction: Vec) -> Vec:
    return (
        start[0] + length * direction[0],
        start[1] + length * direction[1],
        start[2] + length * direction[2],
    )


def _in_plane(origin: Vec, angle: float, offset: Point) -> Vec:
    a = math.radians(angle)
    c, s = math.cos(a), math.sin(a)
    x, y = offset
    return (origin[0] + x * c - y * s, origin[1] + x * s + y * c, origin[2])


def place(pose: Pose) -> dict[str, Vec]:
    """Where every point of `POINTS` is, the middle of the hip joints at the origin."""
    at: dict[str, Vec] = {"hip": (0.0, 0.0, 0.0)}
    pelvis = pose["pelvis"]
    lumbar = pelvis - pose["lumbar"]
    thoracic = lumbar - pose["thoracic"]
    at["sacrum"] = _along(at["hip"], PELVIS, _direction(pelvis))
    at["waist"] = _along(at["sacrum"], LUMBAR, _direction(lumbar))
    at["shoulders"] = _along(at["waist"], THORACIC, _direction(thoracic))
    at["head"] = _along(at["shoulders"], NECK, _direction(thoracic - pose["neck"]))
    for side in SIDES:
        sign = 1.0 if side == "near" else -1.0

        def angle(joint: str, side: Side = side) -> float:
            return pose[f"{side}_{joint}"]

        hip = (0.0, 0.0, sign * HIP_WIDTH / 2)
        thigh = pelvis + 180 + angle("hip")
        shin = thigh - angle("knee")
        knee = _along(hip, THIGH, _direction(thigh, sign * angle("thigh_out")))
        ankle = _along(knee, SHIN, _direction(shin, sign * angle("shin_out")))
        foot = shin + 90 + angle("ankle")
        x, y, z = at["shoulders"]
        shoulder = (x, y, z + sign * SHOULDER_WIDTH / 2)
        upper = thoracic + 180 + angle("shoulder")
        fore = upper + angle("elbow")
        elbow = _along(shoulder, UPPER_ARM, _direction(upper, sign * angle("arm_out")))
        wrist = _along(elbow, FOREARM, _direction(fore, sign * angle("forearm_out")))
        at |= {
            f"{side}_hip": hip,
            f"{side}_knee": knee,
            f"{side}_ankle": ankle,
            f"{side}_heel": _in_plane(ankle, foot, HEEL),
            f"{side}_toe": _in_plane(ankle, foot, TOE),
            f"{side}_shoulder": shoulder,
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
            f"{side}_hand": _along(wrist, HAND, _direction(fore + angle("wrist"))),
        }
    roll = math.radians(pose["roll"])
    if roll:
        c, s = math.cos(roll), math.sin(roll)
        at = {name: (x, y * c - z * s, y * s + z * c) for name, (x, y, z) in at.items()}
    return at


def flat(point: Vec) -> Point:
    """A point as drawn: seen from the side, what is further away a little behind."""
    return (point[0] + DEPTH * point[2], point[1])


SEGMENTS: dict[tuple[str, str], float] = {
    ("hip", "sacrum"): PELVIS,
    ("sacrum", "waist"): LUMBAR,
    ("waist", "shoulders"): THORACIC,
    ("shoulders", "head"): NECK,
    **{
        (f"{side}_{a}", f"{side}_{b}"): length
        for side in SIDES
        for a, b, length in (
            ("hip", "knee", THIGH),
            ("knee", "ankle", SHIN),
            ("shoulder", "elbow", UPPER_ARM),
            ("elbow", "wrist", FOREARM),
            ("wrist", "hand", HAND),
            ("ankle", "heel", math.hypot(*HEEL)),
            ("ankle", "toe", math.hypot(*TOE)),
        )
    },
}
"""The body's rigid segments and their lengths."""


def _minus(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _angle_between(a: Vec, b: Vec) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norms = math.dist(a, (0, 0, 0)) * math.dist(b, (0, 0, 0))
    return math.degrees(math.acos(max(-1.0, min(1.0, dot / norms))))


def strains(pose: Pose) -> list[str]:
    """What in ``pose`` no body can do: each joint outside its range, in words.

    A knee or an elbow out of the side plane (a leg crossed over the other knee)
    is checked by the angle between its two segments, which the angle in the
    side plane no longer tells.
    """
    found = []
    at = place(pose)
    for joint in JOINTS[2:]:
        side, kind = joint.split("_", 1) if joint.startswith(SIDES) else ("", joint)
        low, high = RANGES[kind]
        hinge = _HINGES.get(kind)
        if side and hinge is not None:
            first, middle, last, outs = hinge
            if any(pose[f"{side}_{out}"] for out in outs):
                ends = [at[f"{side}_{point}"] for point in (first, middle, last)]
                bend = _angle_between(_minus(ends[1], ends[0]), _minus(ends[2], ends[1]))
                if bend > high + 0.5:
                    found.append(f"{joint} bends {bend:.0f}, more than {high:.0f}")
                continue
        if not low - 0.5 <= pose[joint] <= high + 0.5:
            found.append(f"{joint} {pose[joint]:.0f} is outside {low:.0f}..{high:.0f}")
    return found


_HINGES = {
    "knee": ("hip", "knee", "ankle", ("thigh_out", "shin_out")),
    "elbow": ("shoulder", "elbow", "wrist", ("arm_out", "forearm_out")),
}
"""The joints that bend one way, their three points and the angles that take them out of
the side plane."""
