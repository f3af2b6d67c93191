"""Routine files, format 1: what is accepted, and what each mistake is told."""

from __future__ import annotations

import pytest

from backtimer.domain.parsing.problems import ProblemsError
from backtimer.domain.routines.routine import Routine, parse_routine, parse_routine_bytes
from backtimer.storage import library
from tests.conftest import FIXTURES

HEADER = 'format = 1\nname = "Test"\n'


def parse(text: str) -> Routine:
    return parse_routine(text, library.exercises(), "test.toml")


def problems(text: str) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        parse(text)
    return caught.value.lines()


def test_the_example_from_the_product_brief_is_valid() -> None:
    routine = parse((FIXTURES / "product-example.toml").read_text())
    assert [s.kind for s in routine.step] == ["phases", "work", "tempo", "hold", "tempo", "hold"]
    assert routine.exercise[0].id == "dead-bug"
    assert routine.step[5].rest_after == 0
    assert (routine.lead_in, routine.rest_between_steps, routine.rest_between_sets) == (5, 15, 30)


def test_defaults_when_left_out() -> None:
    routine = parse(HEADER + '[[step]]\nexercise = "cat-cow"\nreps = 5\n')
    assert (routine.lead_in, routine.rest_between_steps, routine.rest_between_sets) == (5, 15, 30)
    step = routine.step[0]
    assert (step.sets, step.kind, step.sides) == (1, "self-paced", None)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("hold = -5", "test.toml: step[1].hold: must be at least 1 second (got -5)"),
        ("hold = 3601", "test.toml: step[1].hold: must be at most 3600 seconds (got 3601)"),
        ("hodl = 5", "test.toml: step[1].hodl: unknown key (did you mean 'hold'?)"),
        ("work = 30\nhold = 5", "test.toml: step[1]: has both work and hold"),
        ("reps = 501", "test.toml: step[1].reps: must be at most 500 (got 501)"),
        ("reps = 5\nsets = 51", "test.toml: step[1].sets: must be at most 50 (got 51)"),
        ("reps = 2.5", "test.toml: step[1].reps: must be a whole number (got 2.5)"),
        ('reps = "10"', "test.toml: step[1].reps: must be a whole number (got '10')"),
        ("tempo = 3", "test.toml: step[1]: tempo needs reps"),
        ("phases = [{ cue = 'x', seconds = 2 }]", "test.toml: step[1]: phases needs reps"),
        ("reps = 2\nphases = []", "test.toml: step[1].phases: needs at least 1 entry"),
        ("reps = 2\nrelease = 2", "test.toml: step[1]: release only goes with hold"),
        ("work = 20\nreps = 3", "test.toml: step[1]: reps do not go with work"),
        (
            "work = 20\nsides = 'alternate-reps'",
            'test.toml: step[1]: sides = "alternate-reps" needs reps',
        ),
        ("reps = 2\nsides = 'both'", "test.toml: step[1].sides: must be one of 'none', 'each'"),
        ("reps = 2\nrest = -1", "test.toml: step[1].rest: must be at least 0 seconds (got -1)"),
        (
            "reps = 2\ncue = '" + "x" * 201 + "'",
            "test.toml: step[1].cue: must be at most 200 characters",
        ),
        ("", "test.toml: step[1]: says nothing to do"),
    ],
)
def test_a_mistake_in_a_step_names_the_place_and_the_problem(step: str, expected: str) -> None:
    text = HEADER + '[[step]]\nexercise = "cat-cow"\n' + step + "\n"
    assert any(line.startswith(expected) for line in problems(text)), problems(text)


def test_a_phase_mistake_names_the_phase() -> None:
    text = HEADER + '[[step]]\nexercise = "cat-cow"\nreps = 2\n'
    text += "phases = [{ cue = 'a', seconds = 3 }, { cue = 'b', seconds = 0 }]\n"
    assert problems(text) == [
        "test.toml: step[1].phases[2].seconds: must be at least 1 second (got 0)"
    ]


def test_an_unknown_exercise_gets_a_suggestion() -> None:
    text = HEADER + '[[step]]\nexercise = "cat-cwo"\nreps = 5\n'
    (line,) = problems(text)
    assert line.startswith("test.toml: step[1].exercise: unknown exercise 'cat-cwo'")
    assert "did you mean 'cat-cow'" in line


OWN_MOVE = """
[[step]]
exercise = "bridge-march"
reps = 8
tempo = 4

[[exercise]]
id = "bridge-march"
name = "Bridge march"
figure = "{figure}"
"""


