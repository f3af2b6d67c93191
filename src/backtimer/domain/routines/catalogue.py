"""The catalogue: the article's moves, one massage per culprit muscle, and the muscles.

The data lives in ``catalogue.toml`` beside this module; the storage layer
reads it and `parse_catalogue` checks it, so a mistake in it fails loudly.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from backtimer.domain.parsing.problems import Problem, ProblemsError, from_validation_error
from backtimer.domain.routines.exercise import Exercise, Id
from backtimer.domain.routines.ladder import Ladder, fits
from backtimer.domain.routines.routine import Step


class Muscle(BaseModel):
    """A muscle that often lies behind lower-back pain."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    id: Id
    """Short id, like ``ql``."""
    name: str
    """The anatomical name."""
    short: str
    """The name people use, like "QL"."""
    where: str
    """Where it sits, in plain words."""
    complaint: str
    """The pain it typically causes."""
    key_moves: list[Id] = Field(default_factory=list)
    """Moves tied to this muscle above all others: a routine for it always has them."""


class Area(BaseModel):
    """Where it hurts, in the words a person would use, and the muscles often involved."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    id: Id
    label: str
    """The answer to "where does it hurt?"."""
    muscles: list[Id]
    """Ids of the culprit muscles often involved in this pain; the person picks one."""
    see_first: bool = False
    """Pain like this is for a professional to look at before any routine."""
    moves: list[Id] = Field(default_factory=list)
    """When given, the guide's routine for this pain is these moves alone, and no massage:
    for pain that may come from a nerve, gentle movement and no pressure over it."""


class CatalogueExercise(Exercise):
    """A catalogue move: an `Exercise` with what it is for and a default prescription."""

    about: str = ""
    """One sentence on what the move does."""
    prescription: str = ""
    """The usual dose, in words ("20 reps each leg")."""
    targets: list[Id] = Field(default_factory=list)
    """Ids of the culprit muscles the move works."""
    default: dict[str, Any] = Field(default_factory=dict)
    """Step fields for a step that follows the prescription (without ``exercise``)."""
    ladder: Ladder | None = None
    """How the dose grows, a notch at a time (`backtimer.domain.routines.ladder`); None:
    it stays."""

    @model_validator(mode="after")
    def _default_is_a_step(self) -> CatalogueExercise:
        step = self.default_step()
        if self.ladder is not None and not fits(self.ladder, step):
            raise ValueError("ladder: grows a field the move's default step does not have")
        return self

    def default_step(self) -> Step:
        """A routine step that follows this move's prescription."""
        return Step.model_validate({"exercise": self.id, **self.default})


class _CatalogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    muscle: list[Muscle]
    area: list[Area]
    exercise: list[CatalogueExercise]


@dataclass(frozen=True)
class Catalogue:
    """Every move and culprit muscle the app knows, by id."""

    exercises: dict[str, CatalogueExercise]
    muscles: dict[str, Muscle]
    areas: dict[str, Area]

    @property
    def ladders(self) -> dict[str, Ladder]:
        """Every move's ladder, by the move's id (moves that stay as they are have none)."""
        return {move.id: move.ladder for move in self.exercises.values() if move.ladder}

    def moves_for(self, muscle_id: str) -> list[CatalogueExercise]:
        """The moves and massages that work a culprit muscle, massages last."""
        moves = [e for e in self.exercises.values() if muscle_id in e.targets]
        return sorted(moves, key=lambda e: e.kind == "massage")


def parse_catalogue(text: str, source: str = "catalogue.toml") -> Catalogue:
    """Check the catalogue's data and index it by id.

    Raises:
        ProblemsError: when the data is malformed or refers to unknown muscles.
    """
    try:
        data = _CatalogueFile.model_validate(tomllib.loads(text))
    except ValidationError as exc:
        raise ProblemsError(source, from_validation_error(exc)) from None
    muscles = {m.id: m for m in data.muscle}
    exercises = {e.id: e for e in data.exercise}
    problems = [
        Problem(f"exercise[{index}].targets", f"unknown muscle '{target}'")
        for index, exercise in enumerate(data.exercise, start=1)
        for target in exercise.targets
        if target not in muscles
    ]
    problems += [
        Problem(f"area[{index}].muscles", f"unknown muscle '{muscle}'")
        for index, area in enumerate(data.area, start=1)
        for muscle in area.muscles
        if muscle not in muscles
    ]
    problems += [
        Problem(f"area[{index}].moves", f"unknown move '{move}'")
        for index, area in enumerate(data.area, start=1)
        for move in area.moves
        if move not in exercises
    ]
    problems += [
        Problem(f"muscle[{index}].key_moves", f"'{move}' is not a move that works {muscle.id}")
        for index, muscle in enumerate(data.muscle, start=1)
        for move in muscle.key_moves
        if move not in exercises or muscle.id not in exercises[move].targets
    ]
    problems += [
        Problem(
            f"exercise[{index}].ladder.next", f"'{move.ladder.next}' is not a move with a ladder"
        )
        for index, move in enumerate(data.exercise, start=1)
        if move.ladder is not None
        and move.ladder.next is not None
        and (move.ladder.next not in exercises or exercises[move.ladder.next].ladder is None)
    ]
    if len(exercises) != len(data.exercise) or len(muscles) != len(data.muscle):
        problems.append(Problem("", "an id is used twice"))
    if problems:
        raise ProblemsError(source, problems)
    return Catalogue(exercises=exercises, muscles=muscles, areas={a.id: a for a in data.area})
