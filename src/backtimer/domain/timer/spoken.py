"""What the timer says aloud, so a person on the mat need not look at the screen.

What is said, and when:

- the get-ready and the rest before a step: the move, its dose and the side it
  starts on ("Rest. Next: Suitcase carry, 60 seconds, weight in the left hand.");
  a rest between sets: the set and its side;
- each phase of a phased rep: its cue, as the phase starts;
- a hold: its cue as it starts, and "release" as it ends;
- tempo and self-paced reps: the count ("one" … "last one"); reps that change
  sides every time: the sides on the first pair, then the count on each pair;
- timed work: a form point as it starts;
- the move's safety line, if it has one, as each side and each set begins (after
  the side, before the form point or the count, which give way to it when time is
  short): never one of the form points that take turns, so never left to one side;
- a change of sides: the new side in the move's own words ("Switch: right foot forward.");
- halfway through holds and timed work of `HALFWAY_SECONDS` or more;
- three, two, one wherever the engine counts down (`COUNTDOWN_MIN_SECONDS`);
- the end, and a pause.

The voice never falls behind. Each phrase is chosen to be over, by
`speaking_seconds` (a cautious measure of a speech program at its usual pace),
before the next thing is due to be said; when time is short, the less
important words are left out. A new phrase cuts the one before it short (see
`backtimer.tui.speaker`), so words that still do not fit (a long cue of a
person's own, say) are cut off, never said late.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from backtimer.domain.routines.timeline import Segment, StepPlan, Timeline
from backtimer.domain.timer.engine import COUNTDOWN_FROM, COUNTDOWN_MIN_SECONDS
from backtimer.domain.timer.events import (
    Countdown,
    Event,
    Finished,
    Halfway,
    Paused,
    RepDone,
    SegmentStarted,
)

HALFWAY_SECONDS = 30
"""Holds and timed work at least this long get "halfway"."""
HALFWAY_KINDS = frozenset({"hold", "work"})

START_SECONDS = 0.6
LETTER_SECONDS = 0.065
PAUSE_SECONDS = 0.5
"""How long a phrase takes to say: a start, each letter or digit, each comma or stop inside it.

Fitted to espeak-ng at 165 words a minute (``benchmarks/speech_pace.py``) and set
so that no phrase of the built-in routines takes longer than this says: a phrase
that fits by this measure is over in time. A word in capitals is spelled out, so
each of its letters counts four times ("ATG")."""

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number(value: int) -> str:
    """A count as it is said: "seven", "twenty-one" (digits from 100 on)."""
    if value < 20:
        return _ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
    return str(value)


def speaking_seconds(text: str) -> float:
    """About how long saying ``text`` takes, erring on the long side."""
    letters = sum(
        len(word) * (4 if len(word) > 1 and word.isupper() else 1)
        for word in re.findall(r"[A-Za-z0-9]+", text)
    )
    pauses = len(re.findall(r"[,.;:!?](?=\s)", text))
    return START_SECONDS + LETTER_SECONDS * letters + PAUSE_SECONDS * pauses


def says_halfway(segment: Segment) -> bool:
    """Whether "halfway" is said in this segment."""
    return segment.kind in HALFWAY_KINDS and (segment.seconds or 0) >= HALFWAY_SECONDS


def budget(segment: Segment) -> float | None:
    """Seconds from the segment's start until the next thing is said; None: no limit."""
    if segment.seconds is None:
        return None
    room = float(segment.seconds)
    if segment.seconds >= COUNTDOWN_MIN_SECONDS:
        room -= COUNTDOWN_FROM
    if says_halfway(segment):
        room = min(room, segment.seconds / 2)
    return room


def fits(text: str, room: float | None) -> bool:
    """Whether saying ``text`` is over within ``room`` seconds (None: no limit)."""
    return room is None or speaking_seconds(text) <= room


def _fitting(options: Sequence[str], room: float | None) -> str:
    """The first option that fits in ``room``, else the last (the one that must be said)."""
    return next((text for text in options if fits(text, room)), options[-1])


def _sentence(*parts: str) -> str:
    return ", ".join(part for part in parts if part) + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _length(seconds: int) -> str:
    if seconds < 120:
        return "1 second" if seconds == 1 else f"{seconds} seconds"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} minutes" + (f" {rest} seconds" if rest else "")


def dose(plan: StepPlan) -> str:
    """What a step asks for, as it is said: "8 reps each side", "3 holds of 10 seconds"."""
    step = plan.step
    each = " each side" if plan.sides == "each" else ""
    if step.kind == "work":
        return _length(step.work or 0) + each
    count = step.rep_count
    if step.kind == "hold":
        hold = _length(step.hold or 0)
        return (f"{count} holds of {hold}" if count > 1 else hold) + each
    reps = "1 rep" if count == 1 else f"{count} reps"
    reps += " each side in turn" if plan.sides == "alternate-reps" else each
    return reps + (", at your own pace" if step.kind == "self-paced" else "")


