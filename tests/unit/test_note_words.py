"""The note as a second signal: real-sounding notes, read by word stems and with negation.

Each note is one a person might type after a session; each says what a
physiotherapist reading it would take from it: a nerve sign, sharp pain, a red
flag, or nothing to worry about.
"""

from __future__ import annotations

import pytest

from backtimer.domain.coaching.note_words import signs_in

WARNING = [
    # nerve signs: sciatica in the person's own words
    ("tingling down my left leg", "nerve"),
    ("pain shoots down my leg", "nerve"),
    ("pins and needles in my foot", "nerve"),
    ("sciatica flared up", "nerve"),
    ("my leg felt weak", "nerve"),
    ("radiating into the calf", "nerve"),
    ("left foot numb after the carry", "nerve"),
    ("Numbness in my toes this evening", "nerve"),
    ("shooting pain in the right buttock", "nerve"),
    ("a burning feeling down the back of my thigh", "nerve"),
    ("electric feeling in my heel when I bent forward", "nerve"),
    ("Tingly foot on the split squat", "nerve"),
    ("pain went down the outside of my leg", "nerve"),
    ("ache into my calf after the good mornings", "nerve"),
    ("right knee buckled on the last rep", "nerve"),
    ("leg gave way getting up", "nerve"),
    ("foot dragging a bit on the walk", "nerve"),
    ("weakness in my left ankle", "nerve"),
    ("not as numb as yesterday", "nerve"),  # still numb
    ("not sure if it's sciatica", "nerve"),  # may be
    ("no back pain, but my leg felt weak", "nerve"),  # the negation is the back's
    ("no pain today, tingling in my toes", "nerve"),  # a new phrase after the comma
    ("not much tingling", "nerve"),  # some
    ("felt a zap down the leg", "nerve"),
    ("Prickling in the sole of my foot", "nerve"),
    ("dead leg after sitting, then sciatic pain", "nerve"),
    # sharp pain
    ("stabbing pain", "sharp"),
    ("Sharp pain in the hip on the bridge", "sharp"),
    ("sharp twinge4", "sharp"),  # a rating key that landed in the note
    ("stabby low back on the carry", "sharp"),
    # red flags
    ("numb in the saddle area", "urgent"),
    ("some trouble with my bladder since yesterday", "urgent"),
    ("bowel feels odd", "urgent"),
]

HARMLESS = [
    "no sharp pain today",
    "lost count of the number of reps",
    "No tingling, numbness or weakness",
    "didn't feel any pins and needles",
    "no longer numb",
    "No pain or tingling down my leg",
    "without any tingling this time",
    "tight hip",
    "2nd set hurt",
    "sore glutes, good session",
    "glutes burning on the last set",
    "grip felt weak on the carry",
    "felt the burn in my quads",
    "lay down afterwards, legs up the wall",
    "stiff in the morning, eased off after the cat-cow",
    "did it before breakfast",
    "neither tingling nor numbness",
    "Zero shooting pain, the physio was right",
    "never had sciatica, just a tight back",
    "good stable balance on the split squat",
    "sharpened up my form",
    "weekend off, back feels fine",
    "a twinge in the lower back, gone by the end",
    "",
]


@pytest.mark.parametrize(("note", "kind"), WARNING)
def test_a_note_that_warns_is_read_as_a_sign(note: str, kind: str) -> None:
    found = signs_in(note)
    assert found, note
    assert kind in {sign.kind for sign in found}, found


@pytest.mark.parametrize("note", HARMLESS)
def test_a_harmless_note_raises_nothing(note: str) -> None:
    assert signs_in(note) == []


def test_at_least_forty_notes_both_ways() -> None:
    assert len(WARNING) + len(HARMLESS) >= 40
    assert len(WARNING) >= 20 and len(HARMLESS) >= 20


def test_the_words_found_are_quoted_as_they_stand_in_the_note_in_order() -> None:
    found = signs_in("Pins and needles, then it shot down my right leg. No numbness.")
    assert [(sign.kind, sign.words) for sign in found] == [
        ("nerve", "pins and needles"),
        ("nerve", "shot down"),
        ("nerve", "down my right leg"),
    ]
    assert [sign.words for sign in signs_in("numb, numb and numb again")] == ["numb"]


def test_whole_words_only() -> None:
    for note in ("number", "numbers game", "weekly", "sharpen", "shootout", "stable", "burner"):
        assert signs_in(note) == [], note
