"""The pain guide: where does it hurt? The likely muscle, what works it, a routine for it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from backtimer.domain.catalogue import Area
from backtimer.domain.describe import describe_step, duration
from backtimer.domain.guide import guide_routine, moves_for, muscles_for, place_guide_routine
from backtimer.domain.routine import Routine
from backtimer.domain.routine_toml import routine_toml
from backtimer.storage import library
from backtimer.storage.files import StorageError
from backtimer.storage.library import RoutineEntry
from backtimer.storage.routine_files import SaveRefused, save_routine
from backtimer.tui.widgets.choice_list import ChoiceList
from backtimer.tui.widgets.too_small import TooSmall

SEE_SOMEONE = (
    "Pain that is sharp, shoots down the leg, or comes with numbness or weakness"
    " is for a professional to look at first."
)


def advice(area: Area, entry: RoutineEntry) -> str:
    """Rich markup: the muscles, what works them, and the routine built for them."""
    catalogue = library.catalogue()
    lines = []
    for muscle in muscles_for(area, catalogue):
        also = f" ({escape(muscle.short)})" if muscle.short != muscle.name else ""
        lines += [
            f"[b $accent]Likely: {escape(muscle.name)}{also}[/]",
            f"[b]Where:[/] {escape(muscle.where)}",
            f"[b]Typical pain:[/] {escape(muscle.complaint)}",
            "",
        ]
    lines.append("[b]What works it[/]")
    lines += [
        f"  • {escape(move.name)} [dim]({move.kind}; {escape(move.prescription)})[/]"
        for move in moves_for(area, catalogue)
    ]
    assert entry.routine is not None
    timeline = entry.timeline
    lines += ["", f"[b]A routine for it[/] [dim]{duration(timeline.estimated_seconds)}[/]"]
    lines += [
        f"  {plan.index + 1}. {escape(plan.exercise.name)}"
        f" [dim]{escape(describe_step(plan.step, plan.exercise))}[/]"
        for plan in timeline.steps
    ]
    lines += ["", f"[i $warning]{escape(SEE_SOMEONE)}[/]"]
    return "\n".join(lines)


def _routine_for(area: Area) -> RoutineEntry:
    """The routine the guide builds for a complaint, as an entry not saved yet."""
    return library.unsaved_entry(f"guide-{area.id}", guide_routine(area, library.catalogue()))


class GuideScreen(Screen[None]):
    """Choose where it hurts; Enter starts the routine built for it."""

    AUTO_FOCUS = "#areas"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the routine as one of yours"),
        Binding("escape", "dismiss", "Back"),
    ]

    @dataclass
    class Start(Message):
        """Start the routine the guide built."""

        entry: RoutineEntry

    area: reactive[Area | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Header()
        yield TooSmall()
        with Horizontal(id="guide"):
            with Vertical(id="guide-areas"):
                yield Label("Where does it hurt?", classes="question")
                yield ChoiceList(
                    *[Option(a.label, id=a.id) for a in library.catalogue().areas.values()],
                    id="areas",
                )
            with VerticalScroll(id="guide-advice"):
                yield Static(id="advice")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Where it hurts"
        self.query_one("#areas", OptionList).highlighted = 0

    @on(OptionList.OptionHighlighted, "#areas")
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.area = library.catalogue().areas[str(event.option.id)]

    def entry(self) -> RoutineEntry | None:
        """The routine for the complaint highlighted now.

        Read from the list, not from `area`: keys typed in one burst can reach
        ctrl+s or Enter before the list's message has updated `area`.
        """
        option = self.query_one("#areas", OptionList).highlighted_option
        if option is None:
            return None
        return _routine_for(library.catalogue().areas[str(option.id)])

    def watch_area(self) -> None:
        if self.area is not None:
            self.query_one("#advice", Static).update(advice(self.area, _routine_for(self.area)))

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
        entry = self.entry()
        if entry is not None:
            self.post_message(self.Start(entry))
