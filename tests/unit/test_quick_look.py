"""The quick look at the programme says what the full reading says, from the same files."""

from __future__ import annotations

import os
import random
import tempfile
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any, TypeGuard

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtimer.domain.history.plain_tables import NotPlain
from backtimer.domain.programmes.due import due_now, reminder_line
from backtimer.domain.programmes.schedule import progress
from backtimer.storage import library, locations
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import dump
from backtimer.storage.plain_programme import quick_look
from backtimer.storage.programmes import situation, start_programme
from tests.factories import programme_session as session
from tests.fuzzing import SESSION_KEYS, STEP_KEYS, _toml_mutation, broken
from tests.strategies import examples

KOLKATA = timezone(timedelta(hours=5, minutes=30))


def lines(now: datetime, zone: tzinfo) -> tuple[str, str]:
    """The reminder line by the quick look and by the full reading."""
    look = quick_look(now, zone)
    assert look is not None
    quick = progress(look.program, look.start, look.sessions, now, zone, look.aliases)
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
    start_programme("flexible-back-3wk", start)
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
    start_programme("back-durability-6wk", start)
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


def test_no_programme_file_means_no_programme() -> None:
    assert quick_look(datetime.now(UTC), UTC) is None


def test_a_programme_file_with_a_key_programmes_do_not_have_is_left_to_the_full_path(
    home: Path,
) -> None:
    folder = home / "programs"
    folder.mkdir(parents=True)
    text = 'format = 1\nname = "Mine"\nweeks = 2\ndays_per_week = 2\n'
    (folder / "mine.toml").write_text(text + '[[slot]]\nroutine = "desk-reset"\n')
    start_programme("mine", date(2026, 11, 23))
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
    start_programme("mine", date(2026, 11, 23))
    with pytest.raises(NotPlain):
        quick_look(datetime(2026, 11, 24, tzinfo=UTC), UTC)


# ------------------------------------------------------------ any data folder (issue 22, point 4)

ROUTINES = ["back-durability", "flexible-back-morning", "flexible-back-evening", "desk-reset"]
COPIES = {routine: f"my-{routine}" for routine in ROUTINES}
ZONES = [UTC, KOLKATA, timezone(-timedelta(hours=8))]


@st.composite
def data_folders(draw: st.DrawFn) -> tuple[datetime, tzinfo]:
    """A data folder with a programme under way, maybe copies of routines (noted or not),
    and a history around now whose sessions may be broken in any way a file can be;
    returns the moment and the zone to ask at."""
    zone = draw(st.sampled_from(ZONES))
    day = date(2026, 11, 23) + timedelta(days=draw(st.integers(0, 20)))
    now = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))), zone)
    start = day - timedelta(days=draw(st.integers(0, 30)))
    program = draw(st.sampled_from(["back-durability-6wk", "flexible-back-3wk"]))
    start_programme(program, start)
    copies = draw(st.dictionaries(st.sampled_from(ROUTINES), st.just("-"), max_size=3))
    if copies:
        text = "".join(f'{r} = "{COPIES[r]}"\n' for r in copies)
        state = locations.program_file()
        state.write_text(state.read_text() + "\n[copies]\n" + text)
        locations.routines_dir().mkdir(parents=True, exist_ok=True)
        for routine in copies:
            if draw(st.integers(0, 4)):  # now and then the copy is not there
                builtin = (locations.builtin_routines() / f"{routine}.toml").read_text()
                (locations.routines_dir() / f"{COPIES[routine]}.toml").write_text(builtin)
        if draw(st.booleans()):
            library.all_routines()  # read in full (the app, `routines`): noted
    tables = []
    for number in range(draw(st.integers(0, 8))):
        routine = draw(st.sampled_from(ROUTINES + [COPIES[r] for r in copies]))
        minutes = st.integers(1, 60 * 24 * 2) | st.integers(1, 60 * 24 * 12)
        started = now - timedelta(minutes=draw(minutes))
        table = as_in_a_file(
            session(routine, started.astimezone(UTC), done=draw(st.booleans())).model_dump(
                mode="python", exclude_none=True
            )
            | {"id": f"s{number}"}
        )
        tables.append(draw(broken_sessions(table)) if draw(st.integers(0, 9)) == 0 else table)
    by_month: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        moment = table.get("started_at")
        month = f"{moment.astimezone(UTC):%Y-%m}" if _is_moment(moment) else f"{now:%Y-%m}"
        by_month.setdefault(month, []).append(table)
    this_month = f"{now.astimezone(UTC):%Y-%m}"
    for month, in_it in by_month.items():
        path = locations.history_file()
        if month != this_month and draw(st.integers(0, 4)):  # filed by hand, now and then
            path = locations.archive_dir() / f"{month}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = tomli_w.dumps({"session": in_it})
        if draw(st.integers(0, 9)) == 0:
            text = _toml_mutation(text, random.Random(draw(st.integers(0, 2**16))))
        with path.open("a") as file:
            file.write(text)
    return now, zone


