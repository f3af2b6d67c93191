"""``backtimer report`` as a person runs it: where the page goes, who can read it, what it holds.

The history is the six weeks of `tests.report_histories`, moved so that its sixth week
is this one (sessions later than now are not in any report).
"""

from __future__ import annotations

import re
import stat
import sys
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from backtimer.domain.report.period import Period
from backtimer.storage.history import HistoryStore
from tests.factories import NOW
from tests.report_histories import BEFORE_NOTE, ZONE, six_weeks
from tests.system.conftest import backtimer, in_a_process

TODAY = NOW.astimezone().date()
SIX_WEEKS = Period.weeks(6, TODAY)


@pytest.fixture
def history(home: Path) -> None:
    """Six weeks of back-durability, its last week this one."""
    day_one = datetime.combine(SIX_WEEKS.first, time(), ZONE)
    HistoryStore().record_many(six_weeks(day_one).sessions)


def written(stdout: str) -> Path:
    """The file the command says it wrote."""
    found = re.match(r"Wrote the report of .+? to (/.+); it is readable by you alone\.", stdout)
    assert found, stdout
    return Path(found[1])


def test_the_report_goes_into_the_reports_folder_readable_by_its_owner_alone(
    home: Path, history: None
) -> None:
    done = backtimer("report", "--weeks", "6")
    assert done.returncode == 0, done.stderr
    path = written(done.stdout)
    assert path == home / "reports" / f"{SIX_WEEKS.file_stem()}.html"
    assert f"Wrote the report of {SIX_WEEKS.text()} (" in done.stdout
    assert "Open it in a web browser to read or print it" in done.stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    page = path.read_text()
    assert page.startswith("<!DOCTYPE html>") and "Keeping it up" in page
    assert "pins and needles" in page and BEFORE_NOTE not in page
    again = backtimer("report", "--weeks", "6")  # the same period again: replaced
    assert written(again.stdout) == path
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_twelve_weeks_by_default_and_since_a_date(home: Path, history: None) -> None:
    default = written(backtimer("report").stdout)
    assert default.name == f"{Period.weeks(12, TODAY).file_stem()}.html"
    since = SIX_WEEKS.first + timedelta(days=28)
    later = written(backtimer("report", "--since", since.isoformat()).stdout)
    assert later.name == f"{Period(since, TODAY).file_stem()}.html"
    assert "felt easy" in default.read_text() and "felt easy" not in later.read_text()


def test_markdown_to_a_file_to_a_folder_or_printed(
    home: Path, history: None, tmp_path: Path
) -> None:
    named = tmp_path / "for-my-physio.md"
    done = backtimer("report", "--weeks", "6", "--out", str(named))
    assert done.returncode == 0 and written(done.stdout) == named
    assert named.read_text().startswith(f"# Back exercises and pain, {SIX_WEEKS.text()}")
    assert stat.S_IMODE(named.stat().st_mode) == 0o600
    folder = written(backtimer("report", "--weeks", "6", "--out", str(tmp_path)).stdout)
    assert folder == tmp_path / f"{SIX_WEEKS.file_stem()}.html"
    printed = backtimer("report", "--weeks", "6", "--format", "md", "--out", "-")
    assert printed.returncode == 0 and printed.stdout.startswith("# Back exercises and pain")
    assert "“**pins and needles** **down my left leg** after the split squats”" in printed.stdout


def test_what_cannot_be_done_is_said_in_one_line(home: Path, tmp_path: Path) -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    cases = {
        ("--since", tomorrow): f"backtimer: --since {tomorrow} is after today",
        ("--since", "1990-01-01"): "a report covers at most 520 weeks (ten years)",
        ("--weeks", "0"): "argument --weeks: must be 1 to 520 weeks (got 0)",
        ("--weeks", "two"): "argument --weeks: 'two' is not a number of weeks",
        ("--out", str(tmp_path / "no" / "r.html")): f"backtimer: {tmp_path / 'no'}: no such folder",
        ("--out", "-", "--open"): "backtimer: --open needs a file",
        ("--since", "2026-11-02", "--weeks", "3"): "not allowed with argument",
    }
    for args, said in cases.items():
        done = backtimer("report", *args)
        assert done.returncode == 2, args
        assert said in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert not (home / "reports").exists()


def test_open_hands_the_page_to_the_web_browser(home: Path, tmp_path: Path) -> None:
    opened = tmp_path / "opened"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\n")
    env = f"{sys.executable} {browser} %s"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BROWSER", env)
        done = in_a_process("report", "--weeks", "2", "--open", home=home)
    assert done.returncode == 0, done.stderr
    path = written(done.stdout)
    assert opened.read_text() == path.as_uri()
    assert "Opened it in your web browser" in done.stdout


def test_a_red_flag_said_and_checked_in_the_period_is_on_the_report(
    home: Path, history: None
) -> None:
    before = written(backtimer("report", "--weeks", "6", "--format", "md").stdout).read_text()
    assert "Red flags:" in before and "none said to apply" in before
    assert backtimer("red-flags", "applies").returncode == 0
    still = written(backtimer("report", "--weeks", "6", "--format", "md").stdout).read_text()
    assert "said to apply on" in still and "still open" in still
    assert backtimer("red-flags", "checked").returncode == 0
    page = written(backtimer("report", "--weeks", "6").stdout).read_text()
    assert "said to apply on" in page and "said checked on" in page
    assert "none open now" in page
