"""Ladders: how a move's dose grows a notch at a time, and comes down again.

Each catalogue move that can grow has a ladder (``[exercise.ladder]`` in
``catalogue.toml``): the step fields it grows (``grow``: ``work``, ``hold``,
``reps``, ``sets``, one or more) and its rungs, the values of those fields
from the entry dose up to the top, and, where a harder version of the move
exists, the move that comes ``next``. A notch up is the next rung; at the top,
the next move at its first rung. A notch down is the rung before; at the first
rung of a harder version, the move before it at its top. No notch goes below
the first rung of the first move of the chain.

The rungs are written out rather than worked out from a step size, for two
reasons. A notch down is then the exact reverse of a notch up on every rung
(a step size clipped at the top is not: 85 + 10 → 90, 90 − 10 → 80). And the
steps can stay small all the way: exercise therapy grows the work by roughly
10 to 25 % at a time, so every rung asks at most `MOST_A_NOTCH_ADDS` more work
than the one before it (the work of a rung is the product of its values: 2
sets of 45 s is 90 s), which the catalogue checks. A change of move (to the
harder version) starts it at its first rung, fewer reps than the easier one's
top: the harder version is the growth there.

A step whose values sit between two rungs (one the person set in the builder)
stands on the rung below; its notch up is the rung above, its notch down the
rung below that. Everything here is pure: steps in, steps out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from math import prod
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backtimer.domain.routines.exercise import Id
from backtimer.domain.routines.routine import Step

Grow = Literal["work", "hold", "reps", "sets"]
"""A step field a ladder grows."""
Change = Grow | Literal["exercise", "dose"]
"""What a notch changes: one field, the move itself, or several fields at once (``dose``)."""

MOST_A_NOTCH_ADDS = 0.25
"""The most work a rung may add to the one before it: a quarter."""
LIMITS: dict[Grow, int] = {"work": 3600, "hold": 3600, "reps": 500, "sets": 50}
"""The largest value of each field, as the routine format allows it."""

Rung = tuple[int, ...]


class Ladder(BaseModel):
    """How a move's dose grows: the fields it grows, their values rung by rung, then the
    harder move that follows."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    grow: list[Grow] = Field(min_length=1, max_length=4)
    """The fields the rungs give values to, in the order of each rung's values. In the file:
    one name (``grow = "reps"``) or a list (``grow = ["sets", "work"]``)."""
    rungs: list[list[int]] = Field(min_length=1, max_length=60)
    """The values of ``grow`` on each rung, the entry dose first. In the file: a number a rung
    for one field (``rungs = [6, 7, 8]``), a list a rung for several (``[[2, 45], [2, 55]]``)."""
    next: Id | None = None
    """The harder version of the move, taken up at the top."""

    @model_validator(mode="before")
    @classmethod
    def _lists(cls, data: Any) -> Any:
        """One field may be named alone and its rungs given as plain numbers."""
        if isinstance(data, dict):
            data = dict(data)
            if isinstance(data.get("grow"), str):
                data["grow"] = [data["grow"]]
            rungs = data.get("rungs")
            if isinstance(rungs, list):
                data["rungs"] = [[r] if isinstance(r, int) else r for r in rungs]
        return data

    @model_validator(mode="after")
    def _rungs_in_small_steps(self) -> Ladder:
        if len(set(self.grow)) != len(self.grow):
            raise ValueError("grow: each field once")
        for number, rung in enumerate(self.rungs, start=1):
            if len(rung) != len(self.grow):
                raise ValueError(f"rungs[{number}]: {len(self.grow)} values, one for each of grow")
            for field, found in zip(self.grow, rung, strict=True):
                if not 1 <= found <= LIMITS[field]:
                    raise ValueError(f"rungs[{number}]: {field} must be 1 to {LIMITS[field]}")
        for number, (lower, higher) in enumerate(pairwise(self.rungs), start=2):
            added = prod(higher) / prod(lower) - 1
            if added <= 0:
                raise ValueError(f"rungs[{number}]: must ask more work than the rung before")
            if added > MOST_A_NOTCH_ADDS + 1e-9:
                raise ValueError(
                    f"rungs[{number}]: adds {added:.0%} to the work of the rung before;"
                    f" a notch adds at most {MOST_A_NOTCH_ADDS:.0%}"
                )
        return self

    @property
    def top(self) -> int:
        """The index of the last rung."""
        return len(self.rungs) - 1


Ladders = Mapping[str, Ladder]
"""Every move's ladder, by the move's id."""


def value(step: Step, grow: Grow) -> int | None:
    """The step's value of a field a ladder grows; None when its kind has no such field."""
    if grow == "work":
        return step.work
    if grow == "hold":
        return step.hold
    if grow == "reps":
        return None if step.kind == "work" else step.rep_count
    return step.sets


