"""The cache of whole sessions: the sessions of the TOML files, only quicker, never in charge."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtimer.domain.history.session import Session
from backtimer.storage import file_cache, locations, session_cache
from backtimer.storage import history as history_module
from backtimer.storage.files import write_atomic
from backtimer.storage.history import DigestLoad, HistoryLoad, HistoryStore
from backtimer.storage.history_file import HEADER, HistoryFile, parse_file
from tests.factories import session
from tests.strategies import examples, session_tables

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
Read = list[tuple[list[Session], list[str]]]


def store() -> HistoryStore:
    return HistoryStore(lambda: NOW)


def from_the_files() -> Read:
    """Each history file's sessions and problems, parsed from its TOML (no cache at all)."""
    read: Read = []
    for path in store().files():
        parsed = parse_file(path.read_bytes(), str(path))
        read.append((parsed.sessions, parsed.problems()))
    return read


@contextmanager
def parses() -> Iterator[list[str]]:
    """The name of every history file parsed within the block."""
    parsed: list[str] = []
    real = history_module.parse_file

    def counting(raw: bytes, source: str) -> HistoryFile:
        parsed.append(os.path.basename(source))
        return real(raw, source)

    history_module.parse_file = counting
    try:
        yield parsed
    finally:
        history_module.parse_file = real


def write_month(name: str, tables: list[dict[str, Any]]) -> Path:
    path = locations.archive_dir() / f"{name}.toml"
    write_atomic(path, HEADER + (tomli_w.dumps({"session": tables}) if tables else ""))
    return path


def three_months() -> list[Session]:
    sessions = [
        session(NOW - timedelta(days=62), suffix="000001"),
        session(NOW - timedelta(days=31), suffix="000002", note="tight hips", pain_before=4),
        session(NOW, suffix="000003", pain_before=4, pain_after=2, leg_symptoms=True),
    ]
    store().record_many(sessions)
    return sessions


@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.lists(session_tables(), max_size=4), min_size=1, max_size=3),
    session_tables(),
)
def test_sessions_through_the_cache_are_the_sessions_in_the_files(
    home: Path, months: list[list[dict[str, Any]]], new: dict[str, Any]
) -> None:
    shutil.rmtree(home, ignore_errors=True)
    for number, tables in enumerate(months, start=1):
        write_month(f"2020-{number:02}", tables)
    expected = from_the_files()
    assert list(store().each_file()) == expected  # parsed, and cached
    with parses() as parsed:
        assert list(store().each_file()) == expected  # from the cache
    uncached = [p.name for p in store().files() if not session_cache.cache_path(p).exists()]
    assert parsed == uncached  # a file whose sessions would not come back exactly
    try:
        recorded = Session.model_validate(new)
    except ValueError:
        return
    store().record(recorded)  # a new session: its month's file changes, and is read again
    expected = from_the_files()
    assert list(store().each_file()) == expected
    assert list(store().each_file()) == expected
    assert store().load().sessions == sorted(
        {s.id: s for sessions, _ in expected for s in sessions}.values(),
        key=lambda s: s.started_at,
    )


def test_a_warm_read_parses_nothing_and_a_recorded_session_is_read_again() -> None:
    sessions = three_months()
    assert store().load().sessions == sessions
    with parses() as parsed:
        assert store().load().sessions == sessions
        assert parsed == []
        later = session(NOW + timedelta(hours=1), suffix="000004")
        store().record(later)
        assert parsed == ["history.toml"]  # the writer parses the TOML it rewrites
        parsed.clear()
        assert store().load().sessions == [*sessions, later]
        assert parsed == ["history.toml"]  # and the next read parses that file only


def test_times_come_back_as_they_were_written() -> None:
    """The model writes its times in UTC to the second; the cache keeps them as read."""
    started = datetime(2025, 3, 1, 7, 0, 0, 123456, tzinfo=UTC).astimezone()
    table = session(started).model_dump(exclude_none=True) | {"started_at": started}
    write_month("2025-03", [table])
    (first,) = store().load().sessions
    (again,) = store().load().sessions
    assert again.started_at == first.started_at == started
    assert again.started_at.utcoffset() == started.utcoffset()
    assert again.started_at.microsecond == 123456
    assert again.model_fields_set == first.model_fields_set  # what the file gave, no more


