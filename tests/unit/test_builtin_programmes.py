"""The built-in programmes mean what they say: their routines, their schedule, their words."""

from __future__ import annotations

from backtimer.storage import library
from backtimer.storage import programmes as programs

MOVES = library.catalogue().exercises
ROUTINES = {entry.id: entry.routine for entry in library.builtin_routines()}
PROGRAMMES = {entry.id: entry.program for entry in programs.all_programmes(set(ROUTINES))}


def moves_of(routine_id: str) -> list[str]:
    routine = ROUTINES[routine_id]
    assert routine is not None
    return [step.exercise for step in routine.step]


def test_flexible_back_is_stretches_and_mobility_and_says_what_else_it_has() -> None:
    flexible = PROGRAMMES["flexible-back-3wk"]
    assert flexible is not None
    words = " ".join(flexible.description.split()).lower()
    for slot in flexible.slot:
        for move_id in moves_of(slot.routine):
            move = MOVES[move_id]
            assert not move_id.startswith("atg-split-squat"), slot.routine  # never twice daily
            if move.kind == "strength":  # named in the description, and light
                assert move.name.lower().removeprefix("banded ") in words, (slot.routine, move_id)
                assert not [item for item in move.equipment if item == "barbell"], move_id


def test_the_morning_routine_says_to_start_once_you_have_been_up_a_while() -> None:
    morning = ROUTINES["flexible-back-morning"]
    assert morning is not None
    words = " ".join(morning.description.split()).lower()
    assert "up and about" in words and "not straight out of bed" in words
    assert MOVES[morning.step[0].exercise].kind != "strength"


def test_the_strength_programme_rests_a_day_between_sessions_and_says_so() -> None:
    durability = PROGRAMMES["back-durability-6wk"]
    assert durability is not None
    assert durability.rest_days == 1
    assert "a day of rest between" in " ".join(durability.description.split())
    flexible = PROGRAMMES["flexible-back-3wk"]
    assert flexible is not None and flexible.rest_days == 0  # gentle work, every day


def test_the_good_mornings_entry_dose_needs_no_bar() -> None:
    good_morning = MOVES["seated-good-morning"]
    assert "barbell (optional)" in good_morning.equipment
    assert "barbell" not in good_morning.equipment
    assert "no bar" in good_morning.cues[0].lower()
