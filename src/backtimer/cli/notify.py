"""Desktop notifications, through the program the desktop provides.

notify-send (Linux; Debian and Ubuntu have it in libnotify-bin) or osascript
(built into macOS), found on the PATH. Not desktop-notifier: on a Linux
machine without a session bus (a cron job, say) it logs a traceback and
reports success, where notify-send fails with a message we can pass on; and
it would bring a compiled D-Bus library for what one small program does.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

Notifier = Callable[[str, str], None]
"""Shows a notification (title, body); raises `NotifyError` when it cannot."""

TIMEOUT = 10.0
"""Seconds to wait for the notification program before giving up on it."""

NONE_FOUND = (
    "cannot send a desktop notification: neither notify-send (Debian and Ubuntu:"
    " sudo apt install libnotify-bin) nor osascript (macOS) is on the PATH"
)


class NotifyError(RuntimeError):
    """The notification could not be shown; the message says why, in one line."""


def _run(name: str, command: list[str]) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise NotifyError(f"{name} could not run: {exc}") from None
    if result.returncode != 0:
        said = result.stderr.strip().splitlines()
        why = said[-1] if said else f"exit status {result.returncode}"
        raise NotifyError(f"{name} failed: {why}")


def find_notifier() -> tuple[str, Notifier] | None:
    """The first notification program on the PATH, by name, and how to use it."""
    notify_send = shutil.which("notify-send")
    if notify_send is not None:
        return "notify-send", lambda title, body: _run(
            "notify-send", [notify_send, "--app-name=backtimer", title, body]
        )
    osascript = shutil.which("osascript")
    if osascript is not None:
        script = [
            "on run argv",
            "display notification (item 2 of argv) with title (item 1 of argv)",
            "end run",
        ]
        arguments = [part for line in script for part in ("-e", line)]
        return "osascript", lambda title, body: _run(
            "osascript", [osascript, *arguments, title, body]
        )
    return None


def send(title: str, body: str, notifier: Notifier | None = None) -> str | None:
    """Show a notification; returns None when it was shown, else the problem in one line."""
    if notifier is None:
        found = find_notifier()
        if found is None:
            return NONE_FOUND
        notifier = found[1]
    try:
        notifier(title, body)
    except NotifyError as exc:
        return str(exc)
    return None
