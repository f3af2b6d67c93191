"""A new routine in the builder: the name is where typing goes, plainly; an emptied id
is made from the name again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Label

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.widgets.field import Field
from tests.tui.helpers import routines_listed, until

Make = Callable[..., BacktimerApp]


def field(app: BacktimerApp, place: str) -> Field:
    return next(f for f in app.screen.query(Field) if f.place == place)


def border(field: Field) -> str:
    """The kind of line beside a field, on its left."""
    return str(field.styles.border_left[0])


async def test_a_new_routine_opens_in_its_name_and_the_focus_can_be_seen(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, BuilderScreen))
        await pilot.pause()
        name, routine_id = field(app, "name"), field(app, "id")
        assert app.focused is name.editor
        # Seen from a step back: the field with the focus has a bar beside it and a bold,
        # coloured label; the others have neither.
        assert border(name) == "thick" and border(routine_id) in ("", "blank", "none")
        name_label = name.query_one(".field-label", Label)
        id_label = routine_id.query_one(".field-label", Label)
        assert name_label.styles.text_style.bold and not id_label.styles.text_style.bold
        assert name_label.styles.color != id_label.styles.color
        await pilot.press("tab")
        assert app.focused is routine_id.editor
        assert border(routine_id) == "thick" and border(name) != "thick"


async def test_an_emptied_id_takes_the_one_made_from_the_name(make_app: Make, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("ctrl+n", *"Hips", "tab")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BuilderScreen) and screen.routine_id == "hips"
        editor = field(app, "id").editor
        assert isinstance(editor, Input)
        await pilot.press("ctrl+u")  # everything before the cursor, gone
        await pilot.pause()
        assert editor.value == ""
        assert screen.routine_id == "hips" and screen.id_problems == []
        assert not field(app, "id").has_class("-invalid")  # no "(got '')"
        assert editor.placeholder.startswith("hips")
        await pilot.press("shift+tab", "end", "space", *"after", "space", *"work")
        await pilot.pause()
        assert screen.routine_id == "hips-after-work"  # it follows the name again
        assert editor.placeholder.startswith("hips-after-work")
