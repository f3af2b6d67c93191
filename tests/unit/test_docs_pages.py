"""The documentation says what the code does: the pages are checked against it.

Every command and option of ``backtimer --help`` has its entry in the commands
reference; every setting, with its default and its range, in the settings
reference; the red flags in the README and the safety page are the app's own;
the README's test commands are the ones CI runs; every picture in screenshots/
is shown somewhere; and the module map names every module of the domain and no
file that is not there. (The keys reference is checked in
tests/tui/test_keys_page.py, the growing page in test_growing_page.py.)
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
from annotated_types import Ge, Le, MaxLen

from backtimer.cli import build_parser, main
from backtimer.domain.coaching import red_flags
from backtimer.domain.routines.settings import Settings
from tests.factories import NOW

TOP = Path(__file__).parents[2]
DOCS = TOP / "docs"
README = TOP / "README.md"
PAGES = sorted(DOCS.rglob("*.md"))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def section(page: Path, heading: str) -> str:
    """The text under ``heading`` (a whole heading line), up to the next heading."""
    text = page.read_text()
    start = text.index(f"\n{heading}\n")
    after = re.search(r"\n#{1,3} ", text[start + 1 :])
    return text[start : start + 1 + after.start()] if after else text[start:]


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command and subcommand with its parser, ``backtimer`` itself first."""
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*path, name))
    return found


COMMANDS = commands(build_parser())


@pytest.mark.parametrize(
    "path, parser", COMMANDS, ids=[" ".join(path) or "backtimer" for path, _ in COMMANDS]
)
def test_every_command_has_its_reference_entry_with_every_option(
    path: tuple[str, ...], parser: argparse.ArgumentParser
) -> None:
    level = "##" if len(path) <= 1 else "###"
    entry = section(DOCS / "reference" / "commands.md", f"{level} {' '.join(['backtimer', *path])}")
    usage = entry.split("```")[1]
    assert usage.strip() == flat(parser.format_usage().removeprefix("usage: ")).strip()
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        for option in action.option_strings:
            assert f"`{option}" in entry, option  # said, not only in the usage line
        if not action.option_strings and not isinstance(action, argparse._SubParsersAction):
            assert f"`{action.metavar}`" in entry, action.metavar


def test_the_commands_reference_has_no_command_that_is_not_there() -> None:
    headings = re.findall(
        r"^#{2,3} (backtimer.*)$", (DOCS / "reference/commands.md").read_text(), re.M
    )
    assert sorted(headings) == sorted(" ".join(["backtimer", *path]) for path, _ in COMMANDS)


def test_the_stats_json_keys_the_reference_lists_are_the_ones_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["stats", "--json"], now=lambda: NOW) == 0
    printed = list(json.loads(capsys.readouterr().out))
    entry = flat(section(DOCS / "reference" / "commands.md", "## backtimer stats"))
    listed = re.search(r"prints an object with the keys (.*?)\.", entry)
    assert listed is not None
    assert re.findall(r"`(\w+)`", listed.group(1)) == printed


def test_the_settings_reference_gives_every_setting_its_default_and_range() -> None:
    rows = re.findall(
        r"^\| `(\w+)` \| [^|]+ \| ([^|]+) \| ([^|]+) \|$",
        (DOCS / "reference" / "settings.md").read_text(),
        re.M,
    )
    table = {key: (default, allowed) for key, default, allowed in rows}
    assert list(table) == list(Settings.model_fields)
    for name, field in Settings.model_fields.items():
        default, allowed = table[name]
        if field.default is not None:
            assert f"`{json.dumps(field.default)}`" in default, name
        limits = {type(m): m for m in field.metadata}
        limits |= {type(m): m for a in field.metadata for m in getattr(a, "metadata", [])}
        if Ge in limits and Le in limits:
            assert f"{limits[Ge].ge} to {limits[Le].le}" in allowed, name
        if MaxLen in limits:
            assert f"at most {limits[MaxLen].max_length} characters" in allowed, name


