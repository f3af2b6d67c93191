"""The picker's filter: it always has the focus, and every printable key is part of it."""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

LIST_KEYS = {"up", "down", "pageup", "pagedown", "home", "end", "enter"}
"""Keys the list under the filter answers to (Enter starts its highlighted routine)."""


def without(bindings: list[BindingType], keys: set[str]) -> list[Binding]:
    """``bindings`` with ``keys`` taken out of them (a binding left with no key goes)."""
    kept = []
    for binding in bindings:
        assert isinstance(binding, Binding)
        left = [key for key in binding.key.split(",") if key.strip() not in keys]
        if left:
            kept.append(replace(binding, key=",".join(left)))
    return kept


class FilterInput(Input, inherit_bindings=False):
    """An `Input` that leaves ↑ ↓ PgUp PgDn Home End to the screen, for the list.

    An `Input` scrolls with the first four (it is a scroll view) and moves its
    cursor with Home and End; the filter is one short line, so those keys move
    the list instead, and ←/→ (or ctrl+a, ctrl+e) still move the cursor. Nothing
    is selected when the filter gets the focus back (Textual's default), so a
    letter typed then adds to the filter instead of replacing it.
    """

    BINDINGS = [
        *without(Input.BINDINGS, LIST_KEYS),
        Binding("enter", "submit", "Start", tooltip="Start the highlighted routine"),
    ]

    submitted = ""
    """What the filter held when Enter was last pressed: the keys of a burst after it
    ("desk", Enter, "4") are typed in before Enter's action runs."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls `Input._on_key` next, which types the printable keys in.
        if event.key == "enter":
            self.submitted = self.value

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of several lines ("desk", Enter, "4") is its first line, then Enter:
        the routine it finds starts. What came after the Enter was for the next screen."""
        # Textual calls `Input._on_paste` next, which types the first line in.
        if "\n" in event.text or "\r" in event.text:
            self.call_later(self._pasted_enter)

    def _pasted_enter(self) -> None:
        self.submitted = self.value
        self.post_message(self.Submitted(self, self.value))

    def __init__(self, *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)
        # It has the focus all the time the picker is open: a blinking cursor would
        # repaint it twice a second for as long as the app sits there (5 ms of CPU a second).
        self.cursor_blink = False
