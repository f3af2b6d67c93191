"""Choosing the move for a new step: the catalogue and the routine's own moves, searchable."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from backtimer.domain.figure.stage import Staged
from backtimer.domain.routines.exercise import Exercise, Side
from backtimer.storage import library
from backtimer.tui.widgets.figure import FigureView
from backtimer.tui.widgets.text_input import TextInput
from backtimer.tui.widgets.too_small import TooSmall


def move_text(move: Exercise) -> str:
    """What a search matches: name, id, kind, muscles and equipment."""
    return " ".join([move.name, move.id, move.kind, *move.muscles, *move.equipment]).lower()


def move_option(move: Exercise, own: bool) -> Option:
    """The move's name, and under it what it is and needs, wrapped under its own start."""
    name = Text(move.name, style="bold")
    if own:
        name.append("  yours", style="italic")
    about = Text(f"{move.kind} · {', '.join(move.muscles) or 'whole body'}", style="dim")
    about.append(f" · needs {move.equipment_text}", style="dim")
    return Option(Group(name, Padding(about, (0, 0, 0, 2))), id=move.id)


class MovePicker(ModalScreen[str | None]):
    """Dismissed with the chosen move's id, or None."""

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("enter", "choose", "Add"),
        Binding("escape", "dismiss_none", "Cancel"),
    ]

    def __init__(self, moves: Sequence[Exercise], own: set[str]) -> None:
        """Args:
        moves: every move the routine may use.
        own: the ids of the routine's own moves among them.
        """
        super().__init__()
        self.moves = list(moves)
        self.own = own

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="dialog", id="move-picker"):
            yield Label("Add a step: which move?", classes="dialog-title")
            yield TextInput(placeholder="Type to search: name, muscle, equipment", id="move-filter")
            with Horizontal(id="move-choice"):
                yield OptionList(id="moves")
                yield FigureView(library.figures(), id="move-figure")
            yield Label(
                "Enter adds it, Escape goes back. ctrl+o in the builder makes a move of your own.",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self._fill("")

    @on(OptionList.OptionHighlighted, "#moves")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Draw the highlighted move in its key poses, the way it starts and the way it ends."""
        move = next((m for m in self.moves if m.id == event.option.id), None)
        figure = library.figures().figure_for(move) if move is not None else None
        staged = []
        if move is not None and figure is not None:
            side: Side | None = "left" if move.per_side else None
            staged = [Staged(figure, figure.pose(name), side) for name in figure.key]
        self.query_one("#move-figure", FigureView).still(staged)

    @on(Input.Changed, "#move-filter")
    def _filtered(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        words = query.lower().split()
        shown = [m for m in self.moves if all(word in move_text(m) for word in words)]
        options = self.query_one("#moves", OptionList)
        options.clear_options()
        options.add_options(move_option(move, move.id in self.own) for move in shown)
        if shown:
            options.highlighted = 0

    def action_move(self, by: int) -> None:
        options = self.query_one("#moves", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + by))

    @on(Input.Submitted)  # Enter in the search: after the letters typed before it
    @on(OptionList.OptionSelected)
    def action_choose(self) -> None:
        option = self.query_one("#moves", OptionList).highlighted_option
        if option is None:
            self.notify("No move matches; change the search.", severity="warning")
        else:
            self.dismiss(option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
