"""Saving the user's routines: atomic, private, and never over another routine unasked."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from backtimer.storage import library
from backtimer.storage.routine_files import (
    RoutineExists,
    SaveRefused,
    backup_path,
    delete_routine,
    save_routine,
)

TEXT = 'format = 1\nname = "Mine"\n\n[[step]]\nexercise = "cat-cow"\nreps = 5\n'
HAND = "# my notes\n" + TEXT


def test_a_new_routine_is_saved_private_and_found(home: Path) -> None:
    path = save_routine("mine", TEXT)
    assert path == home / "routines" / "mine.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert library.find_routine("mine").name == "Mine"


def test_another_routine_with_the_id_is_never_replaced_unasked() -> None:
    save_routine("mine", HAND)
    with pytest.raises(RoutineExists, match=r"routines/mine.toml exists already"):
        save_routine("mine", TEXT)
    assert library.find_routine("mine").text == HAND
    save_routine("mine", TEXT, force=True)
    assert library.find_routine("mine").text == TEXT


def test_the_opened_file_is_replaced_only_while_unchanged() -> None:
    save_routine("mine", HAND)
    save_routine("mine", TEXT, replacing=HAND)
    with pytest.raises(SaveRefused, match="changed by something else"):
        save_routine("mine", TEXT.replace("5", "6"), replacing=HAND)
    assert library.find_routine("mine").text == TEXT


def test_a_hand_written_file_is_kept_beside_when_asked() -> None:
    save_routine("mine", HAND)
    save_routine("mine", TEXT, replacing=HAND, backup=True)
    assert backup_path("mine").read_text() == HAND
    assert [entry.id for entry in library.all_routines() if entry.source == "user"] == ["mine"]


@pytest.mark.parametrize(("bad", "why"), [("desk-reset", "built-in"), ("My one", "cannot be")])
def test_ids_that_cannot_be_saved(bad: str, why: str, home: Path) -> None:
    with pytest.raises(SaveRefused, match=why):
        save_routine(bad, TEXT)
    assert not (home / "routines" / f"{bad}.toml").exists()


def test_delete() -> None:
    save_routine("mine", TEXT)
    delete_routine("mine")
    assert [entry.source for entry in library.all_routines()] == ["built-in"] * 6
    delete_routine("mine")  # already gone: nothing to do
