"""Counts in words: one step, one session, one rep each side."""

from __future__ import annotations

from backtimer.domain.history.outcome import count_outcomes
from backtimer.domain.history.session import StepRecord
from backtimer.tui.widgets.session_detail import reps_done, step_line


def test_one_step_is_one_step() -> None:
    steps = [StepRecord(exercise="cat-cow", sets_done=1, reps_done=10, seconds_done=60)]
    assert count_outcomes(steps).text() == "1 of 1 step done"


def test_a_two_sided_single_hold_is_one_rep_each_side() -> None:
    # Desk reset's piriformis stretch: one 20 s hold a side, both done.
    stretch = StepRecord(
        exercise="seated-piriformis-stretch",
        sets_done=1,
        reps_done=2,
        seconds_done=40,
        planned_sets=1,
        planned_reps=2,
        planned_seconds=40,
    )
    line = step_line(stretch, 1, {"seated-piriformis-stretch": "Seated piriformis stretch"})
    assert "1 of 1 rep each side" in line and "2 of 2 reps" not in line
    assert reps_done(20, 40, per_side=True) == "10 of 20 reps each side"  # the elephant walk
    assert reps_done(1, 2, per_side=True) == "1 of 2 reps"  # one side more than the other
    assert reps_done(3, 8, per_side=False) == "3 of 8 reps"
    assert reps_done(1, 1, per_side=False) == "1 of 1 rep"
