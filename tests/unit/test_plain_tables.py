"""What the quick reading takes of a session or of ``program.toml``, the models take too.

`backtimer.domain.history.plain_tables` reads tables without pydantic for the quick
``today --exit-code``; it must never take a table the models refuse (then the
quick answer counted a session the full answer leaves out: issue 22, point 4).
These tests break good tables in every way a file can (a key dropped, a value
of another type or out of range, a key added, a step broken) and check that
whatever the quick reading takes, the model takes and reads the same.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from backtimer.domain.history import plain_tables
from backtimer.domain.history import session as history
from backtimer.domain.history.plain_tables import NotPlain, plain_session, plain_state
from backtimer.domain.history.session import Session, StepRecord
from backtimer.domain.parsing import ids
from backtimer.domain.programmes.programme import MAX_FILE_BYTES, Enrolment, ProgrammeState
from backtimer.domain.routines.routine import MAX_STEPS
from backtimer.storage import plain_programme as quick_look
from backtimer.storage import programmes as programs
from backtimer.storage.history_file import HISTORY_MAX_BYTES
from tests.fuzzing import SESSION_KEYS, STEP_KEYS, broken, odd_values
from tests.strategies import examples


def test_the_limits_are_the_models() -> None:
    assert plain_tables.ID_PATTERN == ids.ID_PATTERN
    assert (plain_tables.EARLIEST_YEAR, plain_tables.LATEST_YEAR) == (
        history.EARLIEST_YEAR,
        history.LATEST_YEAR,
    )
    assert plain_tables.MAX_SECONDS == history.MAX_SECONDS
    assert plain_tables.MAX_COUNT == history.MAX_COUNT
    assert plain_tables.NOTE_MAX_CHARS == history.NOTE_MAX_CHARS
    assert plain_tables.MAX_STEPS == history.MAX_STEPS == MAX_STEPS
    assert plain_tables.STATUSES == history.STATUSES
    assert quick_look.STATE_MAX_BYTES == programs.STATE_MAX_BYTES
    assert quick_look.PROGRAMME_MAX_BYTES == MAX_FILE_BYTES
    assert quick_look.HISTORY_MAX_BYTES == HISTORY_MAX_BYTES


def test_every_field_of_a_record_is_known_to_the_quick_reading() -> None:
    """A field added to the record must be added to the quick reading, with its rule."""
    assert set(Session.model_fields) <= plain_tables.SESSION_KEYS
    assert plain_tables.SESSION_KEYS - set(Session.model_fields) <= {"leg_symptoms", "next_morning"}
    assert set(StepRecord.model_fields) == plain_tables.STEP_KEYS
    assert set(ProgrammeState.model_fields) == plain_tables.STATE_KEYS
    assert set(Enrolment.model_fields) == plain_tables.ENROLMENT_KEYS


def as_in_a_file(table: dict[str, Any]) -> dict[str, Any]:
    """The table as tomllib reads it back from a file (TOML's own types)."""
    return tomllib.loads(tomli_w.dumps(table))


GOOD_SESSION = as_in_a_file(
    Session(
        id="20261123T070000Z-abc123",
        routine="back-durability",
        routine_name="Back durability",
        routine_version="1a2b3c4d",
        started_at=datetime(2026, 11, 23, 7, tzinfo=UTC),
        ended_at=datetime(2026, 11, 23, 7, 6, tzinfo=UTC),
        status="stopped",
        active_seconds=324.5,
        paused_seconds=20.0,
        pain_before=4,
        pain_after=3,
        note="fine",
        stopped_at_step=2,
        steps=[
            StepRecord(
                exercise="suitcase-carry",
                sets_done=2,
                reps_done=0,
                seconds_done=90.0,
                planned_sets=2,
                planned_seconds=90,
            ),
            StepRecord(exercise="cat-cow", sets_done=0, reps_done=3, seconds_done=9, skipped=True),
        ],
    ).model_dump(mode="python", exclude_none=True)
)


@st.composite
def sessions(draw: st.DrawFn) -> dict[str, Any]:
    table = dict(GOOD_SESSION)
    if draw(st.booleans()):
        table = draw(broken(table, SESSION_KEYS))
    steps = table.get("steps")
    if isinstance(steps, list) and steps and draw(st.booleans()):
        at = draw(st.integers(0, len(steps) - 1))
        if isinstance(steps[at], dict):
            steps = [*steps]
            steps[at] = draw(broken(steps[at], STEP_KEYS))
            table["steps"] = steps
    if draw(st.integers(0, 9)) == 0:
        table["steps"] = [GOOD_SESSION["steps"][0]] * draw(st.sampled_from([199, 200, 201]))
    return table


@settings(max_examples=examples(1500), deadline=None)
@given(sessions())
def test_a_session_the_quick_reading_takes_the_model_takes_and_counts_alike(
    table: dict[str, Any],
) -> None:
    quick = plain_session(table)
    if quick is None:
        return  # the full path reads it and says what is wrong
    try:
        model = Session.model_validate(table)
    except ValidationError as exc:
        raise AssertionError(f"the quick reading took what the model does not: {exc}") from None
    assert (quick.id, quick.routine, quick.started_at) == (
        model.id,
        model.routine,
        model.started_at,
    )
    assert quick.counts == model.counts


def test_the_good_session_is_taken_and_each_required_field_is_needed() -> None:
    assert plain_session(GOOD_SESSION) is not None
    for key in ("id", "routine", "routine_name", "started_at", "ended_at", "status"):
        table = {k: v for k, v in GOOD_SESSION.items() if k != key}
        assert plain_session(table) is None, key
        with pytest.raises(ValidationError):
            Session.model_validate(table)


GOOD_STATE = as_in_a_file(
    {
        "active": {"program": "back-durability-6wk", "start": date(2026, 11, 23)},
        "past": [
            {"program": "flexible-back-3wk", "start": date(2026, 10, 1), "left": date(2026, 10, 9)}
        ],
        "copies": {"desk-reset": "my-desk-reset"},
    }
)


@st.composite
def states(draw: st.DrawFn) -> dict[str, Any]:
    table = draw(broken(GOOD_STATE, ["active", "past", "copies", "colour"]))
    for part, keys in (("active", ["program", "start", "left", "colour"]),):
        if isinstance(table.get(part), dict) and draw(st.booleans()):
            table[part] = draw(broken(table[part], keys))
    if draw(st.booleans()):
        table["past"] = [draw(broken(GOOD_STATE["past"][0], ["program", "start", "left"]))]
    if draw(st.booleans()):
        table["copies"] = draw(
            st.dictionaries(st.sampled_from(["desk-reset", "Desk", "a" * 65, ""]), odd_values)
        )
    return table


@settings(max_examples=examples(800), deadline=None)
@given(states())
def test_a_programme_state_the_quick_reading_takes_the_model_takes_alike(
    table: dict[str, Any],
) -> None:
    try:
        quick = plain_state(table)
    except NotPlain:
        return
    try:
        model = ProgrammeState.model_validate(table)
    except ValidationError as exc:
        raise AssertionError(f"the quick reading took what the model does not: {exc}") from None
    active = (model.active.program, model.active.start) if model.active else None
    assert (quick.active, quick.copies) == (active, model.copies)
