"""The timer: the engine that runs a timeline on an injected clock, its events, what is
said aloud, and a workout that turns the run into a session record. Imports `history`
and below."""
