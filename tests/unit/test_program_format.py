"""Programme files: what is accepted, and the messages for what is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.domain.parsing.problems import ProblemsError
from backtimer.domain.programmes.programme import Programme, check_routines, parse_programme_bytes

GOOD = """\
format = 1
name = "Flexible back"
weeks = 3
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
[[slot]]
time = "morning"
routine = "flexible-back-morning"
[[slot]]
time = "evening"
routine = "flexible-back-evening"
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        parse_programme_bytes(text.encode(), "mine.toml")
    return caught.value.lines()


def test_a_good_programme_parses() -> None:
    program = parse_programme_bytes(GOOD.encode(), "mine.toml")
    assert program.total_days == 21
    assert program.schedule_text() == "every day for 3 weeks, morning and evening"


def test_unknown_key_is_named_with_a_hint() -> None:
    assert problems(GOOD.replace("weeks = 3", "weeks = 3\nwheeks = 2")) == [
        "mine.toml: wheeks: unknown key (did you mean 'weeks'?)"
    ]
    slot_typo = GOOD.replace('routine = "flexible-back-evening"', 'rotine = "x"')
    assert "mine.toml: slot[2].rotine: unknown key (did you mean 'routine'?)" in problems(slot_typo)


def test_days_and_days_per_week_together_are_refused() -> None:
    [line] = problems(GOOD.replace("weeks = 3", "weeks = 3\ndays_per_week = 3"))
    assert line.startswith("mine.toml: has both days and days_per_week")


def test_neither_days_nor_days_per_week_is_refused() -> None:
    text = GOOD.replace('days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n', "")
    [line] = problems(text)
    assert "says nothing about when to train" in line


@pytest.mark.parametrize(
    ("weeks", "message"),
    [("0", "must be at least 1 (got 0)"), ("53", "must be at most 52 (got 53)")],
)
def test_weeks_out_of_range(weeks: str, message: str) -> None:
    assert problems(GOOD.replace("weeks = 3", f"weeks = {weeks}")) == [
        f"mine.toml: weeks: {message}"
    ]


def test_a_bad_weekday_and_a_bad_time_are_named() -> None:
    text = GOOD.replace('"mon"', '"monday"').replace('"morning"', '"noon"')
    lines = problems(text)
    assert any(line.startswith("mine.toml: days[1]: must be one of") for line in lines)
    assert any(line.startswith("mine.toml: slot[1].time: must be one of") for line in lines)


def test_an_unknown_routine_is_named_with_its_place() -> None:
    program = parse_programme_bytes(GOOD.replace("-evening", "-evenin").encode(), "mine.toml")
    [problem] = check_routines(program, {"flexible-back-morning", "flexible-back-evening"})
    assert str(problem) == (
        "slot[2].routine: unknown routine 'flexible-back-evenin' (did you mean"
        " 'flexible-back-evening'?); use an id from `backtimer routines`"
    )


def test_not_toml_is_said_plainly() -> None:
    [line] = problems("format = ")
    assert line.startswith("mine.toml: not valid TOML")


def test_days_per_week_schedule_in_words() -> None:
    program = Programme.model_validate(
        {"format": 1, "name": "B", "weeks": 1, "days_per_week": 3, "slot": [{"routine": "x"}]}
    )
    assert program.schedule_text() == "3 days a week for 1 week"


def test_the_reference_example_is_valid() -> None:
    page = Path(__file__).parents[2] / "docs" / "reference" / "programme-format.md"
    example = next(
        block for block in page.read_text().split("```toml\n")[1:] if "[[slot]]" in block
    )
    program = parse_programme_bytes(example.split("```", 1)[0].encode(), page.name)
    assert check_routines(program, {"flexible-back-morning", "flexible-back-evening"}) == []


def test_rest_days_that_cannot_fit_the_schedule_are_refused() -> None:
    base = 'format = 1\nname = "S"\nweeks = 2\nrest_days = 1\n[[slot]]\nroutine = "x"\n'
    assert parse_programme_bytes(base.replace("weeks", "days_per_week = 3\nweeks").encode(), "s")
    crowded = base.replace("weeks", "days_per_week = 4\nweeks")
    with pytest.raises(ProblemsError) as found:
        parse_programme_bytes(crowded.encode(), "s.toml")
    assert "4 days a week with 1 day of rest after each do not fit in a week" in str(found.value)
    back_to_back = base.replace("weeks", 'days = ["mon", "tue", "thu"]\nweeks')
    with pytest.raises(ProblemsError) as found:
        parse_programme_bytes(back_to_back.encode(), "s.toml")
    assert "Mon and Tue leave no day of rest between them" in str(found.value)
    around = base.replace("weeks", 'days = ["mon", "wed", "sun"]\nweeks')
    with pytest.raises(ProblemsError) as found:
        parse_programme_bytes(around.encode(), "s.toml")
    assert "Sun and Mon leave no day of rest between them" in str(found.value)
