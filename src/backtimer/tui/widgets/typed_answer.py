"""Answers given with a key or two and Enter, where words typed are a note, never an answer.

The summary asks how the back feels now (0 to 10) and whether anything runs
down a leg (yes or no), then for a note. Someone who starts typing "tight hip"
or "2nd set hurt" at the first question meant a note: read key by key, the "t"
would be a 10 and the "2" a rating. So a key here only picks an answer (shown
at once), Enter gives it, and as soon as what was typed can no longer be the
start of an answer, all of it, the "t" and the "2" too, goes to the note
(`then`), followed by every key typed after it.

Keys typed fast reach a widget before the focus has moved on, so each widget
guards its own door: once Enter has given its answer it takes no more keys
(`taking`) until it is asked again, and a rating typed on can never land in
the note, nor a note's letter re-rate the pain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

T = TypeVar("T")


class NoteField(Input):
    """A one-line note that takes no key once Enter has given it (until asked again)."""

    taking = True

    def on_key(self, event: events.Key) -> None:
        if not self.taking:
            if event.is_printable or event.key == "enter":
                event.stop()
                event.prevent_default()  # not Input's own handler either
            return
        if event.key == "enter":
            self.taking = False  # given: keys typed on are for the next question

    def on_paste(self, event: events.Paste) -> None:
        if not self.taking:
            event.stop()
            event.prevent_default()

    class Given(Message):
        """Enter, typed while the keys before it were still on their way here: given
        once they are in."""

    def _on_note_field_given(self, message: Given) -> None:
        message.stop()
        self.taking = False
        self.post_message(self.Submitted(self, self.value))

    def add(self, words: str) -> None:
        """Take words typed where an answer was asked, after what the note holds."""
        self.taking = True
        gap = " " if self.value and not self.value.endswith(" ") else ""
        self.post_message(events.Paste(gap + " ".join(words.splitlines())))


class TypedAnswer(Widget, Generic[T], can_focus=True):
    """An answer of a key or two; see the module's notes. Subclasses say what reads as
    an answer (`reading`) and show it (`show`)."""

    then: NoteField | None = None
    """Where words typed here go (the summary's note); None: words are ignored."""
    taking = True
    """False once Enter has given the answer: keys still reaching it are dropped."""
    typed = ""
    """What was typed towards the answer so far."""
    _handing_on = False

    @dataclass
    class Words(Message):
        """What was typed is words, not an answer: it went to the note."""

        answer: TypedAnswer[Any]
        text: str

        @property
        def control(self) -> TypedAnswer[Any]:
            return self.answer

    def reading(self, typed: str) -> tuple[bool, T | None]:
        """Whether ``typed`` can be (the start of) an answer, and the answer it gives now."""
        raise NotImplementedError

    def show(self, value: T | None) -> None:
        """Show ``value`` as the answer picked (None: none yet)."""
        raise NotImplementedError

    def ask(self) -> None:
        """Asked (again): nothing typed yet, keys taken."""
        self.typed = ""
        self.taking = True
        self._handing_on = False

    def on_key(self, event: events.Key) -> None:
        if self._handing_on and self.then is not None:
            event.stop()
            if event.is_printable:
                self.then.post_message(events.Key(event.key, event.character))
            elif event.key == "enter":  # the note is given: after what went before it
                self._handing_on = self.taking = False
                self.then.post_message(NoteField.Given())  # after the keys handed on
            return
        if not self.taking:
            if event.is_printable or event.key in ("enter", "backspace"):
                event.stop()
            return
        if event.key == "enter":
            self.taking = False  # given: the screen's Enter takes it from here
        elif event.key == "backspace":
            event.stop()
            self.take(self.typed[:-1])
        elif event.is_printable and event.character:
            event.stop()
            self.take(self.typed + event.character)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        if self._handing_on and self.then is not None:
            self.then.post_message(events.Paste(event.text))
        elif self.taking:
            self.take(self.typed + event.text)

    def on_blur(self) -> None:
        self._handing_on = False  # the focus has moved: keys now go where it went

    def take(self, typed: str) -> None:
        """What has been typed now: an answer picked, or words for the note."""
        possible, value = self.reading(typed)
        if possible:
            self.typed = typed
            self.show(value)
            return
        self.typed = ""
        self.show(None)
        if self.then is not None:
            self._handing_on = True
            self.then.add(typed)
            self.post_message(self.Words(self, typed))
