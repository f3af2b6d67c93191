"""Every key a footer shows has its line in the keys reference (docs/reference/keys.md).

The footers (and the command palette, built from the same bindings) show each
screen's bindings that have words and are not hidden. Each of backtimer's classes
with such bindings has a table in the page (`TABLES`): there, a row whose first
cell names one of the binding's keys and whose second cell has the footer's words.
A screen added with keys of its own fails here until the page has its table.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import backtimer.tui

PAGE = Path(__file__).parents[2] / "docs" / "reference" / "keys.md"

TABLES: dict[str, tuple[str, ...]] = {
    "BacktimerApp": ("## Everywhere",),
    "PickerScreen": ("## In the picker",),
    "FilterInput": ("## In the picker",),
    "ChoiceList": ("## In the picker", "## In the pain guide", "## In the programmes"),
    "RoutineCard": ("A routine shown from the palette",),
    "WorkoutScreen": ("## In a workout",),
    "PainQuestion": ("**How much does your back hurt?**",),
    "SoreDay": ("**Pain of 7 or more**",),
    "SummaryScreen": ("**The summary**",),
    "NextTimeScreen": ("**A change for next time**",),
    "MorningQuestion": ("**How is your back this morning?**",),
    "Confirm": ("**A yes-or-no question**",),
    "BuilderScreen": ("## In the builder",),
    "MovePicker": ("**Adding a step**",),
    "MoveEditor": ("**A move of your own**",),
    "HistoryScreen": ("## In the history",),
    "GuideScreen": ("## In the pain guide",),
    "ProgrammesScreen": ("## In the programmes",),
    "SettingsScreen": ("## In the settings",),
    "HelpScreen": ("The keys screen",),
    "RedFlagsScreen": ("The warning signs",),
    "NotSavedScreen": ("## When a session could not be saved",),
}
"""Each class with keys in a footer, and where in the page its table starts."""

NAMES = {
    "question_mark": "?",
    "escape": "Escape",
    "enter": "Enter",
    "delete": "Delete",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "ctrl+up": "ctrl+↑",
    "ctrl+down": "ctrl+↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
}
"""A key as Textual names it, as the page writes it (F-keys as F1, the rest as they are)."""


def shown_bindings() -> dict[str, list[Binding]]:
    """backtimer's classes and the bindings each adds that a footer shows."""
    for module in pkgutil.walk_packages(backtimer.tui.__path__, "backtimer.tui."):
        importlib.import_module(module.name)
    found: dict[str, list[Binding]] = {}
    for cls in _subclasses(DOMNode):
        if not cls.__module__.startswith("backtimer."):
            continue
        own = [
            binding
            for binding in cls.__dict__.get("BINDINGS", [])
            if isinstance(binding, Binding) and binding.show and binding.description
        ]
        if own:
            found[cls.__name__] = own
    return found


def _subclasses(cls: type) -> set[type]:
    direct: set[type] = set(cls.__subclasses__())
    return direct.union(*(_subclasses(sub) for sub in direct))


def table_after(marker: str) -> list[tuple[str, str]]:
    """The (keys, footer words) of each row of the first table after ``marker``."""
    text = PAGE.read_text()
    rest = text[text.index(marker) :]
    table = re.search(r"^\|.*?(?=\n\n|\n<!--|\Z)", rest, re.M | re.S)
    assert table is not None, marker
    rows = [row.split("|")[1:3] for row in table.group(0).splitlines()[2:]]
    return [(keys.strip(), words.strip()) for keys, words in rows]


def key_words(cell: str) -> set[str]:
    return set(re.split(r"\s*(?:,|\bor\b|\s)\s*", cell.replace("`", ""))) - {""}


SHOWN = shown_bindings()


def test_every_class_with_keys_in_a_footer_has_a_table_in_the_page() -> None:
    assert sorted(SHOWN) == sorted(TABLES)


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_every_key_a_footer_shows_has_its_row(name: str) -> None:
    for marker in TABLES.get(name, ()):
        rows = table_after(marker)
        for binding in SHOWN[name]:
            keys = {
                NAMES.get(key, key.upper() if re.fullmatch(r"f\d+", key) else key)
                for key in binding.key.split(",")
            }
            matching = [words for cell, words in rows if keys & key_words(cell)]
            assert matching, f"{marker}: no row for {binding.key}"
            assert any(binding.description in words.split(", ") for words in matching), (
                f"{marker}: {binding.key} is '{binding.description}' in the footer"
            )
