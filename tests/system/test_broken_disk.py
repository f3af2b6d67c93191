"""A disk that fails loses nothing and crashes nothing: the commands (issue 11, point 6).

Seen before: on a full disk ``history import`` ended in a traceback; on a
read-only data folder, so did ``history import``, ``routines import`` and
``programs start``. Each now says what it could not write and why, in one
line, exits 1, and leaves what was saved as it was. (tests/disks.py says
how the disk is broken; the TUI's side is in tests/tui/test_broken_disk.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.storage.history import HistoryStore
from tests.disks import Kind, broken_home
from tests.factories import NOW, session, write
from tests.hostile import GOOD_ROUTINE, export, session_table
from tests.system.conftest import run

REASON = {"full": "No space left on device", "read-only": "Read-only file system"}


def one_session(home: Path) -> None:
    HistoryStore(lambda: NOW).record(session(NOW))


@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_the_commands_that_write_say_why_they_could_not_in_one_line(
    kind: Kind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = write(tmp_path, "export.json", export(session_table(1), session_table(2)))
    routine = write(tmp_path, "mine.toml", GOOD_ROUTINE)
    with broken_home(tmp_path / "disk", kind, monkeypatch, one_session) as home:
        before = (home / "history.toml").read_bytes()
        for command in (
            ["history", "import", str(exported)],
            ["routines", "import", str(routine)],
            ["programs", "start", "back-durability-6wk"],
        ):
            ran = run(*command)
            assert ran.code == 1, command
            (said,) = ran.err.splitlines()
            assert said.startswith("backtimer: ") and REASON[kind] in said, said
            assert str(home) in said  # it says where it tried to write
        assert (home / "history.toml").read_bytes() == before
        assert [s.id for s in HistoryStore().load().sessions] == [session(NOW).id]
        assert run("history").code == 0
        assert run("stats").code == 0
