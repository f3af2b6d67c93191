"""Progression: what the pain ratings say about each step's dose for next time.

The rules follow the pain-monitoring model used in physiotherapy (Thomeé 1997;
Silbernagel et al. 2007): pain during or right after exercise up to about 5 of
10 is acceptable if it has settled by the next morning and does not build up
from week to week; while that holds the load may rise a little, and when it
fails the load comes down. Exercise-therapy practice adds the pace: one thing
at a time, small steps (`ladder`), about once a week per exercise. In
backtimer's words (the table in docs/guide/growing.md says the same):

- A step goes **up a notch** when its last 3 *days* at the dose it has now
  (sessions on one day count as one; none older than 3 weeks; only sessions
  since the dose last changed) went well: each session done in full, started
  below pain 7, pain after 3 or less and at most 1 above before, no warning;
  and the morning after the last of those days was rated and no worse than
  before that session (`pain_reading` says what a morning is). A session whose
  morning is still to come is not one of the 3, but must have gone well too.
- A dose is kept at least **a week** (from its first session) before it grows.
- **One step at a time**: at most one step of a routine grows after a session,
  the one at its dose the longest (the first in the routine on a tie); the
  others wait their turn. And after a step's dose changed, no other step grows
  until the changed one has been done and the morning after rated.
- A step **backs off** a notch when, in either of its last 2 sessions at this
  dose, pain after rose by 2 or more, or was above 5, or the next morning was
  worse than before that session (so a worse morning after a notch takes it
  back), or the session warned.
- **The back at rest** (pain before sessions and the mornings after, weekly
  means, `pain_trend.rest_trend`): 1 point or more above two weeks before and
  nothing grows; 2 or more and every step backs off, unless its dose came
  down in the last week already.
- **A flare pauses growth**: after a session (of any routine) that called for
  a back-off or warned, nothing grows for a week.
- **Warnings** (pain after 7 or more, a sign in the note, a leg answered yes:
  `pain_reading`) never let a step grow, back it off, and add the advice to
  see a professional; so do two sessions in a row that called for a back-off,
  and an open red flag (``red_flag_open``: nothing grows until it is checked).
- Otherwise it **holds**, and says why.

A session *includes* a step when some of the step was done; a step is matched
in a session by its move and its place among the steps with the same move
(moves on one ladder count as one move). Days are local: the caller gives
"now" and the time zone. Nothing here reads a file or a clock.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from backtimer.domain.coaching.pain_reading import (
    LOW_AFTER,
    PAUSE_DAYS,
    RISE_ALLOWED,
    RatedSession,
    Reading,
    day_text,
)
from backtimer.domain.coaching.pain_trend import RestTrend, rest_ratings, rest_trend
from backtimer.domain.coaching.step_history import (
    LOOK_BACK,
    WINDOW,
    Pair,
    Track,
    gather,
)
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.ladder import Ladders, Notch, Position, down, fits, position, up
from backtimer.domain.routines.routine import Routine, Step

Verdict = Literal["progress", "hold", "back-off"]

SESSIONS_NEEDED = 3
"""Days at one dose, all going well, before it grows."""
KEEP_A_DOSE = 7
"""Days a dose is kept, from its first session, before it grows."""
REST_RISE_HOLDS = 1.0
"""The back at rest this much above two weeks before: nothing grows."""
REST_RISE_BACKS_OFF = 2.0
"""The back at rest this much above two weeks before: every step backs off."""
RULE_OF_THUMB = (
    "After each workout backtimer suggests, from your pain ratings, when a step can grow"
    " or should ease off: a timer's rule of thumb, not medical advice."
)
"""What the suggestions are, said where they are explained (the guide, ``progress``)."""

RED_FLAG_OPEN = "you said a warning sign applies: nothing grows until it has been checked"
"""Why no step grows while a red flag is open."""


def own_sessions_of(routine_id: str, copied: Mapping[str, str]) -> set[str]:
    """The routines whose sessions count as this routine's: itself, and the built-in it copies
    (``copied``: each built-in and the person's copy of it, `ProgrammeState.copies`)."""
    return {routine_id} | {builtin for builtin, copy in copied.items() if copy == routine_id}


@dataclass(frozen=True)
class StepAdvice:
    """What the rules say about one step of a routine."""

    number: int
    """The step's place in the routine, from 1."""
    step: Step
    verdict: Verdict
    reasons: tuple[str, ...]
    """Why, in plain words, most telling first."""
    notch: Notch | None = None
    """The change suggested (a notch up or down); None to keep the step as it is."""
    see_professional: bool = False
    position: Position | None = None
    """Where the step stands on its ladder."""
    at_dose: int = 0
    """Days at this dose in the last 3 weeks that count toward growth (up to 3)."""
    since: date | None = None
    """The day of the first session at this dose (None: none yet, or over 3 weeks back)."""
    paused_until: date | None = None
    """Growth waits until this day after a flare; None when it does not."""


@dataclass(frozen=True)
class _Context:
    """What every step's advice shares."""

    now: datetime
    today: date
    moves: Mapping[str, Exercise]
    ladders: Ladders
    held_back: tuple[str, ...]
    """Why no step of the routine grows now (a red flag, a flare, the back at rest)."""
    warned: bool
    """A warning in the last week, or a red flag: every step calls for a professional."""
    paused_until: date | None
    trend: RestTrend


def advise(
    routine: Routine,
    sessions: Sequence[RatedSession],
    *,
    routine_ids: Collection[str],
    now: datetime,
    zone: tzinfo,
    moves: Mapping[str, Exercise],
    ladders: Ladders,
    red_flag_open: bool = False,
) -> list[StepAdvice]:
    """What the rules say about each step of ``routine``.

    Args:
        routine: the routine as it is now.
        sessions: the history, oldest first (every routine: mornings, flares and the
            back at rest come from any session).
        routine_ids: the routines whose sessions are this routine's (its id, and
            the built-in it is a copy of).
        now: the time of the advice; sessions older than `WINDOW` do not count to grow.
        zone: the person's time zone, for days and mornings.
        moves: every move by id (the catalogue's and the routine's own).
        ladders: every move's ladder by id.
        red_flag_open: the person said a red flag applies (`red_flags`) and has not yet
            said it was checked: no step grows, and every step says to see someone.
    """
    today = now.astimezone(zone).date()
    found = gather(routine, sessions, routine_ids, now=now, zone=zone, moves=moves, ladders=ladders)
    trend = rest_trend(rest_ratings(found.recent, zone, today), today)
    context = _context(now, today, moves, ladders, found.flared, trend, red_flag_open)
    drafts = [
        _step_advice(number, step, found.tracks[number - 1], context)
        for number, step in enumerate(routine.step, start=1)
    ]
    return _one_at_a_time(drafts, found.tracks, context)


def _context(
    now: datetime,
    today: date,
    moves: Mapping[str, Exercise],
    ladders: Ladders,
    flared: list[Reading],
    trend: RestTrend,
    red_flag_open: bool,
) -> _Context:
    held_back = [RED_FLAG_OPEN] if red_flag_open else []
    paused_until = None
    if flared:
        paused_until = flared[0].day + timedelta(days=PAUSE_DAYS)
        held_back.append(
            f"growth waits until {day_text(paused_until)}, a week after the flare of"
            f" {flared[0].when}"
        )
        held_back += [reason for reading in flared for reason in reading.flares()]
    rise = trend.rise
    if rise is not None and rise >= REST_RISE_HOLDS:
        held_back.append(_rest_words(trend) + "; nothing grows until it settles")
    warned = red_flag_open or any(reading.warnings() for reading in flared)
    held = tuple(dict.fromkeys(held_back))
    return _Context(now, today, moves, ladders, held, warned, paused_until, trend)


def _rest_words(trend: RestTrend) -> str:
    assert trend.this_week is not None and trend.earlier is not None
    weeks = "two weeks" if trend.weeks == 2 else "a week"
    return (
        f"your back at rest has built up: {trend.this_week:.1f} on average this week,"
        f" against {trend.earlier:.1f} {weeks} before"
    )


def _step_advice(number: int, step: Step, track: Track, context: _Context) -> StepAdvice:
    now, ladders = context.now, context.ladders
    since = now - WINDOW
    recent = [pair for pair in track.at_dose if pair[0].session.started_at >= since]
    pending = []
    for pair in recent:
        if not pair[0].pending:
            break
        pending.append(pair)
    evidence = _last_days(recent[len(pending) :])
    last_two = [reading for reading, _ in track.included[:LOOK_BACK]]
    looked_at = [reading for reading, _ in [*pending, *evidence]] + last_two
    in_a_row = len(last_two) == LOOK_BACK and all(reading.flares() for reading in last_two)

    def advice(verdict: Verdict, reasons: Iterable[str], notch: Notch | None = None) -> StepAdvice:
        warned = any(reading.warnings() for reading in looked_at)
        return StepAdvice(
            number,
            step,
            verdict,
            tuple(dict.fromkeys(reasons)),
            notch,
            see_professional=warned or in_a_row or context.warned,
            position=position(step, ladders),
            at_dose=len({reading.day for reading, _ in evidence}),
            since=track.since,
            paused_until=context.paused_until,
        )

    flares = [f for reading, _ in track.at_dose[:LOOK_BACK] for f in reading.flares()]
    rise = context.trend.rise
    # Once a week at most: a step whose dose came down in the last week has eased off already.
    week_ago = now - timedelta(days=PAUSE_DAYS)
    rising = rise is not None and rise >= REST_RISE_BACKS_OFF
    if not flares and rising and track.included and not track.came_down(week_ago, ladders):
        flares.append(_rest_words(context.trend) + ": ease off")
    if flares:
        if in_a_row:
            flares.append("two sessions in a row called for a back-off")
        notch = down(step, ladders)
        if notch is None:
            flares.append(_floor(step, context.moves, ladders))
        return advice("back-off", flares, notch)
    reasons = [*context.held_back, *_why_not(track, pending, evidence, context)]
    if reasons:
        return advice("hold", reasons)
    notch = up(step, ladders)
    if notch is None:
        return advice("hold", [_top(step, context.moves, ladders)])
    why = (
        f"its last {SESSIONS_NEEDED} days at this dose went well: done in full, pain after"
        f" {LOW_AFTER} or less and at most {RISE_ALLOWED} above before, the morning after no"
        " worse"
    )
    return advice("progress", [why], notch)


def _last_days(pairs: list[Pair]) -> list[Pair]:
    """The sessions of the last `SESSIONS_NEEDED` days among ``pairs`` (newest first)."""
    days: set[date] = set()
    kept = []
    for pair in pairs:
        if pair[0].day not in days and len(days) == SESSIONS_NEEDED:
            break
        days.add(pair[0].day)
        kept.append(pair)
    return kept


def _why_not(
    track: Track, pending: list[Pair], evidence: list[Pair], context: _Context
) -> list[str]:
    """Why the step's own sessions do not let its dose grow; empty when they do."""
    # The same problem on several days is one reason naming the days, so a bad spell reads
    # as one line: "started at pain 9 on Mon 7 Dec, Sun 6 Dec and Sat 5 Dec: …".
    problems: dict[str, list[str]] = {}
    for reading, record in [*pending, *evidence]:
        found = [f"not done in full on {reading.when}"] if record.outcome != "done" else []
        unsettled = reading.unsettled()
        found += [unsettled] if unsettled is not None else []
        for text in found:
            named = problems.setdefault(text.replace(reading.when, "\0"), [])
            named += [] if reading.when in named else [reading.when]
    reasons = [text.replace("\0", _and(named)) for text, named in problems.items()]
    days = {reading.day for reading, _ in [*pending, *evidence]}
    if not days:
        reasons.append(f"no session at this dose {'yet' if not track.run else 'in 3 weeks'}")
    elif len(days) < SESSIONS_NEEDED:
        reasons.append(
            f"{len(days)} of the {SESSIONS_NEEDED} days it needs at this dose in the last"
            " 3 weeks (sessions on one day count once)"
        )
    elif len({reading.day for reading, _ in evidence}) < SESSIONS_NEEDED:
        reasons.append(
            f"waits for the morning after {pending[-1][0].when}: the dose grows once it is"
            " rated no worse than before that session"
        )
    elif evidence[0][0].next_morning is None:
        reasons.append(
            f"the morning after {evidence[0][0].when} was not rated: the dose grows once the"
            " morning after a good session is, and no worse than before it"
        )
    if track.since is not None and track.since + timedelta(days=KEEP_A_DOSE) > context.today:
        grows_from = day_text(track.since + timedelta(days=KEEP_A_DOSE))
        reasons.append(
            f"at this dose since {day_text(track.since)}: a dose is kept a week before it"
            f" grows, so not before {grows_from}"
        )
    return reasons


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _one_at_a_time(
    drafts: list[StepAdvice], tracks: list[Track], context: _Context
) -> list[StepAdvice]:
    """At most one step grows: none while a changed step is untried, else the one at its
    dose the longest; the others say why they wait."""
    growing = [item for item in drafts if item.notch is not None and item.verdict == "progress"]
    if not growing:
        return drafts
    name = {item.number: _name(item.step, context.moves) for item in drafts}
    since = context.now - WINDOW
    untried = [
        item
        for item, track in zip(drafts, tracks, strict=True)
        if track.changed_at is not None
        and track.changed_at >= since
        and not any(reading.next_morning is not None for reading, _ in track.at_dose)
    ]
    if untried:
        wait = (
            f"waits until the last change, {name[untried[0].number]}, has been done and the"
            " morning after rated: one change at a time"
        )
        chosen = None
    else:
        chosen = min(growing, key=lambda item: (item.since or date.min, item.number))
        wait = (
            f"waits its turn: one step grows at a time, and {name[chosen.number]} goes first,"
            " at its dose the longest"
        )
    result = []
    for item in drafts:
        if item in growing and item is not chosen:
            item = replace(item, verdict="hold", notch=None, reasons=(wait,))
        elif item is chosen and len(growing) > 1:
            first = "one step grows at a time: this one first, at its dose the longest"
            item = replace(item, reasons=(*item.reasons, first))
        result.append(item)
    return result


def _name(step: Step, moves: Mapping[str, Exercise]) -> str:
    move = moves.get(step.exercise)
    return move.name if move is not None else step.exercise


def _no_ladder(step: Step, moves: Mapping[str, Exercise], ladders: Ladders) -> str:
    move = moves.get(step.exercise)
    if move is not None and move.kind == "massage":
        return "massages stay as they are"
    if step.exercise not in ladders:
        return "this move has no ladder: change its dose in the builder"
    return "this kind of step is not on the move's ladder: change its dose in the builder"


def _top(step: Step, moves: Mapping[str, Exercise], ladders: Ladders) -> str:
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return _no_ladder(step, moves, ladders)
    return "at the top of its ladder: keep it here"


def _floor(step: Step, moves: Mapping[str, Exercise], ladders: Ladders) -> str:
    ladder = ladders.get(step.exercise)
    if ladder is None or not fits(ladder, step):
        return _no_ladder(step, moves, ladders)
    return (
        f"{_name(step, moves)} is at its entry dose already: rest it, or leave it out until"
        " the pain settles"
    )


def changed(routine: Routine, advice: Iterable[StepAdvice]) -> Routine:
    """The routine with the suggested change of each of ``advice`` made."""
    steps = list(routine.step)
    for item in advice:
        if item.notch is not None:
            steps[item.number - 1] = item.notch.after
    return routine.model_copy(update={"step": steps})
