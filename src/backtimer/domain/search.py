"""Finding a routine by a few words: what the picker's filter does."""

from __future__ import annotations

from typing import Protocol

from backtimer.domain.routine import Routine
from backtimer.domain.timeline import Timeline


class Findable(Protocol):
    """A routine as the picker lists it (a `RoutineEntry`)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def routine(self) -> Routine | None: ...
    @property
    def timeline(self) -> Timeline: ...


def matches(entry: Findable, query: str) -> bool:
    """True when every word of the query is in the routine's name, id, tags or moves,
    or in the muscles and equipment of its moves (in any case)."""
    haystack: list[str] = [entry.id, entry.name]
    if entry.routine is not None:
        haystack += entry.routine.tags
        for plan in entry.timeline.steps:
            haystack += [plan.exercise.name, *plan.exercise.muscles, *plan.exercise.equipment]
    text = " ".join(haystack).lower()
    return all(word in text for word in query.lower().split())
