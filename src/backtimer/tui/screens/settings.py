"""The settings: weekly goal, cues, get-ready seconds and theme, saved as they change.

A change takes effect at once (the theme repaints, the next workout uses the
cues) and is written to ``settings.toml`` in a thread. A value that is not
allowed is marked at its field, with the reason, and nothing is saved until
it is fixed.
"""

from __future__ import annotations

import threading

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.validation import Integer
from textual.widgets import Input, Label, Select, Static, Switch

from backtimer.domain.routines.settings import Settings
from backtimer.storage.files import StorageError
from backtimer.storage.settings import save_settings
from backtimer.tui.markup import escape
from backtimer.tui.screens.base import AppScreen
from backtimer.tui.services import Services
from backtimer.tui.sound import no_player, player_name
from backtimer.tui.speaker import no_voice, program_name
from backtimer.tui.themes import OFFERED
from backtimer.tui.widgets.text_input import TextInput

SWITCHES = {
    "sound": "Bell at each change",
    "flash": "Screen flash at each change",
    "voice": "Spoken cues [dim](needs a speech program)[/]",
    "cue_sounds": "Cue sounds [dim](needs a sound program)[/]",
    "mat_view": "Start workouts in the mat view [dim](v switches)[/]",
}
PROGRAM_LINES = {"voice": "speech-program", "cue_sounds": "sound-program"}
"""The line under a switch that says which program it needs, and whether there is one."""


def on_off(on: bool) -> str:
    """A switch's state in words, beside it: the switch alone does not say which is on."""
    return "On" if on else "Off"


