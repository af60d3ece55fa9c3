"""Spread a big, order-preserving map over the machine's cores.

Markdown conversion, page rendering and PDF drawing are pure per item, so a pool of workers gives
the same bytes in the same order, just sooner. Small jobs stay in-process: a pool costs more than
it saves. Every job shares one read-only `state` (the pages, the Jinja environment, the assets):
where processes are forked (Linux) the workers inherit it; where they are spawned (Windows,
macOS) it is pickled once per worker, so it must then be picklable (see `Portable`).
"""

import multiprocessing
import os
import signal

from . import i18n

MIN_ITEMS = 400
START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"

_state = {}  # in a worker: the state of the job it serves


def cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _adopt(state=None, inherited=False, language=None):
    """A worker's start. Ctrl+C reaches every process of the terminal: only the main one answers
    it (one line, no worker tracebacks). A spawned worker is given the job's state and the build's
    language (it would start in simplified Chinese); a forked one inherits both."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not inherited:
        _state["job"] = state
        i18n.activate(language)


def _call(job):
    function, item = job
    return function(_state["job"], item)


def ordered_map(function, items, state=None, min_items=None, progress=None):
    """[function(state, x) for x in items], in worker processes when it is worth it.

    `function` must be a module-level function (spawned workers import it by name); `progress`, when
    given, is called with the number of items done so far as results come in.
    """
    items = list(items)
    workers = min(cores(), 8, len(items))
    in_worker = multiprocessing.current_process().daemon  # a pool's workers may not start a pool of their own
    if len(items) < (MIN_ITEMS if min_items is None else min_items) or workers < 2 or in_worker:
        return list(_counted((function(state, item) for item in items), progress))
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "fork":
        _state["job"] = state  # inherited by the forked workers: nothing is pickled
        pool = context.Pool(workers, initializer=_adopt, initargs=(None, True))
    else:
        pool = context.Pool(workers, initializer=_adopt, initargs=(state, False, i18n.active_config()))
    try:
        with pool:
            jobs, chunks = [(function, item) for item in items], max(1, len(items) // (workers * 4))
            if progress is None:
                return pool.map(_call, jobs, chunksize=chunks)
            return list(_counted(pool.imap(_call, jobs, chunksize=chunks), progress))
    finally:
        _state.clear()


def planned_map(function, items, state, memory, min_items=None):
    """ordered_map for a family's planning: over the cores in a one-off build; in a preview (`memory`), in
    this process, which keeps the layouts the preview remembers between saves (memory.pure)."""
    if memory is not None:
        return [function(state, item) for item in items]
    return ordered_map(function, items, state, min_items)


def _counted(results, progress):
    """The results, telling `progress` how many have come in."""
    for done, result in enumerate(results, start=1):
        if progress is not None:
            progress(done)
        yield result


class Portable:
    """A job state that keeps what cannot be pickled (a compiled Jinja environment) out of the
    pickle: spawned workers rebuild it with `make_local()` the first time they need it."""

    local_names = ()

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k not in self.local_names}

    def __setstate__(self, values):
        self.__dict__.update(values)
        for name in self.local_names:
            self.__dict__.setdefault(name, None)
