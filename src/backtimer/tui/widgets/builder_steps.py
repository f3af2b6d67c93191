"""The builder's list: the routine's own settings first, then each step, problems marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from backtimer.domain.parsing.problems import Problem
from backtimer.domain.routines.describe import duration
from backtimer.domain.routines.draft import RoutineDraft
from backtimer.domain.routines.exercise import Exercise

KIND_WORDS = {"work": "timed", "hold": "hold", "phases": "phases", "tempo": "tempo"}


class BuilderSteps(OptionList):
    """Reports the highlighted row as `BuilderSteps.Highlighted` (0 for the routine)."""

    @dataclass
    class Highlighted(Message):
        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Text] = []
        """What the list shows, to redraw only what changed."""

    def show(
        self,
        draft: RoutineDraft,
        moves: Mapping[str, Exercise],
        problems: Sequence[Problem],
        selected: int,
    ) -> None:
        """List the draft's steps, marking those with problems, ``selected`` highlighted."""
        places = [problem.where for problem in problems]
        routine_bad = any(not place.startswith(("step[", "exercise[")) for place in places)
        rows = [_row("⚙ ", draft.name.strip() or "New routine", "", routine_bad)]
        for number, step in enumerate(draft.steps, start=1):
            move = moves.get(step.exercise)
            bad = any(place.startswith(f"step[{number}]") for place in places)
            kind = KIND_WORDS.get(step.kind, "reps")
            rows.append(_row(f"{number:>2}. ", move.name if move else step.exercise, kind, bad))
        if rows == self.rows:
            pass
        elif len(self.rows) == len(rows):
            for index, row in enumerate(rows):
                if row != self.rows[index]:
                    self.replace_option_prompt_at_index(index, row)
        else:
            self.clear_options()
            self.add_options(Option(row) for row in rows)
        self.rows = rows
        self.highlight(selected)

    def highlight(self, index: int) -> None:
        if self.highlighted != index:
            self.highlighted = index

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        # Only the latest: acting on a stale one would move the highlight back, and the
        # screen's answer to that would move it forth again, for ever.
        if event.option_index == self.highlighted:
            self.post_message(self.Highlighted(event.option_index))


def _row(lead: str, name: str, note: str, bad: bool) -> Text:
    """A row: its number (kept when the step has a problem, so it can be found), then its name."""
    row = Text(lead, no_wrap=True, overflow="ellipsis")
    if bad:
        row.append("⚠ ", style="bold red")
    row.append(name, style="bold red" if bad else "")
    if note:
        row.append(f"  {note}", style="dim")
    return row


def status_text(steps: int, estimate: int, problems: int, complete: bool, saved: bool) -> str:
    """The lines under the list: the time it takes, and what stands between it and a save.

    Args:
        steps: how many steps the routine has.
        estimate: seconds it takes, as last checked valid (0: not known yet).
        problems: how many problems are shown.
        complete: the routine is valid and its id free.
        saved: the file holds what the builder shows.
    """
    if not steps:
        return "[dim]No steps yet: ctrl+n adds one.[/]"
    lines = [f"[b]{duration(estimate)}[/] in all" if estimate else ""]
    if problems:
        lines.append(f"[b $error]⚠ {problems} to fix[/] before saving")
    elif not complete:
        lines.append("[$warning]not saved[/]: ctrl+s shows what is missing")
    else:
        lines[0] += " · " + ("saved" if saved else "not saved")
    return "\n".join(line for line in lines if line)
