"""No generated file crashes, hangs or floods a reader (issue 11): a quick fuzz in the suite.

`tests.fuzzing` breaks a good file of each kind; each is read where backtimer
reads it, and every problem must be one line naming the file. The larger run
(2,000+ files, every command) is ``python benchmarks/fuzz_inputs.py``.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.storage import library
from backtimer.storage import programmes as programs
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import UnreadableFile, read_export
from backtimer.storage.settings import load_settings
from tests.fuzzing import GOOD, TARGETS, mutate


def read_as_backtimer_does(kind: str, path: Path) -> list[str]:
    """Every problem backtimer reports on reading ``path`` as a file of ``kind``."""
    if kind == "export":
        try:
            read_export(path)
        except (UnreadableFile, OSError) as exc:
            return str(exc).splitlines()
        return []
    if kind in ("routine", "small-routine"):
        return [line for e in library.user_routines(set()) for line in e.problem_lines()]
    if kind == "programme":
        ids = {e.id for e in library.builtin_routines()}
        return [line for e in programs.all_programmes(ids) for line in e.problem_lines()]
    if kind == "settings":
        return load_settings()[1]
    if kind == "program-state":
        return programs.load_state()[1]
    store = HistoryStore()
    recovered = store.recover()[1]
    return recovered + store.load().problems + HistoryStore().load_digests().problems


@settings(max_examples=150, deadline=None, derandomize=True)
@given(kind=st.sampled_from(sorted(GOOD)), seed=st.integers(0, 2**32 - 1))
def test_a_broken_file_of_any_kind_gets_one_line_problems_quickly(kind: str, seed: int) -> None:
    data = mutate(kind, random.Random(seed))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BACKTIMER_HOME"] = folder  # the test's own `home` fixture restores it
        place = TARGETS[kind].place
        path = place() if place is not None else Path(folder) / "export.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        began = time.monotonic()
        problems = read_as_backtimer_does(kind, path)
        assert time.monotonic() - began < 2.0
    for problem in problems:
        assert "\n" not in problem and "Traceback" not in problem
        assert problem.startswith(str(path)) or str(path) in problem or "could not" in problem
