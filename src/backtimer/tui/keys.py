"""The keys that open the app's screens, said once: the picker's footer and keys screen
show them as bindings (`screen_bindings`), the command palette offers them by the same
words (`backtimer.tui.commands`).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class ScreenKey:
    """A screen (or a start) the picker opens with a key, and the palette by name."""

    key: str
    action: str
    """An action of the App."""
    words: str
    """What the footer and the palette call it."""
    tooltip: str
    """What it does, in a few words: the keys screen's line and the palette's help."""
    key_display: str | None = None
    finds: str = ""
    """More words the palette finds it by ("theme", "voice"), besides its own."""


SCREEN_KEYS = [
    ScreenKey("f1", "help", "Keys", "Show every key", key_display="F1"),
    ScreenKey("f2", "history", "History", "Past sessions, streak and charts", key_display="F2"),
    ScreenKey(
        "f3",
        "settings",
        "Settings",
        "Goal, cues, theme",
        key_display="F3",
        finds="weekly goal bell flash voice speech sounds get ready lead-in mat view colours",
    ),
    ScreenKey(
        "f4",
        "guide",
        "Where it hurts",
        "Find the muscle behind your pain",
        key_display="F4",
        finds="guide pain muscle",
    ),
    ScreenKey("f5", "programs", "Programmes", "Multi-week plans", key_display="F5"),
    ScreenKey("f6", "today", "Today", "Start today's programme session", key_display="F6"),
    ScreenKey("ctrl+n", "new", "New", "Build a new routine", finds="builder routine"),
]
"""In the order the picker's footer shows them."""


def screen_bindings() -> list[Binding]:
    """The picker's bindings for `SCREEN_KEYS`, shown in its footer. ctrl+n wins over the
    filter (`priority`); the function keys are no key of the filter's anyway."""
    return [
        Binding(
            key.key,
            f"app.{key.action}",
            key.words,
            key_display=key.key_display,
            tooltip=key.tooltip,
            priority=key.key.startswith("ctrl+"),
        )
        for key in SCREEN_KEYS
    ]
