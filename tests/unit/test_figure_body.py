"""The figure's body: fixed proportions, posed by joint angles, moving between poses."""

from __future__ import annotations

import math

import pytest

from backtimer.domain.figure.body import (
    HEAD,
    NECK,
    SEGMENTS,
    SHIN,
    THIGH,
    Pose,
    blend,
    ease,
    flat,
    place,
    strains,
)

STANDING = Pose.of({})


def test_standing_the_head_is_on_top_and_the_feet_at_the_bottom() -> None:
    at = place(STANDING)
    assert at["head"][1] > at["shoulders"][1] > at["hip"][1] > at["near_knee"][1]
    assert at["near_heel"][1] == pytest.approx(at["near_toe"][1])  # the foot is flat
    height = at["head"][1] + HEAD - at["near_heel"][1]
    assert 165 <= height <= 185  # a person's height, in centimetres


def test_the_figure_faces_forward_a_bent_knee_goes_forward_and_the_toes_point_ahead() -> None:
    at = place(Pose.of({"hip": 90, "knee": 90}))  # sitting
    assert at["near_knee"][0] > at["hip"][0] + THIGH * 0.9  # the thigh points ahead
    assert at["near_ankle"][1] == pytest.approx(at["near_knee"][1] - SHIN)  # the shin hangs
    assert at["near_toe"][0] > at["near_heel"][0]


def test_near_and_far_limbs_are_told_apart_and_one_side_can_differ() -> None:
    pose = Pose.of({"knee": 20, "near_knee": 60})
    assert (pose["near_knee"], pose["far_knee"]) == (60, 20)
    at = place(pose)
    assert at["near_hip"][2] > 0 > at["far_hip"][2]  # near is toward the viewer
    swapped = pose.swapped()
    assert (swapped["near_knee"], swapped["far_knee"]) == (20, 60)


def test_an_unknown_joint_is_refused() -> None:
    with pytest.raises(KeyError):
        Pose.of({"kne": 10})


@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.5, 0.9, 1.0])
def test_every_segment_keeps_its_length_in_any_pose(fraction: float) -> None:
    start = Pose.of({"hip": 40, "knee": 110, "thigh_out": 20, "shin_out": -60, "roll": 30})
    end = Pose.of({"pelvis": 200, "lumbar": -20, "shoulder": 150, "arm_out": 40, "elbow": 90})
    at = place(blend(start, end, fraction))
    for (a, b), length in SEGMENTS.items():
        assert math.dist(at[a], at[b]) == pytest.approx(length), (a, b)


def test_blending_goes_from_one_pose_to_the_other() -> None:
    start, end = Pose.of({"knee": 0}), Pose.of({"knee": 100})
    assert blend(start, end, 0) == start
    assert blend(start, end, 1) == end
    assert blend(start, end, 0.25)["near_knee"] == pytest.approx(25)


def test_easing_starts_and_ends_slowly() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
    assert ease(-1) == 0 and ease(2) == 1


def test_a_joint_past_its_range_is_a_strain() -> None:
    assert strains(STANDING) == []
    assert strains(Pose.of({"knee": -30})) == [
        "near_knee -30 is outside 0..160",
        "far_knee -30 is outside 0..160",
    ]
    assert "neck" in strains(Pose.of({"neck": 90}))[0]


def test_an_arm_out_of_the_side_plane_is_judged_by_its_real_bend() -> None:
    """Hands on a bar behind the neck: seen from the side the forearm folds right back
    over the upper arm, but the elbows are out to the sides and bend far less."""
    on_the_bar = {"shoulder": -11, "arm_out": 32, "elbow": 193, "forearm_out": 21}
    assert strains(Pose.of(on_the_bar)) == []
    folded = {"arm_out": 10, "elbow": 180, "forearm_out": 5}
    assert strains(Pose.of(folded))[0] == "near_elbow bends 165, more than 150"


def test_the_far_side_is_drawn_a_little_behind() -> None:
    at = place(STANDING)
    assert flat(at["far_hip"])[0] != flat(at["near_hip"])[0]
    assert flat(at["head"]) == (at["head"][0], at["head"][1])


def test_lying_on_the_near_side_puts_the_near_side_down() -> None:
    at = place(Pose.of({"pelvis": 180, "roll": 90}))
    assert at["near_hip"][1] < at["hip"][1] < at["far_hip"][1]
    assert at["head"][1] == pytest.approx(at["hip"][1])  # the trunk lies along the floor
    assert NECK > 0
