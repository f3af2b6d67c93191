"""Finding a routine by a few words: what the picker's filter does, and in what order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from backtimer.domain.routines.routine import Routine
from backtimer.domain.routines.timeline import Timeline


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


F = TypeVar("F", bound=Findable)


def _fields(entry: Findable) -> list[tuple[int, str]]:
    """The routine's words, each with how much a word found there counts: its name
    most, then its tags, its description, and last its moves (their names, muscles,
    equipment and the places they work: "front of the left hip")."""
    fields = [(4, f"{entry.id} {entry.name}")]
    if entry.routine is not None:
        fields += [(3, " ".join(entry.routine.tags)), (2, entry.routine.description)]
        for plan in entry.timeline.steps:
            move = plan.exercise
            places = [move.side_words("left"), move.side_words("right")] if move.per_side else []
            fields.append((1, " ".join([move.name, *move.muscles, *move.equipment, *places])))
    return [(weight, text.lower()) for weight, text in fields]


def _forms(word: str) -> tuple[str, ...]:
    """A word as typed, and without a plural s ("hips" finds "hip flexors")."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return (word, word[:-1])
    return (word,)


def score(entry: Findable, query: str) -> int | None:
    """How well the routine answers the query (higher is better), or None when a word
    of it is found nowhere. Every word must be found: typing more narrows the list."""
    fields = _fields(entry)
    total = 0
    for word in query.lower().split():
        weights = [w for w, text in fields if any(form in text for form in _forms(word))]
        if not weights:
            return None
        total += max(weights)
    return total


def matches(entry: Findable, query: str) -> bool:
    """True when every word of the query is in the routine's name, id, tags,
    description or moves, or in the muscles, equipment and places of its moves
    (in any case)."""
    return score(entry, query) is not None


def ranked(entries: Sequence[F], query: str) -> list[F]:
    """The routines that match, best first; equals keep their order."""
    scored = [
        (s, index) for index, entry in enumerate(entries) if (s := score(entry, query)) is not None
    ]
    return [entries[index] for _, index in sorted(scored, key=lambda pair: (-pair[0], pair[1]))]
