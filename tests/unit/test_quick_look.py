"""The quick look at the programme says what the full reading says, from the same files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest

from backtimer.domain.reminder import NotPlain, due_now, reminder_line
from backtimer.domain.schedule import progress
from backtimer.storage.history import HistoryStore
from backtimer.storage.programs import situation, start_program
from backtimer.storage.quick_look import history_files_since, quick_look
from tests.unit.test_schedule import session

KOLKATA = timezone(timedelta(hours=5, minutes=30))


def lines(now: datetime, zone: tzinfo) -> tuple[str, str]:
    """The reminder line by the quick look and by the full reading."""
    look = quick_look(now, zone)
    assert look is not None
    quick = progress(look.program, look.start, look.sessions, now, zone)
    full = situation(HistoryStore(lambda: now), now, zone)
    plan = full.standing.progress
    assert plan is not None
    local = now.astimezone(zone)
    return (
        reminder_line(quick, due_now(quick, local), look.names),
        reminder_line(plan, due_now(plan, local), full.names),
    )


@pytest.mark.parametrize("zone", [UTC, KOLKATA], ids=["utc", "plus-5h30"])
def test_twice_a_day_through_a_day(zone: tzinfo) -> None:
    start = date(2026, 11, 23)
    start_program("flexible-back-3wk", start)
    day = datetime(2026, 11, 25, tzinfo=zone)
    store = HistoryStore(lambda: day)
    store.record(session("flexible-back-morning", day.replace(hour=7)))
    seen = []
    for hour in (8, 15, 21):
        now = day.replace(hour=hour)
        if hour == 21:
            store.record(session("flexible-back-evening", now))
        quick, full = lines(now.astimezone(UTC), zone)
        assert quick == full
        seen.append(quick)
    assert seen == [
        "Flexible back: evening — day 3 of 21, due from 14:00",
        "Due now: Flexible back: evening — day 3 of 21 (backtimer start flexible-back-evening)",
        "Flexible back: day 3 of 21 done — day 4 of 21 comes on Thu 26 Nov",
    ]


def test_three_a_week_counts_the_week_across_the_end_of_a_month() -> None:
    start = date(2026, 10, 20)  # a Tuesday: programme weeks run Tuesday to Monday
    start_program("back-durability-6wk", start)
    now = datetime(2026, 11, 2, 9, tzinfo=UTC)  # Monday, the last day of week 2
    store = HistoryStore(lambda: now)
    week_two = [datetime(2026, 10, d, 8, tzinfo=UTC) for d in (27, 29, 31)]
    store.record_many([session("back-durability", moment) for moment in week_two])
    assert (store.files()[0].name, store.files()[-1].name) == ("2026-10.toml", "history.toml")
    quick, full = lines(now, UTC)
    assert quick == full
    assert "Due now" not in quick  # three days done in this week already
    store.record(session("back-durability", now - timedelta(hours=1)))  # a fourth: still fine
    assert lines(now, UTC)[0] == lines(now, UTC)[1]


def test_history_files_of_a_week_over_two_months() -> None:
    since = datetime(2026, 10, 27, tzinfo=UTC)
    names = [path.name for path in history_files_since(since, datetime(2026, 11, 2, tzinfo=UTC))]
    assert names == ["2026-10.toml", "history.toml"]


def test_no_programme_file_means_no_programme() -> None:
    assert quick_look(datetime.now(UTC), UTC) is None


def test_a_programme_file_with_a_key_programmes_do_not_have_is_left_to_the_full_path(
    home: Path,
) -> None:
    folder = home / "programs"
    folder.mkdir(parents=True)
    text = 'format = 1\nname = "Mine"\nweeks = 2\ndays_per_week = 2\n'
    (folder / "mine.toml").write_text(text + '[[slot]]\nroutine = "desk-reset"\n')
    start_program("mine", date(2026, 11, 23))
    assert quick_look(datetime(2026, 11, 24, tzinfo=UTC), UTC) is not None
    (folder / "mine.toml").write_text(text + 'colour = "blue"\n[[slot]]\nroutine = "desk-reset"\n')
    with pytest.raises(NotPlain):
        quick_look(datetime(2026, 11, 24, tzinfo=UTC), UTC)


def test_a_slot_whose_routine_file_is_gone_is_left_to_the_full_path(home: Path) -> None:
    folder = home / "programs"
    folder.mkdir(parents=True)
    slot = '[[slot]]\nroutine = "gone"\n'
    (folder / "mine.toml").write_text(
        f'format = 1\nname = "M"\nweeks = 1\ndays_per_week = 1\n{slot}'
    )
    start_program("mine", date(2026, 11, 23))
    with pytest.raises(NotPlain):
        quick_look(datetime(2026, 11, 24, tzinfo=UTC), UTC)
