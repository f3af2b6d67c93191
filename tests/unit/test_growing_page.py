"""The guide's "Growing the routine" page states the rules and the ladders as the code has them.

Every figure the page (docs/guide/growing.md) gives is checked here against the
constant or the catalogue it comes from, so a change to a rule that forgets the page
fails.
"""

from __future__ import annotations

import re
from math import prod
from pathlib import Path

import pytest

from backtimer.domain.coaching import pain_reading, pain_trend, progression, step_history
from backtimer.domain.coaching.note_words import signs_in
from backtimer.domain.routines.ladder import MOST_A_NOTCH_ADDS
from backtimer.storage import library

PAGE = Path(__file__).parents[2] / "docs" / "guide" / "growing.md"


def growing() -> str:
    return PAGE.read_text()


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_rules_table_gives_the_figures_the_rules_use() -> None:
    section = flat(growing())
    weeks = step_history.WINDOW.days // 7
    for phrase in [
        f"started below pain {pain_reading.SEVERE}",
        f"pain after {pain_reading.LOW_AFTER} or less and at most {pain_reading.RISE_ALLOWED}"
        " above before",
        f"only after {progression.SESSIONS_NEEDED} good days at the dose it has now, in the"
        f" last {weeks} weeks",
        f"a dose is kept {progression.KEEP_A_DOSE} days from its first session",
        f"no notch adds more than {MOST_A_NOTCH_ADDS:.0%} of the work",
        f"| Pain before {pain_reading.SEVERE} or more |",
        f"in either of the step's last {step_history.LOOK_BACK} sessions at this dose: pain"
        f" after rose {pain_reading.RISE_TOO_MUCH} or more above before, or was above"
        f" {pain_reading.ACCEPTABLE}",
        f"over the last 7 days, against the same {pain_trend.REST_WEEKS} weeks before",
        f"{progression.REST_RISE_HOLDS:g} point or more higher and nothing grows;"
        f" {progression.REST_RISE_BACKS_OFF:g} or more and every step backs off",
        f"nothing grows for {pain_reading.PAUSE_DAYS} days",
        f"| Warnings | pain after {pain_reading.SEVERE} or more",
        "Thomeé 1997; Silbernagel et al. 2007",
        "NG59",
    ]:
        assert phrase in section, phrase


def _ladder_rows() -> dict[str, tuple[str, str, str]]:
    rows = re.findall(
        r"^\| ([A-Z][^|]+?) \| ([^|]+) \| \+(\d+)% \| ?([^|]*?) ?\|$", growing(), re.M
    )
    return {name: (rungs, largest, then.strip()) for name, rungs, largest, then in rows}


def test_the_ladder_table_lists_every_rung_of_every_ladder() -> None:
    moves = library.exercises()
    ladders = library.catalogue().ladders
    rows = _ladder_rows()
    assert set(rows) == {moves[move].name for move in ladders}
    for move, ladder in ladders.items():
        rungs, largest, then = rows[moves[move].name]
        figures = [int(figure) for figure in re.findall(r"\d+", rungs.split("(")[0])]
        assert figures == [value for rung in ladder.rungs for value in rung], move
        steps = [
            prod(b) / prod(a) - 1 for a, b in zip(ladder.rungs, ladder.rungs[1:], strict=False)
        ]
        assert int(largest) == round(max(steps) * 100), move
        if ladder.next is None:
            assert then == "", move
        else:
            assert moves[ladder.next].name.endswith(then), move


SIGNS_NAMED = [
    "tingling",
    "pins and needles",
    "prickling",
    "numbness",
    "weakness",
    "burning",
    "electric",
    "zapping",
    "shooting",
    "shoots",
    "radiating",
    "sciatica",
    "gives way",
    "buckles",
    "a foot that drags",
    "down my leg",
    "into the calf",
    "sharp",
    "stabbing",
    "the bladder",
    "the bowels",
    "the saddle area",
]


@pytest.mark.parametrize("words", SIGNS_NAMED)
def test_each_sign_the_page_names_is_read_as_one(words: str) -> None:
    assert signs_in(words), words


@pytest.mark.parametrize(
    "note",
    [
        "no tingling, numbness or weakness",
        "didn't feel any pins and needles",
        "glutes burning",
        "grip felt weak",
    ],
)
def test_the_pages_harmless_examples_raise_nothing(note: str) -> None:
    assert note in flat(growing())
    assert signs_in(note) == []


@pytest.mark.parametrize("note", ["not as numb as yesterday", "no back pain, but my leg felt weak"])
def test_the_pages_examples_that_still_count_do(note: str) -> None:
    assert note in flat(growing())
    assert signs_in(note)
