"""A damaged history file costs at most the damaged session (issue 11, points 4 and 5).

Before, one damaged record hid its whole month: 128 sessions vanished from
view until the file was repaired by hand, and the next session set the whole
file aside. Now every session that can be read is read, the damaged one is
named with its line, and its text alone is set aside, byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.domain.history.stats import statistics
from backtimer.storage import locations
from backtimer.storage.history import HistoryStore
from tests.factories import NOW, session

SESSIONS = 128


@pytest.fixture
def month(store: HistoryStore) -> list[str]:
    """A month of 128 sessions in history.toml; returns their ids, oldest first."""
    sessions = [session(NOW - timedelta(hours=n), suffix=f"{n:06x}") for n in range(SESSIONS)]
    store.record_many(sessions)
    return sorted(s.id for s in sessions)


@pytest.fixture
def store() -> HistoryStore:
    return HistoryStore(lambda: NOW)


def damage(index: int, old: bytes, new: bytes) -> tuple[int, bytes]:
    """Change the ``index``-th session of history.toml (from 0); its first line and new text."""
    path = locations.history_file()
    raw = path.read_bytes()
    starts = [i for i in range(len(raw)) if raw.startswith(b"[[session]]\n", i)]
    begin, end = starts[index], starts[index + 1]
    part = raw[begin:end].replace(old, new, 1)
    assert part != raw[begin:end]
    path.write_bytes(raw[:begin] + part + raw[end:])
    return raw.count(b"\n", 0, begin) + 1, part


CASES = {
    "a note over the limit": (
        b'note = ""',
        b'note = "' + b"x" * 2500 + b'"',
        "note: must be at most",
    ),
    "a torn string": (b'routine = "desk-reset"', b'routine = "desk-res', "not valid TOML"),
    "a byte that is not UTF-8": (b"Desk reset", b"Desk \xff reset", "is not UTF-8 text"),
    "nesting": (b"status", b"x = " + b"[" * 600 + b"0" + b"]" * 600 + b"\nstatus", "nested"),
}


@pytest.mark.parametrize("case", CASES)
def test_only_the_damaged_session_is_left_out_and_only_its_text_set_aside(
    case: str, month: list[str], store: HistoryStore
) -> None:
    old, new, why = CASES[case]
    first, text = damage(40, old, new)
    result = store.load()
    assert len(result.sessions) == SESSIONS - 1
    (problem,) = result.problems
    path = locations.history_file()
    line = int(problem.removeprefix(f"{path}: line ").split(":")[0])
    assert first <= line < first + text.count(b"\n")  # the line in the damaged session
    assert f": session 41 (id '{month[40]}'): " in problem
    assert why in problem and problem.endswith("left out until the file is repaired")
    assert store.load_digests().problems == [problem]

    told = store.record(session(NOW + timedelta(minutes=1), suffix="ffffff"))
    (aside,) = path.parent.glob("history.toml.unreadable-*")
    assert aside.read_bytes() == text  # the damaged session's text, exactly, and nothing else
    assert told[-1] == (
        f"{path}: {SESSIONS - 1} sessions recovered; the text that could not be read is in"
        f" {aside.name}, exactly as it was"
    )
    assert why in told[0] and f"kept in {aside.name}" in told[0]
    after = HistoryStore(lambda: NOW).load()  # a later read (this store said it already)
    assert len(after.sessions) == SESSIONS
    (still,) = after.problems  # said at every read until looked at (the test below)
    assert str(aside) in still and "backtimer history --damaged" in still


def test_a_clock_set_back_mid_session_is_kept_and_breaks_no_figure(
    store: HistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    backwards = session(NOW, ended_at=NOW - timedelta(hours=1))
    store.record(backwards)
    assert store.load().sessions == [backwards]
    stats = statistics(store.load_digests().sessions, NOW.date(), None, 3)
    assert stats.sessions_total == 1
    assert stats.minutes_total == pytest.approx(394 / 60)
    for command in (["history"], ["stats", "--json"]):
        assert main(command, now=lambda: NOW) == 0
    capsys.readouterr()
    assert main(["history", "--json"], now=lambda: NOW) == 0
    (shown,) = json.loads(capsys.readouterr().out)
    assert shown["ended_at"] < shown["started_at"]
    assert main(["history", "--csv"], now=lambda: NOW) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["active_seconds"] == "394.0"


def test_what_the_app_writes_it_reads_back(store: HistoryStore, home: Path) -> None:
    longest = session(NOW, note="x" * 2000, routine_name="N" * 80)
    store.record(longest)
    assert HistoryStore(lambda: NOW).load().sessions == [longest]


def test_what_was_set_aside_is_said_until_the_person_has_looked(
    month: list[str], store: HistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once the next write had set a damaged session aside, no read mentioned it again."""
    _, text = damage(40, b'note = ""', b'note = "' + b"x" * 2500 + b'"')
    store.record(session(NOW + timedelta(minutes=1), suffix="ffffff"))
    (aside,) = locations.history_file().parent.glob("history.toml.unreadable-*")
    notice = (
        f"1 damaged part of the history is kept aside, exactly as it was ({aside}):"
        " see it with `backtimer history --damaged`"
    )
    assert HistoryStore(lambda: NOW).load().problems == [notice]
    assert HistoryStore(lambda: NOW).load_digests().problems == [notice]
    for command in (["stats"], ["history"], ["history", "--json"]):
        assert main(command, now=lambda: NOW) == 0
        assert capsys.readouterr().err == f"backtimer: {notice}\n", command

    assert main(["history", "--damaged"], now=lambda: NOW) == 0
    shown = capsys.readouterr().out
    assert str(aside) in shown and "x" * 100 in shown
    assert "no longer mention" in shown
    assert aside.read_bytes() == text  # looked at, never changed
    assert HistoryStore(lambda: NOW).load().problems == []
    assert main(["stats"], now=lambda: NOW) == 0
    assert capsys.readouterr().err == ""
    assert main(["history", "--damaged"], now=lambda: NOW) == 0  # still there to look at again
    assert str(aside) in capsys.readouterr().out
