"""Progress on stderr for the long commands (`run`, `test`, `diff`, `fuzz`, `verify`, `whatif`).

A transient rich progress bar that appears only once the work has taken about a second, only
when stderr is a terminal, and never with `--quiet`; it is gone when the command prints its
answer, so piped output and logs are exactly what they were without it.

    with Ticker("solving", total=len(cases), quiet=quiet) as tick:
        for case in cases:
            solve(case)
            tick.advance()
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")

DELAY = 1.0  # seconds of work before a bar is worth showing


class Ticker:
    """Counts steps; shows a transient bar on a terminal's stderr once `delay` seconds have passed."""

    def __init__(self, description: str, total: int | None = None, quiet: bool = False, delay: float | None = None,
                 console: Any = None) -> None:
        self.description, self.total = description, total
        self.delay = DELAY if delay is None else delay
        self.console = console  # made when a bar is due (a rich Console costs tens of ms to make)
        self.disabled = quiet or (console is not None and not console.is_terminal)
        self.done = 0
        self._progress: Any = None
        self._task: Any = None
        self._start = time.monotonic()

    def __enter__(self) -> Ticker:
        self._start = time.monotonic()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def advance(self, steps: int = 1, description: str | None = None) -> None:
        """Count `steps` more; start or refresh the bar when it is due."""
        if not self.done:
            from doctrine.cli.startup import started

            started()  # the first item is done: the command's start-up is over
        self.done += steps
        if description is not None:
            self.description = description
        if self.disabled:
            return
        if self._progress is None:
            if time.monotonic() - self._start < self.delay:
                return
            if self.console is None:
                from doctrine.cli.common import make_console

                self.console = make_console(stderr=True)
                if not self.console.is_terminal:
                    self.disabled = True
                    return
            self._open()
        self._progress.update(self._task, completed=self.done, description=self.description)

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Yield the items, counting each one after the caller has dealt with it."""
        for item in items:
            yield item
            self.advance()

    def _open(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}")]
        if self.total is not None:
            columns += [BarColumn(), MofNCompleteColumn()]
        columns.append(TimeElapsedColumn())
        # stdout lines go above the bar only when stdout is this same terminal; piped, they stay put
        shared = sys.stdout.isatty()
        self._progress = Progress(*columns, console=self.console, transient=True, disable=self.disabled,
                                  redirect_stdout=shared, redirect_stderr=False)
        self._progress.start()
        self._task = self._progress.add_task(self.description, total=self.total, completed=self.done)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
