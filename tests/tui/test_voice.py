"""Spoken cues through a fake speech program: in order, cut short, never holding the timer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from backtimer.domain.routines.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.speaker import Speaker, find_program
from tests.fakes import FakeClock
from tests.system.terminal import wait_until
from tests.tui.helpers import (
    advance,
    answer,
    routines_listed,
    start_routine,
    text,
    told,
    work_done,
    workout,
)


@pytest.fixture
def slow_voice(tmp_path: Path) -> tuple[Path, Path]:
    """A speech program that writes down what it says, takes 5 s to say it, and writes
    down that it is done when it was not cut short (so a caller that waited for it shows
    in the log, with no measuring of time)."""
    log = tmp_path / "spoken.log"
    program = tmp_path / "slow-say"
    program.write_text(
        "#!/bin/sh\n"
        f'echo "said: $*" >> "{log}"\n'
        f'trap \'echo "cut: $*" >> "{log}"; exit 0\' TERM\n'
        "sleep 5 & wait\n"
        f'echo "done: $*" >> "{log}"\n'
    )
    program.chmod(0o755)
    return program, log


@pytest.fixture
def quick_voice(tmp_path: Path) -> tuple[Path, Path]:
    """A speech program that writes down what it is given, and is done at once."""
    log = tmp_path / "heard.log"
    program = tmp_path / "quick-say"
    program.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\n')
    program.chmod(0o755)
    return program, log


def lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def test_each_phrase_cuts_the_one_before_short(slow_voice: tuple[Path, Path]) -> None:
    program, log = slow_voice
    speaker = Speaker([str(program)])
    try:
        speaker.say("Rest.")
        assert "done: Rest." not in lines(log)  # queued: not waited for here
        wait_until(lambda: "said: Rest." in lines(log), what="the first phrase")
        speaker.say("Cat-cow.")
        wait_until(lambda: "said: Cat-cow." in lines(log), what="the second phrase")
        assert lines(log) == ["said: Rest.", "cut: Rest.", "said: Cat-cow."]
    finally:
        speaker.close()
    assert lines(log)[-1] == "cut: Cat-cow."  # closing stops the voice too


def test_closing_can_let_the_last_phrase_finish(tmp_path: Path) -> None:
    log = tmp_path / "spoken.log"
    program = tmp_path / "say-a-second"
    program.write_text(
        "#!/bin/sh\n"
        f'echo "said: $*" >> "{log}"\n'
        f'trap \'echo "cut: $*" >> "{log}"; exit 0\' TERM\n'
        "sleep 1 & wait\n"
        f'echo "done: $*" >> "{log}"\n'
    )
    program.chmod(0o755)
    speaker = Speaker([str(program)])
    speaker.say("Done. Well done!")
    wait_until(lambda: lines(log), what="the last phrase")
    speaker.close(finish=True)  # the workout ended: let it be heard to the end
    wait_until(lambda: len(lines(log)) == 2, what="the phrase's end")
    assert lines(log) == ["said: Done. Well done!", "done: Done. Well done!"]


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
        for _ in range(8):  # the get-ready (5 s) and into the hold, in 1 s steps
            await advance(pilot, clock, 1)
        assert screen.workout.engine.snapshot().remaining == pytest.approx(17)
        hold = "Left ankle over the right knee. Chest to the knee, and hold."
        wait_until(lambda: f"said: {hold}" in lines(log), what="the side and the hold")
        assert lines(log)[:3] == [
            "said: Get ready: Seated piriformis stretch, 20 seconds each side.",
            "cut: Get ready: Seated piriformis stretch, 20 seconds each side.",
            f"said: {hold}",
        ]
        # A tick that waited for the 5-second voice would have let a phrase end.
        assert not [line for line in lines(log) if line.startswith("done: ")]


async def test_the_workout_screen_speaks_each_cue_as_it_shows_it(
    make_app: Callable[..., BacktimerApp], clock: FakeClock, quick_voice: tuple[Path, Path]
) -> None:
    program, log = quick_voice
    app = make_app(Settings(voice=True, sound=False, flash=False))
    app.services.speech = [str(program)]

    def heard(phrase: str) -> None:
        """Wait until ``phrase`` is the last thing said (earlier ones may have been cut)."""
        wait_until(lambda: lines(log)[-1:] == [phrase], seconds=5, what=repr(phrase))

    async with app.run_test(size=(100, 30)) as pilot:  # the clock looked at each second
        await start_routine(pilot, "contenders")
        heard("Get ready: Elephant walk, 20 reps each side in turn.")
        await advance(pilot, clock, 10, step=1)
        heard("Left leg straight.")
        await advance(pilot, clock, 95, step=1)  # the walk, and the rest before cat-cow
        for rep in range(1, 11):  # every phase is checked in time in tests/unit/test_spoken.py
            for cue in ("Breathe out, round up", "Breathe in, chest up"):
                if rep in (1, 2, 10):
                    heard(f"{cue}.")
                    assert text(app, "#cue") == cue  # heard as it is shown
                    assert text(app, "#counts").startswith(f"Rep {rep} of 10")
                await advance(pilot, clock, 3, step=1)
        for _ in range(4):  # through the pelvic tilt and the good morning
            await pilot.press("n")
        heard("Rest. Next: Suitcase carry, 60 seconds, weight in the left hand.")
        await pilot.press("n")  # the rest cut short
        heard("Stand tall, walk heel to toe.")
        await advance(pilot, clock, 30, step=1)
        heard("Halfway.")
        for said in ("three", "two", "one"):
            await advance(pilot, clock, 27 if said == "three" else 1, step=1)
            heard(said)
        await advance(pilot, clock, 1, step=1)
        heard("Rest. Next: set 2 of 4, weight in the right hand.")
        await advance(pilot, clock, 30, step=1)
        heard("Switch: weight in the right hand. Ribs down, shoulders level.")
        segment = workout(app).segment
        assert segment is not None and segment.side_words == "weight in the right hand"


NO_VOICE = "no speech program was found"


def voice_notices(app: BacktimerApp) -> list[str]:
    return [message for message in told(app) if NO_VOICE in message]


@pytest.mark.parametrize(
    ("speech", "program", "shown"),
    [
        (["espeak-ng", "-s", "165"], None, "Speech program: espeak-ng"),
        (["/opt/voices/say-it"], "/opt/voices/say-it", "Speech program: /opt/voices/say-it"),
        (None, None, "Speech program: none found: install espeak-ng (or set speech_program"),
        (None, "say-it", "Speech program: 'say-it' not found: install it (or change speech_p"),
    ],
)
async def test_the_settings_show_which_speech_program_speaks(
    make_app: Callable[..., BacktimerApp], speech: list[str] | None, program: str, shown: str
) -> None:
    app = make_app(Settings(speech_program=program))
    app.services.speech = speech  # what the finder found, whatever this computer has
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        assert text(app, "#speech-program").startswith(shown)


async def test_turning_voice_on_with_no_speech_program_says_so_at_once(
    make_app: Callable[..., BacktimerApp],
) -> None:
    app = make_app()
    app.services.speech = None
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3", "tab", "tab", "tab", "space")  # goal, bell, flash, voice: on
        await work_done(app)
        assert app.services.settings.voice
        assert text(app, "#speech-program").startswith(f"⚠ Spoken cues are on, but {NO_VOICE}")
        assert len(voice_notices(app)) == 1


async def test_a_workout_with_voice_on_and_no_speech_program_says_so_once(
    make_app: Callable[..., BacktimerApp], clock: FakeClock
) -> None:
    app = make_app(Settings(voice=True, sound=False, flash=False))
    app.services.speech = None
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        await advance(pilot, clock, 12)  # the get-ready, into the first hold
        assert voice_notices(app) == [
            f"Spoken cues are on, but {NO_VOICE}: install espeak-ng"
            " (or set speech_program in settings.toml). This workout has no voice."
        ]


async def test_a_workout_with_a_voice_says_nothing_about_it(
    make_app: Callable[..., BacktimerApp], slow_voice: tuple[Path, Path]
) -> None:
    app = make_app(Settings(voice=True, sound=False, flash=False))
    app.services.speech = [str(slow_voice[0])]
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        workout(app)  # the workout is under way
        wait_until(lambda: lines(slow_voice[1]), what="the get-ready phrase")  # and speaks
        await pilot.pause()
        assert voice_notices(app) == []
        await pilot.press("q")
        await answer(pilot, "y")
        await work_done(app)


async def test_the_last_words_of_a_workout_are_heard_to_the_end(
    make_app: Callable[..., BacktimerApp],
    clock: FakeClock,
    slow_voice: tuple[Path, Path],
    home: Path,
) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "quickie.toml").write_text(
        'format = 1\nname = "Quickie"\nlead_in = 0\n[[step]]\nexercise = "cat-cow"\nhold = 2\n'
    )
    program, log = slow_voice
    app = make_app(Settings(voice=True, sound=False, flash=False))
    app.services.speech = [str(program)]
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "quickie")
        await advance(pilot, clock, 2)
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # the workout screen and its voice are gone
        last = "Release. Done. Well done!"
        assert f"said: {last}" in lines(log) and f"cut: {last}" not in lines(log)  # not cut short


async def test_the_psoas_massage_says_its_safety_line_on_both_sides(
    make_app: Callable[..., BacktimerApp], clock: FakeClock, quick_voice: tuple[Path, Path]
) -> None:
    program, log = quick_voice
    app = make_app(Settings(voice=True, sound=False, flash=False))
    app.services.speech = [str(program)]
    pulse = "Never press on a pulse: move the tool aside. Stop on sharp pain or if you feel sick."

    def heard(phrase: str) -> None:
        wait_until(lambda: lines(log)[-1:] == [phrase], seconds=5, what=repr(phrase))

    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "culprit")
        screen = workout(app)
        for _ in range(40):  # n to the rest before the psoas massage, the last step
            segment = screen.segment
            if segment is not None and segment.exercise.id == "psoas-massage":
                break
            await pilot.press("n")
        heard("Rest. Next: Psoas massage, 45 seconds each side, left of the navel.")
        await advance(pilot, clock, 10, step=1)  # the rest
        heard(f"{pulse} Very gentle; belly soft.")
        await advance(pilot, clock, 45, step=1)  # the left side
        heard("Switch: right of the navel.")
        await advance(pilot, clock, 5, step=1)  # the switch
        heard(f"{pulse} Sink in a little on each breath out.")
        assert screen.segment is not None and screen.segment.side == "right"
