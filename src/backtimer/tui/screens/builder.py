"""The routine builder: a routine's settings and steps, checked as you type, saved as a file.

The screen owns the `RoutineDraft` and what `check` found in it; the form
widgets show them and report each edit as a `Field.Edited`. A built-in routine
is never changed: editing one makes a copy under a new id. A file written by
hand loses its comments when the builder rewrites it, so the builder says so
first and keeps the old file beside the new one (``.toml.bak``).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Collection
from typing import cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.widgets import Button, Input, Static

from backtimer.domain.parsing.problems import Problem
from backtimer.domain.routines.draft import (
    Checked,
    PhaseDraft,
    StepDraft,
    check,
    field_for,
    first_step,
    id_problems,
    propose_id,
)
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.routine_toml import routine_toml
from backtimer.domain.routines.timeline import compile_timeline
from backtimer.storage import library
from backtimer.storage.library import RoutineEntry
from backtimer.storage.routine_files import open_for_building, routine_path
from backtimer.tui.messages import StartRoutine
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.builder_save import save
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.move_editor import MoveEditor
from backtimer.tui.screens.move_picker import MovePicker
from backtimer.tui.widgets.builder_steps import BuilderSteps, status_text
from backtimer.tui.widgets.field import Field, when_typed
from backtimer.tui.widgets.routine_form import RoutineForm
from backtimer.tui.widgets.step_editor import StepEditor


class BuilderScreen(AppScreen[None]):
    """Build a new routine, or edit one (a built-in one as a copy)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, tooltip="Save the routine"),
        Binding("ctrl+t", "try", "Try it", priority=True, tooltip="Save, then start the routine"),
        Binding("ctrl+n", "add_step", "Add step", priority=True, tooltip="Add a step after this"),
        Binding("ctrl+o", "own_move", "Own move", priority=True, tooltip="Make a move of your own"),
        Binding("ctrl+d", "duplicate", "Duplicate", priority=True, tooltip="Duplicate this step"),
        Binding("ctrl+x", "delete_step", "Delete", priority=True, tooltip="Delete this step"),
        Binding("ctrl+up", "move(-1)", "Up", priority=True, tooltip="Move this step up"),
        Binding("ctrl+down", "move(1)", "Down", priority=True, tooltip="Move this step down"),
        Binding("escape", "back", "Back", tooltip="Back to the list; from the list, leave"),
        Binding("f1", "app.help", "Keys", key_display="F1"),
    ]

    checked: var[Checked] = var(Checked(None), always_update=True)
    """What the draft's check found; set after every edit."""
    selected: var[int] = var(0)
    """0 for the routine's own settings, n for step n."""

    def __init__(
        self,
        entry: RoutineEntry | None = None,
        taken: Collection[str] = (),
        names: Collection[str] = (),
    ) -> None:
        """Args:
        entry: the routine to edit (a built-in one as a copy); None for a new one.
        taken: the ids of every routine there is, which a new one may not take.
        names: the names of every routine there is, which a copy's name does not repeat.
        """
        super().__init__()
        self.catalogue = library.exercises()
        self.taken = set(taken) - ({entry.id} if entry and entry.source == "user" else set())
        self.opened = open_for_building(entry, self.taken, names)
        self.draft = self.opened.draft
        self.proposed_id = self.opened.routine_id
        self.dirty = False
        self.id_problems: list[Problem] = []
        self.touched: set[str] = set()
        """The routine-wide fields edited so far."""
        self.insisted = False
        """A save was tried: every problem shows."""
        self.estimate = 0
        """Seconds the routine takes, as last checked valid."""
        self.form = RoutineForm(
            self.draft,
            self.routine_id,
            id_fixed=self.saved,
            note=self.opened.note,
            id="routine-form",
        )

    @property
    def routine_id(self) -> str:
        return self.opened.routine_id

    @property
    def saved(self) -> bool:
        """True once the routine has a file of its own (its id is then fixed)."""
        return self.opened.original is not None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="builder"):
            with Vertical(id="builder-side"):
                yield BuilderSteps(id="builder-steps")
                yield Static(id="builder-status")
            form = VerticalScroll(id="builder-form")
            form.can_focus = False  # Tab goes from the list straight to the first field
            with form:
                yield self.form
                yield StepEditor(id="step-editor")

    def on_mount(self) -> None:
        self.sub_title = "Routine builder"
        self.query_one("#step-editor").display = False
        self._refresh()
        if self.draft.steps:
            self.query_one(BuilderSteps).focus()
        else:
            self.form.query(Input).first().focus()  # a new routine: its name

    # ------------------------------------------------------------ checking

    def _refresh(self) -> None:
        self.id_problems = [] if self.saved else id_problems(self.routine_id, self.taken)
        self.checked = check(self.draft, self.catalogue)

    def watch_checked(self, checked: Checked) -> None:
        problems = [p for p in (*self.id_problems, *checked.problems) if self._visible(p)]
        shown_here = Checked(None, tuple(problems))
        places = {field.place for field in self.query(Field)}
        for field in self.query(Field):
            field.show_problems(shown_here.at(field.place, places))
        if self.selected:
            step_place = f"step[{self.selected}]"
            step_problems = shown_here.at(step_place, places | {step_place})
            self.query_one(StepEditor).show_problems(step_problems)
        steps = self.query_one(BuilderSteps)
        steps.show(self.draft, self.draft_moves(), problems, self.selected)
        status = self.query_one("#builder-status", Static)
        text = self._status(checked, problems)
        if status.content != text:  # an update lays the screen out again
            status.update(text)

    def _visible(self, problem: Problem) -> bool:
        """Problems with the routine's own fields wait until the field is touched or a save
        is tried, so a new routine does not open covered in complaints."""
        if self.insisted or problem.where.startswith(("step[", "exercise[")):
            return True
        return field_for(problem, self.touched) != ""

    def _status(self, checked: Checked, problems: list[Problem]) -> str:
        if checked.routine is not None:
            self.estimate = compile_timeline(checked.routine, self.catalogue).estimated_seconds
        complete = checked.routine is not None and not self.id_problems
        saved = self.saved and not self.dirty
        return status_text(len(self.draft.steps), self.estimate, len(problems), complete, saved)

    # ------------------------------------------------------------ editing

    @on(Field.Edited)
    async def _edited(self, event: Field.Edited) -> None:
        # What the field holds now, not what it held when it reported: reports of "", "1"
        # still on their way after ctrl+s took "12" would otherwise bring them back.
        place, text = self._place_now(event.field), event.field.text
        taken = place != "" and self._take(place, event.value if text is None else text)
        if taken and place.endswith(".kind"):
            await self._show_step(focus="#step-kind")

    def _place_now(self, field: Field) -> str:
        """Where a field's value goes now: its step may have moved, or gone ("")."""
        if field.place == "id":
            return "id"
        step = field.owner if isinstance(field.owner, StepDraft) else None
        return self.draft.place_now(field.place, step)

    def _take(self, place: str, value: str) -> bool:
        """Put a field's text into the draft and check it; False when it held that already."""
        if place == "id":
            typed = value.strip()
            if not typed:  # emptied: the id is made from the name again, and follows it
                typed = self.proposed_id = propose_id(self.draft.name, self.taken)
                self._show_proposed_id()
            if typed == self.routine_id:
                return False
            self.opened.routine_id = typed
        else:
            if value == self.draft.value_at(place):
                return False  # an input reporting the value it was given
            self.draft.set(place, value)
            if place == "name":
                self._follow_name(value)
        self.touched.add(place)
        self.dirty = True
        self._refresh()
        return True

    def _after_typing(self, then: Callable[[], object]) -> None:
        """Do ``then`` once the draft holds every key typed before the one that asked for it.

        The keys that ask (ctrl+s, ctrl+x …) come straight here; the keys typed
        just before them may not have reached their field yet.
        """

        async def caught_up() -> None:
            for field in self.query(Field):
                place, text = self._place_now(field), field.text
                if place and text is not None and not place.endswith(".kind"):
                    self._take(place, text)
            done = then()
            if inspect.isawaitable(done):
                await done

        when_typed(self, caught_up)

    def _follow_name(self, name: str) -> None:
        """Propose the id from the name, until the person types an id of their own."""
        if self.saved or self.routine_id != self.proposed_id:
            return
        id_field = self._id_field()
        if id_field.text not in ("", self.proposed_id):
            return  # typed into, and its report not here yet
        self.proposed_id = self.opened.routine_id = propose_id(name, self.taken)
        if id_field.text == "":
            self._show_proposed_id()
            return
        # Not reported back: a report still on its way when the next letter of the name
        # came would stop the id following the name.
        with self.prevent(Input.Changed):
            cast(Input, id_field.editor).value = self.routine_id

    def _id_field(self) -> Field:
        return next(field for field in self.form.query(Field) if field.place == "id")

    def _show_proposed_id(self) -> None:
        """An emptied id field shows, in grey, the id the routine will be saved under."""
        cast(Input, self._id_field().editor).placeholder = f"{self.proposed_id} (from the name)"

    @on(Button.Pressed, "#add-phase")
    async def _add_phase(self) -> None:
        step = self.draft.steps[self.selected - 1]
        step.phases.append(PhaseDraft())
        await self._show_step()
        self._focus_place(f"step[{self.selected}].phases[{len(step.phases)}].cue")
        self.dirty = True
        self._refresh()

    @on(Button.Pressed, "#drop-phase")
    async def _drop_phase(self) -> None:
        step = self.draft.steps[self.selected - 1]
        if step.phases:
            step.phases.pop()
            await self._show_step(focus="#drop-phase")
            self.dirty = True
            self._refresh()

    # ------------------------------------------------------------ steps

    @on(BuilderSteps.Highlighted)
    async def _highlighted(self, event: BuilderSteps.Highlighted) -> None:
        if event.index != self.selected or not self.query_one(StepEditor).step:
            self.selected = event.index
            await self._show_step()

    async def _show_step(self, focus: str = "") -> None:
        editor = self.query_one(StepEditor)
        self.form.display = self.selected == 0
        editor.display = self.selected > 0
        if self.selected:
            step = self.draft.steps[self.selected - 1]
            move = self._move(step.exercise)
            await editor.show(step, self.selected, move, self.draft.placeholders(step))
            if focus:
                editor.query(focus).first().focus()
        self._refresh()

    def _focus_place(self, place: str) -> None:
        for field in self.query(Field):
            if field.place == place:
                field.editor.focus()
                self.query_one("#builder-form", VerticalScroll).scroll_to_widget(field)

    def _move(self, move_id: str) -> Exercise:
        return self.draft_moves().get(move_id) or self.catalogue[move_id]

    def draft_moves(self) -> dict[str, Exercise]:
        """The catalogue's moves and the routine's own, by id."""
        return {**self.catalogue, **{move.id: move for move in self.draft.exercises}}

    async def _select(self, index: int, focus: str = "") -> None:
        self.selected = index
        self.query_one(BuilderSteps).highlight(index)
        await self._show_step(focus)

    def action_add_step(self) -> None:
        self._after_typing(self._add_step)

    def _add_step(self) -> None:
        def chosen(move_id: str | None) -> None:
            if move_id:
                self.run_worker(self._insert(first_step(self.draft_moves()[move_id])))

        own = {move.id for move in self.draft.exercises}
        self.app.push_screen(MovePicker(list(self.draft_moves().values()), own), chosen)

    def action_own_move(self) -> None:
        self._after_typing(self._own_move)

    def _own_move(self) -> None:
        def made(move: Exercise | None) -> None:
            if move is not None:
                self.draft.exercises.append(move)
                self.run_worker(self._insert(first_step(move)))

        own = {move.id for move in self.draft.exercises}
        self.app.push_screen(MoveEditor(set(self.catalogue), own), made)

    async def _insert(self, step: StepDraft) -> None:
        at = self.selected if self.selected else len(self.draft.steps)
        self.draft.steps.insert(at, step)
        self.dirty = True
        await self._select(at + 1, focus="#step-kind")

    def action_duplicate(self) -> None:
        self._after_typing(self._duplicate)

    async def _duplicate(self) -> None:
        if not self.selected:
            self.notify("Choose a step in the list to duplicate it.", severity="warning")
            return
        await self._insert(self.draft.steps[self.selected - 1].copy())

    def action_delete_step(self) -> None:
        self._after_typing(self._delete_step)

    def _delete_step(self) -> None:
        """Delete the step chosen, once the person says yes."""
        if not self.selected:
            self.notify("Choose a step in the list to delete it.", severity="warning")
            return
        step = self.draft.steps[self.selected - 1]
        question = Confirm(
            f"Delete step {self.selected}, {self._move(step.exercise).name}?",
            "Its settings go with it; the routine file changes only when you save.",
            yes="Delete",
            no="Keep",
        )

        async def answered(delete: bool | None) -> None:
            number = self.draft.number_of(step)
            if delete and number:
                del self.draft.steps[number - 1]
                self.dirty = True
                self.notify(f"Step {number} ({self._move(step.exercise).name}) deleted.")
                await self._select(min(number, len(self.draft.steps)))

        self.app.push_screen(question, answered)

    def action_move(self, by: int) -> None:
        self._after_typing(lambda: self._move_step(by))

    async def _move_step(self, by: int) -> None:
        steps, index = self.draft.steps, self.selected - 1
        if self.selected and 0 <= index + by < len(steps):
            steps[index], steps[index + by] = steps[index + by], steps[index]
            self.dirty = True
            await self._select(self.selected + by)

    # ------------------------------------------------------------ saving and leaving

    def action_save(self) -> None:
        self._after_typing(lambda: self.save(then_start=False))

    def action_try(self) -> None:
        self._after_typing(lambda: self.save(then_start=True))

    @work(exclusive=True, group="save")
    async def save(self, then_start: bool) -> None:
        """Save the routine (asking first when that loses comments); then start it if asked."""
        problems = [*self.id_problems, *self.checked.problems]
        routine = self.checked.routine
        self.insisted = True
        if problems or routine is None:
            self._refresh()
            first = problems[0] if problems else Problem("", "the routine is not complete")
            self.notify(f"Not saved: {first}. Fix the marked fields first.", severity="error")
            return
        path = None
        if self.dirty or not self.saved:
            first_save = not self.saved
            path = await save(self.app, self.opened, routine_toml(routine))
            if path is None:
                return
            self.dirty = False
            if first_save or self.form.note:
                self.form.id_fixed, self.form.note = True, ""
                await self.form.recompose()
            self._refresh()
        if then_start:
            entry = await asyncio.to_thread(
                library.read_routine, path or routine_path(self.routine_id)
            )
            self.post_message(StartRoutine(entry))

    def action_back(self) -> None:
        steps = self.query_one(BuilderSteps)
        if not steps.has_focus:
            steps.focus()
        elif not self.dirty:
            self.dismiss()
        else:
            question = Confirm(
                "Leave without saving?",
                "Your changes are not saved. ctrl+s saves them.",
                yes="Leave",
                no="Stay",
            )

            def answered(leave: bool | None) -> None:
                if leave:
                    self.dismiss()

            self.app.push_screen(question, answered)
