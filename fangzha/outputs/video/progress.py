"""What `build.py video` says while it works: screens drawn, seconds encoded, videos made.

On a terminal one line is rewritten in place; in a log (not a terminal) a line is written at each
quarter of a step and at its end, so a log stays short.
"""


class Progress:
    def __init__(self, stream=None):
        self.stream = stream
        self.shown = {}  # step → the last quarter written (logs only)
        self.open_line = False

    def update(self, step, done, total, unit):
        """`step` (a phrase such as 画视频画面) has `done` of `total` `unit`s done."""
        if self.stream is None:
            return
        line = f"视频：{step} {done}/{total} {unit}"
        if self.stream.isatty():
            self.stream.write("\r" + line + "\033[K" + ("\n" if done >= total else ""))
            self.open_line = done < total
        else:
            quarter = 4 * done // max(total, 1)
            if quarter != self.shown.get(step) or done >= total:
                self.stream.write(line + "\n")
                self.shown[step] = quarter
        self.stream.flush()

    def say(self, text):
        if self.stream is None:
            return
        self.stream.write(("\n" if self.open_line else "") + f"视频：{text}\n")
        self.open_line = False
        self.stream.flush()
