"""What every full screen of the app shows around its own widgets."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.screen import Screen, ScreenResultType
from textual.widgets import Header

from backtimer.tui.widgets.key_footer import KeyFooter
from backtimer.tui.widgets.too_small import TooSmall


class AppScreen(Screen[ScreenResultType]):
    """A full screen: the header, the notice shown when the terminal is too small, the
    screen's own widgets (`compose_body`) and the footer with its keys."""

    PALETTE_IN_FOOTER: ClassVar[bool] = True
    """Whether the footer offers the command palette on its right."""
    FOOTER_LAST: ClassVar[tuple[str, ...]] = ()
    """Actions whose keys the footer shows after the app's own (Quit, Keys), when there
    is room: the footer shows the first keys that fit (`widgets.key_footer`)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield TooSmall()
        yield from self.compose_body()
        yield KeyFooter(compact=True, show_command_palette=self.PALETTE_IN_FOOTER)

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets, between the header and the footer."""
        yield from ()
