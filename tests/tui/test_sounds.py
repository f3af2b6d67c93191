"""Cue sounds through a fake sound program: each cue its own, in order, never holding the timer."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Switch

from backtimer.domain.routines.settings import Settings
from backtimer.storage import locations
from backtimer.storage.settings import load_settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.sound import SoundPlayer, find_player
from tests.fakes import FakeClock
from tests.system.terminal import wait_until
from tests.tui.helpers import (
    advance,
    routines_listed,
    start_routine,
    text,
    told,
    work_done,
    workout,
)

Make = Callable[..., BacktimerApp]

SOUND_CHECK = """\
format = 1
name = "Sound check"
lead_in = 3
rest_between_steps = 10

[[step]]
exercise = "seated-piriformis-stretch"
hold = 10
sides = "each"

[[step]]
exercise = "banded-glute-bridge"
reps = 2
hold = 3
release = 2
"""
HEARD = [  # (second, sound) of the whole routine above, 46 s
    (0, "beat"),  # the get-ready begins
    (3, "go"),  # the left side's hold
    (10, "countdown"),
    (11, "countdown"),
    (12, "countdown"),
    (13, "switch"),
    (18, "go"),  # the right side's hold
    (25, "countdown"),
    (26, "countdown"),
    (27, "countdown"),
    (28, "beat"),  # the rest
    (35, "countdown"),
    (36, "countdown"),
    (37, "countdown"),
    (38, "go"),  # the first bridge
    (41, "beat"),  # let go
    (43, "beat"),  # the second bridge
    (46, "finish"),
]


def player(folder: Path, body: str) -> tuple[Path, Path]:
    """A sound program that writes down the file it is asked to play, then runs ``body``,
    then writes down that it is done (unless it was cut short)."""
    log = folder / "played.log"
    program = folder / "fake-play"
    program.write_text(
        "#!/bin/sh\n"
        'for file; do :; done\nname="${file##*/}"\n'  # the last argument, without its folder
        f'trap \'echo "cut: $name" >> "{log}"; exit 0\' TERM\n'
        f'echo "played: $name" >> "{log}"\n' + body + f'echo "done: $name" >> "{log}"\n'
    )
    program.chmod(0o755)
    return program, log


@pytest.fixture
def quick_player(tmp_path: Path) -> tuple[Path, Path]:
    return player(tmp_path, "")


@pytest.fixture
def slow_player(tmp_path: Path) -> tuple[Path, Path]:
    """Takes 5 s over each sound: one that was waited for shows as done in the log."""
    return player(tmp_path, "sleep 5 & wait\n")


def lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def played(log: Path) -> list[str]:
    return [line.removeprefix("played: ") for line in lines(log) if line.startswith("played: ")]


def saved() -> dict[str, object]:
    return tomllib.loads(locations.settings_file().read_text())


def sound_check(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "sound-check.toml").write_text(SOUND_CHECK)


async def through(pilot: Pilot[None], clock: FakeClock, log: Path, until: int) -> None:
    """Move the sound check on a second at a time to ``until``, waiting after each second
    for the sounds due by then to be played."""
    for second in range(until + 1):
        if second:
            for _ in range(2):
                clock.advance(0.5)
                workout(pilot.app).tick()  # type: ignore[arg-type]
            await pilot.pause()
        wait_for(log, [f"{name}.wav" for at, name in HEARD if at <= second], second)


def wait_for(log: Path, due: list[str], second: int) -> None:
    wait_until(lambda: played(log) == due, what=f"the sounds by {second} s")


def test_a_new_sound_cuts_a_slow_one_short(slow_player: tuple[Path, Path]) -> None:
    program, log = slow_player
    sounds = SoundPlayer([str(program)])
    sounds.play("go")
    assert "done: go.wav" not in lines(log)  # queued: not waited for here
    wait_until(lambda: "played: go.wav" in lines(log), what="the first sound")
    sounds.play("switch")
    wait_until(lambda: "played: switch.wav" in lines(log), what="the second sound")
    assert lines(log) == ["played: go.wav", "cut: go.wav", "played: switch.wav"]
    assert sounds.problem() == ""  # cutting a sound short is no failure


def test_a_named_player_is_used_when_it_exists_and_one_is_found_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program, _ = player(tmp_path, "")
    assert find_player(str(program)) == [str(program)]
    assert find_player("/no/such/player") is None
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_player() is None
    for name in ("aplay", "paplay"):
        (tmp_path / name).symlink_to(program)
    assert find_player() == ["paplay"]  # PulseAudio or PipeWire before plain ALSA
    assert find_player("aplay") == ["aplay", "-q"]


async def test_each_cue_plays_its_own_sound_in_order(
    make_app: Make, clock: FakeClock, home: Path, quick_player: tuple[Path, Path]
) -> None:
    program, log = quick_player
    sound_check(home)
    app = make_app(Settings(sound=False, flash=False, cue_sounds=True))
    app.services.sound_player = [str(program)]
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "sound check")
        await through(pilot, clock, log, 46)
        assert played(log) == [f"{name}.wav" for _, name in HEARD]  # the chime, then the summary


async def test_the_workout_never_waits_for_a_slow_player(
    make_app: Make, clock: FakeClock, home: Path, slow_player: tuple[Path, Path]
) -> None:
    program, log = slow_player
    sound_check(home)
    app = make_app(Settings(sound=False, flash=False, sound_program=str(program)))
    app.services.sound_player = [str(program)]
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "sound check")
        await through(pilot, clock, log, 13)  # to the switch
        # Each sound was cut by the next, none done: the timer's look at the clock (which
        # plays the cues) never waited for the 5-second player.
        assert lines(log) == [
            "played: beat.wav",
            "cut: beat.wav",
            "played: go.wav",
            "cut: go.wav",
            "played: countdown.wav",
            "cut: countdown.wav",
            "played: countdown.wav",
            "cut: countdown.wav",
            "played: countdown.wav",
            "cut: countdown.wav",
            "played: switch.wav",
        ]


async def test_muted_cues_play_no_sound(
    make_app: Make, clock: FakeClock, home: Path, quick_player: tuple[Path, Path]
) -> None:
    program, log = quick_player
    sound_check(home)
    app = make_app(Settings(sound=False, flash=False, cue_sounds=True))
    app.services.sound_player = [str(program)]
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "sound check")
        await through(pilot, clock, log, 3)  # the get-ready's tock and the hold's go
        await pilot.press("m")
        sounds = workout(app).cues.sounds
        assert sounds is not None
        for _ in range(12):  # three to count down and the switch, all muted
            await advance(pilot, clock, 1)
            # Every sound asked for by now has been played to its end and written down
            # (the player's thread ends when it has nothing queued and nothing playing).
            wait_until(lambda: sounds._thread is None, what="the sound player at rest")
        await pilot.press("m")
        await advance(pilot, clock, 3)  # the right side's hold
        wait_until(lambda: len(played(log)) >= 3, what="the sound after unmuting")
        assert played(log) == ["beat.wav", "go.wav", "go.wav"]


def notices(app: BacktimerApp, words: str) -> list[str]:
    return [message for message in told(app) if words in message]


async def test_a_failing_player_is_reported_once(
    make_app: Make, clock: FakeClock, home: Path, tmp_path: Path
) -> None:
    program, log = player(tmp_path, "exit 1\n")  # as paplay does with no sound server
    sound_check(home)
    app = make_app(Settings(sound=False, flash=False, cue_sounds=True))
    app.services.sound_player = [str(program)]
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "sound check")
        await through(pilot, clock, log, 13)  # six cues, each tried
        (failed,) = notices(app, "The sound program")
        assert failed.startswith(
            f"The sound program '{program}' failed (exit status 1) playing beat.wav;"
            f" try `{program} "
        )
        assert failed.endswith("/sounds/beat.wav` in a terminal to see why.")


def test_a_player_that_cannot_start_is_reported_once(tmp_path: Path) -> None:
    broken = tmp_path / "not-a-program"
    broken.write_text("not a program")  # not executable
    sounds = SoundPlayer([str(broken)])
    sounds.play("go")
    problem = wait_until(sounds.problem, what="the problem")
    assert problem == f"The sound program '{broken}' could not start: Permission denied."
    sounds.play("switch")
    assert sounds.problem() == ""  # told once


async def test_cue_sounds_on_with_no_program_say_so_once_at_the_start(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app(Settings(sound=False, flash=False, cue_sounds=True))
    app.services.sound_player = None
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        await advance(pilot, clock, 12)
        assert workout(app).cues.sounds is None
        assert notices(app, "Cue sounds are on") == [
            "Cue sounds are on, but no sound program was found: install pulseaudio-utils"
            " (or set sound_program in settings.toml)."
            " This workout has no cue sounds."
        ]


@pytest.mark.parametrize(
    ("found", "program", "shown"),
    [
        (["paplay"], None, "Sound program: paplay"),
        (
            None,
            None,
            "Sound program: none found: install pulseaudio-utils (or set sound_program in",
        ),
        (None, "afplay", "⚠ Cue sounds are on, but 'afplay' was not found: install it (or chan"),
    ],
)
async def test_the_settings_show_which_program_plays_the_sounds(
    make_app: Make, found: list[str] | None, program: str | None, shown: str
) -> None:
    app = make_app(Settings(sound_program=program))
    app.services.sound_player = found  # what the finder found, whatever this computer has
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        assert text(app, "#sound-program").startswith(shown)


async def test_switching_cue_sounds_on_with_no_program_says_so_at_once(make_app: Make) -> None:
    app = make_app()
    app.services.sound_player = None
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3", "tab", "tab", "tab", "tab", "space")  # goal, bell, flash, voice
        await work_done(app)
        assert app.services.settings.plays_sounds
        assert text(app, "#sound-program").startswith(
            "⚠ Cue sounds are on, but no sound program was found"
        )
        assert len(notices(app, "no sound program was found")) == 1


async def test_a_named_program_alone_turns_sounds_on_and_the_switch_turns_them_off(
    make_app: Make, clock: FakeClock, home: Path, quick_player: tuple[Path, Path]
) -> None:
    program, log = quick_player
    home.mkdir()
    (home / "settings.toml").write_text(f'sound_program = "{program}"\n')  # as the cues page says
    settings, problems = load_settings()
    assert problems == [] and settings.plays_sounds
    app = make_app(settings)
    app.services.sound_player = find_player(settings.sound_program)
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f3")
        assert app.screen.query_one("#cue_sounds", Switch).value is True
        assert text(app, "#sound-program") == f"Sound program: {program}"
        await pilot.press("backspace", "4")  # another setting: the sounds stay as they were
        await work_done(app)
        assert "cue_sounds" not in saved()
        await pilot.press("tab", "tab", "tab", "tab", "space")  # goal, bell, flash, voice: off
        await work_done(app)
        assert saved()["cue_sounds"] is False and saved()["sound_program"] == str(program)
        await pilot.press("escape")
        await start_routine(pilot, "desk")
        await advance(pilot, clock, 6)
        assert workout(app).cues.sounds is None
    assert lines(log) == []
