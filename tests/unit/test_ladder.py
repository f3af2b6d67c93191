"""Ladders: each move's notches up and down, the harder versions, and the entry dose floor.

The property tests go over every ladder of the catalogue and every rung of it: a
notch down is the exact reverse of a notch up, and no notch adds more than a
quarter of the work.
"""

from __future__ import annotations

from math import prod

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backtimer.domain.parsing.problems import ProblemsError
from backtimer.domain.routines.catalogue import parse_catalogue
from backtimer.domain.routines.ladder import (
    MOST_A_NOTCH_ADDS,
    Ladder,
    Notch,
    at_rung,
    chain,
    down,
    position,
    up,
    value,
)
from backtimer.domain.routines.routine import Step
from backtimer.storage import library, locations

CATALOGUE = library.catalogue()
LADDERS = CATALOGUE.ladders
EVERY_RUNG = [
    (move, index) for move, ladder in LADDERS.items() for index in range(len(ladder.rungs))
]


def step(**fields: object) -> Step:
    return Step.model_validate(fields)


def climb(start: Step, move: str = "up") -> list[Step]:
    """Every rung from ``start``, one notch at a time, to the end of the ladder."""
    rungs = [start]
    while (notch := (up if move == "up" else down)(rungs[-1], LADDERS)) is not None:
        rungs.append(notch.after)
    return rungs


def rung_step(move: str, index: int) -> Step:
    """The move's default step (its prescription) at the ladder's rung ``index``."""
    return at_rung(CATALOGUE.exercises[move].default_step(), LADDERS[move], index)


def work(move: str, ladder: Ladder, a_step: Step) -> int:
    return prod(value(a_step, field) or 0 for field in ladder.grow)


@pytest.mark.parametrize(("move", "index"), EVERY_RUNG)
def test_a_notch_down_is_the_exact_reverse_of_a_notch_up_on_every_rung(
    move: str, index: int
) -> None:
    on_rung = rung_step(move, index)
    raised = up(on_rung, LADDERS)
    if raised is not None:
        back = down(raised.after, LADDERS)
        assert back is not None and back.after == on_rung
    lowered = down(on_rung, LADDERS)
    if lowered is not None:
        again = up(lowered.after, LADDERS)
        assert again is not None and again.after == on_rung
    # Only the very ends have no notch: the entry dose of the chain's first move, and the top
    # of its last.
    first, last = chain(move, LADDERS)[0], chain(move, LADDERS)[-1]
    assert (lowered is None) == (move == first and index == 0)
    assert (raised is None) == (move == last and index == LADDERS[move].top)


@pytest.mark.parametrize(("move", "index"), EVERY_RUNG)
def test_no_notch_up_adds_more_than_a_quarter_of_the_work(move: str, index: int) -> None:
    ladder = LADDERS[move]
    on_rung = rung_step(move, index)
    raised = up(on_rung, LADDERS)
    if raised is None or raised.grow == "exercise":
        return
    added = work(move, ladder, raised.after) / work(move, ladder, on_rung) - 1
    assert 0 < added <= MOST_A_NOTCH_ADDS, (move, index, f"{added:.0%}")


def test_a_harder_version_starts_with_fewer_reps_than_the_easier_ones_top() -> None:
    for move, ladder in LADDERS.items():
        if ladder.next is None:
            continue
        top = rung_step(move, ladder.top)
        raised = up(top, LADDERS)
        assert raised is not None and raised.grow == "exercise"
        assert work(move, ladder, raised.after) < work(move, ladder, top), move


def test_every_built_in_step_of_a_move_with_a_ladder_stands_on_a_rung() -> None:
    """So every notch the rules suggest for a built-in routine can be taken back exactly."""
    for entry in library.builtin_routines():
        assert entry.routine is not None
        for a_step in entry.routine.step:
            ladder = LADDERS.get(a_step.exercise)
            if ladder is None or any(value(a_step, f) is None for f in ladder.grow):
                continue
            values = [value(a_step, field) for field in ladder.grow]
            assert values in ladder.rungs, (entry.id, a_step.exercise, values)


@given(reps=st.integers(min_value=1, max_value=60))
def test_a_step_between_rungs_goes_to_the_rung_above_or_below(reps: int) -> None:
    ladder = LADDERS["cat-cow"]
    rungs = [rung[0] for rung in ladder.rungs]
    a_step = step(exercise="cat-cow", reps=reps, tempo=3)
    raised, lowered = up(a_step, LADDERS), down(a_step, LADDERS)
    above = [r for r in rungs if r > reps]
    below = [r for r in rungs if r < reps]
    assert (raised.after.reps if raised else None) == (above[0] if above else None)
    assert (lowered.after.reps if lowered else None) == (below[-1] if below else None)