def test_a_move_of_ones_own_may_borrow_a_built_in_moves_figure() -> None:
    routine = parse(HEADER + OWN_MOVE.format(figure="banded-glute-bridge"))
    assert routine.exercise[0].figure == "banded-glute-bridge"
    (line,) = problems(HEADER + OWN_MOVE.format(figure="banded-glute-bridg"))
    assert line == (
        "test.toml: exercise[1].figure: 'banded-glute-bridg' is not a built-in move"
        " (did you mean 'banded-glute-bridge'?); use an id from `backtimer exercises`"
    )
    (line,) = problems(HEADER + OWN_MOVE.format(figure="bridge-march"))  # not its own
    assert line.startswith("test.toml: exercise[1].figure: 'bridge-march' is not a built-in")


def test_a_file_that_is_not_toml() -> None:
    (line,) = problems("format = 1\nname = \n")
    assert line.startswith("test.toml: not valid TOML: ")
    assert "line 2" in line


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ('format = 2\nname = "x"', "test.toml: format: must be 1 (got 2)"),
        ('format = 1\nname = ""', "test.toml: name: must not be empty"),
        ('format = 1\nname = "' + "n" * 81 + '"', "test.toml: name: must be at most 80 characters"),
        ("format = 1", "test.toml: name: is required"),
        ('format = 1\nname = "x"\nlead_in = 3601', "test.toml: lead_in: must be at most 3600"),
        ('format = 1\nname = "x"\ncolour = "red"', "test.toml: colour: unknown key"),
        ('name = "x"', "test.toml: format: is required"),
    ],
)
def test_a_mistake_at_the_top_level(top: str, expected: str) -> None:
    text = top + '\n[[step]]\nexercise = "cat-cow"\nreps = 5\n'
    assert any(line.startswith(expected) for line in problems(text)), problems(text)


def test_a_routine_needs_steps_and_at_most_200() -> None:
    assert problems(HEADER) == ["test.toml: step: is required"]
    many = HEADER + '[[step]]\nexercise = "cat-cow"\nreps = 1\n' * 201
    assert problems(many) == ["test.toml: step: may have at most 200 entries (got 201)"]


def test_own_exercises_are_checked() -> None:
    own = '[[exercise]]\nid = "Dead Bug"\nname = "Dead bug"\n'
    text = HEADER + '[[step]]\nexercise = "cat-cow"\nreps = 5\n' + own
    (line,) = problems(text)
    assert line.startswith("test.toml: exercise[1].id: must be lowercase letters, digits")
    clash = '[[exercise]]\nid = "cat-cow"\nname = "Mine"\n'
    (line,) = problems(HEADER + '[[step]]\nexercise = "cat-cow"\nreps = 5\n' + clash)
    assert line == (
        "test.toml: exercise[1].id: 'cat-cow' is a catalogue move; give your own move another id"
    )


def test_a_step_can_use_the_files_own_exercise() -> None:
    own = '[[exercise]]\nid = "dead-bug"\nname = "Dead bug"\nsides = "alternate-reps"\n'
    routine = parse(HEADER + '[[step]]\nexercise = "dead-bug"\nreps = 5\n' + own)
    assert routine.own_exercises()["dead-bug"].per_side


def test_size_and_encoding_limits() -> None:
    big = (
        HEADER + "# " + "x" * 300 * 1024 + '\n[[step]]\nexercise = "cat-cow"\nreps = 1\n'
    ).encode()
    with pytest.raises(ProblemsError, match="at most 256 KiB"):
        parse_routine_bytes(big, library.exercises(), "big.toml")
    with pytest.raises(ProblemsError, match="not UTF-8"):
        parse_routine_bytes(b"format = 1\nname = '\xff'\n", library.exercises(), "bin.toml")


def test_every_problem_is_reported_at_once() -> None:
    text = (
        HEADER + '[[step]]\nexercise = "cat-cow"\nhold = -1\n[[step]]\nexercise = "x"\nwork = 0\n'
    )
    assert [line.split(":")[1] for line in problems(text)] == [
        " step[1].hold",
        " step[2].work",
        " step[2].exercise",  # an unknown move is told at once, not after the rest is fixed
    ]


def test_the_reference_example_is_valid() -> None:
    page = (FIXTURES.parents[1] / "docs" / "reference" / "routine-format.md").read_text()
    example = page.split("```toml\n", 1)[1].split("```", 1)[0]
    routine = parse(example)
    assert [s.kind for s in routine.step] == ["phases", "work", "tempo", "hold", "self-paced"]
