"""``routines`` and ``exercises`` answered from the cache: the full answer, byte for byte.

The quick answer (kept beside the look of every file the command reads) and the
full one (every file read through the models) agree on the built-in routines
and on generated files of one's own, good and broken, before and after a file
changes; a warm answer loads no model at all.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import backtimer.cli.listing as listing
import backtimer.cli.routines as full_commands
from backtimer.storage import answer_cache, locations

COMMANDS = [("list_routines", False), ("list_routines", True)]
COMMANDS += [("list_exercises", False), ("list_exercises", True)]
LONG_AGO = time.time() - 3600
OWN_MOVE = '[[exercise]]\nid = "bridge-march"\nname = "Bridge march"\n'


def answer(function: str, json: bool, module: object) -> tuple[str, str, int]:
    """What the command prints, on each stream, and its exit code."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = getattr(module, function)(argparse.Namespace(json=json))
    return out.getvalue(), err.getvalue(), code


def settle(folder: Path) -> None:
    """As though the files were written an hour ago (the cache skips a file changed just now)."""
    for path in [folder, *folder.glob("*.toml")]:
        os.utime(path, (LONG_AGO, LONG_AGO))


@st.composite
def routine_files(draw: st.DrawFn) -> str:
    lines = ["format = 1", f'name = "{draw(st.sampled_from(["Mine", "Zed", "ämber", ""]))}"']
    if draw(st.booleans()):
        lines.append(f'description = "{draw(st.sampled_from(["short", "ünïcode ✓"]))}"')
    if draw(st.booleans()):
        tags = draw(st.sampled_from(["[]", '["desk"]', "[1]"]))
        lines.append(f"tags = {tags}")
    lines.append(f"lead_in = {draw(st.integers(-1, 10))}")
    own = draw(st.booleans())
    if own:
        lines.append(OWN_MOVE)
    for _ in range(draw(st.integers(0, 3))):
        move = draw(st.sampled_from(["cat-cow", "suitcase-carry", "bridge-march", "no-such"]))
        lines += ["[[step]]", f'exercise = "{move}"']
        kind = draw(st.sampled_from(["reps = 5\ntempo = 3", "work = 30", "hold = 0", ""]))
        lines.append(kind)
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["oops = [", "format = 2", "\x00"])))
    return "\n".join(lines) + "\n"


def assert_quick_is_full() -> None:
    for function, json in COMMANDS:
        full = answer(function, json, full_commands)
        first = answer(function, json, listing)  # worked out in full, kept
        kept = answer(function, json, listing)  # from the cache
        assert first == full and kept == full


def test_the_built_in_routines_and_the_catalogue(home: Path) -> None:
    assert_quick_is_full()
    assert {p.name for p in (locations.cache_dir() / "answers").iterdir()} == {
        "routines.json",
        "routines-json.json",
        "exercises.json",
        "exercises-json.json",
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(routine_files(), min_size=1, max_size=3),
    st.lists(routine_files(), min_size=1, max_size=3),
)
def test_generated_files_and_each_change_to_them(
    home: Path, before: list[str], after: list[str]
) -> None:
    folder = locations.routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.toml"):
        old.unlink()
    for number, text in enumerate(before):
        (folder / f"mine-{number}.toml").write_text(text, "utf-8")
    settle(folder)
    assert_quick_is_full()
    for number, text in enumerate(after):  # rewritten in place, added; some left as they were
        (folder / f"mine-{number}.toml").write_text(text, "utf-8")
    settle(folder)
    assert_quick_is_full()
    (folder / "mine-0.toml").unlink()
    settle(folder)
    assert_quick_is_full()


def test_a_file_changed_just_now_is_read_in_full(home: Path) -> None:
    folder = locations.routines_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('format = 1\nname = "Mine"\n[[step]]\nexercise = "cat-cow"\n')
    assert answer_cache.routines_key() is None
    settle(folder)
    assert answer_cache.routines_key() is not None
