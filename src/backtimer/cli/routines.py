"""The routine and catalogue commands: ``routines`` (and its ``export`` and ``import``),
``exercises``, ``show``, ``validate``."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from backtimer.cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from backtimer.cli.lookup import loaded_routine
from backtimer.cli.output import error, pad, print_json, table
from backtimer.domain.parsing.words import plural
from backtimer.domain.routines.catalogue import CatalogueExercise
from backtimer.domain.routines.cautions import skip_notes
from backtimer.domain.routines.describe import clock, describe_step, duration
from backtimer.domain.routines.exercise import Exercise, kit_of
from backtimer.domain.routines.routine import Step
from backtimer.domain.routines.timeline import resolve
from backtimer.storage import library, routine_files
from backtimer.storage.files import StorageError
from backtimer.storage.found_files import is_programme_file


def routine_summary(entry: library.RoutineEntry) -> dict[str, Any]:
    """The JSON description of a routine, as ``routines --json`` prints it."""
    summary: dict[str, Any] = {"id": entry.id, "name": entry.name, "source": entry.source}
    if entry.routine is None:
        summary |= {
            "estimated_seconds": None,
            "steps": None,
            "path": entry.path,
            "problems": [str(p) for p in entry.problems],
        }
        return summary
    kit = kit_of(resolve(entry.routine, library.exercises()))
    summary |= {
        "estimated_seconds": entry.estimated_seconds,
        "steps": len(entry.routine.step),
        "description": entry.routine.description,
        "tags": entry.routine.tags,
        "equipment": kit.needed,
        "optional_equipment": kit.optional,
        "path": entry.path,
        "problems": [],
    }
    return summary


def list_routines(args: argparse.Namespace) -> int:
    entries = library.all_routines()
    if args.json:
        print_json([routine_summary(entry) for entry in entries])
        return EXIT_OK
    rows = [["ID", "NAME", "SOURCE", "TIME", "STEPS"]]
    for entry in entries:
        if entry.routine is None:
            rows.append([entry.id, "(does not load; see below)", entry.source, "-", "-"])
        else:
            time = clock(entry.estimated_seconds)
            rows.append([entry.id, entry.name, entry.source, time, str(len(entry.routine.step))])
    print(table(rows))
    for entry in entries:
        for line in entry.problem_lines():
            error(line)
    return EXIT_OK


def own_moves() -> list[tuple[Exercise, str]]:
    """The moves of the person's own routines (their ``[[exercise]]``), each with the
    routine that has it; a move in several routines, once, with the first."""
    found: dict[str, tuple[Exercise, str]] = {}
    for entry in library.all_routines():
        if entry.source == "user" and entry.routine is not None:
            for move in entry.routine.exercise:
                found.setdefault(move.id, (move, entry.id))
    return sorted(found.values(), key=lambda pair: pair[0].name.casefold())


def _move_json(move: Exercise, source: str) -> dict[str, Any]:
    extra = move.model_dump() if isinstance(move, CatalogueExercise) else {}
    return {
        "id": move.id,
        "name": move.name,
        "kind": move.kind,
        "muscles": move.muscles,
        "equipment": move.equipment,
        "sides": move.sides,
        "prescription": extra.get("prescription", ""),
        "default": extra.get("default", {}),
        "about": extra.get("about", ""),
        "cues": move.cues,
        "rep_cues": move.rep_cues,
        "hold_cue": move.hold_cue,
        "release_cue": move.release_cue,
        "left_side": move.left_side,
        "right_side": move.right_side,
        "safety": move.safety,
        "skip_if": move.skip_if,
        "source": source,
    }


def list_exercises(args: argparse.Namespace) -> int:
    """The catalogue's moves, then the person's own (from their routines)."""
    catalogue = [(move, "catalogue") for move in library.catalogue().exercises.values()]
    moves: list[tuple[Exercise, str]] = [*catalogue, *own_moves()]
    if args.json:
        print_json([_move_json(move, source) for move, source in moves])
        return EXIT_OK
    rows = [["ID", "NAME", "KIND", "MUSCLES", "EQUIPMENT", "FROM"]]
    rows += [
        [m.id, m.name, m.kind, ", ".join(m.muscles), m.equipment_text, source]
        for m, source in moves
    ]
    print(table(rows))
    return EXIT_OK


def show(args: argparse.Namespace) -> int:
    entry = loaded_routine(args.routine)
    routine = entry.routine
    assert routine is not None  # loaded_routine returns only routines that loaded
    timeline = entry.timeline
    print(f"{routine.name}  ({entry.id}, {entry.source})")
    if routine.description:
        print(routine.description)
    if routine.tags:
        print("Tags: " + ", ".join(routine.tags))
    moves = resolve(routine, library.exercises())
    kit = kit_of(moves)
    print("You need: " + (", ".join(kit.needed) if kit.needed else "nothing but some floor"))
    if kit.optional:
        print("Optional: " + ", ".join(kit.optional))
    for note in skip_notes(moves):
        print(f"Caution: {note}")
    print()
    for plan, move in zip(timeline.steps, moves, strict=True):
        seconds = timeline.seconds_from(plan.first) - timeline.seconds_from(plan.end)
        what = describe_step(plan.step, move, routine.rest_between_sets)
        print(f"{plan.index + 1:>3}. {pad(move.name, 28)} {what}  [{duration(seconds)}]")
        if args.figures:
            print("\n".join(figure_lines(plan.step, move)))
    print()
    print(f"Estimated time: {duration(timeline.estimated_seconds)}")
    return EXIT_OK


FRAME = (24, 8)
"""Columns and rows of each still picture of `show --figures`."""


def figure_lines(step: Step, move: Exercise) -> list[str]:
    """A step's still pictures side by side, each captioned, as many a row as the terminal takes."""
    from backtimer.domain.figure.canvas import plain, render
    from backtimer.domain.figure.motion import key_frames
    from backtimer.domain.figure.stage import draw

    frames = key_frames(step, move, library.figures())
    indent = " " * 5
    if not frames:
        return [f"{indent}(no figure for this move)", ""]
    width, height = FRAME
    room = shutil.get_terminal_size((100, 24)).columns - len(indent)
    per_row = max(1, (room + 2) // (width + 2))
    lines = []
    for first in range(0, len(frames), per_row):
        row = frames[first : first + per_row]
        pictures = [plain(render(draw(staged), width, height)) for _, staged in row]
        lines += [(indent + "  ".join(p[y] for p in pictures)).rstrip() for y in range(height)]
        captions = [pad(cut(caption, width), width) for caption, _ in row]
        lines += [indent + "  ".join(captions).rstrip(), ""]
    return lines


def cut(text: str, width: int) -> str:
    """``text``, shortened with an ellipsis to fit ``width`` columns."""
    return text if len(text) <= width else text[: width - 1] + "…"


def validate(args: argparse.Namespace) -> int:
    missing = False
    invalid = False
    for name in args.files:
        path = Path(name)
        if not path.exists():
            error(f"{name}: no such file")
            missing = True
            continue
        if is_programme_file(path):
            invalid |= not _validate_programme(name, path)
            continue
        entry = library.read_routine(path)
        if entry.routine is None:
            invalid = True
            for problem in entry.problems:
                print(f"{name}: {problem}")
            continue
        steps = len(entry.routine.step)
        time = duration(entry.estimated_seconds)  # worked out, not compiled: quick at any size
        print(f"{name}: ok ({entry.name}, {plural(steps, 'step')}, {time})")
    if missing:
        return EXIT_USAGE
    return EXIT_INVALID if invalid else EXIT_OK


def _validate_programme(name: str, path: Path) -> bool:
    from backtimer.storage.programmes import validate_programme_file

    entry = validate_programme_file(path)
    if entry.program is None:
        for problem in entry.problems:
            print(f"{name}: {problem}")
        return False
    print(f"{name}: ok (programme {entry.name}, {plural(entry.program.weeks, 'week')})")
    return True


def export(args: argparse.Namespace) -> int:
    """Print a routine file's text exactly as it is, comments and all."""
    sys.stdout.write(loaded_routine(args.routine).text)
    return EXIT_OK


def import_routine(args: argparse.Namespace) -> int:
    """Check a routine file and copy it, unchanged, into the user's routines."""
    path = Path(args.file)
    if not path.exists():
        error(f"{args.file}: no such file")
        return EXIT_USAGE
    entry = library.read_routine(path)
    if entry.routine is None:
        for problem in entry.problems:
            error(f"{args.file}: {problem}")
        return EXIT_INVALID
    try:
        saved = routine_files.save_routine(entry.id, entry.text, force=args.force)
    except routine_files.RoutineExists as exc:
        error(
            f"{args.file}: {exc}; use --force to replace it,"
            " or rename the file to import it as another routine"
        )
        return EXIT_INVALID
    except routine_files.SaveRefused as exc:
        error(f"{args.file}: {exc}; rename the file")
        return EXIT_INVALID
    except StorageError as exc:
        error(str(exc))
        return EXIT_INVALID
    print(f"{args.file}: imported as '{entry.id}' ({entry.name}) in {saved}")
    _same_name(entry)
    return EXIT_OK


def _same_name(imported: library.RoutineEntry) -> None:
    """Say so when other routines have the name the imported one has."""
    others = [
        f"the built-in routine {entry.id}" if entry.source == "built-in" else f"your {entry.id}"
        for entry in library.all_routines()
        if entry.name == imported.name and entry.id != imported.id
    ]
    if not others:
        return
    also = " and ".join(others) + (" is" if len(others) == 1 else " are")
    error(
        f"note: {also} also called '{imported.name}'; the picker tells them apart by id."
        " To rename yours, change its name = line and import it again with --force."
    )
