"""How far `build.py units` has got, on stderr: units done of the total, time so far, time still to go.

On a terminal one line is rewritten in place; in a log a line is written at each tenth and at the end,
so a CI log of a province's units stays short; a short run (a few dozen units) says nothing in a log.
"""

import time

LONG = 50  # units: fewer are done in seconds, and a log needs no progress lines for them


class Progress:
    def __init__(self, stream=None, clock=time.monotonic):
        self.stream, self.clock = stream, clock
        self.step, self.total, self.started, self.shown = "", 0, 0.0, -1

    def start(self, step, total):
        self.step, self.total, self.started, self.shown = step, total, self.clock(), -1
        self.update(0)

    def update(self, done):
        if self.stream is None or not self.total or (self.total < LONG and not self.stream.isatty()):
            return
        elapsed = self.clock() - self.started
        left = f"，还要约 {clock_text(elapsed / done * (self.total - done))}" if 0 < done < self.total else ""
        line = f"{self.step}：{done}/{self.total} 个单位，用时 {clock_text(elapsed)}{left}"
        if self.stream.isatty():
            self.stream.write("\r" + line + "\033[K" + ("\n" if done >= self.total else ""))
        else:
            tenth = 10 * done // self.total
            if tenth == self.shown and done < self.total:
                return
            self.shown = tenth
            self.stream.write(line + "\n")
        self.stream.flush()


def clock_text(seconds):
    """12 秒, 3 分 05 秒, 1 小时 02 分."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} 秒"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} 分 {seconds:02d} 秒"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} 小时 {minutes:02d} 分"
