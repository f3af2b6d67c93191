"""Routine files, format 1: the models, their validation and their parsing.

The format is the user's contract (PRODUCT.md section 4): people write these
files by hand, so every mistake becomes a `Problem` naming the place and the
fix. Parsing works on text; reading files is the storage layer's job.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from backtimer.domain.parsing.problems import (
    Problem,
    ProblemsError,
    exactly_int,
    from_validation_error,
    suggest,
)
from backtimer.domain.parsing.safe_parse import ShapeError, load_toml
from backtimer.domain.routines.exercise import Cue, Exercise, Id, Sides
from backtimer.domain.routines.routine_length import length_problems

MAX_FILE_BYTES = 256 * 1024
MAX_STEPS = 200

Seconds = Annotated[int, Field(ge=1, le=3600)]
"""A timed stretch of work: 1 second to an hour."""
Pause = Annotated[int, Field(ge=0, le=3600)]
"""A break or lead-in: none at all up to an hour."""
Reps = Annotated[int, Field(ge=1, le=500)]
Sets = Annotated[int, Field(ge=1, le=50)]

StepKind = Literal["work", "hold", "phases", "tempo", "self-paced"]

_MODEL = ConfigDict(extra="forbid", strict=True, defer_build=True)


class Phase(BaseModel):
    """One timed part of a rep, like "breathe out, round the back" for 3 s."""

    model_config = _MODEL

    cue: Cue
    """What to do during this phase."""
    seconds: Seconds
    """How long the phase lasts."""


def kind_problems(step: Mapping[str, object]) -> list[str]:
    """What is wrong with the combination of fields a step has, whatever their values.

    `step` is the step's table (a key whose value is None counts as left out),
    so a file whose values are wrong is still told about its combinations.
    """
    given = [name for name in ("work", "hold", "phases", "tempo") if step.get(name) is not None]
    has_reps = step.get("reps") is not None
    problems = []
    if len(given) > 1:
        both = " and ".join(given)
        problems.append(
            f"has both {both}; a step takes exactly one of work, hold, phases or tempo"
            " (or reps alone for self-paced reps)"
        )
    if not given and not has_reps:
        problems.append(
            "says nothing to do: give it work, hold, phases with reps, tempo with reps,"
            " or reps alone"
        )
    if "work" in given and has_reps:
        problems.append("reps do not go with work (work is timed; use sets to repeat it)")
    for needy in ("phases", "tempo"):
        if needy in given and not has_reps:
            problems.append(f"{needy} needs reps: how many times to do it")
    if step.get("release") is not None and "hold" not in given:
        problems.append("release only goes with hold (it is the pause between holds)")
    if step.get("sides") == "alternate-reps" and "work" in given:
        problems.append('sides = "alternate-reps" needs reps; timed work has none')
    return problems


Source = Literal["built-in", "user"]
"""Where a routine or programme file comes from: shipped with backtimer, or the person's own."""

RELEASE_SECONDS = 2
"""Seconds between holds when a step does not say."""


