"""The pain guide: where does it hurt? The muscles often involved, what works each, a routine.

Each complaint with one such muscle is one choice in the list; a complaint with
several lists each of them under it, so the person picks the one that fits.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from backtimer.domain.coaching.progression import RULE_OF_THUMB
from backtimer.domain.routines.catalogue import Area, CatalogueExercise, Muscle
from backtimer.domain.routines.cautions import skip_notes
from backtimer.domain.routines.describe import describe_step, duration
from backtimer.domain.routines.exercise import kit_of
from backtimer.domain.routines.guide import (
    SEE_SOMEONE_FIRST,
    guide_id,
    guide_routine,
    moves_for,
    muscles_for,
    place_guide_routine,
)
from backtimer.domain.routines.routine import Routine
from backtimer.domain.routines.routine_toml import routine_toml
from backtimer.storage import library
from backtimer.storage.files import StorageError
from backtimer.storage.library import RoutineEntry
from backtimer.storage.routine_files import SaveRefused, save_routine
from backtimer.tui.markup import escape
from backtimer.tui.messages import StartRoutine
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.widgets.choice_list import ChoiceList
from backtimer.tui.widgets.hanging_text import BLANK, HangingText, Line
from backtimer.tui.widgets.move_strip import MoveStrip

NERVE_ROUTINE = (
    "Gentle movement only, while you wait to be seen: no massage, since firm pressure on"
    " the buttock can press on the sciatic nerve. Stop if the pain spreads or grows."
)
SEE_SOMEONE = (
    "Pain that is sharp, shoots down the leg, or comes with numbness or weakness"
    " is for a professional to look at first."
)


@dataclass(frozen=True)
class Choice:
    """A complaint and one muscle often involved in it."""

    area: Area
    muscle: Muscle

    @property
    def key(self) -> str:
        """The option's id in the list: ``tailbone:piriformis``."""
        return f"{self.area.id}:{self.muscle.id}"


def choices() -> dict[str, Choice]:
    """Every complaint and muscle the guide offers, by option id, in the list's order."""
    catalogue = library.catalogue()
    return {
        choice.key: choice
        for area in catalogue.areas.values()
        for choice in (Choice(area, muscle) for muscle in muscles_for(area, catalogue))
    }


def options() -> list[Option]:
    """The list: one line per complaint; a complaint with several muscles has one line each."""
    catalogue = library.catalogue()
    lines: list[Option] = []
    for area in catalogue.areas.values():
        muscles = muscles_for(area, catalogue)
        if len(muscles) == 1:
            lines.append(Option(area.label, id=Choice(area, muscles[0]).key))
            continue
        lines.append(Option(area.label, disabled=True))
        lines += [Option(f"  › {muscle.short}", id=Choice(area, muscle).key) for muscle in muscles]
    return lines


def _muscle(muscle: Muscle, chosen: bool) -> list[Line]:
    also = f" ({escape(muscle.short)})" if muscle.short != muscle.name else ""
    title = f"Often involved: {escape(muscle.name)}{also}"
    lines: list[Line] = [(f"[b $accent]▶ {title}[/]" if chosen else f"[b]  {title}[/]", 2)]
    lines += [
        (f"  [b]Where:[/] {escape(muscle.where)}", len("  Where: ")),
        (f"  [b]Typical pain:[/] {escape(muscle.complaint)}", len("  Typical pain: ")),
        BLANK,
    ]
    return lines if chosen else [(f"[dim]{line}[/]" if line else line, i) for line, i in lines]


def about_move(move: CatalogueExercise) -> str:
    """A move's kind, dose and equipment as sentences: "Strength. 8 slow reps. Needs: …"."""
    dose = move.prescription.strip()
    parts = [move.kind.capitalize() + ".", dose if dose.endswith(".") else f"{dose}."]
    return " ".join([*parts, f"Needs: {move.equipment_text}."])


def advice(choice: Choice, entry: RoutineEntry) -> list[Line]:
    """Lines of markup, each with the indent its wrapped parts hang at: the muscles,
    what works the chosen one, and the routine built for it."""
    catalogue = library.catalogue()
    area, chosen = choice.area, choice.muscle
    lines: list[Line] = []
    if area.see_first:
        first = f"[b $warning]First:[/] [$warning]{escape(SEE_SOMEONE_FIRST)}[/]"
        lines += [(first, len("First: ")), BLANK]
    muscles = muscles_for(area, catalogue)
    if len(muscles) > 1:
        lines += [
            (
                f"[b]{escape(area.label)}:[/] {len(muscles)} muscles can cause this pain."
                " Read where each sits and the pain it gives, then choose yours in the list.",
                0,
            ),
            BLANK,
        ]
    for muscle in muscles:
        lines += _muscle(muscle, muscle == chosen)
    moves = moves_for(chosen, catalogue)
    if area.moves:
        lines += [(f"[b]What works the {escape(chosen.short)}, once it has been looked at[/]", 0)]
    else:
        lines.append((f"[b]What works the {escape(chosen.short)}[/]", 0))
    lines += [(f"  • {escape(move.name)} [dim]{escape(about_move(move))}[/]", 4) for move in moves]
    lines += [(f"  [$warning]⚠ {escape(note)}[/]", 4) for note in skip_notes(moves)]
    assert entry.routine is not None
    timeline = entry.timeline
    lines += [BLANK, (f"[b]A routine for it[/] [dim]{duration(timeline.estimated_seconds)}[/]", 0)]
    if area.moves:
        lines.append((f"  [$warning]{escape(NERVE_ROUTINE)}[/]", 2))
    lines += [
        (
            f"  {plan.index + 1}. {escape(plan.exercise.name)}"
            f" [dim]{escape(describe_step(plan.step, plan.exercise))}[/]",
            5,
        )
        for plan in timeline.steps
    ]
    kit = kit_of(plan.exercise for plan in timeline.steps)
    lines.append((f"  [b]You need:[/] {escape(kit.text)}", len("  You need: ")))
    lines += [
        BLANK,
        (f"[i $warning]{escape(SEE_SOMEONE)}[/]", 0),
        (f"[i dim]{escape(RULE_OF_THUMB)}[/]", 0),
    ]
    return lines


