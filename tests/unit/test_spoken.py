"""What the timer says aloud over a whole routine, in order."""

from __future__ import annotations

from backtimer.domain.engine import Engine
from backtimer.domain.spoken import phrases
from backtimer.storage import library
from tests.fakes import FakeClock


def spoken_through(routine_id: str, clock: FakeClock) -> list[str]:
    timeline = next(e for e in library.builtin_routines() if e.id == routine_id).timeline
    engine = Engine(timeline, clock)
    said = phrases(engine.start(), engine.segment, timeline)
    while engine.status == "running":
        if engine.segment.seconds is None:
            events = engine.rep_done()
        else:
            clock.advance(0.25)
            events = engine.tick()
        said += phrases(events, engine.segment, timeline)
    return said


def test_a_routine_with_sides_rests_and_holds_is_spoken_in_order(clock: FakeClock) -> None:
    said = spoken_through("desk-reset", clock)
    assert said[:16] == [
        "Get ready. Seated piriformis stretch, left side.",
        "Seated piriformis stretch, left side.",
        "three", "two", "one",  # the end of the 20 s hold
        "Switch sides. Right side.",
        "three", "two", "one",
        "Rest. Next: Seated good morning.",
        "Seated good morning.",
        "Rest. Next: ATG split squat, left side.",
        "ATG split squat, left side.",
        "Switch sides. Right side.",
        "Rest. Next: Banded glute bridge.",
        "Banded glute bridge.",
    ]  # fmt: skip
    assert "three" not in said[16:18]  # five-second holds are too short to count aloud
    assert said[-1] == "Done. Well done!"


def test_sets_that_change_hands_say_the_set_and_the_side(clock: FakeClock) -> None:
    said = spoken_through("back-durability", clock)
    assert said[:3] == [
        "Get ready. Suitcase carry, left side.",
        "Suitcase carry, left side.",
        "three",
    ]
    assert "Rest. Next: set 2 of 2, right side." in said
    assert "Right side." in said
