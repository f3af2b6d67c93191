"""How long ``backtimer report`` takes on ten years of history, beside ``backtimer stats``.

Run ``python benchmarks/report_speed.py [ROUNDS]``; it is never run as a test. It
fills two temporary data folders with the ten years of `history_scale` (10,000
sessions up to 24 Nov 2026): one as they are, one with the split squat's planned
reps changing every other week (so that every such change is looked into: found on
its ladder and the rules asked why). Then, the digest cache warm (as after any first
run), it times in alternating rounds (median of ROUNDS, default 5), each command a
process of its own:

- ``python -c pass``, the floor of any command;
- ``backtimer stats --json``, the figure the report's is measured beside;
- ``backtimer report --weeks 52`` (a year: the goal is about a second), as HTML and
  as Markdown, and ``--weeks 12`` (the default, as the history pane's key writes);
- the same year with a dose change every other week.

The machine may be shared and noisy: compare the rows of one run, not runs.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from floors import Figure, alternate, report, run
from history_scale import NOW, make_session

from backtimer.domain.history.session import Session

HERE = Path(__file__).resolve().parent


def fill_changing() -> None:
    """The ten years of `history_scale`, the split squat's planned reps (16, both sides)
    going up to 18 and 20 and back down, a step every other week."""
    from backtimer.storage.history import HistoryStore

    rng = random.Random(10_000)
    span = timedelta(days=3650)
    first = NOW - span
    sessions: list[Session] = []
    for number in range(10_000):
        started = first + span / 10_000 * number
        session = make_session(started, number, rng)
        reps = (16, 18, 20, 18)[(started - first).days // 14 % 4]
        steps = [
            step.model_copy(update={"planned_reps": reps, "reps_done": reps})
            if step.exercise == "atg-split-squat"
            else step
            for step in session.steps
        ]
        sessions.append(session.model_copy(update={"steps": steps}))
    HistoryStore(lambda: NOW).record_many(sessions)


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as plain, tempfile.TemporaryDirectory() as changing:
        out = Path(plain) / "out"
        out.mkdir()
        fill = [sys.executable, str(HERE / "history_scale.py"), "fill", "10000"]
        subprocess.run(fill, env=os.environ | {"BACKTIMER_HOME": plain}, check=True)
        subprocess.run(
            [sys.executable, __file__, "fill-changing"],
            env=os.environ | {"BACKTIMER_HOME": changing},
            check=True,
        )
        backtimer = [sys.executable, "-m", "backtimer"]

        def command(home: str, *args: str) -> float:
            return run([*backtimer, *args], os.environ | {"BACKTIMER_HOME": home}).seconds

        for home in (plain, changing):  # the digest cache built, as after any first run
            command(home, "stats")
        year = ("report", "--weeks", "52", "--out")
        results = alternate(
            {
                "python -c pass": lambda: run([sys.executable, "-c", "pass"]).seconds,
                "stats --json": lambda: command(plain, "stats", "--json"),
                "report --weeks 52": lambda: command(plain, *year, str(out / "year.html")),
                "report --weeks 52 --format md": lambda: command(
                    plain, *year, str(out / "year.md")
                ),
                "report (12 weeks)": lambda: command(plain, "report", "--out", str(out)),
                "report --weeks 52, doses changing": lambda: command(
                    changing, *year, str(out / "changing.html")
                ),
            },
            rounds,
        )
    print("10,000 sessions over ten years; a year's report is about 1,000 of them")
    nothing = "python -c pass"
    report(
        [
            Figure(nothing),
            Figure("stats --json", nothing),
            Figure("report --weeks 52", "stats --json", "<= about 1 s"),
            Figure("report --weeks 52 --format md", "stats --json"),
            Figure("report (12 weeks)", "stats --json"),
            Figure("report --weeks 52, doses changing", "stats --json", "<= about 1 s"),
        ],
        results,
        rounds,
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "fill-changing":
        fill_changing()
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
