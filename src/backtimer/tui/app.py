"""The app: its screens, global keys, the theme, and what it does as it starts.

What the keys open lives with what it is about: a workout from its first question
to its summary in `flow`, the routine editors in `editing`, ctrl+q in `leaving`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.notifications import Notify
from textual.screen import Screen

from backtimer.storage import locations, resume_offers
from backtimer.storage.library import RoutineEntry
from backtimer.storage.workout_slot import WorkoutSlot
from backtimer.tui import editing, leaving
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
        self._notices = NoticeRoute()

    def get_driver_class(self) -> type[Driver]:
        """Textual's own driver, but never stuck on a terminal that has closed."""
        driver = super().get_driver_class()
        if driver.__name__ != "LinuxDriver":  # Windows, the web, tests
            return driver
        from backtimer.tui.driver import SturdyLinuxDriver

        return SturdyLinuxDriver

    def on_mount(self) -> None:
        # The stamp is taken as the screen is put up, before it is painted: called later
        # (as a signal's subscribers are), a busy app painted a question, and the person
        # read and answered it, before its moment of grace had begun.
        self.screen_change_signal.subscribe(self, self._stamp_question, immediate=True)
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

    def _stamp_question(self, screen: Screen[object]) -> None:
        if isinstance(screen, Question):
            screen.shown_at = self.services.clock()

    def _came_to_top(self, screen: Screen[object]) -> None:
        if isinstance(screen, Question):
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
            from backtimer.tui import flow

            self.call_from_thread(flow.offer_resume, self, waiting[-1])

    @work(thread=True, group="history")
    def read_history(self) -> None:
        """Read the history ahead, after the first frame: the history pane then opens at once.

        The store keeps what it read and later only checks that the files are unchanged.
        """
        self.services.store.load_digests()

    def on_start_routine(self, message: StartRoutine) -> None:
        """A screen asks for a routine: the flow starts it (asking first if need be)."""
        from backtimer.tui import flow  # with the screens it shows: not at launch

        flow.start_asked(self, message.entry)

    @work(group=FLOW)
    async def greet(self) -> None:
        """What a start asks (`greeting.greet`), then the routine asked for, if any."""
        if self._greets:
            from backtimer.tui.greeting import greet  # its screens: not before the first frame

            await greet(self)
        if self._start is not None:
            from backtimer.tui import flow

            flow.start(self, self._start)

    @work(group=FLOW)
    async def action_red_flags(self) -> None:
        """The signs that need a doctor, not a timer; one applies, or it has been checked."""
        from backtimer.tui.greeting import red_flags

        await red_flags(self)

    @property
    def picker(self) -> PickerScreen:
        """The routine picker, always at the bottom of the screens."""
        return next(s for s in self.screen_stack if isinstance(s, PickerScreen))

    def action_guide(self) -> None:
        editing.guide(self)

    def action_new(self) -> None:
        editing.build(self, None)

    def action_edit(self) -> None:
        editing.edit_highlighted(self)

    def action_programs(self) -> None:
        from backtimer.tui.screens.programmes import ProgrammesScreen

        self.push_screen(ProgrammesScreen(self.services))

    def action_today(self) -> None:
        from backtimer.tui import flow

        flow.start_today(self)

    def action_help(self) -> None:
        from backtimer.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen.of(self.screen))

    def action_history(self) -> None:
        from backtimer.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.services))

    def action_settings(self) -> None:
        from backtimer.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(self.services))

    async def action_quit(self) -> None:
        """ctrl+q: in a workout it asks first (`leaving.quit_asked`)."""
        leaving.quit_asked(self)

    def on_unmount(self) -> None:
        if self._signals is not None:
            self._signals.uninstall()

    async def _on_exit_app(self) -> None:
        """A browser tab closed: textual-serve asks the app to exit, and nothing
        under way is lost (saved as ctrl+q saves it). ctrl+q and the signals call
        `exit` themselves (so `return_code` is set) and have kept everything already."""
        if self.return_code is None:
            leaving.save_before_quitting(self.screen_stack)
        await super()._on_exit_app()