def _is_moment(value: object) -> TypeGuard[datetime]:
    return isinstance(value, datetime) and value.utcoffset() is not None and value.year > 1


@st.composite
def broken_sessions(draw: st.DrawFn, table: dict[str, Any]) -> dict[str, Any]:
    changed = draw(broken(table, SESSION_KEYS))
    steps = changed.get("steps")
    if isinstance(steps, list) and steps and isinstance(steps[0], dict) and draw(st.booleans()):
        changed["steps"] = [draw(broken(steps[0], STEP_KEYS))]
    return changed


def as_in_a_file(table: dict[str, Any]) -> dict[str, Any]:
    return tomllib.loads(tomli_w.dumps(table))


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_quick_answer_is_the_full_answer_or_none(data: st.DataObject) -> None:
    """On any data folder, the quick look answers exactly as the full reading, or hands
    the question over (`NotPlain`): a prompt reminder never says other than `today`."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BACKTIMER_HOME"] = folder  # the test's own `home` fixture restores it
        now, zone = data.draw(data_folders())
        try:
            look = quick_look(now, zone)
        except NotPlain:
            return
        full = situation(HistoryStore(lambda: now), now, zone)
        plan = full.standing.progress
        assert look is not None and plan is not None, full.problems
        quick = progress(look.program, look.start, look.sessions, now, zone, look.aliases)
        local = now.astimezone(zone)
        assert reminder_line(quick, due_now(quick, local), look.names) == reminder_line(
            plan, due_now(plan, local), full.names
        )


def test_a_session_of_this_week_in_an_older_months_file_counts_as_in_the_full_path() -> None:
    """The quick look reads this week's months; a file of an earlier month is skipped
    only while it is as the last full reading noted it, with nothing this late."""
    start_programme("back-durability-6wk", date(2026, 11, 23))
    now = datetime(2026, 11, 25, 9, tzinfo=UTC)
    store = HistoryStore(lambda: now)
    store.record(session("back-durability", datetime(2026, 10, 5, 8, tzinfo=UTC)))
    october = locations.archive_dir() / "2026-10.toml"
    with pytest.raises(NotPlain):
        quick_look(now, UTC)  # not read in full since it was written
    situation(store, now, UTC)
    look = quick_look(now, UTC)
    assert look is not None and look.sessions == []
    # Written there by hand: a session of today, in October's file.
    today = session("back-durability", now - timedelta(hours=1))
    october.write_text(october.read_text() + dump([today]).split("\n\n", 1)[1])
    with pytest.raises(NotPlain):
        quick_look(now, UTC)
    full = situation(store, now, UTC).standing.progress
    assert full is not None and full.today_slots[0].done  # the full reading counts it
    with pytest.raises(NotPlain):
        quick_look(now, UTC)  # and the quick look leaves that file to it, as noted


def test_a_day_of_rest_after_last_weeks_last_session_as_in_the_full_path() -> None:
    """Strength work leaves a day off after each session, across the end of a programme
    week too: the quick look read only this week's sessions, and said the day was due."""
    start_programme("back-durability-6wk", date(2026, 11, 16))  # weeks from Monday
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)  # Monday: a new programme week
    store = HistoryStore(lambda: now)
    store.record(session("back-durability", datetime(2026, 11, 22, 8, tzinfo=UTC)))
    quick, full = lines(now, UTC)
    assert quick == full
    assert "rest day, a day off between sessions" in quick
