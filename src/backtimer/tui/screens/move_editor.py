"""Making a move of one's own for a routine: it is kept in the routine's file as [[exercise]]."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from backtimer.domain.parsing.problems import Problem
from backtimer.domain.routines.draft import MoveDraft, check_move, propose_id
from backtimer.domain.routines.exercise import KINDS, Exercise
from backtimer.storage import library
from backtimer.tui.widgets.choice import Choice
from backtimer.tui.widgets.field import Field, text_field, when_typed
from backtimer.tui.widgets.text_input import TextBox
from backtimer.tui.widgets.too_small import TooSmall


class MoveEditor(ModalScreen[Exercise | None]):
    """Dismissed with the new move once it is valid (ctrl+s), or None (Escape)."""

    BINDINGS = [
        Binding("ctrl+s", "done", "Add the move", priority=True),
        Binding("escape", "dismiss_none", "Cancel"),
    ]

    def __init__(self, catalogue: set[str], own: set[str]) -> None:
        """Args:
        catalogue: the catalogue's ids, which a move of one's own may not take.
        own: the ids of the routine's own moves.
        """
        super().__init__()
        self.catalogue = catalogue
        self.own = own
        self.draft = MoveDraft()
        self.problems: tuple[Problem, ...] = ()
        self.id_follows = True

    def compose(self) -> ComposeResult:
        sides = [
            ("none", "no: both sides at once"),
            ("each", "yes: one side, then the other"),
            ("alternate-reps", "yes: sides in turn, rep by rep"),
            ("alternate-sets", "yes: sides in turn, set by set"),
        ]
        yield TooSmall()
        with VerticalScroll(classes="dialog", id="move-editor"):
            yield Label("A move of your own", classes="dialog-title")
            yield text_field("Name", "name", "", "like Dead bug")
            yield text_field("Id", "id", "", "made from the name")
            yield Field("Kind", Choice([(k, k) for k in KINDS], "strength"), "kind")
            yield Field("Per side?", Choice(sides, "none"), "sides")
            yield text_field("Muscles", "muscles", "", "like core, glutes")
            yield text_field("Equipment", "equipment", "", "like mat; empty for nothing")
            yield Field("Cues", TextBox(id="cues", compact=True), "cues")
            yield Field("Looks like", Choice(self._figures(), ""), "figure")
            yield Label(
                "Cues: one a line. ← → change a choice. Looks like: a built-in move whose"
                " figure the workout draws for it. ctrl+s adds the move, Escape cancels.",
                classes="dialog-hint",
            )

    @staticmethod
    def _figures() -> list[tuple[str, str]]:
        """No figure, or the figure of a built-in move."""
        moves = library.catalogue().exercises.values()
        return [("", "no figure"), *((move.id, move.name) for move in moves)]

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Field.Edited)
    def _edited(self, event: Field.Edited) -> None:
        value = event.field.text  # now: a late report may hold an older value
        value = event.value if value is None else value
        setattr(self.draft, event.place, value)
        if event.place == "name" and self.id_follows:
            with self.prevent(Input.Changed):  # the id the name makes is not the person's own
                self.query(Input)[1].value = self.draft.id = self._proposed()
        elif event.place == "id":
            self.id_follows = value == self._proposed()
        self._check()

    def _proposed(self) -> str:
        """The id made from the name, until the person types one of their own."""
        if not self.draft.name.strip():
            return ""
        return propose_id(self.draft.name, self.catalogue | self.own, fallback="my-move")

    def _check(self) -> Exercise | None:
        move, self.problems = check_move(self.draft, self.catalogue, self.own)
        for field in self.query(Field):
            field.show_problems(
                [p.message for p in self.problems if p.where.split("[")[0] == field.place]
            )
        return move

    def action_done(self) -> None:
        when_typed(self, self._done)

    def _done(self) -> None:
        for field in self.query(Field):  # what they hold now, keys just typed included
            if field.text is not None:
                setattr(self.draft, field.place, field.text)
        move = self._check()
        if move is None:
            self.notify(f"Not added yet: {self.problems[0]}", severity="error")
        else:
            self.dismiss(move)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
