"""What a move is: its kind, the muscles it works, what it needs, how to do it.

The same model describes a catalogue move and a person's own ``[[exercise]]``
in a routine file; the catalogue adds a default prescription on top.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from backtimer.domain.parsing.ids import ID_PATTERN

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""A catalogue or routine id: lowercase letters, digits and hyphens."""

Cue = Annotated[str, StringConstraints(min_length=1, max_length=200)]
"""One line of instruction, short enough to read from the mat."""

Caution = Annotated[str, StringConstraints(min_length=1, max_length=300)]
"""Who should leave a move out, in a clause that follows "Skip it if"."""

Kind = Literal["strength", "mobility", "stretch", "massage"]
KINDS: tuple[Kind, ...] = ("strength", "mobility", "stretch", "massage")

Side = Literal["left", "right"]

Sides = Literal["none", "each", "alternate-reps", "alternate-sets"]
SIDES: tuple[Sides, ...] = ("none", "each", "alternate-reps", "alternate-sets")


class Exercise(BaseModel):
    """A move that a routine step can ask for."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    id: Id
    """How routine files refer to the move, like ``cat-cow``."""
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """The name shown on screen."""
    kind: Kind = "strength"
    """strength, mobility, stretch or massage."""
    muscles: list[Annotated[str, StringConstraints(min_length=1, max_length=40)]] = Field(
        default_factory=list, max_length=20
    )
    """The muscles the move works, in everyday words."""
    equipment: list[Annotated[str, StringConstraints(min_length=1, max_length=40)]] = Field(
        default_factory=list, max_length=20
    )
    """What to have at hand; empty when nothing is needed."""
    cues: list[Cue] = Field(default_factory=list, max_length=20)
    """How to do it, one short line at a time."""
    sides: Sides = "none"
    """How the move is done per side when a step does not say."""
    rep_cues: list[Cue] = Field(default_factory=list, max_length=20)
    """Form points shown one a rep (or a set) in turn; when empty, `cues` after the first."""
    hold_cue: Cue | None = None
    """What to do as a hold begins, in a few words ("Hips up, squeeze and hold")."""
    release_cue: Cue | None = None
    """What to do as a hold ends ("Release: hips down")."""
    left_side: Cue | None = None
    """The left side in the move's own words ("left foot forward"); "left side" when empty."""
    right_side: Cue | None = None
    """The right side in the move's own words ("right foot forward"); "right side" when empty."""
    safety: Cue | None = None
    """What keeps the move safe ("Never press on a pulse: move the tool aside."): not one of
    the cues that take turns, but said as each side and each set begins and shown the
    whole time the move is on screen."""
    skip_if: Caution | None = None
    """Who should leave the move out ("you are pregnant, …"): shown before the move starts."""
    figure: Id | None = None
    """The built-in move whose moving figure this move borrows (for a person's own move);
    None: the move's own figure, if it has one."""

    @property
    def per_side(self) -> bool:
        """True when the move is done on the left and the right separately."""
        return self.sides != "none"

    @property
    def form_points(self) -> list[str]:
        """What to think of rep after rep: `rep_cues`, or the cues after the set-up line."""
        if self.rep_cues:
            return list(self.rep_cues)
        return self.cues[1:] or self.cues or [self.name]

    def side_words(self, side: Side) -> str:
        """How to do the move on one side, in its own words: "weight in the left hand"."""
        own = self.left_side if side == "left" else self.right_side
        return own or f"{side} side"

    @property
    def equipment_text(self) -> str:
        """The equipment as one line, what is optional said so: "chair; optional: barbell"."""
        return kit_of([self]).text


OPTIONAL = "(optional)"
"""How an equipment item says it is not needed: ``"weight (optional)"``."""


@dataclass(frozen=True)
class Kit:
    """What some moves need, and what they can use but do without."""

    needed: list[str]
    optional: list[str]

    @property
    def text(self) -> str:
        """One line: "chair or bench, mat; optional: barbell", or "nothing" for none."""
        needed = ", ".join(self.needed) or "nothing"
        return f"{needed}; optional: {', '.join(self.optional)}" if self.optional else needed


def kit_of(moves: Iterable[Exercise]) -> Kit:
    """The equipment of some moves, each item once, sorted; an item one move needs is
    needed, even where another move marks it optional."""
    needed: set[str] = set()
    optional: set[str] = set()
    for move in moves:
        for item in move.equipment:
            bare = item.removesuffix(OPTIONAL).strip()
            (optional if item.strip().endswith(OPTIONAL) else needed).add(bare)
    return Kit(sorted(needed), sorted(optional - needed))
