"""The rules' advice in words: doses, changes and ladder positions, the same everywhere.

The summary, the history's progress view and ``backtimer progress`` all word
a step's dose and its suggested change with these, so they always agree:
"Suitcase carry: 45 s → 60 s", "ATG split squat: 6 → 8 reps a side".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from backtimer.domain.coaching.pain_reading import PROFESSIONAL
from backtimer.domain.coaching.progression import StepAdvice
from backtimer.domain.routines.describe import duration, step_sides
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.ladder import Ladders, Notch, Position, chain, position, up
from backtimer.domain.routines.routine import Routine, Step

VERDICT_WORDS = {"progress": "up a notch", "hold": "keep", "back-off": "back off"}
"""Each verdict in a word or two."""


def move_name(move_id: str, moves: Mapping[str, Exercise]) -> str:
    move = moves.get(move_id)
    return move.name if move is not None else move_id


def seconds(value: int) -> str:
    """Seconds of work or a hold, as a ladder counts them: "45 s", "90 s", "2 min 30 s"."""
    return f"{value} s" if value < 120 else duration(value)


def _per_side(step: Step, moves: Mapping[str, Exercise]) -> str:
    """ " a side" for a step done on each side in turn; a carry changes hands each set."""
    move = moves.get(step.exercise)
    sides = step_sides(step, move) if move is not None else step.sides
    return " a side" if sides in ("each", "alternate-reps") else ""


def dose_text(step: Step, moves: Mapping[str, Exercise]) -> str:
    """How much a step asks, in the terms its ladder uses: "2 sets of 45 s", "6 reps a side"."""
    sets = f"{step.sets} sets of " if step.sets > 1 else ""
    side = _per_side(step, moves)
    reps = step.rep_count
    if step.kind == "work":
        return f"{sets}{seconds(step.work or 0)}{side}"
    if step.kind == "hold":
        held = seconds(step.hold or 0)
        return f"{sets}{reps} holds of {held}{side}" if reps > 1 else f"{sets}hold {held}{side}"
    return f"{sets}{reps} reps{side}"


def change_text(notch: Notch, moves: Mapping[str, Exercise]) -> str:
    """A change in a few words: "45 s → 55 s", "8 → 9 holds", "2 sets of 90 s → 4 sets of 50 s"."""
    before, after = notch.before, notch.after
    if notch.grow == "exercise":
        return f"{dose_text(before, moves)} → {move_name(after.exercise, moves)}, " + dose_text(
            after, moves
        )
    if notch.grow == "dose":
        return f"{dose_text(before, moves)} → {dose_text(after, moves)}"
    old, new = notch.old, notch.new
    assert isinstance(old, int) and isinstance(new, int)
    if notch.grow == "work":
        return f"{seconds(old)} → {seconds(new)}"
    if notch.grow == "hold":
        return f"hold {seconds(old)} → {seconds(new)}"
    if notch.grow == "sets":
        return f"{old} → {new} sets"
    unit = "holds" if before.kind == "hold" else "reps"
    return f"{old} → {new} {unit}{_per_side(before, moves)}"


def suggestion_line(advice: StepAdvice, moves: Mapping[str, Exercise]) -> str:
    """The step and its change: "Suitcase carry: 45 s → 60 s"; or its dose when it stays."""
    name = move_name(advice.step.exercise, moves)
    if advice.notch is None:
        return f"{name}: keep {dose_text(advice.step, moves)}"
    return f"{name}: {change_text(advice.notch, moves)}"


def ladder_text(
    step: Step, place: Position | None, ladders: Ladders, moves: Mapping[str, Exercise]
) -> str:
    """Where a step stands on its ladder: "rung 2 of 5; next 75 s"."""
    if place is None:
        return "no ladder"
    where = f"rung {place.rung} of {place.rungs}"
    notch = up(step, ladders)
    if notch is None:
        return f"{where}: the top"
    if notch.grow == "exercise":
        return f"{where}; next {move_name(notch.after.exercise, moves)}"
    following = change_text(notch, moves).split(" → ", 1)[1]
    return f"{where}; next {following}"


def advice_json(
    advice: StepAdvice, moves: Mapping[str, Exercise], ladders: Ladders
) -> dict[str, Any]:
    """One step's advice as ``progress --json`` prints it (the keys: docs/reference/commands.md)."""
    notch = advice.notch
    change = None
    if notch is not None:
        several = notch.grow == "dose"
        change = {
            "field": notch.grow,
            "from": dose_text(notch.before, moves) if several else notch.old,
            "to": dose_text(notch.after, moves) if several else notch.new,
            "dose": dose_text(notch.after, moves),
            "text": change_text(notch, moves),
        }
    place = advice.position
    return {
        "step": advice.number,
        "exercise": advice.step.exercise,
        "name": move_name(advice.step.exercise, moves),
        "dose": dose_text(advice.step, moves),
        "verdict": advice.verdict,
        "reasons": list(advice.reasons),
        "see_professional": advice.see_professional,
        "advice": PROFESSIONAL if advice.see_professional else None,
        "change": change,
        "sessions_at_dose": advice.at_dose,
        "dose_since": None if advice.since is None else advice.since.isoformat(),
        "ladder": None
        if place is None
        else {
            "rung": place.rung,
            "rungs": place.rungs,
            "text": ladder_text(advice.step, place, ladders, moves),
        },
    }


def move_standing(
    move: str,
    routine_name: str,
    routine: Routine | None,
    ladders: Ladders,
    moves: Mapping[str, Exercise],
) -> str:
    """Where a move stands on its ladder in the routine it was last done in:
    "In Back durability (mine): 2 sets of 60 s; rung 2 of 5; next 75 s"."""
    if routine is None:
        return f"Last done in {routine_name}, which is not there any more"
    family = chain(move, ladders)[0]
    step = next((s for s in routine.step if chain(s.exercise, ladders)[0] == family), None)
    if step is None:
        return f"No longer in {routine_name}"
    now = "" if step.exercise == move else f"now {move_name(step.exercise, moves)}, "
    where = ladder_text(step, position(step, ladders), ladders, moves)
    return f"In {routine_name}: {now}{dose_text(step, moves)}; {where}"
