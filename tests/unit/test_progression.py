"""The progression rules on hand-written histories: grow, hold, back off, and see someone.

Each history is a few sessions of `back-durability` (a carry of 2 x 45 s, a glute
bridge of 8 holds, a split squat of 6 a side, a seated good morning of 8), made
the way the timer records them, with the pain ratings, notes and morning answers a
person gave. Longer stories, read with a physiotherapist's eye, are in
`test_coaching_scenarios`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from backtimer.domain.coaching.pain_reading import Mornings
from backtimer.domain.coaching.progression import StepAdvice, advise, changed
from backtimer.domain.coaching.suggestion import suggestion_line
from backtimer.domain.history.digest import SessionDigest, digest
from backtimer.domain.routines.routine import Routine, parse_routine
from backtimer.storage import library
from tests.progress_histories import durability, session_of

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
DAY = timedelta(days=1)
MOVES = library.exercises()
LADDERS = library.catalogue().ladders
DURABILITY = durability()


def routine_with(text: str) -> Routine:
    return parse_routine(f'format = 1\nname = "Test"\n{text}', MOVES, "test.toml")


def session(
    started: datetime,
    before: int | None,
    after: int | None,
    *,
    routine: Routine = DURABILITY,
    routine_id: str = "back-durability",
    note: str = "",
    partly: Sequence[int] = (),
    stopped_after: int | None = None,
    morning: int | None = None,
    legs: bool | None = None,
) -> SessionDigest:
    """A session of ``routine`` as the timer records it (see `session_of`), with the next
    morning's answer ``morning``."""
    return digest(
        session_of(
            routine,
            started,
            before,
            after,
            routine_id=routine_id,
            note=note,
            partly=partly,
            stopped_after=stopped_after,
            next_morning=morning,
            leg_symptoms=legs,
        )
    )


def advice(
    sessions: Sequence[SessionDigest],
    routine: Routine = DURABILITY,
    *,
    zone: tzinfo = UTC,
    now: datetime = NOW,
    red_flag_open: bool = False,
) -> list[StepAdvice]:
    ordered = sorted(sessions, key=lambda s: s.started_at)
    return advise(
        routine,
        ordered,
        routine_ids={"back-durability"},
        now=now,
        zone=zone,
        moves=MOVES,
        ladders=LADDERS,
        red_flag_open=red_flag_open,
    )


def lines(found: list[StepAdvice]) -> list[str]:
    return [suggestion_line(item, MOVES) for item in found]


def three_good(
    routine: Routine = DURABILITY, weeks_back: int = 0, mornings: bool = True
) -> list[SessionDigest]:
    """Three good days at one dose, Sat 14, Mon 16 and Wed 18 Nov (a week or more before
    NOW, so the dose has been kept a week), each next morning answered and no worse."""
    back = timedelta(weeks=weeks_back)
    return [
        session(NOW - 10 * DAY - back, 2, 2, routine=routine, morning=2 if mornings else None),
        session(NOW - 8 * DAY - back, 2, 3, routine=routine, morning=2 if mornings else None),
        session(NOW - 6 * DAY - back, 1, 2, routine=routine, morning=1 if mornings else None),
    ]


GREW = (
    "its last 3 days at this dose went well: done in full, pain after 3 or less and at most 1"
    " above before, the morning after no worse"
)


def test_three_good_days_grow_one_step_a_notch_and_the_others_wait() -> None:
    found = advice(three_good())
    assert [item.verdict for item in found] == ["progress", "hold", "hold", "hold"]
    assert lines(found) == [
        "Suitcase carry: 45 s → 55 s",
        "Banded glute bridge: keep 8 holds of 5 s",
        "ATG split squat: keep 6 reps a side",
        "Seated good morning: keep 8 reps",
    ]
    assert found[0].reasons == (
        GREW,
        "one step grows at a time: this one first, at its dose the longest",
    )
    assert found[1].reasons == (
        "waits its turn: one step grows at a time, and Suitcase carry goes first, at its dose"
        " the longest",
    )
    grown = changed(DURABILITY, found)
    assert [(s.work, s.reps, s.sets) for s in grown.step] == [
        (55, None, 2),
        (None, 8, 1),
        (None, 6, 1),
        (None, 8, 1),
    ]


def test_two_sessions_are_not_enough_and_say_how_many_more() -> None:
    found = advice(three_good()[1:])
    assert {item.verdict for item in found} == {"hold"}
    assert found[0].notch is None
    assert found[0].reasons == (
        "2 of the 3 days it needs at this dose in the last 3 weeks (sessions on one day count"
        " once)",
    )
    assert lines(found)[0] == "Suitcase carry: keep 2 sets of 45 s"


