"""A TOML file that holds one model (``settings.toml``, ``program.toml``).

Read tolerantly: a file that is missing gives the model's defaults; one that
cannot be read or does not fit the model gives the defaults too, with the
reasons to report. Written atomically, under the data lock held by the caller;
a file that could not be read is set aside first, never overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import tomli_w
from pydantic import BaseModel, ValidationError

from backtimer.domain.parsing.problems import from_validation_error
from backtimer.storage.files import set_aside, write_atomic
from backtimer.storage.safe_read import UnusableFile, read_toml

M = TypeVar("M", bound=BaseModel)


def load_model(
    path: Path, model: type[M], max_bytes: int, instead: str, *, until_fixed: str = ""
) -> tuple[M, list[str]]:
    """The model the file holds, or its defaults and why.

    Args:
        instead: what is done instead, for the messages ("using the defaults").
        until_fixed: added to it after the problems of a file that does not fit.
    """
    try:
        data = read_toml(path, max_bytes)
    except FileNotFoundError:
        return model(), []
    except UnusableFile as exc:
        return model(), [f"{exc}; {instead}"]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        lines = [f"{path}: {problem}" for problem in from_validation_error(exc)]
        return model(), [*lines, f"{path}: {instead}{until_fixed}"]


def save_model(
    path: Path, header: str, data: dict[str, object], readable: Callable[[], bool]
) -> list[str]:
    """Write ``data`` below ``header``; a file there that is not ``readable`` is kept aside."""
    problems: list[str] = []
    if os.path.lexists(path) and not readable():
        kept = set_aside(path)
        problems.append(f"{path}: could not be read, kept as {kept.name}")
    write_atomic(path, header + tomli_w.dumps(data))
    return problems
