"""A routine being built: the text in each field of the builder, checked as a whole.

The builder keeps what the person types as text, so a slip like "1o" stays on
screen to be fixed. `check` turns the text into the tables a routine file
would hold and checks them with `validate_routine`, so every message is word
for word the one `backtimer validate` gives for the same file; each problem's
place (``step[2].hold``) names the field it belongs to (`field_for`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from pydantic import ValidationError

from backtimer.domain.parsing.ids import ID_PATTERN, id_rule_problem
from backtimer.domain.parsing.problems import Problem, ProblemsError, from_validation_error
from backtimer.domain.routines.catalogue import CatalogueExercise
from backtimer.domain.routines.exercise import Exercise, Kind, Sides
from backtimer.domain.routines.routine import (
    RELEASE_SECONDS,
    Routine,
    Step,
    StepKind,
    routine_default,
    validate_routine,
)

STEP_FIELDS: dict[StepKind, tuple[str, ...]] = {
    "work": ("sets", "work", "sides", "rest", "rest_after", "cue"),
    "hold": ("reps", "sets", "hold", "release", "sides", "rest", "rest_after", "cue"),
    "phases": ("reps", "sets", "phases", "sides", "rest", "rest_after", "cue"),
    "tempo": ("reps", "sets", "tempo", "sides", "rest", "rest_after", "cue"),
    "self-paced": ("reps", "sets", "sides", "rest", "rest_after", "cue"),
}
"""The fields each kind of step uses, in the order the builder shows them."""

REQUIRED: dict[StepKind, tuple[str, ...]] = {
    "work": ("work",),
    "hold": ("hold",),
    "phases": ("reps",),
    "tempo": ("reps", "tempo"),
    "self-paced": ("reps",),
}
"""The fields without which a step of that kind would be another kind, or nothing."""

STEP_NUMBERS = ("reps", "sets", "work", "hold", "release", "tempo", "rest", "rest_after")
ROUTINE_NUMBERS = ("lead_in", "rest_between_steps", "rest_between_sets", "side_switch")

_WHOLE_NUMBER = re.compile(r"[+-]?\d{1,100}")
"""A whole number as typed; a longer run of digits stays text, for validation to refuse
(beyond 4,300 digits Python will not even turn it into a number)."""
_STEP_PLACE = re.compile(r"step\[(\d+)\]\.(\w+)(?:\[(\d+)\]\.(\w+))?")


def number(text: str) -> int | str:
    """The whole number typed, or the text itself for validation to reject in plain words."""
    text = text.strip()
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else text


def split_list(text: str, separator: str = ",") -> list[str]:
    """Items typed on one line ("mat, band"), without blanks."""
    return [item.strip() for item in text.split(separator) if item.strip()]


@dataclass
class PhaseDraft:
    """One phase of a rep as typed: its cue and its seconds."""

    cue: str = ""
    seconds: str = ""


@dataclass
class StepDraft:
    """A step as typed. Values of every kind are kept, so changing kind and back loses nothing."""

    exercise: str
    kind: StepKind = "self-paced"
    values: dict[str, str] = field(default_factory=dict)
    """Text of the number fields and ``cue``, by key."""
    sides: str = ""
    """One of `SIDES`, or empty for the move's own default."""
    phases: list[PhaseDraft] = field(default_factory=list)

    @classmethod
    def from_step(cls, step: Step) -> StepDraft:
        values = {key: str(getattr(step, key)) for key in STEP_NUMBERS}
        values = {key: text for key, text in values.items() if text != "None"}
        if step.sets == 1:
            values.pop("sets")
        if step.cue:
            values["cue"] = step.cue
        phases = [PhaseDraft(p.cue, str(p.seconds)) for p in step.phases or []]
        return cls(step.exercise, step.kind, values, step.sides or "", phases)

    def copy(self) -> StepDraft:
        return replace(self, values=dict(self.values), phases=[replace(p) for p in self.phases])

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields this step's kind uses."""
        return STEP_FIELDS[self.kind]

    def data(self, where: str) -> tuple[dict[str, object], list[Problem]]:
        """The step's table, and "is required" for each required field left empty."""
        data: dict[str, object] = {"exercise": self.exercise}
        problems = []
        for key in self.fields:
            if key == "phases":
                data["phases"] = [_phase(p) for p in self.phases]
            elif key == "sides":
                if self.sides:
                    data["sides"] = self.sides
            else:
                text = self.values.get(key, "").strip()
                if text:
                    data[key] = text if key == "cue" else number(text)
                elif key in REQUIRED[self.kind]:
                    problems.append(Problem(f"{where}.{key}", "is required"))
        return data, problems


