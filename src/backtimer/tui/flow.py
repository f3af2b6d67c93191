"""One workout, from the first question to the last, read top to bottom.

The pain question (and, at 7 or more, the offer of the gentlest routine or
rest: `screens.sore_day`), the voice and sound checks, the workout, the summary and
the changes for next time: `WorkoutFlow.run` awaits each screen in turn
(`App.push_screen_wait`), so what happens after each answer is the next line,
not a callback nested inside another.

A workout starts here and nowhere else, in a worker of the app's `FLOW` group:
`start` (``backtimer start``), `start_asked` (a screen's `StartRoutine`, the
palette and a routine's card: first a question when another window runs the
routine now), `offer_resume` (a session a crash cut short) and `start_today`
(the active programme's session). The app only hands them what it is asked.

Only one copy of the app served to browsers runs a workout at a time: the
flow takes the workout slot before the first question and gives it back as
soon as the workout screen is gone, whatever ended it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial

from backtimer.domain.coaching.red_flags import STILL_OPEN
from backtimer.domain.history.session import Session
from backtimer.domain.routines.routine_toml import routine_version
from backtimer.domain.routines.sore_day import GENTLE_ID, gentle_routine, severe
from backtimer.domain.routines.timeline import compile_timeline
from backtimer.domain.timer.workout import Workout, can_resume
from backtimer.storage import coaching, library
from backtimer.storage.library import RoutineEntry
from backtimer.storage.programmes import situation
from backtimer.tui.advisor import Advisor
from backtimer.tui.app import FLOW, IN_USE_ELSEWHERE, BacktimerApp
from backtimer.tui.messages import StartRoutine
from backtimer.tui.screens.next_time import NextTimeScreen
from backtimer.tui.screens.pain import SKIPPED, PainQuestion
from backtimer.tui.screens.resume import resume_question
from backtimer.tui.screens.routine_questions import elsewhere_question
from backtimer.tui.screens.sore_day import SoreDay
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.screens.workout import WorkoutScreen
from backtimer.tui.sound import SoundPlayer, no_player
from backtimer.tui.speaker import Speaker, no_voice

RESTING = "No workout today: rest counts too. backtimer is here when you are ready."
NOTHING_UNDER_WAY = "No programme is under way (F5 in the picker)."


def start(app: BacktimerApp, entry: RoutineEntry, resume: Session | None = None) -> None:
    """Run the routine from its first question to its summary (`WorkoutFlow`)."""
    _in_a_worker(app, WorkoutFlow(app, entry, resume).run)


def start_asked(app: BacktimerApp, entry: RoutineEntry) -> None:
    """Start a routine a screen asked for; when another window of backtimer is running it
    now, ask first: two at once would fill the same programme slot twice."""
    _in_a_worker(app, partial(_unless_elsewhere, app, entry))


def offer_resume(app: BacktimerApp, session: Session) -> None:
    """A session a killed process left (saved as interrupted): offer to carry it on."""
    _in_a_worker(app, partial(_resume, app, session))


def start_today(app: BacktimerApp) -> None:
    """Start the active programme's session for now, if one is due; else say why not."""
    today = partial(_today, app)
    app.run_worker(today, thread=True, exclusive=True, group="today", name="today")


def _in_a_worker(app: BacktimerApp, flow: Callable[[], Awaitable[None]]) -> None:
    """Each flow waits for the person at every screen: a worker of its own (`FLOW`)."""
    app.run_worker(flow, group=FLOW, name="workout")


async def _unless_elsewhere(app: BacktimerApp, entry: RoutineEntry) -> None:
    running = [s for s in app.services.store.under_way_elsewhere() if s.routine == entry.id]
    if running:
        began = running[0].started_at.astimezone(app.services.zone)
        if not await app.push_screen_wait(elsewhere_question(entry, began)):
            return
    await WorkoutFlow(app, entry).run()


async def _resume(app: BacktimerApp, session: Session) -> None:
    entry = next((e for e in library.all_routines() if e.id == session.routine), None)
    if entry is None or not entry.ok or not can_resume(session, entry.timeline):
        app.notify(f"A {session.routine_name} session was cut short; it is saved.")
        return
    if await app.push_screen_wait(resume_question(session, len(entry.timeline.steps))):
        await WorkoutFlow(app, entry, resume=session).run()


