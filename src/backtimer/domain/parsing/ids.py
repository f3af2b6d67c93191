"""The id rule: what a move, routine or programme id may be, and the words for it."""

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"

ID_RULE = (
    "lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters"
)
"""`ID_PATTERN` in words, for the messages that name an id that breaks it."""


def id_rule_problem(got: str) -> str:
    """The problem with an id that is not of `ID_PATTERN`; ``got`` is the id as quoted."""
    return f"must be {ID_RULE} (got {got})"
