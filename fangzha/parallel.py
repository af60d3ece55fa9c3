"""Spread a big, order-preserving map over the machine's cores (fork only; else one process).

Markdown conversion and page rendering are pure per item, so a pool of forked workers gives the same
bytes in the same order, just sooner. Small jobs stay in-process: a pool costs more than it saves.
"""

import multiprocessing
import os
import signal

MIN_ITEMS = 400


def cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _ignore_ctrl_c():
    """Ctrl+C reaches every process of the terminal: only the main one answers it (one line, no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ordered_map(function, items, min_items=MIN_ITEMS):
    """[function(x) for x in items], in worker processes when it is worth it."""
    items = list(items)
    workers = min(cores(), 8)
    if len(items) < min_items or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_ctrl_c) as pool:
        return pool.map(function, items, chunksize=max(1, len(items) // (workers * 4)))
