"""An Input and a TextArea that keep every key in the order it was typed.

Textual puts a typed character in at once, but sends a key the widget binds
(backspace, ←, End, ctrl+u …) up through every container to the app, which
only then runs the widget's action. Keys that arrive together (a fast typist,
a held key, a paste) therefore overtake one another: "150", then ⌫ ⌫ ⌫ 4 in
one burst left "1" (the 4 went in before the backspaces; Textual issue 6605).
These widgets run their own bindings as the keys come, in order, exactly as
the app would have run them a moment later.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run the widget's own (not priority) binding for this key now; True if one ran.

    Priority bindings never get here: the app runs those before handing the key
    on. A key the widget does not bind goes on up to the screen and the app.
    """
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class TextInput(Input):
    """A one-line input that keeps the order of the keys."""

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)


class TextBox(TextArea):
    """A text area that keeps the order of the keys."""

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)
