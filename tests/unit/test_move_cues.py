"""What each segment shows: form points in turn, hold and release cues, sides in its own words."""

from __future__ import annotations

from backtimer.domain.routines.describe import upcoming
from backtimer.domain.routines.draft import RoutineDraft
from backtimer.domain.routines.routine import Routine, parse_routine
from backtimer.domain.routines.routine_toml import routine_toml
from backtimer.domain.routines.timeline import Segment, compile_timeline
from backtimer.storage import library

ARTICLE_MOVES = (
    "elephant-walk",
    "cat-cow",
    "pelvic-tilt",
    "seated-good-morning",
    "suitcase-carry",
    "banded-glute-bridge",
    "atg-split-squat",
    "seated-piriformis-stretch",
)


def parse(text: str) -> Routine:
    return parse_routine(text, library.exercises(), "test.toml")


def segments(text: str) -> list[Segment]:
    return list(compile_timeline(parse(text), library.exercises()).segments)


def test_each_rep_shows_the_next_form_point_not_the_set_up_line() -> None:
    squat = library.catalogue().exercises["atg-split-squat"]
    reps = segments(
        'format = 1\nname = "S"\n[[step]]\nexercise = "atg-split-squat"\nreps = 6\ntempo = 4\n'
    )
    left = [s.cue for s in reps if s.kind == "rep" and s.side == "left"]
    assert squat.cues[0] not in left  # "one foot forward, one back" is for the get-ready
    points = squat.form_points
    assert len(points) >= 3
    assert left == [points[rep % len(points)] for rep in range(6)]


def test_timed_sets_take_the_form_points_in_turn_after_the_steps_own_cue() -> None:
    carry = segments(
        'format = 1\nname = "C"\n[[step]]\nexercise = "suitcase-carry"\nsets = 3\nwork = 45\n'
        'cue = "Use the lighter weight today."\n'
    )
    work = [s.cue for s in carry if s.kind == "work"]
    points = library.catalogue().exercises["suitcase-carry"].form_points
    assert work == ["Use the lighter weight today.", points[0], points[1]]


def test_holds_and_releases_show_the_moves_own_cues() -> None:
    bridge = library.catalogue().exercises["banded-glute-bridge"]
    shown = segments(
        'format = 1\nname = "B"\n[[step]]\nexercise = "banded-glute-bridge"\nreps = 3\nhold = 5\n'
    )
    assert [s.cue for s in shown if s.kind == "hold"] == [bridge.hold_cue] * 3
    assert [s.cue for s in shown if s.kind == "release"] == [bridge.release_cue] * 2


def test_a_side_switch_names_the_side_in_the_moves_own_words() -> None:
    stretch = segments(
        'format = 1\nname = "P"\n[[step]]\nexercise = "seated-piriformis-stretch"\nhold = 20\n'
    )
    switch = next(s for s in stretch if s.kind == "switch")
    assert switch.cue == "Switch: right ankle over the left knee"
    holds = [s for s in stretch if s.kind == "hold"]
    assert [s.side_words for s in holds] == [
        "left ankle over the right knee",
        "right ankle over the left knee",
    ]


def test_every_article_move_has_what_the_screen_and_the_voice_need() -> None:
    moves = library.catalogue().exercises
    for move_id in ARTICLE_MOVES:
        move = moves[move_id]
        assert move.rep_cues and move.cues[0] not in move.rep_cues, move_id
        assert all(len(cue) <= 45 for cue in move.rep_cues), move_id  # read from the mat
        if move.per_side:
            assert move.left_side and move.right_side, move_id
            assert "left" in move.left_side and "right" in move.right_side
        if move.default_step().kind == "hold":
            assert move.hold_cue and move.release_cue, move_id


def test_a_move_without_the_new_cues_falls_back_to_plain_words() -> None:
    own = (
        'format = 1\nname = "Own"\n[[step]]\nexercise = "plank"\nhold = 20\nreps = 2\n'
        '[[step]]\nexercise = "lunge"\nreps = 2\nsides = "each"\ntempo = 3\n'
        '[[exercise]]\nid = "plank"\nname = "Side plank"\nsides = "each"\n'
        '[[exercise]]\nid = "lunge"\nname = "Lunge"\ncues = ["Step forward and sink."]\n'
    )
    shown = segments(own)
    assert {s.cue for s in shown if s.kind == "hold"} == {"Hold it there"}
    assert {s.cue for s in shown if s.kind == "release"} == {"Let go and breathe"}
    assert next(s for s in shown if s.kind == "switch").cue == "Switch: right side"
    assert {s.cue for s in shown if s.kind == "rep"} == {"Step forward and sink."}
    assert {s.side_words for s in shown if s.kind == "rep"} == {"left side", "right side"}


def test_a_users_own_move_may_give_every_cue_and_keeps_them_when_written_out() -> None:
    text = (
        'format = 1\nname = "Own"\n[[step]]\nexercise = "side-plank"\nhold = 20\n'
        '[[exercise]]\nid = "side-plank"\nname = "Side plank"\nsides = "each"\n'
        'cues = ["On one elbow, feet stacked."]\n'
        'rep_cues = ["Hips high", "Long line from head to heel"]\n'
        'hold_cue = "Lift the hips and hold"\nrelease_cue = "Release: hips down"\n'
        'left_side = "left elbow down"\nright_side = "right elbow down"\n'
        'safety = "Stop if the shoulder hurts."\nskip_if = "your shoulder is sore"\n'
    )
    routine = parse(text)
    assert parse(routine_toml(routine)) == routine
    data, problems = RoutineDraft.from_routine(routine).data()  # opened in the builder
    assert not problems and Routine.model_validate(data) == routine
    shown = segments(text)
    assert [s.cue for s in shown if s.kind == "hold"] == ["Lift the hips and hold"] * 2
    assert next(s for s in shown if s.kind == "switch").cue == "Switch: right elbow down"
    assert {s.exercise.safety for s in shown} == {"Stop if the shoulder hurts."}


def test_up_next_names_the_side_in_the_moves_own_words() -> None:
    shown = segments(
        'format = 1\nname = "C"\n[[step]]\nexercise = "suitcase-carry"\nsets = 2\nwork = 45\n'
        '[[step]]\nexercise = "seated-piriformis-stretch"\nhold = 20\n'
    )
    rest = next(s for s in shown if s.kind == "rest" and s.set == 2)
    assert upcoming(shown, rest.index) == "Set 2 of 2 · weight in the right hand"
    left_hold = next(s for s in shown if s.kind == "hold")
    assert upcoming(shown, left_hold.index) == (
        "Switch sides 5 s, then right ankle over the left knee"
    )