def test_a_session_older_than_three_weeks_is_ignored() -> None:
    sessions = [session(NOW - 22 * DAY, 1, 1, morning=1), *three_good()[1:]]
    found = advice(sessions)
    assert found[0].verdict == "hold"
    assert found[0].at_dose == 2
    # The same three, the first one just inside the three weeks, do grow it.
    sessions[0] = session(NOW - 20 * DAY, 1, 1, morning=1)
    assert advice(sessions)[0].verdict == "progress"


def test_missing_ratings_hold_and_ask_for_them() -> None:
    sessions = three_good()
    sessions[-1] = session(NOW - 6 * DAY, 1, None, morning=1)
    found = advice(sessions)
    assert found[0].verdict == "hold"
    assert "rate your pain after a session to get suggestions" in found[0].reasons
    sessions[-1] = session(NOW - 6 * DAY, None, 1, morning=1)
    assert "rate your pain before" in advice(sessions)[0].reasons[0]


def test_pain_after_of_four_or_five_is_mixed_evidence_and_holds() -> None:
    sessions = three_good()
    sessions[1] = session(NOW - 8 * DAY, 4, 4, morning=4)
    found = advice(sessions)
    assert {item.verdict for item in found} == {"hold"}
    assert found[0].reasons[0].startswith("pain after was 4 on Mon 16 Nov")


def test_a_step_not_done_in_full_holds_that_step_only() -> None:
    sessions = three_good()
    sessions[2] = session(NOW - 6 * DAY, 1, 2, partly=[2], morning=1)
    found = advice(sessions)
    assert [item.verdict for item in found] == ["progress", "hold", "hold", "hold"]
    assert found[2].reasons[0] == "not done in full on Wed 18 Nov"
    assert found[1].reasons[0].startswith("waits its turn")


def test_pain_that_rises_by_two_backs_off_every_step_it_can() -> None:
    sessions = [*three_good(), session(NOW - DAY / 4, 2, 4)]
    found = advice(sessions)
    assert {item.verdict for item in found} == {"back-off"}
    assert found[1].reasons == ("pain rose from 2 to 4 on Tue 24 Nov",)
    assert lines(found)[1:] == [
        "Banded glute bridge: 8 → 7 holds",
        "ATG split squat: keep 6 reps a side",  # the entry dose: never below it
        "Seated good morning: 8 → 7 reps",
    ]
    assert found[0].notch is None
    assert found[0].reasons[-1] == (
        "Suitcase carry is at its entry dose already: rest it, or leave it out until the pain"
        " settles"
    )
    assert not any(item.see_professional for item in found)


def test_pain_above_five_backs_off_even_without_a_rise() -> None:
    sessions = [*three_good(), session(NOW - DAY / 4, 5, 6)]
    found = advice(sessions)
    assert found[1].verdict == "back-off"
    assert found[1].reasons == ("pain after was 6 on Tue 24 Nov, above 5",)


def test_the_flare_counts_in_either_of_the_last_two_sessions() -> None:
    sessions = [*three_good(), session(NOW - 1 * DAY, 2, 4), session(NOW - 1 * DAY / 4, 2, 2)]
    assert advice(sessions)[1].verdict == "back-off"  # the one before the last
    sessions.append(session(NOW - 1 * DAY / 8, 2, 2))
    assert advice(sessions)[1].verdict == "hold"  # three sessions on: no longer


def test_two_back_offs_in_a_row_add_the_advice_to_see_someone() -> None:
    sessions = [*three_good(), session(NOW - 1 * DAY, 2, 4), session(NOW - DAY / 2, 3, 6)]
    found = advice(sessions)
    assert found[1].verdict == "back-off" and found[1].see_professional
    assert "two sessions in a row called for a back-off" in found[1].reasons


def test_a_back_off_accepted_and_another_flare_is_two_in_a_row() -> None:
    flared = [*three_good(), session(NOW - 2 * DAY + 2 * timedelta(hours=1), 2, 4)]
    eased = changed(DURABILITY, advice(flared))
    again = session(NOW - DAY, 2, 5, routine=eased)
    found = advice([*flared, again], eased)
    assert found[1].verdict == "back-off" and found[1].see_professional
    assert lines(found)[1] == "Banded glute bridge: 7 → 6 holds"
    # Accepted, and the next session at the new dose went well: hold, no more advice.
    calm = session(NOW - DAY, 2, 2, routine=eased)
    found = advice([*flared, calm], eased)
    assert found[1].verdict == "hold" and not found[1].see_professional