def _phase(phase: PhaseDraft) -> dict[str, object]:
    data: dict[str, object] = {"cue": phase.cue.strip()}
    if phase.seconds.strip():  # left out, validation says "is required" at the field
        data["seconds"] = number(phase.seconds)
    return data


def first_step(move: Exercise) -> StepDraft:
    """A new step for a move: the catalogue's prescription, or a start that suits its kind."""
    if isinstance(move, CatalogueExercise):
        return StepDraft.from_step(move.default_step())
    if move.kind == "stretch":
        return StepDraft(move.id, "hold", {"hold": "30"})
    if move.kind == "massage":
        return StepDraft(move.id, "work", {"work": "60"})
    return StepDraft(move.id, "self-paced", {"reps": "10"})


@dataclass
class RoutineDraft:
    """A routine as typed in the builder."""

    name: str = ""
    description: str = ""
    tags: str = ""
    """Comma-separated, as typed."""
    values: dict[str, str] = field(default_factory=dict)
    """Text of `ROUTINE_NUMBERS` by key; empty for the format's default."""
    steps: list[StepDraft] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    """The routine's own moves, each checked when it was made."""

    @classmethod
    def from_routine(cls, routine: Routine) -> RoutineDraft:
        return cls(
            name=routine.name,
            description=routine.description,
            tags=", ".join(routine.tags),
            values={key: str(getattr(routine, key)) for key in ROUTINE_NUMBERS},
            steps=[StepDraft.from_step(step) for step in routine.step],
            exercises=list(routine.exercise),
        )

    def placeholders(self, step: StepDraft) -> dict[str, str]:
        """What a step's empty fields mean, by key: the default each takes."""
        values = self.values

        def routine_wide(key: str) -> str:
            return f"{values.get(key) or routine_default(key)} (routine)"

        return {
            "sets": "1",
            "reps": "1" if step.kind == "hold" else "",
            "release": str(RELEASE_SECONDS),
            "rest": routine_wide("rest_between_sets"),
            "rest_after": routine_wide("rest_between_steps"),
            "cue": "optional",
        }

    def value_at(self, place: str) -> str:
        """A field's text, by place: ``name``, ``step[2].hold``, ``step[1].phases[2].cue``."""
        holder, key = self._field(place)
        if isinstance(holder, dict):
            return str(holder.get(key, ""))
        return str(getattr(holder, key))

    def number_of(self, step: StepDraft) -> int:
        """The step's number now (from 1), or 0 once it is deleted.

        By identity: a duplicated step is equal to its original, not the same.
        """
        return next((n for n, each in enumerate(self.steps, 1) if each is step), 0)

    def place_now(self, place: str, step: StepDraft | None) -> str:
        """Where a field shown at ``place`` for ``step`` is now; "" once it is gone.

        The steps may have been moved or deleted since the field was shown.
        """
        if step is not None:
            number = self.number_of(step)
            if not number:
                return ""
            place = re.sub(r"^step\[\d+\]", f"step[{number}]", place)
        return place if self.holds(place) else ""

    def holds(self, place: str) -> bool:
        """True when the draft has a field at ``place`` (its step or phase may have gone)."""
        try:
            self._field(place)
        except (KeyError, IndexError):
            return False
        return True

    def set(self, place: str, value: str) -> None:
        """Put typed text into the field at ``place``."""
        holder, key = self._field(place)
        if isinstance(holder, dict):
            holder[key] = value
        else:
            setattr(holder, key, value)

    def _field(self, place: str) -> tuple[object, str]:
        """What holds the field at ``place`` (an object or a dict of values), and its key."""
        if place in ("name", "description", "tags"):
            return self, place
        if place in ROUTINE_NUMBERS:
            return self.values, place
        match = _STEP_PLACE.fullmatch(place)
        if match is None:
            raise KeyError(place)
        step = self.steps[int(match[1]) - 1]
        if match[3]:
            return step.phases[int(match[3]) - 1], match[4]
        if match[2] in ("kind", "sides"):
            return step, match[2]
        return step.values, match[2]

    def data(self) -> tuple[dict[str, object], list[Problem]]:
        """The routine's tables, and the problems found before validation."""
        data: dict[str, object] = {"format": 1, "name": self.name.strip()}
        if self.description.strip():
            data["description"] = self.description.strip()
        if split_list(self.tags):
            data["tags"] = split_list(self.tags)
        for key in ROUTINE_NUMBERS:
            if self.values.get(key, "").strip():
                data[key] = number(self.values[key])
        steps, problems = [], []
        for index, step in enumerate(self.steps, start=1):
            table, missing = step.data(f"step[{index}]")
            steps.append(table)
            problems += missing
        data["step"] = steps
        if self.exercises:
            data["exercise"] = [exercise.model_dump() for exercise in self.exercises]
        return data, problems


