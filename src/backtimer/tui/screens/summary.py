"""After a workout: what was done, how the back feels now, a note, and what next time holds.

Under the steps done, the progression rules' suggestions for next time
(`widgets.suggestions`), worked out again as the pain rating and the note are
typed. Enter saves the rating and the note, as it always did, and hands the
suggested changes back: the app then asks about each one (`next_time`).
"""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from backtimer.domain.describe import duration
from backtimer.domain.history import NOTE_MAX_CHARS, Session
from backtimer.domain.progression import StepAdvice
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore
from backtimer.storage.library import exercises
from backtimer.tui.advisor import Advisor
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.question import Question
from backtimer.tui.widgets.pain_scale import PainScale
from backtimer.tui.widgets.session_detail import step_line
from backtimer.tui.widgets.suggestions import Suggestions, changes

TITLES = {
    "completed": "Workout complete. Well done!",
    "stopped": "Workout stopped early",
    "interrupted": "Workout interrupted",
}


HINT = "A digit rates the pain now (T for 10); Enter saves and goes back."
HINT_WITH_CHANGES = (
    "A digit rates the pain now (T for 10); Enter saves, then asks about each change"
    " for next time (Enter accepts, x keeps)."
)


def title(session: Session) -> str:
    """How the workout ended, in a few words; a routine skipped through is not "complete"."""
    outcomes = session.outcomes
    if session.status == "completed" and outcomes.done < outcomes.steps:
        return "End of the routine" if outcomes.done else "End of the routine: nothing done in full"
    return TITLES[session.status]


class SummaryScreen(Question, AppScreen[list[StepAdvice]]):
    """The session is already saved; Enter adds the rating and note and goes back,
    with the changes the rules suggest for next time (the app asks about them)."""

    BINDINGS = [
        Binding("enter", "save", "Save and finish"),
        Binding("escape", "save", "Save and finish", show=False),
    ]

    def __init__(
        self, session: Session, store: HistoryStore, advisor: Advisor | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self._store = store
        self._saved = False
        self._advisor = advisor

    def compose_body(self) -> ComposeResult:
        session = self.session
        names = {move_id: move.name for move_id, move in exercises().items()}
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
            yield Suggestions(id="suggestions")
            with Vertical(id="summary-questions"):
                before = session.pain_before
                yield Label(
                    f"Pain before: {before if before is not None else 'not rated'}. And now?",
                    classes="question",
                )
                yield PainScale(id="pain-after")
                yield Label("A note for next time (optional):", classes="question")
                yield Input(
                    placeholder="e.g. left hip tight on the split squat",
                    max_length=NOTE_MAX_CHARS,
                    id="note",
                )
                yield Label(HINT, classes="dialog-hint", id="summary-hint")

    def on_mount(self) -> None:
        self.sub_title = "Summary"
        scale = self.query_one(PainScale)
        scale.then = self.query_one("#note", Input)
        scale.focus()
        self.suggest()

    @on(PainScale.Chosen)
    def _rated(self) -> None:
        self.query_one("#note", Input).focus()
        self.suggest()

    @on(Input.Changed, "#note")
    def _noted(self) -> None:
        self.suggest()

    @work(exclusive=True, group="suggest")
    async def suggest(self) -> None:
        """Work out the suggestions for the session as rated now (the history is read once)."""
        if self._advisor is None:
            return
        advice = tuple(await asyncio.to_thread(self._advisor.advise, self._final()))
        self.query_one(Suggestions).advice = advice
        hint = HINT_WITH_CHANGES if changes(advice) else HINT
        self.query_one("#summary-hint", Label).update(hint)

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
            self._not_saved(session, str(exc))
            return
        self._saved = True
        advisor = self._advisor
        advice = await asyncio.to_thread(advisor.advise, session) if advisor else []
        self.dismiss(changes(tuple(advice)))

    def _not_saved(self, session: Session, problem: str) -> None:
        """The disk would not take it: offer to try again or to save it elsewhere."""
        from backtimer.tui.screens.not_saved import NotSavedScreen
        from backtimer.tui.unsaved import Unsaved

        def answered(saved: bool | None) -> None:
            if saved:
                self._saved = True
                self.dismiss()

        dialog = NotSavedScreen([Unsaved(session, problem)], self._store, quitting=False)
        self.app.push_screen(dialog, answered)

    def unsaved_session(self) -> Session | None:
        """The session with its rating and note, while it is not saved yet."""
        return None if self._saved else self._final()

    def save_now(self) -> None:
        """Save the rating and note at once: the app is quitting.

        Raises:
            StorageError: it could not be saved (the session is still `unsaved_session`).
        """
        if not self._saved:
            self._store.record(self._final())
            self._saved = True
