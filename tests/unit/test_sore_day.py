"""The sore-day rule and the gentlest routine it offers."""

from __future__ import annotations

from backtimer.domain.routines.sore_day import SEVERE, gentle_routine, severe
from backtimer.domain.routines.timeline import compile_timeline
from backtimer.storage import library


def test_seven_and_above_is_a_sore_start() -> None:
    assert [pain for pain in range(11) if severe(pain)] == [7, 8, 9, 10]
    assert SEVERE == 7


def test_the_gentle_routine_is_short_unloaded_mobility() -> None:
    timeline = compile_timeline(gentle_routine(), library.exercises())
    moves = library.exercises()
    kinds = {moves[plan.exercise.id].kind for plan in timeline.steps}
    assert kinds <= {"mobility", "stretch"}  # no strength, no massage
    needed = {item for plan in timeline.steps for item in moves[plan.exercise.id].equipment}
    assert needed <= {"mat", "chair"}
    assert 120 <= timeline.estimated_seconds <= 6 * 60
