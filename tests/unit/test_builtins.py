"""The built-in routines: all valid, and each as long as its description promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from backtimer.storage import library

ROUTINES_PAGE = Path(__file__).parents[2] / "docs" / "guide" / "routines.md"

EXPECTED = {
    "eight-contenders",
    "back-durability",
    "flexible-back-morning",
    "flexible-back-evening",
    "culprit-massage",
    "desk-reset",
}
ENTRIES = {entry.id: entry for entry in library.builtin_routines()}


def test_the_six_builtins_ship_and_load() -> None:
    assert set(ENTRIES) == EXPECTED
    for entry in ENTRIES.values():
        assert entry.ok, entry.problem_lines()


@pytest.mark.parametrize("routine_id", sorted(EXPECTED))
def test_each_lasts_as_long_as_it_says(routine_id: str) -> None:
    entry = ENTRIES[routine_id]
    assert entry.routine is not None
    promised = re.search(r"About (\d+) minutes", entry.routine.description)
    assert promised, "the description should say how long the routine takes"
    assert int(promised.group(1)) == round(entry.timeline.estimated_seconds / 60)


def test_the_guide_gives_each_the_time_its_description_gives() -> None:
    rows = re.findall(r"^\| `([a-z-]+)` \| [^|]+ \| (\d+) min \|$", ROUTINES_PAGE.read_text(), re.M)
    assert {routine_id for routine_id, _ in rows} == EXPECTED
    for routine_id, minutes in rows:
        assert int(minutes) == round(ENTRIES[routine_id].timeline.estimated_seconds / 60)


def test_the_durability_routine_is_about_five_minutes_of_strength() -> None:
    entry = ENTRIES["back-durability"]
    assert 270 <= entry.timeline.estimated_seconds <= 330
    assert {p.exercise.kind for p in entry.timeline.steps} == {"strength"}


def test_the_flexible_back_routines_are_eight_to_twelve_minutes_of_stretching() -> None:
    for routine_id in ("flexible-back-morning", "flexible-back-evening"):
        entry = ENTRIES[routine_id]
        assert 8 * 60 <= entry.timeline.estimated_seconds <= 12 * 60
        assert "stretch" in entry.routine.tags  # type: ignore[union-attr]


def test_the_eight_contenders_has_all_eight_at_the_articles_dose() -> None:
    steps = {p.exercise.id: p for p in ENTRIES["eight-contenders"].timeline.steps}
    assert len(steps) == 8
    assert steps["elephant-walk"].reps == 40
    assert steps["suitcase-carry"].step.sets == 4
    assert 6 <= (steps["atg-split-squat"].step.reps or 0) <= 8
    stretch = steps["seated-piriformis-stretch"]  # a few seconds, then the other side
    assert stretch.reps == 2 and stretch.step.hold is not None and stretch.step.hold <= 10
    usual = library.catalogue().exercises
    for move_id, plan in steps.items():
        if move_id == "seated-good-morning":
            continue  # no usual dose for this one
        step = plan.step.model_dump(exclude_none=True)
        assert {key: step.get(key) for key in usual[move_id].default} == usual[move_id].default


def test_the_morning_routine_has_the_good_morning() -> None:
    steps = [p.exercise.id for p in ENTRIES["flexible-back-morning"].timeline.steps]
    assert "seated-good-morning" in steps


def test_a_steps_own_cue_is_kept_only_where_it_adds_something() -> None:
    for entry in ENTRIES.values():
        assert entry.routine is not None
        for step in entry.routine.step:
            if step.cue:
                assert "Enter" not in step.cue  # the status line says so
                moves = library.catalogue().exercises[step.exercise]
                said = [*moves.cues, moves.safety or ""]  # the safety line is said on its own
                assert all(step.cue.split(":")[-1].strip() not in cue for cue in said)
                assert "hold" not in step.cue.lower() or not moves.safety, step.cue


def test_the_massage_routine_covers_all_six_muscles_on_each_side() -> None:
    timeline = ENTRIES["culprit-massage"].timeline
    targets = {
        t for p in timeline.steps for t in library.catalogue().exercises[p.exercise.id].targets
    }
    assert targets == set(library.catalogue().muscles)
    assert {p.sides for p in timeline.steps} == {"each"}
