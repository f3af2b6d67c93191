"""What the progression rules suggest for next time, and why, under the steps done.

Shown on the summary, worked out again as the pain rating and the note are
typed: a line for each step that would change (↑ up a notch, ↓ back off), or
one line saying every step stays; then why, each reason once; then the
advice to see a professional when the ratings or the note call for it.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from backtimer.domain.coaching.pain_reading import PROFESSIONAL
from backtimer.domain.coaching.progression import StepAdvice
from backtimer.domain.coaching.suggestion import suggestion_line
from backtimer.storage.library import exercises
from backtimer.tui.markup import escape

MARKS = {"progress": "[$success]↑[/]", "back-off": "[$warning]↓[/]"}
REASONS_SHOWN = 3
"""Reasons listed at most; steps kept for the same reason share it."""


def changes(advice: tuple[StepAdvice, ...]) -> list[StepAdvice]:
    """The steps with a change to suggest."""
    return [item for item in advice if item.notch is not None]


def suggestions_text(advice: tuple[StepAdvice, ...] | None) -> str:
    """Rich markup for the advice; empty when there is none to give."""
    if not advice:
        return ""
    moves = exercises()
    changed = changes(advice)
    kept = len(advice) - len(changed)
    if not changed:
        lines = ["[b]For next time:[/] keep every step as it is"]
    else:
        lines = ["[b]For next time:[/]"]
        lines += [
            f"{MARKS[item.verdict]} {escape(suggestion_line(item, moves))}" for item in changed
        ]
        if kept:
            lines.append(
                f"[dim]= the other {kept} as they are[/]"
                if kept > 1
                else "[dim]= the other one as it is[/]"
            )
    reasons = list(dict.fromkeys(reason for item in advice for reason in item.reasons))
    lines += [f"[dim]· {escape(reason)}[/]" for reason in reasons[:REASONS_SHOWN]]
    if len(reasons) > REASONS_SHOWN:
        lines.append(f"[dim]· and {len(reasons) - REASONS_SHOWN} more (backtimer progress)[/]")
    if any(item.see_professional for item in advice):
        lines.append(f"[$error]⚠ {PROFESSIONAL}[/]")
    return "\n".join(lines)


class Suggestions(Static):
    """The rules' advice on each step of the routine just done."""

    DEFAULT_CSS = """
    Suggestions { height: auto; }
    """

    advice: reactive[tuple[StepAdvice, ...] | None] = reactive(None)

    def watch_advice(self, advice: tuple[StepAdvice, ...] | None) -> None:
        self.update(suggestions_text(advice))
        self.display = bool(advice)
