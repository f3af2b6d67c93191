"""The command palette (ctrl+p): every routine, programme, screen and action, found by name.

Textual's fuzzy matcher ranks the commands by the letters typed. What the
palette offers depends on where it is opened:

- anywhere: the actions of the screen it was opened on (its keys, under their
  own names: "Pause", "Next", "Clear the filter");
- unless a workout is under way or a question is waiting: the screens (history,
  settings, the guide, the programmes, a new routine, the keys), today's
  programme session, and for every routine "Start", "Edit" and "Show", for
  every programme its page.

The routines and programmes are read in a thread when the palette opens, so
it lists what is on disk now, without holding up the screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import ModalScreen

from backtimer.domain.program import ProgramEntry
from backtimer.storage import library, programs
from backtimer.storage.library import RoutineEntry
from backtimer.tui.screens.picker import PickerScreen, shared_names

if TYPE_CHECKING:  # the screens are imported when the palette shows them, not at launch
    from backtimer.tui.app import BacktimerApp

APP_ACTIONS = {"help", "quit", "command_palette", "suspend_process"}
"""The app's own keys, offered as screens or left to their keys, not as screen actions."""


@dataclass(frozen=True)
class Command:
    """One line of the palette."""

    name: str
    help: str
    run: Callable[[], object]
    discover: bool = True
    """Listed before anything is typed."""


def _app(provider: Provider) -> BacktimerApp:
    return cast("BacktimerApp", provider.app)


def screen_actions(provider: Provider) -> list[Command]:
    """The actions of the screen the palette was opened on, by their descriptions."""
    app = _app(provider)
    screen = provider.screen
    seen: set[tuple[str, str]] = set()
    commands = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not active.enabled or binding.action in APP_ACTIONS:
            continue
        if (binding.action, binding.description) in seen:
            continue
        seen.add((binding.action, binding.description))
        key = app.get_key_display(binding)
        helps = f"{key} · {binding.tooltip}" if binding.tooltip else key
        run = partial(app.run_action, binding.action, active.node)
        commands.append(Command(binding.description, helps, run))
    return commands


def _global_commands_allowed(app: BacktimerApp, screen: object) -> bool:
    """Not while a workout is under way (one at a time), nor over a question."""
    from backtimer.tui.screens.workout import WorkoutScreen

    busy = any(isinstance(s, WorkoutScreen) for s in app.screen_stack)
    return not busy and not isinstance(screen, ModalScreen)


def _picker(app: BacktimerApp) -> PickerScreen:
    return next(s for s in app.screen_stack if isinstance(s, PickerScreen))


def screen_commands(app: BacktimerApp) -> list[Command]:
    """The screens there are, as the picker's function keys open them."""
    picker = _picker(app)
    return [
        Command("History", "F2 · your sessions, streak and charts", app.action_history),
        Command("Settings", "F3 · goal, cues, theme", app.action_settings),
        Command(
            "Where does it hurt? (guide)", "F4 · from the pain to the muscle", picker.action_guide
        ),
        Command("Programmes", "F5 · multi-week plans", app.action_programs),
        Command("Today's programme session", "F6 · start it", app.action_today),
        Command("New routine (builder)", "ctrl+n · build your own", picker.action_new),
        Command("Keys", "F1 · every key of this screen", app.action_help),
        Command(
            "Warning signs (red flags)",
            "signs that need a doctor, not a timer; one applies, or it was checked",
            app.action_red_flags,
        ),
        Command("Quit", "ctrl+q · a workout under way is saved", app.action_quit),
    ]


def routine_commands(app: BacktimerApp, entries: list[RoutineEntry]) -> list[Command]:
    """Start, edit and show each routine that loads."""
    shared = shared_names(entries)
    picker = _picker(app)
    commands = []
    for entry in entries:
        if not entry.ok:
            continue
        name = f"{entry.name} ({entry.id})" if entry.name.casefold() in shared else entry.name
        yours = "yours" if entry.source == "user" else "built in"
        commands += [
            Command(f"Start {name}", f"the routine ({yours})", partial(app.start_routine, entry)),
            Command(
                f"Edit {name}",
                "in the builder (a built-in one as your copy)",
                partial(picker.edit, entry),
                discover=False,
            ),
            Command(
                f"Show {name}",
                "its steps and time",
                partial(_show, app, entry),
                discover=False,
            ),
        ]
    return commands


def _show(app: BacktimerApp, entry: RoutineEntry) -> None:
    """The routine's card; Enter there starts it, ctrl+e edits it."""

    def closed(choice: str | None) -> None:
        if choice == "start":
            app.start_routine(entry)
        elif choice == "edit":
            _picker(app).edit(entry)

    from backtimer.tui.screens.routine_card import RoutineCard

    app.push_screen(RoutineCard(entry), closed)


def program_commands(app: BacktimerApp, entries: list[ProgramEntry]) -> list[Command]:
    """Each programme's page, where Enter starts it."""
    return [
        Command(
            f"Programme: {entry.name}",
            "its plan; Enter there starts it",
            partial(_show_programme, app, entry.id),
            discover=False,
        )
        for entry in entries
        if entry.ok
    ]


def _show_programme(app: BacktimerApp, program_id: str) -> None:
    from backtimer.tui.screens.programs import ProgramsScreen

    app.push_screen(ProgramsScreen(app.services, highlight=program_id))


def _read() -> tuple[list[RoutineEntry], list[ProgramEntry]]:

    routines = library.all_routines()
    return routines, programs.all_programs({entry.id for entry in routines if entry.ok})


class BacktimerCommands(Provider):
    """Everything the palette offers (see the module's notes)."""

    async def startup(self) -> None:
        app = _app(self)
        self.commands = screen_actions(self)
        if _global_commands_allowed(app, self.screen):
            routines, plans = await asyncio.to_thread(_read)
            self.commands += screen_commands(app)
            self.commands += routine_commands(app, routines)
            self.commands += program_commands(app, plans)

    async def discover(self) -> Hits:
        for command in self.commands:
            if command.discover:
                yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands:
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
