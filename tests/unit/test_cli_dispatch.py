"""The command line's wiring: one table of commands, one lookup of what a command names."""

from __future__ import annotations

import argparse
import importlib

import pytest

from backtimer.cli import COMMANDS, build_parser
from backtimer.cli.exits import EXIT_INVALID, EXIT_USAGE, NotValid, UsageError
from backtimer.cli.lookup import loaded_programme, loaded_routine
from backtimer.domain.programmes.programme import ProgrammeEntry
from backtimer.storage import programmes as programs


def test_every_command_of_the_table_names_a_function_that_is_there() -> None:
    for command, target in COMMANDS.items():
        module, function = target.split(":")
        assert callable(getattr(importlib.import_module(f"backtimer.cli.{module}"), function)), (
            command
        )


def test_every_subcommand_of_the_parser_is_in_the_table() -> None:
    def commands(parser: argparse.ArgumentParser) -> set[str]:
        found = {parser.get_default("command")}
        for action in parser._actions:  # argparse keeps its subparsers here
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    found |= commands(child)
        return found

    assert commands(build_parser()) | {"today --exit-code"} == set(COMMANDS)


def test_a_routine_or_programme_not_there_is_a_usage_error_and_a_broken_one_is_not_valid(
    home: object,
) -> None:
    assert loaded_routine("desk-reset").id == "desk-reset"
    with pytest.raises(UsageError) as missing:
        loaded_routine("desk-rest")
    assert missing.value.code == EXIT_USAGE
    assert missing.value.lines == ["no routine 'desk-rest' (did you mean desk-reset?)"]
    entries = programs.all_programmes()
    with pytest.raises(UsageError, match="did you mean flexible-back-3wk"):
        loaded_programme(entries, "flexible-back")
    broken = ProgrammeEntry("broken", "user", "broken.toml")
    with pytest.raises(NotValid) as invalid:
        loaded_programme([broken], "broken")
    assert invalid.value.code == EXIT_INVALID
