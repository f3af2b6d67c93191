"""The pain guide: from where it hurts to the muscles likely behind it, and a routine for one.

The guide follows the six culprit muscles. Where a complaint has more than one
likely muscle, it shows each and the person chooses. The routine it builds for a
muscle is short: the muscle's massage first (to loosen it), then its key moves
and up to `MOVES_PER_MUSCLE` moves in all that work it, stretches and mobility
before strength, each at its catalogue prescription.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backtimer.domain.catalogue import Area, Catalogue, CatalogueExercise, Muscle
from backtimer.domain.draft import propose_id
from backtimer.domain.routine import Routine

MOVES_PER_MUSCLE = 2
KIND_ORDER = {"massage": 0, "stretch": 1, "mobility": 2, "strength": 3}
SEE_SOMEONE_FIRST = (
    "Pain that shoots down the leg can come from a trapped or irritated nerve. Have a doctor"
    " or a physiotherapist look at it before you try a routine for it."
)
"""What the guide says first, before any routine, for pain that runs down the leg."""


def muscles_for(area: Area, catalogue: Catalogue) -> list[Muscle]:
    """The muscles likely behind the pain, in the order the guide offers them."""
    return [catalogue.muscles[muscle_id] for muscle_id in area.muscles]


def moves_for(muscle: Muscle, catalogue: Catalogue) -> list[CatalogueExercise]:
    """Every move and massage that works the muscle: massages, its key moves, then the rest."""
    moves = catalogue.moves_for(muscle.id)
    return sorted(
        moves,
        key=lambda move: (
            move.kind != "massage",
            move.id not in muscle.key_moves,
            KIND_ORDER[move.kind],
        ),
    )


def guide_id(area: Area, muscle: Muscle) -> str:
    """The id the guide's routine is saved under: ``guide-tailbone-piriformis``."""
    return f"guide-{area.id}" if len(area.muscles) == 1 else f"guide-{area.id}-{muscle.id}"


def guide_routine(area: Area, muscle: Muscle, catalogue: Catalogue) -> Routine:
    """A short routine for one muscle behind the pain: its massage, then a couple of moves."""
    moves = moves_for(muscle, catalogue)
    massages = [m for m in moves if m.kind == "massage"]
    others = [m for m in moves if m.kind != "massage"][:MOVES_PER_MUSCLE]
    chosen = massages + sorted(others, key=lambda move: KIND_ORDER[move.kind])
    name = f"Guide: {area.label.lower()}"
    if len(area.muscles) > 1:
        name += f" ({muscle.short})"
    return Routine.model_validate(
        {
            "format": 1,
            "name": name[:80],
            "description": f"Built by the pain guide for the {muscle.short}: the massage first,"
            " then moves that work the same muscle.",
            "tags": ["guide", muscle.id],
            "lead_in": 5,
            "rest_between_steps": 10,
            "step": [move.default_step().model_dump(exclude_none=True) for move in chosen],
        }
    )


@dataclass(frozen=True)
class GuideSave:
    """Where the guide's routine goes when the person saves it."""

    routine_id: str
    """The id to save it under (a free one), or the routine that is this one already."""
    routine: Routine
    """What to save: the guide's routine, renamed "... (2)" when its name is taken."""
    already: bool = False
    """A routine with this very content exists (`routine_id`): nothing to save."""
    name_taken_by: str | None = None
    """The id of the routine that has the guide's name, when the routine was renamed."""


def place_guide_routine(
    routine_id: str, routine: Routine, existing: Mapping[str, Routine | None]
) -> GuideSave:
    """Decide how to save the guide's routine among the routines there are.

    Saving it twice saves it once; when another routine (one the person changed,
    say) has its name, it is saved under a name and an id of its own, so two
    routines never look the same in the picker.

    Args:
        routine_id: the id the guide gives it (``guide-low-back-ache``).
        routine: the routine the guide built.
        existing: every routine there is, by id (None for one that does not load).
    """
    same = next((rid for rid, other in existing.items() if other == routine), None)
    if same is not None:
        return GuideSave(same, routine, already=True)
    free = propose_id(routine_id, existing)
    names = {other.name.casefold(): rid for rid, other in existing.items() if other is not None}
    taken_by = names.get(routine.name.casefold())
    if taken_by is None:
        return GuideSave(free, routine)
    number = 2
    while (name := _numbered(routine.name, number)).casefold() in names:
        number += 1
    return GuideSave(free, routine.model_copy(update={"name": name}), name_taken_by=taken_by)


def _numbered(name: str, number: int) -> str:
    """``Name (2)``, kept within the 80 characters a routine's name may have."""
    suffix = f" ({number})"
    return name[: 80 - len(suffix)] + suffix
