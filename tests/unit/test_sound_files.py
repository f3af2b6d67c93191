"""The cue sounds that ship: one each, small, different, and what the script makes."""

from __future__ import annotations

import array
import io
import wave
from typing import get_args

import pytest

from backtimer.sounds import FOLDER, NAMES
from backtimer.sounds.make import RATE, wav_bytes
from backtimer.tui.cues import CueKind


def samples(data: bytes) -> tuple[wave._wave_params, array.array[int]]:
    with wave.open(io.BytesIO(data)) as sound:
        return sound.getparams(), array.array("h", sound.readframes(sound.getnframes()))


def test_every_kind_of_cue_has_its_own_small_sound() -> None:
    assert set(NAMES) == set(get_args(CueKind))
    files = {name: (FOLDER / f"{name}.wav").read_bytes() for name in NAMES}
    for name, data in files.items():
        params, frames = samples(data)
        assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, RATE), name
        assert len(data) < 32_000, name  # a few KB: the longest, the chime, is 0.9 s
        assert frames[0] == frames[-1] == 0, f"{name} would click at an end"
    lengths = {name: samples(data)[0].nframes / RATE for name, data in files.items()}
    assert max(lengths.values()) < 1.0  # shorter than the shortest gap between two cues
    assert lengths["beat"] < lengths["countdown"] < lengths["go"] < lengths["switch"]
    assert lengths["switch"] < lengths["finish"]
    assert len(set(files.values())) == len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_shipped_sound_is_what_the_script_makes(name: str) -> None:
    shipped_params, shipped = samples((FOLDER / f"{name}.wav").read_bytes())
    made_params, made = samples(wav_bytes(name))
    assert shipped_params == made_params
    # within one step: a maths library may round the last digit of a sine differently
    assert max(abs(a - b) for a, b in zip(shipped, made, strict=True)) <= 1
