"""The terminal's output, which never stops the app when the terminal is gone.

Textual hands each frame to an output thread through a queue of 30. When the
terminal closes, the thread's next write fails and the thread dies; the app
then blocks handing it the 31st frame, and its event loop, where the stopping
signals are handled, never runs again: the process ran on for ever. Here a
write to a terminal that is gone is dropped instead, and the thread carries on.
"""

from __future__ import annotations

from io import TextIOWrapper
from typing import IO, Any, cast

from textual.drivers.linux_driver import LinuxDriver


class SturdyOutput:
    """A text file that drops what it cannot write (the terminal closed)."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> None:
        if self.gone:
            return
        try:
            self._file.write(text)
        except (OSError, ValueError):  # EIO from a closed terminal; a closed file
            self.gone = True

    def flush(self) -> None:
        if self.gone:
            return
        try:
            self._file.flush()
        except (OSError, ValueError):
            self.gone = True

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return self._file.isatty()


class SturdyLinuxDriver(LinuxDriver):
    """Textual's driver for Linux and macOS terminals, writing through `SturdyOutput`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self._file is not None:
            # Textual's file is the terminal's TextIOWrapper; its driver and output
            # thread use only what SturdyOutput has (write, flush, fileno).
            self._file = cast("TextIOWrapper[Any]", SturdyOutput(self._file))
