"""Size and cost limits that hold (issue 11, point 2).

A file's size is checked before it is parsed, and a routine whose every field
is within its limit is still capped as a whole (4 hours, 20,000 timed parts),
by arithmetic, before any timeline is compiled.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.domain.routines import timeline
from backtimer.domain.routines.draft import PhaseDraft, RoutineDraft, StepDraft, check
from backtimer.domain.routines.routine import Routine, parse_routine
from backtimer.domain.routines.routine_length import routine_length, total
from backtimer.domain.routines.timeline import compile_timeline
from backtimer.storage import library
from tests.factories import write
from tests.hostile import DOTTED_KEY, EXPLODING, exploding, routine_with
from tests.system.conftest import run

MOVES = library.exercises()


def never(*args: object, **kwargs: object) -> NoReturn:
    raise AssertionError("this must not be reached")


@pytest.fixture
def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling a timeline fails the test: limits are checked before it."""
    monkeypatch.setattr(timeline, "compile_timeline", never)
    monkeypatch.setattr(library, "compile_timeline", never)


@pytest.mark.usefixtures("no_compiling")
@pytest.mark.parametrize(
    ("steps", "expected", "longest"),
    [
        (1, "would take 139 h 17 min in 500,050 timed parts", "step[1] alone is 139 h 17 min"),
        (10, "would take 1393 h 00 min in 5,000,500 timed parts", "step[2] alone is 139 h 18 min"),
        (
            200,
            "would take 27860 h 16 min in 100,010,000 timed parts",
            "step[2] alone is 139 h 18 min",
        ),
    ],
)
def test_a_routine_within_every_field_limit_is_refused_as_too_long(
    steps: int, expected: str, longest: str, tmp_path: Path
) -> None:
    path = write(tmp_path, "long.toml", EXPLODING if steps == 1 else exploding(steps))
    ran = run("validate", str(path))
    assert ran.code == 1
    assert ran.out == (
        f"{path}: {expected}; a routine may take at most 4 hours and 20,000 parts"
        f" ({longest} in 500,050: ask for fewer reps, sets or phases)\n"
    )
    assert run("routines", "import", str(path)).code == 1


def test_the_builder_checks_it_as_it_is_typed(no_compiling: None) -> None:
    phases = [PhaseDraft("Part", "1") for _ in range(20)]
    step = StepDraft("cat-cow", "phases", {"reps": "500", "sets": "50"}, phases=phases)
    (problem,) = check(RoutineDraft(name="Every rep", steps=[step]), MOVES).problems
    assert problem.message.startswith("would take 139 h 17 min in 500,050 timed parts")


def test_the_builder_takes_a_number_too_long_for_python_as_text() -> None:
    step = StepDraft("cat-cow", "tempo", {"reps": "9" * 5000, "tempo": "3"})
    (problem,) = check(RoutineDraft(name="Mine", steps=[step]), MOVES).problems
    assert str(problem) == "step[1].reps: must be a whole number (got '" + "9" * 58 + "…)"


def test_the_size_is_checked_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = write(tmp_path, "big.toml", routine_with("# " + "x" * (15 * 1024 * 1024)))
    monkeypatch.setattr(tomllib, "loads", never)
    ran = run("validate", str(big))
    assert (ran.code, ran.out) == (
        1,
        f"{big}: is 15 MiB; a file of this kind may be at most 256 KiB, so it was not read\n",
    )


def test_a_long_dotted_key_is_refused_without_tomllib_ever_seeing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "dotted.toml", routine_with(DOTTED_KEY))
    assert 190_000 < path.stat().st_size < 256 * 1024
    monkeypatch.setattr(tomllib, "loads", never)
    assert run("validate", str(path)).out == (
        f"{path}: line 3: nested more than 32 levels deep (lists, tables or parts of a dotted"
        " key); backtimer's files need only a few\n"
    )


def test_the_picker_lists_the_routines_beside_a_refused_one(home: Path) -> None:
    write(home / "routines", "long.toml", exploding(200))
    write(home / "routines", "short.toml", routine_with(""))
    entries = {entry.id: entry for entry in library.user_routines(set())}
    assert entries["short"].ok and entries["short"].timeline.estimated_seconds == 20
    assert str(entries["long"].problems[0]).startswith("would take 27860 h 16 min")


# ---------------------------------------------------------------- arithmetic = compiling

SIDES = st.sampled_from([None, "none", "each", "alternate-reps", "alternate-sets"])
SMALL = st.integers(min_value=0, max_value=4)


@st.composite
def steps(draw: st.DrawFn) -> dict[str, object]:
    kind = draw(st.sampled_from(["work", "hold", "phases", "tempo", "self-paced"]))
    step: dict[str, object] = {
        "exercise": draw(st.sampled_from(["cat-cow", "suitcase-carry", "atg-split-squat"])),
        "sets": draw(st.integers(1, 3)),
    }
    if kind != "work":
        step["reps"] = draw(st.integers(1, 4))
    if kind == "work":
        step["work"] = draw(st.integers(1, 60))
    elif kind == "hold":
        step["hold"] = draw(st.integers(1, 30))
        if draw(st.booleans()):
            step["release"] = draw(SMALL)
    elif kind == "phases":
        count = draw(st.integers(1, 3))
        step["phases"] = [{"cue": "p", "seconds": draw(st.integers(1, 5))} for _ in range(count)]
    elif kind == "tempo":
        step["tempo"] = draw(st.integers(1, 5))
    sides = draw(SIDES)
    if sides is not None and not (sides == "alternate-reps" and kind == "work"):
        step["sides"] = sides
    for key in ("rest", "rest_after"):
        if draw(st.booleans()):
            step[key] = draw(SMALL)
    return step


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    data: dict[str, object] = {
        "format": 1,
        "name": "Drawn",
        "step": draw(st.lists(steps(), min_size=1, max_size=4)),
        "lead_in": draw(SMALL),
        "rest_between_steps": draw(SMALL),
        "rest_between_sets": draw(SMALL),
        "side_switch": draw(SMALL),
    }
    return Routine.model_validate(data)


@settings(max_examples=150, deadline=None)
@given(routines())
def test_the_arithmetic_counts_exactly_what_compiling_lays_out(routine: Routine) -> None:
    whole = total(routine_length(routine, MOVES))
    compiled = compile_timeline(routine, MOVES)
    assert (whole.segments, whole.seconds) == (len(compiled.segments), compiled.estimated_seconds)


def test_the_built_in_routines_are_far_inside_the_cap() -> None:
    for entry in library.builtin_routines():
        assert entry.routine is not None
        assert entry.estimated_seconds == entry.timeline.estimated_seconds
        assert parse_routine(entry.text, MOVES, entry.path) == entry.routine
