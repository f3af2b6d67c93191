"""Save an SVG of every screen into this folder: ``python screenshots/make.py``.

Each screen is reached the way the snapshot tests reach it (tests/tui/scenes.py),
with a fake clock and an empty data directory, so the pictures are repeatable.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # to import the scenes from tests/

from backtimer.domain.routines.settings import Settings  # noqa: E402
from backtimer.storage.history import HistoryStore  # noqa: E402
from backtimer.tui.app import BacktimerApp  # noqa: E402
from backtimer.tui.services import Services  # noqa: E402
from tests.fakes import FakeClock  # noqa: E402
from tests.tui.conftest import START, FakeWallClock  # noqa: E402
from tests.tui.scenes import SCENES, SCREENSHOTS_ONLY  # noqa: E402

SIZE = (100, 30)
LARGE = {"hold_large": ("hold", (200, 50)), "mat_large": ("mat", (200, 50))}
"""Screens also shot at a large size: the name of the picture, the scene, the size."""


THEMED = {"hold_high_contrast": "backtimer-high-contrast", "hold_no_color": "NO_COLOR"}
"""The workout in the high-contrast theme, and in grey as NO_COLOR asks."""


async def shoot(
    name: str, scene: str | None = None, size: tuple[int, int] = SIZE, theme: str | None = None
) -> Path:
    clock = FakeClock()
    wall = FakeWallClock(clock, START)
    services = Services(
        clock=clock,
        now=wall,
        store=HistoryStore(wall),
        settings=Settings(sound=False, flash=False, theme=theme or Settings().theme),
        zone=UTC,
    )
    app = BacktimerApp(services, greet=False)
    async with app.run_test(size=size) as pilot:
        await (SCENES | SCREENSHOTS_ONLY)[scene or name](pilot, clock)
        await pilot.pause()
        path = HERE / f"{name}.svg"
        app.save_screenshot(path.name, str(HERE))
    return path


def main() -> None:
    shots = [(name, name, SIZE) for name in SCENES | SCREENSHOTS_ONLY]
    shots += [(name, scene, size) for name, (scene, size) in LARGE.items()]
    for name, scene, size in shots:
        with tempfile.TemporaryDirectory() as home:
            os.environ["BACKTIMER_HOME"] = home
            print(asyncio.run(shoot(name, scene, size)).relative_to(HERE.parent))
    for name, theme in THEMED.items():
        with tempfile.TemporaryDirectory() as home:
            os.environ["BACKTIMER_HOME"] = home
            if theme == "NO_COLOR":
                os.environ["NO_COLOR"] = "1"
            shot = asyncio.run(shoot(name, "hold", SIZE, None if theme == "NO_COLOR" else theme))
            os.environ.pop("NO_COLOR", None)
            print(shot.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