@dataclass(frozen=True)
class Checked:
    """What `check` found: the routine when it is valid, and every problem."""

    routine: Routine | None
    problems: tuple[Problem, ...] = ()

    def at(self, place: str, fields: Collection[str]) -> list[str]:
        """The messages that belong to the field ``place``, among the fields shown."""
        return [p.message for p in self.problems if field_for(p, fields) == place]


def check(draft: RoutineDraft, catalogue: Mapping[str, Exercise]) -> Checked:
    """Check a draft as `backtimer validate` would check the file it makes."""
    data, missing = draft.data()
    incomplete = {problem.where.rsplit(".", 1)[0] for problem in missing}
    try:
        routine = validate_routine(data, catalogue, "")
    except ProblemsError as exc:
        # A step with a required field left empty reads as another kind of step;
        # what validation says about that step as a whole would only confuse.
        found = [p for p in exc.problems if p.where not in incomplete]
        return Checked(None, (*missing, *found))
    return Checked(None, tuple(missing)) if missing else Checked(routine)


def field_for(problem: Problem, fields: Collection[str]) -> str:
    """The field a problem belongs to: the most precise of ``fields`` its place is in.

    ``tags[2]`` belongs to ``tags``; ``step[3]: sides = "alternate-reps" needs
    reps`` to ``step[3].sides``; a place no field holds, to ``""``.
    """
    place = problem.where
    if re.fullmatch(r"step\[\d+\]", place) and problem.message.startswith("sides ="):
        place += ".sides"
    while place not in fields:
        shorter = re.sub(r"(\.[a-z_]+|\[\d+\])$", "", place)
        if shorter == place:
            return ""
        place = shorter
    return place


def id_problems(routine_id: str, taken: Collection[str]) -> list[Problem]:
    """What is wrong with an id for a new routine: its form, or another routine having it."""
    if not re.fullmatch(ID_PATTERN, routine_id):
        return [Problem("id", id_rule_problem(f"'{routine_id}'"))]
    if routine_id in taken:
        return [Problem("id", f"another routine is called '{routine_id}'; choose another id")]
    return []


def propose_id(name: str, taken: Collection[str], fallback: str = "my-routine") -> str:
    """An id made from a name ("Evening unwind" → ``evening-unwind``), not one of ``taken``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:56].strip("-") or fallback
    candidate, counter = slug, 1
    while candidate in taken:
        counter += 1
        candidate = f"{slug}-{counter}"
    return candidate


def propose_copy_name(name: str, names: Collection[str]) -> str:
    """The name of the person's copy of a routine: "Desk reset (mine)", or "Desk reset
    (mine 2)" when a routine has that name already (in any case), so two never look alike."""
    taken = {other.casefold() for other in names}
    candidate, counter = f"{name} (mine)", 1
    while candidate.casefold() in taken:
        counter += 1
        candidate = f"{name} (mine {counter})"
    return candidate[:80]


@dataclass
class MoveDraft:
    """A move of the person's own, as typed: lists comma-separated, cues one a line."""

    name: str = ""
    id: str = ""
    kind: Kind = "strength"
    muscles: str = ""
    equipment: str = ""
    cues: str = ""
    sides: Sides = "none"
    figure: str = ""
    """The built-in move whose figure it borrows; empty for none."""

    def data(self) -> dict[str, object]:
        return {
            "id": self.id.strip(),
            "name": self.name.strip(),
            "kind": self.kind,
            "muscles": split_list(self.muscles),
            "equipment": split_list(self.equipment),
            "cues": split_list(self.cues, "\n"),
            "sides": self.sides,
            "figure": self.figure or None,
        }


def check_move(
    draft: MoveDraft, catalogue: Collection[str], own: Collection[str]
) -> tuple[Exercise | None, tuple[Problem, ...]]:
    """Check a move of the person's own; its id may be neither a catalogue id nor in ``own``."""
    try:
        move = Exercise.model_validate(draft.data())
    except ValidationError as exc:
        keys = {"": tuple(Exercise.model_fields)}
        return None, tuple(from_validation_error(exc, dict(keys)))
    if move.id in catalogue:
        message = f"'{move.id}' is a catalogue move; give your own move another id"
        return None, (Problem("id", message),)
    if move.id in own:
        message = f"'{move.id}' is already one of this routine's moves; give this one another id"
        return None, (Problem("id", message),)
    if move.figure is not None and move.figure not in catalogue:
        return None, (Problem("figure", f"'{move.figure}' is not a built-in move"),)
    return move, ()
