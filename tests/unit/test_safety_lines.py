"""Safety lines: each move's own, said at every side and block, never rotated away.

A move's safety line (``safety`` in the catalogue) is not one of its ordinary
cues: the voice says it as each side and each block of reps begins, and the
screen keeps it on a line of its own. The belly massages say when to skip them.
"""

from __future__ import annotations

import pytest

from backtimer.domain.routines.cautions import skip_notes
from backtimer.domain.routines.timeline import Segment, Timeline
from backtimer.domain.timer.spoken import budget, fits, started
from backtimer.storage import library

BUILTINS = {entry.id: entry.timeline for entry in library.builtin_routines()}
MOVES = library.catalogue().exercises
BELLY = ("psoas-massage", "iliacus-massage")


def block_starts(timeline: Timeline, move: str) -> list[Segment]:
    """The first segment of work of each block (a set on one side) of ``move``'s steps."""
    return [
        timeline.segments[index]
        for plan in timeline.steps
        if plan.exercise.id == move
        for index in plan.blocks
    ]


def test_the_psoas_pulse_line_is_said_on_the_left_as_on_the_right() -> None:
    timeline = BUILTINS["culprit-massage"]
    said = [started(segment, timeline) or "" for segment in block_starts(timeline, "psoas-massage")]
    assert len(said) == 2  # left, then right
    assert all("pulse" in words for words in said), said


def test_every_massage_has_a_safety_line_that_says_when_to_stop() -> None:
    massages = [move for move in MOVES.values() if move.kind == "massage"]
    assert len(massages) == 6
    for massage in massages:
        assert massage.safety is not None, massage.id
        assert "stop on" in massage.safety.lower(), massage.id
        assert "sharp pain" in massage.safety.lower(), massage.id
    for near_an_artery in BELLY:
        safety = (MOVES[near_an_artery].safety or "").lower()
        assert "pulse" in safety and "feel sick" in safety
    for near_the_sciatic_nerve in ("piriformis-massage", "glute-med-massage"):
        safety = (MOVES[near_the_sciatic_nerve].safety or "").lower()
        assert "tingling" in safety and "move the tool off" in safety
    ql = (MOVES["ql-massage"].safety or "").lower()
    assert "below the lowest rib" in ql and "kidneys" in ql
    assert "just above the hip bone" in MOVES["ql-massage"].cues[0]  # aimed low, not at them


def test_the_belly_massages_say_who_should_skip_them() -> None:
    for belly in BELLY:
        skip = (MOVES[belly].skip_if or "").lower()
        for reason in ("pregnant", "surgery", "hernia", "aortic aneurysm", "blood thinners"):
            assert reason in skip, (belly, reason)
    others = [m.id for m in MOVES.values() if m.skip_if and m.id not in BELLY]
    assert others == []


def test_the_split_squats_say_hold_a_support_and_go_only_as_deep_as_is_comfortable() -> None:
    for squat in ("atg-split-squat", "atg-split-squat-weighted", "atg-split-squat-box"):
        safety = (MOVES[squat].safety or "").lower()
        assert "support" in safety and "only as deep as is comfortable" in safety, squat
    weighted = " ".join(MOVES["atg-split-squat-weighted"].cues)
    assert "start with" in weighted.lower() and "kg" in weighted


def test_a_safety_line_is_never_one_of_the_cues_that_take_turns() -> None:
    for move in MOVES.values():
        if move.safety is None:
            continue
        assert move.safety not in move.form_points, move.id
        assert move.safety not in move.cues, move.id


@pytest.mark.parametrize("routine_id", sorted(BUILTINS))
def test_every_block_of_a_move_with_a_safety_line_begins_by_saying_it_in_time(
    routine_id: str,
) -> None:
    timeline = BUILTINS[routine_id]
    for plan in timeline.steps:
        safety = plan.exercise.safety
        if safety is None:
            continue
        for index in plan.blocks:
            segment = timeline.segments[index]
            said = started(segment, timeline) or ""
            assert safety in said, (routine_id, plan.index, segment.side, said)
            assert fits(said, budget(segment)), said  # heard in full, before the next words


def test_the_preview_names_each_reason_to_skip_once() -> None:
    timeline = BUILTINS["culprit-massage"]
    notes = skip_notes(plan.exercise for plan in timeline.steps)
    assert len(notes) == 1
    assert notes[0].startswith("Iliacus massage and Psoas massage: skip them if you are pregnant")
    desk = skip_notes(plan.exercise for plan in BUILTINS["desk-reset"].steps)
    assert desk == [f"Psoas massage: skip it if {MOVES['psoas-massage'].skip_if}."]
