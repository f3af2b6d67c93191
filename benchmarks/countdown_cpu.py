"""How much CPU a running countdown costs, against the app sitting idle on the picker.

    python benchmarks/countdown_cpu.py [SECONDS]

Runs the app headless with the real clock: first idle on the picker, then in a
workout, each for SECONDS (default 10), and prints the CPU time used per second
of each. The machine is shared and noisy: read the ratio, not the absolutes.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time

from backtimer.domain.routines.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.services import Services


async def measure(seconds: float) -> tuple[float, float, int]:
    app = BacktimerApp(Services(settings=Settings(sound=False, flash=False)), greet=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(1.0)
        cpu, wall = time.process_time(), time.monotonic()
        await pilot.pause(seconds)
        idle = (time.process_time() - cpu) / (time.monotonic() - wall)
        await pilot.press(*"desk", "enter")
        await pilot.pause(1.0)  # questions take no key for their first 0.75 s
        await pilot.press("enter")
        await pilot.pause(1.0)
        clock = app.screen.query_one("#clock")
        counted = 0
        original = clock.refresh

        def counting_refresh(*args: object, **kwargs: object) -> object:
            nonlocal counted
            counted += 1
            return original(*args, **kwargs)  # type: ignore[arg-type]

        clock.refresh = counting_refresh  # type: ignore[method-assign]
        cpu, wall = time.process_time(), time.monotonic()
        await pilot.pause(seconds)
        counting = (time.process_time() - cpu) / (time.monotonic() - wall)
    return idle, counting, counted


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    with tempfile.TemporaryDirectory() as home:
        os.environ["BACKTIMER_HOME"] = home
        idle, counting, refreshes = asyncio.run(measure(seconds))
    print(f"idle on the picker:      {idle * 1000:6.1f} ms CPU per second")
    print(f"counting down a workout: {counting * 1000:6.1f} ms CPU per second")
    print(f"the clock was redrawn {refreshes} times in {seconds:.0f} s")


if __name__ == "__main__":
    main()
