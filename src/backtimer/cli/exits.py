"""The exit codes of the command line, and the errors that end a command with one.

A command returns its exit code, or raises `CommandError` after nothing was done:
`main` says the error's lines on stderr (each starting ``backtimer:``) and exits
with its code.
"""

from __future__ import annotations

from collections.abc import Sequence

EXIT_OK = 0
EXIT_INVALID = 1
"""A file or a value is not valid, or could not be written."""
EXIT_USAGE = 2
"""The command line names something that is not there (a routine, a file)."""


class CommandError(Exception):
    """The command cannot do what was asked: these lines say why."""

    code = EXIT_INVALID

    def __init__(self, lines: str | Sequence[str]) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        super().__init__("\n".join(self.lines))


class UsageError(CommandError):
    """What the command line names is not there (exit 2)."""

    code = EXIT_USAGE


class NotValid(CommandError):
    """What the command line names cannot be used as it is (exit 1)."""

    code = EXIT_INVALID
