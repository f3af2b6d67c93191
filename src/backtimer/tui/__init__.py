"""The full-screen app: screens, widgets and styles (loaded only for the timer)."""