class Step(BaseModel):
    """One exercise in a routine and what it asks for.

    A step has exactly one of ``work``, ``hold``, ``phases`` (with ``reps``),
    ``tempo`` (with ``reps``), or ``reps`` alone for self-paced reps.
    """

    model_config = _MODEL

    exercise: Id
    """A catalogue id, or the id of an ``[[exercise]]`` in the same file."""
    reps: Reps | None = None
    """Reps per set, always counted per side."""
    sets: Sets = 1
    """How many sets."""
    work: Seconds | None = None
    """Timed work: seconds per set, per side."""
    hold: Seconds | None = None
    """Seconds to hold each rep."""
    release: Pause | None = None
    """Seconds between holds (`RELEASE_SECONDS` when left out)."""
    tempo: Seconds | None = None
    """Seconds per rep; leave out for self-paced reps."""
    phases: list[Phase] | None = Field(default=None, min_length=1, max_length=20)
    """One rep is these phases, in order."""
    sides: Sides | None = None
    """none, each, alternate-reps or alternate-sets; the exercise's own default when left out."""
    rest: Pause | None = None
    """Rest between this step's sets, instead of the routine's default."""
    rest_after: Pause | None = None
    """Rest before the next step, instead of the routine's default."""
    cue: Cue | None = None
    """An extra instruction for this step, shown under the exercise's own cues."""

    @model_validator(mode="after")
    def _one_kind(self) -> Step:
        problems = kind_problems(self.model_dump(exclude_none=True))
        if problems:
            raise ValueError(problems[0])
        return self

    @property
    def kind(self) -> StepKind:
        """Which of the five kinds of step this is."""
        if self.work is not None:
            return "work"
        if self.hold is not None:
            return "hold"
        if self.phases is not None:
            return "phases"
        if self.tempo is not None:
            return "tempo"
        return "self-paced"

    @property
    def rep_count(self) -> int:
        """Reps per set and side (1 for timed work and a single hold)."""
        return self.reps if self.reps is not None else 1

    @property
    def release_seconds(self) -> int:
        """Seconds between holds: the step's own, or `RELEASE_SECONDS`."""
        return self.release if self.release is not None else RELEASE_SECONDS


class Routine(BaseModel):
    """A routine file: settings for the whole routine, its steps, its own moves."""

    model_config = _MODEL

    format: Annotated[Literal[1], BeforeValidator(exactly_int)]
    """The version of this file format; always 1 (the whole number: not 1.0, not true)."""
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """The routine's name, shown in the picker."""
    description: Annotated[str, StringConstraints(max_length=2000)] = ""
    """A sentence or two about what the routine is for."""
    tags: list[Annotated[str, StringConstraints(min_length=1, max_length=30)]] = Field(
        default_factory=list, max_length=20
    )
    """Words to find the routine by, like "stretch" or "evening"."""
    lead_in: Pause = 5
    """Seconds of "get ready" before the first step."""
    rest_between_steps: Pause = 15
    """Rest before each step after the first."""
    rest_between_sets: Pause = 30
    """Rest between the sets of a step."""
    side_switch: Annotated[int, Field(ge=0, le=60)] = 5
    """Seconds to change sides when a step does all of one side, then the other."""
    step: list[Step] = Field(min_length=1, max_length=MAX_STEPS)
    """The steps, in order."""
    exercise: list[Exercise] = Field(default_factory=list, max_length=100)
    """Moves this file defines for itself."""

    def own_exercises(self) -> dict[str, Exercise]:
        """The file's ``[[exercise]]`` entries by id."""
        return {exercise.id: exercise for exercise in self.exercise}


KEYS_AT: dict[str, tuple[str, ...]] = {
    "": tuple(Routine.model_fields),
    "step": tuple(Step.model_fields),
    "phases": tuple(Phase.model_fields),
    "exercise": tuple(Exercise.model_fields),
}


def _tables(data: Mapping[str, object], key: str) -> list[Mapping[str, object] | None]:
    """The tables of ``[[key]]`` as given (None for an entry that is not a table)."""
    entries = data.get(key)
    if not isinstance(entries, list):
        return []
    return [entry if isinstance(entry, Mapping) else None for entry in entries]


def check_references(
    data: Mapping[str, object], catalogue: Mapping[str, Exercise]
) -> list[Problem]:
    """Problems with the ids a routine uses: unknown, clashing or doubled.

    Checked on the tables as given, not on a valid `Routine`, so a file hears
    about an unknown exercise in the same run as about its other mistakes.
    """
    problems = []
    own: dict[str, int] = {}
    for index, exercise in enumerate(_tables(data, "exercise"), start=1):
        own_id = exercise.get("id") if exercise is not None else None
        if not isinstance(own_id, str):
            continue
        where = f"exercise[{index}].id"
        if own_id in catalogue:
            problems.append(
                Problem(where, f"'{own_id}' is a catalogue move; give your own move another id")
            )
        elif own_id in own:
            problems.append(
                Problem(where, f"'{own_id}' is already defined by exercise[{own[own_id]}]")
            )
        own.setdefault(own_id, index)
        borrowed = exercise.get("figure") if exercise is not None else None
        if isinstance(borrowed, str) and borrowed not in catalogue:
            problems.append(
                Problem(
                    f"exercise[{index}].figure",
                    f"'{borrowed}' is not a built-in move{suggest(borrowed, catalogue)};"
                    " use an id from `backtimer exercises`",
                )
            )
    known = set(catalogue) | set(own)
    for index, step in enumerate(_tables(data, "step"), start=1):
        used = step.get("exercise") if step is not None else None
        if isinstance(used, str) and used not in known:
            problems.append(
                Problem(
                    f"step[{index}].exercise",
                    f"unknown exercise '{used}'{suggest(used, known)}; use an id"
                    " from `backtimer exercises` or add an [[exercise]] with that id",
                )
            )
    return problems


