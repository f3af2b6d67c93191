"""``routines`` and ``exercises`` answered from the cache while no file they read changed.

The full commands live in `backtimer.cli.routines`, which validates every file
with the models; this module imports it only when the answer kept in
`backtimer.storage.answer_cache` no longer matches the files. The answer is
then worked out in full, printed as it is made, and kept for the next time.
"""

from __future__ import annotations

import argparse
import importlib
import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from typing import TextIO

from backtimer.storage import answer_cache


class _Copy(io.StringIO):
    """A text stream that writes through to another and keeps what went by."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        super().write(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


def _answered(name: str, function: str, args: argparse.Namespace) -> int:
    """The command's answer as kept, or worked out in full by ``routines:function``
    (printed as it comes, and kept)."""
    command = f"{name}-json" if args.json else name
    key = answer_cache.routines_key()
    if key is not None and (kept := answer_cache.recall(command, key)) is not None:
        sys.stdout.write(kept.stdout)
        sys.stderr.write(kept.stderr)
        return kept.code
    full = getattr(importlib.import_module("backtimer.cli.routines"), function)
    out, err = _Copy(sys.stdout), _Copy(sys.stderr)
    with redirect_stdout(out), redirect_stderr(err):
        code: int = full(args)
    if key is not None and key == answer_cache.routines_key():  # nothing changed meanwhile
        answer = answer_cache.Answer(out.getvalue(), err.getvalue(), code)
        answer_cache.remember(command, key, answer)
    return code


def list_routines(args: argparse.Namespace) -> int:
    return _answered("routines", "list_routines", args)


def list_exercises(args: argparse.Namespace) -> int:
    return _answered("exercises", "list_exercises", args)
