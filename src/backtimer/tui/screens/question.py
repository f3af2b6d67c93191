"""Questions wait a moment before they take keys.

A person counting reps with Enter, or answering y, often presses once more than
needed, and that key was meant for the screen before: the last rep's Enter
must not save the summary, the Enter that starts a routine must not skip the
pain question. So every screen that asks something right after another screen
(the pain question, a yes-or-no question, the summary) ignores keys for its
first `GUARD_SECONDS`, measured on the app's monotonic clock. A keypress of a
burst comes 30 to 200 ms after the one before it; a person who reads the new
screen takes longer than 0.75 s to answer it.

The app enforces this in one place (`BacktimerApp.on_event`), for every key
but ctrl+q.
"""

from __future__ import annotations

GUARD_SECONDS = 0.75
"""How long a question ignores keys after it comes to the top."""


class Question:
    """Mixin for a screen that asks something; the app stamps `shown_at`."""

    shown_at: float | None = None
    """When the screen last came to the top (the app's monotonic clock), or None."""

    def takes_keys(self, now: float) -> bool:
        """True once the screen has been on top for `GUARD_SECONDS`."""
        return self.shown_at is None or now - self.shown_at >= GUARD_SECONDS
