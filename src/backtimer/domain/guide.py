"""The pain guide: from where it hurts to the muscle likely behind it, and a routine for it.

The guide follows the source article's six culprit muscles. The routine it
builds is short: the massage for each muscle first (to loosen it), then up to
two moves that work it, stretches and mobility before strength, each at its
catalogue prescription.
"""

from __future__ import annotations

from backtimer.domain.catalogue import Area, Catalogue, CatalogueExercise, Muscle
from backtimer.domain.routine import Routine

MOVES_PER_MUSCLE = 2
KIND_ORDER = {"massage": 0, "stretch": 1, "mobility": 2, "strength": 3}


def muscles_for(area: Area, catalogue: Catalogue) -> list[Muscle]:
    return [catalogue.muscles[muscle_id] for muscle_id in area.muscles]


def moves_for(area: Area, catalogue: Catalogue) -> list[CatalogueExercise]:
    """Every move and massage that works the area's muscles, massages first."""
    moves: dict[str, CatalogueExercise] = {}
    for muscle_id in area.muscles:
        for move in catalogue.moves_for(muscle_id):
            moves.setdefault(move.id, move)
    return sorted(moves.values(), key=lambda move: KIND_ORDER[move.kind])


def guide_routine(area: Area, catalogue: Catalogue) -> Routine:
    """A short routine for the area: each muscle's massage, then a couple of moves."""
    chosen: list[CatalogueExercise] = []
    for muscle_id in area.muscles:
        moves = sorted(catalogue.moves_for(muscle_id), key=lambda move: KIND_ORDER[move.kind])
        massages = [m for m in moves if m.kind == "massage"]
        others = [m for m in moves if m.kind != "massage"][:MOVES_PER_MUSCLE]
        chosen += [m for m in massages + others if m not in chosen]
    names = ", ".join(m.short for m in muscles_for(area, catalogue))
    return Routine.model_validate(
        {
            "format": 1,
            "name": f"Guide: {area.label.lower()}"[:80],
            "description": f"Built by the pain guide for {names}: the massage first,"
            " then moves that work the same muscle.",
            "tags": ["guide", *area.muscles],
            "lead_in": 5,
            "rest_between_steps": 10,
            "step": [move.default_step().model_dump(exclude_none=True) for move in chosen],
        }
    )
