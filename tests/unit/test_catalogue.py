"""The catalogue keeps the article's moves, muscles and figures."""

from __future__ import annotations

from backtimer.storage import library, locations

ARTICLE_MOVES = {
    "elephant-walk",
    "cat-cow",
    "pelvic-tilt",
    "seated-good-morning",
    "suitcase-carry",
    "banded-glute-bridge",
    "atg-split-squat",
    "seated-piriformis-stretch",
}
CULPRITS = {"ql", "iliacus", "glute-med", "psoas", "piriformis", "tfl"}


def test_the_eight_moves_and_six_culprit_muscles_are_there() -> None:
    catalogue = library.catalogue()
    assert set(catalogue.exercises) >= ARTICLE_MOVES
    assert set(catalogue.muscles) == CULPRITS
    assert all(m.where and m.complaint for m in catalogue.muscles.values())


def test_one_timed_massage_per_culprit_muscle_each_side_with_the_tool() -> None:
    catalogue = library.catalogue()
    massages = [e for e in catalogue.exercises.values() if e.kind == "massage"]
    assert sorted(t for m in massages for t in m.targets) == sorted(CULPRITS)
    for massage in massages:
        step = massage.default_step()
        assert step.kind == "work"
        assert massage.sides == "each"
        assert massage.equipment == ["massage tool"]


def test_default_prescriptions_keep_the_articles_figures() -> None:
    moves = library.catalogue().exercises
    walk = moves["elephant-walk"].default_step()
    assert (walk.reps, moves["elephant-walk"].sides) == (20, "alternate-reps")
    cat_cow = moves["cat-cow"].default_step()
    assert cat_cow.reps is not None and 5 <= cat_cow.reps <= 20
    assert [p.cue.split()[1].strip(",") for p in cat_cow.phases or []] == ["out", "in"]
    tilt = moves["pelvic-tilt"].default_step()
    assert tilt.reps == 10 and len(tilt.phases or []) == 4
    carry = moves["suitcase-carry"].default_step()
    assert carry.sets == 4 and carry.work is not None and 45 <= carry.work <= 90
    squat = moves["atg-split-squat"].default_step()
    assert squat.reps is not None and 6 <= squat.reps <= 8
    assert moves["atg-split-squat"].sides == "each"
    stretch = moves["seated-piriformis-stretch"].default_step()
    assert stretch.kind == "hold" and stretch.rep_count == 1  # a few seconds, then the other side
    assert stretch.hold is not None and stretch.hold <= 10
    assert moves["seated-piriformis-stretch"].sides == "each"
    assert moves["banded-glute-bridge"].default_step().kind == "hold"


def test_every_move_has_cues_and_a_kind_and_targets_a_known_muscle() -> None:
    catalogue = library.catalogue()
    for move in catalogue.exercises.values():
        assert move.cues, move.id
        assert all(len(cue) <= 200 for cue in move.cues)
        assert set(move.targets) <= set(catalogue.muscles)


def test_the_articles_product_names_are_not_used() -> None:
    texts = [locations.catalogue_resource().read_text("utf-8")]
    texts += [f.read_text("utf-8") for f in locations.builtin_routines().iterdir()]
    for text in texts:
        assert "back of steel" not in text.lower()
        assert "claw" not in text.lower()


def test_each_massage_says_where_and_how_hard() -> None:
    """When to stop is each massage's safety line (tests/unit/test_safety_lines.py)."""
    massages = [m for m in library.catalogue().exercises.values() if m.kind == "massage"]
    for massage in massages:
        said = " ".join(massage.cues).lower()
        assert any(word in said for word in ("lie ", "stand ", "sit ")), massage.id
        assert any(word in said for word in ("gentle", "firm", "moderate")), massage.id


def test_each_massage_lasts_as_long_in_every_routine_as_in_the_catalogue() -> None:
    catalogue = library.catalogue().exercises
    for entry in library.builtin_routines():
        assert entry.routine is not None
        for step in entry.routine.step:
            move = catalogue[step.exercise]
            if move.kind == "massage":
                assert step.work == move.default["work"], (entry.id, step.exercise)
                assert move.prescription == f"{step.work} seconds on each side."
