"""After a workout: what was done, then one question at a time, and what next time holds.

Under the steps done, the progression rules' suggestions for next time
(`widgets.suggestions`), worked out again as each answer is given. Below
them, one question at a time, always on the screen: how the back feels now
(0 to 10), then whether anything runs down a leg, then a note. A key only
picks an answer and Enter gives it; words typed where an answer is asked are
the note, whole (`widgets.typed_answer`). Each question is a new one for the
guard of `question.Question`: keys typed on faster than it can be read are
dropped, never taken as its answer. Words sent to the note leave the rating
to be asked again once the note is given.

The session is already saved when the summary comes; the last Enter (or
ctrl+s at any time) adds the answers and hands back the suggested changes:
the flow then asks about each one (`next_time`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Literal

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from backtimer.domain.coaching.progression import StepAdvice
from backtimer.domain.coaching.red_flags import LEG_QUESTION, LEG_YES
from backtimer.domain.history.session import NOTE_MAX_CHARS, Session
from backtimer.domain.routines.describe import duration
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore
from backtimer.storage.library import exercises
from backtimer.tui.advisor import Advisor
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.question import Question
from backtimer.tui.widgets.pain_scale import PainScale
from backtimer.tui.widgets.session_detail import step_line
from backtimer.tui.widgets.suggestions import Suggestions, changes
from backtimer.tui.widgets.typed_answer import NoteField, TypedAnswer
from backtimer.tui.widgets.yes_no import YesNo

TITLES = {
    "completed": "Workout complete. Well done!",
    "stopped": "Workout stopped early",
    "interrupted": "Workout interrupted",
}

Stage = Literal["pain", "legs", "note"]
STAGES: tuple[Stage, ...] = ("pain", "legs", "note")
"""The questions, in the order they are asked."""

NOTE_QUESTION = "A note for next time (optional)"
HINTS: dict[Stage, str] = {
    "pain": "A number, 0 to 10 (T for 10), then Enter; Enter alone skips."
    " Words you type go to the note.",
    "legs": "Y or N, then Enter; Enter alone skips.",
    "note": "Enter saves and finishes.",
}
NOTE_THEN_ASKED = "Enter keeps the note; then the question it was typed at is asked again."
"""The note's hint when words typed at another question brought it on."""
SAVE_THEN_CHANGES = (
    "Enter saves, then asks about each change for next time (Enter accepts, x keeps)."
)


def title(session: Session) -> str:
    """How the workout ended, in a few words; a routine skipped through is not "complete"."""
    outcomes = session.outcomes
    if session.status == "completed" and outcomes.done < outcomes.steps:
        return "End of the routine" if outcomes.done else "End of the routine: nothing done in full"
    return TITLES[session.status]


