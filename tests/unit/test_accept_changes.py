"""Accepted suggestions on disk: the value changed in place, a built-in's copy, the programme
slots that follow it, and the sessions that still count for them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from backtimer.domain.coaching.progression import StepAdvice
from backtimer.domain.history.digest import digest
from backtimer.domain.programmes.standing import standing
from backtimer.domain.routines.ladder import Grow, Notch
from backtimer.domain.routines.routine import Routine, Step, parse_routine
from backtimer.domain.routines.routine_edit import edit_routine
from backtimer.domain.routines.routine_toml import routine_version
from backtimer.storage import library, progression
from backtimer.storage.programmes import all_programmes, load_state, start_programme
from backtimer.storage.routine_files import SaveRefused, open_for_building
from tests.progress_histories import durability, session_of

MOVES = library.exercises()
HAND_WRITTEN = """\
format = 1
name = "Evening"   # mine
lead_in = 5

# warm up first
[[step]]
exercise = "cat-cow"
reps = 10          # slow ones
tempo = 3

[[step]]
exercise = "suitcase-carry"
work = 45
sides = "alternate-sets"
"""


def grown(routine: Routine, index: int, **changes: int) -> StepAdvice:
    """Advice that grows one field of step ``index`` (from 0) of ``routine``."""
    before = routine.step[index]
    after = before.model_copy(update=changes)
    grows: dict[str, Grow] = {"work": "work", "hold": "hold", "reps": "reps", "sets": "sets"}
    (field,) = changes
    notch = Notch(before, after, grows[field])
    return StepAdvice(index + 1, before, "progress", ("good",), notch)


def entry_of(home: Path, routine_id: str, text: str) -> library.RoutineEntry:
    (home / "routines").mkdir(parents=True, exist_ok=True)
    path = home / "routines" / f"{routine_id}.toml"
    path.write_text(text)
    return library.read_routine(path)


def test_a_value_is_changed_on_its_own_line_keeping_comments() -> None:
    routine = parse_routine(HAND_WRITTEN, MOVES, "evening.toml")
    steps = {0: routine.step[0].model_copy(update={"reps": 12})}
    steps[1] = routine.step[1].model_copy(update={"sets": 2})  # a key not written: added
    edited = edit_routine(HAND_WRITTEN, routine, steps, MOVES)
    assert edited is not None
    assert "reps = 12          # slow ones" in edited and "# warm up first" in edited
    assert 'exercise = "suitcase-carry"\nsets = 2\nwork = 45' in edited
    assert parse_routine(edited, MOVES, "x").step == [steps[0], steps[1]]


def test_a_file_that_cannot_be_changed_in_place_says_so() -> None:
    inline = 'format = 1\nname = "x"\nstep = [{ exercise = "cat-cow", reps = 10, tempo = 3 }]\n'
    routine = parse_routine(inline, MOVES, "x.toml")
    assert (
        edit_routine(inline, routine, {0: Step(exercise="cat-cow", reps=12, tempo=3)}, MOVES)
        is None
    )


def test_accepting_on_a_routine_of_ones_own_changes_its_file(home: Path) -> None:
    entry = entry_of(home, "evening", HAND_WRITTEN)
    assert entry.routine is not None
    saved = progression.accept(entry, [grown(entry.routine, 0, reps=12)])
    assert (saved.routine_id, saved.copy_of, saved.rewritten) == ("evening", None, False)
    assert "reps = 12          # slow ones" in saved.path.read_text()
    assert not (home / "routines" / "evening.toml.bak").exists()


def test_a_file_that_cannot_be_edited_in_place_is_rewritten_and_kept_as_bak(home: Path) -> None:
    text = 'format = 1\nname = "x"\nstep = [{ exercise = "cat-cow", reps = 10, tempo = 3 }]\n'
    entry = entry_of(home, "inline", text)
    assert entry.routine is not None
    saved = progression.accept(entry, [grown(entry.routine, 0, reps=12)])
    assert saved.rewritten and (home / "routines" / "inline.toml.bak").read_text() == text
    assert "reps = 12" in saved.path.read_text()


def test_a_file_changed_since_it_was_read_is_not_overwritten(home: Path) -> None:
    entry = entry_of(home, "evening", HAND_WRITTEN)
    assert entry.routine is not None
    (home / "routines" / "evening.toml").write_text(HAND_WRITTEN.replace("10", "14"))
    with pytest.raises(SaveRefused, match="changed by something else"):
        progression.accept(entry, [grown(entry.routine, 0, reps=12)])


def test_a_routine_file_elsewhere_is_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.toml"
    path.write_text(HAND_WRITTEN)
    entry = library.read_routine(path)
    assert entry.routine is not None and not progression.can_change(entry)
    with pytest.raises(SaveRefused, match="import it first"):
        progression.accept(entry, [grown(entry.routine, 0, reps=12)])


def builtin() -> library.RoutineEntry:
    return next(e for e in library.builtin_routines() if e.id == "back-durability")


def test_a_builtin_gets_a_copy_that_programme_slots_follow(home: Path) -> None:
    today = date(2026, 11, 24)
    start_programme("back-durability-6wk", today)
    base = durability()
    saved = progression.accept(builtin(), [grown(base, 0, work=60)])
    assert (saved.routine_id, saved.copy_of) == ("my-back-durability", "back-durability")
    assert load_state()[0].copies == {"back-durability": "my-back-durability"}
    (program,) = [e.program for e in all_programmes() if e.id == "back-durability-6wk"]
    assert program is not None and program.slot[0].routine == "my-back-durability"
    # A session of the built-in done earlier today still fills today's slot.
    morning = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    sessions = [digest(session_of(base, morning, 2, 2))]
    routine_ids = {e.id for e in library.all_routines()}
    state, problems = load_state()
    later = morning + timedelta(hours=2)
    found = standing(state, problems, sessions, later, UTC, all_programmes(), routine_ids)
    assert found.progress is not None and found.progress.today_slots[0].done

    # The next change to the built-in goes into the same copy, while the copy fits it.
    again = progression.accept(builtin(), [grown(base, 1, reps=9)])
    assert again.routine_id == "my-back-durability"
    copy = library.read_routine(again.path).routine
    assert copy is not None and (copy.step[0].work, copy.step[1].reps) == (60, 9)
    # A change from the built-in's 45 s no longer fits the copy's 60 s: a second copy.
    third = progression.accept(builtin(), [grown(base, 0, work=60)])
    assert third.routine_id == "my-back-durability-2"
    assert load_state()[0].copies == {"back-durability": "my-back-durability-2"}


def test_the_copys_advice_counts_the_builtins_sessions(home: Path) -> None:
    base = durability()
    progression.accept(builtin(), [grown(base, 0, work=60)])
    copy = next(e for e in library.all_routines() if e.id == "my-back-durability")
    now = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    sessions = [
        digest(session_of(base, now - timedelta(days=d), 2, 2, next_morning=2)) for d in (10, 8, 6)
    ]
    advice = progression.advise_on(copy, sessions, now, UTC)
    assert [item.verdict for item in advice] == ["hold"] * 4
    assert advice[0].reasons == ("no session at this dose yet",)  # 60 s is new
    # The built-in's three good days count for the other steps, which wait for the carry's
    # new dose to be tried first.
    assert advice[1].reasons == (
        "waits until the last change, Suitcase carry, has been done and the morning after"
        " rated: one change at a time",
    )


def test_the_version_changes_with_the_steps_not_with_the_comments() -> None:
    routine = parse_routine(HAND_WRITTEN, MOVES, "evening.toml")
    same = parse_routine(HAND_WRITTEN.replace("# mine", "# my own"), MOVES, "evening.toml")
    assert routine_version(routine) == routine_version(same)
    longer = parse_routine(HAND_WRITTEN.replace("work = 45", "work = 60"), MOVES, "e.toml")
    assert routine_version(routine) != routine_version(longer)


def test_a_second_copy_of_a_builtin_gets_a_name_of_its_own(home: Path) -> None:
    base = durability()
    progression.accept(builtin(), [grown(base, 0, work=60)])
    # A change from the built-in's 45 s does not fit the copy's 60 s: a second copy,
    # never a second "Back durability (mine)".
    second = progression.accept(builtin(), [grown(base, 0, work=60)])
    names = {e.id: e.name for e in library.all_routines() if e.source == "user"}
    assert names == {
        "my-back-durability": "Back durability (mine)",
        second.routine_id: "Back durability (mine 2)",
    }


def test_the_builders_copy_is_the_one_programmes_run_and_suggestions_go_into(home: Path) -> None:
    opened = open_for_building(builtin(), {e.id for e in library.all_routines()})
    assert (opened.routine_id, opened.draft.name) == (
        "my-back-durability",
        "Back durability (mine)",
    )
    assert opened.copy_of == "back-durability"
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "my-back-durability.toml").write_text(
        builtin().text.replace('name = "Back durability"', 'name = "Back durability (mine)"')
    )
    progression.adopt_copy("back-durability", "my-back-durability")
    assert load_state()[0].copies == {"back-durability": "my-back-durability"}
    saved = progression.accept(builtin(), [grown(durability(), 1, reps=9)])
    assert saved.routine_id == "my-back-durability"
    assert [e.id for e in library.all_routines() if e.source == "user"] == ["my-back-durability"]
    # A copy made later in the builder is named apart and leaves the programmes as they are.
    taken = {e.id for e in library.all_routines()}
    names = {e.name for e in library.all_routines()}
    again = open_for_building(builtin(), taken, names)
    assert (again.routine_id, again.draft.name) == (
        "my-back-durability-2",
        "Back durability (mine 2)",
    )
    progression.adopt_copy("back-durability", "my-back-durability-2")
    assert load_state()[0].copies == {"back-durability": "my-back-durability"}


def test_a_copy_the_builder_made_before_copies_were_remembered_takes_the_suggestions(
    home: Path,
) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "my-back-durability.toml").write_text(
        builtin().text.replace('name = "Back durability"', 'name = "Back durability (mine)"')
    )
    saved = progression.accept(builtin(), [grown(durability(), 1, reps=9)])
    assert saved.routine_id == "my-back-durability"  # not a my-back-durability-2
    assert load_state()[0].copies == {"back-durability": "my-back-durability"}
