"""A routine at a glance: what it is for, what it needs, its steps and its time."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive

from backtimer.domain.cautions import skip_notes
from backtimer.domain.describe import describe_step, duration
from backtimer.storage import library
from backtimer.storage.library import RoutineEntry
from backtimer.tui.widgets.hanging_text import HangingText, Line
from backtimer.tui.widgets.move_strip import MoveStrip

BLANK: Line = ("", 0)


def preview_lines(entry: RoutineEntry | None) -> list[Line]:
    """Lines of Rich markup describing a routine (or why it does not load), each with
    the indent of its wrapped parts: they hang under the text of their first line."""
    if entry is None:
        return [("[dim]No routine matches.[/]", 0)]
    if entry.routine is None:
        lines = [(f"[b]{escape(entry.id)}[/]  [dim]({escape(entry.path)})[/]", 2), BLANK]
        lines.append(("[b $error]This routine does not load:[/]", 0))
        lines += [(f"  • {escape(str(problem))}", 4) for problem in entry.problems]
        lines += [BLANK, ("Fix the file and it appears here; `backtimer validate` checks it.", 0)]
        return lines
    routine = entry.routine
    timeline = entry.timeline
    moves = [plan.exercise for plan in timeline.steps]
    equipment = sorted({item for move in moves for item in move.equipment})
    muscles = sorted({muscle for move in moves for muscle in move.muscles})
    lines = [(f"[b]{escape(routine.name)}[/]  [dim]{duration(timeline.estimated_seconds)}[/]", 2)]
    if routine.description:
        lines += [BLANK, (escape(routine.description), 0)]
    need = escape(", ".join(equipment)) if equipment else "just some floor"
    lines += [
        BLANK,
        (f"[b]You need:[/] {need}", len("You need: ")),
        (f"[b]Works:[/] {escape(', '.join(muscles))}", len("Works: ")),
    ]
    lines += [(f"[b $warning]⚠[/] [$warning]{escape(note)}[/]", 2) for note in skip_notes(moves)]
    lines.append(BLANK)
    for plan in timeline.steps:
        what = describe_step(plan.step, plan.exercise, routine.rest_between_sets)
        lines.append((f"[b]{plan.index + 1:>2}. {escape(plan.exercise.name)}[/]", 4))
        lines.append((f"    [dim]{escape(what)}[/]", 4))
    if routine.tags:
        lines += [BLANK, ("[dim]" + escape(" · ".join(routine.tags)) + "[/]", 0)]
    return lines


class RoutinePreview(VerticalScroll, can_focus=False):
    """Scrolls when the routine is long; its moves drawn small above the words."""

    entry: reactive[RoutineEntry | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield MoveStrip(library.figures(), id="preview-moves")
        yield HangingText(id="preview-text")

    def watch_entry(self, entry: RoutineEntry | None) -> None:
        if self.is_mounted:
            moves = [plan.exercise for plan in entry.timeline.steps] if entry and entry.ok else []
            self.query_one(MoveStrip).show_moves(moves)
            self.query_one("#preview-text", HangingText).lines = preview_lines(entry)
            self.scroll_home(animate=False)

    def on_mount(self) -> None:
        self.watch_entry(self.entry)
