"""The fields of one step in the routine builder: only those its kind uses."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from backtimer.domain.routines.draft import StepDraft
from backtimer.domain.routines.exercise import SIDES, Exercise
from backtimer.tui.markup import escape
from backtimer.tui.widgets.choice import Choice
from backtimer.tui.widgets.field import Field, text_field

KIND_LABELS = [
    ("work", "timed work"),
    ("hold", "holds"),
    ("phases", "phased reps"),
    ("tempo", "tempo reps"),
    ("self-paced", "self-paced reps"),
]
"""The kinds of step, in the words of the builder."""

LABELS = {
    "reps": "Reps",
    "sets": "Sets",
    "work": "Work (s)",
    "hold": "Hold (s)",
    "release": "Release (s)",
    "tempo": "Tempo (s a rep)",
    "rest": "Set rest (s)",
    "rest_after": "Rest after (s)",
    "cue": "Extra cue",
}


class StepEditor(Vertical):
    """Shows a step given with `show`; edits go up as `Field.Edited` and `Button.Pressed`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.step: StepDraft | None = None
        self.number = 0
        self.move: Exercise | None = None
        self.defaults: dict[str, str] = {}

    async def show(
        self, step: StepDraft, number: int, move: Exercise, defaults: dict[str, str]
    ) -> None:
        """Show step ``number`` (from 1); ``defaults`` are placeholders by field.

        The same step again (its kind or its phases changed) rebuilds only the
        fields below its kind, so the kind's choice keeps the focus and the keys
        still on their way to it (→ held down) all count.
        """
        same = (step, number, move) == (self.step, self.number, self.move)
        self.step, self.number, self.move, self.defaults = step, number, move, defaults
        if same:
            await self.query_one(_StepFields).recompose()
        else:
            await self.recompose()

    def compose(self) -> ComposeResult:
        step, move = self.step, self.move
        if step is None or move is None:
            return
        yield Label(f"Step {self.number}: {move.name}", classes="form-title")
        yield Label(
            f"{move.kind} · {', '.join(move.muscles) or 'whole body'} · {move.equipment_text}",
            classes="form-note",
        )
        kinds = Choice(KIND_LABELS, step.kind, id="step-kind")
        yield Field("Kind", kinds, f"step[{self.number}].kind", step)
        yield _StepFields(self._fields)
        yield Static(id="step-problems")

    def _fields(self) -> ComposeResult:
        """The fields the step's kind uses."""
        step, move = self.step, self.move
        assert step is not None and move is not None
        where = f"step[{self.number}]"
        for key in step.fields:
            if key == "phases":
                yield from self._phases(step, where)
            elif key == "sides":
                sides = Choice(self._sides(move), step.sides)
                yield Field("Sides", sides, f"{where}.sides", step)
            else:
                value = step.values.get(key, "")
                placeholder = self.defaults.get(key, "")
                yield text_field(LABELS[key], f"{where}.{key}", value, placeholder, step)

    def _phases(self, step: StepDraft, where: str) -> ComposeResult:
        for index, phase in enumerate(step.phases, start=1):
            place = f"{where}.phases[{index}]"
            yield text_field(f"Phase {index} cue", f"{place}.cue", phase.cue, "what to do", step)
            yield text_field("  seconds", f"{place}.seconds", phase.seconds, "", step)
        yield Field("Phases", _PhaseButtons(), f"{where}.phases", step)

    @staticmethod
    def _sides(move: Exercise) -> list[tuple[str, str]]:
        return [("", f"default ({move.sides})"), *((side, side) for side in SIDES)]

    def show_problems(self, messages: list[str]) -> None:
        """What is wrong with the step as a whole."""
        self.query_one("#step-problems", Static).update(
            "\n".join(f"[b $error]⚠ {escape(message)}[/]" for message in messages)
        )


class _StepFields(Vertical):
    """The fields below the step's kind: rebuilt alone when the kind changes."""

    DEFAULT_CSS = """
    _StepFields {
        height: auto;
    }
    """

    def __init__(self, fields: Callable[[], ComposeResult]) -> None:
        super().__init__()
        self._fields = fields

    def compose(self) -> ComposeResult:
        yield from self._fields()


class _PhaseButtons(Horizontal):
    """Add a phase at the end, or take the last one away."""

    DEFAULT_CSS = """
    _PhaseButtons {
        height: 1;
        width: 1fr;
    }
    _PhaseButtons Button {
        margin-right: 2;
        min-width: 10;
    }
    """

    def compose(self) -> ComposeResult:
        yield Button("+ phase", id="add-phase", compact=True)
        yield Button("− phase", id="drop-phase", compact=True)