class SummaryScreen(Question, AppScreen[list[StepAdvice]]):
    """The session is already saved; the answers are added when the last question is
    answered (or at ctrl+s), and the changes the rules suggest go back to the flow."""

    BINDINGS = [
        Binding("enter", "next", "Next", tooltip="Give this answer (Enter alone skips)"),
        Binding(
            "ctrl+s",
            "save",
            "Save and finish",
            priority=True,  # from the note too
            tooltip="Save the answers given so far and finish",
        ),
        Binding("escape", "save", "Save and finish", show=False),
        Binding("pageup", "scroll_summary(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_summary(1)", "Scroll down", show=False),
    ]

    def __init__(
        self,
        session: Session,
        store: HistoryStore,
        advisor: Advisor | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self._store = store
        self._saved = False
        self._advisor = advisor
        self._clock = clock
        self.stage: Stage = "pain"
        self.given: set[Stage] = set()
        self._changes = False

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
            yield Suggestions(id="suggestions")  # before the steps: seen first when space is short
            yield Static(
                "\n".join(step_line(r, i, names) for i, r in enumerate(session.steps, start=1)),
                id="summary-steps",
            )
        with Vertical(id="summary-questions"):
            yield Label("", classes="question", id="summary-ask")
            yield PainScale(confirm=True, id="pain-after")
            yield YesNo(id="legs")
            yield NoteField(
                placeholder="e.g. left hip tight on the split squat",
                max_length=NOTE_MAX_CHARS,
                select_on_focus=False,  # words typed on after those sent here add to them
                id="note",
            )
            yield Static("", id="summary-given")
            yield Label("", classes="dialog-hint", id="summary-hint")

    def on_mount(self) -> None:
        self.sub_title = "Summary"
        note = self.query_one(NoteField)
        for answer in self.query(TypedAnswer):
            answer.then = note
        self._ask("pain")
        self.suggest()

    # ------------------------------------------------------------ one question at a time

    def _widget(self, stage: Stage) -> PainScale | YesNo | NoteField:
        if stage == "pain":
            return self.query_one(PainScale)
        if stage == "legs":
            return self.query_one(YesNo)
        return self.query_one(NoteField)

    def _ask(self, stage: Stage) -> None:
        """Show ``stage``'s question alone, and give it the keys."""
        self.stage = stage
        before = self.session.pain_before
        asked = {
            "pain": "How does your back feel now? Before the workout:"
            f" {before if before is not None else 'not rated'}.",
            "legs": LEG_QUESTION,
            "note": NOTE_QUESTION,
        }[stage]
        self.query_one("#summary-ask", Label).update(asked)
        for other in STAGES:
            self._widget(other).display = other == stage
        widget = self._widget(stage)
        if isinstance(widget, TypedAnswer):
            widget.ask()
        self._hint()
        self._show_given()
        widget.focus()

    def _hint(self) -> None:
        last = set(STAGES) - self.given <= {"note"}
        if self.stage == "note" and not last:
            hint = NOTE_THEN_ASKED
        elif self.stage == "note" and self._changes:
            hint = SAVE_THEN_CHANGES
        else:
            hint = HINTS[self.stage]
        self.query_one("#summary-hint", Label).update(hint)

    def _show_given(self) -> None:
        """The answers given so far, in a line (most useful when the rating is asked again
        after a note)."""
        final = self._final()
        parts = []
        if "pain" in self.given:
            parts.append(f"Now: {final.pain_after if final.pain_after is not None else '-'}")
        if "legs" in self.given and final.leg_symptoms is not None:
            parts.append(f"Down a leg: {'yes' if final.leg_symptoms else 'no'}")
        if final.note and self.stage != "note":
            parts.append(f"Note: {final.note}")
        given = self.query_one("#summary-given", Static)
        given.update(escape(" · ".join(parts)))
        given.display = bool(parts)

    def action_next(self) -> None:
        """Enter: this question's answer is given (or skipped); on to the next one."""
        if self.stage == "legs" and self.query_one(YesNo).value:
            self.notify(LEG_YES, severity="warning", timeout=15)
        self.given.add(self.stage)
        self._widget(self.stage).taking = False
        left = [stage for stage in STAGES if stage not in self.given]
        if not left:
            self.save()
            return
        if self._clock is not None:
            self.shown_at = self._clock()  # a new question: read before it takes keys
        self._ask(left[0])
        self.suggest()

    @on(TypedAnswer.Words)
    def _words(self) -> None:
        """Words typed where an answer was asked went to the note: the note is asked now,
        the question it was typed at stays to be answered."""
        self.given.discard("note")
        self._ask("note")

    @on(Input.Submitted, "#note")
    def _note_given(self) -> None:
        if self.stage == "note":
            self.action_next()

    @on(Input.Changed, "#note")
    def _noted(self) -> None:
        self.suggest()

    @work(exclusive=True, group="suggest")
    async def suggest(self) -> None:
        """Work out the suggestions for the session as answered now (the history is read once)."""
        if self._advisor is None:
            return
        advice = tuple(await asyncio.to_thread(self._advisor.advise, self._final()))
        self.query_one(Suggestions).advice = advice
        self._changes = bool(changes(advice))
        self._hint()

    def _final(self) -> Session:
        """The session with the answers picked so far (a number picked counts, given or not)."""
        return self.session.model_copy(
            update={
                "pain_after": self.query_one(PainScale).value,
                "leg_symptoms": self.query_one(YesNo).value,
                "note": self.query_one(NoteField).value.strip(),
            }
        )

    def action_scroll_summary(self, pages: int) -> None:
        """What was done and the suggestions scroll above the question, which stays."""
        summary = self.query_one("#summary", VerticalScroll)
        if pages < 0:
            summary.scroll_page_up()
        else:
            summary.scroll_page_down()

    def action_save(self) -> None:
        """ctrl+s (or Escape): save the answers given so far and finish."""
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
