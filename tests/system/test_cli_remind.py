"""``backtimer today --exit-code`` and ``--notify`` as a prompt, a cron job or a timer runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.storage import locations
from backtimer.storage.history import HistoryStore
from backtimer.storage.programmes import start_programme
from tests.factories import AT_NOW, NOW, completed
from tests.system.conftest import backtimer

DUE = "Due now: Back durability — day 1 of 18 (backtimer start back-durability)"


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local dates in UTC, so the sessions written below fall on the day the process sees."""
    monkeypatch.setenv("TZ", "UTC")


def started() -> None:
    assert backtimer("programs", "start", "back-durability-6wk").returncode == 0


def test_with_no_programme_nothing_is_due() -> None:
    result = backtimer("today", "--exit-code")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == "No programme is under way (see `backtimer programs`).\n"


def test_a_programme_day_is_due_until_its_session_is_done() -> None:
    started()
    result = backtimer("today", "--exit-code")
    assert (result.returncode, result.stdout, result.stderr) == (0, DUE + "\n", "")
    HistoryStore(lambda: NOW).record(completed("back-durability"))
    done = backtimer("today", "--exit-code")
    assert done.returncode == 1
    assert done.stdout.startswith("Back durability: day 1 of 18 done — day 2 of 18 comes ")


def test_the_json_says_what_is_due_and_exits_by_it_too() -> None:
    started()
    result = backtimer("today", "--json", "--exit-code")
    assert result.returncode == 0
    assert (
        '"due_now": {\n    "time": "any",\n    "routine": "back-durability"\n  }' in result.stdout
    )