def test_an_accepted_change_starts_afresh() -> None:
    grown = changed(DURABILITY, advice(three_good()))
    found = advice(three_good(), grown)
    assert {item.verdict for item in found} == {"hold"}
    assert "no session at this dose yet" in found[0].reasons
    assert found[1].reasons == (
        "waits until the last change, Suitcase carry, has been done and the morning after"
        " rated: one change at a time",
    )


def test_a_worse_next_morning_backs_off() -> None:
    sessions = three_good(mornings=False)
    # Not answered, the next morning is the first rating before of the next day (any
    # routine): 4, where the session started at 1.
    thursday = NOW - 5 * DAY - 10 * timedelta(hours=1)
    found = advice([*sessions, session(thursday, 4, 4, routine_id="desk-reset")])
    assert found[0].verdict == "back-off"
    assert found[1].reasons == (
        "the morning after Wed 18 Nov was worse (4, against 1 before the session)",
    )
    # No worse than before the session: the morning does not stand in the way.
    level = session(thursday, 1, 1, routine_id="desk-reset")
    assert advice([*sessions, level])[0].verdict == "progress"


def test_the_answer_to_the_morning_question_wins_and_a_rating_after_never_stands_in() -> None:
    thursday = NOW - 5 * DAY - 10 * timedelta(hours=1)
    later_that_day = session(thursday, 4, 4, routine_id="desk-reset")
    # Asked the next morning, the person said 1: the 4 before a session later is not it.
    assert advice([*three_good(), later_that_day])[0].verdict == "progress"
    # Only rated after, the next day's session says nothing of the morning.
    only_after = session(thursday, None, 1, routine_id="desk-reset")
    found = advice([*three_good(mornings=False), only_after])
    assert found[0].verdict == "hold"
    assert found[0].reasons == (
        "the morning after Wed 18 Nov was not rated: the dose grows once the morning after a"
        " good session is, and no worse than before it",
    )


def test_the_next_morning_is_local_to_where_the_person_lives() -> None:
    plus_10 = timezone(timedelta(hours=10))
    evening = datetime(2026, 11, 18, 23, 0, tzinfo=plus_10)  # 13:00 UTC
    next_morning = datetime(2026, 11, 19, 6, 30, tzinfo=plus_10)  # 20:30 UTC, the same UTC day
    sessions = [
        *three_good()[:2],
        session(evening, 2, 2),
        session(next_morning, 5, 5, routine_id="desk-reset"),
    ]
    today = NOW.astimezone(plus_10).date()
    assert Mornings(sessions, plus_10, today).known[next_morning.date()] == 5
    assert advice(sessions, zone=plus_10)[0].verdict == "back-off"
    # In UTC both ratings fall on one day: the 5 is a later rating that day, not a morning.
    found = advice(sessions, zone=UTC)
    assert found[0].verdict == "hold"
    assert any(r.startswith("the morning after Wed 18 Nov was not rated") for r in found[0].reasons)


def test_a_session_late_at_night_belongs_to_the_day_it_started() -> None:
    minus_8 = timezone(timedelta(hours=-8))
    late = datetime(2026, 11, 18, 23, 50, tzinfo=minus_8)  # 07:50 UTC on the 19th
    sessions = [
        *three_good()[:2],
        session(late, 1, 1),
        session(datetime(2026, 11, 19, 8, 0, tzinfo=minus_8), 2, 2, routine_id="desk-reset"),
    ]
    found = advice(sessions, zone=minus_8)
    assert found[1].reasons == (
        "the morning after Wed 18 Nov was worse (2, against 1 before the session)",
    )
    # Counted in UTC, both are on the 19th and nothing follows the next day.
    assert advice(sessions, zone=UTC)[0].verdict == "hold"


def test_severe_pain_or_a_warning_word_never_grows_and_calls_for_a_professional() -> None:
    warnings = [(7, ""), (2, "Sharp pain in the hip"), (1, "shooting down the leg")]
    for after, note in [*warnings, (2, "left foot numb")]:
        sessions = three_good()
        sessions[-1] = session(NOW - 6 * DAY, 1, after, note=note, morning=1)
        found = advice(sessions)
        assert "progress" not in {item.verdict for item in found}, note
        assert all(item.see_professional for item in found), note
    # Further back, in the three sessions that would grow it: still no growth, still the advice.
    sessions = three_good()
    sessions[0] = session(NOW - 10 * DAY, 2, 2, note="a bit numb after", morning=2)
    found = advice(sessions)
    assert found[0].verdict == "hold" and found[0].see_professional
    assert "the note of Sat 14 Nov says “numb”: a sign of an irritated nerve" in found[0].reasons
    # The leg question answered yes is the same nerve sign.
    sessions[0] = session(NOW - 10 * DAY, 2, 2, legs=True, morning=2)
    found = advice(sessions)
    assert found[0].verdict == "hold" and found[0].see_professional