def _today(app: BacktimerApp) -> None:
    """In a thread: what the programme asks of now is read from the disk."""
    services = app.services
    found = situation(services.store, services.now(), services.zone)
    routine = found.lead_routine()
    if routine is not None:
        app.post_message(StartRoutine(routine))  # asks first if it is running elsewhere
        return
    plan = found.standing.progress
    app.call_from_thread(app.notify, plan.headline(found.names) if plan else NOTHING_UNDER_WAY)


class WorkoutFlow:
    """One routine, started by the person (or resumed after a crash), to its end."""

    def __init__(
        self, app: BacktimerApp, entry: RoutineEntry, resume: Session | None = None
    ) -> None:
        self.app = app
        self.services = app.services
        self.entry = entry
        self.resume = resume

    async def run(self) -> None:
        """Ask, time, sum up, offer the changes for next time; each screen awaited in turn."""
        slot = self.services.workout_slot
        if slot is not None and not slot.take():
            self.app.notify(IN_USE_ELSEWHERE, severity="warning", timeout=10)
            return
        try:
            session = await self.workout()
        finally:
            if slot is not None:
                slot.give_back()
        if session is not None:
            await self.after(session)

    async def workout(self) -> Session | None:
        """The pain question (unless resuming), then the workout; its session, or None
        when the person went back from the question."""
        workout = self._workout()
        if not workout.resumed:
            pain = await self.app.push_screen_wait(PainQuestion(self.entry.name))
            if pain is None:
                return None
            before = None if pain == SKIPPED else pain
            if before is not None and severe(before):
                choice = await self.app.push_screen_wait(SoreDay(before, self.entry.name))
                if choice is None:
                    self.app.notify(RESTING, timeout=8)
                    return None
                if choice == "gentle":
                    self.entry = library.unsaved_entry(GENTLE_ID, gentle_routine())
                    workout = self._workout()
            workout.pain_before = before
        if await asyncio.to_thread(coaching.red_flag_open):
            self.app.notify(STILL_OPEN, severity="warning", timeout=10)
        self._say_what_is_off()
        return await self.app.push_screen_wait(self._screen(workout))

    async def after(self, session: Session) -> None:
        """The summary (the session is already saved), then each change it suggests."""
        advisor = Advisor(self.services, self.entry)
        summary = SummaryScreen(session, self.services.store, advisor, self.services.clock)
        suggested = await self.app.push_screen_wait(summary)
        if not suggested:
            return
        changes = NextTimeScreen(advisor, suggested, self.services.clock)
        if await self.app.push_screen_wait(changes):
            self.app.picker.load_routines()  # a routine file changed

    def _workout(self) -> Workout:
        entry, services = self.entry, self.services
        assert entry.routine is not None
        routine = services.settings.applied_to(entry.routine)
        timeline = compile_timeline(routine, library.exercises())
        version = routine_version(entry.routine)
        return Workout(
            entry.id, timeline, services.clock, services.now, resume=self.resume, version=version
        )

    def _say_what_is_off(self) -> None:
        """A voice or sound switched on that cannot be heard is said before the workout."""
        services, settings = self.services, self.services.settings
        unheard = no_voice(services.speech, settings.speech_program) if settings.voice else ""
        if unheard:
            self.app.notify(f"{unheard} This workout has no voice.", severity="warning", timeout=8)
        unplayed = no_player(services.sound_player, settings)
        if unplayed:
            self.app.notify(f"{unplayed} This workout has no cue sounds.", severity="warning")

    def _screen(self, workout: Workout) -> WorkoutScreen:
        services, settings = self.services, self.services.settings
        voice = settings.voice and services.speech is not None
        screen = WorkoutScreen(
            workout,
            services.store,
            sound=settings.sound,
            flash=settings.flash,
            speaker=Speaker(services.speech) if voice and services.speech else None,
            mat=settings.mat_view,
        )
        if settings.plays_sounds and services.sound_player:
            screen.cues.sounds = SoundPlayer(services.sound_player)
        return screen
