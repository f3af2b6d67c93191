"""The pain guide's answers: the article's muscle for each complaint, and a short routine."""

from __future__ import annotations

import pytest

from backtimer.domain.guide import guide_routine, moves_for, muscles_for, place_guide_routine
from backtimer.domain.timeline import compile_timeline
from backtimer.storage import library

EXPECTED = {
    "low-back-ache": "ql",
    "hip-groin": "iliacus",
    "tailbone-outer-hip": "glute-med",
    "sitting": "psoas",
    "buttock-thigh": "piriformis",
    "outer-hip-knee": "tfl",
}


@pytest.mark.parametrize(("area_id", "muscle"), EXPECTED.items())
def test_each_complaint_points_to_the_articles_muscle(area_id: str, muscle: str) -> None:
    catalogue = library.catalogue()
    area = catalogue.areas[area_id]
    assert [m.id for m in muscles_for(area, catalogue)] == [muscle]
    moves = moves_for(area, catalogue)
    assert moves[0].kind == "massage" and muscle in moves[0].targets
    assert all(muscle in move.targets for move in moves)


@pytest.mark.parametrize("area_id", EXPECTED)
def test_the_routine_starts_with_the_massage_and_stays_short(area_id: str) -> None:
    catalogue = library.catalogue()
    routine = guide_routine(catalogue.areas[area_id], catalogue)
    steps = [catalogue.exercises[step.exercise] for step in routine.step]
    assert steps[0].kind == "massage"
    assert 2 <= len(steps) <= 3
    assert all(EXPECTED[area_id] in move.targets for move in steps)
    seconds = compile_timeline(routine, library.exercises()).estimated_seconds
    assert 3 * 60 <= seconds <= 8 * 60


def test_saving_the_guides_routine_never_makes_a_twin() -> None:
    catalogue = library.catalogue()
    routine = guide_routine(catalogue.areas["sitting"], catalogue)
    fresh = place_guide_routine("guide-sitting", routine, {"desk-reset": None})
    assert (fresh.routine_id, fresh.routine, fresh.already) == ("guide-sitting", routine, False)
    again = place_guide_routine("guide-sitting", routine, {"guide-sitting": routine})
    assert (again.routine_id, again.already) == ("guide-sitting", True)
    changed = routine.model_copy(update={"lead_in": 10})
    second = routine.model_copy(update={"name": f"{routine.name} (2)", "lead_in": 10})
    third = place_guide_routine(
        "guide-sitting", routine, {"guide-sitting": changed, "guide-sitting-2": second}
    )
    assert (third.routine_id, third.routine.name) == ("guide-sitting-3", f"{routine.name} (3)")
    assert third.name_taken_by == "guide-sitting"
