"""What the timer says aloud over whole routines: what, when, and never too much to say in time."""

from __future__ import annotations

from itertools import accumulate

import pytest

from backtimer.domain.routines.timeline import SELF_PACED_REP_SECONDS, Segment, Timeline
from backtimer.domain.timer.engine import COUNTDOWN_MIN_SECONDS, Engine
from backtimer.domain.timer.spoken import number, phrases, speaking_seconds
from backtimer.storage import library
from tests.fakes import FakeClock

BUILTINS = {entry.id: entry.timeline for entry in library.builtin_routines()}

Said = list[tuple[float, str]]


def spoken_through(timeline: Timeline, clock: FakeClock) -> Said:
    """Every utterance of a whole run, with the second it is said at (self-paced reps: 3 s)."""
    engine = Engine(timeline, clock)
    start = clock.now
    said = [(0.0, " ".join(phrases(engine.start(), timeline)))]
    while engine.status == "running":
        if engine.segment.seconds is None:
            clock.advance(SELF_PACED_REP_SECONDS)
            events = engine.rep_done()
        else:
            clock.advance(0.25)
            events = engine.tick()
        words = phrases(events, timeline)
        if words:
            said.append((clock.now - start, " ".join(words)))
    return said


def starts(timeline: Timeline) -> list[float]:
    """When each segment starts, in a run that takes every segment's estimate."""
    return [0.0, *accumulate(float(s.estimate) for s in timeline.segments)][:-1]


def at(said: Said, second: float) -> list[str]:
    return [text for when, text in said if abs(when - second) < 1e-6]


@pytest.fixture(scope="module")
def contenders() -> Said:
    return spoken_through(BUILTINS["eight-contenders"], FakeClock())


@pytest.mark.parametrize("move", ["cat-cow", "pelvic-tilt"])
def test_every_phase_cue_is_said_as_its_phase_starts(contenders: Said, move: str) -> None:
    timeline = BUILTINS["eight-contenders"]
    begin = starts(timeline)
    phases = [s for s in timeline.segments if s.kind == "phase" and s.exercise.id == move]
    assert len(phases) == 10 * (2 if move == "cat-cow" else 4)
    for segment in phases:
        assert at(contenders, begin[segment.index]) == [segment.cue + "."]
    if move == "cat-cow":
        assert [s.cue for s in phases[:2]] == ["Breathe out, round up", "Breathe in, chest up"]


def test_a_step_is_announced_by_name_dose_and_side_before_it_starts(contenders: Said) -> None:
    announced = [text for _, text in contenders if "Next: " in text or "Get ready" in text]
    assert announced == [
        "Get ready: Elephant walk, 20 reps each side in turn.",
        "Rest. Next: Cat-cow, 10 reps.",
        "Rest. Next: Pelvic tilt, 10 reps.",
        "Rest. Next: Seated good morning, 10 reps, at your own pace.",
        "Rest. Next: Suitcase carry, 60 seconds, weight in the left hand.",
        "Rest. Next: set 2 of 4, weight in the right hand.",
        "Rest. Next: set 3 of 4, weight in the left hand.",
        "Rest. Next: set 4 of 4, weight in the right hand.",
        "Rest. Next: Banded glute bridge, 10 holds of 5 seconds.",
        "Release. Rest. Next: ATG split squat, 8 reps each side, left foot forward.",
        "Rest. Next: Seated piriformis stretch, 5 seconds each side,"
        " left ankle over the right knee.",
    ]


def test_every_change_of_side_is_said_in_the_moves_own_words(contenders: Said) -> None:
    switches = [text for _, text in contenders if "Switch" in text]
    assert switches == [
        "Switch: weight in the right hand. Ribs down, shoulders level.",
        "Switch: weight in the left hand. Do not lean toward the weight.",
        "Switch: weight in the right hand. Breathe steadily, one straight line.",
        "Switch: right foot forward.",
        "Release. Switch: right ankle over the left knee.",
    ]
    walk = [text for _, text in contenders[4:7]]
    assert walk == ["Left leg straight.", "Right leg straight.", "Two."]  # sides, then pairs


