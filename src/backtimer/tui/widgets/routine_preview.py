"""A routine at a glance: what it is for, what it needs, its steps and its time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive

from backtimer.domain.routines.cautions import skip_notes
from backtimer.domain.routines.describe import describe_step, duration
from backtimer.domain.routines.exercise import kit_of
from backtimer.storage import library
from backtimer.storage.library import RoutineEntry
from backtimer.tui.markup import escape
from backtimer.tui.widgets.hanging_text import BLANK, HangingText, Line
from backtimer.tui.widgets.move_strip import MoveStrip


def nothing_found(query: str) -> str:
    """What the preview says when the filter leaves no routine."""
    if not query.strip():
        return "No routine yet."
    return (
        f"No routine matches '{query.strip()}'. Escape clears the filter;"
        " F4 finds one by where it hurts."
    )


def preview_lines(entry: RoutineEntry | None, query: str = "") -> list[Line]:
    """Lines of markup describing a routine (or why it does not load, or why there is
    none), each with the indent of its wrapped parts: they hang under the text of their
    first line."""
    if entry is None:
        return [(escape(nothing_found(query)), 0)]
    if entry.routine is None:
        lines = [(f"[b]{escape(entry.id)}[/]  [dim]({escape(entry.path)})[/]", 2), BLANK]
        lines.append(("[b $error]This routine does not load:[/]", 0))
        lines += [(f"  • {escape(str(problem))}", 4) for problem in entry.problems]
        lines += [BLANK, ("Fix the file and it appears here; `backtimer validate` checks it.", 0)]
        return lines
    routine = entry.routine
    timeline = entry.timeline
    moves = [plan.exercise for plan in timeline.steps]
    kit = kit_of(moves)
    muscles = sorted({muscle for move in moves for muscle in move.muscles})
    lines = [(f"[b]{escape(routine.name)}[/]  [dim]{duration(timeline.estimated_seconds)}[/]", 2)]
    if routine.description:
        lines += [BLANK, (escape(routine.description), 0)]
    need = escape(", ".join(kit.needed)) if kit.needed else "just some floor"
    lines += [BLANK, (f"[b]You need:[/] {need}", len("You need: "))]
    if kit.optional:
        lines.append((f"[b]Optional:[/] {escape(', '.join(kit.optional))}", len("Optional: ")))
    lines += [
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
    filter_words: reactive[str] = reactive("")
    """The filter's words, for the line shown when no routine matches them."""

    def compose(self) -> ComposeResult:
        yield MoveStrip(library.figures(), id="preview-moves")
        yield HangingText(id="preview-text")

    def watch_entry(self, entry: RoutineEntry | None) -> None:
        if self.is_mounted:
            moves = [plan.exercise for plan in entry.timeline.steps] if entry and entry.ok else []
            self.query_one(MoveStrip).show_moves(moves)
            lines = preview_lines(entry, self.filter_words)
            self.query_one("#preview-text", HangingText).lines = lines
            self.scroll_home(animate=False)

    def watch_filter_words(self) -> None:
        if self.entry is None:
            self.watch_entry(None)

    def on_mount(self) -> None:
        self.watch_entry(self.entry)
