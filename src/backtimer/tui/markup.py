"""Putting any text inside the markup a widget shows, so that it shows as it is."""

from __future__ import annotations


def escape(text: str) -> str:
    """``text`` for a place in Textual markup, every bracket shown as typed.

    Rich's and Textual's own `escape` leave the outer bracket of ``[[exercise]]``
    alone and escape the inner one, which Textual then shows with its backslash
    (``[\\[exercise]]``); escaping every opening bracket shows it as written.
    """
    return text.replace("[", "\\[")
