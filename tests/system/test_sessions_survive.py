"""Sessions survive what happens to real processes: kill -9, and two copies at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

from backtimer.storage.history import HistoryStore
from backtimer.tui.screens.question import GUARD_SECONDS
from tests.system.terminal import Terminal, wait_until


def journal_step(home: Path) -> int:
    """The step the journal of the session under way has reached (0 when there is none)."""
    for path in (home / "in-progress").glob("*.toml"):
        try:
            sessions = tomllib.loads(path.read_text()).get("session", [])
        except (OSError, tomllib.TOMLDecodeError):
            continue  # being replaced this instant
        if sessions:
            return int(sessions[0].get("stopped_at_step", 0))
    return 0


def test_a_killed_workout_is_recorded_as_interrupted_at_the_next_start(home: Path) -> None:
    first = Terminal(home, "start", "back-durability")
    try:
        first.wait_for("How much does your back hurt")
        time.sleep(GUARD_SECONDS)  # a question ignores keys as it appears
        first.press("5")
        first.wait_for("Step 1 of")
        first.press("n")  # end the get-ready
        # skip the suitcase carry (its set in the left hand, the rest, the right hand's):
        # a step change is saved
        first.press("n")
        first.press("n")
        first.press("n")
        wait_until(lambda: journal_step(home) == 2, what="the journal at step 2")
        os.kill(first.process.pid, signal.SIGKILL)
        first.process.wait(timeout=10)
    finally:
        first.close()
    assert HistoryStore().load().sessions == []  # nothing recorded by the dead process

    second = Terminal(home)
    try:
        second.wait_for("Resume Back durability?")
        (session,) = HistoryStore().load().sessions
        assert (session.status, session.stopped_at_step, session.pain_before) == (
            "interrupted",
            2,
            5,
        )
        assert session.steps[0].skipped
        second.press("\x11")  # ctrl+q
        second.process.wait(timeout=10)
    finally:
        second.close()
    assert list((home / "in-progress").glob("*.toml")) == []


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from backtimer.domain.history.session import Session
    from backtimer.storage.history import HistoryStore

    name, count = sys.argv[1], int(sys.argv[2])
    now = datetime.now(UTC)
    store = HistoryStore()
    print("ready", flush=True)
    sys.stdin.readline()  # both start writing at the same moment
    for number in range(count):
        # every third session is from last month, so files move between months too
        started = now - timedelta(days=40 if number % 3 == 0 else 0, seconds=number)
        store.record(
            Session(
                id=f"{started:%Y%m%dT%H%M%SZ}-{name}{number:04x}",
                routine="desk-reset",
                routine_name="Desk reset",
                started_at=started,
                ended_at=started + timedelta(minutes=7),
                status="completed",
                active_seconds=394,
                paused_seconds=0,
            )
        )
    """
)


def test_two_processes_recording_at_once_lose_nothing(home: Path) -> None:
    env = {**os.environ, "BACKTIMER_HOME": str(home)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, "60"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("aa", "bb")
    ]
    # Each says when it is ready (its imports done); then both are let go at once, and
    # the test goes on as soon as both have ended.
    assert [writer.stdout.readline() for writer in writers if writer.stdout] == ["ready\n"] * 2
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0]
    result = HistoryStore().load()
    assert result.problems == []
    ids = {session.id for session in result.sessions}
    assert len(ids) == 120
    assert {i[-6:-4] for i in ids} == {"aa", "bb"}
