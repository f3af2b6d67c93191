"""The pain guide's answers: the likely muscles for each complaint, a short routine for each."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.domain.routines.catalogue import Area, Muscle
from backtimer.domain.routines.guide import (
    guide_id,
    guide_routine,
    moves_for,
    muscles_for,
    place_guide_routine,
)
from backtimer.domain.routines.timeline import compile_timeline
from backtimer.storage import library, locations

EXPECTED = {
    "low-back-ache": ["ql"],
    "hip-groin": ["iliacus"],
    "tailbone": ["glute-med", "piriformis"],
    "outer-hip": ["glute-med", "tfl"],
    "buttock": ["glute-med", "piriformis"],
    "sitting": ["psoas"],
    "down-the-leg": ["piriformis"],
}
CHOICES = [(area, muscle) for area, muscles in EXPECTED.items() for muscle in muscles]


def choice(area_id: str, muscle_id: str) -> tuple[Area, Muscle]:
    catalogue = library.catalogue()
    return catalogue.areas[area_id], catalogue.muscles[muscle_id]


@pytest.mark.parametrize(("area_id", "muscles"), EXPECTED.items())
def test_each_complaint_offers_every_muscle_that_can_cause_it(
    area_id: str, muscles: list[str]
) -> None:
    catalogue = library.catalogue()
    assert set(catalogue.areas) == set(EXPECTED)
    area = catalogue.areas[area_id]
    assert [m.id for m in muscles_for(area, catalogue)] == muscles
    for muscle in muscles_for(area, catalogue):
        moves = moves_for(muscle, catalogue)
        assert moves[0].kind == "massage" and muscle.id in moves[0].targets
        assert all(muscle.id in move.targets for move in moves)


@pytest.mark.parametrize(("area_id", "muscle_id"), [c for c in CHOICES if c[0] != "down-the-leg"])
def test_the_routine_starts_with_the_massage_and_stays_short(area_id: str, muscle_id: str) -> None:
    catalogue = library.catalogue()
    area, muscle = choice(area_id, muscle_id)
    routine = guide_routine(area, muscle, catalogue)
    steps = [catalogue.exercises[step.exercise] for step in routine.step]
    assert steps[0].kind == "massage"
    assert 2 <= len(steps) <= 3
    assert all(muscle_id in move.targets for move in steps)
    seconds = compile_timeline(routine, library.exercises()).estimated_seconds
    assert 2 * 60 <= seconds <= 10 * 60


def test_the_ql_routine_has_the_suitcase_carry() -> None:
    catalogue = library.catalogue()
    routine = guide_routine(*choice("low-back-ache", "ql"), catalogue)
    assert [step.exercise for step in routine.step] == [
        "ql-massage",
        "elephant-walk",
        "suitcase-carry",
    ]


def test_a_choice_of_muscles_gives_a_routine_and_an_id_for_each() -> None:
    catalogue = library.catalogue()
    tailbone = catalogue.areas["tailbone"]
    routines = {
        guide_id(tailbone, muscle): guide_routine(tailbone, muscle, catalogue)
        for muscle in muscles_for(tailbone, catalogue)
    }
    assert {rid: r.name for rid, r in routines.items()} == {
        "guide-tailbone-glute-med": "Guide: the tailbone (Glute med)",
        "guide-tailbone-piriformis": "Guide: the tailbone (Piriformis)",
    }
    assert routines["guide-tailbone-piriformis"].step[0].exercise == "piriformis-massage"
    assert guide_id(*choice("low-back-ache", "ql")) == "guide-low-back-ache"


def test_only_pain_down_the_leg_sends_you_to_a_professional_first() -> None:
    areas = library.catalogue().areas
    assert [a.id for a in areas.values() if a.see_first] == ["down-the-leg"]


def test_saving_the_guides_routine_never_makes_a_twin() -> None:
    catalogue = library.catalogue()
    routine = guide_routine(*choice("sitting", "psoas"), catalogue)
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


def test_pain_down_the_leg_gets_only_gentle_movement_and_no_pressure_on_the_nerve() -> None:
    catalogue = library.catalogue()
    routine = guide_routine(*choice("down-the-leg", "piriformis"), catalogue)
    moves = [catalogue.exercises[step.exercise] for step in routine.step]
    assert moves and all(move.kind in ("mobility", "stretch") for move in moves)
    assert "piriformis-massage" not in [move.id for move in moves]  # firm, over the nerve
    seconds = compile_timeline(routine, library.exercises()).estimated_seconds
    assert 2 * 60 <= seconds <= 10 * 60


def test_the_groin_answer_starts_gently_without_the_deep_split_squat() -> None:
    catalogue = library.catalogue()
    routine = guide_routine(*choice("hip-groin", "iliacus"), catalogue)
    ids = [step.exercise for step in routine.step]
    assert not any(move.startswith("atg-split-squat") for move in ids), ids
    assert ids[0] == "iliacus-massage"


@pytest.mark.parametrize(("area_id", "muscle_id"), CHOICES)
def test_a_guide_routine_has_a_strength_move_only_when_nothing_gentler_works_the_muscle(
    area_id: str, muscle_id: str
) -> None:
    catalogue = library.catalogue()
    area, muscle = choice(area_id, muscle_id)
    moves = [catalogue.exercises[s.exercise] for s in guide_routine(area, muscle, catalogue).step]
    gentler = [m for m in moves_for(muscle, catalogue) if m.kind in ("stretch", "mobility")]
    for move in moves:
        if move.kind == "strength" and move.id not in muscle.key_moves:
            assert not gentler, (area_id, muscle_id, move.id)


def test_no_words_say_which_muscles_most_often_cause_back_pain() -> None:
    texts = [locations.catalogue_resource().read_text("utf-8")]
    texts += [f.read_text("utf-8") for f in locations.builtin_routines().iterdir()]
    top = Path(__file__).parents[2]
    texts.append((top / "README.md").read_text("utf-8"))
    texts += [page.read_text("utf-8") for page in sorted((top / "docs").rglob("*.md"))]
    for text in texts:
        flat = " ".join(text.split()).lower()
        assert "most often cause" not in flat
        assert "likely:" not in flat
