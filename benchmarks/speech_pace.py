"""Does the voice keep up? Every phrase of the built-in routines, timed by espeak-ng.

Runs each built-in routine on a fake clock and collects what the voice says and
when. Each distinct phrase is synthesised by espeak-ng at the speed backtimer
uses (165 words a minute) into a file, and its length compared with
`backtimer.domain.timer.spoken.speaking_seconds`, the measure the voice plans with,
and with the time before the next phrase is due. Prints the phrases with the
least time to spare, and how many would have been cut short.

    python benchmarks/speech_pace.py            (needs espeak-ng)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from backtimer.domain.routines.timeline import SELF_PACED_REP_SECONDS, Timeline
from backtimer.domain.timer.engine import Engine
from backtimer.domain.timer.spoken import phrases, speaking_seconds
from backtimer.storage import library


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def said_in(timeline: Timeline) -> list[tuple[float, str]]:
    """What the voice says over a whole run, and when (self-paced reps take 3 s)."""
    clock = Clock()
    engine = Engine(timeline, clock)
    said = [(0.0, " ".join(phrases(engine.start(), timeline)))]
    while engine.status == "running":
        if engine.segment.seconds is None:
            clock.now += SELF_PACED_REP_SECONDS
            events = engine.rep_done()
        else:
            clock.now += 0.1
            events = engine.tick()
        words = phrases(events, timeline)
        if words:
            said.append((clock.now, " ".join(words)))
    return said


def spoken_seconds(text: str, folder: Path) -> float:
    """How long espeak-ng takes to say ``text``, silence at the ends included."""
    out = folder / "phrase.wav"
    subprocess.run(["espeak-ng", "-s", "165", "-w", str(out), text], check=True)
    with wave.open(str(out)) as sound:
        return sound.getnframes() / sound.getframerate()


def main() -> None:
    if shutil.which("espeak-ng") is None:
        sys.exit("speech_pace: needs espeak-ng (apt-get install espeak-ng)")
    rows: list[tuple[float, float, float, str, str]] = []
    lengths: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for entry in library.builtin_routines():
            said = said_in(entry.timeline)
            for (when, text), (following, _) in zip(said, said[1:], strict=False):
                if text not in lengths:
                    lengths[text] = spoken_seconds(text, Path(folder))
                rows.append(
                    (following - when - lengths[text], lengths[text], speaking_seconds(text),
                     entry.id, text)
                )  # fmt: skip
    under = [text for text, real in lengths.items() if real > speaking_seconds(text)]
    cut = [row for row in rows if row[0] < 0]
    print(f"{len(rows)} phrases said, {len(lengths)} different ones")
    print(f"espeak-ng took longer than the plan for {len(under)}: {under[:5]}")
    print(f"cut short by the next phrase: {len(cut)}")
    print()
    tightest: dict[str, tuple[float, float, float, str, str]] = {}
    for row in sorted(rows, reverse=True):
        tightest[row[4]] = row  # the least time to spare for each phrase
    print(f"{'spare':>6} {'espeak':>7} {'plan':>6}  routine / phrase  (the 15 tightest)")
    for spare, real, plan, routine_id, text in sorted(tightest.values())[:15]:
        print(f"{spare:6.2f} {real:7.2f} {plan:6.2f}  {routine_id}: {text}")


if __name__ == "__main__":
    main()
