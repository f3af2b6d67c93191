"""The words in a session's note that the progression rules read as a warning.

The pain question asks only about the back, so pain, tingling or weakness in a
leg reaches the rules through the note (and the summary's leg question). One
table, `SIGNS`, holds every word or phrase that counts, with what it means:

- ``nerve``: a sign of an irritated nerve root (sciatica): tingling, pins and
  needles, numbness, weakness, burning, electric or shooting pain, pain that
  radiates or runs down a leg, a leg that gives way, a foot that drags;
- ``sharp``: sharp or stabbing pain, the pain every move says to stop on;
- ``urgent``: the bladder, the bowels, the saddle area: with back pain these
  are red flags (`red_flags`) that need help the same day.

How a note is read:

- **Whole words, by stem.** "numb", "numbness" and "numbed" count; "number"
  does not. "shoots" and "shooting" count; "sharpen" does not. The note is
  read in lower case, apostrophes straightened.
- **Negation cancels.** "no", "not", "never", "without", "zero", "none",
  "nothing" and the "n't" words (didn't, wasn't) cancel a sign when they stand
  in front of it with nothing between but the words of a list of symptoms:
  "no sharp pain today", "without any tingling", "no tingling, numbness or
  weakness", "didn't feel any pins and needles", "no longer numb". Anything
  else between them keeps the sign: "not as numb as yesterday", "not sure if
  it's sciatica", "no back pain, but my leg felt weak" all count, because in
  each the symptom is still there, or may be. When in doubt, the sign counts:
  a false alarm costs a week's growth, a missed nerve sign costs more.

The table is a physiotherapist's list, not a dictionary: words that name an
ordinary training feeling ("tight", "sore", "stiff", "twinge", "tired") are
not in it, and a working muscle that burns or tires ("glutes burning", "grip
felt weak", `ORDINARY`) is read past; burning or weakness anywhere else counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

Kind = Literal["nerve", "sharp", "urgent"]

_LEG = (
    r"(?:leg|legs|thigh|thighs|calf|calves|shin|shins|foot|feet|toe|toes|knee|knees|ankle"
    r"|ankles|heel|hamstring|hamstrings)"
)
_DOWN_A_LEG = (
    r"(?:down|into) (?:(?:the|my|one|a|both|either|his|her|your) )?"
    r"(?:(?:back|side|front|outside|inside) of (?:the |my )?)?(?:(?:left|right) )?" + _LEG
)

SIGNS: tuple[tuple[Kind, str], ...] = (
    ("nerve", r"tingl(?:e|es|ed|ing|y)"),
    ("nerve", r"pins? and needles"),
    ("nerve", r"prickl(?:e|es|ed|ing|y)"),
    ("nerve", r"radiat(?:e|es|ed|ing|ion)"),
    ("nerve", r"shoot(?:s|ing)?|shot (?:down|into)"),
    ("nerve", r"sciatic(?:a)?"),
    ("nerve", r"numb(?:ness|ed|ing)?"),
    ("nerve", r"weak(?:ness|er|ened|ening)?"),
    ("nerve", r"burn(?:s|ing|ed|t)"),
    ("nerve", r"electric(?:al)?|zap(?:s|ped|ping)?|jolts?"),
    ("nerve", r"(?:gave|give|gives|giving) way|buckl(?:e|ed|es|ing)"),
    (
        "nerve",
        r"foot drop|drop foot|foot (?:that |which )?(?:drags|dragged|dragging|slaps|slapping)"
        r"|drag(?:s|ged|ging)? (?:my|the|a) (?:foot|leg)",
    ),
    ("nerve", r"dead (?:leg|foot)"),
    ("nerve", _DOWN_A_LEG),
    ("sharp", r"sharp(?:er|est|ly)?|stab(?:s|bed|bing|by)?|knife(?:-like)?"),
    (
        "urgent",
        r"bladder|bowels?|incontinen(?:ce|t)|saddle|cauda equina|(?:wet|soiled) myself",
    ),
)
"""Each sign: what it means, and a pattern over whole words of the note (lower case)."""

_WORKING = (
    r"(?:glutes?|bum|quads?|abs|core|obliques|forearms?|arms?|shoulders?|grip|hands?|muscles?)"
)
ORDINARY = (
    rf"(?:my |the )?{_WORKING} (?:(?:was|were|is|are|felt|feel|feels|kept|started) )?"
    r"(?:burn(?:s|ing|ed|t)?|weak(?:er)?)",
    rf"(?:burn(?:s|ing|ed|t)?|weak(?:er)?) (?:in )?(?:my |the )?{_WORKING}",
)
"""A working muscle that burns or tires is an ordinary training feeling, not a nerve sign:
"glutes burning on the last set", "grip felt weak". These phrases are read past."""

NEGATIONS = frozenset(
    {"no", "not", "never", "neither", "nor", "without", "zero", "none", "nothing"}
    | {"didnt", "dont", "doesnt", "wasnt", "isnt", "havent", "hasnt", "cant", "wont", "arent"}
)
"""Words that cancel a sign in front of them (and every word ending in "n't")."""
RIGHT_AFTER = frozenset(
    {"feel", "felt", "feeling", "get", "got", "getting", "have", "had", "having", "notice"}
    | {"noticed", "any", "more", "longer", "further", "real", "obvious"}
)
"""Words that may stand right after a negation and keep it: "didn't feel any", "no longer"."""
LISTED = frozenset(
    {"or", "nor", "and", ",", "/", "pain", "pains", "ache", "aches", "aching", "feeling"}
    | {"feelings", "sensation", "sensations", "sign", "signs", "of", "back", "leg", "legs"}
    | {"lower", "any", "real"}
)
"""Words of a list of symptoms, which a negation in front reaches across: "no pain or tingling"
(the signs' own words, "no tingling, numbness or weakness", count as listed too)."""

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[,/]|[.;:!?()\[\]-]+")
_BREAK = "."
"""Every mark that ends a phrase (a full stop, a dash, a bracket) reads as this."""


@dataclass(frozen=True)
class Sign:
    """A sign found in a note."""

    kind: Kind
    words: str
    """The words as they stand in the note (lower case): "pins and needles"."""


@cache
def _patterns() -> tuple[tuple[Kind, re.Pattern[str]], ...]:
    return tuple(
        (kind, re.compile(rf"(?<![a-z0-9'])(?:{pattern})(?![a-z0-9'])")) for kind, pattern in SIGNS
    )


@cache
def _ordinary() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9'])(?:{'|'.join(ORDINARY)})(?![a-z0-9'])")


