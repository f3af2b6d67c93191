"""Every session's digest for a command: what a killed process left saved first,
every problem said.

Apart from `backtimer.cli.history` so that the commands that only read digests
(``stats``, ``today``, ``morning``, ``progress``) load no model: the digests come
from their cache (`backtimer.storage.digest_cache`) while the files are unchanged.
"""

from __future__ import annotations

from backtimer.cli.output import error
from backtimer.domain.history.digest import SessionDigest
from backtimer.storage.history import HistoryStore


def load_digests(store: HistoryStore) -> list[SessionDigest]:
    """Every session, in the compact form the table and the statistics need: quick at
    any size. Problems go to stderr."""
    result = recovered(store).load_digests()
    say(result.problems)
    return result.sessions


def recovered(store: HistoryStore) -> HistoryStore:
    """The store, once the sessions left by a killed process are saved (problems said)."""
    say(store.recover()[1])
    return store


def say(problems: list[str]) -> None:
    for problem in problems:
        error(problem)
