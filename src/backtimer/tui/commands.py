"""The command palette (ctrl+p): every routine, programme, screen and action, found by name.

Textual's fuzzy matcher ranks the commands by the letters typed; a command is also
found by the words of its help ("theme" finds the settings). Every key's command
has the footer's words for it, taken from the same binding (`screen_actions`) or
the same table (`backtimer.tui.keys`). What the palette offers depends on where it
is opened:

- anywhere: the actions of the screen it was opened on, as its footer and keys
  screen name them ("Pause", "Other side", "Clear the filter"), and Keys and Quit;
  never the editing keys of a text box nor Textual's own (focus, copy);
- unless a workout is under way or a question is waiting: the screens (history,
  settings, the guide, the programmes, today's session, a new routine), and for
  every routine "Start", "Edit" and "Show", for every programme its page.

The routines and programmes are read in a thread when the palette opens, so
it lists what is on disk now, without holding up the screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import ModalScreen

from backtimer.domain.programmes.programme import ProgrammeEntry
from backtimer.storage import library
from backtimer.storage import programmes as programs
from backtimer.storage.library import RoutineEntry
from backtimer.tui import editing
from backtimer.tui.keys import SCREEN_KEYS
from backtimer.tui.screens.picker import shared_names

if TYPE_CHECKING:  # the screens are imported when the palette shows them, not at launch
    from backtimer.tui.app import BacktimerApp

NOT_OFFERED = {"command_palette", "suspend_process"}
"""App actions the palette leaves to their keys: itself, and ctrl+z."""


@dataclass(frozen=True)
class Command:
    """One line of the palette."""

    name: str
    help: str
    run: Callable[[], object]
    discover: bool = True
    """Listed before anything is typed."""
    finds: str = ""
    """More words it is found by, besides its name and help."""

    def found_by(self, query: str) -> bool:
        """Every word of the query begins a word of the help (or of `finds`)."""
        words = f"{self.help} {self.finds}".casefold().replace(",", " ").split()
        return all(any(w.startswith(q) for w in words) for q in query.casefold().split())


def _app(provider: Provider) -> BacktimerApp:
    return cast("BacktimerApp", provider.app)


def _ours(node: DOMNode) -> set[tuple[str, str]]:
    """The (action, words) of the bindings backtimer's own classes give a node; not those
    Textual's widgets bring (a text box's "Move cursor left", the App's "Focus Next"),
    even where a class of ours repeats them (the picker's filter keeps a text box's keys)."""

    def bindings(mine: bool) -> set[tuple[str, str]]:
        return {
            (binding.action, binding.description)
            for cls in type(node).__mro__
            if cls.__module__.startswith("backtimer.") == mine
            for binding in cls.__dict__.get("BINDINGS", [])
            if isinstance(binding, Binding)
        }

    if isinstance(node, App):  # the App's own keys are all chosen, ctrl+q's "Quit" too
        return bindings(True)
    return bindings(True) - bindings(False)


def _action(binding: Binding) -> str:
    return binding.action.removeprefix("app.")


def screen_actions(provider: Provider) -> list[Command]:
    """The actions of the screen the palette was opened on, and the app's own keys, by the
    words of their bindings; the one the footer shows first where a key has two."""
    app = _app(provider)
    ours: dict[DOMNode, set[tuple[str, str]]] = {}
    found: dict[tuple[str, str], tuple[Binding, DOMNode]] = {}
    for active in provider.screen.active_bindings.values():
        binding, node = active.binding, active.node
        if not binding.description or not active.enabled or _action(binding) in NOT_OFFERED:
            continue
        if node not in ours:
            ours[node] = _ours(node)
        if (binding.action, binding.description) not in ours[node]:
            continue
        name = (_action(binding), binding.description)
        if name not in found or (binding.show and not found[name][0].show):
            found[name] = (binding, node)
    shown = sorted(found.values(), key=lambda pair: not pair[0].show)  # the footer's first
    finds = {key.action: key.finds for key in SCREEN_KEYS}
    commands = []
    for binding, node in shown:
        key = app.get_key_display(binding)
        helps = f"{key} · {binding.tooltip}" if binding.tooltip else key
        run = partial(app.run_action, binding.action, node)
        words = finds.get(_action(binding), "")
        commands.append(Command(binding.description, helps, run, finds=words))
    return commands


def _global_commands_allowed(app: BacktimerApp, screen: object) -> bool:
    """Not while a workout is under way (one at a time), nor over a question."""
    from backtimer.tui.screens.workout import WorkoutScreen

    busy = any(isinstance(s, WorkoutScreen) for s in app.screen_stack)
    return not busy and not isinstance(screen, ModalScreen)


def screen_commands(app: BacktimerApp, offered: set[str]) -> list[Command]:
    """The screens the picker opens with a key (`SCREEN_KEYS`), in the picker's words;
    those `offered` already (the palette was opened on the picker) are left out."""
    return [
        Command(
            key.words,
            f"{key.key_display or key.key} in the picker · {key.tooltip}",
            partial(app.run_action, key.action),
            finds=key.finds,
        )
        for key in SCREEN_KEYS
        if key.words not in offered
    ] + [
        Command(
            "Warning signs (red flags)",
            "signs that need a doctor, not a timer; one applies, or it was checked",
            app.action_red_flags,
            finds="doctor",
        )
    ]


def routine_commands(app: BacktimerApp, entries: list[RoutineEntry]) -> list[Command]:
    """Start, edit and show each routine that loads."""
    shared = shared_names(entries)
    commands = []
    for entry in entries:
        if not entry.ok:
            continue
        name = f"{entry.name} ({entry.id})" if entry.name.casefold() in shared else entry.name
        yours = "yours" if entry.source == "user" else "built in"
        commands += [
            Command(f"Start {name}", f"the routine ({yours})", partial(_start, app, entry)),
            Command(
                f"Edit {name}",
                "in the builder (a built-in one as your copy)",
                partial(editing.edit, app, entry),
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


def _start(app: BacktimerApp, entry: RoutineEntry) -> None:
    from backtimer.tui import flow  # with the screens it shows: not at launch

    flow.start_asked(app, entry)


def _show(app: BacktimerApp, entry: RoutineEntry) -> None:
    """The routine's card; Enter there starts it, ctrl+e edits it."""

    def closed(choice: str | None) -> None:
        if choice == "start":
            _start(app, entry)
        elif choice == "edit":
            editing.edit(app, entry)

    from backtimer.tui.screens.routine_card import RoutineCard

    app.push_screen(RoutineCard(entry), closed)


def programme_commands(app: BacktimerApp, entries: list[ProgrammeEntry]) -> list[Command]:
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
    from backtimer.tui.screens.programmes import ProgrammesScreen

    app.push_screen(ProgrammesScreen(app.services, highlight=program_id))


def _read() -> tuple[list[RoutineEntry], list[ProgrammeEntry]]:

    routines = library.all_routines()
    return routines, programs.all_programmes({entry.id for entry in routines if entry.ok})


class BacktimerCommands(Provider):
    """Everything the palette offers (see the module's notes)."""

    async def startup(self) -> None:
        app = _app(self)
        self.commands = screen_actions(self)
        if _global_commands_allowed(app, self.screen):
            routines, plans = await asyncio.to_thread(_read)
            self.commands += screen_commands(app, {command.name for command in self.commands})
            self.commands += routine_commands(app, routines)
            self.commands += programme_commands(app, plans)

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
            elif command.found_by(query):  # by what it does: after every match by name
                yield Hit(WORDS_SCORE, command.name, command.run, help=command.help)


WORDS_SCORE = 0.01
"""The rank of a command found by its help's words: below any found by its name."""
