"""What became of each step of a session: the one rule, used everywhere.

A step ends a session in exactly one of four ways:

- **done**: done in full, every planned set of it;
- **partly**: some of it was done (a rep, or at least a second of work), not all;
- **skipped**: the session went past it with nothing of it done;
- **not-reached**: the session ended before it (or on it, before any of it was done).

The timer records facts (sets, reps and seconds done, and whether the session
went past the step); this module turns them into the outcome. The summary, the
history pane, the files, ``history --csv``, the statistics and the programme
calendar all ask this module, so they always agree.

A session **counts** (toward the streak, the weekly goal and a programme's day)
when at least one of its steps was done in full, however it ended.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, cast

from backtimer.domain.parsing.words import plural

Outcome = Literal["done", "partly", "skipped", "not-reached"]
OUTCOMES: tuple[Outcome, ...] = ("done", "partly", "skipped", "not-reached")

WORKED_SECONDS = 1.0
"""Work shorter than this does not make a step partly done: it was skipped at once."""


class StepFacts(Protocol):
    """What was planned and done of one step: a `StepRecord` or a `StepDigest`."""

    @property
    def sets_done(self) -> int: ...
    @property
    def reps_done(self) -> int: ...
    @property
    def seconds_done(self) -> float: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def planned_sets(self) -> int | None: ...


def classify(done: bool, worked: bool, passed: bool) -> Outcome:
    """The outcome of a step from three facts about it.

    Args:
        done: every planned set of it was done.
        worked: some of it was done (see `did_work`).
        passed: the session went on past it (or reached the end after it).
    """
    if done:
        return "done"
    if worked:
        return "partly"
    return "skipped" if passed else "not-reached"


def did_work(reps_done: int, seconds_done: float) -> bool:
    """Whether a rep or at least `WORKED_SECONDS` of work was done."""
    return reps_done > 0 or seconds_done >= WORKED_SECONDS


def is_done(step: StepFacts) -> bool:
    """Every planned set of the step was done."""
    if step.planned_sets is None:  # sessions recorded before plans were kept
        return not step.skipped and bool(step.seconds_done or step.reps_done)
    return step.sets_done >= step.planned_sets


def outcome(step: StepFacts) -> Outcome:
    """The outcome of a recorded step.

    A record's ``skipped`` says the session went past the step with nothing of
    it done; older records may say so of a step that was done after all, and
    then the work done wins.
    """
    return classify(is_done(step), did_work(step.reps_done, step.seconds_done), step.skipped)


@dataclass(frozen=True, slots=True)
class OutcomeCounts:
    """How many steps of a session ended each way."""

    done: int = 0
    partly: int = 0
    skipped: int = 0
    not_reached: int = 0

    @property
    def steps(self) -> int:
        return self.done + self.partly + self.skipped + self.not_reached

    def text(self) -> str:
        """In words: "3 of 4 steps done · 1 skipped"."""
        parts = [f"{self.done} of {plural(self.steps, 'step')} done"]
        for count, words in (
            (self.partly, "part done"),
            (self.skipped, "skipped"),
            (self.not_reached, "not reached"),
        ):
            if count:
                parts.append(f"{count} {words}")
        return " · ".join(parts)


def count_outcomes(steps: Iterable[StepFacts]) -> OutcomeCounts:
    """The steps of a session, counted by outcome."""
    tally = dict.fromkeys(OUTCOMES, 0)
    for step in steps:
        tally[outcome(step)] += 1
    return OutcomeCounts(tally["done"], tally["partly"], tally["skipped"], tally["not-reached"])


def session_counts(steps: Iterable[StepFacts]) -> bool:
    """Whether a session counts toward streaks, the weekly goal and a programme's day."""
    return any(is_done(step) for step in steps)


class StepFigures:
    """What a recorded step's facts say of it, mixed into `StepRecord` and `StepDigest`
    (each of which has the `StepFacts`)."""

    __slots__ = ()

    @property
    def complete(self) -> bool:
        """Done in full, every planned set of it."""
        return is_done(cast(StepFacts, self))

    @property
    def outcome(self) -> Outcome:
        return outcome(cast(StepFacts, self))

    @property
    def worked(self) -> bool:
        """Some of the step was done: a rep, or a second of work.

        A step skipped at once still records a fraction of a second.
        """
        facts = cast(StepFacts, self)
        return did_work(facts.reps_done, facts.seconds_done)


class SessionFacts(Protocol):
    """What a session's figures are worked out from: a `Session` or a `SessionDigest`."""

    @property
    def active_seconds(self) -> float: ...
    @property
    def steps(self) -> Sequence[StepFacts]: ...


class SessionFigures:
    """What a session's steps say of it, mixed into `Session` and `SessionDigest`."""

    __slots__ = ()

    @property
    def minutes(self) -> float:
        return cast(SessionFacts, self).active_seconds / 60

    @property
    def outcomes(self) -> OutcomeCounts:
        """Its steps counted by outcome: done, partly, skipped, not reached."""
        return count_outcomes(cast(SessionFacts, self).steps)

    @property
    def counts(self) -> bool:
        """Whether the session counts toward streaks, the weekly goal and programme days.

        It does when at least one step was done in full: what counts is the work
        done, not how the session ended. A session stopped after its first step
        counts; one skipped through from start to end (which the timer calls
        completed) does not.
        """
        return session_counts(cast(SessionFacts, self).steps)
