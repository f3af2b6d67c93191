"""Ladders: each move's notches up and down, the harder versions, and the entry dose floor."""

from __future__ import annotations

import pytest

from backtimer.domain.catalogue import parse_catalogue
from backtimer.domain.ladder import Notch, down, position, up
from backtimer.domain.problems import ProblemsError
from backtimer.domain.routine import Step
from backtimer.storage import library, locations

LADDERS = library.catalogue().ladders


def step(**fields: object) -> Step:
    return Step.model_validate(fields)


def climb(start: Step, move: str = "up") -> list[Step]:
    """Every rung from ``start``, one notch at a time, to the end of the ladder."""
    rungs = [start]
    while (notch := (up if move == "up" else down)(rungs[-1], LADDERS)) is not None:
        rungs.append(notch.after)
    return rungs


def test_the_carry_grows_45_60_75_90_seconds_then_the_fourth_set() -> None:
    rungs = climb(step(exercise="suitcase-carry", sets=2, work=45, sides="alternate-sets"))
    assert [(s.work, s.sets) for s in rungs] == [(45, 2), (60, 2), (75, 2), (90, 2), (90, 4)]
    assert rungs[-1].sides == "alternate-sets"  # the rest of the step is kept
    down_again = climb(rungs[-1], "down")
    assert [(s.work, s.sets) for s in down_again] == [
        (w, s) for w, s in reversed([(45, 2), (60, 2), (75, 2), (90, 2), (90, 4)])
    ]


def test_holds_grow_five_seconds_up_to_a_minute_and_reps_two_up_to_the_top() -> None:
    holds = climb(step(exercise="seated-piriformis-stretch", hold=30, sides="each"))
    assert [s.hold for s in holds] == [30, 35, 40, 45, 50, 55, 60]
    cat_cow = climb(step(exercise="cat-cow", reps=10, tempo=3))
    assert [s.reps for s in cat_cow] == [10, 12, 14, 16, 18, 20]
    walk = climb(step(exercise="elephant-walk", reps=12, tempo=2))
    assert walk[-1].reps == 20
    bridge = climb(step(exercise="banded-glute-bridge", reps=8, hold=5))
    assert [s.reps for s in bridge][:3] == [8, 9, 10]  # one more hold a notch


def test_the_split_squat_goes_to_a_weight_then_to_a_box() -> None:
    rungs = climb(step(exercise="atg-split-squat", reps=6, tempo=4, sides="each"))
    assert [(s.exercise, s.reps) for s in rungs] == [
        ("atg-split-squat", 6),
        ("atg-split-squat", 8),
        ("atg-split-squat-weighted", 6),
        ("atg-split-squat-weighted", 8),
        ("atg-split-squat-box", 6),
        ("atg-split-squat-box", 8),
    ]
    assert all(s.tempo == 4 and s.sides == "each" for s in rungs)
    places = [position(s, LADDERS) for s in rungs]
    assert [(p.rung, p.rungs) for p in places if p] == [(n, 6) for n in range(1, 7)]
    assert [(s.exercise, s.reps) for s in climb(rungs[-1], "down")][-1] == ("atg-split-squat", 6)


def test_a_notch_down_never_goes_below_the_entry_dose() -> None:
    assert down(step(exercise="suitcase-carry", sets=2, work=45), LADDERS) is None
    assert down(step(exercise="atg-split-squat", reps=6, tempo=4), LADDERS) is None
    below_entry = step(exercise="cat-cow", reps=4, tempo=3)
    assert down(below_entry, LADDERS) is None
    notch = up(below_entry, LADDERS)
    assert isinstance(notch, Notch) and notch.after.reps == 6


def test_a_step_whose_kind_is_not_on_the_ladder_has_no_notch() -> None:
    held_carry = step(exercise="suitcase-carry", hold=30)
    assert up(held_carry, LADDERS) is None and position(held_carry, LADDERS) is None
    assert up(step(exercise="ql-massage", work=45), LADDERS) is None


def test_the_catalogue_refuses_a_ladder_that_leads_nowhere_or_does_not_fit() -> None:
    text = locations.catalogue_resource().read_text("utf-8")
    broken = text.replace('next = "atg-split-squat-box"', 'next = "atg-split-squat-ladder"')
    with pytest.raises(ProblemsError, match="'atg-split-squat-ladder' is not a move with a ladder"):
        parse_catalogue(broken)
    unfit = text.replace(
        'grow = "hold", by = 5, from = 5, to = 60', 'grow = "work", by = 5, from = 5, to = 60'
    )
    with pytest.raises(ProblemsError, match="ladder: grows a field the move's default step"):
        parse_catalogue(unfit)
