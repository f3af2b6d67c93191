"""Routine files written by the builder: they read back to the same routine and look hand-made."""

from __future__ import annotations

import pytest

from backtimer.domain.routines.routine import Routine, parse_routine
from backtimer.domain.routines.routine_toml import routine_toml
from backtimer.storage import library
from tests.conftest import FIXTURES

BUILTINS = {entry.id: entry for entry in library.builtin_routines()}


def parse(text: str) -> Routine:
    return parse_routine(text, library.exercises(), "test.toml")


@pytest.mark.parametrize("routine_id", sorted(BUILTINS))
def test_every_builtin_written_out_reads_back_the_same(routine_id: str) -> None:
    routine = BUILTINS[routine_id].routine
    assert routine is not None
    text = routine_toml(routine)
    assert parse(text) == routine
    assert routine_toml(parse(text)) == text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_the_product_example_with_its_own_move_reads_back_the_same() -> None:
    routine = parse((FIXTURES / "product-example.toml").read_text())
    assert parse(routine_toml(routine)) == routine


def test_a_borrowed_figure_is_written_and_read_back() -> None:
    text = (FIXTURES / "builder-made.toml").read_text() + 'figure = "elephant-walk"\n'
    routine = parse(text)
    assert routine.exercise[0].figure == "elephant-walk"
    assert routine_toml(routine) == text


def test_the_layout_is_the_one_people_write() -> None:
    text = (FIXTURES / "builder-made.toml").read_text()
    assert routine_toml(parse(text)) == text  # the fixture is laid out by hand, like this


@pytest.mark.parametrize(
    "description",
    [
        "word " * 60,
        'quotes " and \\ backslashes ' * 8,
        "two  spaces, a\ttab and a\nnew line " * 6,
        '"""' * 40,
        "x" * 300,
        "accents é and ☃ " * 20,
    ],
)
def test_awkward_text_survives(description: str) -> None:
    routine = parse((FIXTURES / "builder-made.toml").read_text())
    routine = routine.model_copy(update={"description": description.strip()})
    assert parse(routine_toml(routine)) == routine
