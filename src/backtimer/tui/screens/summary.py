"""After a workout: what was done, how the back feels now, and a note."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from backtimer.domain.describe import duration
from backtimer.domain.history import Session
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore
from backtimer.storage.library import exercises
from backtimer.tui.screens.question import Question
from backtimer.tui.widgets.pain_scale import PainScale
from backtimer.tui.widgets.session_detail import step_line
from backtimer.tui.widgets.too_small import TooSmall

TITLES = {
    "completed": "Workout complete. Well done!",
    "stopped": "Workout stopped early",
    "interrupted": "Workout interrupted",
}


def title(session: Session) -> str:
    """How the workout ended, in a few words; a routine skipped through is not "complete"."""
    outcomes = session.outcomes
    if session.status == "completed" and outcomes.done < outcomes.steps:
        return "End of the routine" if outcomes.done else "End of the routine: nothing done in full"
    return TITLES[session.status]


class SummaryScreen(Question, Screen[None]):
    """The session is already saved; Enter adds the rating and note and goes back."""

    BINDINGS = [
        Binding("enter", "save", "Save and finish"),
        Binding("escape", "save", "Save and finish", show=False),
    ]

    def __init__(self, session: Session, store: HistoryStore) -> None:
        super().__init__()
        self.session = session
        self._store = store
        self._saved = False

    def compose(self) -> ComposeResult:
        session = self.session
        names = {move_id: move.name for move_id, move in exercises().items()}
        yield Header()
        yield TooSmall()
        with VerticalScroll(id="summary"):
            yield Label(title(session), id="summary-title")
            yield Label(
                f"{session.routine_name} · {duration(session.active_seconds)} active"
                f" · {duration(session.paused_seconds)} paused"
                f" · {session.outcomes.text()}",
                id="summary-time",
            )
            yield Static(
                "\n".join(step_line(r, i, names) for i, r in enumerate(session.steps, start=1)),
                id="summary-steps",
            )
            with Vertical(id="summary-questions"):
                before = session.pain_before
                yield Label(
                    f"Pain before: {before if before is not None else 'not rated'}. And now?",
                    classes="question",
                )
                yield PainScale(id="pain-after")
                yield Label("A note for next time (optional):", classes="question")
                yield Input(placeholder="e.g. left hip tight on the split squat", id="note")
                yield Label(
                    "A digit rates the pain now (T for 10); Enter saves and goes back.",
                    classes="dialog-hint",
                )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Summary"
        self.query_one(PainScale).focus()

    @on(PainScale.Chosen)
    def _rated(self) -> None:
        self.query_one("#note", Input).focus()

    def _final(self) -> Session:
        return self.session.model_copy(
            update={
                "pain_after": self.query_one(PainScale).value,
                "note": self.query_one("#note", Input).value.strip(),
            }
        )

    @on(Input.Submitted)
    def action_save(self) -> None:
        """Enter in the note, or anywhere else; not a priority key, so typing comes first."""
        self.save()

    @work(exclusive=True, group="save")
    async def save(self) -> None:
        session = self._final()
        try:
            await asyncio.to_thread(self._store.record, session)
        except StorageError as exc:
            self.notify(f"{exc}. Press Enter to try again.", severity="error", timeout=10)
            return
        self._saved = True
        self.dismiss()

    def save_now(self) -> None:
        """Save the rating and note at once: the app is quitting."""
        if not self._saved:
            self._store.record(self._final())
            self._saved = True
