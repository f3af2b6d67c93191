"""A labelled editor (an input or a choice) with the problems found in what it holds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from backtimer.tui.markup import escape
from backtimer.tui.widgets.choice import Choice
from backtimer.tui.widgets.text_input import TextInput


class Field(Vertical):
    """Reports each change as `Field.Edited` with its place (``step[2].hold``)."""

    DEFAULT_CSS = """
    Field {
        height: auto;
    }
    Field > Horizontal {
        height: auto;
    }
    Field .field-label {
        width: 16;
        color: $text-muted;
    }
    Field Input, Field TextArea {
        width: 1fr;
    }
    Field TextArea {
        height: 4;
    }
    Field .field-error {
        display: none;
        color: $error;
        padding-left: 16;
    }
    Field.-invalid .field-error {
        display: block;
    }
    Field.-invalid .field-label {
        color: $error;
        text-style: bold;
    }
    """

    @dataclass
    class Edited(Message):
        """What the field holds changed."""

        field: Field
        place: str
        value: str

        @property
        def control(self) -> Field:
            return self.field

    def __init__(self, label: str, editor: Widget, place: str, owner: object = None) -> None:
        """Args:
        label: what the field is called on screen.
        editor: the widget that holds the value.
        place: where the value goes (``name``, ``step[2].hold``).
        owner: what the value belongs to (a step being built), so a report that arrives
            after the steps were reordered still finds it.
        """
        super().__init__(classes="field")
        self.label = label
        self.editor = editor
        self.place = place
        self.owner = owner
        self.problems: list[str] = []

    @property
    def text(self) -> str | None:
        """What the editor holds now, or None for an editor with no value (buttons)."""
        editor = self.editor
        if isinstance(editor, TextArea):
            return editor.text
        if isinstance(editor, Input | Choice):
            return editor.value
        return None

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.label, classes="field-label")
            yield self.editor
        yield Static(classes="field-error")

    def show_problems(self, messages: list[str]) -> None:
        """Show what is wrong here (nothing when the list is empty)."""
        if messages == self.problems:
            return  # redrawing every field at every key press would slow typing down
        self.problems = messages
        self.set_class(bool(messages), "-invalid")
        self.query_one(".field-error", Static).update(
            "\n".join(f"⚠ {escape(message)}" for message in messages)
        )

    @on(Input.Changed)
    @on(Choice.Changed)
    @on(TextArea.Changed)
    def _edited(self, event: Input.Changed | Choice.Changed | TextArea.Changed) -> None:
        event.stop()
        value = event.text_area.text if isinstance(event, TextArea.Changed) else event.value
        self.post_message(self.Edited(self, self.place, value))


def text_field(
    label: str, place: str, value: str, placeholder: str = "", owner: object = None
) -> Field:
    """A field with a one-line input."""
    return Field(label, TextInput(value, placeholder=placeholder, compact=True), place, owner)


def when_typed(screen: Screen[Any], then: Callable[[], object]) -> None:
    """Call ``then`` on the screen once the focused widget has taken every key sent before.

    A priority key (ctrl+s) reaches the screen before the keys typed just ahead
    of it reach the field; ``then`` reads the fields (`Field.text`), which by
    then hold every one of them, wherever a Tab among them took the focus.
    """

    def after_keys(widget: Widget) -> None:
        focused = screen.focused
        if focused is not None and focused is not widget:
            # A Tab among the keys moved the focus on, and the keys after it went along.
            focused.call_later(after_keys, focused)
        else:
            screen.call_later(then)

    after_keys(screen)
