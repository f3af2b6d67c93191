"""A yes-or-no answer: Y or N picks it, Enter gives it (`typed_answer`).

"yes" and "no" typed out read as the answer too; any other word (the "no
pain" of a note) goes to the note whole.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from backtimer.tui.widgets.typed_answer import TypedAnswer


class YesNo(TypedAnswer[bool]):
    """Yes and No side by side; the one picked stands out."""

    DEFAULT_CSS = """
    YesNo { height: 1; width: auto; padding: 0 1; }
    YesNo:focus { background: $boost; }
    """

    value: reactive[bool | None] = reactive(None)

    def render(self) -> Text:
        line = Text()
        for answer, words in ((True, " Y  yes "), (False, " N  no ")):
            line.append(words, style="bold reverse" if self.value is answer else "")
            line.append("   ")
        return line

    def reading(self, typed: str) -> tuple[bool, bool | None]:
        word = typed.casefold()
        if word == "":
            return True, None
        if "yes".startswith(word):
            return True, True
        if "no".startswith(word):
            return True, False
        return False, None

    def show(self, value: bool | None) -> None:
        self.value = value
