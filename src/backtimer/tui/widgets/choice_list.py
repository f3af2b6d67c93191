"""A list to choose from, whose Enter starts the highlighted choice."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class ChoiceList(OptionList):
    """An `OptionList` with Enter named "Start" in the footer.

    Enter is the list's own key, not a priority key on the screen, so it always
    comes after any arrow keys typed before it. Choosing posts the usual
    `OptionList.OptionSelected`, which the screen acts on.
    """

    BINDINGS = [Binding("enter", "select", "Start", tooltip="Start the highlighted choice")]
