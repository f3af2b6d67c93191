"""``coaching.toml``: what the coaching has said and been told (`CoachingState`).

Read tolerantly: a missing file is a first start; a file that cannot be read
is reported and, the gentler way, taken as a red flag still open (no growth
suggested until the file is fixed or the person says it was checked, which
writes it anew; the broken file is kept aside, never overwritten).

The next morning's rating goes into its session in the history
(`record_morning`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backtimer.domain.coaching.coaching_state import CoachingState
from backtimer.domain.history.session import Pain, Session
from backtimer.storage import locations
from backtimer.storage.files import locked
from backtimer.storage.history import HistoryStore
from backtimer.storage.model_file import load_model, save_model
from backtimer.storage.safe_read import KIB

HEADER = "# backtimer: what its coaching has said and been told. Written by backtimer.\n\n"
MAX_BYTES = 64 * KIB


def load_coaching() -> tuple[CoachingState, list[str]]:
    """The state, or a fresh one and why, when the file cannot be used."""
    return load_model(locations.coaching_file(), CoachingState, MAX_BYTES, "starting afresh")


def red_flag_open() -> bool:
    """Whether growth waits for a red flag to be checked (also when the file is unreadable)."""
    state, problems = load_coaching()
    return state.red_flag_open or bool(problems)


def update_coaching(change: Callable[[CoachingState], None]) -> list[str]:
    """Change the state as ``change`` does, and write it; returns problems met."""
    with locked(locations.lock_file()):
        state, problems = load_coaching()
        change(state)
        data = state.model_dump(exclude_none=True)
        return problems + save_model(
            locations.coaching_file(), HEADER, data, lambda: not load_coaching()[1]
        )


def red_flags_shown(now: datetime) -> list[str]:
    """Remember that the red flags were shown at the first start."""

    def shown(state: CoachingState) -> None:
        state.red_flags_shown = state.red_flags_shown or now

    return update_coaching(shown)


def open_red_flag(now: datetime) -> list[str]:
    """The person said a red flag applies: no growth until it has been checked."""

    def opened(state: CoachingState) -> None:
        state.red_flag_since = state.red_flag_since or now
        state.red_flag_said = state.red_flag_since

    return update_coaching(opened)


def close_red_flag(now: datetime) -> list[str]:
    """The person said the red flag has been checked."""

    def closed(state: CoachingState) -> None:
        state.red_flag_since = None
        state.red_flag_checked = now

    return update_coaching(closed)


def morning_asked(session_id: str) -> list[str]:
    """Remember that the app asked about this session's morning (it asks once)."""

    def asked(state: CoachingState) -> None:
        state.morning_asked = session_id

    return update_coaching(asked)


def record_morning(store: HistoryStore, session_id: str, rating: Pain) -> Session | None:
    """Give the session its next morning's rating; the session as it was, or None when it
    is not in the history.

    Raises:
        StorageError: it could not be written; nothing was changed.
    """
    session = store.find(session_id)
    if session is None:
        return None
    store.record(session.model_copy(update={"next_morning": rating}))
    return session
