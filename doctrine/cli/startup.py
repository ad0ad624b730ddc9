"""A command's start-up runs with Python's cyclic garbage collector paused.

Starting a command makes tens of thousands of objects that all live until it exits: modules,
classes and functions (typer, lark, clingo, doctrine), the rulebase and the compiled doctrine
read from the cache. Each collection walked them again, about 50 collections and 10 ms of a
single `doctrine explain` (most of which is start-up). Reference counting still frees what
dies; the collector comes back on once the first item of the command's work is done (`started`,
called by the progress ticker), so a long batch, fuzz or verify runs with it as before, and
in a worker process forked before then, as soon as it starts.

    program() -> starting() ... the first case decided -> started()
"""

from __future__ import annotations

import gc
import os

_paused = False
_registered = False


def starting() -> None:
    """Pause the collector (when it is on) until `started`."""
    global _paused, _registered
    if gc.isenabled():
        gc.disable()
        _paused = True
    if not _registered and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=started)  # a batch worker is not starting up
        _registered = True


def started() -> None:
    """The start-up is over: the collector runs again, if `starting` paused it."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
