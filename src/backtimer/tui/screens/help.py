"""Every key of the screen below, with what it does; then the signs that need a doctor."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from backtimer.domain.coaching import red_flags
from backtimer.tui.markup import escape
from backtimer.tui.screens.red_flags import red_flags_text
from backtimer.tui.widgets.hanging_text import HangingText, Line
from backtimer.tui.widgets.too_small import TooSmall

KEY_NAMES = {
    "question_mark": "?",
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "escape": "esc",
    "f1": "F1",
    "f2": "F2",
    "f3": "F3",
    "f4": "F4",
    "f5": "F5",
    "f6": "F6",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "slash": "/",
}

GENERAL = [
    ("?, F1", "Show these keys (F1 where you can type)"),
    ("ctrl+q", "Quit; in a workout it asks first (ctrl+q again: yes), then saves it as stopped"),
    ("ctrl+z", "Suspend to the shell; a workout pauses itself"),
    ("ctrl+p", "Find any routine, programme, screen or action"),
]


class HelpScreen(ModalScreen[None]):
    """Lists the keys it is given, then the keys that work everywhere."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", key_display="esc"),
        Binding("w", "red_flags", "Warning signs", tooltip="One applies, or it was checked"),
    ]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.heading = title
        self.keys = keys

    @classmethod
    def of(cls, screen: Screen[object]) -> HelpScreen:
        """The keys of ``screen`` and of its widget with the focus, the focused widget's
        first, then the screen's in the order it lists them. The app's own keys are
        listed apart (`GENERAL`)."""
        own = {
            (b.action, b.description): place
            for place, b in enumerate(screen.BINDINGS)
            if isinstance(b, Binding)
        }
        bindings = [
            a.binding
            for a in screen.active_bindings.values()
            if a.node is not screen.app
            and (a.binding.show or (a.binding.action, a.binding.description) in own)
        ]
        bindings.sort(key=lambda b: own.get((b.action, b.description), -1))
        return cls(screen.sub_title or screen.title or "backtimer", keys_of(bindings))

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with VerticalScroll(classes="dialog", id="help"):
            yield Label(f"Keys: {self.heading}", classes="dialog-title")
            yield HangingText().set_lines(self._table(self.keys))
            yield Label("Everywhere", classes="dialog-title help-section")
            yield HangingText().set_lines(self._table(GENERAL))
            yield Label(red_flags.TITLE, classes="dialog-title help-section")
            text = red_flags_text()
            text.id = "help-red-flags"
            yield text
            yield Label(
                "W: say one of these applies to you, or that it has been checked.",
                classes="dialog-hint",
            )
            yield Label("Escape or ? closes this.", classes="dialog-hint")

    @staticmethod
    def _table(keys: list[tuple[str, str]]) -> list[Line]:
        """A line a key, what it does wrapped under its own start."""
        return [(f"[b]{escape(key.rjust(10))}[/]  {escape(what)}", 12) for key, what in keys]

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss()

    def action_red_flags(self) -> None:
        """The red flags on a screen of their own, where the person can say one applies."""
        self.dismiss()
        self.app.call_later(self.app.run_action, "app.red_flags")


def keys_of(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, what they do) for bindings with a description, keys shown as typed.

    Bindings for the same action (one per key, as Textual lists them) share a row,
    in the words of the first: one key that does what suits the moment (n in a
    workout: `next('end-break')`, `next('other-side')` …) is one row.
    """
    rows: dict[tuple[str, str], list[str]] = {}
    on_key: dict[tuple[str, str], tuple[str, str]] = {}
    for binding in bindings:
        if binding.description:
            row = (binding.action, binding.tooltip or binding.description)
            row = on_key.setdefault((binding.key, binding.action.split("(")[0]), row)
            keys = rows.setdefault(row, [])
            for key in binding.key.split(","):
                name = KEY_NAMES.get(key.strip(), key.strip())
                if name not in keys:
                    keys.append(name)
    return [(", ".join(keys), what) for (_, what), keys in rows.items()]
