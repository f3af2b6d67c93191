"""What the app asks as it starts, and the red flags whenever they are asked for.

At the start (`greet`), in turn: the red flags, the first time backtimer
starts; then, on the day after a session, how the back is this morning
(once: skipped is asked no more). Each is awaited in a worker of the app
(`BacktimerApp.greet`), before the routine named on the command line starts.

`red_flags` shows them and keeps what the person says: that one applies (no
growth is suggested until it has been checked), or that it has been checked.
What cannot be written is said, never a crash: the app goes on.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from backtimer.domain.coaching import mornings
from backtimer.domain.coaching.red_flags import CHECKED
from backtimer.storage import coaching
from backtimer.storage.files import StorageError
from backtimer.tui.screens.morning import MorningQuestion
from backtimer.tui.screens.red_flags import RedFlagsScreen

if TYPE_CHECKING:
    from backtimer.tui.app import BacktimerApp


async def greet(app: BacktimerApp) -> None:
    """The questions of a start: the red flags the first time, then the morning after."""
    state, _ = await asyncio.to_thread(coaching.load_coaching)
    if state.red_flags_shown is None:
        await red_flags(app, first=True)
    await morning(app, asked=state.morning_asked)


async def red_flags(app: BacktimerApp, *, first: bool = False) -> None:
    """Show the red flags; keep that they were shown, and what the person said of them."""
    flag_open = await asyncio.to_thread(coaching.red_flag_open)
    answer = await app.push_screen_wait(RedFlagsScreen(first=first, flag_open=flag_open))
    now = app.services.now()
    try:
        if first:
            _said(app, await asyncio.to_thread(coaching.red_flags_shown, now))
        if answer == "applies":
            _said(app, await asyncio.to_thread(coaching.open_red_flag, now))
        elif answer == "checked":
            _said(app, await asyncio.to_thread(coaching.close_red_flag, now))
            app.notify(CHECKED, timeout=8)
    except StorageError as exc:
        app.notify(f"Not kept: {exc}", severity="error", timeout=15)


async def morning(app: BacktimerApp, asked: str | None = None) -> None:
    """On the day after a session, how is the back this morning? Asked once, skippable."""
    services = app.services
    sessions = (await asyncio.to_thread(services.store.load_digests)).sessions
    now = services.now()
    session = mornings.due(sessions, now, services.zone)
    if session is None or session.id == asked:
        return
    question = mornings.question(session, now, services.zone)
    rating = await app.push_screen_wait(MorningQuestion(question))
    try:
        _said(app, await asyncio.to_thread(coaching.morning_asked, session.id))
        if rating is not None:
            await asyncio.to_thread(coaching.record_morning, services.store, session.id, rating)
            app.notify(f"Kept: your back this morning, {rating} of 10.", timeout=5)
    except StorageError as exc:
        app.notify(f"Not kept: {exc}", severity="error", timeout=15)


def _said(app: BacktimerApp, problems: list[str]) -> None:
    for problem in problems:
        app.notify(problem, severity="warning", timeout=10)
