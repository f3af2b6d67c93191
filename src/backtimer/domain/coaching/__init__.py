"""Coaching: reading pain and notes, the trend of rest pain, each step's history, the
progression rules and the suggestions made of them, the easier week after a flare-up,
mornings, red flags. Imports `history` and below (never the timer)."""
