"""Ladders: how a move's dose grows a notch at a time, and comes down again.

Each catalogue move that can grow has a ladder (``[exercise.ladder]`` in
``catalogue.toml``): one or more stages, each growing one field of a step
(``work``, ``hold``, ``reps`` or ``sets``) by a fixed amount from an entry
value up to a top, and, where a harder version of the move exists, the move
that comes ``next``. Going up grows the first stage that is below its top
(so the seconds of a carry grow before its sets); at the top of every stage
the step becomes the next move, at that move's entry dose. Going down is the
reverse: the last stage above its entry comes down, and at the entry dose of
a harder version the step goes back to the move before it, at its top. No
notch goes below the entry dose of the first move of the chain.

Everything here is pure: steps in, steps out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import ceil
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backtimer.domain.exercise import Id
from backtimer.domain.routine import Step

Grow = Literal["work", "hold", "reps", "sets"]
"""The step field a stage of a ladder grows."""


class Stage(BaseModel):
    """One field of a step, grown by ``by`` from ``from`` (the entry dose) up to ``to``."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    grow: Grow
    """The field that grows: work or hold seconds, reps (per side), or sets."""
    by: int = Field(ge=1, le=60)
    """How much a notch adds."""
    low: int = Field(alias="from", ge=1, le=3600)
    """The entry dose: a notch down never goes below it."""
    high: int = Field(alias="to", ge=1, le=3600)
    """The top."""

    @model_validator(mode="after")
    def _in_order(self) -> Stage:
        if self.low > self.high:
            raise ValueError(f"from ({self.low}) must not be above to ({self.high})")
        return self

    @property
    def notches(self) -> int:
        """Notches from the entry dose to the top."""
        return ceil((self.high - self.low) / self.by)


class Ladder(BaseModel):
    """How a move's dose grows: its stages in order, then the harder move that follows."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    stages: list[Stage] = Field(min_length=1, max_length=4)
    """Grown one after the other: the first until its top, then the next."""
    next: Id | None = None
    """The harder version of the move, taken up at the top of every stage."""

    @model_validator(mode="after")
    def _each_field_once(self) -> Ladder:
        grown = [stage.grow for stage in self.stages]
        if len(set(grown)) != len(grown):
            raise ValueError("each field may grow in one stage only")
        return self


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
    return all(value(step, stage.grow) is not None for stage in ladder.stages)


def _set(step: Step, changes: Mapping[str, int]) -> Step:
    return step.model_copy(update=dict(changes))


@dataclass(frozen=True)
class Notch:
    """A step one notch up or down its ladder."""

    before: Step
    after: Step
    grow: Grow | Literal["exercise"]
    """What changed: one field, or the move itself (a harder or easier version)."""

    @property
    def old(self) -> int | str:
        return self._of(self.before)

    @property
    def new(self) -> int | str:
        return self._of(self.after)

    def _of(self, step: Step) -> int | str:
        if self.grow == "exercise":
            return step.exercise
        found = value(step, self.grow)
        assert found is not None
        return found


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
    for stage in ladder.stages:
        now = value(step, stage.grow)
        assert now is not None
        if now < stage.high:
            grown = _set(step, {stage.grow: min(now + stage.by, stage.high)})
            return Notch(step, grown, stage.grow)
    harder = ladders.get(ladder.next) if ladder.next is not None else None
    if harder is None or ladder.next is None:
        return None
    entry: dict[str, int] = {stage.grow: stage.low for stage in harder.stages}
    after = _set(step, entry).model_copy(update={"exercise": ladder.next})
    return Notch(step, after, "exercise") if fits(harder, after) else None


def down(step: Step, ladders: Ladders) -> Notch | None:
    """The step a notch down its ladder; None at the entry dose or without a ladder that fits."""
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return None
    for stage in reversed(ladder.stages):
        now = value(step, stage.grow)
        assert now is not None
        if now > stage.low:
            eased = _set(step, {stage.grow: max(now - stage.by, stage.low)})
            return Notch(step, eased, stage.grow)
    easier_move = previous_move(step.exercise, ladders)
    if easier_move is None:
        return None
    easier = ladders[easier_move]
    top: dict[str, int] = {stage.grow: stage.high for stage in easier.stages}
    after = _set(step, top).model_copy(update={"exercise": easier_move})
    return Notch(step, after, "exercise") if fits(easier, after) else None


@dataclass(frozen=True)
class Position:
    """Where a step stands on its move's ladder: rung 1 is the entry dose."""

    rung: int
    rungs: int

    @property
    def top(self) -> bool:
        return self.rung >= self.rungs


def position(step: Step, ladders: Ladders) -> Position | None:
    """The step's rung on its ladder (a value between two notches counts as the lower one)."""
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return None
    moves = chain(step.exercise, ladders)
    below = 0
    rungs = 0
    for move in moves:
        stages = ladders[move].stages
        if move == step.exercise:
            below = rungs
            for stage in stages:
                now = value(step, stage.grow) or stage.low
                if now >= stage.high:
                    below += stage.notches
                elif now > stage.low:
                    below += (now - stage.low) // stage.by
        rungs += sum(stage.notches for stage in stages) + 1
    return Position(below + 1, rungs)
