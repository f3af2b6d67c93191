"""The tests hold together: shared helpers live in support modules, one helper reads the
app's notifications, and the command line's tests run at a fixed instant.

A test module that imports another drags that module's tests and fixtures into its own
namespace and breaks when the other is renamed or split; helpers shared between test
modules belong in `tests/factories.py`, `tests/tui/helpers.py`, `tests/tui/scenes.py`
and the like. A command-line test that runs on the real date passes or fails by the day
of the week (one did: `test_progress_says_what_each_step_needs_and_apply_accepts_it`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def modules_of_tests(root: Path = TESTS) -> list[Path]:
    return sorted(root.rglob("test_*.py"))


def imported_modules(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Each module an import names (anywhere, in a function too), with its line."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            yield node.lineno, node.module
            for alias in node.names:  # from tests.unit import test_x
                yield node.lineno, f"{node.module}.{alias.name}"


def imports_of_test_modules(root: Path = TESTS) -> list[str]:
    """Every import of a test module by a test module under ``root``, as "file:line: name"."""
    found = []
    for path in modules_of_tests(root):
        tree = ast.parse(path.read_text(), str(path))
        for line, name in imported_modules(tree):
            if name.startswith("tests.") and name.rsplit(".", 1)[-1].startswith("test_"):
                found.append(f"{path.relative_to(root.parent)}:{line}: {name}")
    return found


def test_no_test_module_imports_another() -> None:
    assert imports_of_test_modules() == []


def test_the_check_sees_an_import_of_a_test_module(tmp_path: Path) -> None:
    """The positive control: the check above finds such an import, inside a function too."""
    (tmp_path / "tests" / "unit").mkdir(parents=True)
    (tmp_path / "tests" / "unit" / "test_a.py").write_text(
        "def test_x():\n    from tests.unit.test_b import helper\n"
    )
    (tmp_path / "tests" / "unit" / "test_b.py").write_text("from tests.unit import test_c\n")
    assert imports_of_test_modules(tmp_path / "tests") == [
        "tests/unit/test_a.py:2: tests.unit.test_b",
        "tests/unit/test_b.py:1: tests.unit.test_c",
    ]


def calls_of_main_without_now(tree: ast.AST) -> list[int]:
    """The lines on which `main(...)` is called with no ``now=``."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "main"
        and not any(keyword.arg == "now" for keyword in node.keywords)
    ]


def reads_the_real_date(tree: ast.AST) -> list[int]:
    """The lines that call ``datetime.now`` or ``date.today``."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id, node.func.attr) in {("datetime", "now"), ("date", "today")}
    ]


def runs_the_command_line(tree: ast.AST) -> bool:
    names = {"backtimer.cli", "tests.system.conftest.backtimer", "tests.system.conftest.run"}
    return any(name in names for _, name in imported_modules(tree))


def test_the_command_lines_tests_pass_a_fixed_instant() -> None:
    found = []
    for path in [*modules_of_tests(), TESTS / "system" / "conftest.py"]:
        tree = ast.parse(path.read_text(), str(path))
        found += [
            f"{path.name}:{line}: main() on the real clock"
            for line in calls_of_main_without_now(tree)
        ]
        if runs_the_command_line(tree):
            found += [f"{path.name}:{line}: the real date" for line in reads_the_real_date(tree)]
    assert found == []


def test_the_checks_see_the_real_clock() -> None:
    """The positive control: a call on the real clock, and a reading of the real date."""
    tree = ast.parse(
        "from backtimer.cli import main\n"
        "def test_x():\n"
        "    main(['stats'])\n"
        "    main(['stats'], now=lambda: NOW)\n"
        "    today = date.today()\n"
    )
    assert runs_the_command_line(tree)
    assert calls_of_main_without_now(tree) == [3]
    assert reads_the_real_date(tree) == [5]


def reads_of_notifications(tree: ast.AST) -> list[int]:
    """The lines that read the app's private ``_notifications``."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "_notifications"
    ]


def test_only_the_pilot_helpers_read_the_apps_notifications() -> None:
    """`tests.tui.helpers.toasts` (and `told`, which adds the workout's status line) is
    the one place: a change in Textual's private field is then mended once."""
    helpers = TESTS / "tui" / "helpers.py"
    found = [
        f"{path.relative_to(TESTS)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != helpers
        for line in reads_of_notifications(ast.parse(path.read_text(), str(path)))
    ]
    assert found == []
    assert reads_of_notifications(ast.parse(helpers.read_text()))  # the control: it is seen
