"""For next time: each change the progression rules suggest, asked one at a time.

The session is saved before this screen comes (the summary's Enter saves it),
so Enter here means one thing only: accept the change on the screen. x keeps
the step as it is; Escape keeps this one and the rest. Like every question,
each change takes no key for its first moments (`question.GUARD_SECONDS`), so
an Enter pressed twice never accepts a change unread. At the end the accepted
changes are saved at once (a built-in routine gets the person's own copy) and
the screen says where.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from backtimer.domain.coaching.progression import StepAdvice
from backtimer.domain.coaching.suggestion import move_name, suggestion_line
from backtimer.storage.files import StorageError
from backtimer.storage.library import exercises
from backtimer.storage.routine_files import SaveRefused, shown
from backtimer.tui.advisor import Advisor
from backtimer.tui.markup import escape
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.question import Question

VERDICTS = {"progress": "Up a notch", "back-off": "Back off a notch"}


class NextTimeScreen(Question, AppScreen[bool]):
    """Each suggested change in turn: Enter accepts it, x keeps the step as it is.

    Dismissed with True when a routine file was written."""

    BINDINGS = [
        Binding("enter", "answer(True)", "Accept", tooltip="Make this change for next time"),
        Binding("x", "answer(False)", "Keep", tooltip="Keep the step as it is"),
        Binding("escape", "keep_rest", "Keep the rest", tooltip="Keep this step and the rest"),
    ]

    def __init__(
        self, advisor: Advisor, changes: list[StepAdvice], clock: Callable[[], float]
    ) -> None:
        super().__init__()
        self.advisor = advisor
        self.changes = changes
        self.accepted: list[StepAdvice] = []
        self.position = 0
        self._clock = clock

    def compose_body(self) -> ComposeResult:
        with Vertical(id="next-time"):
            yield Label("", id="next-time-count")
            yield Label("", id="next-time-verdict")
            yield Static("", id="next-time-change")
            yield Static("", id="next-time-why")
            yield Label("Enter accepts, x keeps (Escape keeps the rest)", classes="dialog-hint")
            yield Static("", id="next-time-accepted")

    def on_mount(self) -> None:
        self.sub_title = "For next time"
        self._show()

    def _show(self) -> None:
        item = self.changes[self.position]
        routine = self.advisor.entry.name
        self.query_one("#next-time-count", Label).update(
            f"{routine}: change {self.position + 1} of {len(self.changes)}"
        )
        self.query_one("#next-time-verdict", Label).update(VERDICTS.get(item.verdict, ""))
        line = suggestion_line(item, exercises())
        self.query_one("#next-time-change", Static).update(f"{escape(line)}?")
        self.query_one("#next-time-why", Static).update(
            "\n".join(f"· {escape(reason)}" for reason in item.reasons)
        )
        accepted = ", ".join(escape(suggestion_line(done, exercises())) for done in self.accepted)
        self.query_one("#next-time-accepted", Static).update(
            f"Accepted: {accepted}" if accepted else ""
        )

    def _too_soon(self) -> bool:
        """Whether the change on screen is too new to answer.

        The app drops keys that reach a question too soon, but a burst of keys is
        checked as it arrives, before the key ahead of it has brought the next
        change on: so each answer checks again when it is handled.
        """
        return not self.takes_keys(self._clock())

    def action_answer(self, accept: bool) -> None:
        if self.position >= len(self.changes) or self._too_soon():
            return
        if accept:
            self.accepted.append(self.changes[self.position])
        self.position += 1
        if self.position < len(self.changes):
            self.shown_at = self._clock()  # the next change is a new question: read it first
            self._show()
        else:
            self.finish()

    def action_keep_rest(self) -> None:
        if self.position >= len(self.changes) or self._too_soon():
            return
        self.position = len(self.changes)
        self.finish()

    @work(exclusive=True, group="accept")
    async def finish(self) -> None:
        """Save what was accepted, say where, and go back."""
        saved = None
        if self.accepted:
            try:
                saved = await asyncio.to_thread(self.advisor.accept, self.accepted)
            except (SaveRefused, StorageError) as exc:
                self.notify(f"Not saved: {exc}", severity="error", timeout=10)
            else:
                names = ", ".join(
                    move_name(item.step.exercise, exercises()) for item in self.accepted
                )
                where = shown(saved.path)
                also = (
                    f" Your own copy of {saved.copy_of}; programmes run it now."
                    if saved.copy_of
                    else ""
                )
                self.notify(f"Saved {where}: {names} changed for next time.{also}", timeout=8)
        self.dismiss(saved is not None)
