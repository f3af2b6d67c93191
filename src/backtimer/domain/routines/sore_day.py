"""A workout asked for on a very sore day: what backtimer says, and the gentlest routine.

Pain of `SEVERE` or more before a workout is answered before the workout
starts: a short line that this may be a day for the gentlest routine or for
rest, with `gentle_routine` one key away; the person can go on with the
routine they chose. (Whether such a session counts towards growing a routine
is the progression rules' business, not this module's.)
"""

from __future__ import annotations

from backtimer.domain.routines.routine import Routine

SEVERE = 7
"""Pain before (0 to 10) from which the workout is not started without a word."""

GENTLE_ID = "gentle-day"
"""The gentlest routine's id (it is made here, never saved as a file)."""

SAID = "This may be a day for the gentlest routine, or for rest."
"""What is said before a workout started at `SEVERE` pain or more."""
GENTLE_WHAT = "Gentle day: a few minutes of slow, small movements, with no load and no pressure."
"""The gentle routine, in a line."""


def severe(pain_before: int) -> bool:
    """Whether a rating before a workout calls for `SAID`."""
    return pain_before >= SEVERE


def gentle_routine() -> Routine:
    """The gentlest routine: slow cat-cows and pelvic tilts, a seated stretch; under 4 minutes.

    Mobility only, in a small range and at a slow pace: nothing loaded, no
    massage (no pressure on a sore back), nothing that needs more than a mat
    and a chair.
    """
    return Routine.model_validate(
        {
            "format": 1,
            "name": "Gentle day",
            "description": "For a sore day: slow, small movements with no load and no pressure."
            " Move only as far as is easy, and stop at any sharp or shooting pain.",
            "tags": ["gentle", "short"],
            "lead_in": 10,
            "rest_between_steps": 15,
            "step": [
                {
                    "exercise": "cat-cow",
                    "reps": 6,
                    "phases": [
                        {
                            "cue": "Breathe out, round the back a little, only as far as is easy",
                            "seconds": 4,
                        },
                        {
                            "cue": "Breathe in, let the back settle, no further than is easy",
                            "seconds": 4,
                        },
                    ],
                },
                {
                    "exercise": "pelvic-tilt",
                    "reps": 6,
                    "phases": [
                        {"cue": "Flatten the low back gently into the mat", "seconds": 3},
                        {"cue": "Let go", "seconds": 3},
                        {"cue": "Tip the pelvis the other way, a small arch", "seconds": 3},
                        {"cue": "Back to the middle", "seconds": 3},
                    ],
                },
                {"exercise": "seated-piriformis-stretch", "hold": 20, "sides": "each"},
            ],
        }
    )
