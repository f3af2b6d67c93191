"""The digest cache: the same sessions as the TOML files, only quicker, and never in charge."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

import pytest

from backtimer.domain.history.digest import digest
from backtimer.domain.history.session import Session
from backtimer.storage import digest_cache, locations
from backtimer.storage import history as history_module
from backtimer.storage.files import write_atomic
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import HistoryFile, read_export
from tests.factories import session

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


@pytest.fixture
def store() -> HistoryStore:
    return HistoryStore(lambda: NOW)


def three_months(store: HistoryStore) -> list[Session]:
    sessions = [
        session(NOW - timedelta(days=62), suffix="000001"),
        session(NOW - timedelta(days=31), suffix="000002", note="tight hips"),
        session(
            NOW,
            suffix="000003",
            pain_before=4,
            pain_after=2,
            leg_symptoms=True,
            next_morning=3,
        ),
    ]
    store.record_many(sessions)
    return sessions


def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the name of every history file parsed from now on (within the monkeypatch)."""
    parsed: list[str] = []
    real = history_module.parse_file

    def counting(raw: bytes, source: str) -> HistoryFile:
        parsed.append(os.path.basename(source))
        return real(raw, source)

    monkeypatch.setattr(history_module, "parse_file", counting)
    return parsed


def test_digests_are_the_sessions_from_the_files(store: HistoryStore) -> None:
    sessions = three_months(store)
    expected = [digest(s) for s in sessions]
    assert store.load_digests().sessions == expected  # built from TOML
    assert store.load_digests().sessions == expected  # read from the cache


def test_only_files_changed_since_the_last_load_are_parsed(
    store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_months(store)
    store.load_digests()
    with monkeypatch.context() as m:
        parsed = parses(m)
        assert len(store.load_digests().sessions) == 3
        assert parsed == []
        store.record(session(NOW + timedelta(hours=1), suffix="000004"))
        assert parsed == ["history.toml"]  # recording reads this month only
        parsed.clear()
        assert len(store.load_digests().sessions) == 4
        assert parsed == ["history.toml"]  # and so does the next load


def test_a_file_changed_by_hand_is_read_again(store: HistoryStore) -> None:
    three_months(store)
    store.load_digests()
    october = locations.archive_dir() / "2026-10.toml"
    october.write_text(october.read_text().replace("tight hips", "loose hips"))
    (_, oct_session, _) = store.load_digests().sessions
    assert oct_session.note == "loose hips"


def test_a_damaged_or_old_cache_is_rebuilt(store: HistoryStore) -> None:
    sessions = three_months(store)
    store.load_digests()
    current = digest_cache.cache_path(locations.history_file())
    current.write_text("{not json")
    september = digest_cache.cache_path(locations.archive_dir() / "2026-09.toml")
    data = json.loads(september.read_text())
    september.write_text(json.dumps(data | {"version": 0, "sessions": []}))
    fresh = HistoryStore(lambda: NOW)  # a new process: nothing kept in memory
    assert fresh.load_digests().sessions == [digest(s) for s in sessions]
    assert json.loads(current.read_text())["version"] == digest_cache.VERSION


def test_a_broken_history_file_is_reported_at_every_read_cached_or_not(
    store: HistoryStore,
) -> None:
    three_months(store)
    broken = locations.archive_dir() / "2026-10.toml"
    write_atomic(broken, "[[session]]\nid = 'a/b'\n")
    problem = (
        f"{broken}: line 1: session 1 (id 'a/b'): id: must be 1 to 64 printable characters"
        " without '/' (got 'a/b'); left out until the file is repaired"
    )
    result = store.load_digests()
    assert len(result.sessions) == 2
    assert result.problems == [problem]
    fresh = HistoryStore(lambda: NOW)  # a new process reads the cache: the problem is kept there
    assert fresh.load_digests().problems == [problem]
    assert broken.read_text() == "[[session]]\nid = 'a/b'\n"  # reading never changes a file


def test_a_cache_that_cannot_be_written_only_costs_speed(store: HistoryStore) -> None:
    sessions = three_months(store)
    locations.cache_dir().mkdir(mode=0o700)
    locations.cache_dir().joinpath("history").write_text("a file where the folder should be")
    assert store.load_digests().sessions == [digest(s) for s in sessions]


def test_deleting_an_old_session_reads_its_month_only(
    store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = three_months(store)
    with monkeypatch.context() as m:
        parsed = parses(m)
        assert store.delete(sessions[0].id) == sessions[0]
        assert parsed == ["2026-09.toml"]
    assert [s.id for s in store.load().sessions] == [s.id for s in sessions[1:]]


def test_an_import_adds_only_sessions_not_there_yet(store: HistoryStore) -> None:
    sessions = three_months(store)
    newer = session(NOW + timedelta(hours=2), suffix="00000f")
    changed = sessions[0].model_copy(update={"note": "from the export"})
    added, problems = store.add_new([changed, newer, newer])
    assert (added, problems) == ([newer], [])
    loaded = store.load().sessions
    assert len(loaded) == 4
    assert loaded[0].note == ""  # what is already there is kept as it is


def test_an_export_that_is_not_one_names_the_file_and_the_problem() -> None:
    path = locations.data_dir() / "export.json"
    locations.data_dir().mkdir()
    cases = {
        "not json": "not valid JSON: Expecting value: line 1 column 1 (char 0)",
        '{"session": []}': "expected a list of sessions, as `backtimer history --json` writes",
        "[1]": "session 1: must be an object with a session's fields,"
        " as `backtimer history --json` writes",
        '[{"id": "20261124T073000Z-00000a"}]': "session 1 (id '20261124T073000Z-00000a'):"
        " routine: is required",
    }
    for text, problem in cases.items():
        path.write_text(text)
        with pytest.raises(ValueError) as caught:
            read_export(path)
        assert str(caught.value).splitlines()[0] == f"{path}: {problem}"  # then the rest


def test_the_cache_is_written_without_fsync(
    store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache file is never authoritative, so it need not be durable: syncing one file and
    its folder per month cost 2.6 s of a first read of ten years."""
    three_months(store)
    synced: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        synced.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    store.load_digests()
    assert len(list(digest_cache.folder().iterdir())) == 3
    assert synced == []


def test_a_cache_file_torn_anywhere_is_rebuilt(store: HistoryStore) -> None:
    """Written without fsync, a cache file may be cut short or zeroed by a crash: whatever
    is left of it, the next read ignores it and gets every session from the TOML file."""
    sessions = three_months(store)
    store.load_digests()
    cached = digest_cache.cache_path(locations.history_file())
    whole = cached.read_bytes()
    expected = [digest(s) for s in sessions]
    for torn in [whole[:length] for length in range(0, len(whole), 13)] + [b"\0" * len(whole)]:
        cached.write_bytes(torn)
        assert HistoryStore(lambda: NOW).load_digests().sessions == expected
        assert cached.read_bytes() == whole  # and it is written again, whole
