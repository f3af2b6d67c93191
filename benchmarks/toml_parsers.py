"""Reading ten years of history: the standard library's TOML parser against compiled ones.

Run ``python benchmarks/toml_parsers.py [ROUNDS]``; it is never run as a test.
It writes 10,000 sessions the way the app does (``history_file.dump``, one
text a month, 8 MB or so in all), then parses every month with tomllib (the
floor) and with each compiled parser that is installed (toml-rs, rtoml,
pytomlpp), alternating round by round, and prints the medians and each one's
speed-up over tomllib. The app uses none of them: toml-rs, once used for the
history, crashed the process on a deeply nested file (issue 22); tomllib and
the digest cache read the history now.
"""

from __future__ import annotations

import importlib
import random
import sys
import time
import tomllib
from collections.abc import Callable
from datetime import timedelta
from itertools import groupby
from typing import Any

from floors import Figure, alternate, report
from history_scale import NOW, make_session

from backtimer.storage.history_file import dump


def months_of_history(count: int = 10_000) -> list[str]:
    rng = random.Random(count)
    span = timedelta(days=3650)
    first = NOW - span
    sessions = [make_session(first + span / count * n, n, rng) for n in range(count)]
    return [
        dump(list(group))
        for _, group in groupby(sessions, lambda s: s.started_at.strftime("%Y-%m"))
    ]


def parsers() -> dict[str, Callable[[str], Any]]:
    found: dict[str, Callable[[str], Any]] = {"tomllib": tomllib.loads}
    for name in ("toml_rs", "rtoml", "pytomlpp"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            print(f"  ({name} is not installed)")
            continue
        found[name] = module.loads
    return found


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    texts = months_of_history()
    size = sum(len(text.encode()) for text in texts) / 1e6
    print(f"10,000 sessions in {len(texts)} month files, {size:.1f} MB")

    def timing(parse: Callable[[str], Any]) -> Callable[[], float]:
        def run() -> float:
            start = time.perf_counter()
            for text in texts:
                parse(text)
            return time.perf_counter() - start

        return run

    found = parsers()
    results = alternate({name: timing(parse) for name, parse in found.items()}, rounds)
    figures = [Figure("tomllib")]
    figures += [Figure(name, "tomllib", "<= 0.33x") for name in found if name != "tomllib"]
    report(figures, results, rounds)


if __name__ == "__main__":
    main()
