"""A routine at a glance: what it is for, what it needs, its steps and its time."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from backtimer.domain.describe import describe_step, duration
from backtimer.storage.library import RoutineEntry


def preview_text(entry: RoutineEntry | None) -> str:
    """Rich markup describing a routine (or why it does not load)."""
    if entry is None:
        return "[dim]No routine matches.[/]"
    if entry.routine is None:
        lines = [f"[b]{escape(entry.id)}[/]  [dim]({escape(entry.path)})[/]", ""]
        lines.append("[b $error]This routine does not load:[/]")
        lines += [f"  • {escape(str(problem))}" for problem in entry.problems]
        lines += ["", "Fix the file and it appears here; `backtimer validate` checks it."]
        return "\n".join(lines)
    routine = entry.routine
    timeline = entry.timeline
    moves = [plan.exercise for plan in timeline.steps]
    equipment = sorted({item for move in moves for item in move.equipment})
    muscles = sorted({muscle for move in moves for muscle in move.muscles})
    lines = [f"[b]{escape(routine.name)}[/]  [dim]{duration(timeline.estimated_seconds)}[/]"]
    if routine.description:
        lines += ["", escape(routine.description)]
    lines += [
        "",
        f"[b]You need:[/] {escape(', '.join(equipment)) if equipment else 'just some floor'}",
        f"[b]Works:[/] {escape(', '.join(muscles))}",
        "",
    ]
    for plan in timeline.steps:
        what = describe_step(plan.step, plan.exercise, routine.rest_between_sets)
        lines.append(f"[b]{plan.index + 1:>2}. {escape(plan.exercise.name)}[/]")
        lines.append(f"    [dim]{escape(what)}[/]")
    if routine.tags:
        lines += ["", "[dim]" + escape(" · ".join(routine.tags)) + "[/]"]
    return "\n".join(lines)


class RoutinePreview(VerticalScroll, can_focus=False):
    """Scrolls when the routine is long."""

    entry: reactive[RoutineEntry | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Static(id="preview-text")

    def watch_entry(self, entry: RoutineEntry | None) -> None:
        if self.is_mounted:
            self.query_one("#preview-text", Static).update(preview_text(entry))
            self.scroll_home(animate=False)

    def on_mount(self) -> None:
        self.watch_entry(self.entry)
