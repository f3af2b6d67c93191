"""Red flags: the signs that call for a doctor, not a timer.

After the clinical guidelines for low back pain (NICE NG59 and its referral
guidance), in plain words. One home for these lines: the first-start screen,
the keys screen, the pain guide, ``backtimer --help`` and the docs all show
them from here. While the person has said that one of them applies and has
not yet said it was checked, the progression rules suggest no growth
(`backtimer.domain.coaching.progression.advise`, ``red_flag_open``).
"""

from __future__ import annotations

import textwrap

TITLE = "Signs that need a doctor, not a timer"

TODAY_HEADING = "Get medical help today (urgent care or an emergency department) if you have:"
TODAY = (
    "numbness or tingling in the groin, the genitals, the buttocks or the inner thighs",
    "new trouble passing or holding urine, or holding your bowels",
    "weakness in a leg that is getting worse, or a foot that drags or slaps",
    "pain, numbness or weakness in both legs at once",
)

SOON_HEADING = "See a doctor or a physiotherapist soon, before you exercise, if your back pain:"
SOON = (
    "comes with a fever or with feeling generally unwell",
    "started after a fall, an accident or another injury",
    "comes with cancer, now or in the past, or with weight loss you cannot explain",
    "is worse at night or at rest, and changing position does not ease it",
    "is the first you have had and you are over 50",
    "comes while you take steroids long-term, or you have thin bones (osteoporosis)",
    "comes with a pulsing, throbbing feeling in the belly",
)

NERVE_HEADING = "Pause growing your routine, and mention it to a professional, if you feel:"
NERVE = (
    "pain, tingling, pins and needles, numbness, burning or weakness running down a leg (sciatica)",
)

LEG_QUESTION = "Anything down a leg today: pain, tingling, numbness or weakness?"
"""Asked on the summary after every workout; the answer is the session's ``leg_symptoms``."""
LEG_YES = (
    "Noted: no step grows while this lasts. Mention it to a doctor or physiotherapist."
    " Both legs at once, numbness between the legs, or new trouble with the bladder or"
    " bowels: get help today."
)
"""Said when the answer to `LEG_QUESTION` is yes."""

WHEN_ONE_APPLIES = (
    "Stop exercising for now and get the help above (today, for the first list)."
    " backtimer still times whatever a doctor or physiotherapist gives you, and suggests"
    " no growth until you say the sign has been checked."
)
OPEN_NOW = (
    "You said one of these applies: backtimer suggests no growth until you say it has been checked."
)
"""Said wherever the red flags are shown while one is open."""
STILL_OPEN = (
    "You said a warning sign applies: the timer works as ever, and nothing grows until"
    " you say it has been checked (ctrl+p, Warning signs)."
)
"""Said as each workout starts while one is open."""
CHECKED = (
    "Noted: it has been checked. Suggestions to grow a routine come back after your next workout."
)
"""Said when the person says the red flag has been checked."""
SOURCE = "After the NICE guideline NG59 on low back pain and sciatica; not medical advice."


def sections() -> list[tuple[str, tuple[str, ...]]]:
    """The headings and their lines, most urgent first."""
    return [(TODAY_HEADING, TODAY), (SOON_HEADING, SOON), (NERVE_HEADING, NERVE)]


def as_text(bullet: str = "- ", width: int | None = None) -> str:
    """The red flags as plain text (for ``--help``, the shell and the docs), headings and
    bullets; with ``width``, each line wrapped to it, a bullet's lines under its first word."""

    def wrapped(line: str, indent: str = "") -> list[str]:
        if width is None:
            return [line]
        return textwrap.wrap(line, width, subsequent_indent=indent) or [""]

    lines: list[str] = wrapped(TITLE)
    for heading, items in sections():
        lines += ["", *wrapped(heading)]
        for item in items:
            lines += wrapped(f"{bullet}{item}", " " * len(bullet))
    lines += ["", *wrapped(SOURCE)]
    return "\n".join(lines)
