"""``settings.toml`` read without the model (for ``stats``): the model's reading or none.

Whatever table the quick reading takes, the model takes and reads the same; a
file it does not take goes to the model, which says what is wrong, and the
answer (the weekly goal and the problems said) is the full path's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from backtimer.domain.history.plain_tables import SETTINGS_DEFAULTS, NotPlain, plain_settings
from backtimer.domain.routines.settings import Settings
from backtimer.storage import locations
from backtimer.storage.settings import load_settings, quick_settings, weekly_goal
from tests.strategies import examples

VALUES: dict[str, st.SearchStrategy[Any]] = {
    "weekly_goal": st.integers(-1, 23),
    "sound": st.booleans(),
    "flash": st.booleans(),
    "voice": st.booleans(),
    "speech_program": st.text(max_size=205),
    "cue_sounds": st.booleans(),
    "sound_program": st.text(max_size=205),
    "mat_view": st.booleans(),
    "lead_in": st.integers(-2, 125),
    "theme": st.text(max_size=65),
}
ODD = st.one_of(
    st.booleans(),
    st.integers(-(2**64), 2**64),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dates(),
)


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    keys = draw(st.sets(st.sampled_from(sorted(VALUES))))
    table = {
        key: draw(st.one_of(VALUES[key], ODD) if draw(st.booleans()) else VALUES[key])
        for key in keys
    }
    if draw(st.integers(0, 9)) == 0:
        table[draw(st.sampled_from(["weekly-goal", "colour", "Sound"]))] = draw(ODD)
    return table


def test_the_defaults_are_the_models() -> None:
    assert Settings().model_dump() == SETTINGS_DEFAULTS


@settings(max_examples=examples(400), deadline=None)
@given(tables())
def test_what_the_quick_reading_takes_the_model_takes_the_same(table: dict[str, Any]) -> None:
    try:
        quick = plain_settings(table)
    except NotPlain:
        quick = None
    try:
        full = Settings.model_validate(table).model_dump()
    except ValidationError:
        full = None
    assert quick == full


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tables(), st.sampled_from(["toml", "torn", "not-utf-8", "missing"]))
def test_the_weekly_goal_and_the_problems_are_the_full_paths(
    home: Path, table: dict[str, Any], shape: str
) -> None:
    path = locations.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    if shape == "toml":
        path.write_text(tomli_w.dumps(table), "utf-8")
    elif shape == "torn":
        path.write_text(tomli_w.dumps(table)[:-3] + "\n[", "utf-8")
    elif shape == "not-utf-8":
        path.write_bytes(b"weekly_goal = 4\n\xff\n")
    full, problems = load_settings()
    assert weekly_goal() == (full.weekly_goal, problems)
    try:
        assert quick_settings() == full.model_dump() and not problems
    except NotPlain:
        assert shape != "missing"