@pytest.mark.parametrize("page", [README, DOCS / "guide" / "safety.md"], ids=lambda p: p.name)
def test_the_red_flags_shown_are_the_apps_own(page: Path) -> None:
    text = page.read_text()
    shown = text[text.index(f"{red_flags.TITLE}\n") : text.index(red_flags.SOURCE)]
    expected: list[str] = []
    for heading, lines in red_flags.sections():
        expected += [f"**{heading}**", *(f"- {line}" for line in lines)]
    assert [line for line in shown.splitlines()[1:] if line.strip()] == expected


def test_the_readmes_test_commands_are_the_ones_ci_runs() -> None:
    readme = README.read_text()
    block = readme[readme.index("## Run the tests") :].split("```sh\n", 1)[1].split("```")[0]
    wanted = block.strip().splitlines()
    assert wanted == ["pip install -e '.[test]'", "pytest"]
    ran = [
        re.sub(r'^"\$venv/bin/(\w+)"', r"\1", line.strip()).replace(" --quiet", "")
        for line in (TOP / ".ci" / "run").read_text().splitlines()
    ]
    for command in wanted:
        assert command in ran, command


def test_the_readme_stays_short() -> None:
    assert len(README.read_text().splitlines()) <= 150


def test_every_picture_in_screenshots_is_shown_in_a_page() -> None:
    shown = "".join(page.read_text() for page in PAGES)
    for picture in sorted((TOP / "screenshots").glob("*.*")):
        if picture.suffix in (".svg", ".png"):
            assert f"screenshots/{picture.name})" in shown, picture.name


def _module_map() -> list[str]:
    """The domain's modules, as the architecture's map lists them: `report/html.py`..."""
    page = (DOCS / "development" / "architecture.md").read_text()
    table = page[page.index("| subpackage of `src/backtimer/domain/` |") :].split("\n\n")[0]
    listed = []
    for row in table.splitlines()[2:]:
        package, holds = re.findall(r"^\| `([a-z_]+/)` \| (.*?) \|", row)[0]
        listed += [package + name for name in re.findall(r"`([a-z_]+\.py)`", holds)]
    return listed


def test_the_module_map_lists_every_module_of_the_domain_once() -> None:
    domain = TOP / "src" / "backtimer" / "domain"
    assert not [p.name for p in domain.glob("*.py") if p.name != "__init__.py"]
    modules = [str(p.relative_to(domain)) for p in domain.glob("*/*.py") if p.name != "__init__.py"]
    listed = _module_map()
    assert sorted(listed) == sorted(modules)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_source_file_a_page_names_is_there(page: Path) -> None:
    """A page names code by its path (`domain/history/outcome.py`, `tests/tui/scenes.py`): when a
    module moves, the pages that name it fail here until they follow."""
    named = re.findall(
        r"`((?:src/backtimer/)?(?:domain|storage|tui|cli|web|tests|benchmarks|screenshots)"
        r"/[\w/.]*\.(?:py|toml))",
        page.read_text(),
    )
    for path in named:
        under_src = path.split("/")[0] in ("domain", "storage", "tui", "cli", "web")
        where = TOP / "src" / "backtimer" / path if under_src else TOP / path
        assert where.exists(), path


def test_every_test_the_workarounds_page_names_is_there() -> None:
    """Each workaround of a private part of Textual names the test that shows it is still
    needed (``tests/x.py::test_name``, then ``::other_test`` in the same file)."""
    page = (DOCS / "development" / "textual.md").read_text()
    named = re.findall(r"`((?:tests/[\w/]+\.py)?)::(test_\w+)`", page)
    assert len(named) >= 10
    module = ""
    for path, test in named:
        module = path or module
        source = (TOP / module).read_text()
        assert re.search(rf"^(async )?def {test}\(", source, re.M), f"{module}::{test}"