def _step_problems(data: Mapping[str, object]) -> list[Problem]:
    """Each step's combination problems (pydantic tells only the first, and only once
    every value of the step is valid)."""
    return [
        Problem(f"step[{index}]", message)
        for index, step in enumerate(_tables(data, "step"), start=1)
        if step is not None
        for message in kind_problems(step)
    ]


def _file_order(problem: Problem) -> tuple[int, int]:
    """Sort key: the routine's own settings, then the steps, then the file's own moves."""
    match = re.match(r"(step|exercise)(?:\[(\d+)\])?", problem.where)
    if match is None:
        return (0, 0)
    return (1 if match[1] == "step" else 2, int(match[2] or 0))


def parse_routine(text: str, catalogue: Mapping[str, Exercise], source: str) -> Routine:
    """Parse and check a routine file's text.

    Args:
        text: the file's contents.
        catalogue: the catalogue's moves by id, to check the ids steps use.
        source: how to name the file in problems (its path, usually).

    Raises:
        ProblemsError: listing everything wrong with the file.
    """
    try:
        data = load_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProblemsError(source, [Problem("", f"not valid TOML: {exc}")]) from None
    except ShapeError as exc:
        raise ProblemsError(source, [Problem(exc.where, exc.message)]) from None
    return validate_routine(data, catalogue, source)


def validate_routine(
    data: Mapping[str, object], catalogue: Mapping[str, Exercise], source: str
) -> Routine:
    """Check a routine given as the tables and values of a file (what TOML parses to).

    The routine builder checks what is being built with this, so its messages
    are word for word those of `backtimer validate`. A routine whose every
    field is in bounds may still be too long as a whole (`length_problems`):
    that is checked here too, by arithmetic, before anything compiles it.

    Raises:
        ProblemsError: listing everything wrong with it.
    """
    problems: list[Problem] = []
    routine = None
    try:
        routine = Routine.model_validate(data)
    except ValidationError as exc:
        problems += from_validation_error(exc, dict(KEYS_AT))
    problems += [p for p in _step_problems(data) if p not in problems]
    problems += check_references(data, catalogue)
    if problems or routine is None:
        raise ProblemsError(source, sorted(problems, key=_file_order))
    too_long = length_problems(routine, catalogue)
    if too_long:
        raise ProblemsError(source, too_long)
    return routine


def parse_routine_bytes(data: bytes, catalogue: Mapping[str, Exercise], source: str) -> Routine:
    """Like `parse_routine`, from the raw bytes of a file, checking size and encoding."""
    if len(data) > MAX_FILE_BYTES:
        raise ProblemsError(
            source,
            [Problem("", f"is {len(data) // 1024} KiB; a routine file may be at most 256 KiB")],
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemsError(
            source, [Problem("", f"is not UTF-8 text (byte {exc.start + 1} is not valid)")]
        ) from None
    return parse_routine(text, catalogue, source)


def routine_default(key: str) -> int:
    """The default of a routine-wide number (``lead_in``, ``rest_between_steps``,
    ``rest_between_sets``, ``side_switch``), from the model: the one place it is written."""
    default = Routine.model_fields[key].default
    assert isinstance(default, int), key
    return default
