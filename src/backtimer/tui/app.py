"""The app: global keys, the theme, and the way from picking a routine to its summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.notifications import Notify
from textual.screen import Screen

from backtimer.storage import library, locations, resume_offers
from backtimer.storage.library import RoutineEntry
from backtimer.storage.workout_slot import WorkoutSlot
from backtimer.tui.commands import BacktimerCommands
from backtimer.tui.messages import StartRoutine
from backtimer.tui.notices import NoticeRoute
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.question import Question
from backtimer.tui.services import Services
from backtimer.tui.signals import Ending, install_signal_handlers
from backtimer.tui.themes import CHART_COLOURS, HIGH_CONTRAST, theme_under
from backtimer.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH, too_small

if TYPE_CHECKING:  # each screen is imported when it is first shown: a quicker first frame
    from textual.driver import Driver

    from backtimer.domain.history.session import Session
    from backtimer.tui.screens.workout import WorkoutScreen

IN_USE_ELSEWHERE = (
    "A workout is under way in another browser window: one at a time, so it is not"
    " recorded twice. Look around here; start a workout when that one has ended."
)
FLOW = "flow"
"""The worker group of the flows (`flow.py`): each waits for the person at every screen,
so it ends only when the last one is answered."""
ALWAYS = "ctrl+q"
"""The one key that acts whatever is on the screen: quit, saving a workout under way."""


class BacktimerApp(App[None]):
    """backtimer's full-screen timer."""

    CSS_PATH = "app.tcss"
    TITLE = "backtimer"
    HORIZONTAL_BREAKPOINTS = [(0, "-too-small"), (MIN_WIDTH, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-small"), (MIN_HEIGHT, "-short"), (30, "-tall")]
    COMMANDS = {BacktimerCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Keys", key_display="?", tooltip="Show every key"),
        # Shown where "?" is not (a text box with the focus types it): the key to every key.
        Binding("f1", "help", "Keys", key_display="F1", tooltip="Show every key"),
        Binding(
            ALWAYS,
            "quit",
            "Quit",
            priority=True,
            tooltip="Quit (asks in a workout, which is saved)",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Find",
            show=False,  # the footer shows it on its right, as Textual apps do
            priority=True,
            tooltip="Find any routine, programme, screen or action",
        ),
        Binding("ctrl+z", "suspend_process", show=False),
    ]

    def __init__(
        self,
        services: Services | None = None,
        start: RoutineEntry | None = None,
        greet: bool = True,
    ) -> None:
        """Args:
        start: the routine to start at once (``backtimer start``).
        greet: ask what a start asks (`greeting.greet`): the red flags the first time,
            the morning after a session. Tests that are about something else leave it out.
        """
        super().__init__()
        self.register_theme(HIGH_CONTRAST)
        self.services = services or Services.load()
        self._start = start
        self._greets = greet
        self._signals: Ending | None = None
        self._quitting = False
        """The person said yes to quitting in the middle of a workout."""
        self._notices = NoticeRoute()

    def get_driver_class(self) -> type[Driver]:
        """Textual's own driver, but never stuck on a terminal that has closed."""
        driver = super().get_driver_class()
        if driver.__name__ != "LinuxDriver":  # Windows, the web, tests
            return driver
        from backtimer.tui.driver import SturdyLinuxDriver

        return SturdyLinuxDriver

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._came_to_top)
        self._signals = install_signal_handlers(self)
        self._use_theme()
        self.push_screen(PickerScreen(self.services))
        if self.is_web and self.services.workout_slot is None:
            self.services.workout_slot = WorkoutSlot()
        if self.services.workout_slot and not self.services.workout_slot.free():
            self.notify(IN_USE_ELSEWHERE, timeout=15)
        for problem in self.services.problems:
            self.notify(problem, severity="warning", timeout=10)
        self.recover_sessions()
        self.call_after_refresh(self.read_history)
        self.greet()

    # ------------------------------------------------------------ which keys count

    def _came_to_top(self, screen: Screen[object]) -> None:
        if isinstance(screen, Question):
            screen.shown_at = self.services.clock()
            screen.add_class("-question")  # no toast over its answers (app.tcss)
        self._notices.came_to_top(self, screen)

    def takes_keys(self) -> bool:
        """False while the screen cannot be seen (the terminal is too small for it)
        or is a question that has only just appeared (see `screens.question`)."""
        if too_small(self.size):
            return False
        screen = self.screen
        return not isinstance(screen, Question) or screen.takes_keys(self.services.clock())

    async def on_event(self, event: events.Event) -> None:
        """Drop keys (and pastes) the screen on top does not take yet, before Textual
        looks at a binding or hands them to a widget; ctrl+q always gets through."""
        typed = isinstance(event, events.Key | events.Paste) and not event.is_forwarded
        always = isinstance(event, events.Key) and event.key == ALWAYS
        if typed and not always and not self.takes_keys():
            return
        await super().on_event(event)

    def on_notify(self, event: Notify) -> None:
        """In a workout, a notice goes in its status line; elsewhere, a toast."""
        self._notices.notify(self, event)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return CHART_COLOURS  # for every theme that does not set its own

    def _use_theme(self) -> None:
        """The theme from the settings; an unknown one is reported, never a crash."""
        settings = self.services.settings
        readable = theme_under(settings.theme, self.no_color)
        if readable != settings.theme:
            self.theme = readable
            self.notify(
                f"NO_COLOR is set, and the {settings.theme} theme then draws text black on"
                f" black: using {readable}.",
                timeout=10,
            )
            return
        if settings.theme in self.available_themes:
            self.theme = settings.theme
            return
        self.notify(
            f"{locations.settings_file()}: theme: there is no theme '{settings.theme}';"
            f" using {self.theme}",
            severity="warning",
            timeout=10,
        )
        self.services.settings = settings.model_copy(update={"theme": self.theme})

    @work(thread=True, exclusive=True, group="recover")
    def recover_sessions(self) -> None:
        """Save sessions left by a killed process as interrupted; offer to resume one (the
        latest, whichever command recovered it)."""
        _, problems = self.services.store.recover()
        for problem in problems:
            self.call_from_thread(self.notify, problem, severity="error", timeout=15)
        waiting = resume_offers.take(self.services.store)
        if waiting and self._start is None:
            self.call_from_thread(self._offer_resume, waiting[-1])

    @work(thread=True, group="history")
    def read_history(self) -> None:
        """Read the history ahead, after the first frame: the history pane then opens at once.

        The store keeps what it read and later only checks that the files are unchanged.
        """
        self.services.store.load_digests()

    def _offer_resume(self, session: Session) -> None:
        from backtimer.domain.timer.workout import can_resume
        from backtimer.tui.screens.resume import resume_question

        entry = next((e for e in library.all_routines() if e.id == session.routine), None)
        if entry is None or not entry.ok or not can_resume(session, entry.timeline):
            self.notify(f"A {session.routine_name} session was cut short; it is saved.")
            return
        steps = len(entry.timeline.steps)

        def answered(resume: bool | None) -> None:
            if resume:
                self.start_routine(entry, resume=session)

        self.push_screen(resume_question(session, steps), answered)

    def on_start_routine(self, message: StartRoutine) -> None:
        """Start a routine; when another window of backtimer is running it now, ask first:
        two at once would fill the same programme slot twice."""
        from backtimer.tui.screens.routine_questions import elsewhere_question

        entry = message.entry
        running = [s for s in self.services.store.under_way_elsewhere() if s.routine == entry.id]
        if not running:
            self.start_routine(entry)
            return

        def answered(start: bool | None) -> None:
            if start:
                self.start_routine(entry)

        began = running[0].started_at.astimezone(self.services.zone)
        self.push_screen(elsewhere_question(entry, began), answered)

    @work(group=FLOW)
    async def start_routine(self, entry: RoutineEntry, resume: Session | None = None) -> None:
        """Run the routine from its first question to its summary (`flow.WorkoutFlow`)."""
        from backtimer.tui.flow import WorkoutFlow  # with the screens it shows: not at launch

        await WorkoutFlow(self, entry, resume).run()

    @work(group=FLOW)
    async def greet(self) -> None:
        """What a start asks (`greeting.greet`), then the routine asked for, if any."""
        if self._greets:
            from backtimer.tui.greeting import greet  # its screens: not before the first frame

            await greet(self)
        if self._start is not None:
            self.start_routine(self._start)

    @work(group=FLOW)
    async def action_red_flags(self) -> None:
        """The signs that need a doctor, not a timer; one applies, or it has been checked."""
        from backtimer.tui.greeting import red_flags

        await red_flags(self)

    def routines_changed(self) -> None:
        """A suggestion accepted for next time changed a routine file: the picker reads
        the routines again."""
        self.picker.load_routines()

    def _reload_routines(self, _: object = None) -> None:
        """The builder or the guide closed: they may have saved a routine."""
        self.picker.load_routines()

    @property
    def picker(self) -> PickerScreen:
        """The routine picker, always at the bottom of the screens."""
        return next(s for s in self.screen_stack if isinstance(s, PickerScreen))

    def action_guide(self) -> None:
        from backtimer.tui.screens.guide import GuideScreen

        self.push_screen(GuideScreen(), self._reload_routines)

    def action_new(self) -> None:
        self._build(None)

    def action_edit(self) -> None:
        """Edit the routine highlighted in the picker."""
        entry = self.picker.selected()
        if entry is None:
            self.notify("No routine is highlighted; nothing to edit.", severity="warning")
        else:
            self.edit_routine(entry)

    def edit_routine(self, entry: RoutineEntry) -> None:
        """Open a routine in the builder; a built-in one as the person's copy, or, when
        they have a copy of it already, that copy if they choose it (one copy, not two)."""
        from backtimer.storage.progression import own_copy
        from backtimer.tui.screens.routine_questions import copy_question

        if not entry.ok:
            self.notify(f"{entry.path} does not load; nothing to edit.", severity="warning")
            return
        copy = own_copy(entry, self.picker.entries) if entry.source == "built-in" else None
        if copy is None:
            self._build(entry)
            return

        def answered(mine: bool | None) -> None:
            if mine is not None:
                self._build(copy if mine else entry)

        self.push_screen(copy_question(entry, copy), answered)

    def _build(self, entry: RoutineEntry | None) -> None:
        """The builder, at once (the keys typed next are its): a new routine's id and a
        copy's name are none of the picker's."""
        from backtimer.tui.screens.builder import BuilderScreen

        listed = self.picker.entries
        ids, names = {e.id for e in listed}, {e.name for e in listed if e.ok}
        self.push_screen(BuilderScreen(entry, ids, names), self._reload_routines)

    def action_programs(self) -> None:
        from backtimer.tui.screens.programmes import ProgrammesScreen

        self.push_screen(ProgrammesScreen(self.services))

    def action_today(self) -> None:
        """Start the active programme's session for now, if one is due."""
        self.start_today()

    @work(thread=True, exclusive=True, group="today")
    def start_today(self) -> None:
        from backtimer.storage.programmes import situation

        found = situation(self.services.store, self.services.now(), self.services.zone)
        routine = found.lead_routine()
        if routine is None:
            plan = found.standing.progress
            told = (
                plan.headline(found.names)
                if plan
                else "No programme is under way (F5 in the picker)."
            )
            self.call_from_thread(self.notify, told)
        else:
            self.post_message(StartRoutine(routine))  # asks first if it is running elsewhere

    def action_help(self) -> None:
        from backtimer.tui.screens.help import HelpScreen, keys_of

        screen = self.screen
        # The keys of the screen and of the widget with the focus; the app's own
        # keys are listed apart by the help screen.
        own = {
            (b.action, b.description): place
            for place, b in enumerate(screen.BINDINGS)
            if isinstance(b, Binding)
        }
        bindings = [
            a.binding
            for a in screen.active_bindings.values()
            if a.node is not self
            and (a.binding.show or (a.binding.action, a.binding.description) in own)
        ]
        # The focused widget's keys first, then the screen's in the order it lists them.
        bindings.sort(key=lambda b: own.get((b.action, b.description), -1))
        title = screen.sub_title or screen.title or "backtimer"
        self.push_screen(HelpScreen(title, keys_of(bindings)))

    def action_history(self) -> None:
        from backtimer.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.services))

    def action_settings(self) -> None:
        from backtimer.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(self.services))

    async def action_quit(self) -> None:
        """Quit from anywhere; a workout under way asks first (ctrl+q again: yes), and is
        saved as stopped, the shell told so.

        What the disk will not take is offered to save again, or elsewhere
        (`NotSavedScreen`); ctrl+q there quits without saving, and says so.
        """
        from backtimer.tui.leaving import farewell, save_before_quitting
        from backtimer.tui.screens.not_saved import NotSavedScreen
        from backtimer.tui.screens.quit_question import QuitQuestion
        from backtimer.tui.screens.workout import WorkoutScreen

        screen = self.screen
        if isinstance(screen, NotSavedScreen) and screen.quitting:
            screen.action_quit_anyway()
            return
        if isinstance(screen, QuitQuestion):
            screen.dismiss(True)
            return
        workouts = [s for s in self.screen_stack if isinstance(s, WorkoutScreen) and s.under_way]
        if workouts and not self._quitting:
            self._ask_to_quit(workouts[-1])
            return
        unsaved = save_before_quitting(self.screen_stack)
        if unsaved:
            self.push_screen(NotSavedScreen(unsaved, self.services.store, quitting=True))
            return
        told = [farewell(w.workout.record(), len(w.workout.timeline.steps)) for w in workouts]
        self.exit(message="\n".join(told) or None)

    def _ask_to_quit(self, screen: WorkoutScreen) -> None:
        """Pause the workout and ask; no puts it back as it was."""
        from backtimer.tui.screens.quit_question import quit_question

        running = screen.workout.engine.status == "running"
        screen.action_pause()

        async def answered(leave: bool | None) -> None:
            if leave:
                self._quitting = True
                await self.action_quit()
            elif running:
                screen.action_resume()

        record = screen.workout.record()
        steps = len(screen.workout.timeline.steps)
        step = record.stopped_at_step or 1
        self.push_screen(quit_question(record.routine_name, step, steps), answered)

    def on_unmount(self) -> None:
        if self._signals is not None:
            self._signals.uninstall()

    async def _on_exit_app(self) -> None:
        """A browser tab closed: textual-serve asks the app to exit, and nothing
        under way is lost (saved as ctrl+q saves it). ctrl+q and the signals call
        `exit` themselves (so `return_code` is set) and have kept everything already."""
        if self.return_code is None:
            from backtimer.tui.leaving import save_before_quitting

            save_before_quitting(self.screen_stack)
        await super()._on_exit_app()
