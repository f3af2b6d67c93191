"""An Input and a TextArea that keep every key in the order it was typed.

Textual puts a typed character in at once, but sends a bound key (backspace,
←, End, ctrl+u, Tab, Escape …) up through every container to the app, which
only then runs its action. Keys that arrive together (a fast typist, a held
key, a paste, a terminal under load) therefore overtake one another: "150",
then ⌫ ⌫ ⌫ 4 in one burst left "1", the 4 going in before the backspaces
(Textual issue 6605); "Tab, then a word" put the word in the field being left.
These widgets run the binding of such a key as it comes, in order, as the app
would have run it a moment later, and pass on the keys that were already on
their way to them when the focus moved on.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def keep_order(widget: Widget, event: events.Key) -> bool:
    """Handle a key that would otherwise overtake, or be overtaken; True if it was.

    Priority bindings never get here: the app runs those before handing a key
    to the widget with the focus. A key that is not bound, nor behind a change
    of focus, is left to the widget.
    """
    focused = widget.app.focused
    if focused is not None and focused is not widget and focused.screen is widget.screen:
        # Sent here before an earlier key of the same burst moved the focus on. (Keys met
        # by another screen opening, ctrl+n say, stay here: they were typed for this one.)
        event.stop()
        event.prevent_default()
        focused._forward_event(events.Key(event.key, event.character))
        return True
    bound = widget.screen.active_bindings.get(event.key)
    if bound is None or bound.binding.priority:
        return False
    if await widget.app.run_action(bound.binding.action, bound.node):
        event.stop()
        event.prevent_default()
        return True
    return False


class TextInput(Input):
    """A one-line input that keeps the order of the keys."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The width of its text and cursor. Textual's is a layout reactive, so each character
    typed laid the whole screen out again; an input scrolls within itself and keeps its
    own size (one with ``width: auto`` is laid out by `Input` itself), so a repaint
    is all a change needs."""

    async def _on_key(self, event: events.Key) -> None:
        if not await keep_order(self, event):
            await super()._on_key(event)


class TextBox(TextArea):
    """A text area that keeps the order of the keys."""

    async def _on_key(self, event: events.Key) -> None:
        if not await keep_order(self, event):
            await super()._on_key(event)
