"""Toasts that are taken back once what they announce is over.

"Press u to undo" after the undo, "Paused: ..." once the workout goes on: a toast
left standing then says something that is no longer true.
"""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notification, Notify, SeverityLevel


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