@cache
def _a_sign_word(token: str) -> bool:
    return any(pattern.fullmatch(token) for _, pattern in _patterns())


def _tokens(note: str) -> list[str]:
    text = note.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return [_BREAK if token[0] in ".;:!?()[]-" else token for token in _TOKEN.findall(text)]


def _negated(before: list[str]) -> bool:
    """Whether the words before a sign (nearest last) hold a negation that reaches it."""
    right_after = False  # past a word that may only stand right after the negation
    for token in reversed(before):
        if token in NEGATIONS or token.endswith("n't"):
            return True
        if token in RIGHT_AFTER:
            right_after = True
        elif right_after or not (token in LISTED or _a_sign_word(token)):
            return False
    return False


def signs_in(note: str) -> list[Sign]:
    """The signs a note holds that no negation cancels, in the note's order, each once."""
    tokens = _tokens(note)
    if not tokens:
        return []
    text = " ".join(tokens)
    starts = [0]
    for token in tokens[:-1]:
        starts.append(starts[-1] + len(token) + 1)
    ordinary = [match.span() for match in _ordinary().finditer(text)]
    found: dict[str, tuple[int, Sign]] = {}
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            if any(start <= match.start() and match.end() <= end for start, end in ordinary):
                continue
            index = next(i for i, start in enumerate(starts) if start >= match.start())
            if _negated(tokens[:index]):
                continue
            words = match.group(0)
            if words not in found:
                found[words] = (match.start(), Sign(kind, words))
    return [sign for _, sign in sorted(found.values(), key=lambda pair: pair[0])]
