"""At start-up: a session cut short by a crash was saved; carry on from where it stopped?"""

from __future__ import annotations

from backtimer.domain.history.session import Session
from backtimer.tui.screens.confirm import Confirm


def resume_question(session: Session, steps: int) -> Confirm:
    when = session.started_at.astimezone().strftime("%a %d %b, %H:%M")
    return Confirm(
        f"Resume {session.routine_name}?",
        f"The session you started {when} was cut short at step {session.stopped_at_step}"
        f" of {steps}. It is saved as interrupted. Carry on from that step?",
        yes="Resume",
        no="Not now",
    )
