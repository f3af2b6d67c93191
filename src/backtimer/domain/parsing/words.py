"""Words that fit a count, for every sentence that names one: "1 day", "3 days"."""


def plural(count: int, word: str) -> str:
    """ "1 day", "3 days"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
