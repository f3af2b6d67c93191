"""Notices: toasts taken back once what they announce is over, and where notices go.

"Press u to undo" after the undo, "Paused: ..." once the workout goes on: a toast
left standing then says something that is no longer true. In a workout a notice is
no toast at all (`NoticeRoute`).
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen


def announce(
    app: App[object], message: str, *, severity: SeverityLevel = "information", timeout: float
) -> Notification:
    """Show a toast (the words as they are, no markup); keep what it returns to withdraw it."""
    notification = Notification(message, severity=severity, timeout=timeout)
    app.post_message(Notify(notification))
    return notification


def withdraw(app: App[object], notification: Notification | None) -> None:
    """Take a toast back; nothing happens when it has gone already.

    Textual 8.2 has no public way to remove one toast (`App.clear_notifications`
    removes them all); a click on a toast removes it with `App._unnotify`, and so
    does this.
    """
    if notification is not None:
        app._unnotify(notification)


class NoticeRoute:
    """Where the app's notices go. In a workout, into its status line (`StatusLine`),
    never over the move's instructions; elsewhere, a toast. Toasts shown just before a
    workout begins ("this workout has no voice") move into its line when it does."""

    def __init__(self) -> None:
        self._toasts: list[Notification] = []
        """The last toasts shown (a few)."""

    def notify(self, app: App[Any], event: Notify) -> None:
        """Route a notice: called by the App's handler, before Textual's own adds a toast."""
        from backtimer.tui.widgets.status_line import StatusLine

        line = app.screen.query(StatusLine)
        if line:
            event.prevent_default()  # Textual's handler, the App's base, adds no toast
            line.first().show_notice(event.notification)
        else:
            self._toasts = [*self._toasts[-4:], event.notification]

    def came_to_top(self, app: App[Any], screen: Screen[object]) -> None:
        """A workout came to the top: the toasts on show go into its line."""
        from backtimer.tui.widgets.status_line import StatusLine

        line = screen.query(StatusLine)
        if not line:
            return
        live = [toast for toast in self._toasts if not toast.has_expired]
        self._toasts = []
        if live:
            app.clear_notifications()
            for toast in live:
                line.first().show_notice(toast)