def test_the_carry_grows_its_seconds_then_two_sets_for_each_hand_in_small_steps() -> None:
    rungs = climb(step(exercise="suitcase-carry", sets=2, work=45, sides="alternate-sets"))
    assert [(s.sets, s.work) for s in rungs] == [
        (2, 45),
        (2, 55),
        (2, 65),
        (2, 75),
        (2, 90),
        (4, 50),
        (4, 60),
        (4, 70),
        (4, 80),
        (4, 90),
    ]
    assert rungs[-1].sides == "alternate-sets"  # the rest of the step is kept
    assert [(s.sets, s.work) for s in climb(rungs[-1], "down")] == [
        (s.sets, s.work) for s in reversed(rungs)
    ]
    # 4 x 60 s backs off to 4 x 50 s, never to 2 x 60 s; 2 x 90 s grows to 4 x 50 s, not 4 x 90 s.
    four_sixty = down(step(exercise="suitcase-carry", sets=4, work=60), LADDERS)
    assert four_sixty is not None and (four_sixty.after.sets, four_sixty.after.work) == (4, 50)
    two_ninety = up(step(exercise="suitcase-carry", sets=2, work=90), LADDERS)
    assert two_ninety is not None and two_ninety.grow == "dose"
    assert (two_ninety.old, two_ninety.new) == ((2, 90), (4, 50))


def test_holds_and_reps_grow_in_small_steps_up_to_the_top() -> None:
    holds = climb(step(exercise="seated-piriformis-stretch", hold=30, sides="each"))
    assert [s.hold for s in holds] == [30, 35, 40, 45, 50, 55, 60]
    cat_cow = climb(step(exercise="cat-cow", reps=6, tempo=3))
    assert [s.reps for s in cat_cow] == [6, 7, 8, 10, 12, 14, 16, 18, 20]
    walk = climb(step(exercise="elephant-walk", reps=12, tempo=2))
    assert walk[-1].reps == 20
    bridge = climb(step(exercise="banded-glute-bridge", reps=8, hold=5))
    assert [s.reps for s in bridge][:3] == [8, 9, 10]  # one more hold a notch


def test_the_split_squat_goes_to_a_weight_then_to_a_box() -> None:
    rungs = climb(step(exercise="atg-split-squat", reps=6, tempo=4, sides="each"))
    assert [(s.exercise, s.reps) for s in rungs] == [
        (move, reps)
        for move in ("atg-split-squat", "atg-split-squat-weighted", "atg-split-squat-box")
        for reps in (6, 7, 8)
    ]
    assert all(s.tempo == 4 and s.sides == "each" for s in rungs)
    places = [position(s, LADDERS) for s in rungs]
    assert [(p.rung, p.rungs) for p in places if p] == [(n, 9) for n in range(1, 10)]
    assert [(s.exercise, s.reps) for s in climb(rungs[-1], "down")][-1] == ("atg-split-squat", 6)


def test_a_notch_down_never_goes_below_the_entry_dose() -> None:
    assert down(step(exercise="suitcase-carry", sets=2, work=45), LADDERS) is None
    assert down(step(exercise="atg-split-squat", reps=6, tempo=4), LADDERS) is None
    below_entry = step(exercise="cat-cow", reps=4, tempo=3)
    assert down(below_entry, LADDERS) is None
    notch = up(below_entry, LADDERS)
    assert isinstance(notch, Notch) and notch.after.reps == 6
    assert position(below_entry, LADDERS) == position(notch.after, LADDERS)


def test_a_step_whose_kind_is_not_on_the_ladder_has_no_notch() -> None:
    held_carry = step(exercise="suitcase-carry", hold=30)
    assert up(held_carry, LADDERS) is None and position(held_carry, LADDERS) is None
    assert up(step(exercise="ql-massage", work=45), LADDERS) is None


def test_the_catalogue_refuses_a_ladder_that_leads_nowhere_grows_too_fast_or_does_not_fit() -> None:
    text = locations.catalogue_resource().read_text("utf-8")
    broken = text.replace('next = "atg-split-squat-box"', 'next = "atg-split-squat-ladder"')
    with pytest.raises(ProblemsError, match="'atg-split-squat-ladder' is not a move with a ladder"):
        parse_catalogue(broken)
    steep = text.replace("rungs = [6, 7, 8, 10]", "rungs = [6, 8, 10]")
    with pytest.raises(ProblemsError, match=r"rungs\[2\]: adds 33% to the work of the rung before"):
        parse_catalogue(steep)
    backwards = text.replace("rungs = [6, 7, 8, 10]", "rungs = [6, 7, 7, 8]")
    with pytest.raises(ProblemsError, match="must ask more work than the rung before"):
        parse_catalogue(backwards)
    unfit = text.replace('grow = "hold"\nrungs = [5,', 'grow = "work"\nrungs = [5,')
    with pytest.raises(ProblemsError, match="ladder: grows a field the move's default step"):
        parse_catalogue(unfit)