def _intro(plan: StepPlan, first: Segment, prefix: str = "") -> list[str]:
    """The move, its dose and its first side, with shorter forms for when time is short."""
    name = f"{prefix}{plan.exercise.name}"
    side = first.side_words if first.side and plan.sides != "alternate-reps" else ""
    amount = dose(plan)
    return [
        _sentence(name, amount, side),
        _sentence(name, side),
        _sentence(name, amount),
        _sentence(name),
    ]


def _count(segment: Segment, plan: StepPlan) -> str:
    """The count of a tempo or self-paced rep; the sides on the first pair of alternating reps."""
    if plan.sides == "alternate-reps":
        if segment.rep == 1:
            return _sentence(_capital(segment.side_words))
        if segment.side == "right":
            return ""
    if segment.reps < 2:
        return ""
    return "Last one." if segment.rep == segment.reps else _sentence(_capital(number(segment.rep)))


def _own(segment: Segment, plan: StepPlan) -> list[str]:
    """What a segment of work says for itself, longest first; empty when it says nothing."""
    exercise = segment.exercise
    if segment.kind == "phase":
        clause = re.split(r"[:,;]", segment.cue)[0]
        return [_sentence(segment.cue), _sentence(clause)]
    if segment.kind == "hold":
        return [_sentence(segment.cue), _sentence(exercise.hold_cue or "Hold"), "Hold."]
    if segment.kind == "release":
        return [_sentence(exercise.release_cue or "Release"), "Release."]
    if segment.kind == "work":
        return [_sentence(segment.cue)]
    count = _count(segment, plan)
    return [count] if count else []


def _lead(segment: Segment, plan: StepPlan, timeline: Timeline) -> list[str]:
    """What must come before a segment's own words: the step, or the side it starts on."""
    if segment.index == plan.first_work and plan.first == plan.first_work:
        return _intro(plan, segment)  # no rest before the step said what it is
    if segment.switches_side:
        return [f"Switch: {segment.side_words}.", "Switch sides."]
    if not segment.side or plan.sides == "alternate-reps" or segment.index not in plan.blocks:
        return []
    before = timeline.segments[segment.index - 1]
    if before.is_break and segment.side_words in (started(before, timeline) or ""):
        return []  # the rest before it named the side already
    return [_sentence(_capital(segment.side_words))]


def _safety(segment: Segment, plan: StepPlan) -> str:
    """The move's safety line, where a side or a set begins; "" elsewhere or without one."""
    safety = segment.exercise.safety
    if not safety or segment.index not in plan.blocks:
        return ""
    return safety if safety.endswith((".", "!", "?")) else f"{safety}."


def _work(segment: Segment, timeline: Timeline) -> str | None:
    plan = timeline.steps[segment.step]
    room = budget(segment)
    lead = _lead(segment, plan, timeline)
    own = _own(segment, plan)
    safety = _safety(segment, plan)
    if safety:  # said in full, after the side; the segment's own words only if there is room
        heads = [f"{first} {safety}" for first in lead] or [safety]
        return _fitting([f"{head} {second}" for head in heads for second in own] + heads, room)
    if not lead:
        if segment.kind == "work":  # a form point is worth saying only in good time
            return next((text for text in own if fits(text, room)), None)
        return _fitting(own, room) if own else None
    options = [f"{first} {second}" for first in lead for second in own]
    return _fitting(options + lead, room)


def _break(segment: Segment, timeline: Timeline) -> str:
    plan = timeline.steps[segment.step]
    following = timeline.next_work(segment.index)
    if segment.kind == "switch":
        return _fitting([f"Switch: {segment.side_words}.", "Switch sides."], budget(segment))
    if following is None:
        return "Rest."
    if segment.kind == "get-ready":
        return _fitting(_intro(plan, following, "Get ready: "), budget(segment))
    if segment.index < plan.first_work:  # the rest before a step
        return _fitting([*_intro(plan, following, "Rest. Next: "), "Rest."], budget(segment))
    upcoming = f"Rest. Next: set {following.set} of {following.sets}"
    side = following.side_words
    options = [_sentence(upcoming, side), _sentence(upcoming), "Rest."]
    return _fitting(options if side else options[1:], budget(segment))


def started(segment: Segment, timeline: Timeline, released: bool = False) -> str | None:
    """What to say as a segment starts; ``released``: a hold has just ended."""
    text = _break(segment, timeline) if segment.is_break else _work(segment, timeline)
    if not released or segment.kind == "release":
        return text
    if text is None:
        return "Release."
    return _fitting([f"Release. {text}", text], budget(segment))


def phrases(events: Sequence[Event], timeline: Timeline) -> list[str]:
    """What to say for a batch of events, in order; one utterance when joined."""
    said: list[str] = []
    released = False
    for event in events:
        if isinstance(event, RepDone) and event.segment.kind == "hold":
            released = True
        elif isinstance(event, SegmentStarted):
            said = []  # a moment already over is not worth saying
            text = started(event.segment, timeline, released)
            released = False
            if text:
                said.append(text)
        elif isinstance(event, Countdown):
            said.append(number(event.seconds))
        elif isinstance(event, Halfway) and says_halfway(event.segment):
            said.append("Halfway.")
        elif isinstance(event, Finished):
            said = ["Release. Done. Well done!" if released else "Done. Well done!"]
        elif isinstance(event, Paused):
            said.append("Paused.")
    return said
