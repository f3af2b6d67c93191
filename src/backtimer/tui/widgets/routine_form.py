"""The routine-wide fields of the builder: its id, name, description, tags, lead-in and rests."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from backtimer.domain.routines.draft import RoutineDraft
from backtimer.domain.routines.routine import routine_default
from backtimer.tui.widgets.field import text_field

NUMBERS = [
    ("lead_in", "Get ready (s)"),
    ("rest_between_steps", "Step rest (s)"),
    ("rest_between_sets", "Set rest (s)"),
    ("side_switch", "Side switch (s)"),
]
"""Routine-wide numbers: key and label; the format's default is shown when left empty."""


class RoutineForm(Vertical):
    """Composed once from the draft it is given; edits go up as `Field.Edited`."""

    def __init__(
        self, draft: RoutineDraft, routine_id: str, *, id_fixed: bool, note: str, id: str
    ) -> None:
        """Args:
        draft: the routine being built.
        routine_id: its id, or the one proposed.
        id_fixed: the routine is saved already, so its id (its file name) stays.
        note: a line on what saving will do, or empty.
        """
        super().__init__(id=id)
        self.draft = draft
        self.routine_id = routine_id
        self.id_fixed = id_fixed
        self.note = note

    def compose(self) -> ComposeResult:
        draft = self.draft
        yield Label("The routine", classes="form-title")
        if self.note:
            yield Label(self.note, classes="form-note", id="save-note")
        yield text_field("Name", "name", draft.name, "what the picker shows")
        if self.id_fixed:
            yield Label(f"Saved as routines/{self.routine_id}.toml", classes="form-note")
        else:
            yield text_field("Id (file name)", "id", self.routine_id, "like evening-unwind")
        yield text_field("Description", "description", draft.description, "optional")
        yield text_field("Tags", "tags", draft.tags, "like stretch, evening")
        for key, label in NUMBERS:
            yield text_field(label, key, draft.values.get(key, ""), str(routine_default(key)))
