"""Progress over a known number of documents, as people expect it from a long run.

On a terminal: one tqdm bar ("12/40 documents [00:35<00:52]": N of M, elapsed, remaining).
Without one (a pipe, a log file, CI): a plain line every few seconds, so a long run is never
silent and a log is never flooded::

    progress: 12 of 40 documents, 35 s elapsed, about 52 s remaining

Usage (``pipeline run``; ``make all`` can drive the same object from the files it sees done)::

    with Progress(len(docs)) as bar:
        for result in results:
            bar.update()            # one more done (or bar.set(done) for an absolute count)
            bar.write("error: ...")  # a message that does not break the bar

Output goes to stderr; stdout stays for data. Nothing is printed for an empty run.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any, Callable

PLAIN_INTERVAL = 5.0   # seconds between plain lines without a terminal


def on_terminal(stream: IO[str]) -> bool:
    """A live bar only on an interactive terminal (not in CI logs, not in pipes)."""
    try:
        return stream.isatty() and not os.environ.get("CI")
    except (AttributeError, ValueError):
        return False


def clock(seconds: float) -> str:
    """``45 s``, ``3 min 05 s``, ``1 h 02 min``: short, and readable in a log."""
    s = int(round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


class Progress:
    """N of M done, elapsed and remaining; a bar on a terminal, a line every ``interval`` s otherwise.

    ``tty`` forces one mode (tests); ``now`` is the clock (tests pass a fake one).
    """

    def __init__(self, total: int, label: str = "documents", stream: IO[str] | None = None,
                 interval: float = PLAIN_INTERVAL, tty: bool | None = None,
                 now: Callable[[], float] = time.monotonic) -> None:
        self.total, self.label, self.interval, self.now = total, label, interval, now
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.start = self.last_line = now()
        self._bar: Any = None
        self.tty = on_terminal(self.stream) if tty is None else tty
        if self.tty and total > 0:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", desc=label, file=self.stream, leave=True,
                             bar_format="{l_bar}{bar}| {n_fmt} of {total_fmt} [{elapsed} elapsed, {remaining} left]")

    def update(self, n: int = 1) -> None:
        """``n`` more documents done."""
        self.set(self.done + n)

    def set(self, done: int) -> None:
        """``done`` documents done in all (for a caller that counts finished files)."""
        done = max(0, min(done, self.total))
        step, self.done = done - self.done, done
        if self._bar is not None:
            if step:
                self._bar.update(step)
            return
        t = self.now()
        if self.total and t - self.last_line >= self.interval and self.done < self.total:
            self.last_line = t
            print(self.line(t), file=self.stream, flush=True)

    def line(self, t: float | None = None) -> str:
        """The plain progress line: N of M, elapsed, and (once something is done) remaining."""
        elapsed = (self.now() if t is None else t) - self.start
        text = f"progress: {self.done} of {self.total} {self.label}, {clock(elapsed)} elapsed"
        if 0 < self.done < self.total:
            text += f", about {clock(elapsed / self.done * (self.total - self.done))} remaining"
        return text

    def write(self, message: str) -> None:
        """A line (an error) printed above the bar, which then redraws below it."""
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
