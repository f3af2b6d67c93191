"""The bell's rhythm: every bell means something, and short holds do not nag; a flash
lights what it is about."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.color import Color
from textual.widget import Widget

from backtimer.domain.routines.settings import Settings
from backtimer.domain.routines.timeline import Segment, Timeline
from backtimer.domain.timer.engine import COUNTDOWN_MIN_SECONDS, Engine
from backtimer.storage import library
from backtimer.tui import cues
from backtimer.tui.app import BacktimerApp
from backtimer.tui.cues import BELLS, CueKind, cue_for
from tests.fakes import FakeClock
from tests.tui.helpers import start_routine, workout


def builtin(routine_id: str) -> Timeline:
    return next(e for e in library.builtin_routines() if e.id == routine_id).timeline


def cues_of(timeline: Timeline) -> list[tuple[Segment, CueKind, float]]:
    """Each cue of a whole run, looking at the clock every 0.1 s: the segment after it,
    its kind, and the time."""
    clock = FakeClock(0)
    engine = Engine(timeline, clock)
    heard: list[tuple[Segment, CueKind, float]] = []
    events = engine.start()
    while True:
        kind = cue_for(events, timeline)
        if kind is not None:
            heard.append((engine.segment, kind, clock.now))
        if engine.status != "running":
            return heard
        clock.advance(0.1)
        events = engine.rep_done() if engine.segment.seconds is None else engine.tick()


def test_a_glute_bridge_rings_once_a_hold_and_once_to_let_go() -> None:
    timeline = builtin("back-durability")
    bridge = timeline.steps[1]
    heard = [
        (segment, kind, at)
        for segment, kind, at in cues_of(timeline)
        if segment.step == 1 and segment.index >= bridge.first_work
    ]
    kinds = [(segment.kind, kind) for segment, kind, _ in heard]
    assert kinds[0] == ("hold", "go")  # two bells: work begins after the rest
    assert kinds[1:3] == [("release", "beat"), ("hold", "beat")]
    assert {kind for _, kind in kinds} == {"go", "beat"}  # no countdown on 5 s holds
    bells = sum(BELLS[kind] for _, kind, _ in heard)
    minutes = (8 * 5 + 7 * 2) / 60
    assert bells / minutes < 20  # it was 60 a minute: 2 + 3 + 2 bells every 7 s


def test_the_last_three_seconds_are_counted_only_where_it_helps() -> None:
    heard = cues_of(builtin("eight-contenders"))
    counted = [segment for segment, kind, _ in heard if kind == "countdown"]
    assert counted, "long holds and rests still count down"
    assert all((segment.seconds or 0) >= COUNTDOWN_MIN_SECONDS for segment in counted)
    assert COUNTDOWN_MIN_SECONDS >= 10


def test_switching_sides_and_the_end_stay_unmistakable() -> None:
    heard = cues_of(builtin("eight-contenders"))
    switches = [segment for segment, kind, _ in heard if kind == "switch"]
    assert len(switches) == 5 and all(segment.switches_side for segment in switches)
    assert heard[-1][1] == "finish" and BELLS["finish"] == 4 and BELLS["switch"] == 3
    assert sum(kind == "finish" for _, kind, _ in heard) == 1


async def test_a_flash_lights_the_part_it_is_about_and_only_that(
    make_app: Callable[..., BacktimerApp], clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Work starting lights the whole workout; a beat or a count lights the clock alone.
    The class goes on that part, never on the screen (which would restyle all of it)."""
    monkeypatch.setattr(cues, "FLASH_SECONDS", 3600)  # each flash stays to be looked at
    app = make_app(Settings(sound=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        screen = workout(app)
        body, big_clock = screen.query_one("#workout"), screen.query_one("#clock")

        def flashes(part: Widget) -> set[str]:
            return {name for name in part.classes if name.startswith("-flash-")}

        for _ in range(240):  # two minutes, looked at as the app does
            clock.advance(0.5)
            screen.tick()
            assert flashes(screen) == set()
            if "-flash-go" in flashes(body) and flashes(big_clock):
                break
        await pilot.pause()
        assert flashes(body) == {"-flash-go"}
        assert flashes(big_clock) <= {"-flash-beat", "-flash-countdown"}
        for part in (body, big_clock):
            lit = part.styles.background
            part.remove_class(*flashes(part))
            await pilot.pause()
            assert part.styles.background != lit, f"#{part.id} was not lit"


async def test_the_clock_takes_its_colour_from_the_moment(
    make_app: Callable[..., BacktimerApp], clock: FakeClock
) -> None:
    """Work, its last seconds, a break and a pause each colour the clock their own way."""
    app = make_app(Settings(sound=False, flash=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        screen = workout(app)
        big_clock = screen.query_one("#clock")
        seen: dict[str, Color] = {}
        for _ in range(120):
            clock.advance(0.5)
            screen.tick()
            await pilot.pause()
            segment = screen.segment
            assert segment is not None
            moment = "break" if segment.is_break else "final" if screen.final else "work"
            seen.setdefault(moment, big_clock.styles.color)
            if moment == "work" and "paused" not in seen:
                await pilot.press("space")
                seen["paused"] = big_clock.styles.color
                await pilot.press("space")
            if len(seen) == 4:
                break
        assert len(set(seen.values())) == 4, seen
