"""An easier week after a flare-up: what starts one, what it says, and that nothing grows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backtimer.domain.coaching.easier_week import EASIER_DAYS, easier_week
from backtimer.domain.history.digest import digest
from backtimer.domain.history.session import Session
from backtimer.storage import library, progression
from backtimer.storage.programmes import start_programme
from tests.progress_histories import durability, session_of

NOW = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # a Thursday


def rated(days_ago: int, before: int, after: int, **changes: object) -> Session:
    started = NOW - timedelta(days=days_ago, hours=8)
    session = session_of(durability(), started, before, after, number=days_ago)
    return session.model_copy(update=changes)


def test_pain_that_rose_starts_an_easier_week_from_that_day() -> None:
    week = easier_week([rated(3, 1, 1), rated(1, 2, 5)], NOW, UTC)
    assert week is not None
    assert week.flare_day == (NOW - timedelta(days=1)).date()
    assert week.until == week.flare_day + timedelta(days=EASIER_DAYS)
    assert week.reasons == ("pain rose from 2 to 5 on Wed 25 Nov",)
    assert not week.see_professional
    assert week.headline() == (
        "Easier week, to Tue 1 Dec: your back flared up on Wed 25 Nov"
        " (pain rose from 2 to 5 on Wed 25 Nov)."
    )
    assert "nothing in the programme grows before Wed 2 Dec" in week.advice()
    assert "leave out any move that brings the pain on" in week.advice()


def test_symptoms_down_a_leg_start_one_and_call_for_a_professional() -> None:
    week = easier_week([rated(2, 1, 1, leg_symptoms=True)], NOW, UTC)
    assert week is not None and week.see_professional
    assert len(week.reasons) == 1 and "ran down a leg" in week.reasons[0]
    assert "doctor or a physiotherapist" in week.advice()


def test_a_warning_in_the_note_starts_one() -> None:
    week = easier_week([rated(1, 1, 1, note="a sharp twinge at the end")], NOW, UTC)
    assert week is not None and week.see_professional


def test_calm_sessions_and_a_flare_over_a_week_ago_start_none() -> None:
    assert easier_week([rated(2, 2, 2), rated(1, 1, 2)], NOW, UTC) is None
    assert easier_week([rated(EASIER_DAYS, 1, 6), rated(1, 1, 1)], NOW, UTC) is None
    assert easier_week([rated(EASIER_DAYS - 1, 1, 6)], NOW, UTC) is not None


def test_the_latest_flare_sets_the_week() -> None:
    week = easier_week([rated(5, 1, 6), rated(4, 1, 1), rated(2, 3, 6)], NOW, UTC)
    assert week is not None and week.flare_day == (NOW - timedelta(days=2)).date()


def test_in_an_easier_week_no_step_of_any_routine_grows_and_the_reason_says_until_when() -> None:
    """The rules' own pause after a flare is the easier week: one rule, two places."""
    entry = next(e for e in library.builtin_routines() if e.id == "back-durability")
    calm = [
        digest(session_of(durability(), NOW - timedelta(days=d), 2, 2, next_morning=2))
        for d in range(14, 0, -2)
    ]
    advised = progression.advise_on(entry, calm, NOW, UTC)
    assert any(item.verdict == "progress" for item in advised), "calm weeks grow a step"
    flare = session_of(durability(), NOW - timedelta(hours=30), 2, 2, routine_id="desk-reset")
    history = [*calm, digest(flare.model_copy(update={"leg_symptoms": True}))]
    start_programme("back-durability-6wk", (NOW - timedelta(days=7)).date())
    week = easier_week(history, NOW, UTC)
    held = progression.advise_on(entry, history, NOW, UTC)
    assert week is not None and not any(item.verdict == "progress" for item in held)
    assert all(item.paused_until == week.until for item in held)
