"""Spoken cues through a fake speech program: in order, cut short, never holding the timer."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from backtimer.domain.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.speaker import Speaker, find_program
from tests.fakes import FakeClock
from tests.system.terminal import wait_until
from tests.tui.helpers import advance, start_routine, workout


@pytest.fixture
def slow_voice(tmp_path: Path) -> tuple[Path, Path]:
    """A speech program that writes down what it says and takes 5 s to say it."""
    log = tmp_path / "spoken.log"
    program = tmp_path / "slow-say"
    program.write_text(
        "#!/bin/sh\n"
        f'echo "said: $*" >> "{log}"\n'
        f'trap \'echo "cut: $*" >> "{log}"; exit 0\' TERM\n'
        "sleep 5 & wait\n"
    )
    program.chmod(0o755)
    return program, log


def lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def test_each_phrase_cuts_the_one_before_short(slow_voice: tuple[Path, Path]) -> None:
    program, log = slow_voice
    speaker = Speaker([str(program)])
    try:
        started = time.monotonic()
        speaker.say("Rest.")
        assert time.monotonic() - started < 0.05  # queued, not spoken here
        wait_until(lambda: "said: Rest." in lines(log), what="the first phrase")
        speaker.say("Cat-cow.")
        wait_until(lambda: "said: Cat-cow." in lines(log), what="the second phrase")
        assert lines(log) == ["said: Rest.", "cut: Rest.", "said: Cat-cow."]
    finally:
        speaker.close()
    assert lines(log)[-1] == "cut: Cat-cow."  # closing stops the voice too


def test_the_preferred_program_is_used_when_it_exists(slow_voice: tuple[Path, Path]) -> None:
    program, _ = slow_voice
    assert find_program(str(program)) == [str(program)]
    assert find_program("/no/such/speech-program") is None


async def test_the_workout_speaks_without_waiting_for_a_slow_voice(
    make_app: Callable[..., BacktimerApp], clock: FakeClock, slow_voice: tuple[Path, Path]
) -> None:
    program, log = slow_voice
    app = make_app(Settings(voice=True, sound=False, flash=False))
    app.services.speech = [str(program)]
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        wait_until(lambda: lines(log), what="the get-ready phrase")
        screen = workout(app)
        slowest = 0.0
        for _ in range(8):  # the get-ready (5 s) and into the hold, in 1 s steps
            started = time.monotonic()
            await advance(pilot, clock, 1)
            slowest = max(slowest, time.monotonic() - started)
        assert slowest < 0.5  # a 5-second voice never held a tick up
        assert screen.workout.engine.snapshot().remaining == pytest.approx(17)
        wait_until(
            lambda: "said: Seated piriformis stretch, left side." in lines(log),
            what="the exercise's name",
        )
        assert lines(log)[:3] == [
            "said: Get ready. Seated piriformis stretch, left side.",
            "cut: Get ready. Seated piriformis stretch, left side.",
            "said: Seated piriformis stretch, left side.",
        ]
