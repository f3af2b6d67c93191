"""The pain guide: from where it hurts to the muscles often involved, and a routine for one.

The guide follows the six culprit muscles: muscles often involved in lower-back
pain, not a diagnosis. Where a complaint has more than one, it shows each and the
person chooses. The routine it builds for a muscle is short and starts gently:
the muscle's massage first (to loosen it), then its key moves and up to
`MOVES_PER_MUSCLE` moves in all that work it, stretches and mobility before
strength, each at its catalogue prescription. A strength move that is not a key
move comes in only when nothing gentler works the muscle (so the groin gets a
pelvic tilt, not a deep split squat). Pain that may come from a nerve (an area
with ``moves``, like pain shooting down the thigh) gets those gentle moves alone:
no massage, no firm pressure over the nerve.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backtimer.domain.routines.catalogue import Area, Catalogue, CatalogueExercise, Muscle
from backtimer.domain.routines.draft import propose_id
from backtimer.domain.routines.routine import Routine

MOVES_PER_MUSCLE = 2
KIND_ORDER = {"massage": 0, "stretch": 1, "mobility": 2, "strength": 3}
GENTLE_KINDS = frozenset({"stretch", "mobility"})
SEE_SOMEONE_FIRST = (
    "Pain that shoots down the leg can come from a trapped or irritated nerve. Have a doctor"
    " or a physiotherapist look at it before you try a routine for it."
)
"""What the guide says first, before any routine, for pain that runs down the leg."""


def muscles_for(area: Area, catalogue: Catalogue) -> list[Muscle]:
    """The muscles often involved in the pain, in the order the guide offers them."""
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


def gentle_first(muscle: Muscle, moves: list[CatalogueExercise]) -> list[CatalogueExercise]:
    """The moves besides the massage for a first routine: key moves, then stretches and
    mobility; strength only when it is a key move or nothing gentler works the muscle."""
    others = [m for m in moves if m.kind != "massage"]
    gentler = any(m.kind in GENTLE_KINDS for m in others)
    allowed = [
        m for m in others if m.id in muscle.key_moves or m.kind in GENTLE_KINDS or not gentler
    ]
    return sorted(allowed[:MOVES_PER_MUSCLE], key=lambda move: KIND_ORDER[move.kind])


def guide_routine(area: Area, muscle: Muscle, catalogue: Catalogue) -> Routine:
    """A short routine for one muscle behind the pain: its massage, then a couple of moves;
    for pain that may come from a nerve, the area's gentle moves alone."""
    if area.moves:
        chosen = [catalogue.exercises[move_id] for move_id in area.moves]
        about = (
            f"Built by the pain guide for {area.label.lower()}: gentle movement only, no"
            " massage or firm pressure, while you wait to have it looked at."
        )
    else:
        moves = moves_for(muscle, catalogue)
        chosen = [m for m in moves if m.kind == "massage"] + gentle_first(muscle, moves)
        about = (
            f"Built by the pain guide for the {muscle.short}: the massage first,"
            " then gentle moves that work the same muscle."
        )
    name = f"Guide: {area.label.lower()}"
    if len(area.muscles) > 1:
        name += f" ({muscle.short})"
    return Routine.model_validate(
        {
            "format": 1,
            "name": name[:80],
            "description": about,
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
