"""The programmes screen: every programme, the active one's weeks, today's session.

Enter starts the highlighted programme (asking before it replaces the one
under way), l leaves the active one (asking first), t starts today's session.
Everything is read in a worker, off the UI loop, and read again on return
from a workout.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from backtimer.domain.coaching.easier_week import EasierWeek
from backtimer.domain.programmes.programme import ProgrammeEntry
from backtimer.domain.programmes.schedule import Mark, Progress, slot_label
from backtimer.domain.programmes.standing import Situation
from backtimer.storage import programmes as programs
from backtimer.storage.files import StorageError
from backtimer.storage.library import RoutineEntry
from backtimer.tui.messages import StartRoutine
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.services import Services
from backtimer.tui.widgets.choice_list import ChoiceList

MARKS: dict[Mark, tuple[str, str]] = {
    "done": ("✓", "bold green"),
    "missed": ("✗", "bold red"),
    "due": ("●", "bold yellow"),
    "upcoming": ("·", "dim"),
}
LEGEND = "✓ done  ✗ missed  ● today  · to come"


def week_grid(plan: Progress) -> Text:
    """One line a week: a mark for each training day."""
    text = Text()
    for week, row in enumerate(plan.weeks_grid(), start=1):
        text.append(f"Week {week:<2} ", style="bold" if week == plan.week else "dim")
        for mark in row:
            symbol, style = MARKS[mark]
            text.append(f"{symbol} ", style=style)
        text.append("\n")
    text.append(LEGEND, style="dim")
    return text


def today_text(plan: Progress, names: dict[str, str], easier: EasierWeek | None = None) -> Text:
    """Today's slots and what is done of them, under the headline; an easier week after a
    flare-up, and what it asks, under them."""
    text = Text(plan.headline(names), style="bold")
    for state in plan.today_slots:
        when = state.slot.time if state.slot.time != "any" else "today"
        name = names.get(state.slot.routine, state.slot.routine)
        text.append(f"\n{when:<8} {name}  ")
        if state.done:
            text.append("done ✓", style="green")
        elif state.late:
            text.append("late, still doable", style="yellow")
        else:
            text.append("to do", style="bold yellow")
    if easier is not None:
        text.append(f"\n{easier.headline()}", style="bold yellow")
        text.append(f"\n{easier.advice()}", style="yellow")
    return text


def option_for(entry: ProgrammeEntry, active: bool) -> Option:
    label = Text()
    if entry.program is None:
        label.append("⚠ ", style="bold red")
        label.append(entry.id)
        return Option(label, id=entry.id)
    label.append("● " if active else "  ", style="bold yellow")
    label.append(entry.name, style="bold")
    label.append(f"  {entry.program.weeks} wk", style="dim")
    return Option(label, id=entry.id)


class ProgrammesScreen(AppScreen[None]):
    """Choose, follow or leave a multi-week programme."""

    BINDINGS = [
        Binding("t", "today", "Today's session", tooltip="Start today's session now"),
        Binding("l", "leave", "Leave", tooltip="Leave the active programme; history is kept"),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the routines"),
    ]

    found: var[Situation[RoutineEntry] | None] = var(None)
    """What was read from disk: programmes, routines, the active one's progress."""

    def __init__(self, services: Services, highlight: str | None = None) -> None:
        super().__init__()
        self.services = services
        self._highlight = highlight
        """The programme to highlight first (the palette's choice), else the active one."""

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="programs"):
            yield ChoiceList(id="program-list")
            with VerticalScroll(id="program-detail"):
                yield Static(id="program-today")
                yield Static(id="program-grid")
                yield Static(id="program-about")

    def on_mount(self) -> None:
        self.sub_title = "Programmes"
        self.query_one("#program-list", OptionList).loading = True
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="programs")
    def load(self) -> None:
        services = self.services
        found = programs.situation(services.store, services.now(), services.zone)
        self.app.call_from_thread(setattr, self, "found", found)

    def watch_found(self, found: Situation[RoutineEntry] | None) -> None:
        if found is None:
            return
        options = self.query_one("#program-list", OptionList)
        options.loading = False
        previous = options.highlighted_option.id if options.highlighted_option else None
        active = self._active_id()
        options.clear_options()
        options.add_options([option_for(e, e.id == active) for e in found.programs])
        ids = [entry.id for entry in found.programs]
        chosen = previous if previous in ids else self._highlight or active
        options.highlighted = ids.index(chosen) if chosen in ids else 0
        for problem in found.problems:
            self.notify(problem, severity="warning", timeout=10)
        self._show()

    def _active_id(self) -> str | None:
        enrolment = self.found.standing.enrolment if self.found else None
        return enrolment.program if enrolment else None

    def selected(self) -> ProgrammeEntry | None:
        option = self.query_one("#program-list", OptionList).highlighted_option
        if option is None or self.found is None:
            return None
        return next((e for e in self.found.programs if e.id == option.id), None)

    @on(OptionList.OptionHighlighted)
    def _show(self) -> None:
        entry = self.selected()
        about = self.query_one("#program-about", Static)
        today = self.query_one("#program-today", Static)
        grid = self.query_one("#program-grid", Static)
        if entry is None or self.found is None:
            return
        plan = self.found.standing.progress if entry.id == self._active_id() else None
        about.update(self._about(entry))
        today.display = grid.display = plan is not None
        if plan is not None:
            today.update(today_text(plan, self.found.names, self.found.easier))
            grid.update(week_grid(plan))

    def _about(self, entry: ProgrammeEntry) -> Text:
        text = Text(entry.name, style="bold")
        if entry.program is None:
            text.append("\n" + "\n".join(entry.problem_lines()), style="red")
            return text
        program, names = entry.program, self.found.names if self.found else {}
        text.append(f"\n{program.schedule_text()}", style="italic")
        text.append(f"\n{program.description}\n")
        for slot in program.slot:
            when = slot.time if slot.time != "any" else "session"
            text.append(f"\n{when:<8} {slot_label(slot.model_copy(update={'time': 'any'}), names)}")
        return text

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        entry = self.selected()
        if entry is None or entry.program is None:
            self.notify("This programme does not load; its problems are shown.", severity="error")
            return
        active = self._active_id()
        if active is None:
            self.begin(entry.id)
            return
        what = "again from today" if active == entry.id else f"{entry.name} instead"
        question = f"Leave the programme under way and start {what}?"

        def answered(yes: bool | None) -> None:
            if yes:
                self.begin(entry.id)

        detail = "Its sessions stay in the history."
        self.app.push_screen(Confirm(question, detail, "Start", "Keep it"), answered)

    @work(thread=True, group="program-change")
    def begin(self, program_id: str) -> None:
        services = self.services
        today = services.now().astimezone(services.zone).date()
        try:
            problems = programs.start_programme(program_id, today)
        except StorageError as exc:
            self.app.call_from_thread(self.notify, f"Not started: {exc}", severity="error")
            return
        for problem in problems:
            self.app.call_from_thread(self.notify, problem, severity="warning")
        self.app.call_from_thread(self.notify, "Programme started: day 1 is today.")
        self.app.call_from_thread(self.load)

    def action_leave(self) -> None:
        if self._active_id() is None:
            self.notify("No programme is under way.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.leave()

        detail = "Its sessions stay in the history."
        self.app.push_screen(Confirm("Leave the programme?", detail, "Leave", "Stay"), answered)

    @work(thread=True, group="program-change")
    def leave(self) -> None:
        services = self.services
        try:
            programs.leave_programme(services.now().astimezone(services.zone).date())
        except StorageError as exc:
            self.app.call_from_thread(self.notify, f"Not left: {exc}", severity="error")
            return
        self.app.call_from_thread(self.notify, "Left the programme; its sessions are kept.")
        self.app.call_from_thread(self.load)

    def action_today(self) -> None:
        routine = self.found.lead_routine() if self.found else None
        if routine is None:
            self.notify("Nothing is due now.")
            return
        self.post_message(StartRoutine(routine))
