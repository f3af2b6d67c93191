"""Programmes: the programme format, the calendar arithmetic (`schedule`), where the
programme under way stands (`standing`), rest days, whether a session is due now
(`due`, quick enough for a prompt) and the calendar file. Imports `coaching` and below."""
