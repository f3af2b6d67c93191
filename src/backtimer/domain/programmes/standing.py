"""Where the programme under way stands, and what the programme views need.

`standing` puts ``program.toml``, the programme files and the history through the
calendar (`backtimer.domain.programmes.schedule`); `Situation` is all a programme view
reads in one go. Nothing here reads a file or a clock: ``now`` is the caller's.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from backtimer.domain.coaching.easier_week import EASIER_DAYS
from backtimer.domain.programmes.schedule import Attended, Progress, progress

if TYPE_CHECKING:
    from backtimer.domain.coaching.easier_week import EasierWeek
    from backtimer.domain.programmes.programme import Enrolment, ProgrammeEntry, ProgrammeState


@dataclass(frozen=True)
class Standing:
    """The active programme, as far as it could be worked out."""

    enrolment: Enrolment | None = None
    entry: ProgrammeEntry | None = None
    progress: Progress | None = None
    problems: tuple[str, ...] = ()


def standing(
    state: ProgrammeState,
    problems: Sequence[str],
    sessions: Sequence[Attended],
    now: datetime,
    zone: tzinfo,
    entries: list[ProgrammeEntry],
    routine_ids: Collection[str] = (),
) -> Standing:
    """Where the active programme stands at ``now``.

    Args:
        state: what ``program.toml`` holds, and ``problems``: what was wrong with it.
        sessions: the history.
        entries: every programme there is.
        routine_ids: the routines there are. The sessions of a built-in routine fill
            the slots of the copy that replaced it (`ProgrammeState.copies`, when the
            copy is one of these).
    """
    if state.active is None:
        return Standing(problems=tuple(problems))
    entry = next((e for e in entries if e.id == state.active.program), None)
    if entry is None or entry.program is None:
        why = "is not there any more" if entry is None else "does not load"
        message = f"the active programme '{state.active.program}' {why}"
        return Standing(state.active, entry, problems=(*problems, message))
    aliases = {builtin: copy for builtin, copy in state.copies.items() if copy in routine_ids}
    plan = progress(entry.program, state.active.start, sessions, now, zone, aliases)
    return Standing(state.active, entry, plan, tuple(problems))


MARGIN = timedelta(days=7)
"""How much earlier than the rules look `history_needed_from` reaches: reading a few more
sessions costs little, a flare left unread would cost a warning."""


def history_needed_from(start: date | None, now: datetime, zone: tzinfo) -> datetime:
    """The earliest start of a session that can change what ``today`` and the programme
    views say at ``now``, with a programme under way since ``start`` (if any).

    The calendar counts the sessions from the programme's start on
    (`schedule.progress`); an easier week looks at the sessions of the last
    `EASIER_DAYS` days and the mornings after them (`easier_week`); the morning
    ratings at yesterday's and today's last sessions (`mornings.standing`). Each
    reads the local day a session started on, so this goes back to the start of
    the earliest of those days, and `MARGIN` before it.
    """
    today = now.astimezone(zone).date()
    first = today - timedelta(days=max(EASIER_DAYS, 2))
    if start is not None:
        first = min(first, start)
    return datetime.combine(first, time(), zone) - MARGIN


class Named(Protocol):
    """A routine as a `Situation` needs it: its name."""

    @property
    def name(self) -> str: ...


R = TypeVar("R", bound=Named)


@dataclass(frozen=True)
class Situation(Generic[R]):
    """Everything the programme views need, read in one go (off the UI loop)."""

    programs: list[ProgrammeEntry]
    routines: dict[str, R]
    """The routines that load, by id."""
    standing: Standing
    problems: tuple[str, ...]
    """Problems with the history or ``program.toml``, to show once."""
    easier: EasierWeek | None = None
    """The easier week the programme under way is in after a flare-up, if any."""

    @property
    def names(self) -> dict[str, str]:
        return {routine_id: entry.name for routine_id, entry in self.routines.items()}

    def lead_routine(self) -> R | None:
        """The routine of the session to do now, if any."""
        plan = self.standing.progress
        if plan is None or plan.lead is None:
            return None
        return self.routines.get(plan.lead.routine)


def local_zone(now: datetime) -> tzinfo:
    """The computer's own time zone at ``now`` (the caller's clock), for dates as the
    person sees them."""
    zone = now.astimezone().tzinfo
    assert zone is not None
    return zone
