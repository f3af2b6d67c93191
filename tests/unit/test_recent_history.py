"""``today`` reads only the recent history, and says exactly what the full reading says.

`HistoryStore.load_digests_since` skips the older files that cannot hold a session
the answer needs; whatever the history (sessions spread over years, a programme
started long ago, mornings, flares, a session in two files after an interrupted
move, one filed by hand in an old month's file), `today` prints the same, and the
coaching (the easier week, its warnings) is the same as from every session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtimer.cli import main, today
from backtimer.cli.today import morning_lines
from backtimer.domain.history.plain_tables import NotPlain
from backtimer.domain.history.session import Session
from backtimer.domain.programmes.standing import history_needed_from
from backtimer.storage import digest_cache, locations
from backtimer.storage.history import DigestLoad, HistoryStore
from backtimer.storage.history_file import dump
from backtimer.storage.programmes import situation, start_programme
from tests.factories import programme_session
from tests.strategies import examples

ZONES = [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]
ROUTINES = ["back-durability", "flexible-back-morning", "flexible-back-evening", "desk-reset"]
NOTES = ["", "felt fine", "sharp pain in the low back", "tingling down my left leg"]


@contextmanager
def full_reading() -> Iterator[None]:
    """``today`` as it was: every session read, and the programme and routines through
    their models."""
    with pytest.MonkeyPatch.context() as patch:

        def everything(store: HistoryStore, since: datetime) -> DigestLoad:
            return store.load_digests()

        def not_plain() -> None:
            raise NotPlain

        patch.setattr(HistoryStore, "load_digests_since", everything)
        patch.setattr(today, "quick_plan", not_plain)
        yield


def told(capsys: pytest.CaptureFixture[str], now: datetime, *args: str) -> tuple[str, str]:
    capsys.readouterr()
    assert main(["today", *args], now=lambda: now) == 0
    said = capsys.readouterr()
    return said.out, said.err


def answers(now: datetime, zone: tzinfo) -> tuple[object, ...]:
    """What the programme views and ``today`` work out, in ``zone``."""
    store = HistoryStore(lambda: now)
    found = situation(store, now, zone)
    enrolment = found.standing.enrolment
    since = history_needed_from(enrolment.start if enrolment else None, now, zone)
    return (
        found.standing.progress,
        found.easier,
        found.problems,
        morning_lines(store.load_digests_since(since).sessions, now, zone),
    )


def written_by_hand(path: Path, session: Session) -> None:
    """A session added to a history file as a person would, with an editor."""
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.read_text() if path.exists() else ""
    path.write_text(before + "\n" + dump([session]).split("\n\n", 1)[1])


@st.composite
def sessions(draw: st.DrawFn, now: datetime, number: int) -> Session:
    back = st.integers(1, 60 * 24 * 3) | st.integers(1, 60 * 24 * 14) | st.integers(1, 10**6)
    started = (now - timedelta(minutes=draw(back))).astimezone(UTC)
    pain = st.none() | st.integers(0, 10)
    return programme_session(
        draw(st.sampled_from(ROUTINES)), started, done=draw(st.booleans())
    ).model_copy(
        update={
            "id": f"{started:%Y%m%dT%H%M%SZ}-{number:06d}",
            "pain_before": draw(pain),
            "pain_after": draw(pain),
            "next_morning": draw(pain),
            "leg_symptoms": draw(st.none() | st.booleans()),
            "note": draw(st.sampled_from(NOTES)),
        }
    )


@st.composite
def histories(draw: st.DrawFn) -> tuple[datetime, tzinfo]:
    """A data folder with years of history, maybe a programme (lately or long ago), the
    history read in full or not since, and files changed by hand after that."""
    zone = draw(st.sampled_from(ZONES))
    day = date(2026, 11, 20) + timedelta(days=draw(st.integers(0, 20)))
    now = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))), zone)
    if draw(st.integers(0, 3)):
        start = day - timedelta(days=draw(st.integers(0, 40) | st.integers(0, 800)))
        start_programme(draw(st.sampled_from(["back-durability-6wk", "flexible-back-3wk"])), start)
    store = HistoryStore(lambda: now)
    count = draw(st.integers(0, 14))
    history = [draw(sessions(now, number)) for number in range(count)]
    store.record_many(history)
    if draw(st.booleans()):
        store.load_digests()  # read in full (the app, `stats`): each file's latest noted
    archive = sorted(locations.archive_dir().glob("*.toml"))
    if draw(st.booleans()) and history:  # an interrupted move: in two files
        written_by_hand(locations.history_file(), draw(st.sampled_from(history)))
    if draw(st.booleans()) and archive:  # a recent session filed by hand in an old month
        late = draw(sessions(now, 900)).model_copy(update={"started_at": now - timedelta(hours=30)})
        written_by_hand(draw(st.sampled_from(archive)), late)
    if draw(st.integers(0, 3)) == 0 and history:  # another session at the same moment
        twin = draw(st.sampled_from(history))
        written_by_hand(locations.history_file(), twin.model_copy(update={"id": "twin"}))
    return now, zone


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_recent_reading_gives_what_the_full_reading_gives(data: st.DataObject) -> None:
    """The programme's day, the easier week and its warnings, the mornings and the
    problems: from the recent sessions as from every session, in every zone."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BACKTIMER_HOME"] = folder  # the test's own `home` fixture restores it
        now, zone = data.draw(histories())
        quick = answers(now, zone)
        with full_reading():
            full = answers(now, zone)  # and the full reading notes each file
        assert quick == full
        assert answers(now, zone) == full


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_today_prints_what_it_printed_from_every_session(
    data: st.DataObject, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BACKTIMER_HOME"] = folder
        now, _ = data.draw(histories())
        for args in [(), ("--json",)]:
            quick = told(capsys, now, *args)
            with full_reading():
                full = told(capsys, now, *args)
            assert quick == full
            assert told(capsys, now, *args) == full


NOW = datetime(2026, 11, 25, 9, tzinfo=UTC)


def test_today_leaves_the_older_months_unread(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two years of sessions and a programme started this week: once the history has
    been read in full, ``today`` reads only the files of the last weeks."""
    store = HistoryStore(lambda: NOW)
    store.record_many(
        programme_session("back-durability", NOW - timedelta(days=3 * n)) for n in range(1, 240)
    )
    start_programme("back-durability-6wk", date(2026, 11, 23))
    store.load_digests()
    read: list[str] = []
    digests_of = digest_cache.digests_of

    def noted(source: Path, *args: object) -> digest_cache.Digested:
        read.append(source.name)
        return digests_of(source, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(digest_cache, "digests_of", noted)
    out, err = told(capsys, NOW)
    assert out.startswith("Back durability — day 1 of 18") and err == ""
    assert sorted(set(read)) == ["history.toml"]


def test_a_flare_filed_by_hand_in_an_old_month_is_read() -> None:
    """A session of yesterday that hurt, written by hand into a file of two years ago
    after the history was read: the easier week and its warning are still said."""
    store = HistoryStore(lambda: NOW)
    store.record_many(
        programme_session("back-durability", NOW - timedelta(days=7 * n)) for n in range(2, 110)
    )
    start_programme("back-durability-6wk", date(2026, 11, 23))
    store.load_digests()
    flare = programme_session("back-durability", NOW - timedelta(days=1)).model_copy(
        update={"pain_before": 2, "pain_after": 8, "leg_symptoms": True}
    )
    old = sorted(locations.archive_dir().glob("*.toml"))[0]
    written_by_hand(old, flare)
    found = situation(HistoryStore(lambda: NOW), NOW, UTC)
    assert found.easier is not None and found.easier.see_professional


def test_today_loads_neither_pydantic_nor_textual(home: Path) -> None:
    """With plainly valid files ``today`` needs no model: importing pydantic and
    building the models cost more than its whole answer."""
    start_programme("back-durability-6wk", date(2026, 11, 23))
    HistoryStore(lambda: NOW).record(programme_session("back-durability", NOW))
    HistoryStore(lambda: NOW).load_digests()  # the history read once (its digests kept)
    code = (
        "import sys\nfrom datetime import datetime, UTC\nfrom backtimer.cli import main\n"
        "assert main(['today'], now=lambda: datetime(2026, 11, 25, 9, tzinfo=UTC)) == 0\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'textual'})\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Back durability: day 1 of 18 done — day 2 of 18 comes this week",
        "  today    Back durability — done",
    ]
