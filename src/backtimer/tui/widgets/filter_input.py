"""The picker's filter: it always has the focus, and every printable key is part of it."""

from __future__ import annotations

from dataclasses import replace

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

    def __init__(self, *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)
