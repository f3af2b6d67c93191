"""ctrl+q in the middle of a workout: quit? It says what happens to the workout."""

from __future__ import annotations

from backtimer.tui.screens.confirm import Confirm


class QuitQuestion(Confirm):
    """Quit in the middle of a workout? ctrl+q once more means yes (`BacktimerApp`)."""


def quit_question(routine_name: str, step: int, steps: int) -> QuitQuestion:
    return QuitQuestion(
        "Quit backtimer?",
        f"{routine_name} is saved as stopped at step {step} of {steps}. A stopped"
        " workout is not resumed: start it again to go on. ctrl+q again quits.",
        yes="Quit",
        no="Back to the workout",
    )
