"""The routine builder's draft: typed text checked with the words `backtimer validate` uses."""

from __future__ import annotations

import pytest

from backtimer.domain.parsing.problems import Problem
from backtimer.domain.routines.draft import (
    Checked,
    MoveDraft,
    PhaseDraft,
    RoutineDraft,
    StepDraft,
    check,
    check_move,
    field_for,
    propose_id,
)
from backtimer.storage import library

MOVES = library.exercises()


def draft(*steps: StepDraft) -> RoutineDraft:
    return RoutineDraft(name="Mine", steps=list(steps))


def problems(checked: Checked) -> list[str]:
    return [str(problem) for problem in checked.problems]


@pytest.mark.parametrize("entry", library.builtin_routines(), ids=lambda e: e.id)
def test_a_routine_opened_in_the_builder_checks_back_to_itself(entry: library.RoutineEntry) -> None:
    assert entry.routine is not None
    assert check(RoutineDraft.from_routine(entry.routine), MOVES).routine == entry.routine


def test_a_valid_draft_becomes_a_routine_with_only_its_kinds_fields() -> None:
    step = StepDraft("cat-cow", "tempo", {"reps": "5", "tempo": "3", "hold": "9"})
    routine = check(draft(step), MOVES).routine
    assert routine is not None
    assert (routine.step[0].kind, routine.step[0].hold) == ("tempo", None)
    step.kind = "hold"  # the hold typed earlier comes back
    routine = check(draft(step), MOVES).routine
    assert routine is not None and routine.step[0].hold == 9


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"reps": "5", "tempo": "-5"}, "step[1].tempo: must be at least 1 second (got -5)"),
        ({"reps": "1o", "tempo": "3"}, "step[1].reps: must be a whole number (got '1o')"),
        ({"reps": "5", "tempo": "3", "sets": "51"}, "step[1].sets: must be at most 50 (got 51)"),
        ({"reps": "5"}, "step[1].tempo: is required"),
    ],
)
def test_mistakes_read_as_validate_says_them(values: dict[str, str], expected: str) -> None:
    assert problems(check(draft(StepDraft("cat-cow", "tempo", values)), MOVES)) == [expected]


def test_the_routine_wide_fields_and_an_empty_routine() -> None:
    empty = RoutineDraft(name=" ", tags="a, " + "x" * 31, values={"lead_in": "soon"})
    assert problems(check(empty, MOVES)) == [
        "name: must not be empty",
        "tags[2]: must be at most 30 characters (got 31)",
        "lead_in: must be a whole number (got 'soon')",
        "step: needs at least 1 entry",
    ]


def test_phases_need_a_cue_and_seconds_each() -> None:
    step = StepDraft("cat-cow", "phases", {"reps": "4"}, phases=[PhaseDraft("", ""), PhaseDraft()])
    found = problems(check(draft(step), MOVES))
    assert "step[1].phases[1].cue: must not be empty" in found
    assert "step[1].phases[2].seconds: is required" in found
    step.phases = []
    assert problems(check(draft(step), MOVES)) == ["step[1].phases: needs at least 1 entry"]


def test_each_problem_finds_its_field() -> None:
    fields = {"name", "tags", "step[2].sides", "step[2].reps", "step[2]", "step"}
    assert field_for(Problem("tags[2]", "too long"), fields) == "tags"
    assert field_for(Problem("step[2].reps", "x"), fields) == "step[2].reps"
    sides = Problem("step[2]", 'sides = "alternate-reps" needs reps; timed work has none')
    assert field_for(sides, fields) == "step[2].sides"
    assert field_for(Problem("step[2].hold", "x"), fields) == "step[2]"
    assert field_for(Problem("exercise[1].id", "x"), fields) == ""


def test_ids_are_proposed_from_names_and_never_taken() -> None:
    assert propose_id("Evening unwind!", set()) == "evening-unwind"
    assert propose_id("Étirements du soir", set()) == "etirements-du-soir"
    assert propose_id("Desk reset", {"desk-reset", "desk-reset-2"}) == "desk-reset-3"
    assert propose_id("???", set()) == "my-routine"


def test_a_move_of_ones_own_is_checked_before_it_is_added() -> None:
    move = MoveDraft(name="Dead bug", id="dead-bug", muscles="core, abs", cues="Flat back\n\nSlow")
    made, found = check_move(move, MOVES, set())
    assert made is not None and not found
    assert (made.muscles, made.cues) == (["core", "abs"], ["Flat back", "Slow"])
    assert check_move(move, MOVES, {"dead-bug"})[1][0].where == "id"
    clash = MoveDraft(name="Cat", id="cat-cow")
    assert "is a catalogue move" in check_move(clash, MOVES, set())[1][0].message
    (bad,) = check_move(MoveDraft(name="", id="x"), MOVES, set())[1]
    assert str(bad) == "name: must not be empty"


def test_fields_are_read_and_written_by_their_place() -> None:
    entry = library.find_routine("eight-contenders")
    assert entry.routine is not None
    typed = RoutineDraft.from_routine(entry.routine)
    assert typed.value_at("name") == "Eight contenders"
    assert typed.value_at("step[2].phases[1].seconds") == "3"
    assert typed.value_at("step[4].sides") == ""  # the move's own
    typed.set("step[2].phases[1].seconds", "4")
    typed.set("lead_in", "7")
    typed.set("step[1].kind", "self-paced")
    routine = check(typed, MOVES).routine
    assert routine is not None
    assert (routine.step[1].phases or [])[0].seconds == 4
    assert (routine.lead_in, routine.step[0].kind, routine.step[0].tempo) == (7, "self-paced", None)


def test_the_defaults_the_builder_and_the_timer_use_are_the_routine_formats() -> None:
    """One home for the defaults (lead-in 5 s, rests 15 and 30 s, side switch 5 s, 2 s
    between holds): the model's fields; the builder's placeholders, the step lines and
    the timeline read them from there."""
    from backtimer.domain.routines.describe import describe_step
    from backtimer.domain.routines.routine import RELEASE_SECONDS, Routine, Step, routine_default
    from backtimer.domain.routines.timeline import compile_timeline

    defaults = {
        key: routine_default(key)
        for key in ("lead_in", "rest_between_steps", "rest_between_sets", "side_switch")
    }
    assert defaults == {
        "lead_in": 5,
        "rest_between_steps": 15,
        "rest_between_sets": 30,
        "side_switch": 5,
    }
    assert RELEASE_SECONDS == 2
    routine = Routine.model_validate(
        {
            "format": 1,
            "name": "X",
            "step": [{"exercise": "cat-cow", "hold": 5, "reps": 2, "sets": 2}],
        }
    )
    assert {key: getattr(routine, key) for key in defaults} == defaults
    draft = RoutineDraft.from_routine(routine)
    shown = draft.placeholders(draft.steps[0])
    assert (shown["release"], shown["rest"]) == ("2", "30 (routine)")
    assert shown["rest_after"] == "15 (routine)"
    move = library.exercises()["cat-cow"]
    step = Step(exercise="cat-cow", hold=5, reps=2, sets=2)
    assert (
        describe_step(step, move) == "2 sets of 2 holds of 5 s, 2 s between, 30 s rest between sets"
    )
    segments = compile_timeline(routine, library.exercises()).segments
    assert {s.seconds for s in segments if s.kind == "release"} == {RELEASE_SECONDS}
    assert segments[0].kind == "get-ready" and segments[0].seconds == 5
