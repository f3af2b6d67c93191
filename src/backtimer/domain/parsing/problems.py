"""Problems found in a file a person wrote, in words that person can act on.

Pydantic reports errors as locations and machine types; this module turns them
into lines like ``step[3].hold: must be at least 1 second (got -5)``. Step and
phase positions are counted from 1, the way a person counts ``[[step]]`` tables.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from backtimer.domain.parsing.ids import id_rule_problem

# Fields measured in seconds, so that limits read "at least 1 second".
SECONDS_FIELDS = frozenset(
    {
        "work",
        "hold",
        "tempo",
        "release",
        "rest",
        "rest_after",
        "lead_in",
        "rest_between_steps",
        "rest_between_sets",
        "side_switch",
        "seconds",
    }
)


DATETIME_ERRORS = frozenset(
    {
        "datetime_type",
        "datetime_parsing",
        "datetime_from_date_parsing",
        "datetime_object_invalid",
        "timezone_aware",
    }
)
DATETIME_EXAMPLE = "2026-11-24T07:30:00+00:00"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and what to do about it."""

    where: str
    """The place in the file, like ``step[3].hold``; empty for the file as a whole."""
    message: str
    """What is wrong, in plain words, with the fix where there is one."""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ProblemsError(ValueError):
    """A file could not be read; carries every problem found in it."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One ``source: where: message`` line per problem."""
        return [f"{self.source}: {problem}" for problem in self.problems]


def location(loc: Iterable[int | str]) -> str:
    """Render a pydantic location as ``step[3].phases[1].seconds`` (1-based)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` is most likely a typo of, if one is close enough."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, choices: Iterable[str]) -> str:
    """A ``(did you mean 'x'?)`` hint for a likely typo, or an empty string."""
    close = nearest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


SHOWN_CHARS = 60
"""A value quoted in a problem is cut to this many characters, so a problem stays one line."""


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and abs(value) >= 10**SHOWN_CHARS:
        if value.bit_length() > 14_000:  # past 4,300 digits Python will not write it out
            return "a number of more than 4,300 digits"
        return f"a number of {len(str(abs(value)))} digits"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[: SHOWN_CHARS - 1]}…"


def exactly_int(value: Any) -> Any:
    """A before-validator for ``Literal[1]``: pydantic takes ``1.0`` and ``true`` for 1.

    Only a whole number written as one passes; other types are left for the
    literal's own check to refuse.
    """
    if isinstance(value, bool | float):
        raise PydanticCustomError("literal_error", "Input should be 1", {"expected": "1"})
    return value


def _unit(field: str, amount: Any) -> str:
    if field not in SECONDS_FIELDS:
        return ""
    return " second" if amount == 1 else " seconds"


def _message(error: ErrorDetails, allowed_keys: Iterable[str]) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc = error["loc"]
    field = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    got = _shown(error.get("input"))
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "unknown key" + suggest(field, allowed_keys)
    if kind in {"greater_than_equal", "greater_than"}:
        limit = ctx.get("ge", ctx.get("gt"))
        return f"must be at least {limit}{_unit(field, limit)} (got {got})"
    if kind in {"less_than_equal", "less_than"}:
        limit = ctx.get("le", ctx.get("lt"))
        return f"must be at most {limit}{_unit(field, limit)} (got {got})"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"must be a whole number (got {got})"
    if kind in {"float_type", "float_parsing"}:
        return f"must be a number (got {got})"
    if kind == "finite_number":
        return f"must be a finite number (got {got})"
    if kind in DATETIME_ERRORS:
        return f"must be a date and time with its offset, like {DATETIME_EXAMPLE} (got {got})"
    if kind == "string_type":
        return f"must be text in double quotes (got {got})"
    if kind in {"bool_type", "bool_parsing"}:
        return f"must be true or false (got {got})"
    if kind == "list_type":
        return f"must be a list in square brackets (got {got})"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"must be a table (got {got})"
    if kind == "string_too_long":
        return f"must be at most {ctx['max_length']} characters (got {len(error['input'])})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_long":
        return f"may have at most {ctx['max_length']} entries (got {ctx.get('actual_length')})"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} entry"
    if kind == "string_pattern_mismatch":
        return id_rule_problem(got)
    if kind == "literal_error":
        expected = str(ctx["expected"])
        one = "," not in expected and " or " not in expected
        return (
            f"must be {expected} (got {got})" if one else f"must be one of {expected} (got {got})"
        )
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def from_validation_error(
    exc: ValidationError, keys_at: dict[str, Iterable[str]] | None = None
) -> list[Problem]:
    """Translate a pydantic error into problems.

    Args:
        exc: the error pydantic raised.
        keys_at: for "unknown key" hints, the allowed keys of each kind of
            table, by the name of the list it sits in (``"step"``), ``""`` for
            the top level.
    """
    return [problem_for(error, keys_at or {}) for error in exc.errors(include_url=False)]


def problem_for(error: ErrorDetails, keys_at: dict[str, Iterable[str]]) -> Problem:
    """One pydantic error as a problem (see `from_validation_error`)."""
    loc = error["loc"]
    container = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "")
    return Problem(location(loc), _message(error, keys_at.get(container, ())))