def test_a_file_that_would_not_come_back_exactly_is_not_cached() -> None:
    table = session(NOW - timedelta(days=31)).model_dump(exclude_none=True)
    write_month("2026-10", [table | {"seen_on": datetime(2026, 10, 1).date()}])
    expected = from_the_files()
    assert list(store().each_file()) == expected
    assert not session_cache.cache_path(locations.archive_dir() / "2026-10.toml").exists()
    assert list(store().each_file()) == expected  # the date stays a date


def test_a_damaged_or_foreign_cache_file_is_ignored_and_rebuilt() -> None:
    sessions = three_months()
    store().load()
    cached = session_cache.cache_path(locations.history_file())
    whole = cached.read_bytes()
    header, body = whole.split(b"\n")
    cases = [
        b"{not json",
        b"",
        b"\0" * len(whole),
        whole[: len(whole) // 2],
        header + b"\n" + body[:-2],
        header.replace(b'"version":1', b'"version":0') + b"\n" + body,
        header + b"\n" + b"[" * 100_000 + b"]" * 100_000,  # nested too deep for any parser
        b"[" * 100_000 + b"\n" + body,
        header + b"\n" + b"[" + b"9" * 100_000 + b"]",
        header.replace(b'"problems":[]', b'"problems":[' + b"9" * 5000 + b"]") + b"\n" + body,
        header + b'\n[{"id":"' + b"x" * (10 * 2**20) + b'"}]',  # 10 MB
    ]
    for case in cases:
        cached.write_bytes(case)
        assert store().load().sessions == sessions
        assert cached.read_bytes() == whole  # written again, whole
    cached.unlink()
    os.mkfifo(cached)  # a pipe in its place: never opened, never waited on
    assert store().load().sessions == sessions
    assert cached.read_bytes() == whole


def test_an_edited_cache_is_held_to_the_model() -> None:
    """A cache file edited by hand, its key kept, still brings in only valid sessions: pain
    11 is refused by the model, and the sessions come from the TOML file."""
    sessions = three_months()
    store().load()
    cached = session_cache.cache_path(locations.archive_dir() / "2026-10.toml")
    header, body = cached.read_bytes().split(b"\n")
    data = json.loads(body)
    assert data[0]["pain_before"] == 4
    data[0]["pain_before"] = 11
    cached.write_bytes(header + b"\n" + json.dumps(data).encode())
    with parses() as parsed:
        assert store().load().sessions == sessions
        assert parsed == ["2026-10.toml"]
    assert json.loads(cached.read_bytes().split(b"\n")[1])[0]["pain_before"] == 4


def test_problems_are_kept_with_the_cached_sessions() -> None:
    three_months()
    broken = locations.archive_dir() / "2026-10.toml"
    write_atomic(broken, "[[session]]\nid = 'a/b'\n")
    first = list(store().each_file())
    with parses() as parsed:
        assert list(store().each_file()) == first
        assert parsed == []
    assert first[1][1] == [
        f"{broken}: line 1: session 1 (id 'a/b'): id: must be 1 to 64 printable characters"
        " without '/' (got 'a/b'); left out until the file is repaired"
    ]


@pytest.mark.parametrize("kind", file_cache.KINDS)
def test_each_cache_is_private_and_follows_the_files(kind: str) -> None:
    """Both caches, the digests' and the sessions': one private file per history file,
    dropped with it (either reading drops what is left of a file, in both)."""
    three_months()
    read: dict[str, Callable[[], DigestLoad | HistoryLoad]] = {
        file_cache.DIGESTS: store().load_digests,
        file_cache.SESSIONS: store().load,
    }
    read[kind]()
    folder = file_cache.folder(kind)
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-09.json",
        "2026-10.json",
        "history.json",
    ]
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in folder.iterdir())
    (locations.archive_dir() / "2026-09.toml").unlink()
    assert len(read[kind]().sessions) == 2
    for each in file_cache.KINDS:
        assert not (file_cache.folder(each) / "2026-09.json").exists()


def test_a_cache_that_cannot_be_written_only_costs_speed() -> None:
    sessions = three_months()
    locations.cache_dir().mkdir(mode=0o700, exist_ok=True)
    shutil.rmtree(file_cache.folder(file_cache.SESSIONS), ignore_errors=True)
    file_cache.folder(file_cache.SESSIONS).write_text("a file where the folder should be")
    assert store().load().sessions == sessions
