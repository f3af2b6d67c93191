"""Opening the screens that write routines, from the picker's keys and the palette alike.

The pain guide (F4), a new routine (ctrl+n) and the builder on a routine (ctrl+e,
or "Edit ..." in the palette): a built-in routine opens as the person's copy, or,
when they have a copy of it already, that copy if they choose it (one copy, not
two). When the builder or the guide closes, the picker reads the routines again:
either may have saved one.

The screens are imported when they are first shown, not at launch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backtimer.storage.library import RoutineEntry

if TYPE_CHECKING:
    from backtimer.tui.app import BacktimerApp


def guide(app: BacktimerApp) -> None:
    """The pain guide: from where it hurts to a routine for it."""
    from backtimer.tui.screens.guide import GuideScreen

    app.push_screen(GuideScreen(), lambda _: _reload(app))


def edit_highlighted(app: BacktimerApp) -> None:
    """Edit the routine highlighted in the picker."""
    entry = app.picker.selected()
    if entry is None:
        app.notify("No routine is highlighted; nothing to edit.", severity="warning")
    else:
        edit(app, entry)


def edit(app: BacktimerApp, entry: RoutineEntry) -> None:
    """Open a routine in the builder, asking which one when the person has a copy of it."""
    from backtimer.storage.progression import own_copy
    from backtimer.tui.screens.routine_questions import copy_question

    if not entry.ok:
        app.notify(f"{entry.path} does not load; nothing to edit.", severity="warning")
        return
    copy = own_copy(entry, app.picker.entries) if entry.source == "built-in" else None
    if copy is None:
        build(app, entry)
        return

    def answered(mine: bool | None) -> None:
        if mine is not None:
            build(app, copy if mine else entry)

    app.push_screen(copy_question(entry, copy), answered)


def build(app: BacktimerApp, entry: RoutineEntry | None) -> None:
    """The builder on ``entry`` (None: a new routine), at once: the keys typed next are
    its. A new routine's id and a copy's name are none of the picker's."""
    from backtimer.tui.screens.builder import BuilderScreen

    listed = app.picker.entries
    ids, names = {e.id for e in listed}, {e.name for e in listed if e.ok}
    app.push_screen(BuilderScreen(entry, ids, names), lambda _: _reload(app))


def _reload(app: BacktimerApp) -> None:
    app.picker.load_routines()