def test_at_the_top_of_a_ladder_it_stays() -> None:
    walk = routine_with('[[step]]\nexercise = "elephant-walk"\nreps = 20\ntempo = 2\n')
    found = advice(three_good(walk), walk)
    assert found[0].verdict == "hold"
    assert found[0].reasons == ("at the top of its ladder: keep it here",)
    assert found[0].position is not None and found[0].position.top


def test_at_the_top_of_the_split_squat_comes_its_harder_version() -> None:
    squat = routine_with('[[step]]\nexercise = "atg-split-squat"\nreps = 8\ntempo = 4\n')
    found = advice(three_good(squat, weeks_back=1), squat)
    assert lines(found) == [
        "ATG split squat: 8 reps a side → ATG split squat with a weight, 6 reps a side"
    ]
    weighted = changed(squat, found)
    assert weighted.step[0].exercise == "atg-split-squat-weighted"
    assert weighted.step[0].tempo == 4 and weighted.step[0].reps == 6
    # Three good days with the weight: 7 a side (then 8, then the box).
    found = advice([*three_good(squat, weeks_back=1), *three_good(weighted)], weighted)
    assert lines(found) == ["ATG split squat with a weight: 6 → 7 reps a side"]
    # A flare at the entry dose of the weighted one goes back to the plain move, at its top.
    flare = session(NOW - DAY, 2, 5, routine=weighted)
    found = advice([*three_good(weighted), flare], weighted)
    assert lines(found) == [
        "ATG split squat with a weight: 6 reps a side → ATG split squat, 8 reps a side"
    ]


def test_the_carry_grows_its_seconds_then_two_sets_for_each_hand_shorter() -> None:
    carry = routine_with('[[step]]\nexercise = "suitcase-carry"\nsets = 2\nwork = 90\n')
    found = advice(three_good(carry), carry)
    assert lines(found) == ["Suitcase carry: 2 sets of 90 s → 4 sets of 50 s"]


def test_massages_and_own_moves_stay_as_they_are() -> None:
    massage = routine_with('[[step]]\nexercise = "ql-massage"\nwork = 45\n')
    found = advice(three_good(massage), massage)
    assert found[0].verdict == "hold" and found[0].reasons == ("massages stay as they are",)
    assert found[0].position is None


def test_only_this_routines_sessions_count() -> None:
    others = [session(s.started_at, 1, 1, routine_id="desk-reset") for s in three_good()]
    found = advice(others)
    assert found[0].verdict == "hold" and "no session at this dose yet" in found[0].reasons


def test_after_a_session_that_hurt_no_step_grows_even_those_it_did_not_reach() -> None:
    # Stopped after the carry, pain up from 2 to 5: the carry backs off (its entry dose: it
    # stays), and the steps not reached keep their dose though their last 3 went well.
    hurt = session(NOW - DAY / 4, 2, 5, stopped_after=1)
    found = advice([*three_good(), hurt])
    assert [item.verdict for item in found] == ["back-off", "hold", "hold", "hold"]
    assert found[1].reasons[:2] == (
        "growth waits until Tue 1 Dec, a week after the flare of Tue 24 Nov",
        "pain rose from 2 to 5 on Tue 24 Nov",
    )
    assert not any(item.see_professional for item in found)
    # A warning word, the same: nothing grows, and every step says to see someone.
    sharp = session(NOW - DAY / 4, 2, 2, stopped_after=1, note="sharp in the hip")
    found = advice([*three_good(), sharp])
    assert "progress" not in {item.verdict for item in found}
    assert all(item.see_professional for item in found)
    assert found[3].reasons[1] == "the note of Tue 24 Nov says “sharp”: sharp pain means stop"


def test_while_a_red_flag_is_open_nothing_grows_and_every_step_says_see_someone() -> None:
    found = advice(three_good(), red_flag_open=True)
    assert [item.verdict for item in found] == ["hold"] * 4
    assert all(item.notch is None and item.see_professional for item in found)
    assert all("warning sign applies" in item.reasons[0] for item in found)
