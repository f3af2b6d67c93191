"""Each step's dose over a period: the ladder steps taken, up and down, and why.

Sessions record each step's planned sets, reps and seconds of work
(`step_history.recorded_dose`); a step is followed from session to session as the
rules follow it (`step_history.StepKeys`: its move family and its place among the
steps of that family, a built-in's sessions counting for the person's copy). Where
the recorded dose differs from the one before, the dose changed: up or down as the
rules rank doses (`step_history.dose_rank`).

**Why**, where it can be worked out: the step as it was is found on its ladder (the
rung whose dose a session records as it was recorded), the routine is put back as
it was before the change, and the progression rules are asked about it as they
stood just before the first session at the new dose, from the period's sessions
alone. When they suggested that very change, their reasons are the why; when they
did not (a change made in the builder, or one whose reasons lie before the period),
the report says so, and what they said then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta, tzinfo
from typing import Literal

from backtimer.domain.coaching.progression import StepAdvice, advise, own_sessions_of
from backtimer.domain.coaching.step_history import (
    Dose,
    StepKey,
    StepKeys,
    dose_rank,
    doses,
    recorded_dose,
)
from backtimer.domain.coaching.suggestion import dose_text, move_name
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.ladder import Ladders, Position, at_rung, chain, fits, position
from backtimer.domain.routines.routine import Routine, Step

Direction = Literal["up", "down", "changed"]
_DIRECTION_OF_VERDICT = {"progress": "up", "back-off": "down"}


@dataclass(frozen=True)
class DoseChange:
    """One step's dose changed between two of its sessions in the period."""

    day: date
    """The local day of the first session at the new dose."""
    routine: str
    """The routine's name, as that session recorded it."""
    move_before: str
    move_after: str
    """The moves' names (a harder version of a move is a change of move)."""
    before: str
    after: str
    """Each dose in words: "2 sets of 45 s"."""
    direction: Direction
    rung_before: Position | None = None
    rung_after: Position | None = None
    why: tuple[str, ...] = ()
    """The rules' reasons, when they could be worked out."""
    suggested: bool | None = None
    """The rules suggested this change just before it; None: it could not be worked out."""
    verdict: str | None = None
    """What the rules said then ("progress", "hold", "back-off"), when it could be worked out."""


def recorded_text(dose: Dose) -> str:
    """A dose as a session records it, for a step not found on its ladder:
    "2 sets, 90 s of work in all"."""
    _, sets, reps, seconds = dose
    parts = [f"{sets} sets"] if sets > 1 else []
    if reps:
        parts.append(f"{reps} reps in all")
    if seconds:
        parts.append(f"{seconds} s of work in all")
    return ", ".join(parts) or "as planned"


class _Steps:
    """Steps found on their ladders by the dose a session records, worked out once."""

    def __init__(self, moves: Mapping[str, Exercise], ladders: Ladders) -> None:
        self.moves = moves
        self.ladders = ladders
        self.known: dict[tuple[str, Dose], Step | None] = {}

    def at(self, template: Step, dose: Dose, routine: Routine) -> Step | None:
        """The step like ``template`` (the routine's step today) that records ``dose``."""
        known = (template.model_dump_json(), dose)
        if known in self.known:
            return self.known[known]
        candidates = [template]
        for move in chain(template.exercise, self.ladders):
            ladder = self.ladders.get(move)
            if ladder is None:
                continue
            for rung in range(len(ladder.rungs)):
                step = at_rung(template, ladder, rung, move)
                if fits(ladder, step):
                    candidates.append(step)
        own = {**self.moves, **routine.own_exercises()}
        candidates = [step for step in candidates if step.exercise in own]
        planned = doses(routine.model_copy(update={"step": candidates}), own)
        result = next((s for s, d in zip(candidates, planned, strict=True) if d == dose), None)
        self.known[known] = result
        return result


@dataclass(frozen=True)
class _Seen:
    index: int
    """The session's place in the period's sessions."""
    dose: Dose