def test_holds_say_their_cue_and_release_at_their_end(contenders: Said) -> None:
    timeline = BUILTINS["eight-contenders"]
    begin = starts(timeline)
    bridge = [s for s in timeline.segments if s.exercise.id == "banded-glute-bridge"]
    for segment in bridge:
        if segment.kind == "hold":
            assert at(contenders, begin[segment.index]) == ["Hips up, squeeze and hold."]
        elif segment.kind == "release":  # 2 s: no time for "Release: hips down"
            assert at(contenders, begin[segment.index]) == ["Release."]
    assert contenders[-1][1] == "Release. Done. Well done!"  # the last stretch ends a hold
    evening = [text for _, text in spoken_through(BUILTINS["flexible-back-evening"], FakeClock())]
    assert "Release: sit up tall." in evening  # a 5 s release has time for the move's own words


def test_tempo_and_self_paced_reps_are_counted_to_the_last_one(contenders: Said) -> None:
    timeline = BUILTINS["eight-contenders"]
    begin = starts(timeline)
    squat = [s for s in timeline.segments if s.kind == "rep" and s.exercise.id == "atg-split-squat"]
    counts = [at(contenders, begin[s.index]) for s in squat if s.side == "left"]
    safety = "Hold a support, and go only as deep as is comfortable."
    assert counts == [[safety]] + [  # the side's first rep gives its count to the safety line
        [w] for w in ("Two.", "Three.", "Four.", "Five.", "Six.", "Seven.")
    ] + [["Last one."]]
    texts = [text for _, text in contenders]
    morning = texts.index("Rest. Next: Seated good morning, 10 reps, at your own pace.")
    assert texts[morning + 4 : morning + 14] == [
        "One.", "Two.", "Three.", "Four.", "Five.",
        "Six.", "Seven.", "Eight.", "Nine.", "Last one.",
    ]  # fmt: skip


def test_halfway_only_in_holds_and_timed_work_of_30_seconds_or_more(contenders: Said) -> None:
    timeline = BUILTINS["eight-contenders"]
    begin = starts(timeline)
    halfway = [when for when, text in contenders if text == "Halfway."]
    long_enough = [
        begin[s.index] + (s.seconds or 0) / 2
        for s in timeline.segments
        if s.kind in ("hold", "work") and (s.seconds or 0) >= 30
    ]
    assert halfway == long_enough and len(halfway) == 4  # the four suitcase carries


def test_three_two_one_ends_each_segment_long_enough_and_no_other(contenders: Said) -> None:
    timeline = BUILTINS["eight-contenders"]
    begin = starts(timeline)
    counted: list[Segment] = [
        s for s in timeline.segments if (s.seconds or 0) >= COUNTDOWN_MIN_SECONDS
    ]
    expected = [
        (begin[s.index] + (s.seconds or 0) - left, number(left))
        for s in counted
        for left in (3, 2, 1)
    ]
    assert [(w, t) for w, t in contenders if t in ("three", "two", "one")] == expected


@pytest.mark.parametrize("routine_id", sorted(BUILTINS))
def test_the_voice_never_falls_behind(routine_id: str) -> None:
    said = spoken_through(BUILTINS[routine_id], FakeClock())
    for (when, text), (following, _) in zip(said, said[1:], strict=False):
        assert speaking_seconds(text) <= following - when, (when, text)


def test_a_side_the_get_ready_had_no_time_for_is_said_as_the_work_starts() -> None:
    said = spoken_through(BUILTINS["desk-reset"], FakeClock())
    assert said[:2] == [
        (0.0, "Get ready: Seated piriformis stretch, 20 seconds each side."),
        (5.0, "Left ankle over the right knee. Chest to the knee, and hold."),
    ]


def test_counts_are_said_in_words() -> None:
    assert [number(n) for n in (1, 7, 13, 20, 21, 40, 99, 150)] == [
        "one", "seven", "thirteen", "twenty", "twenty-one", "forty", "ninety-nine", "150",
    ]  # fmt: skip
