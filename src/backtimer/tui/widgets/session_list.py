"""Past sessions, one line each, newest first, with a cursor.

Why not a `DataTable`: it keeps a row object and its cells for every row, and
adding 10,000 rows took about 3 s and 12 MiB in the app (measured with
``benchmarks/history_scale.py``). This list keeps only the sessions it is
given and draws just the lines on screen (Textual's line API), so ten years of
history shows as fast as ten sessions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.routines.describe import clock
from backtimer.tui.widgets.session_detail import pain_text

STATUS_STYLES = {"completed": "green", "stopped": "yellow", "interrupted": "red"}


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns (a CJK character or an emoji takes two)."""
    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"


class SessionList(ScrollView, can_focus=True):
    """A header line, then one line per session; ↑ ↓ PgUp PgDn Home End move the cursor."""

    DEFAULT_CSS = """
    SessionList { height: 1fr; background: $surface; overflow-x: hidden; }
    SessionList > .session-list--header { text-style: bold; background: $panel; }
    SessionList > .session-list--odd { background: $boost; }
    SessionList > .session-list--cursor { background: $block-cursor-blurred-background; }
    SessionList:focus > .session-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """
    COMPONENT_CLASSES = {
        "session-list--header",
        "session-list--odd",
        "session-list--cursor",
    }
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "first", "Newest", show=False),
        Binding("end,ctrl+end", "last", "Oldest", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another session (None: the list is empty)."""

        session_list: SessionList
        session: SessionDigest | None

        @property
        def control(self) -> SessionList:
            return self.session_list

    cursor: reactive[int] = reactive(0)

    def __init__(
        self, tz: tzinfo | None, *, routine_width: int = 16, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._tz = tz
        self.routine_width = routine_width
        self.sessions: Sequence[SessionDigest] = ()

    # ------------------------------------------------------------ what is shown

    def columns(self) -> list[tuple[str, int]]:
        return [
            ("Date", 16),
            ("Routine", self.routine_width),
            ("Time", 5),
            ("Status", 11),
            ("Pain", 7),
        ]

    def cells(self, session: SessionDigest) -> list[str]:
        """The text of each column for one session."""
        started = session.started_at.astimezone(self._tz)
        return [
            f"{started:%Y-%m-%d %H:%M}",
            shorten(session.routine_name, self.routine_width),
            clock(session.active_seconds),
            session.status,
            pain_text(session.pain_before, session.pain_after),
        ]

    def show(self, sessions: Sequence[SessionDigest], cursor: int = 0) -> None:
        """Show these sessions (newest first) with the cursor on one of them."""
        self.sessions = sessions
        width = sum(w + 1 for _, w in self.columns()) + 1
        self.virtual_size = Size(width, len(sessions) + 1)
        self.cursor = max(0, min(cursor, len(sessions) - 1))
        self.mutate_reactive(SessionList.cursor)  # report even when the index is the same
        self.refresh()

    @property
    def highlighted(self) -> SessionDigest | None:
        return self.sessions[self.cursor] if self.sessions else None

    def _line(self, cells: list[str], styles: list[str] | None = None) -> Text:
        line = Text(" ")
        for (_, width), cell, style in zip(
            self.columns(), cells, styles or [""] * len(cells), strict=True
        ):
            line.append(set_cell_size(cell, width), style=style)
            line.append(" ")
        return line

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if y == 0:
            text = self._line([name for name, _ in self.columns()])
            base = self.get_component_rich_style("session-list--header")
        else:
            index = scroll_y + y - 1
            if index >= len(self.sessions):
                return Strip.blank(width, self.rich_style)
            session = self.sessions[index]
            styles = ["", "", "", STATUS_STYLES[session.status], ""]
            text = self._line(self.cells(session), styles)
            base = self.rich_style
            if index == self.cursor:
                base += self.get_component_rich_style("session-list--cursor")
            elif index % 2:
                base += self.get_component_rich_style("session-list--odd")
        strip = Strip(list(text.render(self.app.console))).apply_style(base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    # ------------------------------------------------------------ the cursor

    def watch_cursor(self, old: int, new: int) -> None:
        height = self.scrollable_content_region.height - 1  # lines under the header
        top = round(self.scroll_y)
        if height > 0 and new < top:
            self.scroll_to(y=new, animate=False)
        elif height > 0 and new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted))

    def action_move(self, by: int) -> None:
        if self.sessions:
            self.cursor = max(0, min(len(self.sessions) - 1, self.cursor + by))

    def action_page(self, by: int) -> None:
        self.action_move(by * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.action_move(-len(self.sessions))

    def action_last(self) -> None:
        self.action_move(len(self.sessions))

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= index < len(self.sessions):
            self.cursor = index