def dose_changes(
    sessions: Sequence[SessionDigest],
    routines: Mapping[str, Routine],
    copies: Mapping[str, str],
    *,
    zone: tzinfo,
    moves: Mapping[str, Exercise],
    ladders: Ladders,
) -> list[DoseChange]:
    """Every dose change of the period, oldest first.

    Args:
        sessions: the period's sessions, oldest first (and nothing else: the reasons are
            worked out from these alone).
        routines: the routines there are today, by id (to find each step on its ladder).
        copies: each built-in routine and the person's copy of it (`ProgrammeState.copies`).
    """
    keys_of = StepKeys(ladders)
    steps = _Steps(moves, ladders)
    last: dict[tuple[str, StepKey], _Seen] = {}
    changes = []
    for index, session in enumerate(sessions):
        group = copies.get(session.routine, session.routine)
        session_keys = keys_of(tuple(record.exercise for record in session.steps))
        for key, record in zip(session_keys, session.steps, strict=True):
            if record.outcome not in ("done", "partly") or not record.planned_sets:
                continue  # nothing done of it, or a session from before plans were kept
            dose = recorded_dose(record)
            seen = last.get((group, key))
            last[(group, key)] = _Seen(index, dose)
            if seen is None or seen.dose == dose:
                continue
            change = _Change(sessions, index, seen, dose, key, group, zone, keys_of, steps)
            changes.append(change.worked_out(routines, copies))
    return changes


@dataclass
class _Change:
    sessions: Sequence[SessionDigest]
    index: int
    seen: _Seen
    dose: Dose
    key: StepKey
    group: str
    zone: tzinfo
    keys_of: StepKeys
    steps: _Steps

    def worked_out(self, routines: Mapping[str, Routine], copies: Mapping[str, str]) -> DoseChange:
        session = self.sessions[self.index]
        moves, ladders = self.steps.moves, self.steps.ladders
        before, after = self.seen.dose, self.dose
        rank_before, rank_after = dose_rank(before, ladders), dose_rank(after, ladders)
        direction: Direction = "changed"
        if rank_after != rank_before:
            direction = "up" if rank_after > rank_before else "down"
        routine = routines.get(session.routine) or routines.get(self.group)
        number = self._number(routine) if routine is not None else None
        step_before = step_after = None
        if routine is not None and number is not None:
            template = routine.step[number - 1]
            step_before = self.steps.at(template, before, routine)
            step_after = self.steps.at(template, after, routine)
        change = DoseChange(
            day=session.started_at.astimezone(self.zone).date(),
            routine=session.routine_name,
            move_before=move_name(before[0], moves),
            move_after=move_name(after[0], moves),
            before=dose_text(step_before, moves) if step_before else recorded_text(before),
            after=dose_text(step_after, moves) if step_after else recorded_text(after),
            direction=direction,
            rung_before=position(step_before, ladders) if step_before else None,
            rung_after=position(step_after, ladders) if step_after else None,
        )
        if routine is None or number is None or step_before is None:
            return change
        advice = self._advice(routine, number, step_before, copies)
        suggested = _DIRECTION_OF_VERDICT.get(advice.verdict) == direction and (
            advice.notch is None or advice.notch.after == step_after
        )
        return replace(change, why=advice.reasons, suggested=suggested, verdict=advice.verdict)

    def _number(self, routine: Routine) -> int | None:
        """The place (from 1) of the changed step in the routine as it is today."""
        routine_keys = self.keys_of(tuple(step.exercise for step in routine.step))
        return next((n for n, key in enumerate(routine_keys, 1) if key == self.key), None)

    def _advice(
        self, routine: Routine, number: int, step: Step, copies: Mapping[str, str]
    ) -> StepAdvice:
        """What the rules said of the step at its old dose just before the change."""
        earlier = self.sessions[self.seen.index]
        then = list(routine.step)
        then[number - 1] = step
        routine_keys = self.keys_of(tuple(s.exercise for s in routine.step))
        earlier_keys = self.keys_of(tuple(record.exercise for record in earlier.steps))
        recorded = dict(zip(earlier_keys, earlier.steps, strict=True))
        for place, key in enumerate(routine_keys):
            record = recorded.get(key)
            if place != number - 1 and record is not None and record.planned_sets:
                found = self.steps.at(routine.step[place], recorded_dose(record), routine)
                then[place] = found or then[place]
        session = self.sessions[self.index]
        advice = advise(
            routine.model_copy(update={"step": then}),
            self.sessions[: self.index],
            routine_ids=own_sessions_of(self.group, copies),
            now=session.started_at - timedelta(seconds=1),
            zone=self.zone,
            moves={**self.steps.moves, **routine.own_exercises()},
            ladders=self.steps.ladders,
        )
        return advice[number - 1]
