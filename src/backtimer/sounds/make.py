"""Synthesises the cue sounds: ``python -m backtimer.sounds.make`` writes them beside this file.

Each is built from sine tones so it can be told apart with eyes shut:

- countdown: a plain 1 kHz pip, like a time signal, for each of the last seconds;
- beat: a soft wooden tock, quieter and lower, for each rep, hold or let-go;
- go: two notes rising a fifth, when work begins after a break;
- switch: three reedy notes, high-low-high, to change sides;
- finish: a chime of four notes, C E G C, ringing on for most of a second.

The output is the same on every run (no randomness), so a test can check that
the shipped files are what these recipes make.
"""

from __future__ import annotations

import io
import math
import struct
import wave

from backtimer.sounds import FOLDER, NAMES

RATE = 16_000
"""Samples a second: plenty for tones below 4 kHz, and small files."""
Partials = tuple[tuple[float, float], ...]
PURE: Partials = ((1, 1.0),)
WARM: Partials = ((1, 1.0), (2, 0.25))
REEDY: Partials = ((1, 1.0), (3, 0.3), (5, 0.12))
BELL: Partials = ((1, 1.0), (2.76, 0.25), (5.4, 0.08))


def tone(
    freq: float, seconds: float, *, partials: Partials = PURE, decay: float | None = None
) -> list[float]:
    """One note: ``partials`` are (multiple of ``freq``, loudness) pairs.

    Args:
        decay: seconds for the note to fade to a third (a struck sound), or None
            for an even note.
    """
    count = round(seconds * RATE)
    edge = round(0.004 * RATE)  # fade in and out over 4 ms: no click at either end
    samples = []
    for i in range(count):
        t = i / RATE
        value = sum(level * math.sin(2 * math.pi * freq * ratio * t) for ratio, level in partials)
        envelope = min(1.0, i / edge, (count - 1 - i) / edge)
        if decay is not None:
            envelope *= math.exp(-t / decay)
        samples.append(value * envelope)
    return samples


def rest(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def mix(*notes: tuple[float, list[float]]) -> list[float]:
    """Notes laid over each other, each from its start in seconds."""
    starts = [round(at * RATE) for at, _ in notes]
    out = [0.0] * max(
        start + len(samples) for start, (_, samples) in zip(starts, notes, strict=True)
    )
    for start, (_, samples) in zip(starts, notes, strict=True):
        for i, value in enumerate(samples):
            out[start + i] += value
    return out


def recipe(name: str) -> tuple[list[float], float]:
    """The samples of one sound, and how loud its peak is (of full scale)."""
    if name == "countdown":
        return tone(1000, 0.08), 0.6
    if name == "beat":
        return tone(700, 0.06, partials=((1, 1.0), (2.7, 0.35)), decay=0.018), 0.45
    if name == "go":
        low = tone(660, 0.11, partials=WARM, decay=0.3)
        high = tone(990, 0.17, partials=WARM, decay=0.3)
        return low + rest(0.03) + high, 0.6
    if name == "switch":
        notes = [tone(f, 0.1, partials=REEDY, decay=0.25) for f in (880, 660, 880)]
        return notes[0] + rest(0.04) + notes[1] + rest(0.04) + notes[2], 0.55
    if name == "finish":
        chord = (523.25, 659.25, 783.99, 1046.5)
        return mix(
            *(
                (0.07 * n, tone(f, 0.9 - 0.07 * n, partials=BELL, decay=0.3))
                for n, f in enumerate(chord)
            )
        ), 0.7
    raise ValueError(f"no sound called {name!r}")


def wav_bytes(name: str) -> bytes:
    """The WAV file of one sound: 16-bit mono, scaled to its peak."""
    samples, peak = recipe(name)
    scale = peak * 32767 / max(abs(value) for value in samples)
    frames = struct.pack(f"<{len(samples)}h", *(round(value * scale) for value in samples))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return buffer.getvalue()


def main() -> None:
    for name in NAMES:
        path = FOLDER / f"{name}.wav"
        path.write_bytes(wav_bytes(name))
        print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