class SettingsScreen(AppScreen[None]):
    """Opened from the picker; Escape goes back."""

    BINDINGS = [
        Binding("escape", "back", "Back", key_display="esc", tooltip="Back to the routines"),
        # "?" is a character of the boxes here: F1 is the key to every key.
        Binding("f1", "app.help", "Keys", key_display="F1", tooltip="Show every key"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self._saving = threading.Lock()

    def compose_body(self) -> ComposeResult:
        settings = self.services.settings
        with VerticalScroll(id="settings"):
            with Horizontal(classes="setting"):
                yield Label("Weekly goal [dim](sessions, 1 to 21)[/]", classes="setting-label")
                yield TextInput(
                    str(settings.weekly_goal),
                    type="integer",
                    validators=[Integer(minimum=1, maximum=21)],
                    max_length=4,  # a pasted number of thousands of digits is never read
                    id="weekly_goal",
                    classes="setting-number",
                )
            for name, label in SWITCHES.items():
                with Horizontal(classes="setting"):
                    yield Label(label, classes="setting-label")
                    on = settings.plays_sounds if name == "cue_sounds" else getattr(settings, name)
                    yield Switch(on, id=name)
                    yield Label(on_off(on), classes="switch-state", id=f"{name}-state")
                if name in PROGRAM_LINES:
                    yield Static(id=PROGRAM_LINES[name])
            with Horizontal(classes="setting"):
                yield Label(
                    "Get-ready seconds [dim](0 to 120; empty: each routine's own)[/]",
                    classes="setting-label",
                )
                yield TextInput(
                    "" if settings.lead_in is None else str(settings.lead_in),
                    type="integer",
                    validators=[Integer(minimum=0, maximum=120)],
                    valid_empty=True,
                    max_length=4,
                    placeholder="routine",
                    id="lead_in",
                    classes="setting-number",
                )
            with Horizontal(classes="setting"):
                yield Label("Theme", classes="setting-label")
                themes = [*OFFERED, *([settings.theme] if settings.theme not in OFFERED else [])]
                yield Select(
                    [(theme, theme) for theme in themes],
                    value=settings.theme,  # the app replaced one it does not know
                    allow_blank=False,
                    id="theme",
                )
            yield Static(id="settings-problem")
            yield Label(
                "Changes are saved as you make them. Escape goes back.", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        self.query_one("#weekly_goal", Input).focus()
        self._show_voice(self.services.settings.voice)
        self._show_sounds(self.services.settings)

    def _show_voice(self, voice: bool) -> str:
        """Show which program speaks; when voice is on and none can, say so. Returns that."""
        speech, preferred = self.services.speech, self.services.settings.speech_program
        unheard = no_voice(speech, preferred) if voice else ""
        found = f"Speech program: {escape(program_name(speech, preferred))}"
        return self._show_program("#speech-program", unheard, found)

    @on(Switch.Changed)
    def _say_on_or_off(self, event: Switch.Changed) -> None:
        self.query_one(f"#{event.switch.id}-state", Label).update(on_off(event.value))

    @on(Switch.Changed, "#voice")
    def _voice_changed(self, event: Switch.Changed) -> None:
        unheard = self._show_voice(event.value)
        if event.value and unheard:
            self.notify(unheard, title="No voice", severity="warning", timeout=10)

    def _show_sounds(self, settings: Settings) -> str:
        """Show which program plays the cue sounds; when they are on and none can, say so.
        Returns that."""
        player, preferred = self.services.sound_player, settings.sound_program
        unplayed = no_player(player, settings)
        found = f"Sound program: {escape(player_name(player, preferred))}"
        return self._show_program("#sound-program", unplayed, found)

    def _show_program(self, line_id: str, problem: str, found: str) -> str:
        """Show the program found, or (as a warning) the problem there is; returns it."""
        line = self.query_one(line_id, Static)
        line.set_class(bool(problem), "-warning")
        line.update(f"⚠ {escape(problem)}" if problem else found)
        return problem

    @on(Switch.Changed, "#cue_sounds")
    def _sounds_changed(self, event: Switch.Changed) -> None:
        wanted = self.services.settings.model_copy(update={"cue_sounds": event.value})
        unplayed = self._show_sounds(wanted)
        if event.value and unplayed:
            self.notify(unplayed, title="No cue sounds", severity="warning", timeout=10)

    def _wanted(self) -> dict[str, object]:
        """The settings as the controls show them."""
        goal = self.query_one("#weekly_goal", Input).value
        lead_in = self.query_one("#lead_in", Input).value
        theme = self.query_one("#theme", Select).value
        wanted: dict[str, object] = {
            name: self.query_one(f"#{name}", Switch).value for name in SWITCHES
        }
        if wanted["cue_sounds"] == self.services.settings.plays_sounds:
            # unchanged: left out stays left out (on when a sound program is named)
            wanted["cue_sounds"] = self.services.settings.cue_sounds
        wanted["weekly_goal"] = int(goal) if goal.lstrip("-").isdigit() else goal
        wanted["lead_in"] = int(lead_in) if lead_in.lstrip("-").isdigit() else None
        if isinstance(theme, str):
            wanted["theme"] = theme
        return wanted

    @on(Input.Changed)
    @on(Switch.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        problem = self.query_one("#settings-problem", Static)
        invalid = [i for i in self.query(Input) if i.value and not i.is_valid]
        if invalid or not self.query_one("#weekly_goal", Input).value:
            problem.update("[$error]Fix the marked field; nothing is saved until then.[/]")
            return
        current = self.services.settings
        try:
            wanted = Settings.model_validate(current.model_dump() | self._wanted())
        except ValidationError as exc:
            problem.update(f"[$error]{exc.errors(include_url=False)[0]['msg']}[/]")
            return
        problem.update("")
        if wanted == current:
            return
        self.services.settings = wanted
        if self.app.theme != wanted.theme:
            self.app.theme = wanted.theme
        self.save()

    @work(thread=True, group="save")
    def save(self) -> None:
        """Write the settings as they are now; one write at a time, so the last is the newest."""
        with self._saving:
            try:
                problems = save_settings(self.services.settings)
            except StorageError as exc:
                problems = [f"{exc}; the change holds until backtimer is closed"]
        for problem in problems:
            self.app.call_from_thread(self.notify, problem, severity="warning", timeout=10)

    def action_back(self) -> None:
        self.dismiss()
