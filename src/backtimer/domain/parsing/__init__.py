"""Text and parsing, below everything else: reading TOML and JSON safely (`safe_parse`),
problems put into one line each (`problems`), the id rule (`ids`) and words that fit a
count (`words`). Imports nothing else of the domain."""
