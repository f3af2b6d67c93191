"""backtimer: a full-screen terminal workout timer for people with lower-back pain."""

__version__ = "0.1.0"
