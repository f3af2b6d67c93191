"""``coaching.toml``: the red flags shown, one open, the mornings asked; and a morning's
rating written into its session."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backtimer.storage import coaching, locations
from backtimer.storage.history import HistoryStore
from tests.progress_histories import durability, session_of

NOW = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


def test_a_first_start_has_shown_nothing_and_no_flag_is_open(home: Path) -> None:
    state, problems = coaching.load_coaching()
    assert (state.red_flags_shown, state.red_flag_open, problems) == (None, False, [])
    assert not coaching.red_flag_open()
    assert not home.exists()  # reading writes nothing


def test_shown_once_is_remembered_with_its_time(home: Path) -> None:
    coaching.red_flags_shown(NOW)
    coaching.red_flags_shown(NOW + timedelta(days=1))  # the first time stays
    assert coaching.load_coaching()[0].red_flags_shown == NOW
    assert locations.coaching_file().stat().st_mode & 0o777 == 0o600
    assert tomllib.loads(locations.coaching_file().read_text())["red_flags_shown"] == NOW


def test_a_flag_stays_open_until_it_is_said_to_be_checked(home: Path) -> None:
    coaching.open_red_flag(NOW)
    assert coaching.red_flag_open()
    coaching.close_red_flag(NOW + timedelta(days=2))
    state, _ = coaching.load_coaching()
    assert not coaching.red_flag_open()
    assert state.red_flag_checked == NOW + timedelta(days=2)


def test_an_unreadable_file_keeps_growth_waiting_and_is_kept_aside(home: Path) -> None:
    home.mkdir()
    locations.coaching_file().write_text("red_flag_since = [not toml")
    assert coaching.red_flag_open()  # the gentler reading
    assert coaching.load_coaching()[1][0].startswith(str(locations.coaching_file()))
    problems = coaching.close_red_flag(NOW)
    assert any("kept as coaching.toml.unreadable-" in line for line in problems)
    assert not coaching.red_flag_open()
    assert [p.name for p in home.glob("coaching.toml.unreadable-*")]


def test_fields_of_a_newer_version_are_kept(home: Path) -> None:
    home.mkdir()
    locations.coaching_file().write_text('future = "kept"\n')
    coaching.morning_asked("abc")
    data = tomllib.loads(locations.coaching_file().read_text())
    assert data == {"future": "kept", "morning_asked": "abc"}


def test_a_mornings_rating_goes_into_its_session(home: Path) -> None:
    store = HistoryStore(lambda: NOW)
    yesterday = session_of(durability(), NOW - timedelta(days=1), 2, 3)
    other = session_of(durability(), NOW - timedelta(days=40), 1, 1, number=1)
    store.record_many([other, yesterday])
    assert coaching.record_morning(store, yesterday.id, 4) == yesterday
    by_id = {s.id: s for s in store.load().sessions}
    assert by_id[yesterday.id].next_morning == 4
    assert by_id[yesterday.id].model_copy(update={"next_morning": None}) == yesterday
    assert by_id[other.id] == other
    assert coaching.record_morning(store, "no-such-session", 4) is None
