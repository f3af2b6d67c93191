"""Every built-in move has a figure, and every pose of it is one a body can take."""

from __future__ import annotations

import math

import pytest

from backtimer.domain.figure.body import HEAD, SEGMENTS, blend, place, strains
from backtimer.domain.figure.moves import MoveFigure, parse_figures
from backtimer.domain.figure.stage import LYING, TOOL, setting
from backtimer.domain.parsing.problems import ProblemsError
from backtimer.storage import library

FIGURES = library.figures().moves
POSES = [(move, name) for move, figure in FIGURES.items() for name in figure.poses]
RESTING = 8.0
"""A point rests on a surface within this many centimetres above it (the body has depth:
a lying trunk's line is half a trunk above the mat)."""


def test_every_built_in_move_and_massage_has_a_figure() -> None:
    assert set(FIGURES) == set(library.catalogue().exercises)


@pytest.mark.parametrize("move", list(FIGURES))
def test_each_move_has_a_pose_for_each_phase_of_its_default_step(move: str) -> None:
    figure = FIGURES[move]
    step = library.catalogue().exercises[move].default_step()
    if step.kind == "phases":
        assert len(figure.rep) == len(step.phases or [])
    if step.kind == "work" and figure.moves:
        assert figure.pace <= 3, "a walk takes a step a second or so"
    assert figure.hold in figure.poses


@pytest.mark.parametrize(("move", "name"), POSES, ids=lambda x: str(x))
def test_every_joint_stays_within_what_a_body_can_do(move: str, name: str) -> None:
    assert strains(FIGURES[move].pose(name)) == []


def _paths(figure: MoveFigure) -> list[tuple[str, str]]:
    names = [figure.start, *figure.rep]
    return [*zip(names, names[1:], strict=False), (figure.hold, figure.start)]


@pytest.mark.parametrize("move", list(FIGURES))
def test_segments_keep_their_length_on_the_way_between_poses(move: str) -> None:
    figure = FIGURES[move]
    for a, b in _paths(figure):
        for fraction in (0.0, 0.3, 0.7, 1.0):
            at = place(blend(figure.pose(a), figure.pose(b), fraction))
            for (p, q), length in SEGMENTS.items():
                assert math.dist(at[p], at[q]) == pytest.approx(length), (a, b, p, q)


def _height(points: dict[str, tuple[float, float]], name: str, move: MoveFigure) -> float:
    if name == "head":
        return points["head"][1] - HEAD
    if name == "spot":
        assert move.spot is not None
        a, b = move.spot.between
        return points[a][1] + (points[b][1] - points[a][1]) * move.spot.at
    return points[name][1]


@pytest.mark.parametrize(("move", "name"), POSES, ids=lambda x: str(x))
def test_the_body_rests_on_the_floor_the_seat_the_box_or_the_tool_as_the_move_says(
    move: str, name: str
) -> None:
    figure = FIGURES[move]
    place_of = setting(figure)
    points = place_of.points(figure.pose(name))
    lowest = min(min(y for _, y in points.values()), points["head"][1] - HEAD)
    assert lowest >= -0.5, "nothing goes through the floor"
    rests = figure.poses[name].rests
    assert rests, "every pose says what it rests on"
    for surface, names in rests.items():
        for point in names:
            height = _height(points, point, figure)
            if surface == "floor":
                top = 0.0
            elif surface == "seat":
                assert place_of.seat is not None
                assert 40 <= place_of.seat <= 55, "a chair's or a bench's height"
                top = place_of.seat
            elif surface == "box":
                assert place_of.step is not None
                assert 15 <= place_of.step <= 40, "a box's or a step's height"
                top = place_of.step
            else:
                assert place_of.tool is not None
                assert place_of.tool[1] == pytest.approx(TOOL, abs=0.5), (
                    "the tool lies on the floor"
                )
                top = place_of.tool[1] + TOOL + LYING - 3
            assert top - 0.5 <= height <= top + RESTING, (surface, point, height)


@pytest.mark.parametrize("move", [m for m, f in FIGURES.items() if "tool" in f.props])
def test_a_massage_keeps_still_on_the_tool_at_its_spot(move: str) -> None:
    figure = FIGURES[move]
    assert not figure.moves
    assert figure.spot is not None
    assert "tool" in figure.poses[figure.start].rests


def test_a_mistake_in_the_poses_file_names_the_move_and_the_problem() -> None:
    text = """
[a-move]
anchor = "hip"
start = "up"
rep = ["down"]

[a-move.poses.up]
kne = 10
"""
    with pytest.raises(ProblemsError) as raised:
        parse_figures(text)
    assert raised.value.lines() == [
        "poses.toml: a-move: kne: not a joint",
    ]
    with pytest.raises(ProblemsError) as raised:
        parse_figures(text.replace("kne", "knee"))
    assert raised.value.lines() == ["poses.toml: a-move: no pose named down"]
    with pytest.raises(ProblemsError) as raised:
        parse_figures('[a-move]\nanchor = "elbow"\nstart = "a"\nrep = ["a"]\nposes = {a = {}}')
    assert raised.value.lines()[0].startswith("poses.toml: a-move.anchor:")
