"""The workout's line of notices: where the workout says what is going on (paused, press
Enter after each rep) and what the app has to tell meanwhile, in place of a toast.

A toast lies over the screen's lower right for seconds, over the move's instructions;
in a workout the app's notices come here instead (`BacktimerApp.on_notify`): one line,
always there, so nothing moves when a notice comes and goes.
"""

from __future__ import annotations

from textual.content import Content
from textual.notifications import Notification
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Label

SEVERITIES = ("-information", "-warning", "-error")


class StatusLine(Label):
    """Shows the latest notice while it lasts, else the workout's own status."""

    status: var[str] = var("")
    """What the workout says now ("PAUSED · press space to go on"), or nothing."""
    notice: var[Notification | None] = var(None)

    _timer: Timer | None = None

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.said: list[Notification] = []
        """Every notice shown in this workout, in order: what a toast would have said."""

    def show_notice(self, notification: Notification) -> None:
        """Show ``notification`` for its timeout, in place of the status."""
        if self._timer is not None:
            self._timer.stop()
        self.said.append(notification)
        self.notice = notification
        self._timer = self.set_timer(notification.timeout, lambda: self.take_back(notification))

    def take_back(self, notification: Notification | None) -> None:
        """The notice is over (or no longer true): the status again."""
        if notification is not None and self.notice is notification:
            self.notice = None

    def watch_status(self) -> None:
        self._show()

    def watch_notice(self) -> None:
        self._show()

    def _show(self) -> None:
        notice = self.notice
        severity = f"-{notice.severity}" if notice is not None else "-warning"
        for name in SEVERITIES:
            self.set_class(name == severity, name)
        self.update(Content(notice.message) if notice is not None else self.status)
