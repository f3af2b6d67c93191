"""The history: the session record (`session`), how a step and a session went
(`outcome`), the digest of a session the statistics read, the statistics, per-move
progress, and the plain (no pydantic) reading of tables. Imports `routines` and below."""