def test_the_quick_answer_loads_neither_pydantic_nor_textual() -> None:
    started()
    code = (
        "import sys\nfrom backtimer.cli import main\n"
        + AT_NOW
        + "assert main(['today', '--exit-code'], now=lambda: NOW) == 0\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'textual'})\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_broken_programme_file_is_named_by_the_full_reading(home: Path) -> None:
    folder = home / "programs"
    folder.mkdir(parents=True)
    text = 'format = 1\nname = "Mine"\nweeks = 2\ndays_per_week = 2\n'
    (folder / "mine.toml").write_text(text + '[[slot]]\nroutine = "desk-reset"\n')
    assert backtimer("programs", "start", "mine").returncode == 0
    (folder / "mine.toml").write_text(text + 'colour = "blue"\n[[slot]]\nroutine = "desk-reset"\n')
    result = backtimer("today", "--exit-code")
    assert result.returncode == 1
    assert f"backtimer: {folder / 'mine.toml'}: colour: unknown key" in result.stderr
    assert result.stdout == "The programme under way cannot be followed: see the problems above.\n"


def fake_notifier(folder: Path, exit_status: int = 0) -> str:
    """A notify-send that writes its arguments to a file (and fails when asked to)."""
    folder.mkdir()
    script = folder / "notify-send"
    said = folder / "said"
    script.write_text(
        f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{said}"\n'
        f'echo "no session bus" >&2\nexit {exit_status}\n'
    )
    script.chmod(0o755)
    return str(folder)


def test_notify_shows_what_is_due_through_notify_send(tmp_path: Path) -> None:
    started()
    fake = fake_notifier(tmp_path / "bin")
    result = backtimer("today", "--notify", "--exit-code", path=fake)
    assert (result.returncode, result.stdout, result.stderr) == (0, DUE + "\n", "")
    said = (tmp_path / "bin" / "said").read_text().splitlines()
    assert said == [
        "--app-name=backtimer",
        "Back durability is due",
        "Time for your back (day 1 of 18): backtimer start back-durability",
    ]


def test_notify_says_nothing_when_nothing_is_due(tmp_path: Path) -> None:
    fake = fake_notifier(tmp_path / "bin")
    assert backtimer("today", "--notify", path=fake).returncode == 0
    assert not (tmp_path / "bin" / "said").exists()


def test_a_notifier_that_fails_or_none_at_all_is_told_plainly(tmp_path: Path) -> None:
    started()
    failing = backtimer("today", "--notify", path=fake_notifier(tmp_path / "bin", 1))
    assert failing.returncode == 2
    assert failing.stderr == "backtimer: notify-send failed: no session bus\n"
    (tmp_path / "empty").mkdir()
    none = backtimer("today", "--notify", path=str(tmp_path / "empty"))
    assert none.returncode == 2
    assert none.stderr.startswith("backtimer: cannot send a desktop notification: neither")
    assert "libnotify-bin" in none.stderr


def test_a_session_of_the_persons_own_copy_fills_the_slot_as_in_the_full_answer() -> None:
    """The progression work gives a built-in routine a copy (my-ID) that its slots then
    run: a session of the copy is the day's session for the quick answer too."""
    started()
    builtin = (locations.builtin_routines() / "back-durability.toml").read_text()
    copy = builtin.replace('id = "back-durability"', 'id = "my-back-durability"')
    locations.routines_dir().mkdir(parents=True, exist_ok=True)
    (locations.routines_dir() / "my-back-durability.toml").write_text(copy)
    program = locations.program_file()
    program.write_text(program.read_text() + '\n[copies]\nback-durability = "my-back-durability"\n')
    HistoryStore(lambda: NOW).record(completed("my-back-durability"))
    full = backtimer("today")
    assert "day 1 of 18 done" in full.stdout, full.stdout
    quick = backtimer("today", "--exit-code")
    assert quick.returncode == 1
    assert "day 1 of 18 done" in quick.stdout, quick.stdout


def _today_session_text() -> str:
    """Today's completed session of the programme, as backtimer writes it."""
    from backtimer.storage.history_file import dump

    return dump([completed("back-durability")])


REFUSED: dict[str, Callable[[str], str]] = {
    "no status": lambda t: t.replace('status = "completed"\n', ""),
    "no id": lambda t: re.sub(r'(?m)^id = ".*"\n', "", t),
    "a wrong type": lambda t: t.replace('routine_name = "back-durability"', "routine_name = 5"),
    "a number out of range": lambda t: t.replace("active_seconds = 480", "active_seconds = -5"),
    "a step without exercise": lambda t: t.replace('exercise = "suitcase-carry"\n', ""),
    "nesting deeper than 32": lambda t: t + "deep = " + "[" * 40 + "]" * 40 + "\n",
    "a pain rating out of range": lambda t: t.replace(
        'status = "completed"\n', 'status = "completed"\npain_before = 11\n'
    ),
}


@pytest.mark.parametrize("damage", REFUSED)
def test_a_session_the_full_reading_refuses_leaves_the_day_to_do(damage: str) -> None:
    """The quick answer counted such a session while `today` said the day was to do."""
    started()
    locations.history_file().write_text(REFUSED[damage](_today_session_text()))
    full = backtimer("today")
    assert "Back durability — to do" in full.stdout, full.stdout
    quick = backtimer("today", "--exit-code")
    assert (quick.returncode, quick.stdout) == (0, DUE + "\n")
    assert str(locations.history_file()) in quick.stderr  # and the full reading says why


def _copy(routine: str) -> None:
    builtin = (locations.builtin_routines() / f"{routine}.toml").read_text()
    locations.routines_dir().mkdir(parents=True, exist_ok=True)
    (locations.routines_dir() / f"my-{routine}.toml").write_text(builtin)


def quick_and_light(*expected_codes: int) -> None:
    """``today --exit-code`` answers by the quick look: no pydantic is loaded."""
    code = (
        "import sys\nfrom backtimer.cli import main\n"
        + AT_NOW
        + f"assert main(['today', '--exit-code'], now=lambda: NOW) in {expected_codes!r}\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'textual'})\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_copy_of_a_routine_the_programme_does_not_run_keeps_the_answer_quick() -> None:
    """Issue 21, point 10: any [copies] table sent every prompt the slow way."""
    started()
    _copy("desk-reset")
    program = locations.program_file()
    program.write_text(program.read_text() + '\n[copies]\ndesk-reset = "my-desk-reset"\n')
    quick_and_light(0)


def test_a_slot_that_runs_the_persons_copy_is_answered_quickly_too() -> None:
    started()
    _copy("back-durability")
    program = locations.program_file()
    program.write_text(program.read_text() + '\n[copies]\nback-durability = "my-back-durability"\n')
    assert backtimer("routines").returncode == 0  # the routines read in full, as the app does
    quick_and_light(0)
    HistoryStore(lambda: NOW).record(completed("my-back-durability"))
    quick_and_light(1)
    # The copy changed since it was read in full: the full path answers, and notes it again.
    copy = locations.routines_dir() / "my-back-durability.toml"
    copy.write_text(copy.read_text().replace('name = "Back durability"', 'name = "Mine"'))
    result = backtimer("today", "--exit-code")
    assert result.returncode == 1 and "Mine: day 1 of 18 done" not in result.stdout
    quick_and_light(1)


def test_the_day_after_a_strength_session_is_a_rest_day_for_today_notify_and_the_prompt(
    tmp_path: Path,
) -> None:
    today = NOW.date()
    start_programme("back-durability-6wk", today - timedelta(days=1))
    yesterday = completed("back-durability")
    moved = yesterday.started_at - timedelta(days=1)
    HistoryStore(lambda: NOW).record(
        yesterday.model_copy(update={"started_at": moved, "ended_at": moved})
    )
    rest = (
        "Back durability: rest day, a day off between sessions — day 2 of 18 comes on"
        f" {today + timedelta(days=1):%a %d %b}"
    )
    quick = backtimer("today", "--exit-code")
    assert (quick.returncode, quick.stdout) == (1, rest + "\n")
    fake = fake_notifier(tmp_path / "bin")
    assert backtimer("today", "--notify", path=fake).returncode == 0
    assert not (tmp_path / "bin" / "said").exists()  # nothing to remind of
    full = backtimer("today")
    assert full.stdout.splitlines()[0] == rest
    assert "Start it" not in full.stdout
