"""The picker's filter and the settings' get-ready, as domain rules: no app needed."""

from __future__ import annotations

from pathlib import Path

from backtimer.domain.routines.search import matches, ranked
from backtimer.domain.routines.settings import Settings
from backtimer.storage import library
from backtimer.storage.found_files import is_programme_file


def test_every_word_is_found_in_the_name_id_tags_moves_muscles_or_equipment() -> None:
    durability = library.find_routine("back-durability")
    assert matches(durability, "")
    assert matches(durability, "DURAB")  # the name, in any case
    assert matches(durability, "back-durability")  # the id
    assert matches(durability, "suitcase")  # a move
    assert matches(durability, "band glute")  # equipment and a muscle, in any order
    assert not matches(durability, "durab tfl")  # every word must be found
    broken = library.RoutineEntry("broken", "user", "broken.toml")
    assert matches(broken, "brok") and not matches(broken, "suitcase")


def test_the_get_ready_of_the_settings_replaces_the_routines_own() -> None:
    routine = library.find_routine("desk-reset").routine
    assert routine is not None
    assert Settings().applied_to(routine) is routine
    assert Settings(lead_in=12).applied_to(routine).lead_in == 12
    assert Settings(lead_in=0).applied_to(routine).lead_in == 0
    assert routine.lead_in != 12  # the routine itself is left as it was


def test_a_programme_file_is_told_from_a_routine_by_its_lines(tmp_path: Path) -> None:
    programme = tmp_path / "plan.toml"
    programme.write_text('format = 1\nname = "Plan"\nweeks = 2\n[[slot]]\nroutine = "x"\n')
    routine = tmp_path / "mine.toml"
    routine.write_text('format = 1\nname = "Mine"\n[[step]]\nexercise = "cat-cow"\n')
    assert is_programme_file(programme) and not is_programme_file(routine)
    assert not is_programme_file(tmp_path)  # a folder: the routine check says what is wrong


def test_descriptions_are_searched_and_the_best_match_comes_first() -> None:
    entries = library.builtin_routines()

    def found(query: str) -> list[str]:
        return [entry.id for entry in ranked(entries, query)]

    hips = found("hips")  # the timer page's own example: in four descriptions ("…glutes and hips")
    assert {"back-durability", "desk-reset", "flexible-back-evening"} <= set(hips)
    assert found("back pain") == ["culprit-massage"]  # "…that most often cause lower-back pain"
    assert found("hips massage")[0] == "culprit-massage"  # a massage at the front of the hip
    # A word in the name counts for more than the same word in a description.
    assert found("evening")[0] == "flexible-back-evening"
    assert found("morning")[0] == "flexible-back-morning"  # before the good mornings' routines