def _routine_for(choice: Choice) -> RoutineEntry:
    """The routine the guide builds for a complaint and muscle, as an entry not saved yet."""
    routine = guide_routine(choice.area, choice.muscle, library.catalogue())
    return library.unsaved_entry(guide_id(choice.area, choice.muscle), routine)


class GuideScreen(AppScreen[None]):
    """Choose where it hurts (and which muscle, where there are several); Enter starts a routine."""

    AUTO_FOCUS = "#areas"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the routine as one of yours"),
        Binding(
            "w",
            "app.red_flags",
            "Warning signs",
            tooltip="Signs that need a doctor, not a timer",
        ),
        Binding("escape", "dismiss", "Back"),
    ]

    choice: reactive[Choice | None] = reactive(None)

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="guide"):
            with Vertical(id="guide-areas"):
                yield Label("Where does it hurt?", classes="question")
                yield ChoiceList(*options(), id="areas")
            with VerticalScroll(id="guide-advice"):
                yield MoveStrip(library.figures(), id="guide-moves")
                yield HangingText(id="advice")

    def on_mount(self) -> None:
        self.sub_title = "Where it hurts"
        self.query_one("#areas", OptionList).highlighted = 0

    @on(OptionList.OptionHighlighted, "#areas")
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.choice = choices().get(str(event.option.id))

    def highlighted(self) -> Choice | None:
        """The complaint and muscle highlighted now.

        Read from the list, not from `choice`: keys typed in one burst can reach
        ctrl+s or Enter before the list's message has updated `choice`.
        """
        option = self.query_one("#areas", OptionList).highlighted_option
        return None if option is None else choices().get(str(option.id))

    def entry(self) -> RoutineEntry | None:
        """The routine for the complaint and muscle highlighted now."""
        choice = self.highlighted()
        return None if choice is None else _routine_for(choice)

    def watch_choice(self) -> None:
        if self.choice is not None:
            moves = moves_for(self.choice.muscle, library.catalogue())
            self.query_one(MoveStrip).show_moves(moves)
            lines = advice(self.choice, _routine_for(self.choice))
            self.query_one("#advice", HangingText).lines = lines

    def action_save(self) -> None:
        entry = self.entry()
        if entry is not None and entry.routine is not None:
            self.save(entry.id, entry.routine)

    @work(exclusive=True, group="save")
    async def save(self, routine_id: str, routine: Routine) -> None:
        """Save under the guide's id, or a free one; never a second copy, never a twin name."""
        entries = await asyncio.to_thread(library.all_routines)
        place = place_guide_routine(routine_id, routine, {e.id: e.routine for e in entries})
        if place.already:
            self.notify(
                f"Already saved as '{routine.name}' ({place.routine_id}); nothing new was saved."
                " Find it in the picker; ctrl+e there changes it.",
                timeout=8,
            )
            return
        try:
            path = await asyncio.to_thread(
                save_routine, place.routine_id, routine_toml(place.routine)
            )
        except (SaveRefused, StorageError) as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if place.name_taken_by is not None:
            self.notify(
                f"You have a routine called '{routine.name}' already ({place.name_taken_by});"
                f" saved this one as '{place.routine.name}' ({place.routine_id}).",
                timeout=10,
            )
        else:
            self.notify(
                f"Saved as '{place.routine_id}' ({path}): one of your routines now.", timeout=8
            )

    @on(OptionList.OptionSelected, "#areas")
    def action_start(self) -> None:
        choice = self.highlighted()
        if choice is None:
            return
        entry = _routine_for(choice)
        if not choice.area.see_first:
            self.post_message(StartRoutine(entry))
            return

        def answered(start: bool | None) -> None:
            if start:
                self.post_message(StartRoutine(entry))

        moves = [plan.exercise.name for plan in entry.timeline.steps]
        self.app.push_screen(
            Confirm(
                "Have it looked at first?",
                f"{SEE_SOMEONE_FIRST} Start anyway? It runs {_listed(moves)} and nothing more.",
                yes="Start anyway",
                no="Not now",
            ),
            answered,
        )


def _listed(names: list[str]) -> str:
    """ "Pelvic tilt and Cat-cow": names in a sentence."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