def fits(ladder: Ladder, step: Step) -> bool:
    """Whether every field the ladder grows is one the step has (a carry timed, not held)."""
    return all(value(step, field) is not None for field in ladder.grow)


def _values(ladder: Ladder, step: Step) -> Rung:
    return tuple(value(step, field) or 0 for field in ladder.grow)


def at_rung(step: Step, ladder: Ladder, index: int, move: str | None = None) -> Step:
    """The step with the values of the ladder's rung ``index`` (and the move ``move``)."""
    update: dict[str, Any] = dict(zip(ladder.grow, ladder.rungs[index], strict=True))
    if move is not None:
        update["exercise"] = move
    return step.model_copy(update=update)


def rung_of(ladder: Ladder, step: Step) -> int:
    """The rung the step stands on: the last whose work is no more than the step's (-1 below
    the first rung)."""
    work = prod(_values(ladder, step))
    return max((i for i, rung in enumerate(ladder.rungs) if prod(rung) <= work), default=-1)


@dataclass(frozen=True)
class Notch:
    """A step one notch up or down its ladder."""

    before: Step
    after: Step
    grow: Change
    """What changed: one field, several (``dose``), or the move itself."""
    fields: tuple[Grow, ...] = ()
    """The fields of the step the ladder grows."""

    @property
    def old(self) -> int | str | tuple[int, ...]:
        return self._of(self.before)

    @property
    def new(self) -> int | str | tuple[int, ...]:
        return self._of(self.after)

    def _of(self, step: Step) -> int | str | tuple[int, ...]:
        if self.grow == "exercise":
            return step.exercise
        if self.grow == "dose":
            return tuple(value(step, field) or 0 for field in self.fields)
        found = value(step, self.grow)
        assert found is not None
        return found


def _notch(before: Step, after: Step, ladder: Ladder) -> Notch:
    fields = tuple(ladder.grow)
    if after.exercise != before.exercise:
        return Notch(before, after, "exercise", fields)
    changed = [f for f in ladder.grow if value(before, f) != value(after, f)]
    return Notch(before, after, changed[0] if len(changed) == 1 else "dose", fields)


def previous_move(move: str, ladders: Ladders) -> str | None:
    """The move whose ladder leads on to ``move`` (the easier version), if any."""
    return next((other for other, ladder in ladders.items() if ladder.next == move), None)


def chain(move: str, ladders: Ladders) -> list[str]:
    """The moves of the ladder ``move`` is on, easiest first (a move without one: itself)."""
    first = move
    seen = {move}
    while (before := previous_move(first, ladders)) is not None and before not in seen:
        first = before
        seen.add(first)
    moves = [first]
    while (ladder := ladders.get(moves[-1])) is not None and ladder.next is not None:
        if ladder.next in moves:
            break
        moves.append(ladder.next)
    return moves


def up(step: Step, ladders: Ladders) -> Notch | None:
    """The step a notch up its ladder; None at the very top or without a ladder that fits."""
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return None
    work = prod(_values(ladder, step))
    above = next((i for i, rung in enumerate(ladder.rungs) if prod(rung) > work), None)
    if above is not None:
        return _notch(step, at_rung(step, ladder, above), ladder)
    harder = ladders.get(ladder.next) if ladder.next is not None else None
    if harder is None or ladder.next is None:
        return None
    after = at_rung(step, harder, 0, ladder.next)
    return _notch(step, after, harder) if fits(harder, after) else None


def down(step: Step, ladders: Ladders) -> Notch | None:
    """The step a notch down its ladder; None at the entry dose or without a ladder that fits."""
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return None
    work = prod(_values(ladder, step))
    below = max((i for i, rung in enumerate(ladder.rungs) if prod(rung) < work), default=None)
    if below is not None:
        return _notch(step, at_rung(step, ladder, below), ladder)
    easier_move = previous_move(step.exercise, ladders)
    if easier_move is None:
        return None
    easier = ladders[easier_move]
    after = at_rung(step, easier, easier.top, easier_move)
    return _notch(step, after, easier) if fits(easier, after) else None


@dataclass(frozen=True)
class Position:
    """Where a step stands on its move's ladder: rung 1 is the entry dose."""

    rung: int
    rungs: int

    @property
    def top(self) -> bool:
        return self.rung >= self.rungs


def position(step: Step, ladders: Ladders) -> Position | None:
    """The step's rung on its ladder, counted over every move of the chain (a step between
    two rungs stands on the lower one, a step below the first on the first)."""
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return None
    below = 0
    rungs = 0
    for move in chain(step.exercise, ladders):
        if move == step.exercise:
            below = rungs + max(rung_of(ladder, step), 0)
        rungs += len(ladders[move].rungs)
    return Position(below + 1, rungs)
