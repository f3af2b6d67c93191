"""The workout domain: moves, routines, the timer and session records.

Nothing here imports the user interface or touches the disk; a test checks it.
"""
